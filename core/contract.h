/* contract.h: the columns of results/<comparison>.csv, which the harness writes and the tools
 * check, in one list. */
#ifndef IDIOM_CONTRACT_H
#define IDIOM_CONTRACT_H

/* In order, NULL-terminated; a leading '#' marks a numeric column (the form csv_require takes). The
 * contract's own columns come first; ours follow, and a comparison's extra counters after them. */
extern const char *const contract_columns[];

#endif /* IDIOM_CONTRACT_H */
