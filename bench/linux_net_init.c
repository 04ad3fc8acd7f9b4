/* linux_net_init.c: /init of the Linux network baseline: NIC up, run server. */
/*
 * The initramfs holds /server, the program to run, its arguments in
 * /server.args (one a line), and the kernel modules that the Debian cloud
 * kernel needs for virtio-net (it builds them as modules) under /modules,
 * in load order as listed in /modules/order. eth0 gets QEMU user
 * networking's usual guest address 10.0.2.15/24 (what DHCP would hand
 * out; no DHCP client here). Then /server replaces this process.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define GUEST_ADDR "10.0.2.15"
#define GUEST_MASK "255.255.255.0"

/* finit_module on each file named in /modules/order; a module that is
 * already there or has no device is not an error. */
static void load_modules(void)
{
    char name[256], path[300];
    FILE *order = fopen("/modules/order", "r");

    if (!order) {
        perror("init: /modules/order");
        return;
    }
    while (fscanf(order, "%255s", name) == 1) {
        snprintf(path, sizeof path, "/modules/%s", name);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || (syscall(SYS_finit_module, fd, "", 0) < 0 &&
                       errno != EEXIST))
            fprintf(stderr, "init: load %s: %s\n", name, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    fclose(order);
}

static int set_addr(int s, const char *ifname, unsigned long req,
                    const char *addr)
{
    struct ifreq ifr = {0};
    struct sockaddr_in *sa = (struct sockaddr_in *)&ifr.ifr_addr;

    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
    sa->sin_family = AF_INET;
    inet_pton(AF_INET, addr, &sa->sin_addr);
    return ioctl(s, req, &ifr);
}

static int link_up(int s, const char *ifname)
{
    struct ifreq ifr = {0};

    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
    if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
        return -1;
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
    return ioctl(s, SIOCSIFFLAGS, &ifr);
}

/* eth0 appears once virtio-net has probed its device: wait up to 10 s. */
static int configure_eth0(void)
{
    struct timespec tick = {0, 10 * 1000 * 1000};
    int s = socket(AF_INET, SOCK_DGRAM, 0);

    if (s < 0)
        return -1;
    link_up(s, "lo");
    for (int i = 0; i < 1000 && !if_nametoindex("eth0"); i++)
        nanosleep(&tick, NULL);
    if (set_addr(s, "eth0", SIOCSIFADDR, GUEST_ADDR) < 0 ||
        set_addr(s, "eth0", SIOCSIFNETMASK, GUEST_MASK) < 0 ||
        link_up(s, "eth0") < 0) {
        perror("init: eth0");
        close(s);
        return -1;
    }
    close(s);
    return 0;
}

/* argv for /server from /server.args; NULL-terminated. */
static char **server_args(void)
{
    static char lines[32][256];
    static char *argv[33] = {"/server"};
    FILE *f = fopen("/server.args", "r");
    int n = 1;

    while (f && n < 32 && fgets(lines[n], sizeof lines[n], f)) {
        lines[n][strcspn(lines[n], "\n")] = 0;
        argv[n] = lines[n];
        n++;
    }
    if (f)
        fclose(f);
    argv[n] = NULL;
    return argv;
}

int main(void)
{
    char **argv = server_args();

    load_modules();
    if (configure_eth0() < 0)
        return 1;
    printf("init: eth0 %s/24 up, starting /server\n", GUEST_ADDR);
    fflush(stdout);
    execv("/server", argv);
    perror("init: exec");
    return 1;
}
