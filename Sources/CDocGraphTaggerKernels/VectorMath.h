// Vector helpers shared by the kernels (internal to this target): 16-lane
// float vectors, their loads and stores, and our own exp. Include after
// `#pragma clang fp contract(off)`.
#ifndef DOCGRAPH_VECTOR_MATH_H
#define DOCGRAPH_VECTOR_MATH_H

#include <stdint.h>
#include <string.h>

typedef float v16 __attribute__((ext_vector_type(16)));
typedef int32_t v16i __attribute__((ext_vector_type(16)));
#define DG_INLINE static inline __attribute__((always_inline))

// One copy of a kernel per instruction set, chosen at load time; the results are the same
// (scripts/tagger-kernels-isa.sh checks it, building with -DDG_DISPATCH= for one set at a time).
#ifndef DG_DISPATCH
#if defined(__x86_64__) && defined(__linux__)
#define DG_DISPATCH __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define DG_DISPATCH
#endif
#endif

DG_INLINE v16 load16(const float *p) { v16 v; memcpy(&v, p, sizeof v); return v; }
DG_INLINE void store16(float *p, v16 v) { memcpy(p, &v, sizeof v); }

// exp as in Cephes' expf: x = n ln2 + r, |r| <= ln2 / 2, then a degree-5
// polynomial in r, scaled by 2^n through the exponent bits.
#define EXP_HI 88.3762626647949f
#define EXP_LO -87.3365478515625f
#define LOG2E 1.44269504088896341f
#define LN2_HI 0.693359375f
#define LN2_LO -2.12194440e-4f
#define P0 1.9875691500E-4f
#define P1 1.3981999507E-3f
#define P2 8.3334519073E-3f
#define P3 4.1665795894E-2f
#define P4 1.6666665459E-1f
#define P5 5.0000001201E-1f

// floor for |x| < 2^31, exact, without libm: truncate, then step down where
// truncation went up (a true comparison is -1).
DG_INLINE v16 vfloor(v16 x) {
    v16 t = __builtin_convertvector(__builtin_convertvector(x, v16i), v16);
    return t + __builtin_convertvector(t > x, v16);
}

DG_INLINE v16 vexp(v16 x) {
    x = __builtin_elementwise_min(__builtin_elementwise_max(x, (v16)EXP_LO), (v16)EXP_HI);
    v16 n = vfloor(x * LOG2E + 0.5f);
    v16 r = x - n * LN2_HI;
    r = r - n * LN2_LO;
    v16 p = (v16)P0;
    p = p * r + P1;
    p = p * r + P2;
    p = p * r + P3;
    p = p * r + P4;
    p = p * r + P5;
    v16 y = p * (r * r) + r + 1.0f;
    v16i e = (__builtin_convertvector(n, v16i) + 127) << 23;
    return y * (v16)e;
}

#endif
