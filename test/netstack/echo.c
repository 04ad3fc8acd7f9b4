/* echo.c: echo N bytes of one TCP connection, then exit at once. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

/* Exiting right after the last write checks that the stack still delivers
 * what was written (the VM stops with the program). */
int main(int argc, char **argv)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(7)};
    long want = argc > 1 ? atol(argv[1]) : 0, done = 0;
    static char buf[32768];
    int one = 1, l, c;

    l = socket(AF_INET, SOCK_STREAM, 0);
    if (l < 0 || setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
        bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 1)) {
        perror("echo: listen");
        return 1;
    }
    printf("echo: listening\n");
    fflush(stdout);
    if ((c = accept(l, NULL, NULL)) < 0) {
        perror("echo: accept");
        return 1;
    }
    while (done < want) {
        long n = read(c, buf, sizeof buf);
        if (n <= 0) {
            fprintf(stderr, "echo: read %ld after %ld bytes\n", n, done);
            return 1;
        }
        for (long off = 0; off < n;) {
            long w = write(c, buf + off, n - off);
            if (w <= 0) {
                perror("echo: write");
                return 1;
            }
            off += w;
        }
        done += n;
    }
    printf("echo: %ld bytes\n", done);
    return 0;
}
