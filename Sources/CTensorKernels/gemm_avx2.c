#include "gemm_kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define MR 6
#define NR 16

/// 6 x 16 tile: 12 ymm accumulators, two ymm loads of B and six broadcasts of A per step.
__attribute__((target("avx2,fma")))
static void kernel_avx2(long kc, const float *a, const float *b, float *c, long ldc,
                        float alpha, float beta, long mr, long nr) {
    __m256 acc[MR][2];
    for (int i = 0; i < MR; i++) {
        acc[i][0] = _mm256_setzero_ps();
        acc[i][1] = _mm256_setzero_ps();
    }
    for (long p = 0; p < kc; p++) {
        __m256 b0 = _mm256_loadu_ps(b);
        __m256 b1 = _mm256_loadu_ps(b + 8);
#pragma clang loop unroll(full)
        for (int i = 0; i < MR; i++) {
            __m256 av = _mm256_broadcast_ss(a + i);
            acc[i][0] = _mm256_fmadd_ps(av, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_ps(av, b1, acc[i][1]);
        }
        a += MR;
        b += NR;
    }
    float tile[MR * NR] __attribute__((aligned(32)));
    for (int i = 0; i < MR; i++) {
        _mm256_store_ps(tile + i * NR, acc[i][0]);
        _mm256_store_ps(tile + i * NR + 8, acc[i][1]);
    }
    tk_store_tile(tile, MR, NR, c, ldc, alpha, beta, mr, nr);
}

const tk_kernel_info tk_kernel_avx2 = { kernel_avx2, 0, MR, NR, "avx2+fma" };

#else
const tk_kernel_info tk_kernel_avx2 = { 0, 0, 0, 0, "avx2+fma" };
#endif
