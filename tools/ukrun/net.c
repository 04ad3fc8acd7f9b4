/* net.c: the guest's network card: --net, -p, --ip, --gw, --dns.
 *
 * `ukrun -p 8080:80 app.img` on microvm adds
 *   -netdev user,id=uknet,hostfwd=tcp:127.0.0.1:8080-:80
 *   -device virtio-net-device,netdev=uknet    (virtio-net-pci on pc)
 * QEMU's user networking puts the guest on 10.0.2.0/24 behind a NAT: its
 * DHCP server hands out 10.0.2.15 with gateway 10.0.2.2 (which is also the
 * host's 127.0.0.1 for connections the guest opens) and DNS 10.0.2.3.
 * Static addresses reach the guest as kernel options ip=ADDR/PREFIX,
 * gw=ADDR, dns=ADDR (runtime/net/nic_option.c reads them); without
 * ip= the guest asks DHCP. The name server goes into the guest's
 * /etc/resolv.conf (lwIP's DHCP client does not pass one on): 10.0.2.3
 * for user networking unless --dns says otherwise.
 *
 * --net-inject FIFO adds a second way in for frames, beside the network
 * the NIC is on (for malformed-frame tests, test/net/frames_test.sh):
 *   -chardev pipe,id=ukinject,path=FIFO
 *   -object filter-redirector,id=ukinjectf,netdev=uknet,queue=tx,
 *           indev=ukinject
 * Each frame written to the named pipe, as a 4-byte big-endian length and
 * the frame (at most 69632 bytes: QEMU's NET_BUFSIZE; a longer length
 * makes QEMU stop reading), goes to the guest's NIC as if the network had
 * sent it. queue=tx is the direction from the network backend to the NIC;
 * the backend itself (QEMU's user networking) never sees these frames.
 * A named pipe rather than a socket: QEMU opens it read-write, so it never
 * sees an end of file and writers may come and go (the filter stops
 * reading for good when its input closes, as a socket does when its
 * client leaves). ukrun creates the pipe if it does not exist, and then
 * removes it at exit. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ukrun.h"

#define NET_ID "uknet"
#define NET_USER_DNS "10.0.2.3" /* QEMU's user networking forwards it */

void net_opt_mode(struct ukrun_opts *o, const char *value)
{
    if (!strcmp(value, "none")) {
        o->net = NET_NONE;
    } else if (!strcmp(value, "user")) {
        o->net = NET_USER;
    } else if (!strncmp(value, "tap:", 4) && value[4] &&
               !strpbrk(value + 4, ", =")) {
        o->net = NET_TAP;
        o->net_tap = value + 4;
    } else {
        ukrun_fatal("bad --net '%s' (use user, tap:IFNAME or none)", value);
    }
}

/* A port number 1-65535 of exactly `len` characters; 0 if it is none. */
static unsigned net_port(const char *s, size_t len)
{
    unsigned long v = 0;

    if (len == 0 || len > 5)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    return v <= 65535 ? (unsigned)v : 0;
}

/* -p [tcp:|udp:][ADDR:]HOST:GUEST, as QEMU's hostfwd=PROTO:ADDR:HOST-:GUEST.
 * Without ADDR the port listens on 127.0.0.1 only. */
void net_opt_port(struct ukrun_opts *o, const char *value)
{
    const char *proto = "tcp", *p = value, *c1, *c2;
    char addr[INET_ADDRSTRLEN] = "127.0.0.1", fwd[128];
    unsigned host, guest;
    struct in_addr ia;

    if (!strncmp(p, "tcp:", 4) || !strncmp(p, "udp:", 4)) {
        proto = !strncmp(p, "udp:", 4) ? "udp" : "tcp";
        p += 4;
    }
    c1 = strchr(p, ':');
    if (!c1)
        goto bad;
    c2 = strchr(c1 + 1, ':');
    if (c2) { /* ADDR:HOST:GUEST */
        size_t n = (size_t)(c1 - p);

        if (n >= sizeof(addr))
            goto bad;
        memcpy(addr, p, n);
        addr[n] = 0;
        if (inet_pton(AF_INET, addr, &ia) != 1)
            goto bad;
        p = c1 + 1;
        c1 = c2;
    }
    host = net_port(p, (size_t)(c1 - p));
    guest = net_port(c1 + 1, strlen(c1 + 1));
    if (!host || !guest)
        goto bad;
    snprintf(fwd, sizeof(fwd), "hostfwd=%s:%s:%u-:%u", proto, addr, host,
             guest);
    for (size_t i = 0; i < o->net_fwd.n; i++) {
        const char *old = o->net_fwd.v[i];
        char key[64];

        /* QEMU refuses a host port twice with a less clear message. */
        snprintf(key, sizeof(key), "hostfwd=%s:%s:%u-", proto, addr, host);
        if (!strncmp(old, key, strlen(key)))
            ukrun_fatal("-p %s: host port %s %u is already forwarded", value,
                        proto, host);
    }
    strvec_push(&o->net_fwd, fwd);
    return;
bad:
    ukrun_fatal("bad -p '%s' (use [tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT, "
                "ports 1-65535, e.g. -p 8080:80)", value);
}

static void net_check_addr(const char *flag, const char *value)
{
    struct in_addr ia;

    if (inet_pton(AF_INET, value, &ia) != 1)
        ukrun_fatal("bad %s '%s' (an IPv4 address, e.g. 10.0.2.2)", flag,
                    value);
}

