/* pyalloc.c: see pyalloc.h. Names in comments are CPython's (Objects/obmalloc.c, 64-bit build with
 * its radix tree: ALIGNMENT 16, POOL_BITS 14, ARENA_BITS 20). Not modelled: the order in which
 * arenas are preferred (CPython keeps usable_arenas sorted by free pools) and address_in_range.
 *
 * The first arena is the interpreter's: made on first use outside the counting allocator and never
 * given back. CPython never frees its last usable arena (bpo-37257, "stop simple arena thrashing"),
 * and a real interpreter holds its own objects in its arenas besides: without such an arena, a loop
 * that allocates and frees one object (a generator's int, an exception per miss) would map and free
 * a whole arena each time, which CPython never does. Bytes in it are not counted, as the
 * interpreter's are not a benchmark's; at most one arena's worth. */
#include "pyalloc.h"

#include "memcount.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PYALLOC_ALIGNMENT 16                     /* ALIGNMENT */
#define PYALLOC_POOL_SIZE ((size_t)1 << 14)      /* POOL_SIZE: 16 KiB */
#define PYALLOC_ARENA_SIZE ((size_t)1 << 20)     /* ARENA_SIZE: 1 MiB */
#define PYALLOC_POOLS_PER_ARENA (PYALLOC_ARENA_SIZE / PYALLOC_POOL_SIZE)
#define PYALLOC_SIZE_CLASSES (PYALLOC_SMALL_REQUEST_THRESHOLD / PYALLOC_ALIGNMENT)

struct arena;

/* A pool's header, at its start (pool_header); its blocks follow. */
typedef struct pool {
    struct pool *next, *prev; /* in used_pools[size_class] while it has a free block */
    struct arena *arena;
    void *freeblock;          /* freed blocks, each holding the next */
    size_t ref_count;         /* blocks handed out */
    size_t size_class;        /* block size: (size_class + 1) * ALIGNMENT */
    size_t nextoffset;        /* the next never-used block */
    size_t maxnextoffset;     /* the last block's offset */
} pool;

/* The first block's offset: the header, rounded up to the alignment (POOL_OVERHEAD). */
#define PYALLOC_POOL_OVERHEAD ((sizeof(pool) + PYALLOC_ALIGNMENT - 1) & ~(size_t)(PYALLOC_ALIGNMENT - 1))

/* An arena (arena_object): its pools, the ones given back, and its place among usable arenas. */
typedef struct arena {
    char *base;             /* PYALLOC_ARENA_SIZE bytes, pool-aligned */
    int interpreters;       /* 1: the interpreter's arena, not counted and never freed */
    pool *freepools;        /* pools given back, linked by next */
    size_t nfreepools;      /* free pools, given back or never used */
    size_t next_unused;     /* the next never-used pool's index */
    struct arena *next, *prev; /* in usable_arenas while it has a free pool */
} arena;

static pool *used_pools[PYALLOC_SIZE_CLASSES]; /* usedpools: per size class, pools with a free block */
static arena *usable_arenas;                   /* arenas with a free pool */
static size_t arenas_held;                     /* counted arenas: the interpreter's is not one */
static arena interpreters_arena;

static size_t requests;                         /* pyalloc_malloc calls that succeeded */

size_t pyalloc_arenas(void) { return arenas_held; }
size_t pyalloc_requests(void) { return requests; }

static void arena_link(arena *a) {
    a->prev = NULL;
    a->next = usable_arenas;
    if (usable_arenas) usable_arenas->prev = a;
    usable_arenas = a;
}

static void arena_unlink(arena *a) {
    if (a->prev) a->prev->next = a->next;
    else usable_arenas = a->next;
    if (a->next) a->next->prev = a->prev;
}

static void pool_link(pool *p) {
    p->prev = NULL;
    p->next = used_pools[p->size_class];
    if (p->next) p->next->prev = p;
    used_pools[p->size_class] = p;
}

static void pool_unlink(pool *p) {
    if (p->prev) p->prev->next = p->next;
    else used_pools[p->size_class] = p->next;
    if (p->next) p->next->prev = p->prev;
}

/* new_arena: one more arena, all its pools free, made usable; the interpreter's the first time.
 * NULL when out of memory. */
