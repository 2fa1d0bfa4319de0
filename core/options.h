/* options.h: the one argument style of the suite's tools: GNU long options read by getopt_long,
 * each `--name VALUE`, in any order, and `--help`. An unknown flag, a flag without its value or a
 * required flag left out is named on stderr with the usage, and the tool exits 2 having done
 * nothing. */
#ifndef IDIOM_OPTIONS_H
#define IDIOM_OPTIONS_H

#include <stddef.h>

typedef struct option_spec {
    const char *name;   /* the flag without its dashes: "results" */
    const char *value;  /* what its value stands for, in the usage: "DIR"; NULL: a switch, which takes no
                           value and sets its slot to "1" */
    const char **slot;  /* where the value goes; left as it was when the flag is absent */
    int required;       /* 1: leaving the flag out is an error */
} option_spec;

/* Parse argv against the n specs of the tool `about` describes (one line, for --help); `operands`
 * names what follows the flags in the usage ("" for nothing), and at least `min_operands` must be
 * given. Returns the index in argv of the first operand. On --help prints the usage on stdout and
 * exits 0; on an error prints it on stderr and exits 2. */
int options_parse(int argc, char **argv, const option_spec *specs, size_t n, const char *about,
                  const char *operands, int min_operands);

#endif /* IDIOM_OPTIONS_H */
