/* fuzz.h: what every fuzz target shares (libFuzzer, tests/fuzz/): operations read from the fuzzer's
 * bytes, the counting allocator failing at a request the input chooses, and a stop (abort, which
 * libFuzzer reports with the input) at the first disagreement with the reference. */
#ifndef IDIOM_FUZZ_H
#define IDIOM_FUZZ_H

#include "memcount.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The bytes not yet read. */
typedef struct fuzz_input {
    const uint8_t *p;
    size_t n;
} fuzz_input;

/* The next byte, or 0 once the input is used up. */
static inline uint8_t fuzz_u8(fuzz_input *in) {
    if (in->n == 0) return 0;
    in->n--;
    return *in->p++;
}

/* A value in [lo, hi] from the next two bytes: small ranges make repeats and collisions likely. */
static inline int64_t fuzz_range(fuzz_input *in, int64_t lo, int64_t hi) {
    const uint64_t raw = (uint64_t)fuzz_u8(in) << 8 | fuzz_u8(in);
    return lo + (int64_t)(raw % (uint64_t)(hi - lo + 1));
}

/* Stop with the input, naming what disagreed. */
#define FUZZ_CHECK(condition, ...)                                                                 \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "fuzz: %s:%d: ", __FILE__, __LINE__);                                  \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* The allocation request (1 to 255 from now) at which the counting allocator starts failing, chosen
 * by the input's next byte: 0 means none, and a run whose structures make fewer requests than
 * that never sees a failure. */
static inline void fuzz_fail_from_input(fuzz_input *in) { memcount_fail_after(fuzz_u8(in)); }

/* Whether an allocation request has failed since failures_before: a call that failed may only
 * have failed for that. */
static inline int fuzz_allocation_failed(uint64_t failures_before) { return memcount_failures() != failures_before; }

/* The end of every input: failures off, and every byte the structures allocated freed. */
static inline void fuzz_done(size_t live_at_start) {
    memcount_fail_after(0);
    FUZZ_CHECK(memcount_live_bytes() == live_at_start, "%zu bytes still allocated",
               memcount_live_bytes() - live_at_start);
}

#endif /* IDIOM_FUZZ_H */
