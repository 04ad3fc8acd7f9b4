/* threads_sysconf.c: one CPU as musl counts it, and pthread_kill probes. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void *quit(void *arg)
{
    return arg;
}

int main(void)
{
    cpu_set_t set;
    pthread_t t;

    printf("online CPUs: %ld\n", sysconf(_SC_NPROCESSORS_ONLN));
    CPU_ZERO(&set);
    printf("affinity: %d, CPUs in mask: %d\n",
           sched_getaffinity(0, sizeof set, &set), CPU_COUNT(&set));
    printf("pthread_kill(self, 0): %d\n", pthread_kill(pthread_self(), 0));
    pthread_create(&t, NULL, quit, NULL);
    printf("pthread_kill(live thread, 0): %d\n", pthread_kill(t, 0));
    pthread_join(t, NULL);
    return 0;
}
