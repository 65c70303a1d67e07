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
                        long first = 0, last = outW;
                        while (first < outW && first * strideW - padW + kx < 0) first++;
                        while (last > first && (last - 1) * strideW - padW + kx >= width) last--;
                        for (long ox = 0; ox < first; ox++) out[ox] = 0.0f;
                        const float *start = src + first * strideW - padW + kx;
                        if (strideW == 1) {
                            memcpy(out + first, start, (size_t)(last - first) * sizeof(float));
                        } else {
                            for (long ox = first; ox < last; ox++) out[ox] = start[(ox - first) * strideW];
                        }
                        for (long ox = last; ox < outW; ox++) out[ox] = 0.0f;
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
