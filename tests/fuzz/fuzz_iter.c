/* fuzz_iter.c: chains of pull iterators (array, then up to eight maps and filters chosen by the
 * input) against a reference: the same steps applied to a plain array, in order. */
#include "fuzz.h"
#include "iter.h"

#define MAX_VALUES 256
#define MAX_STAGES 8

static int64_t times_three(int64_t v) { return 3 * v; }
static int64_t minus_seven(int64_t v) { return v - 7; }
static int is_even(int64_t v) { return v % 2 == 0; }
static int is_positive(int64_t v) { return v > 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    int64_t values[MAX_VALUES], reference[MAX_VALUES];
    const size_t n = (size_t)fuzz_range(&in, 0, MAX_VALUES);
    for (size_t i = 0; i < n; i++) reference[i] = values[i] = fuzz_range(&in, -1000, 1000);
    size_t len = n;
    iter chain[MAX_STAGES + 1];
    chain[0] = iter_over_array(values, n);
    const size_t stages = fuzz_u8(&in) % (MAX_STAGES + 1);
    for (size_t s = 1; s <= stages; s++) {
        const uint8_t op = fuzz_u8(&in) % 4;
        size_t kept = 0;
        for (size_t i = 0; i < len; i++) { /* the reference, one stage at a time */
            const int64_t v = reference[i];
            if (op == 0) reference[kept++] = times_three(v);
            else if (op == 1) reference[kept++] = minus_seven(v);
            else if ((op == 2 && is_even(v)) || (op == 3 && is_positive(v))) reference[kept++] = v;
        }
        len = kept;
        chain[s] = op == 0 ? iter_map(&chain[s - 1], times_three)
                 : op == 1 ? iter_map(&chain[s - 1], minus_seven)
                 : iter_filter(&chain[s - 1], op == 2 ? is_even : is_positive);
    }
    int64_t v;
    size_t got = 0;
    while (iter_next(&chain[stages], &v)) {
        FUZZ_CHECK(got < len && v == reference[got], "value %zu is %lld", got, (long long)v);
        got++;
    }
    FUZZ_CHECK(got == len, "yielded %zu values, expected %zu", got, len);
    FUZZ_CHECK(!iter_next(&chain[stages], &v), "yielded a value after it was exhausted");
    return 0;
}
