/* pyfloat.c: see pyfloat.h. */
#include "pyfloat.h"

#include "memcount.h"
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

const double **pyfloat_list_new(const double *values, size_t n) {
    const double **items = memcount_calloc(n ? n : 1, sizeof *items);
    for (size_t i = 0; items != NULL && i < n; i++)
        if ((items[i] = pyfloat_new(values[i])) == NULL) {
            pyfloat_list_free(items, i);
            return NULL;
        }
    return items;
}

void pyfloat_list_free(const double **items, size_t n) {
    for (size_t i = 0; items != NULL && i < n; i++) pyfloat_release(items[i]);
    memcount_free(items);
}
