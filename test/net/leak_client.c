/* leak_client.c: connection churn for leak_test.sh: a connection a request.
 *
 * Usage: leak_client PORT PATH BODYFILE COUNT PROCS [server-close]
 * Opens COUNT connections to 127.0.0.1:PORT, spread over PROCS processes;
 * on each it sends one HTTP/1.1 request for PATH, reads the whole response
 * and checks that it is a 200 whose body is exactly BODYFILE's bytes, then
 * closes the connection itself, first: the server only answers the close
 * and keeps no TIME_WAIT state. With "server-close" the request says
 * "Connection: close" and the server must close first (its end then
 * spends 2 x MSL in TIME_WAIT). Built for the host, with cc.
 * Prints "requests N ok N failed N" and exits 0 when none failed. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static char want[1 << 16];
static size_t want_len;
static int server_close;

/* One request on a new connection: 1 when the answer is right. */
static int churn_one(int port, const char *path)
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_port = htons(port),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    struct timeval tv = {20, 0};
    static char buf[sizeof want + 4096];
    char req[512];
    size_t len = 0;
    char *end = NULL;
    long clen = -1;
    int ok = 0, fd = socket(AF_INET, SOCK_STREAM, 0);
    int rl = snprintf(req, sizeof req,
                      "GET %s HTTP/1.1\r\nHost: leak\r\n%s\r\n", path,
                      server_close ? "Connection: close\r\n" : "");

    if (fd < 0)
        return 0;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
        write(fd, req, (size_t)rl) != rl)
        goto out;
    for (;;) {
        ssize_t n = read(fd, buf + len, sizeof buf - 1 - len);
        if (n <= 0)
            goto out;
        len += (size_t)n;
        buf[len] = 0;
        if (!end && (end = strstr(buf, "\r\n\r\n"))) {
            char *cl = strstr(buf, "\r\nContent-Length: ");
            if (strncmp(buf, "HTTP/1.1 200 ", 13) || !cl || cl > end)
                goto out;
            clen = strtol(cl + 18, NULL, 10);
            end += 4;
        }
        if (end && len - (size_t)(end - buf) >= (size_t)clen)
            break;
    }
    ok = (size_t)clen == want_len &&
         len - (size_t)(end - buf) == want_len &&
         memcmp(end, want, want_len) == 0 &&
         (!server_close || read(fd, buf, 1) == 0);
out:
    close(fd);
    return ok;
}

int main(int argc, char **argv)
{
    int port, count, procs, pfd[2];
    long ok = 0, failed = 0, a, b;
    FILE *f;

    if (argc < 6 || argc > 7 || (port = atoi(argv[1])) <= 0 ||
        (count = atoi(argv[4])) <= 0 || (procs = atoi(argv[5])) <= 0 ||
        (argc == 7 && strcmp(argv[6], "server-close") != 0)) {
        fprintf(stderr, "usage: leak_client PORT PATH BODYFILE COUNT "
                        "PROCS [server-close]\n");
        return 2;
    }
    server_close = argc == 7;
    f = fopen(argv[3], "rb");
    if (!f) {
        perror(argv[3]);
        return 2;
    }
    want_len = fread(want, 1, sizeof want, f);
    fclose(f);
    if (pipe(pfd) < 0)
        return 2;
    for (int p = 0; p < procs; p++) {
        if (fork() != 0)
            continue;
        long g = 0, n = count / procs + (p < count % procs);
        for (long i = 0; i < n; i++)
            g += churn_one(port, argv[2]);
        dprintf(pfd[1], "%ld %ld\n", g, n - g);
        _exit(0);
    }
    close(pfd[1]);
    f = fdopen(pfd[0], "r");
    while (f && fscanf(f, "%ld %ld", &a, &b) == 2)
        ok += a, failed += b;
    while (wait(NULL) > 0)
        ;
    failed += count - ok - failed; /* a process that died reported nothing */
    printf("requests %d ok %ld failed %ld\n", count, ok, failed);
    return failed ? 1 : 0;
}
