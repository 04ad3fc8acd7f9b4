/* alarm.c: SIGALRM from alarm() and setitimer() reaches a spinning loop,
 * interrupts blocking calls with EINTR, and by default ends the program. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t ticks;

static void on_alarm(int sig)
{
    ticks++;
}

static void catch_alarm(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
}

static void spin(void)
{
    volatile unsigned long n = 0;

    ticks = 0;
    alarm(1);
    while (!ticks)
        n++;
    printf("spin: interrupted after work (%s)\n", n ? "yes" : "no");
}

static void blocked_read(void)
{
    int p[2];
    char c;
    ssize_t r;

    pipe(p);
    ticks = 0;
    alarm(1);
    r = read(p[0], &c, 1);
    printf("read: %zd %s, handler ran %d\n", r, strerror(errno),
           (int)ticks);
}

static void sleep_interrupted(void)
{
    struct timespec req = {5, 0}, rem = {0, 0};
    int r;

    ticks = 0;
    alarm(1);
    r = nanosleep(&req, &rem);
    printf("nanosleep: %d %s, handler ran %d, left 3..5 s: %s\n", r,
           strerror(errno), (int)ticks,
           rem.tv_sec >= 3 && rem.tv_sec <= 5 ? "yes" : "no");
}

static void interval(void)
{
    struct itimerval it = {{0, 20000}, {0, 20000}}, cur;

    ticks = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    getitimer(ITIMER_REAL, &cur);
    printf("getitimer: interval %ld us, armed %s\n",
           (long)cur.it_interval.tv_usec,
           cur.it_value.tv_sec || cur.it_value.tv_usec ? "yes" : "no");
    while (ticks < 5)
        pause();
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
    getitimer(ITIMER_REAL, &cur);
    printf("interval: 5 ticks, disarmed %s\n",
           cur.it_value.tv_sec || cur.it_value.tv_usec ? "no" : "yes");
}

static void suspended(void)
{
    sigset_t block, old, wait;

    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    ticks = 0;
    alarm(1);
    sigemptyset(&wait);
    sigsuspend(&wait);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("sigsuspend: handler ran %d\n", (int)ticks);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "default")) {
        alarm(1);
        for (;;)
            ;
    }
    catch_alarm();
    spin();
    blocked_read();
    sleep_interrupted();
    interval();
    suspended();
    printf("alarm(0) left: %u\n", alarm(0));
    return 0;
}
