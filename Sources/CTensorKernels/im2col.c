#include "CTensorKernels.h"

#include <string.h>

void tk_im2col(const float *x, long batch, long channels, long height, long width,
               long kernelH, long kernelW, long strideH, long strideW, long padH, long padW,
               long outH, long outW, float *cols) {
    const long plane = outH * outW;
    const long rowLength = batch * plane;
    for (long ch = 0; ch < channels; ch++) {
        for (long ky = 0; ky < kernelH; ky++) {
            for (long kx = 0; kx < kernelW; kx++) {
                float *row = cols + ((ch * kernelH + ky) * kernelW + kx) * rowLength;
                for (long n = 0; n < batch; n++) {
                    const float *image = x + (n * channels + ch) * height * width;
                    float *dst = row + n * plane;
                    for (long oy = 0; oy < outH; oy++) {
                        long iy = oy * strideH - padH + ky;
                        float *out = dst + oy * outW;
                        if (iy < 0 || iy >= height) {
                            memset(out, 0, (size_t)outW * sizeof(float));
                            continue;
                        }
                        const float *src = image + iy * width;
                        if (strideW == 1) {
                            for (long ox = 0; ox < outW; ox++) {
                                long ix = ox - padW + kx;
                                out[ox] = (ix >= 0 && ix < width) ? src[ix] : 0.0f;
                            }
                        } else {
                            for (long ox = 0; ox < outW; ox++) {
                                long ix = ox * strideW - padW + kx;
                                out[ox] = (ix >= 0 && ix < width) ? src[ix] : 0.0f;
                            }
                        }
                    }
                }
            }
        }
    }
}

void tk_col2im(const float *cols, long batch, long channels, long height, long width,
               long kernelH, long kernelW, long strideH, long strideW, long padH, long padW,
               long outH, long outW, float *dx) {
    const long plane = outH * outW;
    const long rowLength = batch * plane;
    for (long ch = 0; ch < channels; ch++) {
        for (long ky = 0; ky < kernelH; ky++) {
            for (long kx = 0; kx < kernelW; kx++) {
                const float *row = cols + ((ch * kernelH + ky) * kernelW + kx) * rowLength;
                for (long n = 0; n < batch; n++) {
                    float *image = dx + (n * channels + ch) * height * width;
                    const float *src = row + n * plane;
                    for (long oy = 0; oy < outH; oy++) {
                        long iy = oy * strideH - padH + ky;
                        if (iy < 0 || iy >= height) continue;
                        float *dst = image + iy * width;
                        const float *in = src + oy * outW;
                        for (long ox = 0; ox < outW; ox++) {
                            long ix = ox * strideW - padW + kx;
                            if (ix >= 0 && ix < width) dst[ix] += in[ox];
                        }
                    }
                }
            }
        }
    }
}
