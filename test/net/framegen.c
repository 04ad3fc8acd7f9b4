/* framegen.c: host-side generator of malformed Ethernet frames for a NIC.
 *
 * usage: framegen [-s SEED] [-n COUNT] [-r RATE] [-m MAC] [-i IP] [-p PORT]
 *                 [-k KIND[,KIND]...] FIFO
 *        framegen -c PCAP
 *
 * Opens FIFO, the named pipe of `ukrun --net-inject FIFO`, and writes
 * COUNT frames (default 30000), each as a 4-byte big-endian length
 * followed by the frame (QEMU's filter-redirector framing; QEMU hands the
 * frame to the guest's NIC), about RATE frames a second (default 2000).
 * The mix is reproducible from SEED: runts, truncated headers, frames over
 * the MTU and up to 64 KiB, random bytes, and frames built right down to
 * the checksums but wrong in one field, addressed to the guest (MAC, IP
 * and the server's PORT): see the kinds[] table (-k sends only the kinds
 * named there; a kind of weight 0 only then). At the end it prints how
 * many frames of each kind it sent. Exit status 0, or 1 with a message
 * (bad option, no such pipe or no reader, QEMU went away). The "ping"
 * kind is valid echo requests: `framegen -c PCAP` counts the guest's
 * answers to them in a capture of its traffic, which tells that the
 * frames did reach it.
 *
 * Forged source addresses are never 10.0.2.2 or 10.0.2.3 (user
 * networking's gateway and DNS, where the test's real clients come
 * from) and ARP never claims them: a test that poisons the guest's ARP
 * cache or resets its real connections would measure the attack, not
 * the stack's robustness.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FRAME_MAX 65536 /* QEMU takes up to 69632 */
#define ETH_HLEN 14
#define IP_HLEN 20
#define ETH_IP 0x0800
#define ETH_ARP 0x0806
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88a8
#define ETH_IPV6 0x86dd

struct frame {
    uint8_t b[FRAME_MAX];
    size_t len;
};

struct target {
    uint8_t mac[6];
    uint32_t ip;   /* host order */
    uint16_t port; /* the server's TCP port */
};

static uint64_t rng_state;
static struct target tgt;

/* splitmix64: small, seedable, good enough for test data */
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint32_t rng_below(uint32_t n)
{
    return n ? (uint32_t)(rng_next() % n) : 0;
}

static uint32_t rng_range(uint32_t lo, uint32_t hi) /* inclusive */
{
    return lo + rng_below(hi - lo + 1);
}

static void rng_fill(uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)rng_next();
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)(v >> 16));
    put16(p + 2, (uint16_t)v);
}

