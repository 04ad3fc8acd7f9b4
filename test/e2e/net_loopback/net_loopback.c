/* net_loopback.c: sockets on 127.0.0.1, no NIC: TCP, UDP, epoll, errors. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c)) {                                                            \
            printf("FAIL line %d: %s (errno %s)\n", __LINE__, #c,              \
                   strerror(errno));                                           \
            exit(1);                                                           \
        }                                                                      \
    } while (0)

static struct sockaddr_in loop_addr(int port)
{
    struct sockaddr_in a = {.sin_family = AF_INET};

    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

/* A listening socket on 127.0.0.1, port chosen by the stack. */
static int listener(int *port)
{
    struct sockaddr_in a = loop_addr(0);
    socklen_t len = sizeof a;
    int s = socket(AF_INET, SOCK_STREAM, 0);

    CHECK(s >= 0);
    CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(listen(s, 8) == 0);
    CHECK(getsockname(s, (struct sockaddr *)&a, &len) == 0);
    *port = ntohs(a.sin_port);
    return s;
}

/* Blocking TCP: a server thread echoes 1 MiB back, byte-exact. */
#define BULK (1024 * 1024)
static int srv_fd;

static void *echo_server(void *arg)
{
    char buf[8192];
    long n, total = 0;
    int c = accept(srv_fd, NULL, NULL);

    CHECK(c >= 0);
    while ((n = read(c, buf, sizeof buf)) > 0) {
        CHECK(write(c, buf, n) == n);
        total += n;
    }
    CHECK(n == 0);
    close(c);
    return (void *)total;
}

static void *bulk_writer(void *arg)
{
    int c = *(int *)arg;
    char *data = malloc(BULK);

    for (long i = 0; i < BULK; i++)
        data[i] = (char)(i * 7 + i / 4096);
    for (long off = 0; off < BULK;) {
        long n = write(c, data + off, BULK - off < 10000 ? BULK - off : 10000);
        CHECK(n > 0);
        off += n;
    }
    CHECK(shutdown(c, SHUT_WR) == 0);
    free(data);
    return NULL;
}

static int test_tcp(void)
{
    pthread_t srv, wr;
    int port, c;
    void *served;
    char *back = malloc(BULK);
    long got = 0, n, bad = 0;

    srv_fd = listener(&port);
    CHECK(pthread_create(&srv, NULL, echo_server, NULL) == 0);
    c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = loop_addr(port);
    CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(pthread_create(&wr, NULL, bulk_writer, &c) == 0);
    while ((n = read(c, back + got, BULK - got)) > 0)
        got += n;
    CHECK(n == 0);
    pthread_join(wr, NULL);
    pthread_join(srv, &served);
    for (long i = 0; i < got; i++)
        bad += back[i] != (char)(i * 7 + i / 4096);
    printf("tcp: sent %d, server echoed %ld, read back %ld, mismatches %ld\n",
           BULK, (long)served, got, bad);
    close(c);
    close(srv_fd);
    return 0;
}

