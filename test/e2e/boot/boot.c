/* boot.c: what the fast boot must keep: zero .bss, stdio on first use. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Large enough to span many pages of the image's .bss, which the loader
 * (not boot.S) zeroes on the multiboot path. */
static unsigned char big[256 << 10];
static long scalars[64];

/* Every byte of .bss reads as zero at main. */
static int check_bss(void)
{
    for (size_t i = 0; i < sizeof big; i++)
        if (big[i])
            return printf("bss: byte %zu is %d\n", i, big[i]), 1;
    for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++)
        if (scalars[i])
            return printf("bss: scalar %zu is %ld\n", i, scalars[i]), 1;
    printf("bss: %zu bytes zero\n", sizeof big + sizeof scalars);
    return 0;
}

/* The first call is an open: 0, 1 and 2 already count as taken, although
 * nothing has used them yet; closing 0 frees the lowest slot. */
static int check_fd_order(void)
{
    int a = open("/tmp/a", O_CREAT | O_WRONLY, 0644);
    close(0);
    int b = open("/tmp/b", O_CREAT | O_WRONLY, 0644);

    printf("fds %d %d\n", a, b);
    return a == 3 && b == 0 ? 0 : 1;
}

/* The first call duplicates stdout: the copy reaches the same stream. */
static int check_dup_first(void)
{
    static const char msg[] = "through fd 5\n";

    if (dup2(1, 5) != 5)
        return 1;
    return write(5, msg, strlen(msg)) == (ssize_t)strlen(msg) ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";

    if (strcmp(what, "bss") == 0)
        return check_bss();
    if (strcmp(what, "fdorder") == 0)
        return check_fd_order();
    if (strcmp(what, "dupfirst") == 0)
        return check_dup_first();
    if (strcmp(what, "silent") == 0)
        return 7; /* no standard stream touched at all */
    printf("boot ok\n");
    return 0;
}
