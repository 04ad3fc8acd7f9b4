/* threads_preempt.c: a spinning thread does not starve the others. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static volatile int stop;
static volatile long spins;

static void *spinner(void *arg)
{
    while (!stop)
        spins++;
    printf("spinner stopped\n");
    return NULL;
}

/* Only runs if the timer takes the CPU away from the spinner. */
static void *sleeper(void *arg)
{
    struct timespec ts = {0, 30 * 1000 * 1000};

    nanosleep(&ts, NULL);
    printf("sleeper woke while the spinner spun: %s\n",
           spins > 0 && !stop ? "yes" : "no");
    stop = 1;
    return NULL;
}

int main(void)
{
    pthread_t a, b;

    pthread_create(&a, NULL, spinner, NULL);
    pthread_create(&b, NULL, sleeper, NULL);
    /* Two threads that spin: neither may keep the CPU for good. */
    while (!stop)
        ;
    pthread_join(b, NULL);
    pthread_join(a, NULL);
    printf("main done\n");
    return 0;
}
