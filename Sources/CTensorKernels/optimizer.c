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

// MARK: - RMSProp

// Products and sums stay unfused, in the order of the scalar definition, so every instruction set gives its bits.
#pragma clang fp contract(off)

/// The rule for element i; the vector loops below apply it sixteen or eight lanes at a time.
static inline void rmsprop_element(long i, float *p, const float *g, float *square, float *mean, float *velocity,
                                   float alpha, float learningRate, float epsilon, float momentum) {
    const float rest = 1 - alpha;
    square[i] = alpha * square[i] + rest * g[i] * g[i];
    float denominator = square[i];
    if (mean) {
        mean[i] = alpha * mean[i] + rest * g[i];
        denominator -= mean[i] * mean[i];
    }
    denominator = sqrtf(denominator) + epsilon;
    if (velocity) {
        velocity[i] = momentum * velocity[i] + g[i] / denominator;
        p[i] -= learningRate * velocity[i];
    } else {
        p[i] -= learningRate * g[i] / denominator;
    }
}

#if defined(__x86_64__) || defined(__i386__)
/// Defines rmsprop_<suffix>: the rule over whole vectors of the given type, then element by element.
#define RMSPROP_VECTOR_LOOP(suffix, isa, vector, lanes, set1, load, store, add, sub, mul, div, sqrt)             \
    __attribute__((target(isa)))                                                                                    \
    static long rmsprop_##suffix(long n, float *p, const float *g, float *square, float *mean, float *velocity,     \
                                 float alpha, float learningRate, float epsilon, float momentum) {                  \
        const vector a = set1(alpha), rest = set1(1 - alpha), rate = set1(learningRate);                            \
        const vector eps = set1(epsilon), mu = set1(momentum);                                                      \
        long i = 0;                                                                                                 \
        for (; i + lanes <= n; i += lanes) {                                                                        \
            vector gv = load(g + i);                                                                                \
            vector s = add(mul(a, load(square + i)), mul(mul(rest, gv), gv));                                       \
            store(square + i, s);                                                                                   \
            vector d = s;                                                                                           \
            if (mean) {                                                                                             \
                vector m = add(mul(a, load(mean + i)), mul(rest, gv));                                              \
                store(mean + i, m);                                                                                 \
                d = sub(d, mul(m, m));                                                                              \
            }                                                                                                       \
            d = add(sqrt(d), eps);                                                                                  \
            if (velocity) {                                                                                         \
                vector v = add(mul(mu, load(velocity + i)), div(gv, d));                                            \
                store(velocity + i, v);                                                                             \
                store(p + i, sub(load(p + i), mul(rate, v)));                                                       \
            } else {                                                                                                \
                store(p + i, sub(load(p + i), div(mul(rate, gv), d)));                                              \
            }                                                                                                       \
        }                                                                                                           \
        return i;                                                                                                   \
    }

RMSPROP_VECTOR_LOOP(avx512, "avx512f", __m512, 16, _mm512_set1_ps, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_add_ps,
                    _mm512_sub_ps, _mm512_mul_ps, _mm512_div_ps, _mm512_sqrt_ps)
RMSPROP_VECTOR_LOOP(avx, "avx", __m256, 8, _mm256_set1_ps, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_add_ps,
                    _mm256_sub_ps, _mm256_mul_ps, _mm256_div_ps, _mm256_sqrt_ps)
#undef RMSPROP_VECTOR_LOOP
#endif

void tk_rmsprop_update(long n, float *p, const float *g, float *square, float *mean, float *velocity, float alpha,
                       float learningRate, float epsilon, float momentum) {
    long i = 0;
#if defined(__x86_64__) || defined(__i386__)
    if (__builtin_cpu_supports("avx512f")) {
        i = rmsprop_avx512(n, p, g, square, mean, velocity, alpha, learningRate, epsilon, momentum);
    } else if (__builtin_cpu_supports("avx")) {
        i = rmsprop_avx(n, p, g, square, mean, velocity, alpha, learningRate, epsilon, momentum);
    }
#endif
    for (; i < n; i++) rmsprop_element(i, p, g, square, mean, velocity, alpha, learningRate, epsilon, momentum);
}
