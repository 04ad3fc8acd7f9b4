/* netxfer.c: TCP client for the NIC tests: addresses, greeting, bulk data. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/*
 * usage: netxfer HOST PORT hello|get|put|resolv [BYTES]
 *   hello  print the local and peer address, send "hello", print the reply
 *   get    read until the host closes; print the byte count, the POSIX
 *          cksum(1) CRC of the data and the rate
 *   put    send BYTES of a fixed pseudo-random stream, print its CRC
 *   resolv print /etc/resolv.conf (no connection)
 *   sink, source BYTES: get and put without the CRC (guest CPU time goes
 *          to the network alone: the rate to quote)
 * The host side compares the CRCs with cksum(1). Exit 1 on any error.
 */
static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;

        for (int k = 0; k < 8; k++)
            c = c & 0x80000000U ? (c << 1) ^ 0x04c11db7U : c << 1;
        crc_table[i] = c;
    }
}

static uint32_t crc_add(uint32_t crc, const unsigned char *p, size_t n)
{
    while (n--)
        crc = (crc << 8) ^ crc_table[(crc >> 24) ^ *p++];
    return crc;
}

/* cksum(1) appends the length, least significant byte first. */
static uint32_t crc_finish(uint32_t crc, uint64_t len)
{
    for (; len; len >>= 8) {
        unsigned char b = (unsigned char)len;

        crc = crc_add(crc, &b, 1);
    }
    return ~crc;
}

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void print_rate(const char *what, uint64_t n, uint32_t crc, double ms)
{
    printf("%s %llu bytes cksum %u\n", what, (unsigned long long)n, crc);
    fprintf(stderr, "%s: %.0f ms, %.2f MB/s\n", what, ms,
            ms > 0 ? n / 1e6 / (ms / 1e3) : 0.0);
}

static int do_hello(int s)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    char buf[256];
    ssize_t n;

    if (getsockname(s, (struct sockaddr *)&a, &len) < 0)
        return perror("getsockname"), 1;
    printf("address %s\n", inet_ntoa(a.sin_addr));
    len = sizeof(a);
    if (getpeername(s, (struct sockaddr *)&a, &len) < 0)
        return perror("getpeername"), 1;
    printf("peer %s\n", inet_ntoa(a.sin_addr));
    if (write(s, "hello\n", 6) != 6)
        return perror("write"), 1;
    n = read(s, buf, sizeof(buf) - 1);
    if (n <= 0)
        return perror("read"), 1;
    buf[n] = 0;
    printf("reply %s", buf);
    return 0;
}

static int do_get(int s, int check)
{
    static unsigned char buf[65536];
    uint64_t total = 0;
    uint32_t crc = 0;
    double t0 = now_ms();
    ssize_t n;

    while ((n = read(s, buf, sizeof(buf))) > 0) {
        if (check)
            crc = crc_add(crc, buf, (size_t)n);
        total += (uint64_t)n;
    }
    if (n < 0)
        return perror("read"), 1;
    print_rate("get", total, crc_finish(crc, total), now_ms() - t0);
    return 0;
}

static int do_put(int s, uint64_t bytes, int check)
{
    static unsigned char buf[65536];
    uint64_t done = 0, x = 88172645463325252ULL;
    uint32_t crc = 0;
    double t0 = now_ms();

    while (done < bytes) {
        size_t k = bytes - done < sizeof(buf) ? (size_t)(bytes - done)
                                              : sizeof(buf);

        for (size_t i = 0; i < k && (check || !done); i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buf[i] = (unsigned char)(x >> 24);
        }
        if (check)
            crc = crc_add(crc, buf, k);
        for (size_t off = 0; off < k;) {
            ssize_t n = write(s, buf + off, k - off);

            if (n <= 0)
                return perror("write"), 1;
            off += (size_t)n;
        }
        done += k;
    }
    shutdown(s, SHUT_WR);
    while (read(s, buf, sizeof(buf)) > 0) /* the host closes when done */
        ;
    print_rate("put", done, crc_finish(crc, done), now_ms() - t0);
    return 0;
}

int main(int argc, char **argv)
{
    struct sockaddr_in a = {.sin_family = AF_INET};
    int s;

    if (argc < 4 || inet_pton(AF_INET, argv[1], &a.sin_addr) != 1) {
        fprintf(stderr,
                "usage: netxfer HOST PORT MODE [BYTES] (see netxfer.c)\n");
        return 2;
    }
    crc_init();
    if (!strcmp(argv[3], "resolv")) {
        FILE *f = fopen("/etc/resolv.conf", "r");
        char line[256];

        if (!f)
            return perror("/etc/resolv.conf"), 1;
        while (fgets(line, sizeof(line), f))
            fputs(line, stdout);
        return 0;
    }
    a.sin_port = htons((uint16_t)atoi(argv[2]));
    s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return perror("socket"), 1;
    if (connect(s, (struct sockaddr *)&a, sizeof(a)) < 0) {
        printf("connect: %s\n", strerror(errno));
        return 1;
    }
    if (!strcmp(argv[3], "hello"))
        return do_hello(s);
    if (!strcmp(argv[3], "get") || !strcmp(argv[3], "sink"))
        return do_get(s, argv[3][0] == 'g');
    if ((!strcmp(argv[3], "put") || !strcmp(argv[3], "source")) && argc > 4)
        return do_put(s, strtoull(argv[4], NULL, 0), argv[3][0] == 'p');
    fprintf(stderr, "netxfer: unknown mode '%s'\n", argv[3]);
    return 2;
}
