/* pipe.c: pipes within one thread: round trip, non-blocking, EOF, EPIPE. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    failures += !ok;
}

static void round_trip(void)
{
    int p[2];
    char buf[64];
    struct stat st;
    int avail = -1;

    check(pipe(p) == 0 && p[0] >= 3 && p[1] > p[0], "pipe");
    check(write(p[1], "hello, pipe", 11) == 11, "write 11");
    check(ioctl(p[0], FIONREAD, &avail) == 0 && avail == 11, "FIONREAD 11");
    check(read(p[0], buf, 5) == 5 && memcmp(buf, "hello", 5) == 0,
          "read 5");
    check(read(p[0], buf, sizeof buf) == 6 && memcmp(buf, ", pipe", 6) == 0,
          "read rest");
    check(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode), "fstat fifo");
    check(write(p[0], "x", 1) == -1 && errno == EBADF, "write read end");
    check(read(p[1], buf, 1) == -1 && errno == EBADF, "read write end");
    close(p[1]);
    check(read(p[0], buf, sizeof buf) == 0, "EOF after writer closed");
    close(p[0]);
}

static void non_blocking(void)
{
    static char big[70000], back[70000];
    int p[2];
    long total = 0, n;

    check(pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0, "pipe2");
    check((fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0, "F_GETFL nonblock");
    check(fcntl(p[1], F_GETFD) == FD_CLOEXEC, "F_GETFD cloexec");
    check(read(p[0], back, 1) == -1 && errno == EAGAIN, "empty read EAGAIN");
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)(i * 7 + i / 251);
    /* More than PIPE_BUF: as much as fits goes in, then EAGAIN. */
    n = write(p[1], big, sizeof big);
    printf("big write took %ld\n", n);
    if (n > 0)
        total = n;
    check(write(p[1], big, 1) == -1 && errno == EAGAIN, "full write EAGAIN");
    struct pollfd pf = {p[1], POLLOUT, 0};
    check(poll(&pf, 1, 0) == 0, "full pipe not writable");
    /* Make room for less than PIPE_BUF: an atomic write still refuses. */
    check(read(p[0], back, 100) == 100 && memcmp(back, big, 100) == 0,
          "read 100");
    check(write(p[1], big, PIPE_BUF) == -1 && errno == EAGAIN,
          "PIPE_BUF write atomic EAGAIN");
    check(read(p[0], back + 100, PIPE_BUF) == PIPE_BUF,
          "read PIPE_BUF more");
    check(write(p[1], big + total, PIPE_BUF) == PIPE_BUF,
          "PIPE_BUF write fits");
    total += PIPE_BUF;
    long got = 100 + PIPE_BUF;
    while ((n = read(p[0], back + got, sizeof back - got)) > 0)
        got += n;
    check(n == -1 && errno == EAGAIN && got == total, "drained");
    check(memcmp(back, big, total) == 0, "bytes in order");
    close(p[0]);
    close(p[1]);
}

static volatile sig_atomic_t sigpipes;

static void on_sigpipe(int sig)
{
    sigpipes++;
}

static void broken(const char *mode)
{
    int p[2];

    check(pipe(p) == 0, "pipe for EPIPE");
    close(p[0]);
    struct pollfd pf = {p[1], POLLOUT, 0};
    check(poll(&pf, 1, 0) == 1 && (pf.revents & POLLERR), "POLLERR");
    if (strcmp(mode, "default") == 0) {
        printf("writing with SIGPIPE at its default\n");
        fflush(stdout);
        write(p[1], "x", 1);
        printf("still alive: FAILED\n");
        return;
    }
    if (strcmp(mode, "ignore") == 0)
        signal(SIGPIPE, SIG_IGN);
    else
        signal(SIGPIPE, on_sigpipe);
    check(write(p[1], "x", 1) == -1 && errno == EPIPE, "write EPIPE");
    printf("SIGPIPE handled %d times\n", (int)sigpipes);
    close(p[1]);

    check(pipe(p) == 0, "pipe for HUP");
    close(p[1]);
    pf = (struct pollfd){p[0], POLLIN, 0};
    check(poll(&pf, 1, 0) == 1 && pf.revents == POLLHUP, "POLLHUP");
    close(p[0]);
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        broken(argv[1]);
        return failures ? 1 : 0;
    }
    round_trip();
    non_blocking();
    printf(failures ? "FAILED\n" : "SUCCESS\n");
    return failures ? 1 : 0;
}
