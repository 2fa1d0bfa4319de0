/* site_html.h: the static site's HTML: text escaped for HTML, the suite's inline Markdown (`code`
 * and **bold**, as the claims and facts write it) turned into HTML, and a page's frame, its
 * stylesheet linked relative to the page so that the site works from file:// and any static host. */
#ifndef IDIOM_SITE_HTML_H
#define IDIOM_SITE_HTML_H

#include <stdio.h>

/* text with & < > " escaped. */
void html_text(FILE *f, const char *text);
/* text escaped, its `code` spans as <code> and its **bold** as <strong>. */
void html_inline(FILE *f, const char *text);
/* The page's head (title, the stylesheet at root/site.css, root being "" or "../") and the top
 * navigation; html_end closes the page. */
void html_begin(FILE *f, const char *title, const char *root);
void html_end(FILE *f);
/* The site's stylesheet, written once into the site folder. */
void html_stylesheet(FILE *f);
/* A number as the site prints it, three significant digits (four within 0.1 of 1, where the noise
 * floor lies, so that a bound of 1.0219 does not read as the floor's 1.02; whole numbers from 1,000
 * up), into buffer; "—" for NaN, "∞" for infinity. */
const char *html_number(double v, char *buffer, size_t size);

#endif /* IDIOM_SITE_HTML_H */
