#include "gemm_kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define MR 8
#define NR 32

/// 8 x 32 tile: 16 zmm accumulators, two zmm loads of B and eight broadcasts of A per step.
///
/// Element (i, p) of the A block is read at `a[i * rowStep + p * depthStep]`: a packed panel is rowStep 1,
/// depthStep MR; an unpacked matrix is read in place. Rows past `mr` repeat row 0 (their sums are dropped).
__attribute__((target("avx512f"), always_inline))
static inline void tile_avx512(long kc, const float *a, long rowStep, long depthStep, const float *b, float *c,
                               long ldc, float alpha, float beta, long mr, long nr) {
    __m512 c00 = _mm512_setzero_ps(), c01 = _mm512_setzero_ps();
    __m512 c10 = _mm512_setzero_ps(), c11 = _mm512_setzero_ps();
    __m512 c20 = _mm512_setzero_ps(), c21 = _mm512_setzero_ps();
    __m512 c30 = _mm512_setzero_ps(), c31 = _mm512_setzero_ps();
    __m512 c40 = _mm512_setzero_ps(), c41 = _mm512_setzero_ps();
    __m512 c50 = _mm512_setzero_ps(), c51 = _mm512_setzero_ps();
    __m512 c60 = _mm512_setzero_ps(), c61 = _mm512_setzero_ps();
    __m512 c70 = _mm512_setzero_ps(), c71 = _mm512_setzero_ps();
    const float *r0 = a, *r1 = a + (mr > 1) * rowStep, *r2 = a + (mr > 2) * 2 * rowStep;
    const float *r3 = a + (mr > 3) * 3 * rowStep, *r4 = a + (mr > 4) * 4 * rowStep, *r5 = a + (mr > 5) * 5 * rowStep;
    const float *r6 = a + (mr > 6) * 6 * rowStep, *r7 = a + (mr > 7) * 7 * rowStep;
#define STEP(ROW, A0, A1) { __m512 av = _mm512_set1_ps(ROW[offset]); \
        A0 = _mm512_fmadd_ps(av, b0, A0); A1 = _mm512_fmadd_ps(av, b1, A1); }
    long offset = 0;
    for (long p = 0; p < kc; p++) {
        __m512 b0 = _mm512_loadu_ps(b);
        __m512 b1 = _mm512_loadu_ps(b + 16);
        STEP(r0, c00, c01) STEP(r1, c10, c11) STEP(r2, c20, c21) STEP(r3, c30, c31)
        STEP(r4, c40, c41) STEP(r5, c50, c51) STEP(r6, c60, c61) STEP(r7, c70, c71)
        offset += depthStep;
        b += NR;
    }
#undef STEP
    __m512 acc[MR][2] = {
        {c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51},
        {c60, c61}, {c70, c71},
    };
    // Edge tiles store masked: the first mr rows, the first nr columns.
    const __mmask16 first = (__mmask16)((1u << (nr < 16 ? nr : 16)) - 1);
    const __mmask16 second = (__mmask16)((1u << (nr > 16 ? nr - 16 : 0)) - 1);
    const __m512 va = _mm512_set1_ps(alpha);
    if (beta == 0.0f) {
        for (int i = 0; i < MR && i < mr; i++) {
            _mm512_mask_storeu_ps(c + i * ldc, first, _mm512_mul_ps(va, acc[i][0]));
            // No empty-mask store past the tile (see gather_avx512 in gemm_pack.c).
            if (nr > 16) _mm512_mask_storeu_ps(c + i * ldc + 16, second, _mm512_mul_ps(va, acc[i][1]));
        }
    } else {
        const __m512 vb = _mm512_set1_ps(beta);
        for (int i = 0; i < MR && i < mr; i++) {
            float *row = c + i * ldc;
            _mm512_mask_storeu_ps(row, first, _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(first, row), _mm512_mul_ps(va, acc[i][0])));
            if (nr > 16) {
                _mm512_mask_storeu_ps(row + 16, second,
                                      _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(second, row + 16), _mm512_mul_ps(va, acc[i][1])));
            }
        }
    }
}

__attribute__((target("avx512f")))
static void kernel_avx512(long kc, const float *a, const float *b, float *c, long ldc,
                          float alpha, float beta, long mr, long nr) {
    tile_avx512(kc, a, 1, MR, b, c, ldc, alpha, beta, mr, nr);
}

__attribute__((target("avx512f")))
static void strided_avx512(long kc, const float *a, long rowStep, long depthStep, const float *b, float *c,
                           long ldc, float alpha, float beta, long mr, long nr) {
    tile_avx512(kc, a, rowStep, depthStep, b, c, ldc, alpha, beta, mr, nr);
}

const tk_kernel_info tk_kernel_avx512 = { kernel_avx512, strided_avx512, MR, NR, "avx512f" };

#else
const tk_kernel_info tk_kernel_avx512 = { 0, 0, 0, 0, "avx512f" };
#endif
