/* options.c: see options.h. */
#include "options.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HELP = 1 }; /* getopt_long's value for --help; a spec's value is its index + 2 */

static void print_usage(FILE *f, const char *tool, const option_spec *specs, size_t n, const char *about,
                        const char *operands) {
    fprintf(f, "usage: %s", tool);
    for (size_t k = 0; k < n; k++)
        fprintf(f, specs[k].required ? " --%s%s%s" : " [--%s%s%s]", specs[k].name, specs[k].value ? " " : "",
                specs[k].value ? specs[k].value : "");
    fprintf(f, "%s%s\n%s\n", *operands ? " " : "", operands, about);
}

/* The usage on stderr after what was wrong, and exit 2. */
static void __attribute__((noreturn, format(printf, 6, 7)))
refuse(const char *tool, const option_spec *specs, size_t n, const char *about, const char *operands, const char *fmt,
       ...) {
    va_list args;
    fprintf(stderr, "%s: ", tool);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    print_usage(stderr, tool, specs, n, about, operands);
    exit(2);
}

int options_parse(int argc, char **argv, const option_spec *specs, size_t n, const char *about,
                  const char *operands, int min_operands) {
    const char *tool = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    struct option *longs = calloc(n + 2, sizeof *longs);
    int *seen = calloc(n + 1, sizeof *seen);
    if (longs == NULL || seen == NULL) abort();
    for (size_t k = 0; k < n; k++)
        longs[k] = (struct option){specs[k].name, specs[k].value ? required_argument : no_argument, NULL, (int)k + 2};
    longs[n] = (struct option){"help", no_argument, NULL, HELP};
    opterr = 0; /* this file says what is wrong, with the usage */
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, ":", longs, NULL)) != -1;) {
        if (c == HELP) {
            print_usage(stdout, tool, specs, n, about, operands);
            exit(0);
        }
        if (c == ':') refuse(tool, specs, n, about, operands, "%s needs a value", argv[optind - 1]);
        if (c == '?') refuse(tool, specs, n, about, operands, "unknown flag %s", argv[optind - 1]);
        *specs[c - 2].slot = specs[c - 2].value ? optarg : "1";
        seen[c - 2] = 1;
    }
    for (size_t k = 0; k < n; k++)
        if (specs[k].required && !seen[k]) refuse(tool, specs, n, about, operands, "--%s is required", specs[k].name);
    if (argc - optind < min_operands) refuse(tool, specs, n, about, operands, "expected %s", operands);
    free(longs);
    free(seen);
    return optind;
}
