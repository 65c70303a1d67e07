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

static void shifted_sum_portable(const float *const *sources, const long *shifts, long count, long lines,
                                 long width, float *dst) {
    for (long q = 0; q < width; q++) dst[q] = 0.0f;
    for (long t = 0; t < count; t++) {
        long start = shifts[t], end = shifts[t] + lines < width ? shifts[t] + lines : width;
        const float *src = sources[t] - shifts[t];
        for (long q = start; q < end; q++) dst[q] += src[q];
    }
}

static void split_portable(const float *row, long stride, long count, float *const *phases) {
    for (long r = 0; r < stride; r++) {
        for (long q = 0; q < count; q++) phases[r][q] = row[q * stride + r];
    }
}

static void merge_portable(float *const *phases, long stride, long count, float *row) {
    for (long r = 0; r < stride; r++) {
        for (long q = 0; q < count; q++) row[q * stride + r] = phases[r][q];
    }
}

const tk_pack_ops tk_pack_ops_portable = {
    gather_portable, copy_portable, shifted_sum_portable, split_portable, merge_portable,
};

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
            // Constant trip counts keep r in registers; absent rows and steps use empty masks at the first row's
            // address: an empty mask at an address past the buffer can land on an unmapped page, and suppressing
            // that fault costs a microcode assist (hundreds of cycles) per instruction.
            __m512 r[16];
#pragma clang loop unroll(full)
            for (int i = 0; i < 16; i++) {
                r[i] = _mm512_maskz_loadu_ps(i < present ? load : 0, i < present ? src + (i0 + i) * ld + p0 : src);
            }
            transpose16(r);
#pragma clang loop unroll(full)
            for (int s = 0; s < 16; s++) {
                _mm512_mask_storeu_ps(s < steps ? out + (p0 + s) * panel + i0 : out, s < steps ? store : 0, r[s]);
            }
        }
    }
}

/// Runs of at most 32 floats into a dense output (panel = lines), as im2col makes them: every run is one or
/// two unmasked stores whose zero tails land on later runs' places (which those runs overwrite), except the
/// runs near the end of the output, which store masked.
__attribute__((target("avx512f")))
static void copy_runs_avx512(const float *src, long ld, long lines, long depth, float *out) {
    const __mmask16 first = (__mmask16)((1u << (lines < 16 ? lines : 16)) - 1);
    const __mmask16 second = (__mmask16)((1u << (lines > 16 ? lines - 16 : 0)) - 1);
    const long span = lines > 16 ? 32 : 16, total = depth * lines;
    long p = 0;
    for (; p < depth && p * lines + span <= total; p++) {
        const float *row = src + p * ld;
        float *dst = out + p * lines;
        _mm512_storeu_ps(dst, _mm512_maskz_loadu_ps(first, row));
        if (lines > 16) _mm512_storeu_ps(dst + 16, _mm512_maskz_loadu_ps(second, row + 16));
    }
    for (; p < depth; p++) {
        const float *row = src + p * ld;
        float *dst = out + p * lines;
        _mm512_mask_storeu_ps(dst, first, _mm512_maskz_loadu_ps(first, row));
        if (lines > 16) _mm512_mask_storeu_ps(dst + 16, second, _mm512_maskz_loadu_ps(second, row + 16));
    }
}

/// Full vectors move unmasked; edges use masked loads and stores.
__attribute__((target("avx512f")))
static void copy_avx512(const float *src, long ld, long lines, long depth, long panel, float *out) {
    if (panel == lines && lines <= 32) {
        copy_runs_avx512(src, ld, lines, depth, out);
        return;
    }
    for (long p = 0; p < depth; p++) {
        const float *row = src + p * ld;
        float *dst = out + p * panel;
        for (long i = 0; i < panel; i += 16) {
            long present = lines - i < 0 ? 0 : (lines - i < 16 ? lines - i : 16);
            long width = panel - i < 16 ? panel - i : 16;
            if (present == 16 && width == 16) {
                _mm512_storeu_ps(dst + i, _mm512_loadu_ps(row + i));
            } else {
                // A panel's padding columns past the lines load nothing, from the row's start (see gather_avx512).
                __m512 value = _mm512_maskz_loadu_ps((__mmask16)((1u << present) - 1), present ? row + i : row);
                _mm512_mask_storeu_ps(dst + i, (__mmask16)((1u << width) - 1), value);
            }
        }
    }
}

