/* threads_futex.c: futex(2): EAGAIN, timeouts, wakes, bitsets, requeue. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

/* From the Linux ABI (musl ships no <linux/futex.h>). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | 128)

static int word_a, word_b;
static volatile int started;

static long futex(int *addr, int op, int val, const void *ts, int *addr2,
                  int val3)
{
    long r = syscall(SYS_futex, addr, op, val, ts, addr2, val3);
    return r < 0 ? -errno : r;
}

static void *waiter(void *arg)
{
    __atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
    return (void *)futex(&word_a, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
}

static void *bit_waiter(void *arg)
{
    __atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
    return (void *)futex(&word_b, FUTEX_WAIT_BITSET, 0, NULL, NULL,
                         (int)(long)arg);
}

static long ms_since(const struct timespec *a)
{
    struct timespec b;

    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

int main(void)
{
    struct timespec rel = {0, 80 * 1000 * 1000}, start, abs;
    pthread_t t[3];
    void *r[3];
    long took;

    printf("value differs: %s\n",
           futex(&word_a, FUTEX_WAIT, 1, NULL, NULL, 0) == -EAGAIN ? "EAGAIN"
                                                                   : "?");
    clock_gettime(CLOCK_MONOTONIC, &start);
    long e = futex(&word_a, FUTEX_WAIT, 0, &rel, NULL, 0);
    took = ms_since(&start);
    printf("relative timeout: %s, %s\n", e == -ETIMEDOUT ? "ETIMEDOUT" : "?",
           took >= 80 && took < 1000 ? "on time" : "wrong time");
    clock_gettime(CLOCK_MONOTONIC, &start);
    abs = start;
    abs.tv_nsec += 60 * 1000 * 1000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    e = futex(&word_a, FUTEX_WAIT_BITSET, 0, &abs, NULL, -1);
    took = ms_since(&start);
    printf("absolute timeout: %s, %s\n", e == -ETIMEDOUT ? "ETIMEDOUT" : "?",
           took >= 60 && took < 1000 ? "on time" : "wrong time");
    printf("wake with no waiters: %ld\n",
           futex(&word_a, FUTEX_WAKE, 10, NULL, NULL, 0));

    /* Two waiters on a, requeued to b, then woken there. */
    pthread_create(&t[0], NULL, waiter, NULL);
    pthread_create(&t[1], NULL, waiter, NULL);
    while (started < 2)
        sched_yield();
    sched_yield();
    printf("cmp_requeue, wrong value: %s\n",
           futex(&word_a, FUTEX_CMP_REQUEUE, 0, (void *)2L, &word_b, 5) ==
                   -EAGAIN
               ? "EAGAIN"
               : "?");
    printf("cmp_requeue moved: %ld\n",
           futex(&word_a, FUTEX_CMP_REQUEUE, 0, (void *)2L, &word_b, 0));
    printf("wake on a: %ld\n", futex(&word_a, FUTEX_WAKE, 10, NULL, NULL, 0));
    printf("wake on b: %ld\n", futex(&word_b, FUTEX_WAKE, 1, NULL, NULL, 0));
    printf("wake on b: %ld\n", futex(&word_b, FUTEX_WAKE, 1, NULL, NULL, 0));
    pthread_join(t[0], &r[0]);
    pthread_join(t[1], &r[1]);
    printf("waiters returned: %ld %ld\n", (long)r[0], (long)r[1]);

    /* Bitsets: only the waiter whose bits match wakes. */
    started = 0;
    pthread_create(&t[0], NULL, bit_waiter, (void *)1L);
    pthread_create(&t[1], NULL, bit_waiter, (void *)2L);
    while (started < 2)
        sched_yield();
    sched_yield();
    printf("wake_bitset 2: %ld\n",
           futex(&word_b, FUTEX_WAKE_BITSET, 10, NULL, NULL, 2));
    pthread_join(t[1], &r[1]);
    printf("wake_bitset 1: %ld\n",
           futex(&word_b, FUTEX_WAKE_BITSET, 10, NULL, NULL, 1));
    pthread_join(t[0], &r[0]);
    printf("bad op: %s\n",
           futex(&word_a, 99, 0, NULL, NULL, 0) == -ENOSYS ? "ENOSYS" : "?");
    return 0;
}
