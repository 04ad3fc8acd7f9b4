/* net_addr.c: wait until the default interface has an IPv4 address. */
#include "lwip/netif.h"
#include "net.h"

static struct waitq net_addr_wq = WAITQ_INIT;
static netif_ext_callback_t net_addr_cb;

static int net_addr_ready(void)
{
    return netif_default && netif_is_up(netif_default) &&
           !ip4_addr_isany_val(*netif_ip4_addr(netif_default));
}

static void net_addr_changed(struct netif *nif, netif_nsc_reason_t reason,
                             const netif_ext_callback_args_t *args)
{
    waitq_wake_all(&net_addr_wq);
}

void net_addr_watch(void)
{
    netif_add_ext_callback(&net_addr_cb, net_addr_changed);
}

int net_addr_wait(uint64_t deadline_ns)
{
    while (!net_addr_ready())
        if (waitq_wait(&net_addr_wq, deadline_ns) < 0)
            return net_addr_ready();
    return 1;
}