/// Sixteen outputs at a time, summed in a register over every run that reaches them and stored once; `dst` is
/// never read, so no load waits on an overlapping store still in flight.
__attribute__((target("avx512f")))
static void shifted_sum_avx512(const float *const *sources, const long *shifts, long count, long lines,
                               long width, float *dst) {
    for (long base = 0; base < width; base += 16) {
        __mmask16 store = (__mmask16)((1u << (width - base < 16 ? width - base : 16)) - 1);
        __m512 sum = _mm512_setzero_ps();
        for (long t = 0; t < count; t++) {
            long low = shifts[t] - base, high = shifts[t] + lines - base;
            low = low < 0 ? 0 : low;
            high = high > 16 ? 16 : high;
            if (high <= low) continue;
            __mmask16 lanes = (__mmask16)(((1u << high) - 1) & ~((1u << low) - 1));
            sum = _mm512_add_ps(sum, _mm512_maskz_loadu_ps(lanes, sources[t] + base - shifts[t]));
        }
        _mm512_mask_storeu_ps(dst + base, store, sum);
    }
}

/// Whether split and merge have a permute path for this stride (2, 4, 8 or 16: the phases of 16 outputs come
/// from whole pairs of vectors).
static int permutable(long stride) {
    return stride == 2 || stride == 4 || stride == 8 || stride == 16;
}

/// Sixteen outputs per phase from 16·stride inputs: each pair of input vectors gives 32 / stride lanes of
/// every phase through one two-source permute, blended into place.
__attribute__((target("avx512f")))
static void split_avx512(const float *row, long stride, long count, float *const *phases) {
    long q = 0;
    if (permutable(stride)) {
        const long lanes = 32 / stride, pairs = stride / 2;
        const __m512i lane = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        const __m512i spread = _mm512_mullo_epi32(_mm512_set1_epi32((int)stride),
                                                  _mm512_and_si512(lane, _mm512_set1_epi32((int)lanes - 1)));
        __m512i index[16];
        for (long r = 0; r < stride; r++) index[r] = _mm512_add_epi32(spread, _mm512_set1_epi32((int)r));
        for (; q + 16 <= count; q += 16) {
            const float *block = row + q * stride;
            for (long r = 0; r < stride; r++) {
                __m512 out = _mm512_setzero_ps();
                for (long pair = 0; pair < pairs; pair++) {
                    __m512 picked = _mm512_permutex2var_ps(_mm512_loadu_ps(block + 32 * pair), index[r],
                                                           _mm512_loadu_ps(block + 32 * pair + 16));
                    out = _mm512_mask_blend_ps((__mmask16)(((1u << lanes) - 1) << (pair * lanes)), out, picked);
                }
                _mm512_storeu_ps(phases[r] + q, out);
            }
        }
    }
    for (long r = 0; r < stride; r++) {
        for (long t = q; t < count; t++) phases[r][t] = row[t * stride + r];
    }
}

/// Sixteen row values at a time: lane l of output vector v takes phase l mod stride, entry
/// v · 16 / stride + l / stride; each pair of phases fills its lanes through one two-source permute.
__attribute__((target("avx512f")))
static void merge_avx512(float *const *phases, long stride, long count, float *row) {
    long q = 0;
    if (permutable(stride)) {
        const __m512i lane = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        const __m512i phase = _mm512_and_si512(lane, _mm512_set1_epi32((int)stride - 1));
        const __m512i entry = _mm512_srlv_epi32(lane, _mm512_set1_epi32(__builtin_ctzl((unsigned long)stride)));
        // Odd phases come from the second source: 16 + their entry.
        const __m512i source = _mm512_add_epi32(_mm512_slli_epi32(_mm512_and_si512(phase, _mm512_set1_epi32(1)), 4), entry);
        __m512i index[16];
        __mmask16 place[8];
        for (long v = 0; v < stride; v++) index[v] = _mm512_add_epi32(source, _mm512_set1_epi32((int)(v * 16 / stride)));
        for (long r = 0; r < stride; r += 2) {
            place[r / 2] = _mm512_cmpeq_epi32_mask(_mm512_srli_epi32(phase, 1), _mm512_set1_epi32((int)(r / 2)));
        }
        for (; q + 16 <= count; q += 16) {
            for (long v = 0; v < stride; v++) {
                __m512 out = _mm512_setzero_ps();
                for (long r = 0; r < stride; r += 2) {
                    __m512 picked = _mm512_permutex2var_ps(_mm512_loadu_ps(phases[r] + q), index[v],
                                                           _mm512_loadu_ps(phases[r + 1] + q));
                    out = _mm512_mask_blend_ps(place[r / 2], out, picked);
                }
                _mm512_storeu_ps(row + q * stride + 16 * v, out);
            }
        }
    }
    for (long r = 0; r < stride; r++) {
        for (long t = q; t < count; t++) row[t * stride + r] = phases[r][t];
    }
}

const tk_pack_ops tk_pack_ops_avx512 = {
    gather_avx512, copy_avx512, shifted_sum_avx512, split_avx512, merge_avx512,
};
#else
const tk_pack_ops tk_pack_ops_avx512 = {
    gather_portable, copy_portable, shifted_sum_portable, split_portable, merge_portable,
};
#endif
