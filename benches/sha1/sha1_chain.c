/* sha1_chain.c: see sha1_chain.h.
 * libcrypto's SHA1_Init/Update/Final, deprecated in OpenSSL 3 in favour of EVP: EVP_DigestInit_ex
 * with EVP_sha1() fetches the algorithm implicitly on every call, through a lock and reference
 * counts shared by all threads, and in this suite's first measurement it made two threads no faster
 * than one (processes, which share nothing, were 1.75x faster). SHA1_* touch no shared state. */
#include "sha1_chain.h"

#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>

void sha1_chain_seed(sha1_chain *text, unsigned w) {
    snprintf(text->bytes, sizeof text->bytes, "%s #%u", SHA1_CHAIN_SEED_TEXT, w);
}

/* One step, h = sha1(h).hexdigest(): text (len bytes) replaced by its SHA-1 in hex. 0, or -1 if
 * libcrypto failed. */
static int step(sha1_chain *text, size_t *len) {
    static const char hex[] = "0123456789abcdef";
    unsigned char digest[SHA_DIGEST_LENGTH];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    SHA_CTX ctx;
    if (SHA1_Init(&ctx) != 1 || SHA1_Update(&ctx, text->bytes, *len) != 1 || SHA1_Final(digest, &ctx) != 1) return -1;
#pragma GCC diagnostic pop
    for (size_t i = 0; i < SHA_DIGEST_LENGTH; i++) {
        text->bytes[2 * i] = hex[digest[i] >> 4];
        text->bytes[2 * i + 1] = hex[digest[i] & 15];
    }
    text->bytes[SHA1_CHAIN_HEX_LEN] = '\0';
    *len = SHA1_CHAIN_HEX_LEN;
    return 0;
}

int sha1_chain_advance(sha1_chain *text, size_t steps, pthread_mutex_t *lock) {
    size_t len = strlen(text->bytes);
    int status = 0;
    for (size_t s = 0; s < steps && status == 0; s++) {
        if (lock) pthread_mutex_lock(lock);
        status = step(text, &len);
        if (lock) pthread_mutex_unlock(lock);
    }
    return status;
}

int sha1_chain_advance_under_gil(sha1_chain *text, size_t steps, gil *g, const void *self, size_t *switches) {
    size_t len = strlen(text->bytes);
    int status = 0;
    gil_take(g, self);
    for (size_t s = 0; s < steps && status == 0; s++) {
        *switches += (size_t)gil_yield_if_asked(g, self);
        status = step(text, &len);
    }
    gil_drop(g, self);
    return status;
}

/* Known answers, from Python's hashlib. */
int sha1_chain_is_sha1(void) {
    static const struct {
        size_t steps;
        const char *hexdigest;
    } known[] = {{3, "3ab8fa6672cf8800a0fe8a928543e79134e9df4a"}, {1000, "7a0f5c78df2c08628551a13a77503a5df24fd393"}};
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        sha1_chain text = {SHA1_CHAIN_SEED_TEXT};
        if (sha1_chain_advance(&text, known[k].steps, NULL) != 0 || strcmp(text.bytes, known[k].hexdigest) != 0)
            return 0;
    }
    return 1;
}
