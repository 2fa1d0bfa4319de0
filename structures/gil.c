/* gil.c: see gil.h. Names in comments are CPython's (Python/ceval_gil.c); one mutex stands for its
 * two (mutex and switch_mutex). */
#include "gil.h"

#include <errno.h>
#include <time.h>

int gil_init(gil *g, long interval_us) {
    *g = (gil){.interval_us = interval_us};
    atomic_init(&g->drop_request, 0);
    pthread_condattr_t monotonic;
    if (pthread_condattr_init(&monotonic) != 0) return -1;
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    int status = pthread_mutex_init(&g->mutex, NULL);
    if (status == 0 && (status = pthread_cond_init(&g->cond, &monotonic)) != 0) pthread_mutex_destroy(&g->mutex);
    if (status == 0 && (status = pthread_cond_init(&g->switch_cond, NULL)) != 0) {
        pthread_cond_destroy(&g->cond);
        pthread_mutex_destroy(&g->mutex);
    }
    pthread_condattr_destroy(&monotonic);
    if (status != 0) errno = status;
    return status == 0 ? 0 : -1;
}

void gil_destroy(gil *g) {
    pthread_cond_destroy(&g->switch_cond);
    pthread_cond_destroy(&g->cond);
    pthread_mutex_destroy(&g->mutex);
}

/* The monotonic time interval_us from now. */
static struct timespec deadline_after(long interval_us) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_nsec += (interval_us % 1000000) * 1000;
    t.tv_sec += interval_us / 1000000 + t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return t;
}

/* take_gil: wait for the lock in slices of the interval; after a slice in which the holder did not
 * change, ask it to drop the lock. */
void gil_take(gil *g, const void *self) {
    pthread_mutex_lock(&g->mutex);
    while (g->locked) {
        const unsigned long saved_switches = g->switches;
        const struct timespec deadline = deadline_after(g->interval_us);
        const int timed_out = pthread_cond_timedwait(&g->cond, &g->mutex, &deadline) == ETIMEDOUT;
        if (timed_out && g->locked && g->switches == saved_switches) atomic_store(&g->drop_request, 1);
    }
    g->locked = 1;
    if (g->last_holder != self) {
        g->last_holder = self;
        g->switches++;
    }
    pthread_cond_broadcast(&g->switch_cond); /* FORCE_SWITCHING: the dropping thread may go on */
    atomic_store(&g->drop_request, 0);
    pthread_mutex_unlock(&g->mutex);
}

/* drop_gil: release and wake a waiter; if one asked for the lock, wait until some thread other
 * than self has taken it, so that self cannot take it straight back (FORCE_SWITCHING). */
void gil_drop(gil *g, const void *self) {
    pthread_mutex_lock(&g->mutex);
    g->locked = 0;
    pthread_cond_signal(&g->cond);
    if (atomic_load(&g->drop_request))
        while (g->last_holder == self && !g->locked) pthread_cond_wait(&g->switch_cond, &g->mutex);
    pthread_mutex_unlock(&g->mutex);
}

int gil_yield_if_asked(gil *g, const void *self) {
    if (!atomic_load_explicit(&g->drop_request, memory_order_relaxed)) return 0;
    gil_drop(g, self);
    gil_take(g, self);
    return 1;
}
