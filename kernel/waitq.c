/* waitq.c: blocking on a wait queue, waking, and the timed sleepers. */
#include <errno.h>

#include "sched_internal.h"
#include "x86.h"

int waitq_upcall_hint;

/* Threads with a deadline, earliest first (by tnext). */
static struct thread *waitq_sleepers;
/* Threads blocked on a queue an interrupt handler might wake. */
static int waitq_irq_waiters;

int waitq_irq_waiter_count(void)
{
    return waitq_irq_waiters;
}

uint64_t waitq_next_deadline(void)
{
    return waitq_sleepers ? waitq_sleepers->deadline : 0;
}

static void waitq_sleeper_add(struct thread *t)
{
    struct thread **p = &waitq_sleepers;

    while (*p && (*p)->deadline <= t->deadline)
        p = &(*p)->tnext;
    t->tnext = *p;
    *p = t;
}

static void waitq_sleeper_remove(struct thread *t)
{
    struct thread **p = &waitq_sleepers;

    if (!t->deadline)
        return;
    while (*p && *p != t)
        p = &(*p)->tnext;
    if (*p)
        *p = t->tnext;
    t->deadline = 0;
}

static void waitq_remove(struct waitq *q, struct thread *t)
{
    struct thread *prev = NULL;

    for (struct thread *c = q->first; c; prev = c, c = c->next) {
        if (c != t)
            continue;
        if (prev)
            prev->next = c->next;
        else
            q->first = c->next;
        if (q->last == c)
            q->last = prev;
        if (!q->threads_only)
            waitq_irq_waiters--;
        break;
    }
    t->wq = NULL;
}

/* deadline_ns is CLOCK_MONOTONIC (time_monotonic_ns); 0 waits for a wake
 * only. Returns with interrupts off, whatever they were. */
int waitq_wait(struct waitq *q, uint64_t deadline_ns)
{
    struct thread *t;

    cli();
    t = sched_current();
    if (deadline_ns && time_monotonic_ns() >= deadline_ns)
        return -ETIMEDOUT;
    t->state = THREAD_BLOCKED;
    t->wq = q;
    t->next = NULL;
    if (q->last)
        q->last->next = t;
    else
        q->first = t;
    q->last = t;
    if (!q->threads_only)
        waitq_irq_waiters++;
    t->wait_result = 0;
    t->deadline = deadline_ns;
    if (deadline_ns)
        waitq_sleeper_add(t);
    sched_block();
    if (t->wait_result == -EINTR || waitq_upcall_hint)
        irq_self_ipi(); /* taken as the syscall returns: upcall.c */
    return t->wait_result;
}

static void waitq_wake(struct thread *t, int result)
{
    waitq_sleeper_remove(t);
    t->wait_result = result;
    sched_make_ready(t);
}

void waitq_interrupt(struct thread *t)
{
    uint64_t f = irq_save();

    if (t->state == THREAD_BLOCKED && t->wq) {
        waitq_remove(t->wq, t);
        waitq_wake(t, -EINTR);
    }
    irq_restore(f);
}

void waitq_wake_one(struct waitq *q)
{
    uint64_t f = irq_save();
    struct thread *t = q->first;

    if (t) {
        waitq_remove(q, t);
        waitq_wake(t, 0);
    }
    irq_restore(f);
}

void waitq_wake_all(struct waitq *q)
{
    uint64_t f = irq_save();

    while (q->first) {
        struct thread *t = q->first;
        waitq_remove(q, t);
        waitq_wake(t, 0);
    }
    irq_restore(f);
}

/* From the timer interrupt: everyone whose deadline has passed. */
void waitq_timer_expired(void)
{
    uint64_t now = time_monotonic_ns();

    while (waitq_sleepers && waitq_sleepers->deadline <= now) {
        struct thread *t = waitq_sleepers;
        if (t->wq)
            waitq_remove(t->wq, t);
        waitq_wake(t, -ETIMEDOUT);
    }
}
