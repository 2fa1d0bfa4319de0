/* fuzz_utstring_builder.c: utstring as a builder against a reference, a plain buffer: appends of
 * the input's chunks, a failed one (only ever for memory) leaving the contents as they were. */
#include "fuzz.h"
#include "utstring_builder.h"

#include <string.h>

#define REFERENCE_BYTES 8192

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    utstring_builder b;
    uint64_t failures = memcount_failures();
    if (utstring_builder_init(&b) != 0) {
        FUZZ_CHECK(fuzz_allocation_failed(failures), "init failed with no allocation failing");
        fuzz_done(live);
        return 0;
    }
    char reference[REFERENCE_BYTES];
    size_t len = 0;
    while (in.n > 0 && len + 64 <= REFERENCE_BYTES) {
        size_t chunk = (size_t)fuzz_range(&in, 0, 64);
        if (chunk > in.n) chunk = in.n;
        failures = memcount_failures();
        if (utstring_builder_append(&b, in.p, chunk) != 0) {
            FUZZ_CHECK(fuzz_allocation_failed(failures), "an append failed with no allocation failing");
        } else {
            memcpy(reference + len, in.p, chunk);
            len += chunk;
        }
        in.p += chunk;
        in.n -= chunk;
        FUZZ_CHECK(b.len == len && memcmp(b.bytes, reference, len) == 0 && b.bytes[len] == '\0',
                   "the contents differ from the reference (%zu bytes against %zu)", b.len, len);
    }
    utstring_builder_free(&b);
    fuzz_done(live);
    return 0;
}
