/* idiom_csvcheck.c: checks that each comparison CSV given has the contract's columns and numbers
 * where numbers belong, so that a chart is never drawn from a broken file. Names file and line. */
#include "csv.h"
#include "contract.h"
#include "options.h"

#include <stdio.h>

int main(int argc, char **argv) {
    const int first = options_parse(argc, argv, NULL, 0,
                                    "Checks that each comparison CSV has the contract's columns, and numbers where they belong.",
                                    "COMPARISON.csv...", 1);
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
