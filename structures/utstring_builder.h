/* utstring_builder.h: uthash's utstring as a string builder, allocating through the counting
 * allocator and reporting out-of-memory as a status instead of exiting. utstring grows to exactly
 * what each append needs, so it is the exact-fit policy as C programs commonly get it. */
#ifndef IDIOM_UTSTRING_BUILDER_H
#define IDIOM_UTSTRING_BUILDER_H

#include <stddef.h>

typedef struct utstring_builder {
    char *bytes;      /* utstring's d: the contents plus a NUL */
    size_t len;       /* utstring's i: bytes of content */
    size_t allocated; /* utstring's n: bytes allocated at `bytes` */
} utstring_builder;

/* An empty builder; utstring allocates its first 100 bytes here. 0, or -1 if out of memory. */
int utstring_builder_init(utstring_builder *b) __attribute__((warn_unused_result));
/* Append len bytes. 0, or -1 if out of memory (contents unchanged). */
int utstring_builder_append(utstring_builder *b, const void *bytes, size_t len) __attribute__((warn_unused_result));
/* Free the contents; the builder must be initialised again before reuse. */
void utstring_builder_free(utstring_builder *b);

#endif /* IDIOM_UTSTRING_BUILDER_H */
