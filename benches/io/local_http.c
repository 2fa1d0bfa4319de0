/* local_http.c: the loopback server (libmicrohttpd) and downloads (libcurl); see local_http.h. */
#include "local_http.h"

#include "constructor_order.h"
#include "rng.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { STREAM_PAYLOAD = 1 }; /* the PRNG stream of the payload */

struct local_server {
    struct MHD_Daemon *daemon;
    struct MHD_Response *response; /* one response, shared by every request */
    unsigned char *payload;
    unsigned char *served; /* a corrupted copy of the payload, under the tests' fault; else NULL */
    size_t payload_bytes;
    unsigned latency_ms;
    char url[64];
};

/* A GET of any path: the first call per request only marks it seen (libmicrohttpd's protocol);
 * the second holds the request for the latency, then queues the payload. The server runs a
 * thread per connection, so a held request holds only its own thread. */
static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **request_state) {
    (void)url, (void)version, (void)upload_data;
    static int seen;
    local_server *server = cls;
    if (strcmp(method, "GET") != 0 || *upload_data_size != 0) return MHD_NO;
    if (*request_state == NULL) {
        *request_state = &seen;
        return MHD_YES;
    }
    const struct timespec hold = {server->latency_ms / 1000, (long)(server->latency_ms % 1000) * 1000000L};
    nanosleep(&hold, NULL);
    return MHD_queue_response(connection, MHD_HTTP_OK, server->response);
}

static int curl_ready; /* libcurl is initialised, once, before any download thread exists */

/* At start, before the lean forker's helper is forked (constructor_order.h). */
__attribute__((constructor(IO_CURL_INIT_PRIORITY))) static void init_curl(void) {
    curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

local_server *local_server_start(size_t payload_bytes, unsigned latency_ms, uint64_t seed, char *error,
                                 size_t error_size) {
    if (!curl_ready) {
        snprintf(error, error_size, "libcurl could not initialise");
        return NULL;
    }
    if (latency_ms == 0) {
        snprintf(error, error_size, "a latency of 0 ms stands in for no network at all: give one of 1 ms or more");
        return NULL;
    }
    local_server *server = calloc(1, sizeof *server);
    if (server == NULL || (server->payload = malloc(payload_bytes ? payload_bytes : 1)) == NULL) {
        snprintf(error, error_size, "out of memory for a %zu-byte payload", payload_bytes);
        free(server);
        return NULL;
    }
    server->payload_bytes = payload_bytes;
    server->latency_ms = latency_ms;
    rng r = rng_seeded(seed, STREAM_PAYLOAD);
    for (size_t i = 0; i < payload_bytes; i++) server->payload[i] = (unsigned char)rng_next(&r);
    /* The tests' fault: serve one byte short, or one byte changed, of what downloads are checked against. */
    const char *fault = getenv(LOCAL_SERVER_FAULT_ENV);
    size_t served_bytes = payload_bytes;
    if (fault && strcmp(fault, "short") == 0 && payload_bytes > 0) served_bytes--;
    if (fault && strcmp(fault, "corrupt") == 0 && payload_bytes > 0) {
        server->served = malloc(payload_bytes);
        if (server->served) {
            memcpy(server->served, server->payload, payload_bytes);
            server->served[payload_bytes / 2] ^= 1;
        }
    }
    server->response = MHD_create_response_from_buffer(served_bytes, server->served ? server->served : server->payload,
                                                       MHD_RESPMEM_PERSISTENT);
    struct sockaddr_in loopback = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (server->response != NULL)
        server->daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                                              MHD_USE_POLL,
                                          0, NULL, NULL, answer, server, MHD_OPTION_SOCK_ADDR, &loopback,
                                          MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, MHD_OPTION_CONNECTION_TIMEOUT,
                                          (unsigned)60, MHD_OPTION_END);
    const union MHD_DaemonInfo *info =
        server->daemon ? MHD_get_daemon_info(server->daemon, MHD_DAEMON_INFO_BIND_PORT) : NULL;
    if (info == NULL || info->port == 0) {
        snprintf(error, error_size, "libmicrohttpd could not start a server on 127.0.0.1");
        local_server_stop(server);
        return NULL;
    }
    snprintf(server->url, sizeof server->url, "http://127.0.0.1:%u/image.jpg", (unsigned)info->port);
    return server;
}

void local_server_stop(local_server *server) {
    if (server == NULL) return;
    if (server->daemon) MHD_stop_daemon(server->daemon);
    if (server->response) MHD_destroy_response(server->response);
    free(server->payload);
    free(server->served);
    free(server);
}

const char *local_server_url(const local_server *server) { return server->url; }
const unsigned char *local_server_payload(const local_server *server) { return server->payload; }
size_t local_server_payload_size(const local_server *server) { return server->payload_bytes; }

/* Copy what arrives into the download's buffer; count, but do not store, anything past its end. */
static size_t receive(char *data, size_t size, size_t count, void *userdata) {
    download *d = userdata;
    const size_t n = size * count;
    if (d->received < d->capacity) {
        const size_t room = d->capacity - d->received;
        memcpy(d->bytes + d->received, data, n < room ? n : room);
    }
    d->received += n;
    return n;
}

void *local_download_handle(const char *url, download *d, long timeout_ms) {
    CURL *curl = curl_easy_init();
    if (curl == NULL) return NULL;
    d->received = 0;
    d->curl_status = -1;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROXY, "");                    /* never a proxy from the environment */
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http");        /* and nothing but plain HTTP */
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, d);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);                 /* safe in threads */
    curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
    return curl;
}

int local_download(const char *url, download *d, long timeout_ms) {
    CURL *curl = local_download_handle(url, d, timeout_ms);
    if (curl == NULL) return -1;
    d->curl_status = (int)curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return d->curl_status == CURLE_OK ? 0 : -1;
}

int local_download_is_payload(const local_server *server, const download *d) {
    return d->curl_status == CURLE_OK && d->received == server->payload_bytes &&
           memcmp(d->bytes, server->payload, server->payload_bytes) == 0;
}

uint64_t local_checksum(const unsigned char *bytes, size_t n) {
    uint64_t hash = 14695981039346656037u; /* FNV-1a 64's offset basis and prime */
    for (size_t i = 0; i < n; i++) hash = (hash ^ bytes[i]) * 1099511628211u;
    return hash;
}
