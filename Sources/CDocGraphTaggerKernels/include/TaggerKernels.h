#ifndef DOCGRAPH_TAGGER_KERNELS_H
#define DOCGRAPH_TAGGER_KERNELS_H

#include <stdint.h>

// The tagger's arithmetic. Every output element is computed as
// acc = bias; for k in 0..<K: acc = acc + a[k] * w[k] (a product rounded to
// float, then a sum rounded to float; no fused multiply-add), vectorised across
// output units only, so every instruction set gives bit-identical results.
// tanh, sigmoid and exp are our own fixed polynomial forms, not libm's.

/// Columns per panel of a packed weight matrix for dg_gemm.
#define DG_GEMM_PANEL 32
/// Hidden units of each GRU direction.
#define DG_HIDDEN 128

/// Packs w(n, k) = src[n * strideN + k * strideK] (n < N, k < K) into panels of
/// DG_GEMM_PANEL columns: dst[(p * K + k) * 32 + j] = w(p * 32 + j, k), zero past N.
/// dst holds ceil(N / 32) * 32 * K floats.
void dg_pack_gemm(const float *src, long strideN, long strideK, int N, int K, float *dst);

/// Packs one GRU direction's recurrent weights R[384][128] (ONNX gate order z, r, h)
/// and its bias Rb[384] into panels of 16 units: for panel p and input k,
/// dst[(p * 128 + k) * 48 + g * 16 + j] = R[g * 128 + p * 16 + j][k].
/// dst holds 384 * 128 floats, dstBias 384 floats in the same order.
void dg_pack_gru(const float *R, const float *Rb, float *dst, float *dstBias);

/// C[m][n] = bias[n] + sum over k of A[m][k] * w(n, k), for m < M and n < Npad
/// (Npad a multiple of 32; Bp packed by dg_pack_gemm with K inputs).
void dg_gemm(const float *A, long lda, int M, int K, const float *Bp, const float *bias, int Npad, float *C, long ldc);

/// One GRU step (linear_before_reset) for rows m < M:
/// g = Rb + hprev[m] . R^T; z = sigmoid(x_z + g_z); r = sigmoid(x_r + g_r);
/// c = tanh(x_h + r * g_h); h = (1 - z) * c + z * hprev.
/// X rows (stride ldx) hold the input projections x_z | x_r | x_h (384 floats);
/// hprev and hnext are [M][128]; h is also written to out (stride ldo).
void dg_gru_step(const float *hprev, int M, const float *Rp, const float *RbP, const float *X, long ldx,
                 float *hnext, float *out, long ldo);

/// exp(x), as the kernels compute it.
float dg_exp(float x);

/// Tags of the CRF (at most this many).
#define DG_MAX_TAGS 64

/// Viterbi over emissions em[t * ld + s] (t < T, s < S <= 64) and transitions
/// trans[i * 64 + j] (padded rows of 64), without start or stop scores; ties go
/// to the lowest tag, as numpy's argmax does. backpointers holds T * 64 ints.
void dg_viterbi(const float *em, long ld, int T, const float *trans, int S, int32_t *path, int32_t *backpointers);

/// The posterior marginal of path[t] at each t from the CRF's forward-backward,
/// with expTrans[i * 64 + j] = dg_exp(trans[i * 64 + j]) and expTransT its
/// transpose (both zero outside S x S); em has 64 columns. alpha holds 2 * T * 64 floats.
void dg_marginals(const float *em, long ld, int T, const float *expTrans, const float *expTransT, int S,
                  const int32_t *path, float *confidence, float *alpha);

#endif
