#include "CTensorKernels.h"
#include "gemm_pack.h"

// MARK: - Portable

static void leaky_relu_portable(long n, float slope, const float *x, float *y) {
    for (long i = 0; i < n; i++) y[i] = x[i] > 0.0f ? x[i] : slope * x[i];
}

static void leaky_relu_backward_portable(long n, float slope, const float *x, const float *g, float *dx) {
    for (long i = 0; i < n; i++) dx[i] = x[i] > 0.0f ? g[i] : slope * g[i];
}

/// tanh as a rational function (Eigen's fast float tanh: an odd polynomial of degree 13 over an even one of degree
/// 6, the argument clamped to ±7.905), within 4e-7 of the exact value; branch-free, so the loops vectorize. Products
/// are not fused, so every instruction set gives the same bits.
#pragma clang fp contract(off)
static inline float tanh_rational(float x) {
    const float limit = 7.90531110763549805f;
    float v = x < -limit ? -limit : (x > limit ? limit : x);
    float v2 = v * v;
    float p = -2.76076847742355e-16f;
    p = p * v2 + 2.00018790482477e-13f;
    p = p * v2 + -8.60467152213735e-11f;
    p = p * v2 + 5.12229709037114e-08f;
    p = p * v2 + 1.48572235717979e-05f;
    p = p * v2 + 6.37261928875436e-04f;
    p = p * v2 + 4.89352455891786e-03f;
    float q = 1.19825839466702e-06f;
    q = q * v2 + 1.18534705686654e-04f;
    q = q * v2 + 2.26843463243900e-03f;
    q = q * v2 + 4.89352518554385e-03f;
    float r = p * v / q;
    return (x < 0.0004f && x > -0.0004f) ? x : r;
}

static void tanh_portable(long n, const float *x, float *y) {
    for (long i = 0; i < n; i++) y[i] = tanh_rational(x[i]);
}

/// Eight running double sums of squares (lane j takes elements j, j + 8, …), added in lane order: written out so
/// every instruction set adds in the same order and gives the same bits.
__attribute__((always_inline)) static inline double sum_squares_lanes(long n, const float *x) {
    double lanes[8] = {0};
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; j++) lanes[j] += (double)x[i + j] * (double)x[i + j];
    }
    for (int j = 0; i + j < n; j++) lanes[j] += (double)x[i + j] * (double)x[i + j];
    double total = 0;
    for (int j = 0; j < 8; j++) total += lanes[j];
    return total;
}

static double sum_squares_portable(long n, const float *x) { return sum_squares_lanes(n, x); }

static void add_row_portable(long rows, long columns, const float *v, float *x) {
    for (long r = 0; r < rows; r++) {
        float *row = x + r * columns;
        for (long c = 0; c < columns; c++) row[c] += v[c];
    }
}

static void column_sums_portable(long rows, long columns, const float *x, float *sums) {
    for (long c = 0; c < columns; c++) sums[c] = 0.0f;
    for (long r = 0; r < rows; r++) {
        const float *row = x + r * columns;
        for (long c = 0; c < columns; c++) sums[c] += row[c];
    }
}

static void row_sums_portable(long rows, long columns, const float *x, float *sums) {
    for (long r = 0; r < rows; r++) {
        const float *row = x + r * columns;
        float lanes[16] = {0};
        long c = 0;
        for (; c + 16 <= columns; c += 16) {
            for (int l = 0; l < 16; l++) lanes[l] += row[c + l];
        }
        for (; c < columns; c++) lanes[c % 16] += row[c];
        float total = 0.0f;
        for (int l = 0; l < 16; l++) total += lanes[l];
        sums[r] = total;
    }
}

static void unpack_bits_portable(long planes, long bits, long wordsPerPlane, const unsigned long long *words,
                                 float *out) {
    for (long p = 0; p < planes; p++, words += wordsPerPlane, out += bits) {
        for (long i = 0; i < bits; i++) out[i] = (float)((words[i >> 6] >> (i & 63)) & 1);
    }
}

// MARK: - AVX-512

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

/// The lanes of a 16-wide step at i that lie below n.
__attribute__((target("avx512f")))
static inline __mmask16 lanes(long i, long n) {
    return (__mmask16)((1u << (n - i < 16 ? n - i : 16)) - 1);
}

__attribute__((target("avx512f")))
static void leaky_relu_avx512(long n, float slope, const float *x, float *y) {
    const __m512 s = _mm512_set1_ps(slope);
    for (long i = 0; i < n; i += 16) {
        __mmask16 m = lanes(i, n);
        __m512 v = _mm512_maskz_loadu_ps(m, x + i);
        __mmask16 positive = _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_GT_OQ);
        _mm512_mask_storeu_ps(y + i, m, _mm512_mask_blend_ps(positive, _mm512_mul_ps(s, v), v));
    }
}

__attribute__((target("avx512f")))
static void leaky_relu_backward_avx512(long n, float slope, const float *x, const float *g, float *dx) {
    const __m512 s = _mm512_set1_ps(slope);
    for (long i = 0; i < n; i += 16) {
        __mmask16 m = lanes(i, n);
        __m512 v = _mm512_maskz_loadu_ps(m, g + i);
        __mmask16 positive = _mm512_cmp_ps_mask(_mm512_maskz_loadu_ps(m, x + i), _mm512_setzero_ps(), _CMP_GT_OQ);
        _mm512_mask_storeu_ps(dx + i, m, _mm512_mask_blend_ps(positive, _mm512_mul_ps(s, v), v));
    }
}

