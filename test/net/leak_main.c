/* leak_main.c: samples/httpd plus a /proc/meminfo port, for leak_test.sh.
 *
 * Built with samples/httpd's sources in place of their main.c:
 *     ukcc -Isamples/httpd -o leak.img test/net/leak_{main,malloc}.c \
 *         samples/httpd/{loop,conn,request,response,mime,page}.c
 *     ukrun --net user -p 8080:80 -p 8081:81 leak.img -- /srv
 * Port 80 is httpd itself (document root argv[1], or the built-in page);
 * port 81 answers every HTTP request with the guest's /proc/meminfo and a
 * last line of its own, "MallocBytes: N", the bytes malloc has handed out
 * and not had back (leak_malloc.c), from a thread of its own, so that the
 * server under test runs unchanged.
 *
 * The meminfo answer is read while its own connection is open and the
 * connection is closed by the client first: every reading sees the same
 * one extra connection, and none leaves a pcb in TIME_WAIT behind. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "httpd.h"

#define LEAK_MEMINFO_PORT 81
#define LEAK_TIMEOUT_S 5 /* a meminfo client that stalls is dropped */

long leak_malloc_bytes(void); /* leak_malloc.c */

/* Static: the reading itself must not allocate (it would show up). */
static char leak_req[4096];
static char leak_body[8192];
static char leak_head[256];

static int leak_listen(int port, int nonblock)
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_port = htons(port),
                             .sin_addr.s_addr = htonl(INADDR_ANY)};
    int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
        listen(fd, 16) < 0 ||
        (nonblock && fcntl(fd, F_SETFL, O_NONBLOCK) < 0)) {
        fprintf(stderr, "leak: port %d: %s\n", port, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads until the end of a request head; 0 when one arrived. */
static int leak_read_head(int fd)
{
    size_t len = 0;

    while (len < sizeof leak_req - 1) {
        ssize_t n = read(fd, leak_req + len, sizeof leak_req - 1 - len);
        if (n <= 0)
            return -1;
        len += (size_t)n;
        leak_req[len] = 0;
        if (strstr(leak_req, "\r\n\r\n"))
            return 0;
    }
    return -1;
}

static size_t leak_meminfo(void)
{
    size_t len = 0;
    ssize_t n;
    int fd = open("/proc/meminfo", O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return 0;
    while (len < sizeof leak_body &&
           (n = read(fd, leak_body + len, sizeof leak_body - len)) > 0)
        len += (size_t)n;
    close(fd);
    n = snprintf(leak_body + len, sizeof leak_body - len,
                 "MallocBytes: %ld\n", leak_malloc_bytes());
    if (n > 0 && (size_t)n < sizeof leak_body - len)
        len += (size_t)n;
    return len;
}

static int leak_write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* One client: its request, the answer, then its close before ours. */
static void leak_answer(int fd)
{
    struct timeval tv = {LEAK_TIMEOUT_S, 0};
    size_t len;
    int hl;

    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (leak_read_head(fd) < 0)
        return;
    len = leak_meminfo();
    hl = snprintf(leak_head, sizeof leak_head,
                  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                  "Content-Length: %zu\r\n\r\n", len);
    if (leak_write_all(fd, leak_head, (size_t)hl) < 0 ||
        leak_write_all(fd, leak_body, len) < 0)
        return;
    while (read(fd, leak_req, sizeof leak_req) > 0)
        ;
}

static void *leak_meminfo_server(void *arg)
{
    int lfd = *(int *)arg;

    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno != EINTR && errno != ECONNABORTED)
                perror("leak: accept");
            continue;
        }
        leak_answer(fd);
        close(fd);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    static char root[HTTPD_PATH_MAX];
    static int mfd;
    struct httpd_config cfg = {.port = 80, .max_conns = 256};
    struct stat st;
    pthread_t t;
    int fd;

    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && strlen(argv[1]) < sizeof root &&
        stat(argv[1], &st) == 0 && S_ISDIR(st.st_mode)) {
        strcpy(root, argv[1]);
        cfg.root = root;
    }
    fd = leak_listen(cfg.port, 1);
    mfd = leak_listen(LEAK_MEMINFO_PORT, 0);
    if (fd < 0 || mfd < 0)
        return 1;
    if (pthread_create(&t, NULL, leak_meminfo_server, &mfd) != 0) {
        fprintf(stderr, "leak: no thread for the meminfo port\n");
        return 1;
    }
    printf("leak: httpd on port %d (%s), /proc/meminfo on port %d\n",
           cfg.port, cfg.root ? cfg.root : "built-in page",
           LEAK_MEMINFO_PORT);
    return loop_run(fd, &cfg);
}