/* The Internet checksum of p[0..n), folded with a running sum. */
static uint16_t csum(const uint8_t *p, size_t n, uint32_t sum)
{
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        sum += (uint32_t)(p[n - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* A forged IPv4 source: anything but the gateway and DNS of user
 * networking (see the top of the file). */
static uint32_t forged_ip(void)
{
    static const uint32_t odd[] = {0, 0xffffffff, 0x7f000001, 0xe0000001,
                                   0x0a0002ff};
    uint32_t ip;

    switch (rng_below(4)) {
    case 0:
        return odd[rng_below(sizeof(odd) / sizeof(odd[0]))];
    case 1:
        return tgt.ip; /* the guest itself ("land") */
    case 2:
        ip = 0x0a000200 | rng_range(4, 254);
        return ip == tgt.ip ? ip + 1 : ip;
    default:
        ip = (uint32_t)rng_next();
        return (ip >> 8) == 0x0a0002 ? ip ^ 0x01000000 : ip;
    }
}

/* Destination MAC: mostly the guest's, sometimes broadcast or another. */
static void eth_put(struct frame *f, uint16_t type)
{
    uint32_t pick = rng_below(10);

    if (pick < 7)
        memcpy(f->b, tgt.mac, 6);
    else if (pick < 9)
        memset(f->b, 0xff, 6);
    else
        rng_fill(f->b, 6);
    rng_fill(f->b + 6, 6);
    f->b[6] = (uint8_t)((f->b[6] & ~1) | 2); /* local unicast source */
    if (rng_below(50) == 0)
        f->b[6] |= 1; /* a multicast source: invalid */
    put16(f->b + 12, type);
    f->len = ETH_HLEN;
}

/* A correct IPv4 header at off for `plen` bytes of payload. */
static void ip_put(struct frame *f, size_t off, uint8_t proto, uint32_t src,
                   uint32_t dst, size_t plen)
{
    uint8_t *h = f->b + off;

    h[0] = 0x45;
    h[1] = 0;
    put16(h + 2, (uint16_t)(IP_HLEN + plen));
    put16(h + 4, (uint16_t)rng_next());
    put16(h + 6, rng_below(2) ? 0x4000 : 0); /* DF or not */
    h[8] = (uint8_t)rng_range(1, 255);
    h[9] = proto;
    put16(h + 10, 0);
    put32(h + 12, src);
    put32(h + 16, dst);
    put16(h + 10, csum(h, IP_HLEN, 0));
}

/* The TCP/UDP checksum over the pseudo header and seg[0..n). */
static uint16_t l4_csum(const struct frame *f, size_t ipoff, uint8_t proto,
                        const uint8_t *seg, size_t n)
{
    const uint8_t *ip = f->b + ipoff;
    uint32_t sum = 0;

    for (int i = 12; i < 20; i += 2)
        sum += (uint32_t)(ip[i] << 8 | ip[i + 1]);
    sum += proto + (uint32_t)n;
    return csum(seg, n, sum);
}

/* Ethernet + IPv4 to the guest, payload left for the caller at f->len. */
static uint8_t *ip_frame(struct frame *f, uint8_t proto, size_t plen)
{
    eth_put(f, ETH_IP);
    ip_put(f, ETH_HLEN, proto, forged_ip(), tgt.ip, plen);
    f->len = ETH_HLEN + IP_HLEN + plen;
    return f->b + ETH_HLEN + IP_HLEN;
}

/* TCP options, broken in one of several ways, into o[0..n). */
static void tcp_bad_options(uint8_t *o, size_t n)
{
    static const uint8_t kinds[] = {0, 1, 2, 3, 4, 5, 8, 28, 30, 34, 254};

    rng_fill(o, n);
    for (size_t i = 0; i + 1 < n; i += o[i + 1] ? o[i + 1] : 2) {
        o[i] = kinds[rng_below(sizeof(kinds))];
        switch (rng_below(5)) {
        case 0: o[i + 1] = 0; break;             /* a length of zero */
        case 1: o[i + 1] = 1; break;             /* shorter than itself */
        case 2: o[i + 1] = (uint8_t)(n - i + rng_range(1, 40)); break;
        case 3: o[i + 1] = (uint8_t)rng_range(2, 10); break; /* wrong size */
        default: o[i + 1] = 0xff; break;
        }
        if (o[i] == 3 && i + 2 < n)
            o[i + 2] = 0xff; /* window scale shift 255 */
        if (o[i + 1] == 0 || o[i + 1] == 1)
            break; /* the rest stays random */
    }
}

static void kind_tcp(struct frame *f)
{
    static const uint8_t flags[] = {0x02, 0x07, 0x3f, 0x00, 0x29, 0x03,
                                    0x06, 0x12, 0x11, 0x14, 0x18, 0xff};
    size_t doff = rng_below(4) ? rng_range(5, 15) : rng_below(16);
    size_t hlen = (doff < 5 ? 5 : doff) * 4, data = rng_below(3) ? 0 :
                                                  rng_below(1400);
    uint8_t *t = ip_frame(f, 6, hlen + data);

    put16(t, (uint16_t)rng_range(1, 65535));
    put16(t + 2, rng_below(2) ? tgt.port : (uint16_t)rng_next());
    put32(t + 4, (uint32_t)rng_next());
    put32(t + 8, (uint32_t)rng_next());
    t[12] = (uint8_t)(doff << 4);
    t[13] = rng_below(3) ? flags[rng_below(sizeof(flags))]
                         : (uint8_t)rng_next();
    put16(t + 14, rng_below(4) ? (uint16_t)rng_next() : 0);
    put16(t + 16, 0);
    put16(t + 18, (uint16_t)rng_next()); /* urgent pointer */
    tcp_bad_options(t + 20, hlen - 20);
    rng_fill(t + hlen, data);
    if (rng_below(10))
        put16(t + 16, l4_csum(f, ETH_HLEN, 6, t, hlen + data));
}

/* A well-formed SYN to the server's port from a local address that does
 * not exist: the answer waits for ARP that never comes, so each leaves a
 * half-open connection behind (a SYN flood). */
static void kind_syn(struct frame *f)
{
    uint8_t *t = ip_frame(f, 6, 24), *h = f->b + ETH_HLEN;
    uint32_t src = 0x0a000200 | rng_range(100, 254);

    memcpy(f->b, tgt.mac, 6);
    put32(h + 12, src == tgt.ip ? src ^ 1 : src);
    put16(h + 10, 0);
    put16(h + 10, csum(h, IP_HLEN, 0));
    put16(t, (uint16_t)rng_range(1024, 65535));
    put16(t + 2, tgt.port);
    put32(t + 4, (uint32_t)rng_next());
    put32(t + 8, 0);
    t[12] = 6 << 4;
    t[13] = 0x02;
    put16(t + 14, 65535);
    put32(t + 16, 0);
    put32(t + 20, 0x020405b4); /* MSS 1460 */
    put16(t + 16, l4_csum(f, ETH_HLEN, 6, t, 24));
}

static void kind_udp(struct frame *f)
{
    static const uint16_t ports[] = {67, 68, 53, 7, 80, 0, 65535};
    size_t plen = rng_below(600);
    uint8_t *u = ip_frame(f, 17, 8 + plen);
    uint16_t ulen = (uint16_t)(8 + plen);

    switch (rng_below(5)) {
    case 0: ulen = (uint16_t)rng_below(8); break;        /* under a header */
    case 1: ulen = (uint16_t)(ulen + rng_range(1, 2000)); break; /* over */
    case 2: ulen = (uint16_t)rng_range(8, ulen); break;  /* short of IP's */
    default: break;
    }
    put16(u, (uint16_t)rng_next());
    put16(u + 2, rng_below(2) ? ports[rng_below(7)] : (uint16_t)rng_next());
    put16(u + 4, ulen);
    put16(u + 6, 0);
    rng_fill(u + 8, plen);
    if (rng_below(3))
        put16(u + 6, l4_csum(f, ETH_HLEN, 17, u, 8 + plen));
}

#define PING_ID 0x6672 /* "fr": the echo requests counted with -c */
static unsigned long ping_seq;

/* A valid echo request from a TEST-NET-1 address (routed through the
 * gateway, so the answer leaves the guest): proof that the frames get
 * through to the stack, counted in the guest's traffic with -c. */
static void kind_ping(struct frame *f)
{
    uint8_t *c, *h = f->b + ETH_HLEN;

    eth_put(f, ETH_IP);
    memcpy(f->b, tgt.mac, 6);
    ip_put(f, ETH_HLEN, 1, 0xc0000200 | rng_range(1, 254), tgt.ip, 64);
    put16(h + 6, 0); /* DF off: not a fragment either way */
    put16(h + 10, 0);
    put16(h + 10, csum(h, IP_HLEN, 0));
    c = h + IP_HLEN;
    c[0] = 8;
    c[1] = 0;
    put16(c + 2, 0);
    put16(c + 4, PING_ID);
    put16(c + 6, (uint16_t)ping_seq++);
    rng_fill(c + 8, 56);
    put16(c + 2, csum(c, 64, 0));
    f->len = ETH_HLEN + IP_HLEN + 64;
}

static void kind_icmp(struct frame *f)
{
    size_t plen = rng_below(4) ? rng_range(8, 1480) : rng_below(8);
    uint8_t *c = ip_frame(f, 1, plen);

    rng_fill(c, plen);
    if (plen < 4)
        return;
    c[0] = rng_below(2) ? 8 : (uint8_t)rng_next(); /* echo, or anything */
    c[1] = rng_below(2) ? 0 : (uint8_t)rng_next();
    put16(c + 2, 0);
    if (rng_below(5))
        put16(c + 2, csum(c, plen, 0));
}

/* An IPv4 header wrong in one field (checksum kept right unless that is
 * the field), with random payload. */
static void kind_ip_header(struct frame *f)
{
    size_t plen = rng_below(200), ihl = 5;
    uint8_t *h = f->b + ETH_HLEN;
    uint16_t tot;

    ip_frame(f, (uint8_t)rng_next(), plen);
    rng_fill(h + IP_HLEN, plen);
    tot = (uint16_t)(IP_HLEN + plen);
    switch (rng_below(9)) {
    case 0: h[0] = (uint8_t)((rng_below(16) << 4) | 5); break; /* version */
    case 1: ihl = rng_below(5); break;                 /* under 20 bytes */
    case 2: ihl = rng_range(6, 15); break;             /* options, maybe */
    case 3: tot = (uint16_t)(tot + rng_range(1, 65000)); break; /* > frame */
    case 4: tot = (uint16_t)rng_below(IP_HLEN); break; /* < header */
    case 5: put32(h + 16, rng_below(2) ? 0xffffffff : 0xe0000001); break;
    case 6: put32(h + 12, tgt.ip); put32(h + 16, tgt.ip); break;
    case 7: h[8] = 0; break;                           /* TTL 0 */
    default: h[9] = rng_below(2) ? 6 : 17; break;      /* no L4 header */
    }
    h[0] = (uint8_t)((h[0] & 0xf0) | ihl);
    if (ihl > 5 && plen >= (ihl - 5) * 4) /* options: kinds and lengths */
        for (size_t i = IP_HLEN; i < ihl * 4; i += 2)
            h[i + 1] = (uint8_t)rng_below(6);
    put16(h + 2, tot);
    put16(h + 10, 0);
    put16(h + 10, csum(h, ihl * 4 < 20 ? 20 : ihl * 4, 0));
    if (rng_below(8) == 0)
        h[10] ^= 0x5a; /* and a wrong checksum now and then */
}

/* Fragments: few IDs, so that they do meet in reassembly; offsets up to
 * the largest, overlapping, lengths not multiples of 8, a datagram that
 * would exceed 64 KiB. */
static void kind_fragment(struct frame *f)
{
    static const uint8_t protos[] = {1, 6, 17};
    size_t plen = rng_range(1, 1480);
    uint8_t *h = f->b + ETH_HLEN;
    uint16_t off;

    ip_frame(f, protos[rng_below(3)], plen);
    rng_fill(h + IP_HLEN, plen);
    switch (rng_below(4)) {
    case 0: off = 0x1fff; break;                        /* the last 8 bytes */
    case 1: off = (uint16_t)rng_range(0x1f00, 0x1fff); break;
    case 2: off = (uint16_t)rng_below(16); break;      /* overlapping */
    default: off = (uint16_t)rng_below(0x2000); break;
    }
    put16(h + 4, (uint16_t)rng_below(8)); /* the datagram's ID */
    put32(h + 12, 0x0a000263);            /* one forged source: they meet */
    put16(h + 6, (uint16_t)((rng_below(3) ? 0x2000 : 0) | off)); /* MF */
    put16(h + 10, 0);
    put16(h + 10, csum(h, IP_HLEN, 0));
}

static void kind_arp(struct frame *f)
{
    uint8_t *a = f->b + ETH_HLEN;
    uint32_t sender = forged_ip();

    eth_put(f, ETH_ARP);
    if (rng_below(2))
        memset(f->b, 0xff, 6);
    put16(a, rng_below(3) ? 1 : (uint16_t)rng_next());          /* htype */
    put16(a + 2, rng_below(3) ? ETH_IP : (uint16_t)rng_next()); /* ptype */
    a[4] = rng_below(3) ? 6 : (uint8_t)rng_next();              /* hlen */
    a[5] = rng_below(3) ? 4 : (uint8_t)rng_next();              /* plen */
    put16(a + 6, (uint16_t)rng_range(0, 4));                    /* op */
    rng_fill(a + 8, 6);
    put32(a + 14, sender);
    rng_fill(a + 18, 6);
    put32(a + 24, rng_below(2) ? tgt.ip : forged_ip());
    f->len = ETH_HLEN + 28 + (rng_below(4) ? 0 : rng_below(100));
    rng_fill(a + 28, f->len - ETH_HLEN - 28);
}

static void kind_vlan(struct frame *f)
{
    uint8_t inner[1600];
    size_t n;

    if (rng_below(2))
        kind_tcp(f);
    else
        kind_icmp(f);
    n = f->len - 12; /* type and payload move back by the tag(s) */
    if (n > sizeof(inner) - 8)
        n = sizeof(inner) - 8;
    memcpy(inner, f->b + 12, n);
    for (int tags = (int)rng_range(1, 3); tags > 0; tags--) {
        memmove(inner + 4, inner, n);
        put16(inner, rng_below(2) ? ETH_VLAN : ETH_QINQ);
        put16(inner + 2, (uint16_t)rng_next());
        n += 4;
    }
    memcpy(f->b + 12, inner, n);
    f->len = 12 + n;
}

/* Structured frames of every kind, cut inside their headers. */
static void kind_truncated(struct frame *f)
{
    switch (rng_below(5)) {
    case 0: kind_tcp(f); break;
    case 1: kind_udp(f); break;
    case 2: kind_icmp(f); break;
    case 3: kind_arp(f); break;
    default: kind_ip_header(f); break;
    }
    f->len = rng_range(ETH_HLEN, f->len < 61 ? (uint32_t)f->len : 60);
}

/* Not even an Ethernet header. Never empty: QEMU takes a NIC's answer of
 * 0 bytes taken for "no room, try later", and so would offer an empty
 * frame again and again, deaf to everything else (QEMU 7.2). */
static void kind_runt(struct frame *f)
{
    f->len = rng_range(1, ETH_HLEN - 1);
    rng_fill(f->b, f->len);
}

static void kind_random(struct frame *f)
{
    eth_put(f, (uint16_t)rng_next());
    f->len = rng_range(ETH_HLEN, 1514);
    rng_fill(f->b + 12, f->len - 12);
    if (rng_below(2))
        put16(f->b + 12, rng_below(2) ? ETH_IP : ETH_ARP);
    else if (rng_below(4) == 0)
        put16(f->b + 12, ETH_IPV6);
}

/* Just over the MTU, around the NIC's 2 KiB receive buffers. */
static void kind_giant(struct frame *f)
{
    size_t len = rng_range(1515, 2100);

    uint8_t *h = f->b + ETH_HLEN;

    rng_fill(ip_frame(f, 17, len - ETH_HLEN - IP_HLEN),
             len - ETH_HLEN - IP_HLEN);
    if (rng_below(2)) { /* IP's own length within the MTU, or not */
        put16(h + 2, (uint16_t)rng_range(IP_HLEN, 1500));
        put16(h + 10, 0);
        put16(h + 10, csum(h, IP_HLEN, 0));
    }
}

/* Far over any buffer: up to 64 KiB. */
static void kind_jumbo(struct frame *f)
{
    size_t len = rng_range(2101, FRAME_MAX);

    uint8_t *h = f->b + ETH_HLEN;

    ip_frame(f, 6, 0);
    rng_fill(h + IP_HLEN, len - ETH_HLEN - IP_HLEN);
    f->len = len;
    put16(h + 2, (uint16_t)(len - ETH_HLEN > 65535 ? 65535 : len - ETH_HLEN));
    put16(h + 10, 0);
    put16(h + 10, csum(h, IP_HLEN, 0));
}

/* A burst of broadcasts: ARP who-has and UDP to the broadcast address. */
static void kind_broadcast(struct frame *f)
{
    if (rng_below(2)) {
        kind_arp(f);
        memset(f->b, 0xff, 6);
        put16(f->b + ETH_HLEN, 1);
        put16(f->b + ETH_HLEN + 2, ETH_IP);
        f->b[ETH_HLEN + 4] = 6;
        f->b[ETH_HLEN + 5] = 4;
        put16(f->b + ETH_HLEN + 6, 1);
        return;
    }
    kind_udp(f);
    memset(f->b, 0xff, 6);
    put32(f->b + ETH_HLEN + 16, 0xffffffff);
    put16(f->b + ETH_HLEN + 10, 0);
    put16(f->b + ETH_HLEN + 10, csum(f->b + ETH_HLEN, IP_HLEN, 0));
}

static const struct kind {
    const char *name; /* for -k */
    const char *what;
    void (*build)(struct frame *f);
    unsigned weight; /* out of the sum of weights */
    unsigned burst;  /* frames in a row once chosen */
} kinds[] = {
    {"runt", "1-13 bytes", kind_runt, 5, 1},
    {"truncated", "headers cut at 14-60 bytes", kind_truncated, 12, 1},
    {"random", "random bytes", kind_random, 10, 1},
    {"giant", "over the MTU, 1515-2100 bytes", kind_giant, 6, 1},
    {"jumbo", "2101-65536 bytes", kind_jumbo, 1, 1},
    {"ipheader", "IPv4 header wrong in one field", kind_ip_header, 12, 1},
    {"fragment", "IPv4 fragments, overlapping, huge", kind_fragment, 10, 1},
    {"tcp", "TCP: flags, offsets, options", kind_tcp, 16, 1},
    {"udp", "UDP: lengths, checksums", kind_udp, 8, 1},
    {"icmp", "ICMP: echo, junk, short", kind_icmp, 6, 1},
    {"arp", "ARP: sizes, ops, spoofed", kind_arp, 6, 1},
    {"vlan", "802.1Q/802.1ad tagged, nested", kind_vlan, 4, 1},
    {"broadcast", "storms of 10 broadcasts", kind_broadcast, 1, 10},
    {"ping", "valid echo requests, answers counted", kind_ping, 2, 1},
    {"syn", "valid SYNs to PORT, never completed", kind_syn, 0, 1},
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static _Noreturn void die(const char *msg)
{
    fprintf(stderr, "framegen: %s%s%s\n", msg, errno ? ": " : "",
            errno ? strerror(errno) : "");
    exit(1);
}

static void write_all(int fd, const uint8_t *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            die("writing to the pipe (did QEMU exit?)");
        p += w;
        n -= (size_t)w;
    }
}

static void send_frame(int fd, const struct frame *f)
{
    uint8_t len[4];

    put32(len, (uint32_t)f->len);
    write_all(fd, len, 4);
    write_all(fd, f->b, f->len);
}

/* The named pipe QEMU reads: without a reader (ukrun is not running),
 * opening fails (ENXIO) instead of waiting for one. */
static int open_pipe(const char *path)
{
    struct stat st;
    int fd = open(path, O_WRONLY | O_NONBLOCK);

    if (fd < 0)
        die(errno == ENXIO ? "no one reads the pipe (is ukrun running?)"
                           : "cannot open the pipe");
    if (fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode)) {
        errno = 0;
        die("not a named pipe (ukrun --net-inject FIFO makes one)");
    }
    if (fcntl(fd, F_SETFL, 0) < 0) /* blocking: QEMU sets the pace */
        die("fcntl");
    return fd;
}

static int kind_on[NKINDS]; /* -k: the kinds to send */
static int kind_named;      /* -k was given: weight 0 counts as 1 */

/* -k NAME[,NAME]...: only these kinds. */
static void kind_select(const char *list)
{
    const char *p = list;

    memset(kind_on, 0, sizeof(kind_on));
    kind_named = 1;
    while (*p) {
        size_t n = strcspn(p, ","), i;

        for (i = 0; i < NKINDS; i++)
            if (strlen(kinds[i].name) == n && !strncmp(p, kinds[i].name, n))
                break;
        if (i == NKINDS) {
            fprintf(stderr, "framegen: no kind '%.*s' in -k; kinds:", (int)n,
                    p);
            for (i = 0; i < NKINDS; i++)
                fprintf(stderr, " %s", kinds[i].name);
            fputc('\n', stderr);
            exit(1);
        }
        kind_on[i] = 1;
        p += n + (p[n] == ',');
    }
}

/* A kind's weight; one of 0 (sent only on request) counts as 1 with -k. */
static unsigned kind_weight(size_t i)
{
    if (!kind_on[i])
        return 0;
    return kinds[i].weight ? kinds[i].weight : (unsigned)kind_named;
}

static const struct kind *kind_pick(void)
{
    unsigned total = 0, r;

    for (size_t i = 0; i < NKINDS; i++)
        total += kind_weight(i);
    r = rng_below(total);
    for (size_t i = 0; i < NKINDS; i++) {
        if (r < kind_weight(i))
            return &kinds[i];
        r -= kind_weight(i);
    }
    return &kinds[0];
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keep to `rate` frames a second: sleep off any lead over the schedule. */
static void pace(unsigned long sent, unsigned long rate, double start)
{
    double ahead = (double)sent / (double)rate - (now_s() - start);

    if (ahead > 0.001) {
        struct timespec ts = {(time_t)ahead,
                              (long)((ahead - (double)(time_t)ahead) * 1e9)};
        nanosleep(&ts, NULL);
    }
}

static uint32_t get32le(const uint8_t *p, int swap)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                 (uint32_t)p[3] << 24;

    return swap ? __builtin_bswap32(v) : v;
}

/* -c PCAP: print how many distinct echo requests of kind_ping the guest
 * answered, from a capture of its traffic (pcap, Ethernet: what QEMU's
 * filter-dump writes). */
static int count_replies(const char *path)
{
    static uint8_t seen[65536 / 8];
    static uint8_t rec[FRAME_MAX + 16];
    unsigned long replies = 0, frames = 0;
    uint8_t gh[24];
    int swap;
    FILE *in = fopen(path, "rb");

    if (!in || fread(gh, 1, 24, in) != 24)
        die("cannot read the capture");
    swap = get32le(gh, 0) != 0xa1b2c3d4 && get32le(gh, 0) != 0xa1b23c4d;
    if (swap && get32le(gh, 1) != 0xa1b2c3d4 && get32le(gh, 1) != 0xa1b23c4d) {
        errno = 0;
        die("not a pcap file");
    }
    while (fread(rec, 1, 16, in) == 16) {
        uint32_t n = get32le(rec + 8, swap);
        const uint8_t *e = rec + 16, *c = e + ETH_HLEN + IP_HLEN;
        unsigned seq;

        if (n > FRAME_MAX || fread(rec + 16, 1, n, in) != n)
            break; /* cut short: QEMU was killed while writing */
        frames++;
        if (n < ETH_HLEN + IP_HLEN + 8 || e[12] != 0x08 || e[13] != 0 ||
            e[14] != 0x45 || e[23] != 1 || c[0] != 0 ||
            (c[4] << 8 | c[5]) != PING_ID)
            continue;
        seq = (unsigned)(c[6] << 8 | c[7]);
        if (!(seen[seq / 8] & (1 << seq % 8)))
            replies++;
        seen[seq / 8] |= (uint8_t)(1 << seq % 8);
    }
    fclose(in);
    printf("framegen: %lu echo replies in %lu frames of %s\n", replies,
           frames, path);
    return 0;
}

static unsigned long number(const char *s, const char *what,
                            unsigned long max)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 0);
    if (!*s || *end || errno || v > max || *s == '-') {
        fprintf(stderr, "framegen: bad %s '%s' (0-%lu)\n", what, s, max);
        exit(1);
    }
    return v;
}