static arena *new_arena(void) {
    if (interpreters_arena.base == NULL) {
        char *base = aligned_alloc(PYALLOC_POOL_SIZE, PYALLOC_ARENA_SIZE);
        if (base != NULL) {
            interpreters_arena = (arena){.base = base, .interpreters = 1, .nfreepools = PYALLOC_POOLS_PER_ARENA};
            arena_link(&interpreters_arena);
            return &interpreters_arena;
        }
    }
    arena *a = memcount_malloc(sizeof *a);
    char *base = a ? memcount_aligned(PYALLOC_POOL_SIZE, PYALLOC_ARENA_SIZE) : NULL;
    if (base == NULL) {
        memcount_free(a);
        return NULL;
    }
    *a = (arena){.base = base, .nfreepools = PYALLOC_POOLS_PER_ARENA};
    arena_link(a);
    arenas_held++;
    return a;
}

/* A free pool of a usable arena, initialised for size_class (init_pool), then in used_pools. NULL
 * when out of memory. */
static pool *new_pool(size_t size_class) {
    arena *a = usable_arenas ? usable_arenas : new_arena();
    if (a == NULL) return NULL;
    pool *p = a->freepools;
    if (p != NULL) a->freepools = p->next;
    else p = (pool *)(a->base + a->next_unused++ * PYALLOC_POOL_SIZE);
    if (--a->nfreepools == 0) arena_unlink(a);
    const size_t block = (size_class + 1) * PYALLOC_ALIGNMENT;
    *p = (pool){.arena = a, .size_class = size_class, .nextoffset = PYALLOC_POOL_OVERHEAD,
                .maxnextoffset = PYALLOC_POOL_SIZE - block};
    pool_link(p);
    return p;
}

/* pymalloc_alloc for small requests; the system allocator above 512 bytes. O(1). */
void *pyalloc_malloc(size_t size) {
    if (size == 0 || size > PYALLOC_SMALL_REQUEST_THRESHOLD) {
        void *large = memcount_malloc(size ? size : 1);
        requests += large != NULL;
        return large;
    }
    const size_t size_class = (size - 1) / PYALLOC_ALIGNMENT;
    pool *p = used_pools[size_class];
    if (p == NULL && (p = new_pool(size_class)) == NULL) return NULL;
    void *block = p->freeblock;
    if (block != NULL) {
        memcpy(&p->freeblock, block, sizeof p->freeblock);
    } else {
        block = (char *)p + p->nextoffset;
        p->nextoffset += (size_class + 1) * PYALLOC_ALIGNMENT;
    }
    p->ref_count++;
    if (p->freeblock == NULL && p->nextoffset > p->maxnextoffset) pool_unlink(p); /* now full */
    requests++;
    return block;
}

/* pymalloc_free: the block back to its pool; an emptied pool back to its arena, and an arena with
 * every pool free back to the system, as CPython does. O(1). */
void pyalloc_free(void *block, size_t size) {
    if (block == NULL) return;
    if (size == 0 || size > PYALLOC_SMALL_REQUEST_THRESHOLD) {
        memcount_free(block);
        return;
    }
    pool *p = (pool *)((uintptr_t)block & ~(uintptr_t)(PYALLOC_POOL_SIZE - 1));
    const int was_full = p->freeblock == NULL && p->nextoffset > p->maxnextoffset;
    memcpy(block, &p->freeblock, sizeof p->freeblock);
    p->freeblock = block;
    if (was_full) pool_link(p);
    if (--p->ref_count > 0) return;
    pool_unlink(p);
    arena *a = p->arena;
    p->next = a->freepools;
    a->freepools = p;
    if (a->nfreepools++ == 0) arena_link(a);
    if (a->nfreepools == PYALLOC_POOLS_PER_ARENA && !a->interpreters) {
        arena_unlink(a);
        memcount_free(a->base);
        memcount_free(a);
        arenas_held--;
    }
}

/* pymalloc_realloc: a small block stays where it is if the new size is in its size class (or the
 * block shrinks by less than a quarter, as CPython allows); otherwise a new block, a copy and a free.
 * Large to large is the system's realloc. */
void *pyalloc_realloc(void *p, size_t old_size, size_t new_size) {
    if (p == NULL) return pyalloc_malloc(new_size);
    const int old_small = old_size > 0 && old_size <= PYALLOC_SMALL_REQUEST_THRESHOLD;
    const int new_small = new_size <= PYALLOC_SMALL_REQUEST_THRESHOLD;
    if (!old_small && !new_small) return memcount_realloc(p, new_size);
    if (old_small) {
        const size_t block = ((old_size - 1) / PYALLOC_ALIGNMENT + 1) * PYALLOC_ALIGNMENT;
        if (new_size <= block && 4 * new_size > 3 * block) return p;
    }
    void *moved = pyalloc_malloc(new_size);
    if (moved == NULL) return NULL;
    memcpy(moved, p, old_size < new_size ? old_size : new_size);
    pyalloc_free(p, old_size);
    return moved;
}
