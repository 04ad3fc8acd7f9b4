/* sock_tcp_io.c: TCP send (tcp_write) and receive (the pbuf queue). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>

#include "lwip/tcp.h"
#include "sock.h"

static int sock_nonblock(struct sock *s, int flags)
{
    return (s->file.flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
}

/* Room for k more bytes now: lwIP's send buffer and segment queue. */
static size_t sock_tcp_room(struct tcp_pcb *pcb)
{
    if (tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN - 1)
        return 0;
    return tcp_sndbuf(pcb);
}

/* Why no more can be sent, or 0 if waiting may help. */
static long sock_tcp_send_error(struct sock *s, int flags)
{
    long r;

    if (s->state == SOCK_CONNECTING)
        return 0;
    if (s->err) {
        r = -s->err;
        s->err = 0;
    } else if (s->state != SOCK_CONNECTED || s->shut_wr || !s->pcb.tcp) {
        r = -EPIPE; /* never connected, listening, shut down or gone */
    } else {
        return 0;
    }
    if (r == -EPIPE && !(flags & MSG_NOSIGNAL))
        sig_send(SIGPIPE);
    return r;
}

long sock_tcp_send(struct sock *s, const struct iovec *iov, int n, int flags)
{
    size_t total = sock_iov_len(iov, n), done = 0, off = 0;
    int nonblock = sock_nonblock(s, flags), timed = 0, i = 0;
    uint64_t deadline = 0;
    long r = 0;

    if (total == SIZE_MAX)
        return -EINVAL;
    while (done < total) {
        if ((r = sock_tcp_send_error(s, flags)))
            break;
        struct tcp_pcb *pcb = s->pcb.tcp;
        size_t room = s->state == SOCK_CONNECTED ? sock_tcp_room(pcb) : 0;
        if (room) {
            while (off == iov[i].iov_len) {
                i++;
                off = 0;
            }
            size_t k = iov[i].iov_len - off;
            k = k < room ? k : room;
            k = k < 0xffff ? k : 0xffff;
            u8_t wf = TCP_WRITE_FLAG_COPY;
            if (done + k < total)
                wf |= TCP_WRITE_FLAG_MORE;
            err_t e =
                tcp_write(pcb, (char *)iov[i].iov_base + off, (u16_t)k, wf);
            if (e == ERR_OK) {
                done += k;
                off += k;
                continue;
            }
            if (e != ERR_MEM) {
                r = -sock_err_from_lwip(e);
                break;
            }
        }
        if (pcb && s->state == SOCK_CONNECTED)
            tcp_output(pcb);
        if (nonblock) {
            r = -EAGAIN;
            break;
        }
        if (!timed) {
            deadline = sock_deadline(s->opt.sndtimeo_ns);
            timed = 1;
        }
        net_update();
        if ((r = sock_wait(s, deadline)))
            break;
    }
    if (done && s->pcb.tcp)
        tcp_output(s->pcb.tcp);
    net_update();
    return done ? (long)done : r;
}

/* Give back fully read pbufs; tell lwIP the window may open by n. */
static void sock_tcp_consume(struct sock *s, size_t n)
{
    s->rx_len -= n;
    s->rx_off += n;
    while (s->rx && s->rx_off >= s->rx->len) {
        struct pbuf *q = s->rx;
        s->rx_off -= q->len;
        s->rx = q->next;
        q->next = NULL;
        pbuf_free(q);
    }
    if (!s->rx)
        s->rx_last = NULL;
    while (s->pcb.tcp && n) {
        u16_t k = n < 0xffff ? (u16_t)n : 0xffff;
        tcp_recved(s->pcb.tcp, k);
        n -= k;
    }
}

/* Copy up to len queued bytes into the iovecs at pos. */
static size_t sock_tcp_copy(struct sock *s, const struct iovec *iov, int n,
                            size_t pos, size_t len, int peek)
{
    size_t got = 0, skip = s->rx_off;

    for (struct pbuf *q = s->rx; q && got < len; q = q->next) {
        if (skip >= q->len) {
            skip -= q->len;
            continue;
        }
        size_t k = q->len - skip;
        k = k < len - got ? k : len - got;
        sock_iov_put(iov, n, pos + got, (char *)q->payload + skip, k);
        got += k;
        skip = 0;
    }
    if (!peek)
        sock_tcp_consume(s, got);
    return got;
}

long sock_tcp_recv(struct sock *s, const struct iovec *iov, int n, int flags)
{
    size_t want = sock_iov_len(iov, n), got = 0;
    int peek = flags & MSG_PEEK, nonblock = sock_nonblock(s, flags);
    int waitall = (flags & MSG_WAITALL) && !peek, timed = 0;
    uint64_t deadline = 0;
    long r = 0;

    if (want == SIZE_MAX)
        return -EINVAL;
    if (s->state == SOCK_NEW || s->state == SOCK_LISTENING)
        return -ENOTCONN;
    for (;;) {
        if (s->rx_len && got < want)
            got += sock_tcp_copy(s, iov, n, got, want - got, peek);
        if (got == want || (got && !waitall))
            break;
        if (s->rd_eof || s->shut_rd)
            break;
        if (s->err) {
            if (!got) {
                r = -s->err;
                s->err = 0;
            }
            break;
        }
        if (s->state == SOCK_CLOSED)
            break;
        if (nonblock) {
            r = -EAGAIN;
            break;
        }
        if (!timed) {
            deadline = sock_deadline(s->opt.rcvtimeo_ns);
            timed = 1;
        }
        net_update();
        if ((r = sock_wait(s, deadline)))
            break;
    }
    net_update();
    return got ? (long)got : r;
}

void sock_tcp_rx_drop(struct sock *s)
{
    if (s->rx_len)
        sock_tcp_consume(s, s->rx_len);
    if (s->rx) /* empty pbufs left over */
        pbuf_free(s->rx);
    s->rx = s->rx_last = NULL;
    s->rx_off = s->rx_len = 0;
}
