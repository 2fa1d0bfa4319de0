/* fuzz_records.c: the five record layouts of record_layout against a reference, record_of of each
 * id: distinct ids from the input, created in a layout the input picks; every record read back by
 * index and id, and the sum of a field, must match; a failed creation (only ever for memory) must
 * leave the store empty with nothing allocated. */
#include "fuzz.h"
#include "records.h"

#include <string.h>

#define MAX_RECORDS 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    static const record_layout *const layouts[] = {&record_dict_of_tuples, &record_tuple_records,
                                                   &record_object_records, &record_packed_structs,
                                                   &record_uthash_map};
    const record_layout *layout = layouts[fuzz_u8(&in) % (sizeof layouts / sizeof layouts[0])];
    int64_t ids[MAX_RECORDS];
    size_t n = 0;
    const size_t wanted = (size_t)fuzz_range(&in, 0, MAX_RECORDS);
    for (size_t i = 0; i < wanted; i++) { /* distinct ids: a dict holds one record per key */
        const int64_t id = fuzz_range(&in, 0, 100000);
        size_t j = 0;
        while (j < n && ids[j] != id) j++;
        if (j == n) ids[n++] = id;
    }
    record_store store, empty;
    memset(&store, 0, sizeof store);
    memset(&empty, 0, sizeof empty);
    const uint64_t failures = memcount_failures();
    if (layout->create(&store, ids, n) != 0) {
        FUZZ_CHECK(fuzz_allocation_failed(failures), "%s: create failed with no allocation failing", layout->name);
        FUZZ_CHECK(memcmp(&store, &empty, sizeof store) == 0, "%s: a failed create left the store non-empty", layout->name);
        fuzz_done(live);
        return 0;
    }
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        record_fields got, expected = record_of(ids[i]);
        FUZZ_CHECK(layout->get(&store, i, ids[i], &got) == 0, "%s: record %zu is missing", layout->name, i);
        FUZZ_CHECK(memcmp(&got, &expected, sizeof got) == 0, "%s: record %zu is wrong", layout->name, i);
        sum += expected.square_val;
    }
    FUZZ_CHECK(layout->sum_square_val(&store, ids) == sum, "%s: the sum of square_val is wrong", layout->name);
    layout->destroy(&store);
    fuzz_done(live);
    return 0;
}
