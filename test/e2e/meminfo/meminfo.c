/* meminfo.c: /proc/meminfo has Linux's format and follows allocations. */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#define KEYS_MAX 64

struct field {
    char key[32];
    unsigned long value;
    int kb; /* the line ends in " kB" */
};

static struct field fields[KEYS_MAX];
static int nfields;

static void fail(const char *what)
{
    printf("FAIL %s\n", what);
    exit(1);
}

/* One line as Linux writes it: "Key:", spaces, a decimal number, and
 * either " kB" or nothing, then the newline. */
static int parse_line(const char *s, struct field *f)
{
    size_t k = 0;

    while (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '(' ||
           s[k] == ')')
        k++;
    if (k == 0 || k >= sizeof f->key || s[k] != ':')
        return -1;
    memcpy(f->key, s, k);
    f->key[k] = 0;
    s += k + 1;
    if (*s != ' ')
        return -1;
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s))
        return -1;
    f->value = strtoul(s, (char **)&s, 10);
    f->kb = strncmp(s, " kB", 3) == 0;
    if (f->kb)
        s += 3;
    return strcmp(s, "\n") == 0 ? 0 : -1;
}

/* Reads the whole file with stdio, the way programs do, into fields[]. */
static void meminfo_read(void)
{
    char line[256];
    FILE *f = fopen("/proc/meminfo", "r");

    if (!f)
        fail("fopen /proc/meminfo");
    nfields = 0;
    while (fgets(line, sizeof line, f)) {
        if (nfields == KEYS_MAX || parse_line(line, &fields[nfields]) < 0) {
            printf("bad line: %s", line);
            fail("format");
        }
        nfields++;
    }
    fclose(f);
}

/* The value of KEY; its unit must be kB or a plain count as asked. */
static unsigned long meminfo_get(const char *key, int kb)
{
    for (int i = 0; i < nfields; i++) {
        if (strcmp(fields[i].key, key) != 0)
            continue;
        if (fields[i].kb != kb) {
            printf("%s: unit\n", key);
            fail("unit");
        }
        return fields[i].value;
    }
    printf("%s: missing\n", key);
    fail("missing key");
    return 0;
}

static int meminfo_has(const char *key)
{
    for (int i = 0; i < nfields; i++)
        if (strcmp(fields[i].key, key) == 0)
            return 1;
    return 0;
}

/* Layout: the first three keys in Linux's order, totals consistent. */
static void check_format(void)
{
    static const char *const first[] = {"MemTotal", "MemFree",
                                        "MemAvailable"};
    unsigned long total, free;

    meminfo_read();
    for (int i = 0; i < 3; i++)
        if (nfields <= i || strcmp(fields[i].key, first[i]) != 0)
            fail("order of the first keys");
    total = meminfo_get("MemTotal", 1);
    free = meminfo_get("MemFree", 1);
    if (total == 0 || free == 0 || free > total ||
        meminfo_get("MemAvailable", 1) > total)
        fail("totals");
    meminfo_get("SwapTotal", 1);
    meminfo_get("Cached", 1);
    printf("ok format (%d lines)\n", nfields);
}

/* 8 MiB mapped and touched is 8192 kB less free memory and 8192 kB more
 * of the program's; unmapping gives exactly that back. */
static void check_follows_mmap(void)
{
    size_t len = 8 << 20;
    unsigned long before, during, after, anon0, anon1, anon2;
    char *p;

    meminfo_read();
    before = meminfo_get("MemFree", 1);
    anon0 = meminfo_get("AnonPages", 1);
    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
             -1, 0);
    if (p == MAP_FAILED)
        fail("mmap");
    memset(p, 1, len);
    meminfo_read();
    during = meminfo_get("MemFree", 1);
    anon1 = meminfo_get("AnonPages", 1);
    munmap(p, len);
    meminfo_read();
    after = meminfo_get("MemFree", 1);
    anon2 = meminfo_get("AnonPages", 1);
    if (anon1 - anon0 != len >> 10 || anon2 != anon0) {
        printf("AnonPages %lu, %lu mapped, %lu unmapped\n", anon0, anon1,
               anon2);
        fail("AnonPages follows mmap");
    }
    if (before - during != len >> 10 || after != before) {
        printf("MemFree %lu, %lu mapped, %lu unmapped\n", before, during,
               after);
        fail("MemFree follows mmap");
    }
    printf("ok MemFree and AnonPages follow mmap and munmap\n");
}

static int tcp_socket(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        fail("socket");
    return fd;
}

/* The network lines count what the stack holds: a listener, the two
 * ends of a loopback connection, and the active closer's TIME_WAIT. */
static void check_net(void)
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof sa;
    unsigned long pcbs0, listen0, tw0;
    int l = tcp_socket(), c, a;

    meminfo_read();
    if (!meminfo_has("NetHeapBytes") || meminfo_get("NetHeapBytes", 0) == 0 ||
        meminfo_get("NetHeapUsedBytes", 0) == 0 ||
        meminfo_get("NetHeapUsedBytes", 0) >= meminfo_get("NetHeapBytes", 0))
        fail("network heap lines");
    listen0 = meminfo_get("NetTcpListen", 0);
    tw0 = meminfo_get("NetTcpTimeWait", 0);
    if (bind(l, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(l, 4) < 0 ||
        getsockname(l, (struct sockaddr *)&sa, &sl) < 0)
        fail("listen");
    meminfo_read();
    if (meminfo_get("NetTcpListen", 0) != listen0 + 1)
        fail("NetTcpListen counts a listener");
    pcbs0 = meminfo_get("NetTcpPcbs", 0);
    c = tcp_socket();
    if (connect(c, (struct sockaddr *)&sa, sizeof sa) < 0 ||
        (a = accept(l, NULL, NULL)) < 0)
        fail("connect");
    meminfo_read();
    if (meminfo_get("NetTcpPcbs", 0) != pcbs0 + 2)
        fail("NetTcpPcbs counts both ends");
    /* c closes first and a only once it has seen c's FIN: c ends in
     * TIME_WAIT, a's pcb is gone once c acknowledges a's FIN. */
    close(c);
    if (read(a, &sl, 1) != 0)
        fail("EOF after the peer's close");
    close(a);
    close(l);
    usleep(200000);
    meminfo_read();
    if (meminfo_get("NetTcpListen", 0) != listen0 ||
        meminfo_get("NetTcpTimeWait", 0) != tw0 + 1 ||
        meminfo_get("NetTcpPcbs", 0) != pcbs0 + 1)
        fail("after close: no listener, one pcb in TIME_WAIT");
    printf("ok network lines count listeners, connections, TIME_WAIT\n");
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";

    if (!strcmp(what, "format"))
        check_format();
    else if (!strcmp(what, "mmap"))
        check_follows_mmap();
    else if (!strcmp(what, "net"))
        check_net();
    else
        fail("usage: meminfo format|mmap|net");
    printf("SUCCESS\n");
    return 0;
}
