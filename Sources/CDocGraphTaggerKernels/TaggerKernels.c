// The tagger's hot loops. See include/TaggerKernels.h for the arithmetic
// contract: products and sums are rounded separately (no FMA contraction),
// reductions run over inputs in order, vectors only span output units, and the
// transcendental functions are our own, so results do not depend on the
// instruction set, the compiler's vector width or the C library.
#pragma clang fp contract(off)
// The vectors never cross a non-inlined call, so the ABI note does not apply.
#pragma clang diagnostic ignored "-Wpsabi"

#include "TaggerKernels.h"
#include <string.h>
#include "VectorMath.h"

// The scalar exp is the vector one's first lane, so the two can never differ.
float dg_exp(float x) {
    v16 v = vexp((v16)x);
    return v[0];
}

DG_INLINE v16 vsigmoid(v16 x) { return 1.0f / (1.0f + vexp(-x)); }
DG_INLINE v16 vtanh(v16 x) { return 1.0f - 2.0f / (vexp(x + x) + 1.0f); }

// ---- packing ----

void dg_pack_gemm(const float *src, long strideN, long strideK, int N, int K, float *dst) {
    int panels = (N + DG_GEMM_PANEL - 1) / DG_GEMM_PANEL;
    for (int p = 0; p < panels; p++)
        for (int k = 0; k < K; k++)
            for (int j = 0; j < DG_GEMM_PANEL; j++) {
                int n = p * DG_GEMM_PANEL + j;
                dst[((long)p * K + k) * DG_GEMM_PANEL + j] = n < N ? src[n * strideN + k * strideK] : 0.0f;
            }
}

void dg_pack_gru(const float *R, const float *Rb, float *dst, float *dstBias) {
    for (int p = 0; p < DG_HIDDEN / 16; p++)
        for (int g = 0; g < 3; g++)
            for (int j = 0; j < 16; j++) {
                int unit = g * DG_HIDDEN + p * 16 + j;
                for (int k = 0; k < DG_HIDDEN; k++) dst[((long)p * DG_HIDDEN + k) * 48 + g * 16 + j] = R[unit * DG_HIDDEN + k];
                dstBias[p * 48 + g * 16 + j] = Rb[unit];
            }
}

// ---- GEMM: MR rows x 16 columns per block, accumulators in registers ----
// One vector per row: each row's A value is broadcast inside its multiply
// (one load, no separate shuffle), which keeps the multiply and add pipes
// busy; with two or more vectors per row the broadcasts cost a pipe slot.

#define GEMM_MR 12
// Rows whose A (at most 256 inputs, 1 KB a row) stays in L2 while every panel passes over them.
#define GEMM_ROWS 192

DG_INLINE void gemm_block(const float *A, long lda, const int mr, int K, const float *panel, const float *bias,
                          float *C, long ldc) {
    v16 acc[GEMM_MR];
    v16 b = load16(bias);
    for (int i = 0; i < mr; i++) acc[i] = b;
    for (int k = 0; k < K; k++) {
        v16 w = load16(panel + k * DG_GEMM_PANEL);
        for (int i = 0; i < mr; i++) acc[i] = acc[i] + A[i * lda + k] * w;
    }
    for (int i = 0; i < mr; i++) store16(C + i * ldc, acc[i]);
}

DG_DISPATCH
void dg_gemm(const float *A, long lda, int M, int K, const float *Bp, const float *bias, int Npad, float *C, long ldc) {
    for (int m0 = 0; m0 < M; m0 += GEMM_ROWS) {
        int m1 = M - m0 > GEMM_ROWS ? m0 + GEMM_ROWS : M;
        for (int n = 0; n < Npad; n += 16) {
            const float *panel = Bp + (long)(n / DG_GEMM_PANEL) * K * DG_GEMM_PANEL + n % DG_GEMM_PANEL;
            for (int m = m0; m < m1; m += GEMM_MR) {
                const float *a = A + m * lda;
                float *c = C + m * ldc + n;
                switch (m1 - m >= GEMM_MR ? GEMM_MR : m1 - m) {
                case 12: gemm_block(a, lda, 12, K, panel, bias + n, c, ldc); break;
                case 11: gemm_block(a, lda, 11, K, panel, bias + n, c, ldc); break;
                case 10: gemm_block(a, lda, 10, K, panel, bias + n, c, ldc); break;
                case 9: gemm_block(a, lda, 9, K, panel, bias + n, c, ldc); break;
                case 8: gemm_block(a, lda, 8, K, panel, bias + n, c, ldc); break;
                case 7: gemm_block(a, lda, 7, K, panel, bias + n, c, ldc); break;
                case 6: gemm_block(a, lda, 6, K, panel, bias + n, c, ldc); break;
                case 5: gemm_block(a, lda, 5, K, panel, bias + n, c, ldc); break;
                case 4: gemm_block(a, lda, 4, K, panel, bias + n, c, ldc); break;
                case 3: gemm_block(a, lda, 3, K, panel, bias + n, c, ldc); break;
                case 2: gemm_block(a, lda, 2, K, panel, bias + n, c, ldc); break;
                default: gemm_block(a, lda, 1, K, panel, bias + n, c, ldc); break;
                }
            }
        }
    }
}

// ---- GRU step: 16 units per panel, gates fused in the epilogue ----
// Blocks of 4 to 12 rows take one gate at a time (one vector per row, as in
// dg_gemm) into a small buffer; one to three rows take all three gates at
// once, so that enough independent sums stay in flight.

