#include "CTensorKernels.h"
#include "gemm_kernels.h"
#include "gemm_pack.h"
#include "gemm_small.h"

#include <stdlib.h>
#include <string.h>

/// Cache blocking: a KC x NC panel of B stays in L3, a block of MC_PANELS micro-panels of A (MC_PANELS * MR rows by
/// KC, 128 KB for the AVX-512 kernel) in L2, and one KC x NR micro-panel of B in L2 while the micro-kernel walks down
/// the A block. A deep KC means C is read and written back once per 1024 steps of the sum instead of once per 256:
/// at 1024 x 1024 that pass over C, not the products, was what kept GEMM below 85% of the FMA peak.
enum { KC = 1024, MC_PANELS = 4, NC = 3072 };

/// Products with at most this many rows (or columns, when A is untransposed) skip packing and use dot
/// products or row updates.
enum { SMALL_M = 4, SMALL_N = 4 };

/// Kernels with an in-place variant read an untransposed A unpacked (each micro-panel is MR contiguous row runs,
/// which the prefetchers follow, so packing would only add a pass over A), and a transposed A unpacked when op(A)
/// has at most UNPACKED_A elements (it stays in L1/L2) or op(B) has at most UNPACKED_A_PANELS column panels (each A
/// element is read that often); otherwise a transposed A is packed, since its micro-panels would stride across
/// KC rows.
enum { UNPACKED_A = 65536, UNPACKED_A_PANELS = 2 };

static const tk_kernel_info *detect_kernel(void) {
    const tk_kernel_info *kernel;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        kernel = &tk_kernel_avx512;
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        kernel = &tk_kernel_avx2;
    } else {
        kernel = &tk_kernel_portable;
    }
#else
    kernel = &tk_kernel_portable;
#endif
    return kernel;
}

static const tk_kernel_info *cached_kernel = 0;
static _Thread_local const tk_kernel_info *thread_kernel = 0;

/// The calling thread's chosen kernel, else the kernel for this CPU, detected on first use (racing first calls
/// detect the same answer).
static const tk_kernel_info *selected_kernel(void) {
    if (thread_kernel) return thread_kernel;
    const tk_kernel_info *kernel = __atomic_load_n(&cached_kernel, __ATOMIC_ACQUIRE);
    if (!kernel) {
        kernel = detect_kernel();
        __atomic_store_n(&cached_kernel, kernel, __ATOMIC_RELEASE);
    }
    return kernel;
}

int tk_sgemm_use_kernel(const char *name) {
    const tk_kernel_info *candidates[] = { &tk_kernel_avx512, &tk_kernel_avx2, &tk_kernel_portable };
    for (int i = 0; i < 3; i++) {
        const tk_kernel_info *info = candidates[i];
        if (strcmp(info->name, name) != 0 || !info->kernel) continue;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_cpu_init();
        if (info == &tk_kernel_avx512 && !__builtin_cpu_supports("avx512f")) return 0;
        if (info == &tk_kernel_avx2 && !(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) return 0;
#endif
        thread_kernel = info;
        return 1;
    }
    return 0;
}

const void *tk_sgemm_thread_kernel(void) { return thread_kernel; }

void tk_sgemm_set_thread_kernel(const void *kernel) { thread_kernel = (const tk_kernel_info *)kernel; }

/// Vector routines matching the selected kernel.
static const tk_vector_ops *selected_vector_ops(void) {
    return selected_kernel() == &tk_kernel_avx512 ? &tk_vector_ops_avx512 : &tk_vector_ops_portable;
}

const tk_pack_ops *tk_selected_pack_ops(void) {
    return selected_kernel() == &tk_kernel_avx512 ? &tk_pack_ops_avx512 : &tk_pack_ops_portable;
}

const char *tk_sgemm_kernel_name(void) { return selected_kernel()->name; }

int tk_sgemm_is_vector_product(long m, long n) { return m <= SMALL_M || n <= SMALL_N; }

int tk_sgemm_is_avx512_chain(long m, long n, long k) {
    return selected_kernel() == &tk_kernel_avx512 && m > SMALL_M && n > SMALL_N && k <= KC;
}

/// A per-thread scratch buffer that only grows, so repeated products never return to the allocator.
static float *scratch(long count) {
    static _Thread_local float *buffer = 0;
    static _Thread_local long capacity = 0;
    if (count > capacity) {
        free(buffer);
        long rounded = (count + 4095) & ~4095L;
        buffer = aligned_alloc(64, (size_t)rounded * sizeof(float));
        capacity = rounded;
    }
    return buffer;
}

/// Packs op(A)[i0:i0+mc, p0:p0+kc] into MR-row panels laid out step by step, zero-padding the last panel.
static void pack_a(const tk_pack_ops *ops, int trans, const float *a, long lda, long i0, long p0, long mc, long kc,
                   long mr_, float *out) {
    for (long ir = 0; ir < mc; ir += mr_) {
        long rows = mc - ir < mr_ ? mc - ir : mr_;
        if (trans) {
            ops->copy(a + p0 * lda + i0 + ir, lda, rows, kc, mr_, out);
        } else {
            ops->gather(a + (i0 + ir) * lda + p0, lda, rows, kc, mr_, out);
        }
        out += kc * mr_;
    }
}

/// Packs op(B)[p0:p0+kc, j0:j0+nc] into NR-column panels laid out step by step, zero-padding the last panel.
static void pack_b(const tk_pack_ops *ops, int trans, const float *b, long ldb, long p0, long j0, long kc, long nc,
                   long nr_, float *out) {
    for (long jr = 0; jr < nc; jr += nr_) {
        long cols = nc - jr < nr_ ? nc - jr : nr_;
        if (trans) {
            ops->gather(b + (j0 + jr) * ldb + p0, ldb, cols, kc, nr_, out);
        } else {
            ops->copy(b + p0 * ldb + j0 + jr, ldb, cols, kc, nr_, out);
        }
        out += kc * nr_;
    }
}

static void scale_c(long m, long n, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++) {
        float *row = c + i * ldc;
        if (beta == 0.0f) {
            memset(row, 0, (size_t)n * sizeof(float));
        } else {
            for (long j = 0; j < n; j++) row[j] *= beta;
        }
    }
}

