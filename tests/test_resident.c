/* test_resident.c: a process's resident and proportional set sizes from smaps_rollup: touched pages
 * count, pages shared with a child count half in each, and a process that is gone has no figure. */
#include "resident.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#define BYTES (8 * 1024 * 1024)

static void touched_pages_are_resident(void **state) {
    (void)state;
    const long long before = resident_bytes(0, RESIDENT_RSS);
    assert_true(before > 0);
    unsigned char *p = mmap(NULL, BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(p != MAP_FAILED);
    memset(p, 1, BYTES);
    const long long during = resident_bytes(0, RESIDENT_RSS);
    assert_true(during - before >= BYTES);
    assert_true(resident_bytes(getpid(), RESIDENT_RSS) >= BYTES); /* the same process by its pid */
    munmap(p, BYTES);
    assert_true(resident_bytes(0, RESIDENT_RSS) < during);
}

/* A child that shares the touched mapping: each process's Pss holds about half of it. */
static void shared_pages_count_once_in_the_pss(void **state) {
    (void)state;
    unsigned char *p = mmap(NULL, BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(p != MAP_FAILED);
    memset(p, 1, BYTES);
    const long long alone = resident_bytes(0, RESIDENT_PSS);
    int ready[2], hold[2];
    assert_int_equal(pipe(ready), 0);
    assert_int_equal(pipe(hold), 0);
    const pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char byte = 1;
        close(hold[1]);
        if (write(ready[1], &byte, 1) != 1) _exit(1);
        while (read(hold[0], &byte, 1) > 0) {}
        _exit(0);
    }
    close(hold[0]);
    char byte;
    assert_int_equal(read(ready[0], &byte, 1), 1);
    const long long parent = resident_bytes(0, RESIDENT_PSS), child = resident_bytes(pid, RESIDENT_PSS);
    close(hold[1]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(parent <= alone - BYTES / 2 + BYTES / 8); /* the shared half went to the child */
    assert_true(child >= BYTES / 2 - BYTES / 8);
    assert_int_equal(resident_bytes(pid, RESIDENT_PSS), -1); /* reaped: gone */
    munmap(p, BYTES);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(touched_pages_are_resident),
        cmocka_unit_test(shared_pages_count_once_in_the_pss),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
