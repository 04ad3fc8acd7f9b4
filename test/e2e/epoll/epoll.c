/* epoll.c: epoll over 100 pipes and 100 eventfds: level, edge, oneshot. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#define N 100

static int failures;
static int rd[N], wr[N], efd[N];

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    failures += !ok;
}

/* Items are tagged: pipes 0..99, eventfds 1000..1099. */
static uint64_t tag_pipe(int i) { return i; }
static uint64_t tag_efd(int i) { return 1000 + i; }

/*
 * The ready items, collected 7 at a time: a level-triggered epoll keeps
 * reporting them, so stop at the first one seen twice; round robin must
 * have shown every ready item by then. Returns how many distinct items
 * (-1: one came with none of the `want` events), their tags summed in *sum.
 */
static int drain_events(int ep, int timeout, long *sum, uint32_t want)
{
    struct epoll_event ev[7];
    static unsigned char seen[2000];
    int total = 0, n, i;

    for (i = 0; i < 2000; i++)
        seen[i] = 0;
    *sum = 0;
    while ((n = epoll_wait(ep, ev, 7, timeout)) > 0) {
        for (i = 0; i < n; i++) {
            uint64_t t = ev[i].data.u64;
            if (t >= 2000 || !(ev[i].events & want))
                return -1;
            if (seen[t])
                return total;
            seen[t] = 1;
            *sum += (long)t;
            total++;
        }
        timeout = 0;
    }
    return n < 0 ? -1 : total;
}

static int add(int ep, int fd, uint32_t events, uint64_t tag)
{
    struct epoll_event ev = {.events = events, .data.u64 = tag};
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static void setup(void)
{
    int p[2], ok = 1;
    for (int i = 0; i < N; i++) {
        ok &= pipe(p) == 0;
        rd[i] = p[0];
        wr[i] = p[1];
        ok &= (efd[i] = eventfd(0, EFD_NONBLOCK)) >= 0;
    }
    check(ok, "100 pipes and 100 eventfds");
}

static void level(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC), ok = 1, n;
    long sum, want = 0;
    uint64_t one = 1;

    check(ep >= 0, "level: epoll_create1");
    for (int i = 0; i < N; i++) {
        ok &= add(ep, rd[i], EPOLLIN, tag_pipe(i)) == 0;
        ok &= add(ep, efd[i], EPOLLIN, tag_efd(i)) == 0;
    }
    check(ok, "level: 200 added");
    check(drain_events(ep, 0, &sum, EPOLLIN) == 0, "level: none ready");
    for (int i = 0; i < N; i += 3) {
        write(wr[i], "x", 1);
        want += tag_pipe(i);
    }
    for (int i = 1; i < N; i += 7) {
        write(efd[i], &one, sizeof one);
        want += tag_efd(i);
    }
    n = drain_events(ep, -1, &sum, EPOLLIN);
    printf("level: %d ready, tags %s\n", n, sum == want ? "right" : "WRONG");
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("level: %d still ready, tags %s\n", n,
           sum == want ? "right" : "WRONG");
    for (int i = 0; i < N; i += 3) {
        char c;
        read(rd[i], &c, 1);
    }
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("level: %d after reading the pipes\n", n);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 7};
    check(epoll_ctl(ep, EPOLL_CTL_ADD, efd[1], &ev) == -1 && errno == EEXIST,
          "level: add twice EEXIST");
    check(epoll_ctl(ep, EPOLL_CTL_DEL, efd[1], NULL) == 0, "level: del");
    check(epoll_ctl(ep, EPOLL_CTL_DEL, efd[1], NULL) == -1 &&
              errno == ENOENT,
          "level: del twice ENOENT");
    ev.data.u64 = 1999;
    check(epoll_ctl(ep, EPOLL_CTL_MOD, efd[8], &ev) == 0, "level: mod data");
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("level: %d ready after del and mod, sum %ld\n", n, sum);
    /* Writable interest on the write ends: all 100 ready at once. */
    for (int i = 0; i < N; i++)
        ok &= add(ep, wr[i], EPOLLOUT, 1100 + i) == 0;
    n = drain_events(ep, 0, &sum, EPOLLIN | EPOLLOUT);
    printf("level: %d ready with the write ends\n", n);
    close(ep);
}

