/* gil.h: CPython's global interpreter lock (Python/ceval_gil.c, 3.11), as the mechanism model of
 * threads running Python code: a thread holds it while it runs; a thread that wants it waits up to
 * the switch interval (sys.getswitchinterval(), 5 ms), then asks the holder to drop it; the holder
 * checks for that request between bytecodes (here, between the steps of its work), drops it, and
 * waits until another thread has taken it (FORCE_SWITCHING) before asking for it again. */
#ifndef IDIOM_GIL_H
#define IDIOM_GIL_H

#include <pthread.h>
#include <stdatomic.h>

#define GIL_SWITCH_INTERVAL_US 5000 /* sys.getswitchinterval() by default: 0.005 s */

typedef struct gil {
    pthread_mutex_t mutex;
    pthread_cond_t cond;        /* signalled when the lock is dropped */
    pthread_cond_t switch_cond; /* signalled when a thread other than the last holder takes it */
    int locked;
    const void *last_holder;    /* the thread that took it last */
    unsigned long switches;     /* switch_number: how often the holder changed */
    atomic_int drop_request;    /* gil_drop_request: a waiter's interval ran out */
    long interval_us;
} gil;

/* An unlocked GIL with this switch interval. 0, or -1 (errno) if its mutex or conditions fail. */
int gil_init(gil *g, long interval_us);
void gil_destroy(gil *g);
/* take_gil for the thread self (any pointer unique to it). */
void gil_take(gil *g, const void *self);
/* drop_gil for self; if a waiter asked for the lock, wait until it has taken it. */
void gil_drop(gil *g, const void *self);
/* Between two steps of self's work: drop and retake the lock if a waiter asked (the eval loop's
 * eval_breaker check). 1 if it switched, else 0. */
int gil_yield_if_asked(gil *g, const void *self);

#endif /* IDIOM_GIL_H */
