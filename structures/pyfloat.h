/* pyfloat.h: CPython's float objects as the mechanism models make them: each value a new 24-byte
 * object (sys.getsizeof(1.0) in CPython 3.11.2 here) from pymalloc (pyalloc), whose pools hand back
 * the block freed last, as 3.11's float free list does. An object is a pointer to its value. */
#ifndef IDIOM_PYFLOAT_H
#define IDIOM_PYFLOAT_H

#include <stddef.h>

/* PyFloat_FromDouble(v). NULL when out of memory. */
const double *pyfloat_new(double v);
/* The last reference dropped: the object freed. NULL is ignored. */
void pyfloat_release(const double *object);

/* A list's items of the n values: a float object for each, in order, the array of pointers from the
 * counting allocator. NULL when out of memory, nothing kept. */
const double **pyfloat_list_new(const double *values, size_t n);
/* The n objects released and the array freed. NULL is ignored. */
void pyfloat_list_free(const double **items, size_t n);

#endif /* IDIOM_PYFLOAT_H */
