/* idiom_env.c: writes results/environment.json, the fingerprint of the machine, build and run that
 * every figure of a run came from. One key per line, so that shell scripts may read it with sed. */
#include "build_info.h"

#include <gnu/libc-version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: idiom_env --out FILE --run-id ID --seed N --commit SHA --dirty 0|1 --quick 0|1\n"
    "                 --bench-args 'FLAGS' --gnuplot 'VERSION'\n";

typedef struct run_facts {
    const char *out, *run_id, *seed, *commit, *dirty, *quick, *bench_args, *gnuplot;
} run_facts;

static void json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        const unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void key_string(FILE *f, const char *key, const char *value, int last) {
    fprintf(f, "  \"%s\": ", key);
    json_string(f, value);
    fputs(last ? "\n" : ",\n", f);
}

/* First line of a small file, without its newline; fallback if it cannot be read. */
static void read_line(const char *path, char *buffer, size_t size, const char *fallback) {
    FILE *f = fopen(path, "r");
    if (f == NULL || fgets(buffer, (int)size, f) == NULL) {
        snprintf(buffer, size, "%s", fallback);
    } else {
        buffer[strcspn(buffer, "\n")] = '\0';
    }
    if (f) fclose(f);
}

/* The value of "model name" in /proc/cpuinfo. */
static void cpu_model(char *buffer, size_t size) {
    snprintf(buffer, size, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL) return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) != 0) continue;
        const char *colon = strchr(line, ':');
        if (colon) {
            snprintf(buffer, size, "%s", colon + 2);
            buffer[strcspn(buffer, "\n")] = '\0';
        }
        break;
    }
    fclose(f);
}

/* "L1d 32K, L1i 32K, L2 512K, L3 32768K" from cpu0's cache descriptions in sysfs. */
static void cache_sizes(char *buffer, size_t size) {
    buffer[0] = '\0';
    for (int index = 0; index < 8; index++) {
        char path[128], level[16], type[32], bytes[32];
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", index);
        read_line(path, level, sizeof level, "");
        if (level[0] == '\0') break;
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", index);
        read_line(path, type, sizeof type, "");
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", index);
        read_line(path, bytes, sizeof bytes, "?");
        const char *kind = strcmp(type, "Data") == 0 ? "d" : strcmp(type, "Instruction") == 0 ? "i" : "";
        const size_t used = strlen(buffer);
        snprintf(buffer + used, size - used, "%sL%s%s %s", used ? ", " : "", level, kind, bytes);
    }
    if (buffer[0] == '\0') snprintf(buffer, size, "unknown");
}

static int parse_args(int argc, char **argv, run_facts *facts) {
    struct { const char *flag; const char **slot; } table[] = {
        {"--out", &facts->out},       {"--run-id", &facts->run_id}, {"--seed", &facts->seed},
        {"--commit", &facts->commit}, {"--dirty", &facts->dirty},   {"--quick", &facts->quick},
        {"--bench-args", &facts->bench_args}, {"--gnuplot", &facts->gnuplot},
    };
    const size_t n_flags = sizeof table / sizeof table[0];
    for (int i = 1; i < argc; i += 2) {
        size_t k = 0;
        while (k < n_flags && strcmp(argv[i], table[k].flag) != 0) k++;
        if (k == n_flags || i + 1 >= argc) return -1;
        *table[k].slot = argv[i + 1];
    }
    for (size_t k = 0; k < n_flags; k++)
        if (*table[k].slot == NULL) return -1;
    return 0;
}

int main(int argc, char **argv) {
    run_facts facts = {0};
    if (parse_args(argc, argv, &facts) != 0) {
        fputs(usage, stderr);
        return 2;
    }
    FILE *f = fopen(facts.out, "w");
    if (f == NULL) {
        perror(facts.out);
        return 1;
    }
    char now[32], host[256] = "unknown", model[256], caches[256], governor[128], thp[128], kernel[512],
         load[64], cores[32];
    const time_t t = time(NULL);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    gethostname(host, sizeof host - 1);
    cpu_model(model, sizeof model);
    cache_sizes(caches, sizeof caches);
    read_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", governor, sizeof governor,
              "unavailable (no cpufreq driver exposed, as in most VMs)");
    read_line("/sys/kernel/mm/transparent_hugepage/enabled", thp, sizeof thp, "unknown");
    /* DAMON samples page-access bits in the background; it can disturb memory-bound timings. */
    char damon[64];
    read_line("/sys/kernel/mm/damon/admin/kdamonds/0/state", damon, sizeof damon, "not running");
    struct utsname u;
    if (uname(&u) == 0) snprintf(kernel, sizeof kernel, "%s %s %s", u.sysname, u.release, u.machine);
    else snprintf(kernel, sizeof kernel, "unknown");
    double loads[3] = {-1, -1, -1};
    getloadavg(loads, 3);
    snprintf(load, sizeof load, "%.2f %.2f %.2f", loads[0], loads[1], loads[2]);
    snprintf(cores, sizeof cores, "%ld", sysconf(_SC_NPROCESSORS_ONLN));

    fputs("{\n", f);
    key_string(f, "run_id", facts.run_id, 0);
    key_string(f, "date_utc", now, 0);
    key_string(f, "host", host, 0);
    key_string(f, "commit", facts.commit, 0);
    fprintf(f, "  \"dirty\": %s,\n", strcmp(facts.dirty, "1") == 0 ? "true" : "false");
    key_string(f, "build_type", IDIOM_BUILD_TYPE, 0);
    key_string(f, "c_compiler", IDIOM_C_COMPILER, 0);
    key_string(f, "c_flags", IDIOM_C_FLAGS, 0);
    key_string(f, "cxx_compiler", IDIOM_CXX_COMPILER, 0);
    key_string(f, "cxx_flags", IDIOM_CXX_FLAGS, 0);
    key_string(f, "google_benchmark", IDIOM_BENCHMARK_VERSION " (Debian libbenchmark-dev; built without NDEBUG)", 0);
    key_string(f, "uthash", IDIOM_UTHASH_VERSION, 0);
    key_string(f, "gnuplot", facts.gnuplot, 0);
    key_string(f, "glibc", gnu_get_libc_version(), 0);
    key_string(f, "cpu_model", model, 0);
    fprintf(f, "  \"cores\": %s,\n", cores);
    key_string(f, "caches", caches, 0);
    key_string(f, "frequency_governor", governor, 0);
    key_string(f, "transparent_hugepages", thp, 0);
    key_string(f, "kernel", kernel, 0);
    key_string(f, "damon_monitor", damon, 0);
    key_string(f, "load_average", load, 0);
    fprintf(f, "  \"seed\": %s,\n", facts.seed);
    fprintf(f, "  \"quick\": %s,\n", strcmp(facts.quick, "1") == 0 ? "true" : "false");
    key_string(f, "bench_args", facts.bench_args, 1);
    fputs("}\n", f);
    if (fclose(f) != 0) {
        perror(facts.out);
        return 1;
    }
    return 0;
}
