#ifndef TK_GEMM_PACK_H
#define TK_GEMM_PACK_H

/// Packing routines that lay a block of a matrix out as interleaved panels for the micro-kernels, and the
/// run copies and gathers im2col builds patch matrices with.
///
/// `gather` and `copy` write `out[p * panel + i]` for p < depth and i < panel, with zeros for i ≥ lines:
/// - `gather` reads `src[i * ld + p]` (the panel runs across stored rows: a transposing pack);
/// - `copy` reads `src[p * ld + i]` (the panel runs along stored rows).
/// `shifted_sum` writes one output row from runs of length `lines`: `dst[q] = Σ_t sources[t][q − shifts[t]]` over
/// 0 ≤ q − shifts[t] < lines, for every q < width (col2im's output-centric accumulation).
/// `split` deals a row out to `stride` phase rows: `phases[r][q] = row[q * stride + r]` for q < count; `merge`
/// is its inverse, `row[q * stride + r] = phases[r][q]`.
typedef struct {
    void (*gather)(const float *src, long ld, long lines, long depth, long panel, float *out);
    void (*copy)(const float *src, long ld, long lines, long depth, long panel, float *out);
    void (*shifted_sum)(const float *const *sources, const long *shifts, long count, long lines, long width,
                        float *dst);
    void (*split)(const float *row, long stride, long count, float *const *phases);
    void (*merge)(float *const *phases, long stride, long count, float *row);
} tk_pack_ops;

/// AVX-512 routines (16x16 register transposes, masked loads) and portable C routines.
extern const tk_pack_ops tk_pack_ops_avx512;
extern const tk_pack_ops tk_pack_ops_portable;

/// The routines matching the micro-kernel tk_sgemm currently uses.
const tk_pack_ops *tk_selected_pack_ops(void);

#endif
