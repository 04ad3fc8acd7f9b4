/* net_init.c: start the stack at the first socket call; flush at exit. */
#include <errno.h>

#include "lwip/init.h"
#include "lwip/mem.h"
#include "lwip/netif.h"
#include "lwip/priv/tcp_priv.h"
#include "net.h"

unsigned char *net_heap;

/* procfs reaches net_meminfo through a weak reference, which does not take
 * it out of the archive: this reference does, in every program that has
 * sockets (and so reaches net_init). */
static int (*const net_meminfo_link)(char *, size_t) __attribute__((used)) =
    net_meminfo;

/* lwIP's heap: MEM_SIZE plus its two bookkeeping headers and alignment
 * slack, in whole pages. */
#define NET_HEAP_PAGES (PAGE_ROUND_UP(MEM_SIZE + 64) / PAGE_SIZE)

static int net_state; /* 0: down; 1: up */
static int net_ndev;  /* interfaces net_dev_attach added */
static uint64_t net_addr_deadline;

/* Loopback costs no checksums: nothing on the way can corrupt a packet. */
static void net_loop_no_checksums(void)
{
    struct netif *nif;

    for (nif = netif_list; nif; nif = nif->next)
        if (nif->name[0] == 'l' && nif->name[1] == 'o')
            NETIF_SET_CHECKSUM_CTRL(nif, NETIF_CHECKSUM_DISABLE_ALL);
}

/* What the kernel keeps for itself beyond the heap (thread stacks, page
 * tables): a small guest gets ENOMEM from socket(), not a kernel panic
 * later on. */
#define NET_RESERVE_BYTES (2UL << 20)

static long net_bring_up(void)
{
    if (mem_free_bytes() < NET_HEAP_PAGES * PAGE_SIZE + NET_RESERVE_BYTES)
        return -ENOMEM;
    net_heap = mem_alloc_pages(NET_HEAP_PAGES);
    if (!net_heap)
        return -ENOMEM;
    lwip_init();
    net_loop_no_checksums();
    net_addr_watch();
    net_ndev = net_dev_attach();
    net_thread_start();
    net_addr_deadline = time_monotonic_ns() + NET_ADDR_WAIT_NS;
    net_state = 1;
    return 0;
}

long net_init(void)
{
    uint64_t flags = irq_save();
    long r = 0;

    if (!net_state)
        r = net_bring_up();
    if (r == 0 && net_ndev)
        net_addr_wait(net_addr_deadline);
    irq_restore(flags);
    return r;
}

/* Connections with data (or a FIN) that the peer has not acknowledged. */
static int net_tcp_pending(void)
{
    struct tcp_pcb *pcb;

    for (pcb = tcp_active_pcbs; pcb; pcb = pcb->next)
        if (pcb->snd_queuelen && pcb->state != CLOSED)
            return 1;
    return 0;
}

/* process_exit calls this (through a weak reference, so only programs that
 * use the network link it): on Linux the kernel still delivers what a
 * program wrote before it exited; here the VM stops with the program, so
 * wait, up to NET_FLUSH_NS, until every connection's data has been
 * acknowledged and the NIC has sent what it was given. The network thread
 * and the NIC do the work meanwhile. */
void net_flush(void)
{
    static struct waitq q = WAITQ_INIT;
    uint64_t flags = irq_save();
    uint64_t deadline = time_monotonic_ns() + NET_FLUSH_NS;

    if (net_state) {
        net_update();
        while ((net_tcp_pending() || net_pollers_busy()) &&
               time_monotonic_ns() < deadline)
            waitq_wait(&q, time_monotonic_ns() + 1000000);
    }
    irq_restore(flags);
}
