/* pyfloat.c: see pyfloat.h. */
#include "pyfloat.h"

#include "pyalloc.h"

#define PYFLOAT_BYTES 24 /* sys.getsizeof(1.0) in CPython 3.11.2 here */

const double *pyfloat_new(double v) {
    double *object = pyalloc_malloc(PYFLOAT_BYTES);
    if (object != NULL) *object = v;
    return object;
}

void pyfloat_release(const double *object) {
    if (object != NULL) pyalloc_free((void *)object, PYFLOAT_BYTES);
}
