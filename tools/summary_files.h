/* summary_files.h: the files idiom_summary writes beside summary.csv for each measured comparison in
 * a results folder, each computed once there for the report, the charts and the site to read:
 * <comparison>.pairs.csv (every measured pair's ratio and interval), <comparison>.memory.csv (a
 * memory-bound comparison's load and copy costs at its working sets) and <comparison>.keys.csv (each
 * variant's key numbers). The judging of claims stays in idiom_summary.c. */
#ifndef IDIOM_SUMMARY_FILES_H
#define IDIOM_SUMMARY_FILES_H

#include "memline.h"

/* dir/<comparison>.pairs.csv for every comparison with rounds in dir. 0, or -1. */
int summary_write_pairs(const char *dir);

/* dir/<comparison>.memory.csv for every memory-bound comparison (facts memory_variant), from the
 * machine's latency and bandwidth calibrations; none where latency has no points. 0, or -1. */
int summary_write_memory_lines(const char *dir, const memline *latency, const memline *bandwidth);

/* dir/<comparison>.keys.csv for every comparison with a sweep in dir. 0, or -1. */
int summary_write_key_numbers(const char *dir);

#endif /* IDIOM_SUMMARY_FILES_H */
