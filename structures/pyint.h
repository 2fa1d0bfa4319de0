/* pyint.h: CPython's int objects as the mechanism models make them: -5..256 are shared objects of the
 * small-int cache (Objects/longobject.c), any other value a new object from pymalloc (pyalloc), at
 * sys.getsizeof's 28 bytes for a one-digit int in CPython 3.11.2 here. An object is a pointer to its
 * value; the word after the value is its reference count (ob_refcnt), which 3.11 keeps for the shared
 * small ints too (they become immortal only in 3.12). */
#ifndef IDIOM_PYINT_H
#define IDIOM_PYINT_H

#include <stdint.h>

#define PYINT_SMALL_MIN (-5)
#define PYINT_SMALL_MAX 256

/* The shared object of v, which must be within the small-int cache's range. */
const int64_t *pyint_small(int64_t v);
/* v as an object: the shared one where there is one, else a new one. NULL when out of memory. */
const int64_t *pyint_new(int64_t v);
/* A reference dropped: the object freed unless it is a shared small int. NULL is ignored. */
void pyint_release(const int64_t *object);
/* PyObject_RichCompareBool(a, b, Py_EQ) of two int objects: 1 at once if they are the same object,
 * else long_richcompare's answer, from an out-of-line call as through the type's slot. */
int pyint_equal(const int64_t *a, const int64_t *b);

/* Py_INCREF and Py_DECREF, inline as the macros are: a write to the object's reference count. The
 * models only take and drop references around a use, so a count never reaches zero here; one that
 * does is a bug of the caller's (pyint_release frees). */
static inline void pyint_incref(const int64_t *object) { ((int64_t *)(uintptr_t)object)[1]++; }
static inline void pyint_decref(const int64_t *object) { ((int64_t *)(uintptr_t)object)[1]--; }
/* The object's reference count. */
static inline int64_t pyint_refcount(const int64_t *object) { return object[1]; }

#endif /* IDIOM_PYINT_H */
