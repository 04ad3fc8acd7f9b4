/* loop.c: the event loop: poll() over the listener and every connection. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"

#define LOOP_TICK_MS 1000 /* how often idle connections are looked at */

struct loop {
    struct conn **conns;
    short *want;           /* poll events each connection waits for */
    struct pollfd *pfds;   /* [0] the listener, then one per connection */
    int n, max;
};

long long loop_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Takes every pending connection while there is room. */
static void loop_accept(struct loop *l, int lfd, long long now)
{
    while (l->n < l->max) {
        int one = 1, fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR &&
                errno != ECONNABORTED)
                perror("httpd: accept");
            return;
        }
        struct conn *c = malloc(sizeof *c);
        if (!c || fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
            free(c);
            close(fd);
            continue;
        }
        /* Responses go out whole: do not hold back their last segment. */
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conn_init(c, fd, now);
        l->conns[l->n] = c;
        l->want[l->n++] = POLLIN;
    }
}

/* Runs the connections poll() reported and drops the ones that closed or
 * sat idle too long. */
static void loop_dispatch(struct loop *l, const struct httpd_config *cfg,
                          long long now)
{
    int kept = 0;

    for (int i = 0; i < l->n; i++) {
        struct conn *c = l->conns[i];
        short rev = l->pfds[i + 1].revents;
        short want = l->want[i];

        if (rev)
            want = conn_step(c, rev, cfg, now);
        else if (conn_expired(c, now))
            conn_close(c), want = 0;
        if (c->state == CONN_CLOSED) {
            free(c);
            continue;
        }
        l->conns[kept] = c;
        l->want[kept++] = want;
    }
    l->n = kept;
}

int loop_run(int lfd, const struct httpd_config *cfg)
{
    struct loop l = {.max = cfg->max_conns};

    l.conns = calloc(l.max, sizeof *l.conns);
    l.want = calloc(l.max, sizeof *l.want);
    l.pfds = calloc(l.max + 1, sizeof *l.pfds);
    if (!l.conns || !l.want || !l.pfds) {
        fprintf(stderr, "httpd: out of memory for %d connections\n", l.max);
        return 1;
    }
    for (;;) {
        /* A full table stops accepting: the backlog holds the rest. */
        l.pfds[0] = (struct pollfd){.fd = lfd,
                                    .events = l.n < l.max ? POLLIN : 0};
        for (int i = 0; i < l.n; i++)
            l.pfds[i + 1] = (struct pollfd){.fd = l.conns[i]->fd,
                                            .events = l.want[i]};
        int ready = poll(l.pfds, l.n + 1, LOOP_TICK_MS);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            perror("httpd: poll");
            return 1;
        }
        long long now = loop_now_ms();
        /* Connections first: the ones accepted now have no slot yet. */
        loop_dispatch(&l, cfg, now);
        if (ready > 0 && (l.pfds[0].revents & POLLIN))
            loop_accept(&l, lfd, now);
    }
}
