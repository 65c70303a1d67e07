#include "gemm_pack.h"

#include <string.h>

// MARK: - Portable

static void gather_portable(const float *src, long ld, long lines, long depth, long panel, float *out) {
    for (long i = 0; i < panel; i++) {
        if (i < lines) {
            const float *row = src + i * ld;
            for (long p = 0; p < depth; p++) out[p * panel + i] = row[p];
        } else {
            for (long p = 0; p < depth; p++) out[p * panel + i] = 0.0f;
        }
    }
}

static void copy_portable(const float *src, long ld, long lines, long depth, long panel, float *out) {
    for (long p = 0; p < depth; p++) {
        const float *row = src + p * ld;
        float *dst = out + p * panel;
        long i = 0;
        for (; i < lines; i++) dst[i] = row[i];
        for (; i < panel; i++) dst[i] = 0.0f;
    }
}

const tk_pack_ops tk_pack_ops_portable = { gather_portable, copy_portable };

// MARK: - AVX-512

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

/// Transposes 16 rows of 16 floats in registers: afterwards r[j] holds element j of every input row.
__attribute__((target("avx512f")))
static inline void transpose16(__m512 r[16]) {
    __m512 t[16];
    for (int k = 0; k < 8; k++) {
        t[2 * k] = _mm512_unpacklo_ps(r[2 * k], r[2 * k + 1]);
        t[2 * k + 1] = _mm512_unpackhi_ps(r[2 * k], r[2 * k + 1]);
    }
    for (int k = 0; k < 4; k++) {
        __m512d a = _mm512_castps_pd(t[4 * k]), b = _mm512_castps_pd(t[4 * k + 2]);
        __m512d c = _mm512_castps_pd(t[4 * k + 1]), d = _mm512_castps_pd(t[4 * k + 3]);
        r[4 * k] = _mm512_castpd_ps(_mm512_unpacklo_pd(a, b));
        r[4 * k + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(a, b));
        r[4 * k + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(c, d));
        r[4 * k + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(c, d));
    }
    // r[4g + q] now holds, in 128-bit lane l, element 4l + q of rows 4g … 4g + 3.
    for (int g = 0; g < 2; g++) {
        for (int q = 0; q < 4; q++) {
            t[8 * g + q] = _mm512_shuffle_f32x4(r[8 * g + q], r[8 * g + 4 + q], 0x88);
            t[8 * g + 4 + q] = _mm512_shuffle_f32x4(r[8 * g + q], r[8 * g + 4 + q], 0xdd);
        }
    }
    for (int q = 0; q < 8; q++) {
        r[q] = _mm512_shuffle_f32x4(t[q], t[8 + q], 0x88);
        r[8 + q] = _mm512_shuffle_f32x4(t[q], t[8 + q], 0xdd);
    }
}

__attribute__((target("avx512f")))
static void gather_avx512(const float *src, long ld, long lines, long depth, long panel, float *out) {
    for (long i0 = 0; i0 < panel; i0 += 16) {
        long width = panel - i0 < 16 ? panel - i0 : 16;
        long present = lines - i0 < 0 ? 0 : (lines - i0 < width ? lines - i0 : width);
        __mmask16 store = (__mmask16)((1u << width) - 1);
        for (long p0 = 0; p0 < depth; p0 += 16) {
            long steps = depth - p0 < 16 ? depth - p0 : 16;
            __mmask16 load = (__mmask16)((1u << steps) - 1);
            __m512 r[16];
            for (long i = 0; i < 16; i++) {
                r[i] = i < present ? _mm512_maskz_loadu_ps(load, src + (i0 + i) * ld + p0) : _mm512_setzero_ps();
            }
            transpose16(r);
            for (long s = 0; s < steps; s++) _mm512_mask_storeu_ps(out + (p0 + s) * panel + i0, store, r[s]);
        }
    }
}

__attribute__((target("avx512f")))
static void copy_avx512(const float *src, long ld, long lines, long depth, long panel, float *out) {
    for (long p = 0; p < depth; p++) {
        const float *row = src + p * ld;
        float *dst = out + p * panel;
        for (long i = 0; i < panel; i += 16) {
            long present = lines - i < 0 ? 0 : (lines - i < 16 ? lines - i : 16);
            long width = panel - i < 16 ? panel - i : 16;
            __mmask16 load = (__mmask16)((1u << present) - 1), store = (__mmask16)((1u << width) - 1);
            _mm512_mask_storeu_ps(dst + i, store, _mm512_maskz_loadu_ps(load, row + i));
        }
    }
}

const tk_pack_ops tk_pack_ops_avx512 = { gather_avx512, copy_avx512 };
#else
const tk_pack_ops tk_pack_ops_avx512 = { gather_portable, copy_portable };
#endif
