/* fibonacci.h: F(n) four ways, as article 002 computes fibonacci(35) with and without @lru_cache:
 * plain recursion, the recursion behind a hash-map memo (the lru_cache) or a table indexed by n, and
 * the two-variable loop; and fast doubling, the reference none of them is. Exact in 64 bits up to
 * FIBONACCI_MAX_N. */
#ifndef IDIOM_FIBONACCI_H
#define IDIOM_FIBONACCI_H

#include <stdint.h>

#define FIBONACCI_MAX_N 93 /* F(93) = 12200160415121876738 < 2^64 <= F(94) */

/* `fib(n - 1) + fib(n - 2)` with no cache: 2 F(n + 1) - 1 calls, about 1.618^n. */
uint64_t fibonacci_naive(unsigned n);
/* The same compiled recursion, its calls counted into *calls. */
uint64_t fibonacci_naive_counted(unsigned n, uint64_t *calls);
/* The same recursion through a uthash map from n to F(n), empty at the start and freed at the end,
 * as a fresh @lru_cache(maxsize=None). 0 with F(n) in *out, or -1 when out of memory. */
int fibonacci_memo_hash(unsigned n, uint64_t *out) __attribute__((warn_unused_result));
/* The same recursion memoised in a table indexed by n, allocated for the call. As memo_hash. */
int fibonacci_memo_array(unsigned n, uint64_t *out) __attribute__((warn_unused_result));
/* a, b = b, a + b, n times. */
uint64_t fibonacci_iterative(unsigned n);
/* F(n) by fast doubling, in O(log n) steps: the reference. */
uint64_t fibonacci_reference(unsigned n);

#endif /* IDIOM_FIBONACCI_H */
