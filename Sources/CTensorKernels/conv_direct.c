#include "CTensorKernels.h"
#include "gemm_kernels.h"

/// The direct convolution reads each kernel tap's inputs in place instead of building the patch matrix.
///
/// With stride 1 and no padding, the inputs tap (c, ky, kx) multiplies for output row y are the run of image row
/// y + ky from column kx. Computing outputs at every image column (the last kernelW - 1 of each row are dropped)
/// makes the inputs of consecutive outputs consecutive across rows too: output position q = y · width + x reads
/// `image[c][ky · width + kx + q]`, so one unaligned load gives sixteen of them. Positions run to
/// (outH - 1) · width + outW, whose last tap lands on the image's last pixel.

/// The most kernel taps (channels · kernelH · kernelW) the direct path takes: their offsets live on the stack.
enum { MAX_TAPS = 1024 };

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

enum { CHANNELS_PER_TILE = 4, VECTORS_PER_TILE = 5, POSITIONS_PER_TILE = 16 * VECTORS_PER_TILE };

/// One tile: outputs o0 ..< o0 + channels (at most 4) at positions q0 ..< q0 + positions (at most 80) of one image,
/// each the fused chain Σ_p w[o, p] · x[p's offset + q] over the taps in order, into rows of `sums` (row stride 80).
/// Vectors past the positions load nothing from the run's start (an empty mask past the image could cost a
/// fault-suppression assist).
__attribute__((target("avx512f")))
static void direct_tile(const float *image, const long *tapOffsets, long taps, const float *weight, long o0,
                        long channels, long q0, long positions, float *sums) {
    __mmask16 mask[VECTORS_PER_TILE];
    for (int v = 0; v < VECTORS_PER_TILE; v++) {
        long left = positions - 16 * v;
        mask[v] = left <= 0 ? 0 : (__mmask16)((1u << (left < 16 ? left : 16)) - 1);
    }
    const float *w[CHANNELS_PER_TILE];
    for (int t = 0; t < CHANNELS_PER_TILE; t++) w[t] = weight + (o0 + (t < channels ? t : 0)) * taps;
    __m512 acc[CHANNELS_PER_TILE][VECTORS_PER_TILE];
#pragma clang loop unroll(full)
    for (int t = 0; t < CHANNELS_PER_TILE; t++) {
#pragma clang loop unroll(full)
        for (int v = 0; v < VECTORS_PER_TILE; v++) acc[t][v] = _mm512_setzero_ps();
    }
    for (long p = 0; p < taps; p++) {
        const float *run = image + tapOffsets[p] + q0;
        __m512 x[VECTORS_PER_TILE];
#pragma clang loop unroll(full)
        for (int v = 0; v < VECTORS_PER_TILE; v++) x[v] = _mm512_maskz_loadu_ps(mask[v], mask[v] ? run + 16 * v : run);
#pragma clang loop unroll(full)
        for (int t = 0; t < CHANNELS_PER_TILE; t++) {
            __m512 wv = _mm512_set1_ps(w[t][p]);
#pragma clang loop unroll(full)
            for (int v = 0; v < VECTORS_PER_TILE; v++) acc[t][v] = _mm512_fmadd_ps(wv, x[v], acc[t][v]);
        }
    }
    for (int t = 0; t < CHANNELS_PER_TILE && t < channels; t++) {
#pragma clang loop unroll(full)
        for (int v = 0; v < VECTORS_PER_TILE; v++) _mm512_storeu_ps(sums + t * POSITIONS_PER_TILE + 16 * v, acc[t][v]);
    }
}

__attribute__((target("avx512f")))
static void direct_image(const float *image, long width, long outChannels, long outH, long outW,
                         const long *tapOffsets, long taps, const float *weight, const float *bias, float *out) {
    const long positions = (outH - 1) * width + outW, plane = outH * outW;
    float sums[CHANNELS_PER_TILE * POSITIONS_PER_TILE];
    for (long q0 = 0; q0 < positions; q0 += POSITIONS_PER_TILE) {
        long count = positions - q0 < POSITIONS_PER_TILE ? positions - q0 : POSITIONS_PER_TILE;
        for (long o0 = 0; o0 < outChannels; o0 += CHANNELS_PER_TILE) {
            long channels = outChannels - o0 < CHANNELS_PER_TILE ? outChannels - o0 : CHANNELS_PER_TILE;
            direct_tile(image, tapOffsets, taps, weight, o0, channels, q0, count, sums);
            // Position q is output (q / width, q % width) when q % width < outW; the other columns are dropped.
            const long last = q0 + count - 1;
            for (long t = 0; t < channels; t++) {
                const float b = bias ? bias[o0 + t] : 0.0f;
                const float *row = sums + t * POSITIONS_PER_TILE;
                float *dst = out + (o0 + t) * plane;
                for (long y = q0 / width; y <= last / width; y++) {
                    long start = y * width < q0 ? q0 - y * width : 0;
                    long end = last - y * width + 1 < outW ? last - y * width + 1 : outW;
                    for (long x = start; x < end; x++) dst[y * outW + x] = row[y * width + x - q0] + b;
                }
            }
        }
    }
}
#endif

int tk_conv_forward_direct(const float *x, long batch, long channels, long height, long width, long kernelH,
                           long kernelW, long outChannels, const float *weight, const float *bias, float *out) {
    const long outH = height - kernelH + 1, outW = width - kernelW + 1, taps = channels * kernelH * kernelW;
    // One image's plane is the narrowest product the patch-matrix path makes of a chunk.
    if (outH <= 0 || outW <= 0 || taps > MAX_TAPS || !tk_sgemm_is_avx512_chain(outChannels, outH * outW, taps)) return 0;
#if defined(__x86_64__) || defined(__i386__)
    long tapOffsets[MAX_TAPS];
    for (long c = 0, p = 0; c < channels; c++) {
        for (long ky = 0; ky < kernelH; ky++) {
            for (long kx = 0; kx < kernelW; kx++) tapOffsets[p++] = (c * height + ky) * width + kx;
        }
    }
    const long imageSize = channels * height * width, plane = outH * outW;
    for (long n = 0; n < batch; n++) {
        direct_image(x + n * imageSize, width, outChannels, outH, outW, tapOffsets, taps, weight, bias,
                     out + n * outChannels * plane);
    }
    return 1;
#else
    return 0;
#endif
}