/// Whether the packed path reads A in place for an m x n x k product with this kernel.
static int reads_a_in_place(const tk_kernel_info *info, int transA, long m, long n, long k) {
    return info->strided && (!transA || m * k <= UNPACKED_A || n <= UNPACKED_A_PANELS * info->nr);
}

int tk_sgemm_reads_a_in_place(long m, long n, long k) {
    return m > SMALL_M && reads_a_in_place(selected_kernel(), 0, m, n, k);
}

/// A handful of columns with A transposed (weight gradients of narrow inputs): Cᵀ = op(B)ᵀ · A has a handful of
/// rows, which the row-update path computes from A's stored rows; Cᵀ is then written back transposed.
static void small_n_transposed_a(long m, long n, long k, float alpha, const float *a, long lda, int transB,
                                 const float *b, long ldb, float beta, float *c, long ldc) {
    float *transposed = scratch(n * m + k);
    tk_sgemm_small_m(selected_vector_ops(), !transB, 0, n, m, k, alpha, b, ldb, a, lda, 0.0f, transposed, m,
                     transposed + n * m);
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            float v = transposed[j * m + i];
            c[i * ldc + j] = beta == 0.0f ? v : v + beta * c[i * ldc + j];
        }
    }
}

void tk_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0 || alpha == 0.0f) {
        scale_c(m, n, beta, c, ldc);
        return;
    }
    if (m <= SMALL_M) {
        tk_sgemm_small_m(selected_vector_ops(), transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
                         transA ? scratch(k) : 0);
        return;
    }
    if (n <= SMALL_N && !transA) {
        tk_sgemm_small_n(selected_vector_ops(), transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, scratch(n * k + m));
        return;
    }
    if (n <= SMALL_N) {
        small_n_transposed_a(m, n, k, alpha, a, lda, transB, b, ldb, beta, c, ldc);
        return;
    }
    const tk_kernel_info *info = selected_kernel();
    const tk_pack_ops *pack = tk_selected_pack_ops();
    const long mr_ = info->mr, nr_ = info->nr;
    const int inPlace = reads_a_in_place(info, transA, m, n, k);
    const long MC = MC_PANELS * mr_;
    const long rowStep = transA ? 1 : lda, depthStep = transA ? lda : 1;
    long ncMax = n < NC ? n : NC;
    long kcMax = k < KC ? k : KC;
    long mcMax = m < MC ? m : MC;
    long packedB = ((ncMax + nr_ - 1) / nr_) * nr_ * kcMax;
    long packedA = ((mcMax + mr_ - 1) / mr_) * mr_ * kcMax;
    float *bufB = scratch(packedB + packedA + 16);
    float *bufA = bufB + ((packedB + 15) & ~15L);

    for (long j0 = 0; j0 < n; j0 += NC) {
        long nc = n - j0 < NC ? n - j0 : NC;
        for (long p0 = 0; p0 < k; p0 += KC) {
            long kc = k - p0 < KC ? k - p0 : KC;
            float stepBeta = p0 == 0 ? beta : 1.0f;
            pack_b(pack, transB, b, ldb, p0, j0, kc, nc, nr_, bufB);
            for (long i0 = 0; i0 < m; i0 += MC) {
                long mc = m - i0 < MC ? m - i0 : MC;
                if (!inPlace) pack_a(pack, transA, a, lda, i0, p0, mc, kc, mr_, bufA);
                for (long jr = 0; jr < nc; jr += nr_) {
                    long nr = nc - jr < nr_ ? nc - jr : nr_;
                    const float *panelB = bufB + jr * kc;
                    for (long ir = 0; ir < mc; ir += mr_) {
                        long mr = mc - ir < mr_ ? mc - ir : mr_;
                        float *tile = c + (i0 + ir) * ldc + j0 + jr;
                        if (inPlace) {
                            info->strided(kc, a + (i0 + ir) * rowStep + p0 * depthStep, rowStep, depthStep, panelB,
                                          tile, ldc, alpha, stepBeta, mr, nr);
                        } else {
                            info->kernel(kc, bufA + ir * kc, panelB, tile, ldc, alpha, stepBeta, mr, nr);
                        }
                    }
                }
            }
        }
    }
}
