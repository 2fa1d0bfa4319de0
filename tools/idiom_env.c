/* idiom_env.c: writes results/environment.json, the fingerprint of the machine, build and run that
 * every figure of a run came from; and, as `idiom_env get FILE KEY`, reads any of the suite's JSON
 * files for the shell scripts, through the same parser the tools use (core/jsonfile.h). */
#include "build_info.h"
#include "csv.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "options.h"

#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

typedef struct run_facts {
    const char *out, *run_id, *seed, *commit, *dirty, *quick, *instr, *cpython, *allocator, *allocator_detail, *bench_args, *gnuplot, *phases;
} run_facts;

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

/* The flags of the writing mode, all required; exits 2 naming what is wrong (options.h). */
static void parse_args(int argc, char **argv, run_facts *facts) {
    const option_spec specs[] = {
        {"out", "FILE", &facts->out, 1},
        {"run-id", "ID", &facts->run_id, 1},
        {"seed", "N", &facts->seed, 1},
        {"commit", "SHA", &facts->commit, 1},
        {"dirty", "0|1", &facts->dirty, 1},
        {"quick", "0|1", &facts->quick, 1},
        {"instr", "'HOW INSTRUCTIONS WERE COUNTED'", &facts->instr, 1},
        {"cpython", "'INTERPRETER AND LIBRARIES, OR WHY NONE'", &facts->cpython, 1},
        {"allocator", "NAME", &facts->allocator, 1},
        {"allocator-detail", "'VERSION, HOW IT WAS LOADED'", &facts->allocator_detail, 1},
        {"bench-args", "'FLAGS'", &facts->bench_args, 1},
        {"gnuplot", "'VERSION'", &facts->gnuplot, 1},
        {"phases", "PHASES.tsv", &facts->phases, 1},
    };
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "Writes FILE, the fingerprint of a run. Or, as `idiom_env get FILE KEY [FALLBACK]`, prints a value of "
                  "a JSON file (KEY, OBJECT.KEY..., or ARRAY.KEY: one value per line).", "", 0);
}

/* The OpenBLAS that the benches' BLAS calls and NumPy use: the environment variables that pick its kernel,
 * and the kernel it reports (openblas_get_corename, from the library dlopen finds, if any). */
static cJSON *openblas(void) {
    cJSON *o = cJSON_CreateObject();
    const char *coretype = getenv("OPENBLAS_CORETYPE"), *l2 = getenv("OPENBLAS_L2_SIZE");
    cJSON_AddStringToObject(o, "OPENBLAS_CORETYPE", coretype ? coretype : "unset");
    cJSON_AddStringToObject(o, "OPENBLAS_L2_SIZE", l2 ? l2 : "unset");
    void *library = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    char *(*corename)(void) = library ? (char *(*)(void))dlsym(library, "openblas_get_corename") : NULL;
    cJSON_AddStringToObject(o, "kernel", corename ? corename() : "unknown (libopenblas.so.0 not loaded)");
    if (library) dlclose(library);
    return o;
}

/* A share of CPU ticks in percent, or -1 if none passed. */
static double share_pct(double part, double ticks) { return ticks > 0 ? 100 * part / ticks : -1; }

/* From the run's phases.tsv (phase, comparison, seconds, ticks, idle_ticks, steal_ticks; a row per
 * step): "phase_seconds", each phase's total; "steal_pct", the share of every CPU's time the
 * hypervisor gave other guests over the whole run; and "comparisons", each comparison's seconds per
 * phase with the steal and busy shares of the CPUs while its pairs ran. 0, or -1 if it cannot be read. */
