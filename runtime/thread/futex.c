/* futex.c: futex(2): wait for and wake on a 32-bit word, for musl's locks. */
#include <errno.h>
#include <time.h>

#include "runtime.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128 /* one process: private and shared alike */
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_ANY 0xffffffffU

/* One per waiting thread, on its stack, in arrival order. */
struct futex_waiter {
    volatile uint32_t *addr;
    uint32_t bitset;
    int woken;
    struct waitq q;
    struct futex_waiter *next;
};

static struct futex_waiter *futex_waiters;

/* The scheduler is linked by clone, nanosleep, blocking reads and polls,
 * not by musl's stdio locks: until it is there, no other thread exists. */
int waitq_wait(struct waitq *q, uint64_t deadline_ns) __attribute__((weak));
void waitq_wake_one(struct waitq *q) __attribute__((weak));

static void futex_unlink(struct futex_waiter *w)
{
    struct futex_waiter **p = &futex_waiters;

    while (*p && *p != w)
        p = &(*p)->next;
    if (*p)
        *p = w->next;
}

/* Interrupts off. Wake up to n waiters on addr, then move up to
 * requeue more of them to addr2; returns how many were woken or moved. */
static long futex_wake_requeue(volatile uint32_t *addr, long n,
                               uint32_t bitset, volatile uint32_t *addr2,
                               long requeue)
{
    struct futex_waiter **p = &futex_waiters, *w;
    long done = 0;

    while ((w = *p) && (n > 0 || requeue > 0)) {
        if (w->addr != addr || !(w->bitset & bitset)) {
            p = &w->next;
        } else if (n > 0) {
            *p = w->next;
            w->woken = 1;
            waitq_wake_one(&w->q);
            n--;
            done++;
        } else {
            w->addr = addr2;
            p = &w->next;
            requeue--;
            done++;
        }
    }
    return done;
}

long futex_wake(uint32_t *addr, long n)
{
    uint64_t f = irq_save();
    long r = futex_wake_requeue(addr, n, FUTEX_BITSET_ANY, NULL, 0);

    irq_restore(f);
    return r;
}

/* The timeout as a CLOCK_MONOTONIC deadline (0: none): relative for
 * FUTEX_WAIT, absolute for FUTEX_WAIT_BITSET. */
static long futex_deadline(const struct timespec *ts, int absolute,
                           int realtime, uint64_t *deadline)
{
    uint64_t ns, now = time_monotonic_ns();

    *deadline = 0;
    if (!ts)
        return 0;
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
        return -EINVAL;
    ns = (uint64_t)ts->tv_sec * 1000000000UL + (uint64_t)ts->tv_nsec;
    if (!absolute)
        ns += now;
    else if (realtime)
        ns = ns + now > time_realtime_ns() ? ns + now - time_realtime_ns()
                                           : now;
    *deadline = ns ? ns : 1;
    return 0;
}

/* Without a scheduler the caller is the only thread: nothing can wake it,
 * so it waits out its timeout, or it would wait forever. */
static long futex_wait_alone(volatile uint32_t *addr, uint32_t val,
                             uint64_t deadline, uint64_t f)
{
    if (!deadline) {
        kprintf("ukcc: deadlock: every thread is blocked\n");
        kernel_exit(EXIT_PANIC);
    }
    while (time_monotonic_ns() < deadline)
        __builtin_ia32_pause();
    irq_restore(f);
    return -ETIMEDOUT;
}

long futex_wait(volatile uint32_t *addr, uint32_t val, uint64_t deadline,
                uint32_t bitset)
{
    struct futex_waiter w = {addr, bitset, 0, WAITQ_INIT_THREADS_ONLY, NULL};
    struct futex_waiter **p = &futex_waiters;
    uint64_t f = irq_save();
    long r = 0;

    if (*addr != val) {
        irq_restore(f);
        return -EAGAIN;
    }
    if (!waitq_wait)
        return futex_wait_alone(addr, val, deadline, f);
    while (*p)
        p = &(*p)->next;
    *p = &w;
    while (!w.woken)
        if (waitq_wait(&w.q, deadline) < 0)
            break;
    if (!w.woken) {
        futex_unlink(&w);
        r = -ETIMEDOUT;
    }
    irq_restore(f);
    return r;
}

long uk_sys_futex(long uaddr, long op, long val, long timeout, long uaddr2,
                  long val3)
{
    volatile uint32_t *addr = (volatile uint32_t *)uaddr;
    int cmd = (int)op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
    uint64_t deadline;
    long r;

    if (!addr || (uaddr & 3))
        return -EINVAL;
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
        r = futex_deadline((const struct timespec *)timeout,
                           cmd == FUTEX_WAIT_BITSET,
                           (op & FUTEX_CLOCK_REALTIME) != 0, &deadline);
        if (r < 0)
            return r;
        if (cmd == FUTEX_WAIT_BITSET && !val3)
            return -EINVAL;
        return futex_wait(addr, (uint32_t)val, deadline,
                          cmd == FUTEX_WAIT ? FUTEX_BITSET_ANY
                                            : (uint32_t)val3);
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
        if (cmd == FUTEX_WAKE_BITSET && !val3)
            return -EINVAL;
        return futex_wake_requeue(addr, val,
                                  cmd == FUTEX_WAKE ? FUTEX_BITSET_ANY
                                                    : (uint32_t)val3,
                                  NULL, 0);
    case FUTEX_CMP_REQUEUE:
        if (*addr != (uint32_t)val3)
            return -EAGAIN;
        /* fall through */
    case FUTEX_REQUEUE:
        if (!uaddr2 || (uaddr2 & 3) || val < 0 || timeout < 0)
            return -EINVAL;
        return futex_wake_requeue(addr, val, FUTEX_BITSET_ANY,
                                  (volatile uint32_t *)uaddr2, timeout);
    default:
        return -ENOSYS;
    }
}
