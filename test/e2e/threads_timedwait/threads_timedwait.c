/* threads_timedwait.c: pthread_cond_timedwait: ETIMEDOUT on time, or woken. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;

static long elapsed_ms(const struct timespec *a, const struct timespec *b)
{
    return (b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

static int wait_ms(clockid_t clk, long ms, long *took)
{
    struct timespec start, end, deadline;
    int r = 0;

    clock_gettime(clk, &start);
    deadline = start;
    deadline.tv_nsec += ms % 1000 * 1000000;
    deadline.tv_sec += ms / 1000 + deadline.tv_nsec / 1000000000;
    deadline.tv_nsec %= 1000000000;
    pthread_mutex_lock(&lock);
    while (!ready && r == 0)
        r = pthread_cond_timedwait(&cond, &lock, &deadline);
    pthread_mutex_unlock(&lock);
    clock_gettime(clk, &end);
    *took = elapsed_ms(&start, &end);
    return r;
}

static void *signaller(void *arg)
{
    struct timespec ts = {0, 50 * 1000 * 1000};

    nanosleep(&ts, NULL);
    pthread_mutex_lock(&lock);
    ready = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_condattr_t ca;
    pthread_t t;
    long took;
    int r;

    r = wait_ms(CLOCK_REALTIME, 200, &took);
    printf("realtime: %s, within bounds: %s\n",
           r == ETIMEDOUT ? "ETIMEDOUT" : "?",
           took >= 200 && took < 1000 ? "yes" : "no");

    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_destroy(&cond);
    pthread_cond_init(&cond, &ca);
    r = wait_ms(CLOCK_MONOTONIC, 150, &took);
    printf("monotonic: %s, within bounds: %s\n",
           r == ETIMEDOUT ? "ETIMEDOUT" : "?",
           took >= 150 && took < 1000 ? "yes" : "no");

    pthread_create(&t, NULL, signaller, NULL);
    r = wait_ms(CLOCK_MONOTONIC, 5000, &took);
    pthread_join(t, NULL);
    printf("signalled: %s, early: %s\n", r == 0 ? "0" : "?",
           took >= 50 && took < 2000 ? "yes" : "no");
    return 0;
}
