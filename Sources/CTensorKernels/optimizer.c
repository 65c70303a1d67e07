#include "CTensorKernels.h"

#include <math.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

__attribute__((target("avx512f")))
static void adam_avx512(long n, float *p, const float *g, float *m, float *v, float beta1, float beta2,
                        float stepSize, float correction2Root, float epsilon, float weightDecay) {
    const __m512 b1 = _mm512_set1_ps(beta1), b2 = _mm512_set1_ps(beta2);
    const __m512 c1 = _mm512_set1_ps(1 - beta1), c2 = _mm512_set1_ps(1 - beta2);
    const __m512 step = _mm512_set1_ps(stepSize), inverseRoot = _mm512_set1_ps(1 / correction2Root);
    const __m512 eps = _mm512_set1_ps(epsilon), decay = _mm512_set1_ps(weightDecay);
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 pv = _mm512_loadu_ps(p + i);
        __m512 d = _mm512_fmadd_ps(decay, pv, _mm512_loadu_ps(g + i));
        __m512 mv = _mm512_fmadd_ps(b1, _mm512_loadu_ps(m + i), _mm512_mul_ps(c1, d));
        __m512 vv = _mm512_fmadd_ps(b2, _mm512_loadu_ps(v + i), _mm512_mul_ps(c2, _mm512_mul_ps(d, d)));
        __m512 denominator = _mm512_fmadd_ps(_mm512_sqrt_ps(vv), inverseRoot, eps);
        _mm512_storeu_ps(m + i, mv);
        _mm512_storeu_ps(v + i, vv);
        _mm512_storeu_ps(p + i, _mm512_sub_ps(pv, _mm512_div_ps(_mm512_mul_ps(step, mv), denominator)));
    }
    for (; i < n; i++) {
        float d = g[i] + weightDecay * p[i];
        m[i] = beta1 * m[i] + (1 - beta1) * d;
        v[i] = beta2 * v[i] + (1 - beta2) * d * d;
        p[i] -= stepSize * m[i] / (sqrtf(v[i]) / correction2Root + epsilon);
    }
}
#endif

static void adam_portable(long n, float *p, const float *g, float *m, float *v, float beta1, float beta2,
                          float stepSize, float correction2Root, float epsilon, float weightDecay) {
    for (long i = 0; i < n; i++) {
        float d = g[i] + weightDecay * p[i];
        m[i] = beta1 * m[i] + (1 - beta1) * d;
        v[i] = beta2 * v[i] + (1 - beta2) * d * d;
        p[i] -= stepSize * m[i] / (sqrtf(v[i]) / correction2Root + epsilon);
    }
}

void tk_adam_update(long n, float *p, const float *g, float *m, float *v, float beta1, float beta2,
                    float stepSize, float correction2Root, float epsilon, float weightDecay) {
#if defined(__x86_64__) || defined(__i386__)
    if (__builtin_cpu_supports("avx512f")) {
        adam_avx512(n, p, g, m, v, beta1, beta2, stepSize, correction2Root, epsilon, weightDecay);
        return;
    }
#endif
    adam_portable(n, p, g, m, v, beta1, beta2, stepSize, correction2Root, epsilon, weightDecay);
}