void net_opt_ip(struct ukrun_opts *o, const char *value)
{
    const char *slash = strchr(value, '/');
    char addr[INET_ADDRSTRLEN];
    struct in_addr ia;
    size_t n = slash ? (size_t)(slash - value) : 0;
    unsigned prefix = 0;

    if (!slash || n >= sizeof(addr) || !slash[1] || strlen(slash + 1) > 2)
        goto bad;
    memcpy(addr, value, n);
    addr[n] = 0;
    for (const char *d = slash + 1; *d; d++) {
        if (!isdigit((unsigned char)*d))
            goto bad;
        prefix = prefix * 10 + (unsigned)(*d - '0');
    }
    if (inet_pton(AF_INET, addr, &ia) != 1 || prefix < 1 || prefix > 32)
        goto bad;
    o->net_ip = value;
    return;
bad:
    ukrun_fatal("bad --ip '%s' (use ADDR/PREFIX, e.g. 10.0.2.15/24)", value);
}

void net_opt_gw(struct ukrun_opts *o, const char *value)
{
    net_check_addr("--gw", value);
    o->net_gw = value;
}

void net_opt_dns(struct ukrun_opts *o, const char *value)
{
    net_check_addr("--dns", value);
    o->net_dns = value;
}

/* --net-inject FIFO: a named pipe, or a name for a new one. */
void net_opt_inject(struct ukrun_opts *o, const char *value)
{
    struct stat st;

    if (!*value)
        ukrun_fatal("bad --net-inject '' (the path of a named pipe)");
    if (stat(value, &st) == 0 && !S_ISFIFO(st.st_mode))
        ukrun_fatal("--net-inject '%s' exists and is not a named pipe",
                    value);
    if (o->net_inject)
        ukrun_fatal("--net-inject given twice ('%s', '%s')", o->net_inject,
                    value);
    o->net_inject = value;
}

static const char *net_inject_made; /* the pipe ukrun created */

void net_inject_remove(void)
{
    if (net_inject_made)
        unlink(net_inject_made);
    net_inject_made = NULL;
}

/* Create the --net-inject pipe unless it exists (not for --dry-run). */
void net_inject_prepare(const struct ukrun_opts *o)
{
    if (!o->net_inject || o->net == NET_NONE)
        return;
    if (mkfifo(o->net_inject, 0600) == 0) {
        net_inject_made = o->net_inject;
        atexit(net_inject_remove);
    } else if (errno != EEXIST) {
        ukrun_fatal("--net-inject: cannot create the named pipe '%s':",
                    o->net_inject);
    }
}

/* Pick the network once the options and the image are known: an image
 * with the virtio-net driver gets user networking unless told otherwise,
 * and -p implies it. */
void net_resolve(struct ukrun_opts *o)
{
    if (o->net_fwd.n && o->net == NET_DEFAULT)
        o->net = NET_USER;
    if (o->net_fwd.n && o->net != NET_USER)
        ukrun_fatal("-p forwards ports of --net user only");
    if (o->net == NET_DEFAULT)
        o->net = image_has_component(o->image, "virtio-net") ? NET_USER
                                                             : NET_NONE;
    if (o->net == NET_NONE && (o->net_ip || o->net_gw || o->net_dns))
        ukrun_fatal("--ip, --gw and --dns need a network (not --net none)");
    if (o->net == NET_NONE && o->net_inject)
        ukrun_fatal("--net-inject needs a network card (not --net none, "
                    "and an image with the virtio-net driver)");
    if (o->net == NET_USER && !o->net_dns)
        o->net_dns = NET_USER_DNS;
}

void net_kernel_options(const struct ukrun_opts *o, struct strvec *words)
{
    const char *key[3] = {"ip=", "gw=", "dns="};
    const char *val[3] = {o->net_ip, o->net_gw, o->net_dns};
    char buf[64];

    for (int i = 0; i < 3 && o->net != NET_NONE; i++) {
        if (!val[i])
            continue;
        snprintf(buf, sizeof(buf), "%s%s", key[i], val[i]);
        strvec_push(words, buf);
    }
}

/* The chardev and the filter of --net-inject (see the top of the file);
 * a comma in the path is doubled, as QEMU's option syntax wants. */
static void net_inject_args(struct strvec *av, const char *path)
{
    struct strbuf cd = {0};

    strbuf_puts(&cd, "pipe,id=ukinject,path=");
    for (const char *c = path; *c; c++) {
        if (*c == ',')
            strbuf_putc(&cd, ',');
        strbuf_putc(&cd, *c);
    }
    strvec_push(av, "-chardev");
    strvec_push(av, cd.s);
    strvec_push(av, "-object");
    strvec_push(av, "filter-redirector,id=ukinjectf,netdev=" NET_ID
                    ",queue=tx,indev=ukinject");
}

void net_qemu_args(struct strvec *av, const struct ukrun_opts *o)
{
    struct strbuf nd = {0};

    if (o->net == NET_NONE || o->net == NET_DEFAULT)
        return;
    if (o->net == NET_TAP) {
        strbuf_puts(&nd, "tap,id=" NET_ID ",script=no,downscript=no,ifname=");
        strbuf_puts(&nd, o->net_tap);
    } else {
        strbuf_puts(&nd, "user,id=" NET_ID);
        for (size_t i = 0; i < o->net_fwd.n; i++) {
            strbuf_putc(&nd, ',');
            strbuf_puts(&nd, o->net_fwd.v[i]);
        }
    }
    strvec_push(av, "-netdev");
    strvec_push(av, nd.s);
    strvec_push(av, "-device");
    /* romfile=: no iPXE option ROM for SeaBIOS to run (a slower boot). */
    strvec_push(av, o->machine == MACHINE_PC
                        ? "virtio-net-pci,netdev=" NET_ID ",romfile="
                        : "virtio-net-device,netdev=" NET_ID);
    if (o->net_inject)
        net_inject_args(av, o->net_inject);
}