/* Non-blocking connect, poll for writability, SO_ERROR, MSG_PEEK. */
static int test_nbconnect(void)
{
    int port, l = listener(&port), err = -1, s, c;
    socklen_t len = sizeof err;
    struct sockaddr_in a = loop_addr(port);
    char buf[16];

    c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK(c >= 0);
    int r = connect(c, (struct sockaddr *)&a, sizeof a);
    printf("nbconnect: connect returned %d (%s)\n", r,
           r < 0 ? strerror(errno) : "ok");
    struct pollfd p = {c, POLLOUT, 0};
    CHECK(poll(&p, 1, 5000) == 1);
    printf("nbconnect: poll revents POLLOUT=%d POLLERR=%d\n",
           !!(p.revents & POLLOUT), !!(p.revents & POLLERR));
    CHECK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len) == 0);
    printf("nbconnect: SO_ERROR %d\n", err);
    s = accept(l, NULL, NULL);
    CHECK(s >= 0);
    r = read(c, buf, sizeof buf);
    printf("nbconnect: read with nothing sent: %d (%s)\n", r,
           r < 0 ? strerror(errno) : "data");
    CHECK(write(s, "hello", 5) == 5);
    p = (struct pollfd){c, POLLIN, 0};
    CHECK(poll(&p, 1, 5000) == 1);
    int avail = -1;
    CHECK(ioctl(c, FIONREAD, &avail) == 0);
    r = recv(c, buf, sizeof buf, MSG_PEEK);
    printf("nbconnect: FIONREAD %d, peek %d '%.*s'\n", avail, r, r, buf);
    r = recv(c, buf, sizeof buf, 0);
    printf("nbconnect: recv %d '%.*s'\n", r, r, buf);
    close(s);
    p = (struct pollfd){c, POLLIN, 0};
    CHECK(poll(&p, 1, 5000) == 1);
    r = read(c, buf, sizeof buf);
    printf("nbconnect: after peer close: read %d\n", r);
    close(c);
    /* the same to a port nobody listens on: the error comes through poll
     * and SO_ERROR, once */
    a = loop_addr(port);
    close(l);
    c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    r = connect(c, (struct sockaddr *)&a, sizeof a);
    printf("nbconnect: refused: connect returned %d (%s)\n", r,
           r < 0 ? strerror(errno) : "ok");
    p = (struct pollfd){c, POLLOUT, 0};
    CHECK(poll(&p, 1, 5000) == 1);
    printf("nbconnect: refused: POLLOUT=%d POLLERR=%d\n",
           !!(p.revents & POLLOUT), !!(p.revents & POLLERR));
    len = sizeof err;
    CHECK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len) == 0);
    printf("nbconnect: refused: SO_ERROR %s\n", strerror(err));
    CHECK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len) == 0);
    printf("nbconnect: refused: SO_ERROR again %d\n", err);
    close(c);
    return 0;
}

/* epoll: a listener and its connections, level-triggered. */
static int test_epoll(void)
{
    int port, l = listener(&port), ep = epoll_create1(0), clients[3];
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = l}, out[8];
    int accepted = 0, echoed = 0;

    CHECK(ep >= 0);
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev) == 0);
    for (int i = 0; i < 3; i++) {
        struct sockaddr_in a = loop_addr(port);
        clients[i] = socket(AF_INET, SOCK_STREAM, 0);
        CHECK(connect(clients[i], (struct sockaddr *)&a, sizeof a) == 0);
        char msg[8];
        snprintf(msg, sizeof msg, "msg%d", i);
        CHECK(write(clients[i], msg, 4) == 4);
    }
    while (echoed < 3) {
        int n = epoll_wait(ep, out, 8, 5000);
        CHECK(n > 0);
        for (int i = 0; i < n; i++) {
            int fd = out[i].data.fd;
            if (fd == l) {
                int c = accept4(l, NULL, NULL, SOCK_NONBLOCK);
                CHECK(c >= 0);
                ev = (struct epoll_event){.events = EPOLLIN, .data.fd = c};
                CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) == 0);
                accepted++;
                continue;
            }
            char buf[16];
            int r = read(fd, buf, sizeof buf);
            if (r > 0) {
                CHECK(write(fd, buf, r) == r);
                echoed++;
            }
        }
    }
    for (int i = 0; i < 3; i++) {
        char buf[8] = {0};
        CHECK(read(clients[i], buf, 4) == 4);
        printf("epoll: client %d got '%s'\n", i, buf);
        close(clients[i]);
    }
    printf("epoll: accepted %d, echoed %d\n", accepted, echoed);
    close(ep);
    close(l);
    return 0;
}

