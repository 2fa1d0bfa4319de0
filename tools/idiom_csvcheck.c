/* idiom_csvcheck.c: checks that each comparison CSV given has the contract's columns and numbers
 * where numbers belong, so that a chart is never drawn from a broken file. Names file and line. */
#include "csv.h"
#include "contract.h"
#include "options.h"

#include <stdio.h>

/* The contract's columns, as the reference lists them: name and what a value is. */
static int print_columns(void) {
    static const char *const kinds[] = {[CSVOUT_TEXT] = "text", [CSVOUT_WHOLE] = "a whole number",
                                        [CSVOUT_G4] = "a number (4 significant digits)",
                                        [CSVOUT_G6] = "a number (6 significant digits)",
                                        [CSVOUT_G9] = "a number (9 significant digits)",
                                        [CSVOUT_EXACT] = "a number, exact (up to 15 digits)",
                                        [CSVOUT_F3] = "a number (3 decimals)"};
    const char *const *checked = contract_columns();
    puts("| column | written as | checked as |\n|---|---|---|");
    for (size_t k = 0; k < contract_n_columns; k++)
        printf("| `%s` | %s | %s |\n", contract_table[k].name, kinds[contract_table[k].format],
               checked[k][0] == '#' ? "a number" : "text");
    return ferror(stdout) ? 1 : 0;
}

int main(int argc, char **argv) {
    const char *list = NULL;
    const option_spec specs[] = {{"columns", NULL, &list, 0}};
    const int first = options_parse(argc, argv, specs, 1,
                                    "Checks that each comparison CSV has the contract's columns, and numbers where they "
                                    "belong; with --columns, lists those columns as a Markdown table instead.",
                                    "COMPARISON.csv...", 0);
    if (list) return print_columns();
    if (first >= argc) {
        fputs("idiom_csvcheck: no CSV to check (or --columns)\n", stderr);
        return 2;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        csv_table table;
        char error[1024];
        if (csv_load(argv[i], ',', &table, error, sizeof error) != 0 ||
            csv_require(&table, argv[i], contract_columns(), error, sizeof error) != 0) {
            fprintf(stderr, "%s\n", error);
            status = 1;
        }
        csv_free(&table);
    }
    return status;
}
