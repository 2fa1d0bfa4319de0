/* test_local_http.c: the I/O comparisons' loopback server starts on a free port, serves exactly its
 * payload, holds each request at least its latency, serves two servers at once, refuses a latency
 * of 0, and is gone when stopped. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "local_http.h"

#define PAYLOAD 100000
#define LATENCY_MS 30

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static download fresh_download(void) { return (download){malloc(PAYLOAD), PAYLOAD, 0, -1}; }

static void serves_its_payload_after_its_latency(void **state) {
    (void)state;
    char error[256];
    local_server *server = local_server_start(PAYLOAD, LATENCY_MS, 42, error, sizeof error);
    assert_non_null(server);
    assert_non_null(strstr(local_server_url(server), "http://127.0.0.1:"));
    download d = fresh_download();
    const double start = now_ms();
    assert_int_equal(local_download(local_server_url(server), &d, 10000), 0);
    assert_true(now_ms() - start >= LATENCY_MS); /* held at least the latency: a lower bound, not a speed */
    assert_true(local_download_is_payload(server, &d));
    assert_int_equal(d.received, PAYLOAD);
    assert_true(local_checksum(d.bytes, d.received) == local_checksum(local_server_payload(server), PAYLOAD));
    d.bytes[7] ^= 1;
    assert_false(local_download_is_payload(server, &d));
    free(d.bytes);
    local_server_stop(server);
}

/* Two servers at once get two ports; a stopped one refuses connections. */
static void two_servers_then_stopped(void **state) {
    (void)state;
    char error[256], url[64];
    local_server *a = local_server_start(PAYLOAD, 1, 1, error, sizeof error);
    local_server *b = local_server_start(PAYLOAD, 1, 2, error, sizeof error);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_not_equal(local_server_url(a), local_server_url(b));
    download d = fresh_download();
    assert_int_equal(local_download(local_server_url(b), &d, 10000), 0);
    assert_true(local_download_is_payload(b, &d));
    assert_false(local_download_is_payload(a, &d)); /* another seed, another payload */
    strcpy(url, local_server_url(a));
    local_server_stop(a);
    assert_int_equal(local_download(url, &d, 2000), -1);
    free(d.bytes);
    local_server_stop(b);
}

static void a_latency_of_zero_is_refused(void **state) {
    (void)state;
    char error[256] = "";
    assert_null(local_server_start(PAYLOAD, 0, 1, error, sizeof error));
    assert_non_null(strstr(error, "latency of 0"));
    local_server_stop(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(serves_its_payload_after_its_latency),
        cmocka_unit_test(two_servers_then_stopped),
        cmocka_unit_test(a_latency_of_zero_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
