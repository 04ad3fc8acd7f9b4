/* udpecho.c: UDP echo server: every datagram goes back to its sender. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* A whole decimal number in [lo, hi], or exit with a message. */
static long number_arg(const char *s, const char *what, long lo, long hi)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "udpecho: bad %s '%s' (want %ld..%ld)\n", what, s, lo,
                hi);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    /* The largest UDP payload over IPv4. */
    static char buf[65507];
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_ANY)};
    long port = 7, count = 0, done = 0;
    int fd;

    if (argc > 3) {
        fprintf(stderr, "usage: udpecho [PORT [COUNT]]\n"
                        "  echoes datagrams on PORT (default 7); exits after "
                        "COUNT of them (default: never)\n");
        return 2;
    }
    if (argc > 1)
        port = number_arg(argv[1], "port", 1, 65535);
    if (argc > 2)
        count = number_arg(argv[2], "count", 0, 1000000000);
    setvbuf(stdout, NULL, _IOLBF, 0);
    sa.sin_port = htons((unsigned short)port);
    fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        perror("udpecho: socket");
        return 1;
    }
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        fprintf(stderr, "udpecho: bind to port %ld: %s\n", port,
                strerror(errno));
        return 1;
    }
    printf("udpecho: listening on udp port %ld\n", port);
    while (count == 0 || done < count) {
        struct sockaddr_in from;
        socklen_t flen = sizeof from;
        char addr[INET_ADDRSTRLEN];
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from,
                             &flen);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("udpecho: recvfrom");
            return 1;
        }
        if (sendto(fd, buf, n, 0, (struct sockaddr *)&from, flen) != n) {
            perror("udpecho: sendto");
            return 1;
        }
        inet_ntop(AF_INET, &from.sin_addr, addr, sizeof addr);
        printf("udpecho: %zd bytes from %s:%u echoed\n", n, addr,
               ntohs(from.sin_port));
        done++;
    }
    return 0;
}
