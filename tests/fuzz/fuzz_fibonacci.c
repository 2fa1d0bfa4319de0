/* fuzz_fibonacci.c: the memo tables of memoization (a hash map, an array) and the loop against
 * the reference F(n), for n up to F's largest in 64 bits; a memoised call that fails (only ever
 * for memory) must leave nothing allocated. */
#include "fibonacci.h"
#include "fuzz.h"

#define MAX_CALLS 16 /* per input: each memoised call builds its table anew */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    for (int calls = 0; in.n > 0 && calls < MAX_CALLS; calls++) {
        const unsigned n = (unsigned)fuzz_range(&in, 0, FIBONACCI_MAX_N);
        const uint64_t expected = fibonacci_reference(n);
        uint64_t got = 0;
        uint64_t failures = memcount_failures();
        if (fibonacci_memo_hash(n, &got) == 0) FUZZ_CHECK(got == expected, "memo_hash(%u) is wrong", n);
        else FUZZ_CHECK(fuzz_allocation_failed(failures), "memo_hash(%u) failed with no allocation failing", n);
        failures = memcount_failures();
        if (fibonacci_memo_array(n, &got) == 0) FUZZ_CHECK(got == expected, "memo_array(%u) is wrong", n);
        else FUZZ_CHECK(fuzz_allocation_failed(failures), "memo_array(%u) failed with no allocation failing", n);
        FUZZ_CHECK(fibonacci_iterative(n) == expected, "iterative(%u) is wrong", n);
        if (n <= 15) FUZZ_CHECK(fibonacci_naive(n) == expected, "naive(%u) is wrong", n); /* exponential: small n only */
        FUZZ_CHECK(memcount_live_bytes() == live, "a memoised call left %zu bytes", memcount_live_bytes() - live);
    }
    fuzz_done(live);
    return 0;
}
