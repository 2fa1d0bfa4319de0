/* strbuf.h: a growable string builder on the model of curl's dynbuf: the caller owns the struct,
 * every append returns a status, a hard cap bounds the length, and the growth policy (exact fit or
 * a geometric factor) is chosen at init. The contents stay NUL-terminated. */
#ifndef IDIOM_STRBUF_H
#define IDIOM_STRBUF_H

#include <stddef.h>

#include "growth.h"

typedef enum strbuf_status {
    STRBUF_OK = 0,
    STRBUF_NO_MEMORY = -1, /* an allocation failed; the buffer is as it was */
    STRBUF_TOO_LONG = -2,  /* the append would pass the cap; the buffer is as it was */
} strbuf_status;

typedef struct strbuf {
    char *bytes;          /* the contents plus a NUL; NULL until the first non-empty append */
    size_t len;           /* bytes of content, not counting the NUL */
    size_t allocated;     /* bytes allocated at `bytes` (len + 1 at least, when allocated) */
    size_t cap;           /* appends that would make len exceed this fail with STRBUF_TOO_LONG */
    growth_policy growth; /* how it grows when an append does not fit (growth.h) */
} strbuf;

/* An empty builder; allocates nothing. cap is the longest content allowed. */
void strbuf_init(strbuf *buf, size_t cap, growth_policy growth);
/* Append len bytes (which may include NULs). */
strbuf_status strbuf_append(strbuf *buf, const void *bytes, size_t len) __attribute__((warn_unused_result));
/* Append a NUL-terminated string. */
strbuf_status strbuf_append_str(strbuf *buf, const char *s) __attribute__((warn_unused_result));
/* The contents, NUL-terminated; "" when nothing was appended. Valid until the next append or free. */
const char *strbuf_str(const strbuf *buf);
/* Free the contents and return to empty, keeping the cap and the growth policy. */
void strbuf_free(strbuf *buf);

#endif /* IDIOM_STRBUF_H */
