/* fuzz_boxed_list.c: the boxed list of array_doubling against a reference, the plain values:
 * built with or without the small-int cache, or with its boxes scattered in an input-chosen
 * order, then doubled; every element must match, and a failed build or doubling (only ever for
 * memory) leave its list empty with nothing allocated. */
#include "boxed_list.h"
#include "fuzz.h"

#include <string.h>

#define MAX_VALUES 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    static boxed_cache cache;
    boxed_cache_init(&cache);
    const uint8_t how = fuzz_u8(&in) % 3; /* 0 plain, 1 cached, 2 scattered */
    const boxed_cache *shared = how == 1 ? &cache : NULL;
    int64_t values[MAX_VALUES];
    size_t order[MAX_VALUES];
    const size_t n = (size_t)fuzz_range(&in, 0, MAX_VALUES);
    for (size_t i = 0; i < n; i++) {
        values[i] = fuzz_range(&in, -20, 300); /* inside and outside the cache's -5..256 */
        order[i] = i;
    }
    for (size_t i = n; i > 1; i--) { /* an input-chosen permutation, for the scattered build */
        const size_t j = (size_t)fuzz_range(&in, 0, (int64_t)i - 1);
        const size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    boxed_list list = {0}, doubled = {0};
    uint64_t failures = memcount_failures();
    const int built = how == 2 ? boxed_list_from_values_scattered(&list, values, n, order)
                               : boxed_list_from_values(&list, values, n, shared);
    if (built != 0) {
        FUZZ_CHECK(fuzz_allocation_failed(failures), "build failed with no allocation failing");
        FUZZ_CHECK(list.items == NULL && list.len == 0, "a failed build left the list non-empty");
        fuzz_done(live);
        return 0;
    }
    FUZZ_CHECK(list.len == n, "built %zu elements of %zu", list.len, n);
    for (size_t i = 0; i < n; i++) FUZZ_CHECK(*list.items[i] == values[i], "element %zu is wrong", i);
    failures = memcount_failures();
    if (boxed_list_double(&list, &doubled, shared) != 0) {
        FUZZ_CHECK(fuzz_allocation_failed(failures), "doubling failed with no allocation failing");
        FUZZ_CHECK(doubled.items == NULL && doubled.len == 0, "a failed doubling left its list non-empty");
    } else {
        for (size_t i = 0; i < n; i++) FUZZ_CHECK(*doubled.items[i] == 2 * values[i], "doubled element %zu is wrong", i);
        for (size_t i = 0; i < n; i++) FUZZ_CHECK(*list.items[i] == values[i], "doubling changed its source");
        boxed_list_free(&doubled, shared);
    }
    boxed_list_free(&list, how == 2 ? NULL : shared);
    fuzz_done(live);
    return 0;
}
