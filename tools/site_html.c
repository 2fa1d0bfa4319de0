/* site_html.c: see site_html.h. */
#include "site_html.h"

#include <math.h>
#include <string.h>

void html_text(FILE *f, const char *text) {
    for (const char *c = text; *c; c++) {
        switch (*c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*c, f);
        }
    }
}

void html_inline(FILE *f, const char *text) {
    int code = 0, bold = 0;
    for (const char *c = text; *c; c++) {
        char one[2] = {*c, '\0'};
        if (*c == '`') {
            fputs(code ? "</code>" : "<code>", f);
            code = !code;
        } else if (!code && c[0] == '*' && c[1] == '*') {
            fputs(bold ? "</strong>" : "<strong>", f);
            bold = !bold;
            c++;
        } else {
            html_text(f, one);
        }
    }
    if (code) fputs("</code>", f);
    if (bold) fputs("</strong>", f);
}

void html_begin(FILE *f, const char *title, const char *root) {
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    html_text(f, title);
    fprintf(f, " · idiombench</title>\n<link rel=\"stylesheet\" href=\"%ssite.css\"></head><body>\n"
               "<nav><a href=\"%sindex.html\">Verdicts</a> <a href=\"%shistory.html\">History</a> "
               "<a href=\"%smachine.html\">Machine</a></nav>\n<main>\n",
            root, root, root, root);
}

void html_end(FILE *f) { fprintf(f, "</main>\n<footer>idiombench · a static page: no server, no script from outside this folder</footer>\n</body></html>\n"); }

void html_stylesheet(FILE *f) {
    fputs("body { font: 15px/1.5 \"DejaVu Sans\", sans-serif; color: #222; margin: 0; }\n"
          "main { max-width: 1150px; margin: 1em auto; padding: 0 1em; }\n"
          "nav { background: #24323f; padding: 0.5em 1em; }\n"
          "nav a { color: #fff; margin-right: 1.5em; text-decoration: none; font-weight: bold; }\n"
          "footer { color: #777; font-size: 12px; text-align: center; margin: 2em 0; }\n"
          "table { border-collapse: collapse; margin: 0.8em 0; font-size: 13px; }\n"
          "th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }\n"
          "th { background: #f3f3f3; }\n"
          "td.num { text-align: right; white-space: nowrap; }\n"
          "code { background: #f3f3f3; padding: 0 3px; font-size: 90%; }\n"
          "img, object { max-width: 100%; border: 1px solid #ddd; }\n"
          ".verdict { font-weight: bold; padding: 1px 6px; border-radius: 3px; color: #fff; white-space: nowrap; }\n"
          ".agrees { background: #009E73; } .disagrees { background: #D55E00; }\n"
          ".no_difference { background: #777; } .inconclusive { background: #E69F00; }\n"
          ".not_applicable { background: #aaa; } .changed { background: #fde2cf; }\n"
          ".card { border: 1px solid #ccc; border-radius: 6px; padding: 0.5em 1.2em; margin: 1em 0; }\n"
          ".cite { background: #f6f8fa; border-left: 4px solid #0072B2; padding: 0.6em 1em; font-family: monospace; }\n"
          ".glance object { display: block; width: 100%; }\n"
          "caption { font-weight: bold; text-align: left; padding-bottom: 0.3em; }\n"
          ".quick { background: #fff3cd; padding: 0.5em 1em; border: 1px solid #e6c200; }\n",
          f);
}

const char *html_number(double v, char *buffer, size_t size) {
    if (isnan(v)) snprintf(buffer, size, "—");
    else if (isinf(v)) snprintf(buffer, size, "∞");
    else if (fabs(v) >= 1000) snprintf(buffer, size, "%.0f", v);
    else if (fabs(v - 1) < 0.1) snprintf(buffer, size, "%.4g", v); /* near 1, where the noise floor sits: 1.0219, not 1.02 */
    else snprintf(buffer, size, "%.3g", v);
    return buffer;
}
