/* pipe_prog.c: a program that uses a pipe, so the pipes component. */
#include <stdio.h>
#include <unistd.h>

static int make_channel(int fds[2])
{
    return pipe(fds);
}

int main(void)
{
    int fds[2];
    char c = 0;

    if (make_channel(fds) < 0 || write(fds[1], "x", 1) != 1 ||
        read(fds[0], &c, 1) != 1)
        return 1;
    printf("%c\n", c);
    return 0;
}
