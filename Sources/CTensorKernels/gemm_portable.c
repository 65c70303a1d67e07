#include "gemm_kernels.h"

#define MR 4
#define NR 16

/// 4 x 16 tile in plain C, written so the compiler can vectorize the inner loop for any target.
static void kernel_portable(long kc, const float *a, const float *b, float *c, long ldc,
                            float alpha, float beta, long mr, long nr) {
    float tile[MR * NR] = {0};
    for (long p = 0; p < kc; p++) {
        for (int i = 0; i < MR; i++) {
            float av = a[i];
            for (int j = 0; j < NR; j++) {
                tile[i * NR + j] += av * b[j];
            }
        }
        a += MR;
        b += NR;
    }
    tk_store_tile(tile, MR, NR, c, ldc, alpha, beta, mr, nr);
}

const tk_kernel_info tk_kernel_portable = { kernel_portable, 0, MR, NR, "portable" };
