/* barriers.h: the compiler barriers the measured code relies on, said once for both compilers the
 * suite is built with (GCC, the default, and clang, make robustness's compiler axis), so that a
 * model means the same thing under each: a barrier one compiler ignores would let it inline or
 * vectorise what the model keeps apart, and the compiler axis would measure that, not the compiler.
 * Each is a function attribute, placed before the function's return type; IDIOM_LOOP_NO_VECTORIZE
 * goes before the loop itself, since clang says that of a loop rather than of a function. */
#ifndef IDIOM_BARRIERS_H
#define IDIOM_BARRIERS_H

#if defined(__clang__)
/* Neither inlined nor specialised nor merged with its twin: clang has no noipa; noinline is its
 * nearest, and clang clones no function for a constant argument, nor merges functions, by default. */
#define IDIOM_NOIPA __attribute__((noinline))
/* The function's loops not vectorised: on clang, IDIOM_LOOP_NO_VECTORIZE before each loop. */
#define IDIOM_NO_VECTORIZE
#define IDIOM_LOOP_NO_VECTORIZE _Pragma("clang loop vectorize(disable) interleave(disable)")
/* A byte loop not turned into a call of memcpy or memset. */
#define IDIOM_NO_LOOP_TO_CALL __attribute__((no_builtin("memcpy", "memset", "memmove")))
/* Every call a call: no tail call turned into a jump or a loop. */
#define IDIOM_NO_SIBLING_CALLS __attribute__((disable_tail_calls))
/* Both of the last two with the vectoriser off (GCC takes one optimize attribute per function). */
#define IDIOM_NO_LOOP_TO_CALL_NO_VECTORIZE IDIOM_NO_LOOP_TO_CALL
#else
#define IDIOM_NOIPA __attribute__((noipa))
#define IDIOM_NO_VECTORIZE __attribute__((optimize("no-tree-vectorize")))
#define IDIOM_LOOP_NO_VECTORIZE
#define IDIOM_NO_LOOP_TO_CALL __attribute__((optimize("no-tree-loop-distribute-patterns")))
#define IDIOM_NO_SIBLING_CALLS __attribute__((optimize("no-optimize-sibling-calls")))
#define IDIOM_NO_LOOP_TO_CALL_NO_VECTORIZE \
    __attribute__((optimize("no-tree-loop-distribute-patterns", "no-tree-vectorize")))
#endif

#endif /* IDIOM_BARRIERS_H */
