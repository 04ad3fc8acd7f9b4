/* lwipopts.h: ukcc's lwIP configuration: raw API, IPv4, TCP and UDP. */
#ifndef UK_LWIPOPTS_H
#define UK_LWIPOPTS_H

/* No lwIP threads or mailboxes: the runtime's network thread and the
 * socket syscalls call the raw API directly, with interrupts off (that is
 * the lock, runtime/net/net.h). */
#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TIMERS 1
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0
#define LWIP_CALLBACK_API 1

/* Memory: lwIP's own heap, on pages net_init allocates (not in .bss,
 * so programs without sockets pay nothing), and every pool carved from
 * it. Not musl's malloc: the network thread may run while a program
 * thread is inside malloc, and lwIP must never sleep on its lock. */
#define MEM_ALIGNMENT 8
#define MEM_SIZE (16 * 1024 * 1024)
extern unsigned char *net_heap; /* runtime/net/net_init.c */
#define LWIP_RAM_HEAP_POINTER net_heap
#define MEMP_MEM_MALLOC 1
/* The kernel's page allocator has a mem_init too. */
#define mem_init lwip_mem_init
#define MEM_LIBC_MALLOC 0
#define MEMP_NUM_SYS_TIMEOUT 16
#define PBUF_POOL_SIZE 256 /* only a limit on paper with MEMP_MEM_MALLOC */

/* Protocols */
#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define DHCP_DOES_ARP_CHECK 0 /* it would hold the lease back a second */
#define LWIP_AUTOIP 0
#define LWIP_IGMP 0
#define LWIP_DNS 0 /* musl resolves names itself, over UDP sockets */
#define IP_FORWARD 0
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#define SO_REUSE 1
#define SO_REUSE_RXTOALL 1
#define LWIP_SUPPORT_CUSTOM_PBUF 1 /* receive straight from NIC buffers */
#define ETHARP_SUPPORT_STATIC_ENTRIES 0
#define ARP_TABLE_SIZE 32

/* TCP: full-size segments and windows big enough for throughput. */
#define TCP_MSS 1460
#define LWIP_WND_SCALE 1
#define TCP_RCV_SCALE 3
#define TCP_WND (256 * 1024)
#define TCP_SND_BUF (128 * 1024)
#define TCP_SND_QUEUELEN (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_SNDLOWAT (TCP_SND_BUF / 4)
#define TCP_SNDQUEUELOWAT (TCP_SND_QUEUELEN / 4)
#define TCP_QUEUE_OOSEQ 1
#define LWIP_TCP_SACK_OUT 1
#define TCP_LISTEN_BACKLOG 1
#define TCP_DEFAULT_LISTEN_BACKLOG 0xff
#define LWIP_TCP_KEEPALIVE 1
#define TCP_OVERSIZE TCP_MSS
#define LWIP_TCP_TIMESTAMPS 0

/* Network interfaces: loopback (127.0.0.1, always there), the NIC glue's
 * (runtime/net/netif_virtio.c), checksum control per interface (none on
 * loopback; offload on the NIC when it has it), and a callback when an
 * address changes (the first socket call waits for DHCP). */
#define LWIP_HAVE_LOOPIF 1
#define LWIP_NETIF_LOOPBACK 1
#define LWIP_LOOPBACK_MAX_PBUFS 0
#define LWIP_NETIF_LOOPBACK_MULTITHREADING 0
#define LWIP_CHECKSUM_CTRL_PER_NETIF 1
#define LWIP_NETIF_EXT_STATUS_CALLBACK 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_NUM_NETIF_CLIENT_DATA 1
#define LWIP_SINGLE_NETIF 0
/* Room in front of every outgoing frame for the 12-byte virtio-net
 * header, so that the driver can prepend it without another buffer. */
#define PBUF_LINK_ENCAPSULATION_HLEN 12

/* Statistics: only the heap's bytes in use and each pool's elements in
 * use (a few counters, no display code), for /proc/meminfo's Net* lines
 * (runtime/net/net_meminfo.c) and the no-leak test; no debug output
 * (LWIP_DEBUG stays undefined); byte order from arch/cc.h. */
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY 0
#define MEM_STATS 1
#define MEMP_STATS 1
#define LINK_STATS 0
#define ETHARP_STATS 0
#define IP_STATS 0
#define IPFRAG_STATS 0
#define ICMP_STATS 0
#define UDP_STATS 0
#define TCP_STATS 0
#define SYS_STATS 0
#define IGMP_STATS 0
#define MIB2_STATS 0
#define LWIP_DONT_PROVIDE_BYTEORDER_FUNCTIONS 1

#endif
