#ifndef CTENSORKERNELS_H
#define CTENSORKERNELS_H

/// C micro-kernels for TensorCore: single-precision GEMM, im2col/col2im, the Adam and RMSProp updates and the element-wise
/// passes of dense layers (leaky ReLU, bias rows, row and column sums, transposes).
///
/// Every routine is single-threaded; callers split work across threads.
/// The instruction set is chosen once at run time (AVX-512F, AVX2+FMA, or portable C).

#ifdef __cplusplus
extern "C" {
#endif

/// Row-major single-precision matrix product: C = alpha * op(A) * op(B) + beta * C.
///
/// op(A) is M x K (A is stored K x M when transA is non-zero), op(B) is K x N (stored N x K when transB is
/// non-zero), and C is M x N. lda, ldb and ldc are the row strides of the stored matrices. When beta is 0,
/// C is not read.
void tk_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc);

/// Whether tk_sgemm reads an untransposed A in place (unpacked) for an m x n x k product: it does whenever the
/// micro-kernel has an in-place variant and A has more than a handful of rows. Callers that can choose which
/// operand is A use it to put the larger one there.
int tk_sgemm_reads_a_in_place(long m, long n, long k);

/// Whether tk_sgemm computes an m x n product by vector dot products or row combinations (at most SMALL_M rows or
/// SMALL_N columns, 4 each) instead of packed tiles: each element of C is then formed on its own, so splitting the
/// long side between threads keeps every element's bits (as long as every part stays on that path).
int tk_sgemm_is_vector_product(long m, long n);

/// The name of the micro-kernel tk_sgemm uses on this CPU: "avx512f", "avx2+fma" or "portable".
const char *tk_sgemm_kernel_name(void);

/// Makes tk_sgemm (and the routines that follow its choice) use the named micro-kernel ("avx512f", "avx2+fma" or
/// "portable") on the calling thread from now on, for tests and comparisons; other threads keep theirs, so tests
/// running side by side do not change each other's bits. Returns 0, changing nothing, when the name is unknown or
/// this CPU lacks the instructions.
int tk_sgemm_use_kernel(const char *name);

/// The calling thread's micro-kernel choice (NULL: the CPU's own), to hand to threads doing part of its work.
const void *tk_sgemm_thread_kernel(void);

/// Sets the calling thread's micro-kernel choice to one tk_sgemm_thread_kernel returned.
void tk_sgemm_set_thread_kernel(const void *kernel);

/// The peak-rate microbenchmark: runs `steps` rounds of independent fused multiply-adds in the vectors of the
/// selected GEMM kernel (sixteen chains, enough to cover the FMA latency on every pipe) and returns the floating-point
/// operations done (2 per lane per multiply-add). Timing a call gives the core's peak FMA rate, the ceiling GEMM is
/// measured against. The chains' sum goes to `checksum` (when not NULL) so the work cannot be optimized away.
double tk_fma_peak_run(long steps, float *checksum);

/// Lays out convolution patches of a batch of NCHW images as columns: rows firstRow ..< firstRow + rowCount of the
/// patch matrix (a row is one kernel tap (c, ky, kx), numbered c·kernelH·kernelW + ky·kernelW + kx).
///
/// x is [batch, channels, height, width]; cols becomes [rowCount, batch * outH * outW] (all channels * kernelH *
/// kernelW rows for the whole matrix), with zero padding read as zeros.
void tk_im2col(const float *x, long batch, long channels, long height, long width,
               long kernelH, long kernelW, long strideH, long strideW, long padH, long padW,
               long outH, long outW, long firstRow, long rowCount, float *cols);

/// The stride-1, unpadded convolution of a batch of NCHW images without a patch matrix: out ([batch, outChannels,
/// height − kernelH + 1, width − kernelW + 1]) = weight ([outChannels, channels · kernelH · kernelW]) applied to each
/// image's patches, plus bias (or nothing when bias is NULL). Returns 1 when done, with the same bits as tk_im2col,
/// then tk_sgemm of the weight by the patch matrix (beta 0), then adding the bias; returns 0, writing nothing, when
/// the selected kernel would not compute that product as fused chains (then use that path).
int tk_conv_forward_direct(const float *x, long batch, long channels, long height, long width, long kernelH,
                           long kernelW, long outChannels, const float *weight, const float *bias, float *out);