/* UDP: sendto/recvfrom between two sockets, sender address, truncation. */
static int test_udp(void)
{
    int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in aa = loop_addr(0), ba = loop_addr(0), from;
    socklen_t len = sizeof aa;
    char buf[64];

    CHECK(a >= 0 && b >= 0);
    CHECK(bind(a, (struct sockaddr *)&aa, sizeof aa) == 0);
    CHECK(getsockname(a, (struct sockaddr *)&aa, &len) == 0);
    CHECK(bind(b, (struct sockaddr *)&ba, sizeof ba) == 0);
    len = sizeof ba;
    CHECK(getsockname(b, (struct sockaddr *)&ba, &len) == 0);
    CHECK(sendto(b, "ping", 4, 0, (struct sockaddr *)&aa, sizeof aa) == 4);
    len = sizeof from;
    int r = recvfrom(a, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
    printf("udp: got %d '%.*s' from 127.0.0.1 %s, sender port matches %d\n", r,
           r, buf,
           from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "yes" : "no",
           from.sin_port == ba.sin_port);
    CHECK(sendto(a, "pong-long-datagram", 18, 0, (struct sockaddr *)&from,
                 len) == 18);
    struct iovec iov = {buf, 4};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    r = recvmsg(b, &m, 0);
    printf("udp: recvmsg %d '%.*s' truncated %d\n", r, r, buf,
           !!(m.msg_flags & MSG_TRUNC));
    r = recv(b, buf, sizeof buf, MSG_DONTWAIT);
    printf("udp: nothing left: %d (%s)\n", r, strerror(errno));
    struct iovec parts[2] = {{"one-", 4}, {"datagram", 8}};
    m = (struct msghdr){.msg_name = &aa,
                        .msg_namelen = sizeof aa,
                        .msg_iov = parts,
                        .msg_iovlen = 2};
    CHECK(sendmsg(b, &m, 0) == 12);
    r = recv(a, buf, sizeof buf, 0);
    printf("udp: sendmsg of two pieces: one datagram %d '%.*s'\n", r, r, buf);
    CHECK(connect(b, (struct sockaddr *)&aa, sizeof aa) == 0);
    CHECK(send(b, "conn", 4, 0) == 4);
    r = recv(a, buf, sizeof buf, 0);
    printf("udp: connected send: %d '%.*s'\n", r, r, buf);
    close(a);
    close(b);
    return 0;
}

/* Errors: accept on a socket that does not listen, connect to a closed
 * port, operations on unconnected sockets, bad arguments. */
static int test_errors(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), port;
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int r;

    r = accept(s, NULL, NULL);
    printf("errors: accept on a fresh socket: %d %s\n", r, strerror(errno));
    /* a port nobody listens on: bind one, note it, close it */
    int l = listener(&port);
    close(l);
    a = loop_addr(port);
    r = connect(s, (struct sockaddr *)&a, sizeof a);
    printf("errors: connect to a closed port: %d %s\n", r, strerror(errno));
    close(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    r = getpeername(s, (struct sockaddr *)&a, &len);
    printf("errors: getpeername unconnected: %d %s\n", r, strerror(errno));
    r = send(s, "x", 1, MSG_NOSIGNAL);
    printf("errors: send unconnected: %d %s\n", r, strerror(errno));
    r = socket(AF_INET6, SOCK_STREAM, 0);
    printf("errors: AF_INET6: %d %s\n", r, strerror(errno));
    r = socket(AF_INET, SOCK_RAW, 0);
    printf("errors: SOCK_RAW: %d %s\n", r, strerror(errno));
    a = loop_addr(0);
    a.sin_addr.s_addr = inet_addr("10.9.8.7");
    r = bind(s, (struct sockaddr *)&a, sizeof a);
    printf("errors: bind to a foreign address: %d %s\n", r, strerror(errno));
    r = listen(0, 1);
    printf("errors: listen on stdin: %d %s\n", r, strerror(errno));
    r = bind(s, (struct sockaddr *)&a, 2);
    printf("errors: short address: %d %s\n", r, strerror(errno));
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    a = loop_addr(9);
    r = sendto(u, NULL, 5, 0, (struct sockaddr *)&a, sizeof a);
    printf("errors: sendto from NULL: %d %s\n", r, strerror(errno));
    close(u);
    int sv[2];
    r = socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    printf("errors: socketpair AF_UNIX: %d %s\n", r, strerror(errno));
    close(s);
    return 0;
}

/* Addresses of both ends of a connection. */
static int test_names(void)
{
    int port, l = listener(&port), c = socket(AF_INET, SOCK_STREAM, 0), s;
    struct sockaddr_in a = loop_addr(port), cl, cp, sl, sp;
    socklen_t len;

    CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    len = sizeof sp;
    s = accept(l, (struct sockaddr *)&sp, &len);
    CHECK(s >= 0 && len == sizeof sp);
    len = sizeof cl;
    CHECK(getsockname(c, (struct sockaddr *)&cl, &len) == 0);
    len = sizeof cp;
    CHECK(getpeername(c, (struct sockaddr *)&cp, &len) == 0);
    len = sizeof sl;
    CHECK(getsockname(s, (struct sockaddr *)&sl, &len) == 0);
    printf("names: client local %s, ephemeral %d\n", inet_ntoa(cl.sin_addr),
           ntohs(cl.sin_port) >= 1024);
    printf("names: client peer port is the listener's: %d\n",
           ntohs(cp.sin_port) == port);
    printf("names: accept's peer is the client: %d\n",
           sp.sin_port == cl.sin_port &&
               sp.sin_addr.s_addr == cl.sin_addr.s_addr);
    printf("names: server local port is the listener's: %d\n",
           ntohs(sl.sin_port) == port);
    close(s);
    close(c);
    close(l);
    return 0;
}

static int get_int(int s, int level, int name)
{
    int v = -1;
    socklen_t len = sizeof v;

    CHECK(getsockopt(s, level, name, &v, &len) == 0 && len == sizeof v);
    return v;
}

/* setsockopt/getsockopt round trips. */
static int test_opts(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1, big = 65536;
    struct timeval tv = {1, 500000}, tv2;
    struct linger lg = {1, 0}, lg2;
    socklen_t len;

    printf("opts: SO_TYPE stream %d\n",
           get_int(s, SOL_SOCKET, SO_TYPE) == SOCK_STREAM);
    printf("opts: SO_REUSEADDR before %d",
           get_int(s, SOL_SOCKET, SO_REUSEADDR));
    CHECK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
    printf(" after %d\n", get_int(s, SOL_SOCKET, SO_REUSEADDR) != 0);
    CHECK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
    printf("opts: TCP_NODELAY %d\n", get_int(s, IPPROTO_TCP, TCP_NODELAY) != 0);
    CHECK(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one) == 0);
    printf("opts: SO_KEEPALIVE %d\n",
           get_int(s, SOL_SOCKET, SO_KEEPALIVE) != 0);
    CHECK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &big, sizeof big) == 0);
    printf("opts: SO_RCVBUF at least asked %d\n",
           get_int(s, SOL_SOCKET, SO_RCVBUF) >= big);
    CHECK(setsockopt(s, SOL_SOCKET, SO_SNDBUF, &big, sizeof big) == 0);
    printf("opts: SO_SNDBUF at least asked %d\n",
           get_int(s, SOL_SOCKET, SO_SNDBUF) >= big);
    CHECK(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0);
    len = sizeof tv2;
    CHECK(getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv2, &len) == 0);
    printf("opts: SO_RCVTIMEO %ld.%06ld\n", (long)tv2.tv_sec,
           (long)tv2.tv_usec);
    CHECK(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == 0);
    len = sizeof lg2;
    CHECK(getsockopt(s, SOL_SOCKET, SO_LINGER, &lg2, &len) == 0);
    printf("opts: SO_LINGER %d %d\n", lg2.l_onoff, lg2.l_linger);
    printf("opts: SO_ERROR %d\n", get_int(s, SOL_SOCKET, SO_ERROR));
    int r = setsockopt(s, SOL_SOCKET, 12345, &one, sizeof one);
    printf("opts: unknown option: %d %s\n", r, strerror(errno));

    /* SO_RCVTIMEO takes effect: a read on a quiet connection times out */
    int port, l = listener(&port), c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = loop_addr(port);
    tv = (struct timeval){0, 200000};
    CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0);
    struct timeval t0, t1;
    char buf[4];
    gettimeofday(&t0, NULL);
    r = read(c, buf, sizeof buf);
    gettimeofday(&t1, NULL);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_usec - t0.tv_usec) / 1000;
    printf("opts: read timed out: %d %s, waited >= 200 ms %d\n", r,
           strerror(errno), ms >= 190);
    /* ioctl FIONBIO, then fcntl O_NONBLOCK */
    CHECK(ioctl(c, FIONBIO, &one) == 0);
    r = read(c, buf, sizeof buf);
    printf("opts: FIONBIO read: %d %s\n", r, strerror(errno));
    int zero = 0;
    CHECK(ioctl(c, FIONBIO, &zero) == 0);
    printf("opts: FIONBIO off: O_NONBLOCK %d\n",
           !!(fcntl(c, F_GETFL) & O_NONBLOCK));
    CHECK(fcntl(c, F_SETFL, fcntl(c, F_GETFL) | O_NONBLOCK) == 0);
    r = read(c, buf, sizeof buf);
    printf("opts: O_NONBLOCK read: %d %s\n", r, strerror(errno));
    close(c);
    close(l);
    close(s);
    return 0;
}

