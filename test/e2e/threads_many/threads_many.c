/* threads_many.c: 100 threads, 2 MiB stacks each, in 64 MiB: reuse. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NTHREADS 100
#define STACK_SIZE (2 << 20)

static void *touch(void *arg)
{
    char big[STACK_SIZE / 2]; /* really use the stack */

    memset(big, (int)(long)arg, sizeof big);
    return (void *)(long)big[sizeof big - 1];
}

int main(void)
{
    pthread_attr_t attr;
    long sum = 0;

    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, STACK_SIZE);
    for (long i = 0; i < NTHREADS; i++) {
        pthread_t t;
        void *r;
        if (pthread_create(&t, &attr, touch, (void *)(i % 100))) {
            printf("pthread_create failed at %ld\n", i);
            return 1;
        }
        pthread_join(t, &r);
        sum += (long)r;
    }
    printf("%d threads, sum %ld\n", NTHREADS, sum);
    return 0;
}
