/* memline.c: see memline.h. */
#include "memline.h"

#include "claims.h"
#include "jsonfile.h"

#include <math.h>
#include <string.h>

typedef struct search {
    const char *dir, *what;
    memline *out;
} search;

/* A claims_visit_fn: the curve of this comparison if it calibrates what is searched; 1 stops the walk. */
static int take_if_calibrates(const char *name, const char *facts_path, void *ctx) {
    (void)facts_path;
    search *s = ctx;
    cJSON *facts;
    csv_table rows;
    if (claims_load_sweep(s->dir, name, &facts, &rows) != 0) return 0;
    int found = 0;
    if (strcmp(jsonfile_string(facts, "calibrates", ""), s->what) == 0) {
        const char *first = jsonfile_string(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(facts, "variants"), 0),
                                            "name", "");
        const int v = csv_column(&rows, "variant"), x = csv_column(&rows, "x"), t = csv_column(&rows, "ns_per_item");
        memline *m = s->out;
        m->n = 0;
        for (size_t r = 0; v >= 0 && x >= 0 && t >= 0 && r < rows.n_rows && m->n < MEMLINE_MAX_POINTS; r++) {
            if (strcmp(csv_cell(&rows, r, (size_t)v), first) != 0) continue;
            const double bytes = csv_number(&rows, r, (size_t)x), ns = csv_number(&rows, r, (size_t)t);
            size_t at = m->n;
            while (at > 0 && m->bytes[at - 1] > bytes) at--; /* keep ascending */
            memmove(&m->bytes[at + 1], &m->bytes[at], (m->n - at) * sizeof *m->bytes);
            memmove(&m->ns[at + 1], &m->ns[at], (m->n - at) * sizeof *m->ns);
            m->bytes[at] = bytes;
            m->ns[at] = ns;
            m->n++;
        }
        found = m->n > 0;
    }
    cJSON_Delete(facts);
    csv_free(&rows);
    return found;
}

int memline_load(const char *dir, const char *what, memline *out) {
    out->n = 0;
    search s = {dir, what, out};
    return claims_each_comparison(dir, ".facts.json", take_if_calibrates, &s) == 1 ? 0 : -1;
}

double memline_at(const memline *m, double bytes) {
    if (m->n == 0 || !(bytes > 0)) return NAN;
    if (bytes <= m->bytes[0]) return m->ns[0];
    for (size_t i = 1; i < m->n; i++) {
        if (bytes > m->bytes[i]) continue;
        const double f = log(bytes / m->bytes[i - 1]) / log(m->bytes[i] / m->bytes[i - 1]);
        return exp(log(m->ns[i - 1]) + f * (log(m->ns[i]) - log(m->ns[i - 1])));
    }
    return m->ns[m->n - 1];
}
