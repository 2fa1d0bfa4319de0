/* memcount.h: the counting allocator every structure (and uthash) allocates through, so that each
 * benchmark can report peak live bytes and allocations per iteration, whatever the repetition count.
 * Counts the bytes glibc grants (malloc_usable_size), not the bytes asked for. Not thread-safe:
 * benchmarks run single-threaded. Memory figures come from the untimed checked run, so the
 * bookkeeping never adds to a measured time. */
#ifndef IDIOM_MEMCOUNT_H
#define IDIOM_MEMCOUNT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* malloc, counted. NULL on failure (or when a test asked for a failure). */
void *memcount_malloc(size_t size) __attribute__((malloc, warn_unused_result));
/* calloc, counted. */
void *memcount_calloc(size_t count, size_t size) __attribute__((malloc, warn_unused_result));
/* posix_memalign, counted: size bytes aligned to alignment (a power of two, a multiple of
 * sizeof(void *)); NULL on failure. Free with memcount_free. */
void *memcount_aligned(size_t alignment, size_t size) __attribute__((malloc, warn_unused_result));
/* realloc, counted; on failure NULL is returned and p is left as it was. */
void *memcount_realloc(void *p, size_t size) __attribute__((warn_unused_result));
/* free, counted; NULL is ignored. */
void memcount_free(void *p);

/* Start a measurement: peak and allocation count restart from the current live bytes. */
void memcount_mark(void);
/* Highest live bytes since memcount_mark, above the live bytes at the mark. */
size_t memcount_peak_since_mark(void);
/* Allocations (malloc, calloc, and realloc that moved or grew from NULL) since memcount_mark. */
uint64_t memcount_allocs_since_mark(void);
/* Bytes realloc copied when it moved a block, since memcount_mark: an upper bound, since glibc
 * moves a block above the mmap threshold with mremap, which remaps pages instead of copying. */
size_t memcount_moved_bytes_since_mark(void);
/* Allocation requests (malloc, calloc, aligned, realloc) since the program started: what
 * memcount_fail_after counts down. */
uint64_t memcount_requests(void);
/* Allocation requests that failed (injected or real) since the program started. */
uint64_t memcount_failures(void);
/* Bytes live now, counted since the program started. */
size_t memcount_live_bytes(void);
/* Bytes that were live at the last memcount_mark. */
size_t memcount_live_at_mark(void);

/* Switch the bookkeeping off (0) or on (1). Off, the functions are plain malloc and free: the
 * harness turns counting off for timed loops so that what is timed is the allocator alone. */
void memcount_set_counting(int on);

/* For tests: the countdown-th allocation from now, and every one after it, fails; 0 turns failure
 * off again. */
void memcount_fail_after(uint64_t countdown);

#ifdef __cplusplus
}
#endif

#endif /* IDIOM_MEMCOUNT_H */
