/* response.c: answer a request: status, headers, body from memory or file. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"

static const char *status_text(int status)
{
    switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    default: return "Unknown";
    }
}

/* Appends to the response buffer; the head always fits (a few hundred
 * bytes: the longest field is a path under HTTPD_PATH_MAX). */
static void out_printf(struct conn *c, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(c->out + c->out_len, sizeof c->out - c->out_len, fmt, ap);
    va_end(ap);
    if (n > 0)
        c->out_len += (size_t)n < sizeof c->out - c->out_len
                          ? (size_t)n
                          : sizeof c->out - c->out_len - 1;
}

/* Status line and the headers every response has. */
static void head_start(struct conn *c, int status, const char *type,
                       long long length)
{
    char date[64];
    time_t now = time(NULL);
    struct tm tm;

    c->status = status;
    c->out_len = c->out_off = 0;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    out_printf(c, "HTTP/1.1 %d %s\r\nServer: ukcc-httpd\r\nDate: %s\r\n"
                  "Content-Type: %s\r\nContent-Length: %lld\r\n"
                  "Connection: %s\r\n",
               status, status_text(status), date, type, length,
               c->close_after ? "close" : "keep-alive");
}

static void body_memory(struct conn *c, const char *body, size_t len)
{
    if (len < sizeof c->out - c->out_len) {
        memcpy(c->out + c->out_len, body, len);
        c->out_len += len;
    }
}

void response_error(struct conn *c, int status, int head_only)
{
    char body[128];
    int n = snprintf(body, sizeof body, "%d %s\n", status,
                     status_text(status));

    head_start(c, status, "text/plain; charset=utf-8", n);
    if (status == 405)
        out_printf(c, "Allow: GET, HEAD\r\n");
    out_printf(c, "\r\n");
    if (!head_only)
        body_memory(c, body, n);
}

static void redirect_dir(struct conn *c, const struct http_request *req)
{
    head_start(c, 301, "text/plain; charset=utf-8", 0);
    out_printf(c, "Location: %s/\r\n\r\n", req->path);
}

static int status_from_errno(int err)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
    case ENAMETOOLONG:
        return 404;
    case EACCES:
    case EPERM:
        return 403;
    default:
        return 500;
    }
}

/* The file under the root that req->path names; a directory's file is
 * its index.html. Sets c->file_fd and c->file_left, or answers itself. */
static void respond_file(struct conn *c, const struct http_request *req,
                         const char *root)
{
    char full[2 * HTTPD_PATH_MAX + 16];
    size_t plen = strlen(req->path);
    int head_only = req->method == HTTP_HEAD;
    struct stat st;
    int fd;

    snprintf(full, sizeof full, "%s%s%s", root, req->path,
             req->path[plen - 1] == '/' ? "index.html" : "");
    fd = open(full, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        response_error(c, status_from_errno(errno), head_only);
        return;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        int dir = S_ISDIR(st.st_mode);
        close(fd);
        if (dir)
            redirect_dir(c, req);
        else
            response_error(c, 404, head_only);
        return;
    }
    head_start(c, 200, mime_type(full), (long long)st.st_size);
    out_printf(c, "\r\n");
    if (head_only || st.st_size == 0) {
        close(fd);
        return;
    }
    c->file_fd = fd;
    c->file_left = st.st_size;
}

void response_for(struct conn *c, const struct http_request *req,
                  const struct httpd_config *cfg)
{
    int head_only = req->method == HTTP_HEAD;

    /* A request body is never read: the connection cannot be reused. */
    c->close_after = !req->keep_alive || req->has_body;
    if (req->method == HTTP_OTHER) {
        c->close_after = 1;
        response_error(c, 405, 0);
    } else if (cfg->root) {
        respond_file(c, req, cfg->root);
    } else if (!strcmp(req->path, "/") || !strcmp(req->path, "/index.html")) {
        head_start(c, 200, "text/html; charset=utf-8", page_builtin_len);
        out_printf(c, "\r\n");
        if (!head_only)
            body_memory(c, page_builtin, page_builtin_len);
    } else {
        response_error(c, 404, head_only);
    }
    if (cfg->verbose)
        printf("%s %s %d\n",
               req->method == HTTP_GET    ? "GET"
               : req->method == HTTP_HEAD ? "HEAD"
                                          : "-",
               req->path, c->status);
}

/* Tops the buffer up with file bytes, so that the head and the start of
 * the body leave in one write (one segment for small files: no wait on
 * Nagle and delayed ACKs between them). */
static int top_up(struct conn *c)
{
    size_t room = sizeof c->out - c->out_len;
    size_t want = c->file_left < (off_t)room ? (size_t)c->file_left : room;
    ssize_t n;

    do
        n = read(c->file_fd, c->out + c->out_len, want);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return -1; /* the file shrank: Content-Length cannot hold */
    c->out_len += n;
    c->file_left -= n;
    return 0;
}

int response_send(struct conn *c)
{
    for (;;) {
        if (c->out_off == c->out_len)
            c->out_off = c->out_len = 0;
        if (c->out_off == 0 && c->out_len < sizeof c->out &&
            c->file_fd >= 0 && c->file_left > 0 && top_up(c) < 0)
            return -1;
        if (c->out_off < c->out_len) {
            ssize_t n = write(c->fd, c->out + c->out_off,
                              c->out_len - c->out_off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
            c->out_off += n;
            continue;
        }
        break;
    }
    if (c->file_fd >= 0) {
        close(c->file_fd);
        c->file_fd = -1;
    }
    return 1;
}
