/* sock_addr.c: IPv4 socket addresses <-> lwIP, and lwIP errors as errno. */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>

#include "lwip/err.h"
#include "lwip/netif.h"
#include "sock.h"

long sock_addr_from(const void *sa, long len, ip_addr_t *ip, uint16_t *port)
{
    struct sockaddr_in in;

    if (!sa)
        return -EFAULT;
    if (len < (long)sizeof(sa_family_t))
        return -EINVAL;
    if (((const struct sockaddr *)sa)->sa_family != AF_INET)
        return -EAFNOSUPPORT;
    if (len < (long)sizeof in)
        return -EINVAL;
    memcpy(&in, sa, sizeof in);
    ip_addr_set_ip4_u32_val(*ip, in.sin_addr.s_addr);
    *port = ntohs(in.sin_port);
    return 0;
}

/* Like the kernel: copies what fits, returns the address's full length. */
long sock_addr_to(const ip_addr_t *ip, uint16_t port, void *sa, long salen)
{
    struct sockaddr_in in = {.sin_family = AF_INET};

    in.sin_port = htons(port);
    in.sin_addr.s_addr = ip ? ip4_addr_get_u32(ip_2_ip4(ip)) : 0;
    if (sa && salen > 0)
        memcpy(sa, &in, salen < (long)sizeof in ? (size_t)salen : sizeof in);
    return sizeof in;
}

int sock_err_from_lwip(int err)
{
    switch (err) {
    case ERR_OK:
        return 0;
    case ERR_MEM:
        return ENOMEM;
    case ERR_BUF:
        return ENOBUFS;
    case ERR_TIMEOUT:
        return ETIMEDOUT;
    case ERR_RTE:
        return ENETUNREACH;
    case ERR_INPROGRESS:
        return EINPROGRESS;
    case ERR_WOULDBLOCK:
        return EWOULDBLOCK;
    case ERR_USE:
        return EADDRINUSE;
    case ERR_ALREADY:
        return EALREADY;
    case ERR_ISCONN:
        return EISCONN;
    case ERR_CONN:
        return ENOTCONN;
    case ERR_IF:
        return ENETDOWN;
    case ERR_ABRT:
        return ECONNABORTED;
    case ERR_RST:
        return ECONNRESET;
    case ERR_CLSD:
        return ENOTCONN;
    default:
        return EINVAL;
    }
}

/* May a socket bind to ip? The wildcard, loopback, or an interface's. */
int sock_addr_is_local(const ip_addr_t *ip)
{
    struct netif *nif;

    if (ip_addr_isany(ip) || ip4_addr_isloopback(ip_2_ip4(ip)))
        return 1;
    for (nif = netif_list; nif; nif = nif->next)
        if (ip4_addr_cmp(netif_ip4_addr(nif), ip_2_ip4(ip)))
            return 1;
    return 0;
}
