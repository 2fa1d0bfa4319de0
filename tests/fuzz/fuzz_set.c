/* fuzz_set.c: the four set layouts of membership (int_array, sorted_array, uthash_set, oa_set)
 * against a reference: the values as given, searched one by one. Built once per layout, FUZZ_SET
 * naming it (tests/fuzz/CMakeLists.txt). The input: a byte choosing the failing allocation, a count,
 * the values (small, so that they repeat), then keys to look up. A build that fails must have
 * failed for memory and leave the set as it was and nothing allocated. */
#include "fuzz.h"
#include "int_array.h"
#include "oa_set.h"
#include "sorted_array.h"
#include "uthash_set.h"

#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define SET_FN(suffix) CAT(FUZZ_SET, suffix)

#define MAX_VALUES 512
#define VALUE_RANGE 300 /* values and keys in [-300, 300]: repeats and misses alike */

static int reference_contains(const int64_t *values, size_t n, int64_t key) {
    for (size_t i = 0; i < n; i++)
        if (values[i] == key) return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    int64_t values[MAX_VALUES];
    const size_t n = (size_t)fuzz_range(&in, 0, MAX_VALUES);
    for (size_t i = 0; i < n; i++) values[i] = fuzz_range(&in, -VALUE_RANGE, VALUE_RANGE);
    FUZZ_SET set, empty;
    memset(&set, 0, sizeof set);
    memset(&empty, 0, sizeof empty);
    const uint64_t failures = memcount_failures();
    if (SET_FN(_build)(&set, values, n) != 0) {
        FUZZ_CHECK(fuzz_allocation_failed(failures), "build failed with no allocation failing");
        FUZZ_CHECK(memcmp(&set, &empty, sizeof set) == 0, "a failed build changed the set");
        fuzz_done(live);
        return 0;
    }
    memcount_fail_after(0);
    while (in.n > 0) {
        const int64_t key = fuzz_range(&in, -VALUE_RANGE - 5, VALUE_RANGE + 5);
        FUZZ_CHECK(SET_FN(_contains)(&set, key) == reference_contains(values, n, key), "contains(%lld) is wrong",
                   (long long)key);
    }
    for (size_t i = 0; i < n; i++) FUZZ_CHECK(SET_FN(_contains)(&set, values[i]), "a built value is missing");
    SET_FN(_free)(&set);
    fuzz_done(live);
    return 0;
}
