/* threads_deadlock.c: every thread blocked forever: reported, no hang. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t both_hold;

static void *other(void *arg)
{
    pthread_mutex_lock(&b);
    pthread_barrier_wait(&both_hold);
    pthread_mutex_lock(&a);
    return NULL;
}

int main(void)
{
    pthread_t t;

    pthread_barrier_init(&both_hold, NULL, 2);
    pthread_create(&t, NULL, other, NULL);
    pthread_mutex_lock(&a);
    pthread_barrier_wait(&both_hold);
    printf("both locked\n");
    fflush(stdout);
    pthread_mutex_lock(&b);
    printf("not reached\n");
    return 0;
}