static int add_phases(cJSON *env, const char *path) {
    csv_table t;
    char error[1024];
    static const char *const columns[] = {"phase", "comparison", "seconds", "ticks", "idle_ticks", "steal_ticks", NULL};
    if (csv_load(path, '\t', &t, error, sizeof error) != 0 || csv_require(&t, path, columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_env: %s\n", error);
        csv_free(&t); /* csv_load leaves a table it refused empty */
        return -1;
    }
    cJSON *phases = cJSON_AddObjectToObject(env, "phase_seconds");
    cJSON *comparisons = cJSON_AddObjectToObject(env, "comparisons");
    double ticks = 0, steal = 0;
    for (size_t row = 0; row < t.n_rows; row++) {
        const char *phase = csv_cell(&t, row, 0), *name = csv_cell(&t, row, 1);
        const double seconds = csv_number(&t, row, 2);
        cJSON *total = cJSON_GetObjectItemCaseSensitive(phases, phase);
        if (total == NULL) total = cJSON_AddNumberToObject(phases, phase, 0);
        cJSON_SetNumberValue(total, total->valuedouble + seconds);
        ticks += csv_number(&t, row, 3);
        steal += csv_number(&t, row, 5);
        if (strcmp(name, "all") == 0) continue;
        cJSON *c = cJSON_GetObjectItemCaseSensitive(comparisons, name);
        if (c == NULL) c = cJSON_AddObjectToObject(comparisons, name);
        cJSON *own = cJSON_GetObjectItemCaseSensitive(c, phase);
        if (own == NULL) own = cJSON_AddNumberToObject(c, phase, 0);
        cJSON_SetNumberValue(own, own->valuedouble + seconds);
    }
    cJSON_AddNumberToObject(env, "steal_pct", share_pct(steal, ticks));
    /* each comparison's pairs: the CPUs' steal and busy shares over all its processes */
    cJSON *c;
    cJSON_ArrayForEach(c, comparisons) {
        double all = 0, idle = 0, stolen = 0;
        for (size_t row = 0; row < t.n_rows; row++) {
            if (strcmp(csv_cell(&t, row, 0), "pairs") != 0 || strcmp(csv_cell(&t, row, 1), c->string) != 0) continue;
            all += csv_number(&t, row, 3);
            idle += csv_number(&t, row, 4);
            stolen += csv_number(&t, row, 5);
        }
        if (all == 0) continue;
        cJSON_AddNumberToObject(c, "pairs_steal_pct", share_pct(stolen, all));
        cJSON_AddNumberToObject(c, "pairs_busy_pct", share_pct(all - idle - stolen, all));
    }
    csv_free(&t);
    return 0;
}

/* Print KEY of FILE: a scalar as text; an array one element per line; ARRAY.KEY the KEY of each
 * object in ARRAY; OBJECT.KEY (and OBJECT.OBJECT.KEY...) the KEY of OBJECT. Exit 1 naming what is missing, unless a fallback is given. */
static int get(const char *path, const char *key, const char *fallback) {
    char error[1024], buffer[4096], array_key[256];
    cJSON *json = jsonfile_load(path, error, sizeof error);
    if (json == NULL) {
        if (fallback) return puts(fallback) < 0;
        fprintf(stderr, "idiom_env: %s\n", error);
        return 1;
    }
    /* Down through objects (OBJECT.OBJECT.KEY) until an array (ARRAY.KEY) or the last segment. */
    const cJSON *parent = json, *item;
    const char *dot, *whole = key;
    for (;;) {
        dot = strchr(key, '.');
        snprintf(array_key, sizeof array_key, "%.*s", dot ? (int)(dot - key) : (int)strlen(key), key);
        item = cJSON_GetObjectItemCaseSensitive(parent, array_key);
        if (!dot || !cJSON_IsObject(item)) break;
        parent = item;
        key = dot + 1;
    }
    int status = 0;
    if (cJSON_IsArray(item)) {
        const cJSON *element;
        cJSON_ArrayForEach(element, item) {
            if (dot) puts(jsonfile_text(element, dot + 1, "", buffer, sizeof buffer));
            else if (cJSON_IsString(element)) puts(element->valuestring);
            else if (cJSON_IsNumber(element)) printf("%.15g\n", element->valuedouble);
        }
    } else if (item && !dot && !cJSON_IsObject(item)) {
        puts(jsonfile_text(parent, key, "", buffer, sizeof buffer));
    } else if (fallback) {
        puts(fallback);
    } else {
        fprintf(stderr, "idiom_env: %s has no %s\n", path, whole);
        status = 1;
    }
    cJSON_Delete(json);
    return status;
}

int main(int argc, char **argv) {
    if (argc >= 4 && argc <= 5 && strcmp(argv[1], "get") == 0) return get(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
    run_facts facts = {0};
    parse_args(argc, argv, &facts);
    FILE *f = fopen(facts.out, "w");
    if (f == NULL) {
        perror(facts.out);
        return 1;
    }
    char now[32], host[256] = "unknown", model[256], caches[256], governor[128], thp[128], kernel[512],
         load[64];
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
    /* What clock_gettime reads: with tsc (or kvm-clock) the vDSO answers without entering the kernel;
     * with hpet or acpi_pm every read is a system call. */
    char clocksource[64], clocksources[256];
    read_line("/sys/devices/system/clocksource/clocksource0/current_clocksource", clocksource, sizeof clocksource, "unknown");
    read_line("/sys/devices/system/clocksource/clocksource0/available_clocksource", clocksources, sizeof clocksources,
              "unknown");
    struct utsname u;
    if (uname(&u) == 0) snprintf(kernel, sizeof kernel, "%s %s %s", u.sysname, u.release, u.machine);
    else snprintf(kernel, sizeof kernel, "unknown");
    double loads[3] = {-1, -1, -1};
    getloadavg(loads, 3);
    snprintf(load, sizeof load, "%.2f %.2f %.2f", loads[0], loads[1], loads[2]);

    cJSON *env = cJSON_CreateObject();
    cJSON_AddStringToObject(env, "run_id", facts.run_id);
    cJSON_AddStringToObject(env, "date_utc", now);
    cJSON_AddStringToObject(env, "host", host);
    cJSON_AddStringToObject(env, "commit", facts.commit);
    cJSON_AddBoolToObject(env, "dirty", strcmp(facts.dirty, "1") == 0);
    cJSON_AddStringToObject(env, "build_type", IDIOM_BUILD_TYPE);
    cJSON_AddStringToObject(env, "c_compiler", IDIOM_C_COMPILER);
    cJSON_AddStringToObject(env, "c_flags", IDIOM_C_FLAGS);
    cJSON_AddStringToObject(env, "cxx_compiler", IDIOM_CXX_COMPILER);
    cJSON_AddStringToObject(env, "cxx_flags", IDIOM_CXX_FLAGS);
    cJSON_AddStringToObject(env, "google_benchmark", IDIOM_BENCHMARK_VERSION " (Debian libbenchmark-dev; built without NDEBUG)");
    cJSON_AddStringToObject(env, "uthash", IDIOM_UTHASH_VERSION);
    char cjson[32];
    snprintf(cjson, sizeof cjson, "%d.%d.%d", CJSON_VERSION_MAJOR, CJSON_VERSION_MINOR, CJSON_VERSION_PATCH);
    cJSON_AddStringToObject(env, "cjson", cjson);
    cJSON_AddStringToObject(env, "gnuplot", facts.gnuplot);
    cJSON_AddStringToObject(env, "glibc", gnu_get_libc_version());
    /* What every bench process sets (bench_main.c), from idiom.conf. */
    cJSON_AddNumberToObject(env, "malloc_mmap_threshold", IDIOM_MALLOC_MMAP_THRESHOLD);
    cJSON_AddNumberToObject(env, "malloc_trim_threshold", IDIOM_MALLOC_TRIM_THRESHOLD);
    cJSON_AddStringToObject(env, "cpu_model", model);
    cJSON_AddNumberToObject(env, "cores", (double)sysconf(_SC_NPROCESSORS_ONLN));
    cJSON_AddStringToObject(env, "caches", caches);
    cJSON_AddStringToObject(env, "frequency_governor", governor);
    cJSON_AddStringToObject(env, "transparent_hugepages", thp);
    cJSON_AddStringToObject(env, "kernel", kernel);
    cJSON_AddStringToObject(env, "clocksource", clocksource);
    cJSON_AddStringToObject(env, "clocksources_available", clocksources);
    cJSON_AddStringToObject(env, "damon_monitor", damon);
    cJSON_AddStringToObject(env, "load_average", load);
    cJSON_AddStringToObject(env, "seed", facts.seed); /* as text: 64 bits do not fit a JSON number */
    cJSON_AddBoolToObject(env, "quick", strcmp(facts.quick, "1") == 0);
    cJSON_AddStringToObject(env, "instruction_counts", facts.instr);
    cJSON_AddStringToObject(env, "cpython", facts.cpython);
    cJSON_AddStringToObject(env, "allocator", facts.allocator);
    cJSON_AddStringToObject(env, "allocator_detail", facts.allocator_detail);
    cJSON_AddStringToObject(env, "bench_args", facts.bench_args);
    cJSON_AddItemToObject(env, "openblas", openblas());
    if (add_phases(env, facts.phases) != 0) {
        cJSON_Delete(env);
        fclose(f);
        return 1;
    }
    char *text = cJSON_Print(env);
    cJSON_Delete(env);
    if (text) fprintf(f, "%s\n", text);
    free(text);
    if (fclose(f) != 0) {
        perror(facts.out);
        return 1;
    }
    return 0;
}