static void edge(void)
{
    int ep = epoll_create1(0), ok = 1, n;
    long sum;
    uint64_t one = 1, v;

    for (int i = 0; i < N; i++) {
        ok &= add(ep, rd[i], EPOLLIN | EPOLLET, tag_pipe(i)) == 0;
        ok &= add(ep, efd[i], EPOLLIN | EPOLLET, tag_efd(i)) == 0;
    }
    check(ok, "edge: 200 added");
    /* efd[1], efd[8], ... still hold 1 from the level test. */
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("edge: %d ready at first\n", n);
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("edge: %d reported again without a change\n", n);
    write(wr[5], "ab", 2);
    write(efd[50], &one, sizeof one);
    n = drain_events(ep, -1, &sum, EPOLLIN);
    printf("edge: %d after two writes, sum %ld\n", n, sum);
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("edge: %d once more\n", n);
    char c;
    read(rd[5], &c, 1); /* half of it: still readable, but no new edge */
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("edge: %d after a partial read\n", n);
    write(wr[5], "c", 1);
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("edge: %d after more data, sum %ld\n", n, sum);
    read(efd[50], &v, sizeof v);
    close(ep);
}

static void oneshot(void)
{
    int ep = epoll_create1(0), n;
    long sum;
    uint64_t one = 1, v;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.u64 = 42};

    check(epoll_ctl(ep, EPOLL_CTL_ADD, efd[60], &ev) == 0, "oneshot: add");
    write(efd[60], &one, sizeof one);
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("oneshot: %d first, tag %ld\n", n, sum);
    write(efd[60], &one, sizeof one);
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("oneshot: %d until rearmed\n", n);
    check(epoll_ctl(ep, EPOLL_CTL_MOD, efd[60], &ev) == 0, "oneshot: rearm");
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("oneshot: %d after rearming\n", n);
    read(efd[60], &v, sizeof v);
    printf("oneshot: count was %llu\n", (unsigned long long)v);

    /* Closing an fd takes it off the interest list. */
    ev = (struct epoll_event){.events = EPOLLIN, .data.u64 = 61};
    check(epoll_ctl(ep, EPOLL_CTL_ADD, efd[61], &ev) == 0, "close: add");
    write(efd[61], &one, sizeof one);
    close(efd[61]);
    n = drain_events(ep, 0, &sum, EPOLLIN);
    printf("close: %d reported after close\n", n);
    check(epoll_ctl(ep, EPOLL_CTL_DEL, efd[61], NULL) == -1 && errno == EBADF,
          "close: del EBADF");

    /* Hang-up is reported without asking; the writer closed. */
    ev = (struct epoll_event){.events = EPOLLIN, .data.u64 = 99};
    check(epoll_ctl(ep, EPOLL_CTL_ADD, rd[99], &ev) == 0, "hup: add");
    close(wr[99]);
    struct epoll_event out[2];
    n = epoll_wait(ep, out, 2, -1);
    check(n == 1 && out[0].events == EPOLLHUP && out[0].data.u64 == 99,
          "hup: EPOLLHUP");
    check(epoll_wait(ep, out, 0, 0) == -1 && errno == EINVAL,
          "maxevents 0: EINVAL");
    check(epoll_wait(rd[0], out, 2, 0) == -1 && errno == EINVAL,
          "not an epoll: EINVAL");
    check(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev) == -1 && errno == EINVAL,
          "add itself: EINVAL");
    close(ep);
}

static void timeout(void)
{
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN}, out;
    struct timespec a, b;

    epoll_ctl(ep, EPOLL_CTL_ADD, rd[0], &ev);
    clock_gettime(CLOCK_MONOTONIC, &a);
    int n = epoll_wait(ep, &out, 1, 100);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double took = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    check(n == 0 && took >= 0.1 && took < 5, "epoll_wait 100 ms timeout");
    close(ep);
}

int main(void)
{
    setup();
    level();
    edge();
    oneshot();
    timeout();
    printf(failures ? "FAILED\n" : "SUCCESS\n");
    return failures ? 1 : 0;
}
