/* uthash_counted.h: uthash as this project uses it: allocating through the counting allocator, and
 * reporting out-of-memory instead of exiting (HASH_NONFATAL_OOM). Include this, never uthash.h. */
#ifndef IDIOM_UTHASH_COUNTED_H
#define IDIOM_UTHASH_COUNTED_H

#include "memcount.h"

#define HASH_NONFATAL_OOM 1
#define uthash_malloc(size) memcount_malloc(size)
#define uthash_free(ptr, size) memcount_free(ptr)
#include <uthash.h>

#endif /* IDIOM_UTHASH_COUNTED_H */
