/* net_meminfo.c: the network stack's memory, as /proc/meminfo lines. */
#include <stdio.h>

#include "lwip/memp.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/stats.h"
#include "net.h"

/* Elements in use in one of lwIP's pools (MEMP_STATS counts them even
 * though every pool is carved from the heap, MEMP_MEM_MALLOC). */
static unsigned long net_pool_used(memp_t pool)
{
    return lwip_stats.memp[pool] ? lwip_stats.memp[pool]->used : 0;
}

static unsigned long net_tcp_count(const struct tcp_pcb *list)
{
    unsigned long n = 0;

    for (; list; list = list->next)
        n++;
    return n;
}

/* Plain numbers without a unit, like Linux's HugePages_* lines: the heap
 * in bytes (exact, unlike kB: a leak test compares them), pool elements
 * as counts. Before the first socket call (no heap yet) every value is 0.
 * Returns the length, snprintf-style. */
int net_meminfo(char *buf, size_t n)
{
    uint64_t flags = irq_save();
    int up = net_heap != NULL;
    unsigned long total = up ? MEM_SIZE : 0;
    unsigned long used = up ? lwip_stats.mem.used : 0;
    unsigned long pcbs = net_pool_used(MEMP_TCP_PCB);
    unsigned long tw = net_tcp_count(tcp_tw_pcbs);
    unsigned long listen = net_pool_used(MEMP_TCP_PCB_LISTEN);
    unsigned long segs = net_pool_used(MEMP_TCP_SEG);
    unsigned long udp = net_pool_used(MEMP_UDP_PCB);
    unsigned long pbufs = net_pool_used(MEMP_PBUF) +
                          net_pool_used(MEMP_PBUF_POOL);
    irq_restore(flags);

    return snprintf(buf, n,
                    "NetHeapBytes:   %8lu\n"
                    "NetHeapUsedBytes: %6lu\n"
                    "NetTcpPcbs:     %8lu\n"
                    "NetTcpTimeWait: %8lu\n"
                    "NetTcpListen:   %8lu\n"
                    "NetTcpSegs:     %8lu\n"
                    "NetUdpPcbs:     %8lu\n"
                    "NetPbufs:       %8lu\n",
                    total, used, pcbs, tw, listen, segs, udp, pbufs);
}
