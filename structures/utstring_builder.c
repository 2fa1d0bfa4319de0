/* utstring_builder.c: see utstring_builder.h. utstring has no allocator hook, unlike uthash, so its
 * realloc and free are redirected to the counting allocator here, in this file only. Its
 * out-of-memory hook (exit by default) raises a flag and returns from the void function the macro
 * expands in; the public functions turn the flag into a status. */
#include "utstring_builder.h"

#include "memcount.h"

#include <stdlib.h>
#include <string.h>

static int out_of_memory; /* set by utstring_oom; single-threaded, like the counting allocator */
#define realloc(p, size) memcount_realloc(p, size)
#define free(p) memcount_free(p)
#define utstring_oom()     \
    do {                   \
        out_of_memory = 1; \
        return;            \
    } while (0)
#include <utstring.h>

/* UT_string's fields under the names this header gives them, and back. */
static UT_string as_utstring(const utstring_builder *b) { return (UT_string){b->bytes, b->allocated, b->len}; }
static void from_utstring(utstring_builder *b, const UT_string *s) { *b = (utstring_builder){s->d, s->i, s->n}; }

/* utstring's macros, each in a void function that utstring_oom can return from. utstring_reserve
 * only updates the struct after a successful realloc, so a failure leaves it as it was. */
static void init_or_flag(UT_string *s) { utstring_init(s); }
static void bincpy_or_flag(UT_string *s, const void *bytes, size_t len) { utstring_bincpy(s, bytes, len); }

/* utstring_init reserves 100 bytes up front. 0, or -1 if out of memory (*b empty, nothing allocated). */
int utstring_builder_init(utstring_builder *b) {
    UT_string s = {NULL, 0, 0};
    out_of_memory = 0;
    init_or_flag(&s);
    if (out_of_memory) s = (UT_string){NULL, 0, 0};
    from_utstring(b, &s);
    return out_of_memory ? -1 : 0;
}

/* utstring_bincpy: if len + 1 bytes are not free, realloc to exactly the old allocation plus
 * len + 1 (so the slack grows by one byte per such append), then copy. 0, or -1 if out of memory
 * with the contents as they were. */
int utstring_builder_append(utstring_builder *b, const void *bytes, size_t len) {
    UT_string s = as_utstring(b);
    out_of_memory = 0;
    bincpy_or_flag(&s, bytes, len);
    from_utstring(b, &s);
    return out_of_memory ? -1 : 0;
}

/* utstring_done: frees the contents. */
void utstring_builder_free(utstring_builder *b) {
    UT_string s = as_utstring(b);
    utstring_done(&s);
    *b = (utstring_builder){NULL, 0, 0};
}
