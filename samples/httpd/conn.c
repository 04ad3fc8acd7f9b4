/* conn.c: one client connection: read requests, send responses, keep-alive. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "httpd.h"

void conn_init(struct conn *c, int fd, long long now_ms)
{
    c->fd = fd;
    c->state = CONN_READING;
    c->last_ms = now_ms;
    c->in_len = 0;
    c->out_len = c->out_off = 0;
    c->file_fd = -1;
    c->file_left = 0;
    c->close_after = 0;
    c->status = 0;
    c->peer_eof = 0;
}

void conn_close(struct conn *c)
{
    if (c->file_fd >= 0)
        close(c->file_fd);
    if (c->fd >= 0)
        close(c->fd);
    c->file_fd = c->fd = -1;
    c->state = CONN_CLOSED;
}

int conn_expired(const struct conn *c, long long now_ms)
{
    long long limit = c->state == CONN_LINGERING ? HTTPD_LINGER_MS
                                                 : HTTPD_IDLE_MS;
    return now_ms - c->last_ms > limit;
}

/* Reads what the socket has into the request buffer. Returns -1 on an
 * error, 0 otherwise; end of file sets peer_eof. */
static int fill(struct conn *c)
{
    while (c->in_len < sizeof c->in) {
        ssize_t n = read(c->fd, c->in + c->in_len, sizeof c->in - c->in_len);
        if (n > 0) {
            c->in_len += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        if (n == 0) {
            c->peer_eof = 1;
            return 0;
        }
        return -1;
    }
    return 0;
}

/* Discards incoming bytes of a lingering connection; -1 once it ends. */
static int drain(struct conn *c)
{
    char sink[512];
    ssize_t n;

    while ((n = read(c->fd, sink, sizeof sink)) > 0)
        ;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return 0;
    return -1;
}

/* Starts the response to the head at the front of the buffer, if there is
 * a complete one. Returns 1 when a response was started. */
static int start_response(struct conn *c, const struct httpd_config *cfg)
{
    struct http_request req;
    long used = request_parse(c->in, c->in_len, &req);

    if (used == 0 && c->in_len < sizeof c->in)
        return 0;
    if (used <= 0) {
        /* Malformed, or a head larger than the buffer: answer, then close
         * (where the next request starts is unknown). */
        c->close_after = 1;
        response_error(c, used == 0 ? 431 : 400, 0);
        c->in_len = 0;
    } else {
        response_for(c, &req, cfg);
        memmove(c->in, c->in + used, c->in_len - used);
        c->in_len -= used;
    }
    c->state = CONN_WRITING;
    return 1;
}

/* Our side is done: shut down writing and wait for the peer to close. */
static void linger(struct conn *c)
{
    shutdown(c->fd, SHUT_WR);
    c->state = CONN_LINGERING;
}

short conn_step(struct conn *c, short revents, const struct httpd_config *cfg,
                long long now_ms)
{
    if (revents & (POLLERR | POLLNVAL)) {
        conn_close(c);
        return 0;
    }
    if (revents)
        c->last_ms = now_ms;
    if (c->state == CONN_LINGERING) {
        if (drain(c) < 0)
            conn_close(c);
        return c->state == CONN_CLOSED ? 0 : POLLIN;
    }
    if (c->state == CONN_READING && (revents & (POLLIN | POLLHUP)) &&
        fill(c) < 0) {
        conn_close(c);
        return 0;
    }
    /* Responses in order, including requests that came pipelined and
     * requests sent just before the peer shut its side down. */
    for (;;) {
        if (c->state == CONN_READING && !start_response(c, cfg)) {
            if (!c->peer_eof)
                return POLLIN;
            conn_close(c);
            return 0;
        }
        int sent = response_send(c);
        if (sent < 0) {
            conn_close(c);
            return 0;
        }
        if (sent == 0)
            return POLLOUT;
        if (c->close_after) {
            linger(c);
            return POLLIN;
        }
        c->state = CONN_READING;
    }
}
