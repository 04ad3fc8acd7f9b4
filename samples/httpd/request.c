/* request.c: parse an HTTP/1.x request head (request line and headers). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "httpd.h"

/* Length of the head including its blank line, or 0 if not complete.
 * Bare LF line ends are accepted as well as CRLF. */
static size_t head_length(const char *buf, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (buf[i] != '\n')
            continue;
        if (buf[i + 1] == '\n')
            return i + 2;
        if (buf[i + 1] == '\r' && i + 2 < len && buf[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* One line from *p (up to end), without its line end; advances *p. */
static size_t next_line(const char **p, const char *end, const char **line)
{
    const char *nl = memchr(*p, '\n', end - *p);
    size_t n;

    if (!nl)
        nl = end;
    *line = *p;
    n = nl - *p;
    if (n > 0 && (*p)[n - 1] == '\r')
        n--;
    *p = nl < end ? nl + 1 : end;
    return n;
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch = tolower(ch);
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

/* Decodes the path part of target (up to '?' or '#') into out. Refuses
 * NUL bytes and ".." segments: nothing outside the root may be named. */
static int decode_path(const char *t, size_t n, char *out, size_t cap)
{
    size_t o = 0;

    for (size_t i = 0; i < n && t[i] != '?' && t[i] != '#'; i++) {
        int ch = (unsigned char)t[i];
        if (ch == '%') {
            int hi, lo;
            if (i + 2 >= n || (hi = hexval(t[i + 1])) < 0 ||
                (lo = hexval(t[i + 2])) < 0)
                return -1;
            ch = hi * 16 + lo;
            i += 2;
        }
        if (ch == 0 || o + 1 >= cap)
            return -1;
        out[o++] = (char)ch;
    }
    out[o] = 0;
    if (out[0] != '/')
        return -1;
    for (char *s = out; (s = strstr(s, "..")); s += 2)
        if (s[-1] == '/' && (s[2] == '/' || s[2] == 0))
            return -1;
    return 0;
}

static int parse_request_line(const char *l, size_t n, struct http_request *r)
{
    const char *sp1 = memchr(l, ' ', n), *sp2, *target;
    size_t tlen;

    if (!sp1)
        return -1;
    sp2 = memchr(sp1 + 1, ' ', l + n - sp1 - 1);
    if (!sp2 || l + n - sp2 != 9 || memcmp(sp2 + 1, "HTTP/1.", 7) ||
        !isdigit((unsigned char)sp2[8]))
        return -1;
    r->minor = sp2[8] - '0';
    if (sp1 - l == 3 && !memcmp(l, "GET", 3))
        r->method = HTTP_GET;
    else if (sp1 - l == 4 && !memcmp(l, "HEAD", 4))
        r->method = HTTP_HEAD;
    else
        r->method = HTTP_OTHER;
    target = sp1 + 1;
    tlen = sp2 - target;
    /* absolute-form (proxies): skip "scheme://authority". */
    if (tlen > 7 && !strncasecmp(target, "http://", 7)) {
        const char *slash = memchr(target + 7, '/', tlen - 7);
        if (!slash)
            return -1;
        tlen -= slash - target;
        target = slash;
    }
    if (r->method == HTTP_OTHER && tlen == 1 && target[0] == '*') {
        strcpy(r->path, "*");
        return 0;
    }
    return decode_path(target, tlen, r->path, sizeof r->path);
}

/* Does the comma-separated list v (n bytes) hold token tok? */
static int has_token(const char *v, size_t n, const char *tok)
{
    size_t tl = strlen(tok);

    while (n > 0) {
        while (n > 0 && (*v == ' ' || *v == '\t' || *v == ',')) {
            v++;
            n--;
        }
        size_t w = 0;
        while (w < n && v[w] != ',')
            w++;
        size_t e = w;
        while (e > 0 && (v[e - 1] == ' ' || v[e - 1] == '\t'))
            e--;
        if (e == tl && !strncasecmp(v, tok, tl))
            return 1;
        v += w;
        n -= w;
    }
    return 0;
}

static int parse_header(const char *l, size_t n, struct http_request *r)
{
    const char *colon = memchr(l, ':', n), *v;
    size_t nlen, vlen;

    if (!colon || colon == l)
        return -1;
    nlen = colon - l;
    for (size_t i = 0; i < nlen; i++)
        if (l[i] == ' ' || l[i] == '\t')
            return -1;
    v = colon + 1;
    vlen = l + n - v;
    while (vlen > 0 && (*v == ' ' || *v == '\t')) {
        v++;
        vlen--;
    }
    if (nlen == 10 && !strncasecmp(l, "Connection", 10)) {
        if (has_token(v, vlen, "close"))
            r->keep_alive = 0;
        else if (has_token(v, vlen, "keep-alive"))
            r->keep_alive = 1;
    } else if (nlen == 14 && !strncasecmp(l, "Content-Length", 14)) {
        if (vlen == 0 || strspn(v, "0123456789") < vlen)
            return -1;
        if (strspn(v, "0") < vlen)
            r->has_body = 1;
    } else if (nlen == 17 && !strncasecmp(l, "Transfer-Encoding", 17)) {
        r->has_body = 1;
    }
    return 0;
}

long request_parse(const char *buf, size_t len, struct http_request *req)
{
    size_t hl = head_length(buf, len);
    const char *p = buf, *end, *line;
    size_t n;

    if (hl == 0)
        return 0;
    end = buf + hl;
    memset(req, 0, sizeof *req);
    /* Robustness (RFC 9112 2.2): empty lines before the request line. */
    do
        n = next_line(&p, end, &line);
    while (n == 0 && p < end);
    if (n == 0 || parse_request_line(line, n, req) < 0)
        return -1;
    /* HTTP/1.1 keeps the connection by default, 1.0 closes it. */
    req->keep_alive = req->minor >= 1;
    while ((n = next_line(&p, end, &line)) > 0)
        if (parse_header(line, n, req) < 0)
            return -1;
    return (long)hl;
}
