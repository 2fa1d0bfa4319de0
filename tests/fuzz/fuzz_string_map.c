/* fuzz_string_map.c: the string map of miss_handling against a reference: the keys and values as
 * given, the last value of a repeated key winning, as a dict's. Keys are short byte strings over a
 * small alphabet, so that they repeat; every way of reading (contains, find, get, get_or_longjmp)
 * must agree with the reference, and a failed build leave the map empty with nothing allocated. */
#include "fuzz.h"
#include "string_map.h"

#include <setjmp.h>
#include <string.h>

#define MAX_KEYS 128
#define MAX_KEY_LEN 6

typedef struct key {
    char bytes[MAX_KEY_LEN];
    size_t len;
} key;

static void read_key(fuzz_input *in, key *k) {
    k->len = (size_t)fuzz_range(in, 0, MAX_KEY_LEN);
    for (size_t i = 0; i < k->len; i++) k->bytes[i] = (char)('a' + fuzz_u8(in) % 3);
}

/* The reference: the value of the last of keys[0..n) equal to k, or -1 if none is. */
static long reference_find(const key *keys, const int *values, size_t n, const key *k) {
    long found = -1;
    for (size_t i = 0; i < n; i++)
        if (keys[i].len == k->len && memcmp(keys[i].bytes, k->bytes, k->len) == 0) found = values[i];
    return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    key keys[MAX_KEYS];
    const char *key_bytes[MAX_KEYS];
    size_t lens[MAX_KEYS];
    int values[MAX_KEYS];
    const size_t n = (size_t)fuzz_range(&in, 0, MAX_KEYS);
    for (size_t i = 0; i < n; i++) {
        read_key(&in, &keys[i]);
        key_bytes[i] = keys[i].bytes;
        lens[i] = keys[i].len;
        values[i] = (int)fuzz_range(&in, 0, 1000);
    }
    string_map map = {0};
    const uint64_t failures = memcount_failures();
    if (string_map_build(&map, key_bytes, lens, values, n) != 0) {
        FUZZ_CHECK(fuzz_allocation_failed(failures), "build failed with no allocation failing");
        FUZZ_CHECK(map.head == NULL && map.len == 0, "a failed build left the map non-empty");
        fuzz_done(live);
        return 0;
    }
    memcount_fail_after(0);
    while (in.n > 0) {
        key k;
        read_key(&in, &k);
        const long expected = reference_find(keys, values, n, &k);
        int value = -7;
        FUZZ_CHECK(string_map_contains(&map, k.bytes, k.len) == (expected >= 0), "contains is wrong");
        FUZZ_CHECK(string_map_find(&map, k.bytes, k.len, &value) == (expected >= 0), "find is wrong");
        FUZZ_CHECK(value == (expected >= 0 ? expected : -7), "find gave %d, expected %ld", value, expected);
        jmp_buf on_missing;
        volatile int missing = 0;
        if (setjmp(on_missing) == 0) value = string_map_get_or_longjmp(&map, k.bytes, k.len, &on_missing);
        else missing = 1;
        FUZZ_CHECK(missing == (expected < 0), "get_or_longjmp disagrees on presence");
        if (expected >= 0) FUZZ_CHECK(value == expected && string_map_get(&map, k.bytes, k.len) == expected, "get is wrong");
    }
    string_map_free(&map);
    fuzz_done(live);
    return 0;
}
