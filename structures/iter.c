/* iter.c: see iter.h. Compiled apart from its callers, so that a call through `next` is opaque to
 * them, as a generator's resume is opaque to the interpreter loop that drives it. */
#include "iter.h"

#include <assert.h>

static int next_of_array(iter *self, int64_t *value) {
    if (self->pos == self->len) return 0;
    *value = self->items[self->pos++];
    return 1;
}

static int next_of_map(iter *self, int64_t *value) {
    int64_t v;
    if (!iter_next(self->source, &v)) return 0;
    *value = self->map(v);
    return 1;
}

static int next_of_filter(iter *self, int64_t *value) {
    int64_t v;
    while (iter_next(self->source, &v))
        if (self->keep(v)) {
            *value = v;
            return 1;
        }
    return 0;
}

/* No allocation; O(1) per value. */
iter iter_over_array(const int64_t *items, size_t len) {
    assert(items != NULL || len == 0);
    return (iter){.next = next_of_array, .items = items, .len = len};
}

/* No allocation; each value costs one pull from source and one call of fn. */
iter iter_map(iter *source, int64_t (*fn)(int64_t value)) {
    assert(source != NULL && fn != NULL);
    return (iter){.next = next_of_map, .source = source, .map = fn};
}

/* No allocation; a value costs as many pulls from source as it takes to find one that passes. */
iter iter_filter(iter *source, int (*keep)(int64_t value)) {
    assert(source != NULL && keep != NULL);
    return (iter){.next = next_of_filter, .source = source, .keep = keep};
}
