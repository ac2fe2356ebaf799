// Runs every tagger kernel on fixed pseudo-random inputs and prints one FNV-1a hash of all the
// bits they produce. scripts/tagger-kernels-isa.sh builds it once per instruction set and
// compares the hashes: the kernels' results must not depend on the CPU.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "TaggerKernels.h"

static uint64_t state = 0x9E3779B97F4A7C15ull;
static float next(void) {   // xorshift64*, mapped to [-1, 1)
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    return (float)((state * 2685821657736338717ull) >> 40) / (float)(1 << 23) - 1.0f;
}
static uint64_t hash = 1469598103934665603ull;
static void mix(const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) { hash ^= b[i]; hash *= 1099511628211ull; }
}
static float *randoms(size_t n, float scale) {
    float *a = malloc(n * sizeof *a);
    for (size_t i = 0; i < n; i++) a[i] = next() * scale;
    return a;
}

int main(void) {
    // GEMM: 256 inputs to 768 outputs (the second layer's projection), row counts around the blocks.
    int K = 256, N = 768;
    float *w = randoms((size_t)N * K, 0.1f), *bias = randoms(N, 0.1f);
    float *packed = malloc((size_t)N * K * sizeof(float));
    dg_pack_gemm(w, K, 1, N, K, packed);
    int rows[] = {1, 5, 12, 13, 191, 192, 200};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        int M = rows[r];
        float *a = randoms((size_t)M * K, 1.0f), *c = malloc((size_t)M * N * sizeof(float));
        dg_gemm(a, K, M, K, packed, bias, N, c, N);
        mix(c, (size_t)M * N * sizeof(float));
        free(a); free(c);
    }
    // GRU steps at every block size the kernel distinguishes.
    float *R = randoms(384 * 128, 0.1f), *Rb = randoms(384, 0.1f);
    float *Rp = malloc(384 * 128 * sizeof(float)), *RbP = malloc(384 * sizeof(float));
    dg_pack_gru(R, Rb, Rp, RbP);
    int steps[] = {1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 23, 64};
    for (size_t r = 0; r < sizeof steps / sizeof steps[0]; r++) {
        int M = steps[r];
        float *h = randoms((size_t)M * 128, 1.0f), *x = randoms((size_t)M * 384, 2.0f);
        float *hn = malloc((size_t)M * 128 * sizeof(float)), *out = malloc((size_t)M * 256 * sizeof(float));
        dg_gru_step(h, M, Rp, RbP, x, 384, hn, out, 256);
        mix(hn, (size_t)M * 128 * sizeof(float));
        free(h); free(x); free(hn); free(out);
    }
    // exp over its range.
    for (int i = -2000; i <= 2000; i++) { float e = dg_exp((float)i * 0.05f); mix(&e, sizeof e); }
    // Viterbi and marginals: 59 tags, 300 steps.
    int T = 300, S = 59;
    float *em = randoms((size_t)T * 64, 4.0f), *trans = calloc(64 * 64, sizeof(float));
    float *et = calloc(64 * 64, sizeof(float)), *ett = calloc(64 * 64, sizeof(float));
    for (int i = 0; i < S; i++) for (int j = 0; j < S; j++) {
        trans[i * 64 + j] = next() * 3.0f;
        et[i * 64 + j] = dg_exp(trans[i * 64 + j]);
        ett[j * 64 + i] = et[i * 64 + j];
    }
    int32_t *path = malloc(T * sizeof(int32_t)), *bp = malloc((size_t)T * 64 * sizeof(int32_t));
    float *conf = malloc(T * sizeof(float)), *alpha = malloc((size_t)2 * T * 64 * sizeof(float));
    dg_viterbi(em, 64, T, trans, S, path, bp);
    dg_marginals(em, 64, T, et, ett, S, path, conf, alpha);
    mix(path, T * sizeof(int32_t));
    mix(conf, T * sizeof(float));
    printf("%016llx\n", (unsigned long long)hash);
    return 0;
}
