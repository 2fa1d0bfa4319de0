/* rng.c: SplitMix64 (Steele, Lea, Flood 2014), and unbiased bounded draws (Lemire 2019). */
#include "rng.h"

#include <assert.h>
#include <stddef.h>

rng rng_seeded(uint64_t seed, uint64_t stream) {
    rng r = {seed ^ (stream * 0xD1B54A32D192ED03ull)}; /* an odd constant from Steele & Vigna */
    (void)rng_next(&r);
    return r;
}

uint64_t rng_next(rng *r) {
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull); /* 2^64 / golden ratio */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Lemire's multiply-and-reject: no modulo bias, rarely more than one draw. */
uint64_t rng_below(rng *r, uint64_t bound) {
    assert(bound > 0);
    unsigned __int128 m = (unsigned __int128)rng_next(r) * bound;
    uint64_t low = (uint64_t)m;
    if (low < bound) {
        const uint64_t threshold = -bound % bound;
        while (low < threshold) {
            m = (unsigned __int128)rng_next(r) * bound;
            low = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

int64_t rng_between(rng *r, int64_t lo, int64_t hi) {
    assert(lo <= hi);
    const uint64_t span = (uint64_t)hi - (uint64_t)lo;
    if (span == UINT64_MAX) return (int64_t)rng_next(r);
    return (int64_t)((uint64_t)lo + rng_below(r, span + 1));
}

void rng_shuffle(rng *r, void *base, size_t n, size_t size) {
    unsigned char *bytes = base;
    for (size_t i = n; i > 1; i--) {
        unsigned char *a = bytes + (i - 1) * size, *b = bytes + (size_t)rng_below(r, i) * size;
        for (size_t k = 0; k < size; k++) {
            const unsigned char t = a[k];
            a[k] = b[k];
            b[k] = t;
        }
    }
}

double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) * 0x1p-53; }
