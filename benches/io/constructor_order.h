/* constructor_order.h: the order in which the I/O code's constructors run before main (a smaller
 * number first). libcurl is initialised before the lean forker's helper is forked, so that the
 * helper and its children hold an initialised libcurl, as the article's script imported urllib
 * before it forked. */
#ifndef IDIOM_CONSTRUCTOR_ORDER_H
#define IDIOM_CONSTRUCTOR_ORDER_H

#define IO_CURL_INIT_PRIORITY 199
#define LEAN_FORKER_PRIORITY 200

#endif /* IDIOM_CONSTRUCTOR_ORDER_H */
