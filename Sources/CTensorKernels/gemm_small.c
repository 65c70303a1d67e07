#include "gemm_small.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

__attribute__((target("avx512f")))
static float dot_avx512(long n, const float *x, const float *y) {
    __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps(), s2 = _mm512_setzero_ps(), s3 = _mm512_setzero_ps();
    long i = 0;
    for (; i + 64 <= n; i += 64) {
        s0 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i), _mm512_loadu_ps(y + i), s0);
        s1 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 16), _mm512_loadu_ps(y + i + 16), s1);
        s2 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 32), _mm512_loadu_ps(y + i + 32), s2);
        s3 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 48), _mm512_loadu_ps(y + i + 48), s3);
    }
    for (; i + 16 <= n; i += 16) s0 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i), _mm512_loadu_ps(y + i), s0);
    if (i < n) {
        __mmask16 mask = (__mmask16)((1u << (n - i)) - 1);
        s1 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, x + i), _mm512_maskz_loadu_ps(mask, y + i), s1);
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)));
}

/// 128 columns at a time in eight registers (a constant count, so they stay in registers; lanes past n load
/// zeros and are not stored), summed over all k rows before one store.
__attribute__((target("avx512f")))
static void combine_avx512(long k, long n, float alpha, const float *x, const float *b, long ldb, float beta,
                           float *out) {
    for (long j0 = 0; j0 < n; j0 += 128) {
        __mmask16 m[8];
        __m512 acc[8];
        for (int t = 0; t < 8; t++) {
            long start = j0 + 16 * t, count = n - start;
            m[t] = count <= 0 ? 0 : (__mmask16)((1u << (count < 16 ? count : 16)) - 1);
            acc[t] = _mm512_setzero_ps();
        }
        for (long p = 0; p < k; p++) {
            if (x[p] == 0.0f) continue;
            __m512 xv = _mm512_set1_ps(x[p]);
            const float *row = b + p * ldb + j0;
            // Registers past n load nothing, from the row's start (see gather_avx512 in gemm_pack.c).
            for (int t = 0; t < 8; t++) acc[t] = _mm512_fmadd_ps(xv, _mm512_maskz_loadu_ps(m[t], m[t] ? row + 16 * t : row), acc[t]);
        }
        __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
        for (int t = 0; t < 8; t++) {
            if (!m[t]) continue;
            float *dst = out + j0 + 16 * t;
            __m512 value = _mm512_mul_ps(va, acc[t]);
            if (beta != 0.0f) value = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(m[t], dst), value);
            _mm512_mask_storeu_ps(dst, m[t], value);
        }
    }
}
/// Sixteen rows at a time: each row's products go to its own register in one pass over x (each x block is loaded
/// once for all sixteen), and each register is summed across its lanes at the end. Rows past m load nothing.
__attribute__((target("avx512f")))
static void dots_avx512(long m, long k, const float *a, long lda, const float *x, float *out) {
    for (long i0 = 0; i0 < m; i0 += 16) {
        long rows = m - i0 < 16 ? m - i0 : 16;
        __m512 acc[16];
#pragma clang loop unroll(full)
        for (int r = 0; r < 16; r++) acc[r] = _mm512_setzero_ps();
        for (long p = 0; p < k; p += 16) {
            __mmask16 steps = (__mmask16)(k - p >= 16 ? 0xFFFF : (1u << (k - p)) - 1);
            __m512 xv = _mm512_maskz_loadu_ps(steps, x + p);
#pragma clang loop unroll(full)
            for (int r = 0; r < 16; r++) {
                // Rows past m load nothing from the first row's address (never past the matrix: see gather_avx512).
                const float *row = a + (r < rows ? i0 + r : i0) * lda + p;
                acc[r] = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(r < rows ? steps : 0, row), xv, acc[r]);
            }
        }
        for (int r = 0; r < rows; r++) out[i0 + r] = _mm512_reduce_add_ps(acc[r]);
    }
}
#endif

static float dot_portable(long n, const float *x, const float *y) {
    float s[8] = {0};
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; j++) s[j] += x[i + j] * y[i + j];
    }
    float total = 0;
    for (; i < n; i++) total += x[i] * y[i];
    for (int j = 0; j < 8; j++) total += s[j];
    return total;
}

static void combine_portable(long k, long n, float alpha, const float *x, const float *b, long ldb, float beta,
                             float *out) {
    for (long j = 0; j < n; j++) out[j] = beta == 0.0f ? 0.0f : beta * out[j];
    for (long p = 0; p < k; p++) {
        if (x[p] == 0.0f) continue;
        float a = alpha * x[p];
        const float *row = b + p * ldb;
        for (long j = 0; j < n; j++) out[j] += a * row[j];
    }
}

static void dots_portable(long m, long k, const float *a, long lda, const float *x, float *out) {
    for (long i = 0; i < m; i++) out[i] = dot_portable(k, a + i * lda, x);
}

#if defined(__x86_64__) || defined(__i386__)
const tk_vector_ops tk_vector_ops_avx512 = { dot_avx512, combine_avx512, dots_avx512 };
#else
const tk_vector_ops tk_vector_ops_avx512 = { dot_portable, combine_portable, dots_portable };
#endif
const tk_vector_ops tk_vector_ops_portable = { dot_portable, combine_portable, dots_portable };

void tk_sgemm_small_m(const tk_vector_ops *ops, int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                      float *row) {
    for (long i = 0; i < m; i++) {
        const float *x = a + i * lda;
        if (transA) {
            for (long p = 0; p < k; p++) row[p] = a[p * lda + i];
            x = row;
        }
        float *out = c + i * ldc;
        if (transB) {
            for (long j = 0; j < n; j++) {
                float v = alpha * ops->dot(k, x, b + j * ldb);
                out[j] = beta == 0.0f ? v : v + beta * out[j];
            }
        } else {
            ops->combine(k, n, alpha, x, b, ldb, beta, out);
        }
    }
}

void tk_sgemm_small_n(const tk_vector_ops *ops, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                      float *columns) {
    for (long j = 0; j < n; j++) {
        for (long p = 0; p < k; p++) columns[j * k + p] = transB ? b[j * ldb + p] : b[p * ldb + j];
    }
    float *products = columns + n * k;
    for (long j = 0; j < n; j++) {
        ops->dots(m, k, a, lda, columns + j * k, products);
        for (long i = 0; i < m; i++) {
            float v = alpha * products[i];
            c[i * ldc + j] = beta == 0.0f ? v : v + beta * c[i * ldc + j];
        }
    }
}
