/* strbuf.c: the string builder; see strbuf.h. */
#include "strbuf.h"

#include "memcount.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

/* Set up an empty builder. No allocation happens until content is appended, so an unused builder
 * costs nothing and needs no free (strbuf_free is still safe to call). */
void strbuf_init(strbuf *buf, size_t cap, growth_policy growth) {
    assert(growth_policy_valid(growth));
    assert(cap < SIZE_MAX); /* room for the NUL */
    *buf = (strbuf){.bytes = NULL, .len = 0, .allocated = 0, .cap = cap, .growth = growth};
}

/* Append len bytes at bytes; they may contain NULs and may not overlap the buffer's own contents.
 * O(len) amortised with a geometric policy; with exact fit every append reallocs, so the cost
 * depends on whether the allocator can grow the block in place. On failure (STRBUF_TOO_LONG if
 * len + existing length passes the cap, STRBUF_NO_MEMORY if realloc fails) the buffer is left
 * exactly as it was, unlike curl's dynbuf, which frees it. An empty append allocates nothing. */
strbuf_status strbuf_append(strbuf *buf, const void *bytes, size_t len) {
    assert(bytes != NULL || len == 0);
    if (len > buf->cap - buf->len) return STRBUF_TOO_LONG;
    if (len == 0) return STRBUF_OK;
    const size_t needed = buf->len + len + 1;
    if (needed > buf->allocated) {
        /* nothing beyond cap + NUL can ever be used */
        const size_t size = growth_next_size(buf->growth, buf->allocated, needed, buf->cap + 1);
        char *grown = memcount_realloc(buf->bytes, size);
        if (grown == NULL) return STRBUF_NO_MEMORY;
        buf->bytes = grown;
        buf->allocated = size;
    }
    memcpy(buf->bytes + buf->len, bytes, len);
    buf->len += len;
    buf->bytes[buf->len] = '\0';
    return STRBUF_OK;
}

/* strbuf_append of strlen(s) bytes: the terminating NUL is not part of the content. */
strbuf_status strbuf_append_str(strbuf *buf, const char *s) { return strbuf_append(buf, s, strlen(s)); }

/* Never NULL: an empty builder has no allocation, and reads as "". */
const char *strbuf_str(const strbuf *buf) { return buf->bytes ? buf->bytes : ""; }

/* Free the contents (if any); the builder is empty and ready for appends again. */
void strbuf_free(strbuf *buf) {
    memcount_free(buf->bytes);
    buf->bytes = NULL;
    buf->len = 0;
    buf->allocated = 0;
}
