/* rand.c: LWIP_RAND from the kernel generator (ISNs, ports, DHCP ids). */
#include "net.h"

uint32_t net_rand(void)
{
    uint32_t r;

    random_fill(&r, sizeof r);
    return r;
}
