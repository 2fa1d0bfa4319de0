/* strbuf.h: a growable string builder on the model of curl's dynbuf: the caller owns the struct,
 * every append returns a status, a hard cap bounds the length, and the growth policy (exact fit or
 * a geometric factor) is chosen at init. The contents stay NUL-terminated. */
#ifndef IDIOM_STRBUF_H
#define IDIOM_STRBUF_H

#include <stddef.h>

/* How the buffer grows when an append does not fit: to at least factor_num / factor_den times the
 * old allocation (never less than what the append needs). 1/1 is exact fit: realloc per append. */
typedef struct strbuf_growth {
    unsigned factor_num; /* numerator of the growth factor, >= factor_den */
    unsigned factor_den; /* denominator of the growth factor, >= 1 */
} strbuf_growth;

#define STRBUF_EXACT_FIT ((strbuf_growth){1, 1})
#define STRBUF_DOUBLING ((strbuf_growth){2, 1})       /* sds (below 1 MB), Go's append for small slices */
#define STRBUF_CPYTHON_LIST ((strbuf_growth){9, 8})   /* CPython's list over-allocation, about 1.125x */

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
    strbuf_growth growth; /* the policy chosen at init */
} strbuf;

/* An empty builder; allocates nothing. cap is the longest content allowed. */
void strbuf_init(strbuf *buf, size_t cap, strbuf_growth growth);
/* Append len bytes (which may include NULs). */
strbuf_status strbuf_append(strbuf *buf, const void *bytes, size_t len) __attribute__((warn_unused_result));
/* Append a NUL-terminated string. */
strbuf_status strbuf_append_str(strbuf *buf, const char *s) __attribute__((warn_unused_result));
/* The contents, NUL-terminated; "" when nothing was appended. Valid until the next append or free. */
const char *strbuf_str(const strbuf *buf);
/* Free the contents and return to empty, keeping the cap and the growth policy. */
void strbuf_free(strbuf *buf);

#endif /* IDIOM_STRBUF_H */
