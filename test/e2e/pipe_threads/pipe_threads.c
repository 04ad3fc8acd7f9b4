/* pipe_threads.c: blocking pipes, poll and eventfd between two threads. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define TOTAL (1 << 20) /* 16 times the pipe: the writer must block */

static int failures;
static int p[2], efd;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    failures += !ok;
}

static void nap_ms(long ms)
{
    struct timespec t = {0, ms * 1000000};
    nanosleep(&t, NULL);
}

/* Writes TOTAL bytes of a known pattern in odd-sized pieces, then closes. */
static void *writer(void *arg)
{
    static unsigned char buf[3001];
    long sent = 0;

    nap_ms(50); /* let the reader block in poll first */
    while (sent < TOTAL) {
        long n = TOTAL - sent < (long)sizeof buf ? TOTAL - sent : sizeof buf;
        for (long i = 0; i < n; i++)
            buf[i] = (unsigned char)((sent + i) * 13 + (sent + i) / 509);
        long w = write(p[1], buf, n);
        if (w <= 0)
            return (void *)1;
        sent += w;
    }
    close(p[1]);
    nap_ms(50);
    uint64_t one = 3;
    write(efd, &one, sizeof one);
    return NULL;
}

/* Fills the pipe, then blocks until the reader goes away: EPIPE. */
static void *blocked_writer(void *arg)
{
    static char buf[4096];
    long r;

    while ((r = write(p[1], buf, sizeof buf)) > 0)
        ;
    return (void *)(long)(r < 0 && errno == EPIPE);
}

static void epipe_wakes_writer(void)
{
    pthread_t t;
    void *res = NULL;

    signal(SIGPIPE, SIG_IGN);
    check(pipe(p) == 0, "second pipe");
    pthread_create(&t, NULL, blocked_writer, NULL);
    nap_ms(100); /* the writer fills 64 KiB and blocks */
    int avail = 0;
    ioctl(p[0], FIONREAD, &avail);
    check(avail == 65536, "writer blocked on a full pipe");
    close(p[0]);
    pthread_join(t, &res);
    check(res == (void *)1, "closing the read end wakes it with EPIPE");
    close(p[1]);
}

int main(void)
{
    static unsigned char buf[7000];
    pthread_t t;
    long got = 0, bad = 0, n;

    check(pipe(p) == 0, "pipe");
    efd = eventfd(0, 0);
    check(pthread_create(&t, NULL, writer, NULL) == 0, "thread");
    struct pollfd pf = {p[0], POLLIN, 0};
    check(poll(&pf, 1, -1) == 1 && pf.revents == POLLIN,
          "poll wakes when the other thread writes");
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
        for (long i = 0; i < n; i++, got++)
            bad += buf[i] != (unsigned char)(got * 13 + got / 509);
    }
    check(n == 0 && got == TOTAL && bad == 0,
          "1 MiB through blocking reads and writes, then EOF");
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 5}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
    check(epoll_wait(ep, &out, 1, -1) == 1 && out.data.u64 == 5,
          "epoll_wait wakes on the eventfd");
    uint64_t v = 0;
    check(read(efd, &v, sizeof v) == sizeof v && v == 3, "eventfd count 3");
    void *res;
    pthread_join(t, &res);
    check(res == NULL, "writer done");
    epipe_wakes_writer();
    printf(failures ? "FAILED\n" : "SUCCESS\n");
    return failures ? 1 : 0;
}
