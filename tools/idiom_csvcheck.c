/* idiom_csvcheck.c: checks that each comparison CSV given has the contract's columns and numbers
 * where numbers belong, so that a chart is never drawn from a broken file. Names file and line. */
#include "csv.h"
#include "contract.h"

#include <stdio.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: idiom_csvcheck results/<comparison>.csv...\n", stderr);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        csv_table table;
        char error[1024];
        if (csv_load(argv[i], ',', &table, error, sizeof error) != 0 ||
            csv_require(&table, argv[i], contract_columns, error, sizeof error) != 0) {
            fprintf(stderr, "%s\n", error);
            status = 1;
        }
        csv_free(&table);
    }
    return status;
}
