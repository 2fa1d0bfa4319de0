/* i64_vec.c: the growable int64 array; see i64_vec.h. */
#include "i64_vec.h"

#include "memcount.h"

#include <assert.h>

void i64_vec_init(i64_vec *v, growth_policy growth) {
    assert(growth_policy_valid(growth));
    *v = (i64_vec){.items = NULL, .len = 0, .capacity = 0, .growth = growth};
}

/* Reallocate to exactly capacity elements (> 0). On failure NULL is returned by realloc and the
 * vector keeps its old block. */
static i64_vec_status resize(i64_vec *v, size_t capacity) {
    int64_t *items = memcount_realloc(v->items, capacity * sizeof *items);
    if (items == NULL) return I64_VEC_NO_MEMORY;
    v->items = items;
    v->capacity = capacity;
    return I64_VEC_OK;
}

/* One allocation of at least capacity elements, or nothing if they already fit. */
i64_vec_status i64_vec_reserve(i64_vec *v, size_t capacity) {
    if (capacity <= v->capacity) return I64_VEC_OK;
    if (capacity > I64_VEC_MAX_LEN) return I64_VEC_NO_MEMORY;
    return resize(v, capacity);
}

/* Give back the unused tail. A vector emptied to len 0 frees its block, as i64_vec_free would,
 * but keeps nothing else to reset. */
i64_vec_status i64_vec_shrink_to_fit(i64_vec *v) {
    if (v->len == v->capacity) return I64_VEC_OK;
    if (v->len == 0) {
        i64_vec_free(v);
        return I64_VEC_OK;
    }
    return resize(v, v->len);
}

void i64_vec_free(i64_vec *v) {
    memcount_free(v->items);
    v->items = NULL;
    v->len = 0;
    v->capacity = 0;
}

/* Room for one more: the policy's next size (at least capacity + 1). Fails, changing nothing, when
 * the vector already holds I64_VEC_MAX_LEN elements or realloc fails. */
i64_vec_status i64_vec__grow(i64_vec *v) {
    if (v->capacity == I64_VEC_MAX_LEN) return I64_VEC_NO_MEMORY;
    return resize(v, growth_next_size(v->growth, v->capacity, v->capacity + 1, I64_VEC_MAX_LEN));
}
