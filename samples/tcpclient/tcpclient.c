/* tcpclient.c: connect to HOST PORT, send one line, print the reply. */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define REPLY_WAIT_MS 10000 /* a silent server is an error after this */

/* A socket connected to host:port; prints why not and returns -1. */
static int dial(const char *host, const char *port)
{
    struct addrinfo hints = {.ai_family = AF_INET,
                             .ai_socktype = SOCK_STREAM};
    struct addrinfo *ai;
    int fd, err = getaddrinfo(host, port, &hints, &ai);

    if (err) {
        fprintf(stderr, "tcpclient: %s port %s: %s\n", host, port,
                gai_strerror(err));
        return -1;
    }
    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) {
        perror("tcpclient: socket");
    } else if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
        fprintf(stderr, "tcpclient: connect to %s:%s: %s\n", host, port,
                strerror(errno));
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= w;
    }
    return 0;
}

/* Copies the reply to stdout until the server closes the connection. */
static int print_reply(int fd)
{
    char buf[4096];
    long total = 0;

    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, REPLY_WAIT_MS);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0) {
            fprintf(stderr, "tcpclient: no reply within %d ms\n",
                    REPLY_WAIT_MS);
            return -1;
        }
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            perror("tcpclient: read");
            return -1;
        }
        if (n == 0)
            break;
        fwrite(buf, 1, n, stdout);
        total += n;
    }
    fflush(stdout);
    fprintf(stderr, "tcpclient: %ld bytes received\n", total);
    return 0;
}

int main(int argc, char **argv)
{
    char line[1024];
    const char *msg = argc > 3 ? argv[3] : "hello from tcpclient";
    int fd, n;

    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: tcpclient HOST PORT [MESSAGE]\n"
                        "  sends MESSAGE and a newline, prints the reply "
                        "until the server closes\n");
        return 2;
    }
    n = snprintf(line, sizeof line, "%s\n", msg);
    if (n < 0 || (size_t)n >= sizeof line) {
        fprintf(stderr, "tcpclient: message too long\n");
        return 2;
    }
    fd = dial(argv[1], argv[2]);
    if (fd < 0)
        return 1;
    /* Our side is done once the line is out: the server sees its end. */
    if (write_all(fd, line, n) < 0 || shutdown(fd, SHUT_WR) < 0) {
        perror("tcpclient: send");
        return 1;
    }
    fprintf(stderr, "tcpclient: sent %d bytes to %s:%s\n", n, argv[1],
            argv[2]);
    n = print_reply(fd);
    close(fd);
    return n < 0 ? 1 : 0;
}
