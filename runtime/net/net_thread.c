/* net_thread.c: the network thread: NIC pollers, loopback, lwIP timers. */
#include "lwip/netif.h"
#include "lwip/timeouts.h"
#include "net.h"
#include "sched_internal.h"

#define NET_STACK_PAGES 8

static struct waitq net_wq = WAITQ_INIT;
static struct net_poller *net_pollers;
static int net_kicked;
static int net_asleep;
static uint64_t net_wake_at; /* the sleeping thread's deadline; 0: none */

void net_poller_add(struct net_poller *p)
{
    p->next = net_pollers;
    net_pollers = p;
}

int net_pollers_busy(void)
{
    for (struct net_poller *p = net_pollers; p; p = p->next)
        if (p->busy && p->busy(p->arg))
            return 1;
    return 0;
}

void net_kick(void)
{
    uint64_t flags = irq_save();
    net_kicked = 1;
    irq_restore(flags);
    waitq_wake_one(&net_wq);
}

static int net_loop_pending(void)
{
    struct netif *nif;

    for (nif = netif_list; nif; nif = nif->next)
        if (nif->loop_first)
            return 1;
    return 0;
}

/* When lwIP next wants its timers run, on time_monotonic_ns; 0: never. */
static uint64_t net_next_timeout(void)
{
    uint32_t ms = sys_timeouts_sleeptime();

    if (ms == SYS_TIMEOUTS_SLEEPTIME_INFINITE)
        return 0;
    return time_monotonic_ns() + (uint64_t)ms * 1000000 + 1;
}

void net_update(void)
{
    uint64_t next;

    if (!net_asleep)
        return;
    if (net_loop_pending()) {
        net_kick();
        return;
    }
    next = net_next_timeout();
    if (next && (!net_wake_at || next < net_wake_at))
        net_kick();
}

static void net_thread_main(void *unused)
{
    struct net_poller *p;

    irq_save();
    sched_set_kernel_only(sched_current()); /* the program may end */
    for (;;) {
        net_kicked = 0;
        for (p = net_pollers; p; p = p->next)
            p->poll(p->arg);
        netif_poll_all();
        sys_check_timeouts();
        if (net_kicked || net_loop_pending())
            continue;
        net_wake_at = net_next_timeout();
        net_asleep = 1;
        waitq_wait(&net_wq, net_wake_at);
        net_asleep = 0;
    }
}

/* The thread has a stack of its own with a guard page under it, and no
 * TLS: it runs lwIP and the runtime only, which never touch %fs. */
void net_thread_start(void)
{
    char *stack = mem_alloc_pages(NET_STACK_PAGES + 1);

    if (!stack)
        PANIC("no memory for the network thread's stack");
    paging_unmap((uint64_t)stack, PAGE_SIZE);
    if (sched_spawn(net_thread_main, 0,
                    stack + (NET_STACK_PAGES + 1) * PAGE_SIZE, 0) < 0)
        PANIC("cannot start the network thread");
}
