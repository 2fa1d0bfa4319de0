/* jsonfile.h: the suite's one way of reading its JSON files (environment.json, <comparison>.facts.json),
 * through cJSON, for the tools in C and, via `idiom_env get`, for the shell scripts. */
#ifndef IDIOM_JSONFILE_H
#define IDIOM_JSONFILE_H

#include <cjson/cJSON.h>
#include <stddef.h>

/* The parsed file, for cJSON_Delete; NULL with "path: what is wrong" in error. */
cJSON *jsonfile_load(const char *path, char *error, size_t error_size);
/* The scalar at key (a string, number or boolean) as text in buffer; fallback if absent or not a scalar. */
const char *jsonfile_text(const cJSON *object, const char *key, const char *fallback, char *buffer, size_t size);
/* jsonfile_text with fallback "unknown", into one of 16 buffers used in turn: the result lives until 16
 * more calls, so that one printf may quote several values. Not for threads. */
const char *jsonfile_text_of(const cJSON *object, const char *key);
/* The string at key, or fallback; the result lives as long as object. */
const char *jsonfile_string(const cJSON *object, const char *key, const char *fallback);
/* Whether the array at key holds the string value. */
int jsonfile_array_has(const cJSON *object, const char *key, const char *value);

#endif /* IDIOM_JSONFILE_H */
