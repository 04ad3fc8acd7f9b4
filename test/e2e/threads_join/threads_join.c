/* threads_join.c: pthread_join results, pthread_exit, detached threads. */
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>

#define NJOIN 6
#define NDETACHED 50

static sem_t done;
static volatile int detached_ran;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *square(void *arg)
{
    intptr_t i = (intptr_t)arg;

    if (i % 2)
        pthread_exit((void *)(i * i + 1000)); /* odd ones exit early */
    return (void *)(i * i);
}

static void *detached(void *arg)
{
    pthread_mutex_lock(&lock);
    detached_ran++;
    pthread_mutex_unlock(&lock);
    sem_post(&done);
    return NULL; /* musl unmaps this thread's own stack as it exits */
}

int main(void)
{
    pthread_t t[NJOIN];
    pthread_attr_t attr;

    for (intptr_t i = 0; i < NJOIN; i++)
        pthread_create(&t[i], NULL, square, (void *)i);
    for (int i = NJOIN - 1; i >= 0; i--) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d returned %ld\n", i, (long)(intptr_t)r);
    }

    sem_init(&done, 0, 0);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < NDETACHED; i++) {
        pthread_t d;
        if (pthread_create(&d, &attr, detached, NULL)) {
            printf("pthread_create (detached) failed\n");
            return 1;
        }
    }
    for (int i = 0; i < NDETACHED; i++)
        sem_wait(&done);
    printf("detached threads ran: %d\n", detached_ran);

    /* A thread detached after it started. */
    pthread_t late;
    pthread_create(&late, NULL, detached, NULL);
    pthread_detach(late);
    sem_wait(&done);
    printf("late-detached thread ran: %d\n", detached_ran == NDETACHED + 1);
    return 0;
}
