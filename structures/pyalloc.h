/* pyalloc.h: CPython's small-object allocator (Objects/obmalloc.c, "pymalloc"), as the mechanism
 * models allocate: requests of at most 512 bytes are served from 16 KiB pools of equal-sized blocks
 * (one size class per 16 bytes) carved from 1 MiB arenas; larger ones go to the system allocator, as
 * PyObject_Malloc passes them to malloc. Small objects so never touch glibc's heap, whose bins a
 * mechanism model would otherwise measure. The first arena is the interpreter's: never freed and not
 * counted (see pyalloc.c). Single-threaded, as under the GIL. */
#ifndef IDIOM_PYALLOC_H
#define IDIOM_PYALLOC_H

#include <stddef.h>

#define PYALLOC_SMALL_REQUEST_THRESHOLD 512 /* SMALL_REQUEST_THRESHOLD */

/* PyObject_Malloc(size), size > 0. NULL when out of memory. */
void *pyalloc_malloc(size_t size) __attribute__((malloc, warn_unused_result));
/* PyObject_Free of a block that pyalloc_malloc(size) or pyalloc_realloc(..., size) returned
 * (the caller knows the size, where CPython finds the pool by address). NULL is ignored. */
void pyalloc_free(void *p, size_t size);
/* PyObject_Realloc: p (of old_size bytes, or NULL) moved or grown to new_size > 0 bytes. NULL when
 * out of memory, p then untouched. */
void *pyalloc_realloc(void *p, size_t old_size, size_t new_size) __attribute__((warn_unused_result));
/* Counted arenas held now (each 1 MiB through the counting allocator), besides the interpreter's. */
size_t pyalloc_arenas(void);
/* Blocks handed out so far (pyalloc_malloc's, and pyalloc_realloc's when it moves or first
 * allocates a block; not its in-place or system reallocs): the objects a mechanism model made, for
 * the counters its why-text quotes. */
size_t pyalloc_requests(void);

#endif /* IDIOM_PYALLOC_H */
