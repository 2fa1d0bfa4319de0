/* i64_vec.h: a growable array of int64_t, the C shape of a Python list of ints being appended to:
 * the caller owns the struct, every growing call returns a status and leaves the vector as it was on
 * failure, and the growth policy (growth.h) is chosen at init. Push is inline, as a C programmer's
 * push would be; its slow path (growing) is not. */
#ifndef IDIOM_I64_VEC_H
#define IDIOM_I64_VEC_H

#include <stddef.h>
#include <stdint.h>

#include "growth.h"

typedef enum i64_vec_status {
    I64_VEC_OK = 0,
    I64_VEC_NO_MEMORY = -1, /* an allocation failed, or the size would overflow; the vector is as it was */
} i64_vec_status;

typedef struct i64_vec {
    int64_t *items;       /* len elements; NULL until something is reserved or pushed */
    size_t len;           /* elements in use */
    size_t capacity;      /* elements allocated at items */
    growth_policy growth; /* how push grows a full vector */
} i64_vec;

/* The most elements a vector can hold: its bytes must fit in a size_t. */
#define I64_VEC_MAX_LEN (SIZE_MAX / sizeof(int64_t))

/* An empty vector; allocates nothing. */
void i64_vec_init(i64_vec *v, growth_policy growth);
/* Make room for at least capacity elements in one allocation; never shrinks. */
i64_vec_status i64_vec_reserve(i64_vec *v, size_t capacity) __attribute__((warn_unused_result));
/* Reallocate to exactly len elements (free the block when len is 0). */
i64_vec_status i64_vec_shrink_to_fit(i64_vec *v) __attribute__((warn_unused_result));
/* Free the elements and return to empty, keeping the policy. */
void i64_vec_free(i64_vec *v);
/* Grow a full vector by its policy; for i64_vec_push only. */
i64_vec_status i64_vec__grow(i64_vec *v) __attribute__((warn_unused_result));

/* Append x, growing by the policy when full. Amortised O(1) with a geometric policy; with exact fit
 * every push reallocs. On failure the vector is as it was. */
__attribute__((warn_unused_result)) static inline i64_vec_status i64_vec_push(i64_vec *v, int64_t x) {
    if (v->len == v->capacity && i64_vec__grow(v) != I64_VEC_OK) return I64_VEC_NO_MEMORY;
    v->items[v->len++] = x;
    return I64_VEC_OK;
}

#endif /* IDIOM_I64_VEC_H */