static void usage(void)
{
    fprintf(stderr, "usage: framegen [-s SEED] [-n COUNT] [-r RATE] "
                    "[-m MAC] [-i IP] [-p PORT] [-k KIND,...] FIFO\n"
                    "       framegen -c PCAP\n");
    exit(1);
}

int main(int argc, char **argv)
{
    static struct frame f;
    unsigned long count = 30000, rate = 2000, sent = 0, sent_by[NKINDS] = {0};
    uint64_t seed = 1, bytes = 0;
    struct in_addr ia;
    double start;
    int opt, fd;

    memcpy(tgt.mac, "\x52\x54\x00\x12\x34\x56", 6); /* QEMU's default */
    tgt.ip = 0x0a00020f;                            /* 10.0.2.15 */
    tgt.port = 80;
    for (size_t i = 0; i < NKINDS; i++)
        kind_on[i] = 1;
    while ((opt = getopt(argc, argv, "s:n:r:m:i:p:k:c:")) != -1) {
        switch (opt) {
        case 'k': kind_select(optarg); break;
        case 'c': return count_replies(optarg);
        case 's': seed = number(optarg, "seed", ULONG_MAX); break;
        case 'n': count = number(optarg, "count", 100000000); break;
        case 'r': rate = number(optarg, "rate", 10000000); break;
        case 'p': tgt.port = (uint16_t)number(optarg, "port", 65535); break;
        case 'm':
            if (sscanf(optarg, "%2hhx:%2hhx:%2hhx:%2hhx:%2hhx:%2hhx",
                       &tgt.mac[0], &tgt.mac[1], &tgt.mac[2], &tgt.mac[3],
                       &tgt.mac[4], &tgt.mac[5]) != 6 ||
                strlen(optarg) != 17) {
                fprintf(stderr, "framegen: bad MAC '%s'\n", optarg);
                return 1;
            }
            break;
        case 'i':
            if (inet_pton(AF_INET, optarg, &ia) != 1) {
                fprintf(stderr, "framegen: bad IPv4 address '%s'\n", optarg);
                return 1;
            }
            tgt.ip = ntohl(ia.s_addr);
            break;
        default: usage();
        }
    }
    if (optind != argc - 1 || !rate)
        usage();
    signal(SIGPIPE, SIG_IGN); /* a pipe without reader: a write error */
    rng_state = seed;
    fd = open_pipe(argv[optind]);
    start = now_s();
    while (sent < count) {
        const struct kind *k = kind_pick();

        for (unsigned i = 0; i < k->burst && sent < count; i++) {
            memset(f.b, 0, 64);
            k->build(&f);
            send_frame(fd, &f);
            bytes += f.len;
            sent_by[k - kinds]++;
            if (++sent % 16 == 0)
                pace(sent, rate, start);
        }
    }
    close(fd);
    printf("framegen: %lu frames, %" PRIu64 " bytes, seed %" PRIu64
           ", %.1f s\n", sent, bytes, seed, now_s() - start);
    for (size_t i = 0; i < NKINDS; i++)
        if (kind_weight(i))
            printf("  %-10s %-36s %lu\n", kinds[i].name, kinds[i].what,
                   sent_by[i]);
    return 0;
}
