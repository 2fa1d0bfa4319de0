/* memcount.c: the counting allocator; see memcount.h. */
#include "memcount.h"

#include <malloc.h>
#include <stdlib.h>

static size_t live_bytes;          /* granted bytes not yet freed */
static size_t mark_live_bytes;     /* live_bytes at the last memcount_mark */
static size_t peak_live_bytes;     /* highest live_bytes since the last memcount_mark */
static uint64_t allocations;       /* allocations since the last memcount_mark */
static uint64_t requests;          /* allocation requests since the program started */
static uint64_t failures;          /* of which failed */
static size_t moved_bytes;         /* bytes realloc copied to a new block since the last mark */
static uint64_t failure_countdown; /* 0: never fail; 1: fail the next allocation (and all later) */
static int counting = 1;           /* 0 inside a timed loop: plain malloc, no bookkeeping */

static int should_fail(void) {
    requests++;
    if (failure_countdown == 0) return 0;
    if (failure_countdown == 1) return (int)++failures;
    failure_countdown--;
    return 0;
}

static void note_grant(void *p) {
    live_bytes += malloc_usable_size(p);
    if (live_bytes > peak_live_bytes) peak_live_bytes = live_bytes;
}

/* Like malloc; a zero size still allocates (glibc's behaviour), so the pointer can be freed. */
void *memcount_malloc(size_t size) {
    if (should_fail()) return NULL;
    if (!counting) return malloc(size);
    void *p = malloc(size);
    if (p == NULL) return failures++, NULL;
    allocations++;
    note_grant(p);
    return p;
}

/* Like calloc: zeroed, and NULL when count * size overflows. */
void *memcount_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return NULL;
    if (should_fail()) return NULL;
    if (!counting) return calloc(count, size);
    void *p = calloc(count, size);
    if (p == NULL) return failures++, NULL;
    allocations++;
    note_grant(p);
    return p;
}

void *memcount_aligned(size_t alignment, size_t size) {
    if (should_fail()) return NULL;
    void *p;
    if (posix_memalign(&p, alignment, size ? size : 1) != 0) return failures++, NULL;
    if (counting) {
        allocations++;
        note_grant(p);
    }
    return p;
}

/* Like realloc, except that on failure p stays valid and counted as before. Moving counts as an
 * allocation, since that is what costs a copy; growing in place does not. */
void *memcount_realloc(void *p, size_t size) {
    if (p == NULL) return memcount_malloc(size);
    if (should_fail()) return NULL;
    if (!counting) return realloc(p, size);
    const size_t old_size = malloc_usable_size(p);
    void *q = realloc(p, size);
    if (q == NULL) return failures++, NULL;
    live_bytes -= old_size;
    if (q != p) {
        allocations++;
        moved_bytes += old_size < size ? old_size : size;
    }
    note_grant(q);
    return q;
}

void memcount_free(void *p) {
    if (p == NULL) return;
    if (counting) live_bytes -= malloc_usable_size(p);
    free(p);
}

void memcount_mark(void) {
    mark_live_bytes = live_bytes;
    peak_live_bytes = live_bytes;
    allocations = 0;
    moved_bytes = 0;
}

size_t memcount_peak_since_mark(void) { return peak_live_bytes - mark_live_bytes; }

uint64_t memcount_allocs_since_mark(void) { return allocations; }

size_t memcount_moved_bytes_since_mark(void) { return moved_bytes; }

size_t memcount_live_bytes(void) { return live_bytes; }

size_t memcount_live_at_mark(void) { return mark_live_bytes; }

void memcount_fail_after(uint64_t countdown) { failure_countdown = countdown; }

/* Sound only while every block allocated with counting off is also freed with it off, and the
 * reverse: what a timed loop whose iterations each free what they allocate guarantees. */
void memcount_set_counting(int on) { counting = on; }

uint64_t memcount_requests(void) { return requests; }
uint64_t memcount_failures(void) { return failures; }
