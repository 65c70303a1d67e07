#ifndef TK_GEMM_KERNELS_H
#define TK_GEMM_KERNELS_H

/// A register-blocked micro-kernel: computes an mr x nr tile of C from packed panels.
///
/// a holds kc steps of MR values, b holds kc steps of NR values. The tile is written as
/// C = alpha * (a * b) + beta * C (C not read when beta is 0); mr <= MR and nr <= NR cover the edges.
typedef void (*tk_microkernel)(long kc, const float *a, const float *b, float *c, long ldc,
                               float alpha, float beta, long mr, long nr);

/// A micro-kernel reading A in place: element (i, p) at `a[i * rowStep + p * depthStep]`, b packed as above.
typedef void (*tk_strided_microkernel)(long kc, const float *a, long rowStep, long depthStep, const float *b,
                                       float *c, long ldc, float alpha, float beta, long mr, long nr);

/// A micro-kernel, its in-place variant (or NULL), and the tile shape its panels are packed for.
typedef struct {
    tk_microkernel kernel;
    tk_strided_microkernel strided;
    long mr;
    long nr;
    const char *name;
} tk_kernel_info;

/// Whether tk_sgemm computes an m x n x k product (beta 0, alpha 1) with the AVX-512 tile, every element of C one
/// fused multiply-add chain over p = 0 ..< k from zero: then a routine that forms each element by the same chain
/// (the direct convolution) gives the same bits.
int tk_sgemm_is_avx512_chain(long m, long n, long k);

extern const tk_kernel_info tk_kernel_avx512;
extern const tk_kernel_info tk_kernel_avx2;
extern const tk_kernel_info tk_kernel_portable;

/// Writes an MR x NR accumulator tile (row stride NR) to C with alpha/beta, clipped to mr x nr.
static inline void tk_store_tile(const float *tile, long MR_, long NR_, float *c, long ldc,
                                 float alpha, float beta, long mr, long nr) {
    (void)MR_;
    for (long i = 0; i < mr; i++) {
        for (long j = 0; j < nr; j++) {
            float v = alpha * tile[i * NR_ + j];
            c[i * ldc + j] = beta == 0.0f ? v : v + beta * c[i * ldc + j];
        }
    }
}

#endif