/// The adjoint of tk_im2col: sums the column entries back into the image positions they came from.
///
/// dx ([batch, channels, height, width]) is overwritten (positions no patch covers become 0).
void tk_col2im(const float *cols, long batch, long channels, long height, long width,
               long kernelH, long kernelW, long strideH, long strideW, long padH, long padW,
               long outH, long outW, float *dx);

/// y = x where x > 0, slope·x elsewhere (ReLU for slope 0), for n elements.
void tk_leaky_relu(long n, float slope, const float *x, float *y);

/// The leaky ReLU's pullback: dx = g where x > 0, slope·g elsewhere.
void tk_leaky_relu_backward(long n, float slope, const float *x, const float *g, float *dx);

/// The sum of x[i]² over n elements, accumulated in double precision in a fixed order (the same bits on every
/// instruction set): the squared global norm gradient clipping and the divergence guard need.
double tk_sum_squares(long n, const float *x);

/// y = tanh(x), within 4e-7 of the exact value, the same bits on every instruction set.
void tk_tanh(long n, const float *x, float *y);

/// Average pooling of `planes` height x width planes with kernelH x kernelW windows that tile them (stride = kernel,
/// no padding), into planes of (height / kernelH) x (width / kernelW).
void tk_avg_pool_tiled(long planes, long height, long width, long kernelH, long kernelW, const float *x, float *y);

/// The pullback of tk_avg_pool_tiled: dx from the output gradient g.
void tk_avg_pool_tiled_backward(long planes, long height, long width, long kernelH, long kernelW, const float *g,
                                float *dx);

/// Adds the vector v (columns long) to every row of the row-major rows x columns matrix x (a bias).
void tk_add_row(long rows, long columns, const float *v, float *x);

/// sums[c] = the sum of column c of the row-major rows x columns matrix x, rows added in order.
void tk_column_sums(long rows, long columns, const float *x, float *sums);

/// sums[r] = the sum of row r of the row-major rows x columns matrix x (in sixteen interleaved partial sums).
void tk_row_sums(long rows, long columns, const float *x, float *sums);

/// out[p·bits + i] = bit i of plane p (1 or 0) for `planes` bit planes of `bits` bits each, plane p starting at
/// words[p·wordsPerPlane] with bit i in word i / 64 at position i % 64: stored boolean grids as network inputs.
void tk_unpack_bits(long planes, long bits, long wordsPerPlane, const unsigned long long *words, float *out);

/// y (columns x rows) = the transpose of the row-major rows x columns matrix x, in 16 x 16 register blocks.
void tk_transpose(long rows, long columns, const float *x, float *y);

/// One Adam update of n parameters in place (PyTorch's formulation, L2 weight decay added to the gradient):
/// m = β1·m + (1−β1)·d, v = β2·v + (1−β2)·d², p −= stepSize · m / (√v / correction2Root + ε), d = g + decay·p.
void tk_adam_update(long n, float *p, const float *g, float *m, float *v, float beta1, float beta2,
                    float stepSize, float correction2Root, float epsilon, float weightDecay);

/// One RMSProp update of n parameters in place (PyTorch's formulation): s = α·s + (1−α)·g²; when mean is not null
/// (centered), m = α·m + (1−α)·g and s − m² replaces s below; d = √s + ε; when velocity is not null (momentum),
/// v = μ·v + g/d and p −= lr·v, else p −= lr·g/d. Products are never fused, so every instruction set gives the same bits.
void tk_rmsprop_update(long n, float *p, const float *g, float *square, float *mean, float *velocity, float alpha,
                       float learningRate, float epsilon, float momentum);

#ifdef __cplusplus
}
#endif

#endif
