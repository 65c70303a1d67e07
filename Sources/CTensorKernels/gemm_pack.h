#ifndef TK_GEMM_PACK_H
#define TK_GEMM_PACK_H

/// Packing routines that lay a block of a matrix out as interleaved panels for the micro-kernels.
///
/// Both write `out[p * panel + i]` for p < depth and i < panel, with zeros for i ≥ lines:
/// - `gather` reads `src[i * ld + p]` (the panel runs across stored rows: a transposing pack);
/// - `copy` reads `src[p * ld + i]` (the panel runs along stored rows).
typedef struct {
    void (*gather)(const float *src, long ld, long lines, long depth, long panel, float *out);
    void (*copy)(const float *src, long ld, long lines, long depth, long panel, float *out);
} tk_pack_ops;

/// AVX-512 routines (16x16 register transposes, masked loads) and portable C routines.
extern const tk_pack_ops tk_pack_ops_avx512;
extern const tk_pack_ops tk_pack_ops_portable;

#endif