/* A reset from the peer: ECONNRESET on read, then EPIPE on write (with
 * SIGPIPE ignored); a non-blocking listener with nothing pending. */
static int test_reset(void)
{
    int port, l = listener(&port), c = socket(AF_INET, SOCK_STREAM, 0), s;
    struct sockaddr_in a = loop_addr(port);
    struct linger lg = {1, 0};
    char buf[8];
    int r;

    signal(SIGPIPE, SIG_IGN);
    CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    s = accept(l, NULL, NULL);
    CHECK(s >= 0);
    CHECK(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == 0);
    close(s);
    r = read(c, buf, sizeof buf);
    printf("reset: read: %d %s\n", r, strerror(errno));
    r = write(c, "x", 1);
    printf("reset: write: %d %s\n", r, strerror(errno));
    CHECK(fcntl(l, F_SETFL, O_NONBLOCK) == 0);
    r = accept(l, NULL, NULL);
    printf("reset: accept with nothing pending: %d %s\n", r, strerror(errno));
    close(c);
    close(l);
    return 0;
}

/* Names from /etc/hosts and numeric addresses through getaddrinfo, then
 * used to connect. */
static int test_resolve(void)
{
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res;
    int port, l = listener(&port), c, s;
    char service[8];

    snprintf(service, sizeof service, "%d", port);
    CHECK(getaddrinfo("localhost", service, &hints, &res) == 0);
    struct sockaddr_in *a = (struct sockaddr_in *)res->ai_addr;
    printf("resolve: localhost is %s\n", inet_ntoa(a->sin_addr));
    c = socket(res->ai_family, res->ai_socktype, 0);
    CHECK(connect(c, res->ai_addr, res->ai_addrlen) == 0);
    freeaddrinfo(res);
    s = accept(l, NULL, NULL);
    CHECK(s >= 0);
    printf("resolve: connected to localhost:port\n");
    close(s);
    close(c);
    CHECK(getaddrinfo("127.0.0.1", "80", &hints, &res) == 0);
    a = (struct sockaddr_in *)res->ai_addr;
    printf("resolve: numeric %s port %d\n", inet_ntoa(a->sin_addr),
           ntohs(a->sin_port));
    freeaddrinfo(res);
    close(l);
    return 0;
}

