/* jsonfile.c: see jsonfile.h. */
#include "jsonfile.h"

#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cJSON *jsonfile_load(const char *path, char *error, size_t error_size) {
    char *text = csv_read_file(path, error, error_size);
    if (text == NULL) return NULL;
    cJSON *json = cJSON_Parse(text);
    if (json == NULL) snprintf(error, error_size, "%s: not valid JSON near '%.20s'", path, cJSON_GetErrorPtr());
    free(text);
    return json;
}

/* Numbers print as the shortest text that reads back the same, as the CSVs write them. */
const char *jsonfile_text(const cJSON *object, const char *key, const char *fallback, char *buffer, size_t size) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    if (cJSON_IsString(item)) snprintf(buffer, size, "%s", item->valuestring);
    else if (cJSON_IsBool(item)) snprintf(buffer, size, "%s", cJSON_IsTrue(item) ? "true" : "false");
    else if (cJSON_IsNumber(item)) snprintf(buffer, size, "%.15g", item->valuedouble);
    else snprintf(buffer, size, "%s", fallback);
    return buffer;
}

const char *jsonfile_text_of(const cJSON *object, const char *key) {
    static char values[16][1024];
    static unsigned next;
    return jsonfile_text(object, key, "unknown", values[next++ % 16], sizeof values[0]);
}

const char *jsonfile_string(const cJSON *object, const char *key, const char *fallback) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    return cJSON_IsString(item) ? item->valuestring : fallback;
}

int jsonfile_array_has(const cJSON *object, const char *key, const char *value) {
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(object, key))
        if (cJSON_IsString(item) && strcmp(item->valuestring, value) == 0) return 1;
    return 0;
}
