/* lean_forker.h: process_pool_fork_each, run by a helper process forked when the program starts,
 * before any benchmark case has allocated anything. A fork copies the page tables of the process
 * it is made from: forked from the benchmark process, each child would pay for every buffer every
 * case has set up there; forked from the helper, it pays for what a small program holds, as the
 * article's children, forked from a script's interpreter, do. */
#ifndef IDIOM_LEAN_FORKER_H
#define IDIOM_LEAN_FORKER_H

#include "process_pool.h"

#include <stddef.h>

/* process_pool_fork_each(n, body, copy of arg, results, result_size), run in the helper: body must
 * be a function of this program (the helper is a fork of it, so its address holds there), and
 * arg's arg_size bytes are copied to the helper as they are (no pointers in them). Blocks until
 * every child has reported and been reaped. 0, or -1 if the helper is not running or a child
 * failed, as process_pool_fork_each says. */
int lean_forker_fork_each(size_t n, process_each_fn *body, const void *arg, size_t arg_size, void *results,
                          size_t result_size);

#endif /* IDIOM_LEAN_FORKER_H */
