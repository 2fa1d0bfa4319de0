/* rng.h: the seeded pseudo-random generator every input is drawn from (SplitMix64: small, fast,
 * passes BigCrush, and the same numbers on every machine for the same seed). */
#ifndef IDIOM_RNG_H
#define IDIOM_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct rng {
    uint64_t state; /* advanced by a fixed odd constant per draw */
} rng;

/* A generator for one input stream: the run's seed mixed with a stream number, so that two inputs
 * of one benchmark are independent yet repeatable. */
rng rng_seeded(uint64_t seed, uint64_t stream);
/* The next 64 random bits. */
uint64_t rng_next(rng *r);
/* Uniform in [0, bound); bound > 0. */
uint64_t rng_below(rng *r, uint64_t bound);
/* Uniform in [lo, hi], both included, like Python's random.randint. */
int64_t rng_between(rng *r, int64_t lo, int64_t hi);
/* Uniform in [0, 1) from 53 random bits, as Python's random.random(): every double of the form
 * k / 2^53. */
double rng_unit(rng *r);
/* Shuffle n elements of size bytes each in place (Fisher-Yates), as qsort takes its array. */
void rng_shuffle(rng *r, void *base, size_t n, size_t size);

#endif /* IDIOM_RNG_H */
