// The CRF over the encoder's emissions: Viterbi for the best path and the
// forward-backward pass for each position's posterior marginals. Same
// arithmetic contract as TaggerKernels.c; vectors span tags (64, padded).
#pragma clang fp contract(off)
// The vectors never cross a non-inlined call (the helpers are always inlined),
// so the ABI note does not apply, and the entry points can be target-cloned.
#pragma clang diagnostic ignored "-Wpsabi"

#include "TaggerKernels.h"
#include <string.h>
#include "VectorMath.h"

#define LANES (DG_MAX_TAGS / 16)

DG_INLINE void store16i(int32_t *p, v16i v) { memcpy(p, &v, sizeof v); }

DG_INLINE void viterbi(const float *em, long ld, int T, const float *trans, int S, int32_t *path, int32_t *backpointers) {
    if (T <= 0) return;
    float dp[DG_MAX_TAGS] = {0}, next[DG_MAX_TAGS];
    memcpy(dp, em, (size_t)S * sizeof(float));
    for (int t = 1; t < T; t++) {
        int32_t *bp = backpointers + (long)t * DG_MAX_TAGS;
        for (int l = 0; l < LANES; l++) {
            v16 best = dp[0] + load16(trans + l * 16);
            v16i arg = (v16i)0;
            for (int i = 1; i < S; i++) {
                v16 cand = dp[i] + load16(trans + i * DG_MAX_TAGS + l * 16);
                v16i better = cand > best;
                best = (v16)(((v16i)cand & better) | ((v16i)best & ~better));
                arg = (i & better) | (arg & ~better);
            }
            store16(next + l * 16, best);
            store16i(bp + l * 16, arg);
        }
        for (int j = 0; j < S; j++) dp[j] = next[j] + em[t * ld + j];
    }
    int best = 0;
    for (int j = 1; j < S; j++) if (dp[j] > dp[best]) best = j;
    path[T - 1] = best;
    for (int t = T - 1; t > 0; t--) path[t - 1] = backpointers[(long)t * DG_MAX_TAGS + path[t]];
}

// The entry points hold no vector code of their own (a vector crossing a
// call in a target clone is an ABI error); the inlined bodies do the work.
DG_DISPATCH
void dg_viterbi(const float *em, long ld, int T, const float *trans, int S, int32_t *path, int32_t *backpointers) {
    viterbi(em, ld, T, trans, S, path, backpointers);
}

// exp(em[j] - max) for j < S, zero for the padding tags (em has 64 columns).
DG_INLINE void emissionWeights(const float *em, int S, float *out) {
    float mx = em[0];
    for (int j = 1; j < S; j++) if (em[j] > mx) mx = em[j];
    for (int l = 0; l < LANES; l++) store16(out + l * 16, vexp(load16(em + l * 16) - mx));
    for (int j = S; j < DG_MAX_TAGS; j++) out[j] = 0.0f;
}

DG_INLINE float sum(const float *v, int S) {
    float s = 0.0f;
    for (int j = 0; j < S; j++) s = s + v[j];
    return s;
}

DG_INLINE void scale(float *v, float s) {
    for (int l = 0; l < LANES; l++) store16(v + l * 16, load16(v + l * 16) / s);
}

// out[j] = sum over i < S, in order, of v[i] * m[i * 64 + j].
DG_INLINE void vecmat(const float *v, const float *m, int S, float *out) {
    for (int l = 0; l < LANES; l++) {
        v16 acc = (v16)0.0f;
        for (int i = 0; i < S; i++) acc = acc + v[i] * load16(m + i * DG_MAX_TAGS + l * 16);
        store16(out + l * 16, acc);
    }
}

DG_INLINE void marginals(const float *em, long ld, int T, const float *expTrans, const float *expTransT, int S,
                         const int32_t *path, float *confidence, float *alpha) {
    if (T <= 0) return;
    float acc[DG_MAX_TAGS], beta[DG_MAX_TAGS], u[DG_MAX_TAGS];
    float *weights = alpha + (long)T * DG_MAX_TAGS;
    for (int t = 0; t < T; t++) emissionWeights(em + t * ld, S, weights + (long)t * DG_MAX_TAGS);
    memcpy(alpha, weights, DG_MAX_TAGS * sizeof(float));
    scale(alpha, sum(alpha, S));
    for (int t = 1; t < T; t++) {
        float *a = alpha + (long)t * DG_MAX_TAGS;
        const float *e = weights + (long)t * DG_MAX_TAGS;
        vecmat(a - DG_MAX_TAGS, expTrans, S, acc);
        for (int l = 0; l < LANES; l++) store16(a + l * 16, load16(acc + l * 16) * load16(e + l * 16));
        scale(a, sum(a, S));
    }
    for (int j = 0; j < DG_MAX_TAGS; j++) beta[j] = j < S ? 1.0f : 0.0f;
    for (int t = T - 1; t >= 0; t--) {
        if (t < T - 1) {
            const float *e = weights + (long)(t + 1) * DG_MAX_TAGS;
            for (int l = 0; l < LANES; l++) store16(u + l * 16, load16(e + l * 16) * load16(beta + l * 16));
            vecmat(u, expTransT, S, beta);
            scale(beta, sum(beta, S));
        }
        const float *a = alpha + (long)t * DG_MAX_TAGS;
        for (int l = 0; l < LANES; l++) store16(acc + l * 16, load16(a + l * 16) * load16(beta + l * 16));
        float z = sum(acc, S);
        float p = z > 0.0f ? acc[path[t]] / z : 0.0f;
        confidence[t] = p > 1.0f ? 1.0f : p;
    }
}

DG_DISPATCH
void dg_marginals(const float *em, long ld, int T, const float *expTrans, const float *expTransT, int S,
                  const int32_t *path, float *confidence, float *alpha) {
    marginals(em, ld, T, expTrans, expTransT, S, path, confidence, alpha);
}
