#include "CTensorKernels.h"

/// Average pooling with windows that tile the plane (stride = kernel, no padding): each output is the mean of its
/// kernelH x kernelW block, rows and columns past the last whole block are left out.
void tk_avg_pool_tiled(long planes, long height, long width, long kernelH, long kernelW, const float *x, float *y) {
    long outH = height / kernelH, outW = width / kernelW;
    float scale = 1.0f / (float)(kernelH * kernelW);
    for (long p = 0; p < planes; p++) {
        const float *plane = x + p * height * width;
        float *out = y + p * outH * outW;
        if (kernelH == 2 && kernelW == 2) {
            // The common 2x2 case, unrolled: the same sums in the same order as the general loop.
            for (long oy = 0; oy < outH; oy++) {
                const float *top = plane + 2 * oy * width, *bottom = top + width;
                for (long ox = 0; ox < outW; ox++) {
                    out[oy * outW + ox] = (((0.0f + top[2 * ox]) + top[2 * ox + 1]) + bottom[2 * ox]) + bottom[2 * ox + 1];
                    out[oy * outW + ox] *= scale;
                }
            }
            continue;
        }
        for (long oy = 0; oy < outH; oy++) {
            for (long ox = 0; ox < outW; ox++) {
                const float *block = plane + oy * kernelH * width + ox * kernelW;
                float total = 0.0f;
                for (long ky = 0; ky < kernelH; ky++) {
                    for (long kx = 0; kx < kernelW; kx++) total += block[ky * width + kx];
                }
                out[oy * outW + ox] = total * scale;
            }
        }
    }
}

/// The adjoint of tk_avg_pool_tiled: every input of a block receives its output's gradient over the block's size,
/// the inputs outside every block zero.
void tk_avg_pool_tiled_backward(long planes, long height, long width, long kernelH, long kernelW, const float *g,
                                float *dx) {
    long outH = height / kernelH, outW = width / kernelW;
    float scale = 1.0f / (float)(kernelH * kernelW);
    if (height % kernelH != 0 || width % kernelW != 0) {
        for (long i = 0; i < planes * height * width; i++) dx[i] = 0.0f;
    }
    for (long p = 0; p < planes; p++) {
        float *plane = dx + p * height * width;
        const float *gradient = g + p * outH * outW;
        if (kernelH == 2 && kernelW == 2) {
            for (long oy = 0; oy < outH; oy++) {
                float *top = plane + 2 * oy * width, *bottom = top + width;
                for (long ox = 0; ox < outW; ox++) {
                    float share = gradient[oy * outW + ox] * scale;
                    top[2 * ox] = share;
                    top[2 * ox + 1] = share;
                    bottom[2 * ox] = share;
                    bottom[2 * ox + 1] = share;
                }
            }
            continue;
        }
        for (long oy = 0; oy < outH; oy++) {
            for (long ox = 0; ox < outW; ox++) {
                float *block = plane + oy * kernelH * width + ox * kernelW;
                float share = gradient[oy * outW + ox] * scale;
                for (long ky = 0; ky < kernelH; ky++) {
                    for (long kx = 0; kx < kernelW; kx++) block[ky * width + kx] = share;
                }
            }
        }
    }
}
