/* main.c: httpd's command line, the listening socket, then the event loop. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "httpd.h"

static void usage(void)
{
    fprintf(stderr,
            "usage: httpd [-v] [-c MAXCONN] [-p PORT] [DOCROOT [PORT]]\n"
            "  serves DOCROOT (default \".\") over HTTP/1.1 on PORT "
            "(default 80);\n"
            "  without such a directory, a built-in page at /\n");
    exit(2);
}

/* A whole decimal number in [lo, hi], or exit with a message. */
static int number_arg(const char *s, const char *what, int lo, int hi)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "httpd: bad %s '%s' (want %d..%d)\n", what, s, lo,
                hi);
        exit(2);
    }
    return (int)v;
}

static void parse_args(int argc, char **argv, struct httpd_config *cfg)
{
    static char root[HTTPD_PATH_MAX];
    const char *dir = ".";
    struct stat st;
    int opt;

    cfg->port = 80;
    cfg->max_conns = 256;
    cfg->verbose = 0;
    while ((opt = getopt(argc, argv, "vc:p:h")) != -1) {
        switch (opt) {
        case 'v': cfg->verbose = 1; break;
        case 'c':
            cfg->max_conns = number_arg(optarg, "MAXCONN", 1, 65536);
            break;
        case 'p': cfg->port = number_arg(optarg, "port", 1, 65535); break;
        default: usage();
        }
    }
    if (optind < argc)
        dir = argv[optind++];
    if (optind < argc)
        cfg->port = number_arg(argv[optind++], "port", 1, 65535);
    if (optind < argc)
        usage();
    if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
        printf("httpd: no directory %s, serving the built-in page\n", dir);
        cfg->root = NULL;
        return;
    }
    if (strlen(dir) >= sizeof root) {
        fprintf(stderr, "httpd: document root too long\n");
        exit(2);
    }
    strcpy(root, dir);
    /* Request paths start with '/': drop the root's own trailing ones. */
    for (size_t n = strlen(root); n > 1 && root[n - 1] == '/'; n--)
        root[n - 1] = 0;
    if (!strcmp(root, "/"))
        root[0] = 0;
    cfg->root = root;
}

static int listen_on(int port)
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_port = htons(port),
                             .sin_addr.s_addr = htonl(INADDR_ANY)};
    int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0) {
        perror("httpd: socket");
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        fprintf(stderr, "httpd: bind to port %d: %s\n", port,
                strerror(errno));
        close(fd);
        return -1;
    }
    if (listen(fd, 128) < 0 || fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
        perror("httpd: listen");
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    struct httpd_config cfg;
    int fd;

    /* Lines reach the console (or a pipe) as they are printed. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    parse_args(argc, argv, &cfg);
    /* A peer that goes away mid-response is an error from write(), not a
     * reason to die. */
    signal(SIGPIPE, SIG_IGN);
    fd = listen_on(cfg.port);
    if (fd < 0)
        return 1;
    printf("httpd: serving %s on port %d\n",
           cfg.root ? (*cfg.root ? cfg.root : "/") : "the built-in page",
           cfg.port);
    return loop_run(fd, &cfg);
}
