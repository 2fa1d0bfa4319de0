/* resident.c: see resident.h. */
#include "resident.h"

#include <stdio.h>
#include <string.h>

long long resident_bytes(pid_t pid, resident_measure measure) {
    char path[64];
    if (pid == 0) snprintf(path, sizeof path, "/proc/self/smaps_rollup");
    else snprintf(path, sizeof path, "/proc/%lld/smaps_rollup", (long long)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) return -1;
    const char *field = measure == RESIDENT_PSS ? "Pss:" : "Rss:";
    const size_t field_length = strlen(field);
    char line[256];
    long long kib = -1;
    while (kib < 0 && fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, field, field_length) == 0 && sscanf(line + field_length, "%lld", &kib) != 1) kib = -1;
    fclose(f);
    return kib < 0 ? -1 : kib * 1024;
}
