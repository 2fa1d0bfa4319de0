/* resident.h: how much memory a process holds, as the kernel accounts it in /proc/<pid>/smaps_rollup:
 * its resident set (Rss, every page it maps that is in memory) and its proportional set size (Pss,
 * each page divided by the number of processes that map it, so that summed over processes a shared
 * page counts once). */
#ifndef IDIOM_RESIDENT_H
#define IDIOM_RESIDENT_H

#include <sys/types.h>

typedef enum resident_measure {
    RESIDENT_RSS, /* "Rss:" */
    RESIDENT_PSS, /* "Pss:" */
} resident_measure;

/* Bytes of process pid (0: this process) by measure, or -1 if its smaps_rollup cannot be read (the
 * process is gone, or the kernel is older than 4.14). */
long long resident_bytes(pid_t pid, resident_measure measure);

#endif /* IDIOM_RESIDENT_H */