/* Many short connections one after another: each accepted, one byte
 * each way, closed by both; the stack keeps working (no leak of sockets,
 * ports or buffers along the way). */
#define CHURN 300
static void *churn_server(void *arg)
{
    int l = *(int *)arg, served = 0;

    for (int i = 0; i < CHURN; i++) {
        char b;
        int c = accept(l, NULL, NULL);
        CHECK(c >= 0);
        if (read(c, &b, 1) == 1 && write(c, &b, 1) == 1)
            served++;
        close(c);
    }
    return (void *)(long)served;
}

static int test_churn(void)
{
    int port, l = listener(&port), ok = 0;
    struct sockaddr_in a = loop_addr(port);
    pthread_t t;
    void *served;

    CHECK(pthread_create(&t, NULL, churn_server, &l) == 0);
    for (int i = 0; i < CHURN; i++) {
        int c = socket(AF_INET, SOCK_STREAM, 0);
        char b = (char)i, back = 0;
        CHECK(c >= 0);
        CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
        if (write(c, &b, 1) == 1 && read(c, &back, 1) == 1 && back == b)
            ok++;
        close(c);
    }
    pthread_join(t, &served);
    printf(
        "churn: %d connections, %d echoed, server served %ld, fds reused %d\n",
        CHURN, ok, (long)served, socket(AF_INET, SOCK_DGRAM, 0) == l + 1);
    close(l);
    return 0;
}

