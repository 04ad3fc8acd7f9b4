/* stdio_prog.c: the guest side of the stdio tests; argv[1] picks the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Copy stdin to stdout with read/write until end of input. */
static int copy(void)
{
    static char buf[1 << 16];
    ssize_t n;

    while ((n = read(0, buf, sizeof(buf))) > 0)
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, (size_t)(n - off));

            if (w <= 0)
                return 2;
            off += w;
        }
    return n < 0 ? 3 : 0;
}

/* Distinct bytes on stdout and stderr, interleaved in time. */
static int split(void)
{
    for (int i = 0; i < 100; i++) {
        printf("out %d\n", i);
        fprintf(stderr, "err %d\n", i);
    }
    return 0;
}

/* Count lines until fgets sees end of input; echo them numbered. */
static int lines(void)
{
    char line[256];
    int n = 0;

    while (fgets(line, sizeof(line), stdin))
        printf("%d: %s", ++n, line);
    printf("eof after %d lines\n", n);
    return 0;
}

static int tty(void)
{
    struct winsize ws = {0};
    int have = ioctl(1, TIOCGWINSZ, &ws) == 0;

    printf("isatty %d %d %d\n", isatty(0), isatty(1), isatty(2));
    if (have)
        printf("winsize %dx%d\n", ws.ws_row, ws.ws_col);
    return 0;
}

/* A bad buffer must fault like any bad pointer, not send stray memory. */
static int badptr(void)
{
    return write(1, (const void *)16, 100) < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 64;
    if (!strcmp(argv[1], "copy"))
        return copy();
    if (!strcmp(argv[1], "split"))
        return split();
    if (!strcmp(argv[1], "lines"))
        return lines();
    if (!strcmp(argv[1], "tty"))
        return tty();
    if (!strcmp(argv[1], "badptr"))
        return badptr();
    return 64;
}
