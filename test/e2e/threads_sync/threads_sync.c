/* threads_sync.c: rwlock, semaphore, barrier and pthread_once. */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>

#define NTHREADS 6
#define ROUNDS 200

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long shared_a, shared_b; /* writers keep a == b */
static volatile int torn;
static sem_t slots;
static volatile int in_section, max_in_section;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t barrier;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_calls;
static volatile int arrived, early_leavers;

static void init_once(void)
{
    once_calls++;
}

static void *worker(void *arg)
{
    long id = (long)arg;

    pthread_once(&once, init_once);
    for (int i = 0; i < ROUNDS; i++) {
        if (i % 4 == id % 4) {
            pthread_rwlock_wrlock(&rw);
            shared_a++;
            sched_yield(); /* let readers try while a != b */
            shared_b++;
            pthread_rwlock_unlock(&rw);
        } else {
            pthread_rwlock_rdlock(&rw);
            if (shared_a != shared_b)
                torn = 1;
            pthread_rwlock_unlock(&rw);
        }
    }

    /* At most 2 threads between sem_wait and sem_post, all trying. */
    pthread_barrier_wait(&barrier);
    for (int i = 0; i < ROUNDS / 4; i++) {
        sem_wait(&slots);
        pthread_mutex_lock(&lock);
        if (++in_section > max_in_section)
            max_in_section = in_section;
        pthread_mutex_unlock(&lock);
        sched_yield();
        pthread_mutex_lock(&lock);
        in_section--;
        pthread_mutex_unlock(&lock);
        sem_post(&slots);
    }

    /* Nobody leaves the barrier before everybody has arrived. */
    pthread_mutex_lock(&lock);
    arrived++;
    pthread_mutex_unlock(&lock);
    int serial = pthread_barrier_wait(&barrier);
    if (arrived != NTHREADS)
        early_leavers++;
    return (void *)(long)(serial == PTHREAD_BARRIER_SERIAL_THREAD);
}

int main(void)
{
    pthread_t t[NTHREADS];
    int serials = 0;

    sem_init(&slots, 0, 2);
    pthread_barrier_init(&barrier, NULL, NTHREADS);
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NTHREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        serials += (int)(long)r;
    }
    printf("rwlock: a=%ld b=%ld torn reads: %d\n", shared_a, shared_b, torn);
    printf("semaphore: at most %d inside\n", max_in_section);
    printf("barrier: early leavers %d, serial threads %d\n", early_leavers,
           serials);
    printf("once: init ran %d time(s)\n", once_calls);
    return 0;
}
