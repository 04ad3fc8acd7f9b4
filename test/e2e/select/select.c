/* select.c: select, pselect, poll and ppoll: readiness and timeouts. */
#define _GNU_SOURCE /* ppoll */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    failures += !ok;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Took at least `want` seconds; the bound above only catches a wait that
 * ignored its timeout altogether. */
static void check_took(double t0, double want, const char *what)
{
    double took = now() - t0;
    check(took >= want && took < want + 5, what);
    if (!(took >= want && took < want + 5))
        printf("  took %.3f s\n", took);
}

int main(void)
{
    int p[2];
    fd_set r, w;
    struct timeval tv;
    struct timespec ts;
    double t0;

    check(pipe(p) == 0, "pipe");

    FD_ZERO(&r);
    FD_SET(p[0], &r);
    tv = (struct timeval){0, 0};
    t0 = now();
    check(select(p[0] + 1, &r, NULL, NULL, &tv) == 0 && !FD_ISSET(p[0], &r),
          "select timeout 0: nothing");
    check(now() - t0 < 0.5, "select timeout 0: immediate");

    FD_SET(p[0], &r);
    tv = (struct timeval){0, 200000};
    t0 = now();
    check(select(p[0] + 1, &r, NULL, NULL, &tv) == 0, "select 200 ms: 0");
    check_took(t0, 0.2, "select 200 ms: waited");

    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(p[0], &r);
    FD_SET(p[1], &w);
    FD_SET(1, &w);
    write(p[1], "x", 1);
    check(select(p[1] + 1, &r, &w, NULL, NULL) == 3 && FD_ISSET(p[0], &r) &&
              FD_ISSET(p[1], &w) && FD_ISSET(1, &w),
          "select: pipe readable, pipe and stdout writable");

    FD_ZERO(&r);
    FD_SET(p[0], &r);
    ts = (struct timespec){0, 0};
    check(pselect(p[0] + 1, &r, NULL, NULL, &ts, NULL) == 1, "pselect ready");
    char c;
    read(p[0], &c, 1);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    ts = (struct timespec){0, 150000000};
    t0 = now();
    check(pselect(p[0] + 1, &r, NULL, NULL, &ts, &mask) == 0,
          "pselect 150 ms with a mask: 0");
    check_took(t0, 0.15, "pselect 150 ms: waited");

    struct pollfd pf[3] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}, {-1, 0, 0}};
    check(poll(pf, 1, 0) == 0 && pf[0].revents == 0, "poll 0: nothing");
    t0 = now();
    check(poll(pf, 1, 150) == 0, "poll 150 ms: 0");
    check_took(t0, 0.15, "poll 150 ms: waited");
    check(poll(pf, 3, -1) == 1 && pf[1].revents == POLLOUT &&
              pf[2].revents == 0,
          "poll forever: writable at once, fd -1 ignored");
    ts = (struct timespec){0, 100000000};
    t0 = now();
    check(ppoll(pf, 1, &ts, &mask) == 0, "ppoll 100 ms: 0");
    check_took(t0, 0.1, "ppoll 100 ms: waited");

    close(p[1]);
    check(poll(pf, 1, -1) == 1 && pf[0].revents == POLLHUP,
          "poll: POLLHUP once the writer is gone");
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    check(select(p[0] + 1, &r, NULL, NULL, NULL) == 1 && FD_ISSET(p[0], &r),
          "select: readable at EOF");

    pf[0] = (struct pollfd){p[1], POLLIN, 0};
    check(poll(pf, 1, 0) == 1 && pf[0].revents == POLLNVAL,
          "poll closed fd: POLLNVAL");
    FD_ZERO(&r);
    FD_SET(p[1], &r);
    check(select(p[1] + 1, &r, NULL, NULL, NULL) == -1 && errno == EBADF,
          "select closed fd: EBADF");
    tv = (struct timeval){-1, 0};
    check(select(1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL,
          "select negative timeout: EINVAL");
    tv = (struct timeval){0, 100000};
    t0 = now();
    check(select(0, NULL, NULL, NULL, &tv) == 0, "select as a 100 ms sleep");
    check_took(t0, 0.1, "select sleep: waited");
    printf(failures ? "FAILED\n" : "SUCCESS\n");
    return failures ? 1 : 0;
}
