/* page.c: the page httpd serves at / when it has no document root. */
#include "httpd.h"

const char page_builtin[] =
    "<!DOCTYPE html>\n"
    "<html><head><meta charset=\"utf-8\"><title>ukcc httpd</title></head>\n"
    "<body><h1>It works</h1>\n"
    "<p>This page comes from httpd, a unikernel built by ukcc.</p>\n"
    "</body></html>\n";

const size_t page_builtin_len = sizeof page_builtin - 1;
