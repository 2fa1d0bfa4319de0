/* sha1_chain.h: article 000's workload, h = sha1(h).hexdigest() repeated, on libcrypto's SHA-1.
 * Shared by the comparisons that run it: cpu_parallel (split into chains among workers) and
 * measurement_spread (timed by the articles' three methods). */
#ifndef IDIOM_SHA1_CHAIN_H
#define IDIOM_SHA1_CHAIN_H

#include "gil.h"

#include <pthread.h>
#include <stddef.h>

#define SHA1_CHAIN_SEED_TEXT "Turbocharge Your Python Code" /* article 000 hashes this string */
#define SHA1_CHAIN_HEX_LEN 40                               /* a SHA-1 hexdigest */

/* One chain's text: its seed before the first step, a hexdigest after. */
typedef struct sha1_chain {
    char bytes[64]; /* room for a seed text or a hexdigest, and the NUL */
} sha1_chain;

/* Chain w starts from the article's string with its number, so that chains differ. */
void sha1_chain_seed(sha1_chain *text, unsigned w);

/* Advance `text` by `steps` steps, taking `lock` (if not NULL) around each step. 0, or -1 if
 * libcrypto failed. Thread-safe. */
int sha1_chain_advance(sha1_chain *text, size_t steps, pthread_mutex_t *lock);
/* The same as a Python thread runs it: holding the GIL g throughout, as thread self, and dropping it
 * between steps when another thread has waited a switch interval for it (each such switch added to
 * *switches). 0, or -1 if libcrypto failed. */
int sha1_chain_advance_under_gil(sha1_chain *text, size_t steps, gil *g, const void *self, size_t *switches);

/* 1 if the chain function gives Python hashlib's known hexdigests from the article's string. */
int sha1_chain_is_sha1(void);

#endif /* IDIOM_SHA1_CHAIN_H */
