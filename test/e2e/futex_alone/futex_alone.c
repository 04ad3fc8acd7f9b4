/* futex_alone.c: futex waits in a program that never starts a thread. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* White box: the runtime's handler, called the way musl's lock code does
 * (a direct call; syscall() would link every handler, the scheduler too),
 * and the scheduler, named weakly to see that it is not linked. */
long uk_sys_futex(long uaddr, long op, long val, long timeout, long uaddr2,
                  long val3);
void sched_block(void) __attribute__((weak));

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1

static int word;

/* Without threads nothing can wake a waiter: a wait runs out its timeout,
 * and a wait without one is a deadlock, reported as such. */
int main(int argc, char **argv)
{
    struct timespec t0, t1, rel = {0, 80000000};
    long r, ms;

    printf("scheduler linked: %s\n", sched_block ? "yes" : "no");
    if (argc > 1 && strcmp(argv[1], "forever") == 0) {
        printf("waiting forever\n");
        fflush(stdout);
        uk_sys_futex((long)&word, FUTEX_WAIT, 0, 0, 0, 0);
        printf("woke up\n");
        return 1;
    }
    printf("wait on a changed word: %s\n",
           uk_sys_futex((long)&word, FUTEX_WAIT, 1, (long)&rel, 0, 0) ==
                   -EAGAIN
               ? "EAGAIN"
               : "wrong");
    printf("wake with no waiter: %ld\n",
           uk_sys_futex((long)&word, FUTEX_WAKE, 1, 0, 0, 0));
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r = uk_sys_futex((long)&word, FUTEX_WAIT, 0, (long)&rel, 0, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("timed wait: %s, waited %s\n",
           r == -ETIMEDOUT ? "ETIMEDOUT" : strerror((int)-r),
           ms >= 75 && ms < 5000 ? "about 80 ms" : "the wrong time");
    printf("SUCCESS\n");
    return 0;
}
