/* bm_string_build.c: article 000's "String concatenation": join many random 10-character strings
 * with repeated `result += s` and with `"".join(strings)`, and the C idioms between the two. */
#include "bench.h"
#include "memcount.h"
#include "rng.h"
#include "strbuf.h"
#include "utstring_builder.h"

#include <string.h>

#define PIECE_LEN 10 /* the article's random 10-character lowercase strings */
enum { STREAM_LETTERS = 1 }; /* the PRNG stream of this comparison */

/* What a variant built: a heap string the caller frees with memcount_free. */
typedef struct built {
    char *bytes;
    size_t len;
} built;

/* Bytes a variant moved while building one string, counted in the checked run only (tally NULL in
 * the timed loop). copied: bytes written by memcpy, strcat or a moving realloc; scanned: bytes
 * strcat read to find the end of the string before appending. */
typedef struct copy_tally {
    size_t copied;
    size_t scanned;
} copy_tally;

/* A variant's state: the pieces, the string they must join to, and what the last run built. */
typedef struct fixture {
    size_t n;               /* pieces */
    built out;              /* the last run's string */
    copy_tally *tally;      /* &counted until the checked run is checked, then NULL */
    copy_tally counted;
    char *expected;         /* the reference: n * PIECE_LEN random lowercase letters and a NUL */
    const char **pieces;    /* n NUL-terminated copies of consecutive PIECE_LEN-letter slices */
    size_t *lengths;        /* each piece's length, which a Python str knows without a scan */
    char *piece_storage;    /* where pieces point */
} fixture;

/* A variant: build the joined string into *out. 0, or -1 if out of memory (nothing leaked). */
typedef int string_builder_fn(const fixture *f, built *out, copy_tally *tally);

/* Python's immutable `result = result + s` (CPython without its in-place shortcut): each step
 * allocates old + piece, copies both, and frees the old string. */
static int build_concat_copy(const fixture *f, built *out, copy_tally *tally) {
    char *result = memcount_malloc(1);
    if (result == NULL) return -1;
    result[0] = '\0';
    size_t len = 0;
    for (size_t i = 0; i < f->n; i++) {
        char *next = memcount_malloc(len + f->lengths[i] + 1);
        if (next == NULL) {
            memcount_free(result);
            return -1;
        }
        memcpy(next, result, len);
        memcpy(next + len, f->pieces[i], f->lengths[i] + 1);
        if (tally) tally->copied += len + f->lengths[i];
        memcount_free(result);
        result = next;
        len += f->lengths[i];
    }
    *out = (built){result, len};
    return 0;
}

/* One buffer big enough for everything, then strcat per piece: each strcat first walks the whole
 * string built so far to find its end (Schlemiel the painter). */
static int build_strcat_rescan(const fixture *f, built *out, copy_tally *tally) {
    size_t total = 0;
    for (size_t i = 0; i < f->n; i++) total += f->lengths[i];
    char *result = memcount_malloc(total + 1);
    if (result == NULL) return -1;
    result[0] = '\0';
    for (size_t i = 0; i < f->n; i++) {
        if (tally) tally->scanned += strlen(result);
        strcat(result, f->pieces[i]);
    }
    if (tally) tally->copied += total;
    *out = (built){result, total};
    return 0;
}

/* Append each piece to a growing buffer; how it grows is the builder's policy. The buffer's own
 * copies are the pieces; what realloc moved is counted by the allocator (see check_built). */
static int build_with_strbuf(const fixture *f, built *out, copy_tally *tally, growth_policy growth) {
    strbuf buf;
    strbuf_init(&buf, SIZE_MAX - 1, growth);
    for (size_t i = 0; i < f->n; i++) {
        if (strbuf_append(&buf, f->pieces[i], f->lengths[i]) != STRBUF_OK) {
            strbuf_free(&buf);
            return -1;
        }
    }
    /* No pieces: hand back an allocated "" like the other variants. */
    if (buf.bytes == NULL && (buf.bytes = memcount_calloc(1, 1)) == NULL) return -1;
    if (tally) tally->copied += buf.len;
    *out = (built){buf.bytes, buf.len};
    return 0;
}

