/* fuzz_i64_vec.c: the growth vector under each growth policy against a reference array: pushes,
 * reserves and shrinks chosen by the input; a failed operation (only ever for memory) leaves the
 * elements as they were. */
#include "fuzz.h"
#include "i64_vec.h"

#include <string.h>

#define REFERENCE_LEN 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    static const growth_policy policies[] = {GROWTH_EXACT_FIT, GROWTH_DOUBLING, GROWTH_CPYTHON_LIST};
    i64_vec v;
    i64_vec_init(&v, policies[fuzz_u8(&in) % 3]);
    int64_t reference[REFERENCE_LEN];
    size_t len = 0;
    while (in.n > 0 && len < REFERENCE_LEN) {
        const uint8_t op = fuzz_u8(&in) % 8;
        const uint64_t failures = memcount_failures();
        i64_vec_status status;
        if (op < 6) { /* mostly pushes */
            const int64_t x = fuzz_range(&in, -1000, 1000);
            status = i64_vec_push(&v, x);
            if (status == I64_VEC_OK) reference[len++] = x;
        } else if (op == 6) {
            const size_t capacity = (size_t)fuzz_range(&in, 0, REFERENCE_LEN);
            status = i64_vec_reserve(&v, capacity);
            if (status == I64_VEC_OK) FUZZ_CHECK(v.capacity >= capacity, "reserve left too little room");
        } else {
            status = i64_vec_shrink_to_fit(&v);
            if (status == I64_VEC_OK) FUZZ_CHECK(v.capacity == v.len, "shrink_to_fit left spare room");
        }
        if (status != I64_VEC_OK) FUZZ_CHECK(fuzz_allocation_failed(failures), "an operation failed with no allocation failing");
        FUZZ_CHECK(v.len == len && v.len <= v.capacity && (len == 0 || memcmp(v.items, reference, len * sizeof *reference) == 0),
                   "the elements differ from the reference (%zu against %zu)", v.len, len);
    }
    i64_vec_free(&v);
    fuzz_done(live);
    return 0;
}
