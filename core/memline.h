/* memline.h: what the machine's memory calibrations measured, as curves over working-set bytes:
 * ns per dependent load (facts "calibrates": "load_latency") and ns per byte copied
 * ("copy_bandwidth"). Read from a results folder by what a comparison calibrates, never by its name. */
#ifndef IDIOM_MEMLINE_H
#define IDIOM_MEMLINE_H

#include <stddef.h>

#define MEMLINE_MAX_POINTS 64

typedef struct memline {
    size_t n;                          /* 0: no such calibration in the folder */
    double bytes[MEMLINE_MAX_POINTS];  /* ascending */
    double ns[MEMLINE_MAX_POINTS];     /* the calibration's first variant, ns per item */
} memline;

/* The curve of the comparison in dir whose facts say it calibrates `what`. 0, or -1 (out->n = 0)
 * if there is none or its CSV cannot be read. */
int memline_load(const char *dir, const char *what, memline *out);

/* The curve at bytes: interpolated on log-log axes between measured points, the end point's
 * value beyond either end. NaN for an empty curve. */
double memline_at(const memline *m, double bytes);

#endif /* IDIOM_MEMLINE_H */