static int build_append_exact(const fixture *f, built *out, copy_tally *tally) {
    return build_with_strbuf(f, out, tally, GROWTH_EXACT_FIT);
}
static int build_append_growth(const fixture *f, built *out, copy_tally *tally) {
    return build_with_strbuf(f, out, tally, GROWTH_DOUBLING);
}
static int build_append_growth_9_8(const fixture *f, built *out, copy_tally *tally) {
    return build_with_strbuf(f, out, tally, GROWTH_CPYTHON_LIST);
}

/* uthash's utstring: utstring_bincpy per piece, reserving exactly the piece plus a NUL. */
static int build_utstring(const fixture *f, built *out, copy_tally *tally) {
    utstring_builder b;
    if (utstring_builder_init(&b) != 0) return -1;
    for (size_t i = 0; i < f->n; i++) {
        if (utstring_builder_append(&b, f->pieces[i], f->lengths[i]) != 0) {
            utstring_builder_free(&b);
            return -1;
        }
    }
    if (tally) tally->copied += b.len;
    *out = (built){b.bytes, b.len};
    return 0;
}

/* `"".join(strings)`: sum the lengths, allocate once, copy each piece once. */
static int build_join(const fixture *f, built *out, copy_tally *tally) {
    size_t total = 0;
    for (size_t i = 0; i < f->n; i++) total += f->lengths[i];
    char *result = memcount_malloc(total + 1);
    if (result == NULL) return -1;
    char *end = result;
    for (size_t i = 0; i < f->n; i++) {
        memcpy(end, f->pieces[i], f->lengths[i]);
        end += f->lengths[i];
    }
    *end = '\0';
    if (tally) tally->copied += total;
    *out = (built){result, total};
    return 0;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    memcount_free(f->expected);
    memcount_free(f->pieces);
    memcount_free(f->lengths);
    memcount_free(f->piece_storage);
    memcount_free(f);
}

/* Draw the reference string, then cut it into pieces. */
static void *setup_fixture(bench_case *c) {
    const size_t n = bench_case_count(c);
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->n = n;
    f->tally = &f->counted;
    f->expected = memcount_malloc(n * PIECE_LEN + 1);
    f->pieces = memcount_malloc((n ? n : 1) * sizeof *f->pieces);
    f->lengths = memcount_malloc((n ? n : 1) * sizeof *f->lengths);
    f->piece_storage = memcount_malloc((n ? n : 1) * (PIECE_LEN + 1));
    if (!f->expected || !f->pieces || !f->lengths || !f->piece_storage) {
        teardown_fixture(f);
        return NULL;
    }
    rng r = rng_seeded(bench_seed(), STREAM_LETTERS);
    for (size_t i = 0; i < n * PIECE_LEN; i++) f->expected[i] = (char)('a' + rng_below(&r, 26));
    f->expected[n * PIECE_LEN] = '\0';
    for (size_t i = 0; i < n; i++) {
        char *piece = f->piece_storage + i * (PIECE_LEN + 1);
        memcpy(piece, f->expected + i * PIECE_LEN, PIECE_LEN);
        piece[PIECE_LEN] = '\0';
        f->pieces[i] = piece;
        f->lengths[i] = PIECE_LEN;
    }
    bench_case_set_items(c, (int64_t)n);
    return f;
}

/* The built string byte for byte against the reference; then the checked run's byte tallies
 * become counters, and the timed runs tally nothing. */
