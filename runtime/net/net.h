/* net.h: the network stack core: lwIP, its thread, and the hooks for NICs.
 *
 * Contract for everything that touches lwIP (socket layer, NIC glue):
 *
 * - The lock is "interrupts off". lwIP (NO_SYS=1, raw API) is called only
 *   with interrupts disabled: syscall handlers already run that way; other
 *   code brackets its calls with irq_save()/irq_restore(). One CPU, so
 *   that excludes every other thread and every interrupt handler.
 * - Nothing may sleep while lwIP is in the middle of something: lwIP's
 *   callbacks (recv, sent, err, accept, linkoutput, pbuf custom_free) run
 *   inside whichever lwIP call caused them and must return without
 *   blocking. A thread may sleep (waitq_wait) only between lwIP calls.
 * - Interrupt handlers never call lwIP. A NIC's handler acknowledges its
 *   device and calls net_kick(); the network thread then runs the NIC's
 *   poller (net_poller_add), which feeds frames to netif->input.
 * - lwIP's memory is its own heap (MEM_SIZE in port/lwipopts.h, pools
 *   carved from it), never musl's malloc: safe in any of these contexts.
 *
 * The stack is started by the first socket call (net_init); a program that
 * never reaches a socket syscall links none of this, nor lwIP, nor a NIC
 * driver: keep every path into them behind net_init.
 */
#ifndef UK_NET_H
#define UK_NET_H

#include <stdint.h>

#include "runtime.h"

struct netif;

/* net_init.c: bring the stack up, once; later calls return at once.
 * Order: lwIP's heap (pages from mem_alloc_pages) and lwip_init(), the
 * loopback interface (127.0.0.1/8, so sockets work with no NIC), then
 * net_dev_attach(), then the network thread. When a NIC was attached it
 * then waits (up to NET_ADDR_WAIT_NS, counted from the first call) until
 * the default interface has an IPv4 address, so that a program's first
 * connect or sendto does not race DHCP. Returns 0 or -ENOMEM; a NIC
 * without an address is not an error (loopback still works).
 * Called with interrupts off (from a syscall handler). */
#define NET_ADDR_WAIT_NS 5000000000ULL
long net_init(void);
extern unsigned char *net_heap; /* lwIP's heap (LWIP_RAM_HEAP_POINTER) */
/* At exit (process/exit.c, weak reference): wait until the peers have
 * acknowledged all data sent and the NIC has sent every frame (pollers'
 * busy), at most NET_FLUSH_NS. */
#define NET_FLUSH_NS 3000000000ULL
void net_flush(void);

/* net_thread.c: the network thread. It loops: run every poller, deliver
 * loopback packets (netif_poll_all), run lwIP's timers
 * (sys_check_timeouts), then sleep until the next lwIP timeout or a kick.
 *
 * A poller is called by the network thread with interrupts off: it drains
 * its device's received frames into netif->input, reclaims finished
 * transmissions and refills receive buffers. It must not sleep. Register
 * it from net_dev_attach (the struct must stay alive: static storage). */
struct net_poller {
    void (*poll)(void *arg);
    void *arg;
    /* Optional: 1 while frames handed to the device are not sent yet.
     * net_flush waits for it at exit (the VM stops with the program). */
    int (*busy)(void *arg);
    struct net_poller *next; /* owned by net_thread.c */
};
int net_pollers_busy(void);                /* some poller's busy() says 1 */
void net_poller_add(struct net_poller *p); /* interrupts off */
/* Wake the network thread to run the pollers and timers now. Callable from
 * interrupt handlers, with interrupts off, and from threads. */
void net_kick(void);
void net_thread_start(void); /* net_init: once */
/* After an lwIP call made outside the network thread (the socket layer):
 * wake the thread if that call queued loopback packets or armed an lwIP
 * timer earlier than the thread's sleep ends. Interrupts off. */
void net_update(void);

/* net_addr.c: waiting for an address (DHCP or static) on the default
 * interface. The callback registered here runs on every address change
 * and wakes the waiters. */
void net_addr_watch(void);               /* net_init: once */
int net_addr_wait(uint64_t deadline_ns); /* 1: has one, 0: timed out */

/* netif_virtio.c (the NIC glue, a separate work item): find the NIC and
 * add it: netif_add(..., ethernet_input), netif_set_default, netif_set_up,
 * link up, then start DHCP or set the static address from the kernel
 * command line; register its poller (net_poller_add) and make its
 * interrupt call net_kick(). Called once by net_init with interrupts off,
 * after the loopback is up and before the network thread starts. Returns
 * the number of interfaces it added: 0 when there is no NIC (not an
 * error: the program gets loopback only).
 * Frames may be handed to lwIP as custom pbufs around the NIC's receive
 * buffers (LWIP_SUPPORT_CUSTOM_PBUF is on): sockets keep received pbufs
 * until the program reads them, so the glue must not let a slow reader
 * starve its receive ring (copy when buffers run low). Outgoing pbufs
 * have PBUF_LINK_ENCAPSULATION_HLEN (12) bytes of headroom in front of
 * the Ethernet header, for the virtio-net header. */
int net_dev_attach(void);

/* net_meminfo.c: lwIP's heap and pool use as /proc/meminfo lines
 * (procfs refers to it weakly: no network, no lines); snprintf-style. */
int net_meminfo(char *buf, size_t n);

/* sys_now.c, rand.c, assert.c: lwIP's port functions (port/arch/cc.h) */
uint32_t net_rand(void);
_Noreturn void net_assert_fail(const char *msg, const char *file, int line);

#endif
