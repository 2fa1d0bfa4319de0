/* pyfloat.h: CPython's float objects as the mechanism models make them: each value a new 24-byte
 * object (sys.getsizeof(1.0) in CPython 3.11.2 here) from pymalloc (pyalloc), whose pools hand back
 * the block freed last, as 3.11's float free list does. An object is a pointer to its value. */
#ifndef IDIOM_PYFLOAT_H
#define IDIOM_PYFLOAT_H

/* PyFloat_FromDouble(v). NULL when out of memory. */
const double *pyfloat_new(double v);
/* The last reference dropped: the object freed. NULL is ignored. */
void pyfloat_release(const double *object);

#endif /* IDIOM_PYFLOAT_H */
