/* local_http.h: what the I/O comparisons (threads_io, processes_io) share: an HTTP server on
 * 127.0.0.1 that serves one "image" (a payload of stated size) after a stated latency, standing in
 * for the internet, and downloads from it with libcurl, each checked byte for byte or by checksum. */
#ifndef IDIOM_LOCAL_HTTP_H
#define IDIOM_LOCAL_HTTP_H

#include <stddef.h>
#include <stdint.h>

/* What the server serves, for the C comparisons and the CPython side's (through idiom_serve) alike. */
#define IO_PAYLOAD_BYTES (200 * 1024) /* an "image": the articles' are photos, about 200 KB */
#define IO_LATENCY_MS 50              /* how long the server holds each request: the internet's delay */
#define IO_QUICK_LATENCY_MS 10        /* the same in a QUICK run, which checks rather than measures */

typedef struct local_server local_server;

/* For tests only: when this environment variable is "short" the server sends one byte less than the
 * payload, when "corrupt" one byte changed, so that a test can see a bad download fail the run. */
#define LOCAL_SERVER_FAULT_ENV "IDIOM_TEST_SERVER_FAULT"

/* Start a server on 127.0.0.1 at a free port (the kernel picks one, so a port in use is never a
 * problem) serving `payload_bytes` bytes drawn from `seed`, each response held for `latency_ms`.
 * NULL, with a reason in error, if it cannot start. */
local_server *local_server_start(size_t payload_bytes, unsigned latency_ms, uint64_t seed, char *error,
                                 size_t error_size);
/* Stop the server (waiting for its threads) and free it; NULL is ignored. */
void local_server_stop(local_server *server);
/* The URL to download, and the payload every download must equal. */
const char *local_server_url(const local_server *server);
const unsigned char *local_server_payload(const local_server *server);
size_t local_server_payload_size(const local_server *server);

/* Where one download lands: a buffer of the payload's size, and how much arrived. */
typedef struct download {
    unsigned char *bytes;
    size_t capacity;
    size_t received; /* more than capacity means the response was too long */
    int curl_status; /* CURLcode of the transfer */
} download;

/* Set up a libcurl easy handle to fetch url into d (d->received reset to 0): loopback only, no
 * proxy, bounded by timeout_ms. Returns the handle (a CURL *), or NULL. */
void *local_download_handle(const char *url, download *d, long timeout_ms);
/* Fetch url into d with a fresh handle, blocking. 0, or -1 if the transfer failed. */
int local_download(const char *url, download *d, long timeout_ms);
/* 1 if d holds exactly the server's payload. */
int local_download_is_payload(const local_server *server, const download *d);
/* FNV-1a 64 of n bytes: what a child process reports of its download. */
uint64_t local_checksum(const unsigned char *bytes, size_t n);

#endif /* IDIOM_LOCAL_HTTP_H */