/* Stream calls: writev/readv, sendmsg/recvmsg, MSG_WAITALL across two
 * writes, half-close (shutdown SHUT_WR: the peer reads EOF and can still
 * answer). */
static void *stream_peer(void *arg)
{
    int c = *(int *)arg;

    CHECK(write(c, "abc", 3) == 3);
    usleep(50000);
    CHECK(write(c, "def", 3) == 3);
    return NULL;
}

static int test_stream(void)
{
    int port, l = listener(&port), c = socket(AF_INET, SOCK_STREAM, 0), s;
    struct sockaddr_in a = loop_addr(port);
    char buf[32] = {0}, b1[4] = {0}, b2[8] = {0};
    pthread_t t;
    int r;

    CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    s = accept(l, NULL, NULL);
    CHECK(s >= 0);
    CHECK(pthread_create(&t, NULL, stream_peer, &s) == 0);
    r = recv(c, buf, 6, MSG_WAITALL);
    printf("stream: MSG_WAITALL over two writes: %d '%.*s'\n", r, r, buf);
    pthread_join(t, NULL);

    struct iovec out[2] = {{"head:", 5}, {"body", 4}};
    b1[3] = b2[6] = 0;
    CHECK(writev(c, out, 2) == 9);
    struct iovec in[2] = {{b1, 3}, {b2, 6}};
    r = 0;
    while (r < 9) {
        int n = readv(s, in, 2);
        CHECK(n > 0);
        r += n;
        for (int i = 0; i < 2 && n; i++) { /* advance past what arrived */
            int k = n < (int)in[i].iov_len ? n : (int)in[i].iov_len;
            in[i].iov_base = (char *)in[i].iov_base + k;
            in[i].iov_len -= k;
            n -= k;
        }
    }
    printf("stream: writev/readv: '%s' + '%s'\n", b1, b2);

    struct iovec mo[3] = {{"x", 1}, {"yy", 2}, {"zzz", 3}};
    struct msghdr m = {.msg_iov = mo, .msg_iovlen = 3};
    CHECK(sendmsg(s, &m, 0) == 6);
    memset(buf, 0, sizeof buf);
    struct iovec mi = {buf, sizeof buf};
    m = (struct msghdr){.msg_iov = &mi, .msg_iovlen = 1};
    r = recvmsg(c, &m, 0);
    printf("stream: sendmsg/recvmsg: %d '%s' namelen %d\n", r, buf,
           (int)m.msg_namelen);

    CHECK(shutdown(c, SHUT_WR) == 0);
    r = read(s, buf, sizeof buf);
    printf("stream: after the peer's SHUT_WR: read %d\n", r);
    CHECK(write(s, "late", 4) == 4);
    r = read(c, buf, sizeof buf);
    printf("stream: the half-closed side still reads: %d '%.*s'\n", r, r, buf);
    r = send(c, "x", 1, MSG_NOSIGNAL);
    printf("stream: but cannot send: %d %s\n", r, strerror(errno));
    close(s);
    close(c);
    close(l);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(void);
    } tests[] = {
        {"tcp", test_tcp},         {"nbconnect", test_nbconnect},
        {"epoll", test_epoll},     {"udp", test_udp},
        {"errors", test_errors},   {"names", test_names},
        {"opts", test_opts},       {"reset", test_reset},
        {"resolve", test_resolve}, {"churn", test_churn},
        {"stream", test_stream},
    };

    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++)
        for (size_t t = 0; t < sizeof tests / sizeof tests[0]; t++)
            if (strcmp(argv[i], tests[t].name) == 0 && tests[t].fn())
                return 1;
    return 0;
}