#define GRU_MR 12

DG_INLINE void gru_finish(const float *hprev, const int mr, const v16 *gz, const v16 *gr, const v16 *gh,
                          const float *X, long ldx, int unit0, float *hnext, float *out, long ldo) {
    for (int i = 0; i < mr; i++) {
        const float *x = X + i * ldx + unit0;
        v16 z = vsigmoid(load16(x) + gz[i]);
        v16 r = vsigmoid(load16(x + DG_HIDDEN) + gr[i]);
        v16 c = vtanh(load16(x + 2 * DG_HIDDEN) + r * gh[i]);
        v16 h = (1.0f - z) * c + z * load16(hprev + i * DG_HIDDEN + unit0);
        store16(hnext + i * DG_HIDDEN + unit0, h);
        store16(out + i * ldo + unit0, h);
    }
}

DG_INLINE void gru_gate(const float *hprev, const int mr, const float *panel, v16 bias, v16 *acc) {
    v16 a[GRU_MR];
    for (int i = 0; i < mr; i++) a[i] = bias;
    for (int k = 0; k < DG_HIDDEN; k++) {
        v16 w = load16(panel + k * 48);
        for (int i = 0; i < mr; i++) a[i] = a[i] + hprev[i * DG_HIDDEN + k] * w;
    }
    for (int i = 0; i < mr; i++) acc[i] = a[i];
}

DG_INLINE void gru_block_wide(const float *hprev, const int mr, const float *panel, const float *bias, const float *X,
                              long ldx, int unit0, float *hnext, float *out, long ldo) {
    v16 az[GRU_MR], ar[GRU_MR], ah[GRU_MR];
    gru_gate(hprev, mr, panel, load16(bias), az);
    gru_gate(hprev, mr, panel + 16, load16(bias + 16), ar);
    gru_gate(hprev, mr, panel + 32, load16(bias + 32), ah);
    gru_finish(hprev, mr, az, ar, ah, X, ldx, unit0, hnext, out, ldo);
}

DG_INLINE void gru_block_narrow(const float *hprev, const int mr, const float *panel, const float *bias, const float *X,
                                long ldx, int unit0, float *hnext, float *out, long ldo) {
    v16 az[3], ar[3], ah[3];
    v16 bz = load16(bias), br = load16(bias + 16), bh = load16(bias + 32);
    for (int i = 0; i < mr; i++) { az[i] = bz; ar[i] = br; ah[i] = bh; }
    for (int k = 0; k < DG_HIDDEN; k++) {
        v16 wz = load16(panel + k * 48), wr = load16(panel + k * 48 + 16), wh = load16(panel + k * 48 + 32);
        for (int i = 0; i < mr; i++) {
            float a = hprev[i * DG_HIDDEN + k];
            az[i] = az[i] + a * wz;
            ar[i] = ar[i] + a * wr;
            ah[i] = ah[i] + a * wh;
        }
    }
    gru_finish(hprev, mr, az, ar, ah, X, ldx, unit0, hnext, out, ldo);
}

// The step's rows of X were written long before (a batch's X is megabytes)
// and its rows of out are not cached either: ask for the next panel's lines
// (three gates of X, one of out) while this panel's sums run, so the
// epilogue does not wait on memory. Prefetches change no number.
DG_INLINE void prefetchUnits(const float *X, long ldx, float *out, long ldo, int M, int unit0) {
    for (int i = 0; i < M; i++) {
        const float *x = X + i * ldx + unit0;
        __builtin_prefetch(x, 0, 3);
        __builtin_prefetch(x + DG_HIDDEN, 0, 3);
        __builtin_prefetch(x + 2 * DG_HIDDEN, 0, 3);
        __builtin_prefetch(out + i * ldo + unit0, 1, 3);
    }
}

DG_DISPATCH
void dg_gru_step(const float *hprev, int M, const float *Rp, const float *RbP, const float *X, long ldx, float *hnext,
                 float *out, long ldo) {
    prefetchUnits(X, ldx, out, ldo, M, 0);
    for (int p = 0; p < DG_HIDDEN / 16; p++) {
        const float *panel = Rp + (long)p * DG_HIDDEN * 48;
        const float *bias = RbP + p * 48;
        if (p + 1 < DG_HIDDEN / 16) prefetchUnits(X, ldx, out, ldo, M, (p + 1) * 16);
        for (int m = 0; m < M; m += GRU_MR) {
            const float *h = hprev + m * DG_HIDDEN;
            const float *x = X + m * ldx;
            float *hn = hnext + m * DG_HIDDEN;
            float *o = out + m * ldo;
            switch (M - m >= GRU_MR ? GRU_MR : M - m) {
            case 12: gru_block_wide(h, 12, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 11: gru_block_wide(h, 11, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 10: gru_block_wide(h, 10, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 9: gru_block_wide(h, 9, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 8: gru_block_wide(h, 8, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 7: gru_block_wide(h, 7, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 6: gru_block_wide(h, 6, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 5: gru_block_wide(h, 5, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 4: gru_block_wide(h, 4, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 3: gru_block_narrow(h, 3, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            case 2: gru_block_narrow(h, 2, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            default: gru_block_narrow(h, 1, panel, bias, x, ldx, p * 16, hn, o, ldo); break;
            }
        }
    }
}
