/* idiom_serve.c: the I/O comparisons' loopback server as a program of its own, for the CPython
 * side's downloads (python/io_downloads.py): the same libmicrohttpd server, payload and latency
 * the C comparisons download from.
 *
 *   idiom_serve [--quick] [--seed N] --payload FILE
 *
 * Starts the server, writes the payload's bytes to FILE (what every download must equal), prints
 * one line "URL PAYLOAD_BYTES LATENCY_MS" on stdout, and serves until its standard input closes,
 * so that it never outlives the script that started it. Exit 0; 1 if it cannot start; 2 on bad
 * arguments. */
#include "idiom_config.h"
#include "local_http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    unsigned long long seed = IDIOM_DEFAULT_SEED;
    const char *payload_path = NULL;
    int quick = 0;
    for (int i = 1; i < argc; i++) {
        char *end = NULL;
        if (strcmp(argv[i], "--quick") == 0) quick = 1;
        else if (strcmp(argv[i], "--payload") == 0 && i + 1 < argc) payload_path = argv[++i];
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc && (seed = strtoull(argv[++i], &end, 10), *end == '\0'))
            continue;
        else payload_path = NULL, i = argc; /* anything else is a usage error */
    }
    if (payload_path == NULL) {
        fputs("usage: idiom_serve [--quick] [--seed N] --payload FILE\n", stderr);
        return 2;
    }
    char error[256];
    const unsigned latency = quick ? IO_QUICK_LATENCY_MS : IO_LATENCY_MS;
    local_server *server = local_server_start(IO_PAYLOAD_BYTES, latency, seed, error, sizeof error);
    if (server == NULL) {
        fprintf(stderr, "idiom_serve: %s\n", error);
        return 1;
    }
    FILE *payload = fopen(payload_path, "wb");
    if (payload == NULL || fwrite(local_server_payload(server), 1, IO_PAYLOAD_BYTES, payload) != IO_PAYLOAD_BYTES ||
        fclose(payload) != 0) {
        perror(payload_path);
        local_server_stop(server);
        return 1;
    }
    printf("%s %d %u\n", local_server_url(server), IO_PAYLOAD_BYTES, latency);
    fflush(stdout);
    char sink[64];
    while (read(STDIN_FILENO, sink, sizeof sink) > 0) continue; /* until the script closes it, or dies */
    local_server_stop(server);
    return 0;
}
