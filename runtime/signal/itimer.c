/* itimer.c: ITIMER_REAL, the timer behind alarm() and setitimer().
 *
 * A helper thread sleeps until the timer's deadline and then posts SIGALRM
 * (sig_async.c); setitimer wakes it to look at a new deadline. It starts
 * with the first setitimer, so programs that never arm a timer link none
 * of this. */
#include <errno.h>
#include <signal.h>

#include "runtime.h"
#include "sched_internal.h"

#define ITIMER_STACK_PAGES 4

struct itimer itimer_real;
static struct waitq itimer_q = WAITQ_INIT_THREADS_ONLY;
static int itimer_started;

static void itimer_thread(void *unused)
{
    uint64_t f = irq_save();

    sched_set_kernel_only(sched_current());
    for (;;) {
        uint64_t due = itimer_real.deadline;

        if (!due || time_monotonic_ns() < due) {
            waitq_wait(&itimer_q, due);
            continue;
        }
        if (itimer_real.interval) {
            uint64_t now = time_monotonic_ns();
            do
                due += itimer_real.interval;
            while (due <= now);
            itimer_real.deadline = due;
        } else {
            itimer_real.deadline = 0;
        }
        sig_post(SIGALRM);
    }
    irq_restore(f);
}

/* Interrupts off. 0, or -errno if the helper thread cannot start. */
int itimer_changed(void)
{
    if (!itimer_started) {
        char *stack = mem_alloc_pages(ITIMER_STACK_PAGES);
        int tid;

        if (!stack)
            return -ENOMEM;
        sched_ensure();
        tid = sched_spawn(itimer_thread, NULL,
                          stack + ITIMER_STACK_PAGES * PAGE_SIZE,
                          arch_get_tls());
        if (tid < 0) {
            mem_free_pages(stack, ITIMER_STACK_PAGES);
            return tid;
        }
        itimer_started = 1;
    }
    waitq_wake_all(&itimer_q);
    return 0;
}
