#ifndef TK_GEMM_SMALL_H
#define TK_GEMM_SMALL_H

/// Dot product and vector-matrix product, vectorized for the selected instruction set.
///
/// `combine` writes out[j] = alpha · Σ_p x[p] · b[p * ldb + j] + beta · out[j] for j < n (out not read when
/// beta is 0): a combination of k rows of b. `dots` writes out[i] = Σ_p a[i * lda + p] · x[p] for i < m: the
/// products of m rows of a with one vector (a matrix-vector product).
typedef struct {
    float (*dot)(long n, const float *x, const float *y);
    void (*combine)(long k, long n, float alpha, const float *x, const float *b, long ldb, float beta, float *out);
    void (*dots)(long m, long k, const float *a, long lda, const float *x, float *out);
} tk_vector_ops;

/// AVX-512 routines (for CPUs with AVX-512F only) and portable C routines.
extern const tk_vector_ops tk_vector_ops_avx512;
extern const tk_vector_ops tk_vector_ops_portable;

/// GEMM for a handful of rows of op(A) (matrix-vector shapes), without packing.
///
/// `row` is scratch space for k floats (used when A is transposed).
void tk_sgemm_small_m(const tk_vector_ops *ops, int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                      float *row);

/// GEMM for a handful of columns of op(B) and an untransposed A, as dot products of A's rows.
///
/// `columns` is scratch space for n * k + m floats (the columns of op(B), made contiguous, and one column of
/// products).
void tk_sgemm_small_n(const tk_vector_ops *ops, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                      float *columns);

#endif
