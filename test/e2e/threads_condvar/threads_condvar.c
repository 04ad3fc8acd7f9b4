/* threads_condvar.c: producer and consumer, a bounded buffer, condvars. */
#include <pthread.h>
#include <stdio.h>

#define SLOTS 4
#define ITEMS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buf[SLOTS], head, count;
static long waits; /* the consumer had to wait: the condvars were used */

static void *producer(void *arg)
{
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == SLOTS)
            pthread_cond_wait(&not_full, &lock);
        buf[(head + count) % SLOTS] = i;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    long sum = 0;
    int expect = 1, in_order = 1;

    for (int n = 0; n < ITEMS; n++) {
        pthread_mutex_lock(&lock);
        while (count == 0) {
            waits++;
            pthread_cond_wait(&not_empty, &lock);
        }
        int v = buf[head];
        head = (head + 1) % SLOTS;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
        in_order &= v == expect++;
        sum += v;
    }
    printf("consumed %d items, sum %ld, in order: %s\n", ITEMS, sum,
           in_order ? "yes" : "no");
    return NULL;
}

int main(void)
{
    pthread_t p, c;

    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("consumer waited: %s\n", waits > 0 ? "yes" : "no");
    return 0;
}
