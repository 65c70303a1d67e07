#include "CTensorKernels.h"

#include <string.h>

/// The peak-rate microbenchmark: sixteen independent multiply-add chains, enough to keep every FMA pipe busy through
/// its latency, in the widest vectors this CPU has. Each step multiplies by a value just below 1 and adds a small
/// one, so the chains stay finite however long they run.

#define CHAINS 16

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

__attribute__((target("avx512f")))
static float chains_avx512(long steps) {
    __m512 acc[CHAINS];
    for (int i = 0; i < CHAINS; i++) acc[i] = _mm512_set1_ps((float)i);
    const __m512 scale = _mm512_set1_ps(0.999999f), shift = _mm512_set1_ps(1e-6f);
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < CHAINS; i++) acc[i] = _mm512_fmadd_ps(acc[i], scale, shift);
    }
    __m512 total = acc[0];
    for (int i = 1; i < CHAINS; i++) total = _mm512_add_ps(total, acc[i]);
    return _mm512_reduce_add_ps(total);
}

__attribute__((target("avx2,fma")))
static float chains_avx2(long steps) {
    __m256 acc[CHAINS];
    for (int i = 0; i < CHAINS; i++) acc[i] = _mm256_set1_ps((float)i);
    const __m256 scale = _mm256_set1_ps(0.999999f), shift = _mm256_set1_ps(1e-6f);
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < CHAINS; i++) acc[i] = _mm256_fmadd_ps(acc[i], scale, shift);
    }
    __m256 total = acc[0];
    for (int i = 1; i < CHAINS; i++) total = _mm256_add_ps(total, acc[i]);
    float lanes[8];
    _mm256_storeu_ps(lanes, total);
    float sum = 0;
    for (int i = 0; i < 8; i++) sum += lanes[i];
    return sum;
}
#endif

/// Portable chains of 8-lane arrays, which the compiler maps onto whatever vectors the target has.
static float chains_portable(long steps) {
    float acc[CHAINS][8];
    for (int i = 0; i < CHAINS; i++) for (int j = 0; j < 8; j++) acc[i][j] = (float)i;
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < CHAINS; i++) for (int j = 0; j < 8; j++) acc[i][j] = acc[i][j] * 0.999999f + 1e-6f;
    }
    float sum = 0;
    for (int i = 0; i < CHAINS; i++) for (int j = 0; j < 8; j++) sum += acc[i][j];
    return sum;
}

double tk_fma_peak_run(long steps, float *checksum) {
    const char *kernel = tk_sgemm_kernel_name();
    long lanes = 8;
    float sum;
#if defined(__x86_64__) || defined(__i386__)
    if (strcmp(kernel, "avx512f") == 0) {
        sum = chains_avx512(steps);
        lanes = 16;
    } else if (strcmp(kernel, "avx2+fma") == 0) {
        sum = chains_avx2(steps);
    } else {
        sum = chains_portable(steps);
    }
#else
    (void)kernel;
    sum = chains_portable(steps);
#endif
    if (checksum) *checksum = sum;
    return 2.0 * (double)steps * CHAINS * (double)lanes;
}
