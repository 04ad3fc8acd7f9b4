/* cancel.c: pthread_cancel of another thread, acted on at its next
 * cancellation point (deferred cancellation). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *worker(void *arg)
{
    for (;;) {
        pthread_testcancel();
        usleep(1000);
    }
    return NULL;
}

static void *sleeper(void *arg)
{
    sleep(100); /* a cancellation point itself */
    return NULL;
}

int main(void)
{
    pthread_t t, s;
    void *r1, *r2;

    pthread_create(&t, NULL, worker, NULL);
    usleep(5000);
    printf("cancel: %d\n", pthread_cancel(t));
    pthread_join(t, &r1);
    printf("worker cancelled: %s\n", r1 == PTHREAD_CANCELED ? "yes" : "no");
    pthread_create(&s, NULL, sleeper, NULL);
    usleep(5000);
    pthread_cancel(s);
    pthread_join(s, &r2);
    printf("sleeper cancelled: %s\n", r2 == PTHREAD_CANCELED ? "yes" : "no");
    return 0;
}
