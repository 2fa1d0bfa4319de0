/* why.h: a claim's why-text with its measured figures filled in. A why-text states no number of its
 * own: each figure in it is a placeholder, {variant.column} (that column of variant's sweep row at the
 * claim's x) or {variant.column/x} (the same per unit of x), filled from the run's CSV by the report.
 * Numbers inside code spans (`x > 50`) are code, not figures. */
#ifndef IDIOM_WHY_H
#define IDIOM_WHY_H

#include <stddef.h>

/* The value of column in variant's row at the claim's x (NAN if there is none). */
typedef double why_lookup_fn(const char *variant, const char *column, void *ctx);

/* text with every placeholder replaced by its figure ("not measured" where lookup has none), into
 * out (cut at size - 1 bytes). Returns the number of placeholders, or -1 if one is malformed. */
int why_expand(const char *text, why_lookup_fn *lookup, void *ctx, char *out, size_t size);
/* 1 if text states a digit outside its placeholders and code spans, else 0. */
int why_has_bare_number(const char *text);

#endif /* IDIOM_WHY_H */
