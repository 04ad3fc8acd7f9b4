/* sock.h: sockets over lwIP's raw TCP and UDP API, as files. */
#ifndef UK_SOCK_H
#define UK_SOCK_H

#include <sys/socket.h>
#include <sys/uio.h>

#include "lwip/ip_addr.h"
#include "lwip/pbuf.h"
#include "net.h"

enum sock_state {
    SOCK_NEW, /* TCP: not connected nor listening (maybe bound) */
    SOCK_LISTENING,
    SOCK_CONNECTING,
    SOCK_CONNECTED, /* TCP; UDP always stays SOCK_NEW or this */
    SOCK_CLOSED,    /* TCP: the connection is gone (pcb NULL) */
};

/* A received datagram and where it came from. */
struct sock_dgram {
    struct sock_dgram *next;
    struct pbuf *p;
    ip_addr_t addr;
    uint16_t port;
};

/* Socket options as set (setsockopt stores them here, then
 * sock_opt_apply pushes what lwIP knows about into the pcb). */
struct sock_opts {
    uint64_t rcvtimeo_ns, sndtimeo_ns; /* 0: block forever */
    int rcvbuf, sndbuf;                /* as getsockopt reports them */
    int linger_on, linger_s;
    int reuse, keepalive, broadcast;
    int nodelay, keepidle_s, keepintvl_s, keepcnt;
    int tos, ttl;
};

/*
 * A socket. Its state changes both in syscalls (the program's threads) and
 * in lwIP callbacks (the network thread, or a syscall's own lwIP call), all
 * with interrupts off; every change that may make it readable, writable or
 * failed calls poll_wake(&s->wq), where blocked readers, writers, accept,
 * connect and poll/select/epoll wait. Allocated from lwIP's heap: accepted
 * connections are created in the network thread.
 */
struct sock {
    struct file file; /* priv points back here */
    int type;         /* SOCK_STREAM or SOCK_DGRAM */
    enum sock_state state;
    union {
        struct tcp_pcb *tcp;
        struct udp_pcb *udp;
    } pcb; /* NULL once lwIP has freed it */
    struct waitq wq;
    int err;              /* pending error for SO_ERROR (positive errno) */
    int rd_eof;           /* TCP: the peer sent FIN */
    int shut_rd, shut_wr; /* shutdown(2) */
    /* TCP: received pbufs, one by one linked through ->next; rx_off bytes
     * of the first are already read. */
    struct pbuf *rx, *rx_last;
    size_t rx_off, rx_len;
    /* UDP: received datagrams */
    struct sock_dgram *dq, *dq_last;
    size_t dq_bytes;
    /* Listening: connections not yet accepted, oldest first */
    struct sock *aq, *aq_last, *aq_next;
    int aq_len, backlog;
    struct sock_opts opt;
};

#define SOCK_RCVBUF_DEFAULT (256 * 1024)
#define SOCK_SNDBUF_DEFAULT (128 * 1024)

/* sock_file.c: allocation, the file operations, lookups */
struct sock *sock_new(int type, int flags); /* NULL: no memory */
void sock_free(struct sock *s);
struct sock *sock_get(long fd, long *err); /* a reference, or NULL */
void sock_put(struct sock *s);
void sock_wake(struct sock *s);
/* Sleep on s->wq until woken or the deadline (0: none): 0, -EAGAIN when
 * the timeout passed, -EINTR. */
long sock_wait(struct sock *s, uint64_t deadline);
uint64_t sock_deadline(uint64_t timeo_ns);
long sock_install(struct sock *s, int flags); /* fd, or -errno (frees s) */

/* sock_addr.c: struct sockaddr_in <-> lwIP addresses */
long sock_addr_from(const void *sa, long len, ip_addr_t *ip, uint16_t *port);
long sock_addr_to(const ip_addr_t *ip, uint16_t port, void *sa, long salen);
int sock_err_from_lwip(int err); /* err_t -> positive errno */
int sock_addr_is_local(const ip_addr_t *ip);

/* sock_tcp.c: TCP over the raw API: callbacks, connect, close, poll */
struct tcp_pcb;
void sock_tcp_attach(struct sock *s, struct tcp_pcb *pcb); /* callbacks */
void sock_tcp_detach(struct sock *s); /* pcb non-NULL; lwIP keeps it */
long sock_tcp_open(struct sock *s);
long sock_tcp_bind(struct sock *s, const ip_addr_t *ip, uint16_t port);
long sock_tcp_connect(struct sock *s, const ip_addr_t *ip, uint16_t port);
long sock_tcp_shutdown(struct sock *s, int rd, int wr);
void sock_tcp_close(struct sock *s);
short sock_tcp_poll(struct sock *s);

/* sock_tcp_io.c: send and receive */
long sock_tcp_send(struct sock *s, const struct iovec *iov, int n, int flags);
long sock_tcp_recv(struct sock *s, const struct iovec *iov, int n, int flags);
void sock_tcp_rx_drop(struct sock *s); /* free what was not read */

/* sock_tcp_listen.c: listen, the accept queue */
long sock_tcp_listen(struct sock *s, int backlog);
long sock_tcp_accept(struct sock *s, struct sock **out); /* dequeued */
void sock_tcp_listen_close(struct sock *s);

/* sock_udp.c: UDP over the raw API */
long sock_udp_open(struct sock *s);
long sock_udp_bind(struct sock *s, const ip_addr_t *ip, uint16_t port);
long sock_udp_connect(struct sock *s, const ip_addr_t *ip, uint16_t port);
long sock_udp_send(struct sock *s, const struct iovec *iov, int n, int flags,
                   const ip_addr_t *ip, uint16_t port);
long sock_udp_recv(struct sock *s, const struct iovec *iov, int n, int flags,
                   ip_addr_t *ip, uint16_t *port, int *trunc);
void sock_udp_close(struct sock *s);
short sock_udp_poll(struct sock *s);

/* sock_opt.c: options into the pcb; accepted sockets inherit them */
void sock_opt_init(struct sock *s);
void sock_opt_apply(struct sock *s);

/* sock_io.c: send and receive for both types (the syscalls' common part) */
long sock_sendv(struct sock *s, const struct iovec *iov, int n, int flags,
                const void *to, long tolen);
long sock_recvv(struct sock *s, const struct iovec *iov, int n, int flags,
                void *from, unsigned *fromlen, int *msg_flags);

/* sock_name.c: local or remote address of a socket */
long sock_name(long fd, long addr, long lenp, int peer);

/* sock_accept.c: accept and accept4 */
long sock_accept(long fd, long addr, long lenp, long flags);

/* sock_iov.c: copy between an iovec array and linear data */
long sock_iov_check(const struct iovec *iov, int n); /* 0 or -errno */
size_t sock_iov_len(const struct iovec *iov, int n); /* SIZE_MAX: too big */
/* Copy len bytes into (put) or out of (get) the iovec data at byte pos. */
void sock_iov_put(const struct iovec *iov, int n, size_t pos, const void *src,
                  size_t len);
void sock_iov_get(const struct iovec *iov, int n, size_t pos, void *dst,
                  size_t len);

#endif
