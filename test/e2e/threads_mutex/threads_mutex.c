/* threads_mutex.c: 8 threads increment one counter under a mutex. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 8
#define NINCR 100000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *worker(void *arg)
{
    for (int i = 0; i < NINCR; i++) {
        pthread_mutex_lock(&lock);
        /* A non-atomic read-modify-write: lost updates without the lock. */
        long v = counter;
        __asm__ volatile("" : : : "memory");
        counter = v + 1;
        pthread_mutex_unlock(&lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t[NTHREADS];

    for (int i = 0; i < NTHREADS; i++)
        if (pthread_create(&t[i], NULL, worker, NULL)) {
            printf("pthread_create failed\n");
            return 1;
        }
    for (int i = 0; i < NTHREADS; i++)
        if (pthread_join(t[i], NULL)) {
            printf("pthread_join failed\n");
            return 1;
        }
    printf("%ld\n", counter);
    return 0;
}
