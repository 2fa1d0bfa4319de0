/* why.c: see why.h. */
#include "why.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Appends to out[*used..size) what snprintf would, keeping out terminated. */
#define APPEND(out, size, used, ...)                                                               \
    do {                                                                                           \
        if (*(used) < (size)) {                                                                    \
            const int n_ = snprintf((out) + *(used), (size) - *(used), __VA_ARGS__);              \
            *(used) += n_ > 0 ? (size_t)n_ : 0;                                                    \
            if (*(used) >= (size)) *(used) = (size) - 1;                                           \
        }                                                                                          \
    } while (0)

/* A figure as a sentence states it: whole numbers with thousands separators, others to 3 digits. */
static void append_figure(char *out, size_t size, size_t *used, double v) {
    if (isnan(v)) {
        APPEND(out, size, used, "not measured");
    } else if (fabs(v) >= 1000 || v == floor(v)) {
        char digits[64];
        snprintf(digits, sizeof digits, "%.0f", fabs(v));
        const size_t len = strlen(digits);
        if (v < 0) APPEND(out, size, used, "-");
        for (size_t i = 0; i < len; i++) {
            APPEND(out, size, used, "%c", digits[i]);
            if ((len - 1 - i) % 3 == 0 && i + 1 < len) APPEND(out, size, used, ",");
        }
    } else {
        APPEND(out, size, used, "%.3g", v);
    }
}

int why_expand(const char *text, why_lookup_fn *lookup, void *ctx, char *out, size_t size) {
    size_t used = 0;
    int placeholders = 0;
    out[0] = '\0';
    for (const char *p = text; *p;) {
        if (*p != '{') {
            APPEND(out, size, &used, "%c", *p++);
            continue;
        }
        const char *end = strchr(p, '}'), *dot = strchr(p, '.');
        if (end == NULL || dot == NULL || dot > end || dot == p + 1 || end == dot + 1) return -1;
        char variant[128], column[128];
        const size_t vlen = (size_t)(dot - p - 1);
        size_t clen = (size_t)(end - dot - 1);
        const int per_x = clen > 2 && strncmp(end - 2, "/x", 2) == 0;
        if (per_x) clen -= 2;
        if (vlen >= sizeof variant || clen == 0 || clen >= sizeof column) return -1;
        memcpy(variant, p + 1, vlen);
        variant[vlen] = '\0';
        memcpy(column, dot + 1, clen);
        column[clen] = '\0';
        double v = lookup(variant, column, ctx);
        if (per_x) {
            const double x = lookup(variant, "x", ctx);
            v = x > 0 ? v / x : NAN;
        }
        append_figure(out, size, &used, v);
        placeholders++;
        p = end + 1;
    }
    return placeholders;
}

int why_has_bare_number(const char *text) {
    int in_code = 0, in_placeholder = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '`') in_code = !in_code;
        else if (!in_code && *p == '{') in_placeholder = 1;
        else if (in_placeholder && *p == '}') in_placeholder = 0;
        else if (!in_code && !in_placeholder && isdigit((unsigned char)*p)) return 1;
    }
    return 0;
}
