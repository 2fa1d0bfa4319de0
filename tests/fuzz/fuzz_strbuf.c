/* fuzz_strbuf.c: strbuf, under each growth policy and a cap from the input, against a reference:
 * a plain buffer. Each operation appends a chunk of the input; every status must be the one the
 * reference predicts (TOO_LONG past the cap, NO_MEMORY only when an allocation failed) and a failed
 * append must leave the contents as they were. */
#include "fuzz.h"
#include "strbuf.h"

#include <string.h>

#define REFERENCE_BYTES 8192

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    const size_t live = memcount_live_bytes();
    fuzz_fail_from_input(&in);
    static const growth_policy policies[] = {GROWTH_EXACT_FIT, GROWTH_DOUBLING, GROWTH_CPYTHON_LIST};
    strbuf buf;
    strbuf_init(&buf, (size_t)fuzz_range(&in, 0, REFERENCE_BYTES), policies[fuzz_u8(&in) % 3]);
    char reference[REFERENCE_BYTES];
    size_t len = 0;
    while (in.n > 0) {
        size_t chunk = (size_t)fuzz_range(&in, 0, 64);
        if (chunk > in.n) chunk = in.n;
        const uint64_t failures = memcount_failures();
        const strbuf_status status = strbuf_append(&buf, in.p, chunk);
        if (len + chunk > buf.cap) {
            FUZZ_CHECK(status == STRBUF_TOO_LONG, "an append past the cap returned %d", status);
        } else if (status == STRBUF_NO_MEMORY) {
            FUZZ_CHECK(fuzz_allocation_failed(failures), "NO_MEMORY with no allocation failing");
        } else {
            FUZZ_CHECK(status == STRBUF_OK, "an append within the cap returned %d", status);
            memcpy(reference + len, in.p, chunk);
            len += chunk;
        }
        in.p += chunk;
        in.n -= chunk;
        FUZZ_CHECK(buf.len == len && memcmp(strbuf_str(&buf), reference, len) == 0 && strbuf_str(&buf)[len] == '\0',
                   "the contents differ from the reference (%zu bytes against %zu)", buf.len, len);
    }
    strbuf_free(&buf);
    fuzz_done(live);
    return 0;
}
