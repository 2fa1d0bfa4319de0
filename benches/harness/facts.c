/* facts.c: see facts.h. The keys are read by tools/ (through core/jsonfile.h) and scripts/
 * (through idiom_env get); README's "Adding a comparison" lists them. */
#include "facts.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

static cJSON *string_array(const char *const *strings, size_t n) {
    cJSON *array = cJSON_CreateArray();
    for (size_t i = 0; array && i < n; i++) cJSON_AddItemToArray(array, cJSON_CreateString(strings[i]));
    return array;
}

static cJSON *describe(const bench_comparison *cmp, uint64_t seed, int quick) {
    cJSON *facts = cJSON_CreateObject();
    cJSON_AddStringToObject(facts, "comparison", cmp->name);
    cJSON_AddStringToObject(facts, "param", cmp->param);
    cJSON_AddStringToObject(facts, "param_kind", cmp->param_kind == BENCH_PARAM_SHARE ? "share" : "count");
    cJSON_AddStringToObject(facts, "item", cmp->item ? cmp->item : "item");
    cJSON_AddStringToObject(facts, "about", cmp->about);
    cJSON_AddStringToObject(facts, "chart", cmp->chart ? cmp->chart : cmp->name);
    cJSON_AddBoolToObject(facts, "calibration", cmp->calibration);
    cJSON_AddBoolToObject(facts, "allocation_heavy", cmp->allocation_heavy);
    cJSON_AddStringToObject(facts, "calibrates", cmp->calibrates ? cmp->calibrates : "");
    cJSON_AddStringToObject(facts, "memory_variant", cmp->memory_variant ? cmp->memory_variant : "");
    cJSON *keys = cJSON_AddArrayToObject(facts, "key_numbers");
    if (cmp->key_numbers & BENCH_KEY_GROWTH_ORDER) cJSON_AddItemToArray(keys, cJSON_CreateString("growth_order"));
    if (cmp->key_numbers & BENCH_KEY_BYTES_PER_ITEM) cJSON_AddItemToArray(keys, cJSON_CreateString("bytes_per_item"));
    if (cmp->key_numbers & BENCH_KEY_SLOPE) cJSON_AddItemToArray(keys, cJSON_CreateString("slope"));
    if (cmp->key_numbers & BENCH_KEY_GROWTH_PER_STEP) cJSON_AddItemToArray(keys, cJSON_CreateString("growth_per_step"));
    cJSON_AddStringToObject(facts, "slope_label", cmp->slope_label ? cmp->slope_label : "");
    cJSON *workloads = cJSON_AddArrayToObject(facts, "workloads");
    const bench_workload main_draw = {"", "as the article draws"};
    const bench_workload *list = cmp->n_workloads ? cmp->workloads : &main_draw;
    for (size_t i = 0; i < (cmp->n_workloads ? cmp->n_workloads : 1); i++) {
        cJSON *w = cJSON_CreateObject();
        cJSON_AddStringToObject(w, "suffix", list[i].suffix);
        cJSON_AddStringToObject(w, "label", list[i].label);
        cJSON_AddItemToArray(workloads, w);
    }
    cJSON *variants = cJSON_AddArrayToObject(facts, "variants");
    for (size_t v = 0; v < cmp->n_variants; v++) {
        cJSON *variant = cJSON_CreateObject();
        cJSON_AddStringToObject(variant, "name", cmp->variants[v].name);
        cJSON_AddNumberToObject(variant, "max_x", cmp->variants[v].max_x);
        cJSON_AddBoolToObject(variant, "pairs_only", cmp->variants[v].pairs_only);
        cJSON_AddBoolToObject(variant, "in_children", cmp->variants[v].in_children);
        cJSON_AddItemToArray(variants, variant);
    }
    cJSON_AddItemToObject(facts, "xs", cJSON_CreateDoubleArray(quick ? cmp->quick_xs : cmp->xs,
                                                                (int)(quick ? cmp->n_quick_xs : cmp->n_xs)));
    cJSON_AddItemToObject(facts, "paired_sweep", string_array(cmp->paired_sweep, cmp->n_paired_sweep));
    cJSON_AddItemToObject(facts, "extra_counters", string_array(cmp->extra_counters, cmp->n_extra_counters));
    char seed_text[24]; /* as text: a 64-bit seed does not fit a JSON number's double */
    snprintf(seed_text, sizeof seed_text, "%llu", (unsigned long long)seed);
    cJSON_AddStringToObject(facts, "seed", seed_text);
    cJSON_AddBoolToObject(facts, "quick", quick);
    return facts;
}

int facts_write(const bench_comparison *cmp, const char *dir, uint64_t seed, int quick) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.facts.json", dir, cmp->name);
    cJSON *facts = describe(cmp, seed, quick);
    char *text = facts ? cJSON_Print(facts) : NULL;
    cJSON_Delete(facts);
    FILE *f = text ? fopen(path, "w") : NULL;
    int status = f ? 0 : -1;
    if (f) {
        fputs(text, f);
        fputc('\n', f);
        status = (ferror(f) | fclose(f)) ? -1 : 0;
    }
    free(text);
    return status;
}