/// The portable loop, compiled for AVX-512 (16 lanes); the arithmetic is the same, unfused.
__attribute__((target("avx512f")))
static void tanh_avx512(long n, const float *x, float *y) {
    for (long i = 0; i < n; i++) y[i] = tanh_rational(x[i]);
}

/// The portable lanes, compiled for AVX-512 (one register of eight doubles); the same order, unfused.
__attribute__((target("avx512f")))
static double sum_squares_avx512(long n, const float *x) { return sum_squares_lanes(n, x); }

__attribute__((target("avx512f")))
static void add_row_avx512(long rows, long columns, const float *v, float *x) {
    for (long r = 0; r < rows; r++) {
        float *row = x + r * columns;
        for (long c = 0; c < columns; c += 16) {
            __mmask16 m = lanes(c, columns);
            _mm512_mask_storeu_ps(row + c, m, _mm512_add_ps(_mm512_maskz_loadu_ps(m, row + c), _mm512_maskz_loadu_ps(m, v + c)));
        }
    }
}

/// Sixty-four columns at a time in four registers, summed down the rows.
__attribute__((target("avx512f")))
static void column_sums_avx512(long rows, long columns, const float *x, float *sums) {
    for (long c = 0; c < columns; c += 64) {
        __mmask16 m[4];
        __m512 s[4];
        for (int k = 0; k < 4; k++) {
            m[k] = c + 16 * k < columns ? lanes(c + 16 * k, columns) : 0;
            s[k] = _mm512_setzero_ps();
        }
        for (long r = 0; r < rows; r++) {
            const float *row = x + r * columns + c;
            // Registers past the columns load nothing, from the row's start (see gather_avx512 in gemm_pack.c).
            for (int k = 0; k < 4; k++) s[k] = _mm512_add_ps(s[k], _mm512_maskz_loadu_ps(m[k], m[k] ? row + 16 * k : row));
        }
        for (int k = 0; k < 4 && m[k]; k++) _mm512_mask_storeu_ps(sums + c + 16 * k, m[k], s[k]);
    }
}

/// Sixteen running sums per row (one per lane), added up at the end.
__attribute__((target("avx512f")))
static void row_sums_avx512(long rows, long columns, const float *x, float *sums) {
    for (long r = 0; r < rows; r++) {
        const float *row = x + r * columns;
        __m512 total = _mm512_setzero_ps();
        for (long c = 0; c < columns; c += 16) total = _mm512_add_ps(total, _mm512_maskz_loadu_ps(lanes(c, columns), row + c));
        sums[r] = _mm512_reduce_add_ps(total);
    }
}

/// Sixteen bits at a time become sixteen lanes of 1s and 0s (a masked move of ones).
__attribute__((target("avx512f")))
static void unpack_bits_avx512(long planes, long bits, long wordsPerPlane, const unsigned long long *words,
                               float *out) {
    const __m512 one = _mm512_set1_ps(1.0f);
    for (long p = 0; p < planes; p++, words += wordsPerPlane, out += bits) {
        for (long i = 0; i < bits; i += 16) {
            __mmask16 set = (__mmask16)(words[i >> 6] >> (i & 63));
            _mm512_mask_storeu_ps(out + i, lanes(i, bits), _mm512_maskz_mov_ps(set, one));
        }
    }
}

#endif

/// Whether the AVX-512 routines are in use: they follow the GEMM kernel choice (`tk_sgemm_use_kernel`), so
/// forcing the portable kernel exercises the portable routines too.
static int has_avx512(void) {
    return tk_selected_pack_ops() == &tk_pack_ops_avx512;
}

#if !(defined(__x86_64__) || defined(__i386__))
#define leaky_relu_avx512 leaky_relu_portable
#define leaky_relu_backward_avx512 leaky_relu_backward_portable
#define tanh_avx512 tanh_portable
#define add_row_avx512 add_row_portable
#define sum_squares_avx512 sum_squares_portable
#define column_sums_avx512 column_sums_portable
#define row_sums_avx512 row_sums_portable
#define unpack_bits_avx512 unpack_bits_portable
#endif

// MARK: - Dispatch

void tk_leaky_relu(long n, float slope, const float *x, float *y) {
    (has_avx512() ? leaky_relu_avx512 : leaky_relu_portable)(n, slope, x, y);
}

void tk_leaky_relu_backward(long n, float slope, const float *x, const float *g, float *dx) {
    (has_avx512() ? leaky_relu_backward_avx512 : leaky_relu_backward_portable)(n, slope, x, g, dx);
}

void tk_tanh(long n, const float *x, float *y) {
    (has_avx512() ? tanh_avx512 : tanh_portable)(n, x, y);
}

double tk_sum_squares(long n, const float *x) {
    return (has_avx512() ? sum_squares_avx512 : sum_squares_portable)(n, x);
}

void tk_add_row(long rows, long columns, const float *v, float *x) {
    (has_avx512() ? add_row_avx512 : add_row_portable)(rows, columns, v, x);
}

void tk_column_sums(long rows, long columns, const float *x, float *sums) {
    (has_avx512() ? column_sums_avx512 : column_sums_portable)(rows, columns, x, sums);
}

void tk_row_sums(long rows, long columns, const float *x, float *sums) {
    (has_avx512() ? row_sums_avx512 : row_sums_portable)(rows, columns, x, sums);
}

void tk_unpack_bits(long planes, long bits, long wordsPerPlane, const unsigned long long *words, float *out) {
    (has_avx512() ? unpack_bits_avx512 : unpack_bits_portable)(planes, bits, wordsPerPlane, words, out);
}

void tk_transpose(long rows, long columns, const float *x, float *y) {
    tk_selected_pack_ops()->gather(x, columns, rows, columns, rows, y);
}