static int check_built(void *state, bench_case *c) {
    fixture *f = state;
    const built *out = &f->out;
    const size_t expected_len = f->n * PIECE_LEN;
    int status = 0;
    if (out->len != expected_len || strlen(out->bytes) != expected_len) {
        bench_case_fail(c, "built %zu bytes (strlen %zu), expected %zu", out->len, strlen(out->bytes), expected_len);
        status = -1;
    } else if (memcmp(out->bytes, f->expected, expected_len + 1) != 0) {
        size_t first = 0;
        while (first < expected_len && out->bytes[first] == f->expected[first]) first++;
        bench_case_fail(c, "built string differs from the reference at byte %zu", first);
        status = -1;
    }
    if (f->tally) {
        const double pieces = f->n ? (double)f->n : 1;
        bench_case_set_counter(c, "bytes_copied_per_piece",
                               (double)(f->tally->copied + memcount_moved_bytes_since_mark()) / pieces);
        bench_case_set_counter(c, "bytes_scanned_per_piece", (double)f->tally->scanned / pieces);
        f->tally = NULL;
    }
    return status;
}

static void release_built(void *state) { memcount_free(((fixture *)state)->out.bytes); }

/* Each variant's run: its builder on the fixture, into the fixture's result. */
#define STRING_BUILD_RUN(builder)                                                                  \
    static int run_##builder(void *state) {                                                         \
        fixture *f = state;                                                                         \
        return builder(f, &f->out, f->tally);                                                       \
    }
STRING_BUILD_RUN(build_concat_copy)
STRING_BUILD_RUN(build_strcat_rescan)
STRING_BUILD_RUN(build_append_exact)
STRING_BUILD_RUN(build_utstring)
STRING_BUILD_RUN(build_append_growth)
STRING_BUILD_RUN(build_append_growth_9_8)
STRING_BUILD_RUN(build_join)

/* The quadratic variants stop at 50,000 pieces: there one iteration already copies or scans
 * 12.5 GB, and the slope is clear well before. */
#define QUADRATIC_LIMIT 50000
static const bench_variant variants[] = {
    {.name = "concat_copy", .run = run_build_concat_copy, .max_x = QUADRATIC_LIMIT},
    {.name = "strcat_rescan", .run = run_build_strcat_rescan, .max_x = QUADRATIC_LIMIT},
    {.name = "append_exact", .run = run_build_append_exact},
    {.name = "utstring", .run = run_build_utstring},
    {.name = "append_growth", .run = run_build_append_growth},
    {.name = "append_growth_9_8", .run = run_build_append_growth_9_8},
    {.name = "join", .run = run_build_join},
};

/* 1-2-5 steps from 10 to 100,000 pieces; 10,000 is the article's point. */
static const double sweep[] = {10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000};
/* QUICK stops at 5,000: the instruction count of the quadratic variants at 10,000 took a fifth of a QUICK run. */
static const double quick_sweep[] = {10, 1000, 5000};
static const char *const extra_counters[] = {"bytes_copied_per_piece", "bytes_scanned_per_piece"};

const bench_comparison bench_this_comparison = {
    .name = "string_build",
    .allocation_heavy = 1, /* malloc and free are much of its time or bytes */
    .param = "pieces",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "piece",
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fixture,
    .check = check_built,
    .release = release_built,
    .teardown = teardown_fixture,
    .about = "Join `pieces` random 10-letter lowercase strings into one, as `result += s` in a loop "
             "and `\"\".join(strings)` do. Timed: building the string and freeing it. Untimed: "
             "drawing the pieces. `concat_copy` allocates a new string per step and copies the old "
             "one into it (Python's immutable `+`); `strcat_rescan` strcats into one big enough "
             "buffer, rescanning the string for its end each time; `append_exact` reallocs to the "
             "exact new size per append, which is what CPython's own `+=` shortcut does when the "
             "string has a single reference, and `utstring` is uthash's utstring doing the same; "
             "`append_growth` is the string builder doubling its buffer, and `append_growth_9_8` "
             "the same growing 1.125x like a CPython list; `join` sums the lengths, allocates "
             "once and copies each piece once. Every result is compared byte for byte with the "
             "reference string before timing starts. `bytes_copied_per_piece` counts what memcpy, "
             "strcat and moving reallocs wrote (an upper bound for reallocs of blocks above glibc's "
             "mmap threshold, which mremap without copying); `bytes_scanned_per_piece` is what "
             "strcat read to find the end. Allocation counts include only reallocs that moved the "
             "block; in-place growth is not an allocation.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
};
