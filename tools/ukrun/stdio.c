/* stdio.c: ukrun's stdin, stdout and stderr as the guest's virtio-console ports.
 *
 * QEMU gets duplicates of our descriptors through -add-fd fd sets, so the
 * guest's output lands in exactly the files, pipes or terminals ukrun was
 * given, with no copying in between:
 *   -device virtio-serial-device,max_ports=4     (virtio-serial-pci on pc)
 *   -device virtserialport,nr=1,chardev=ukin     stdin  -> port 1
 *   -device virtserialport,nr=2,chardev=ukout    stdout <- port 2
 *   -device virtserialport,nr=3,chardev=ukerr    stderr <- port 3
 *   -serial chardev:ukcon                        UART (kernel) -> stderr
 * A write-only descriptor becomes a `file` chardev (path=/dev/fdset/N,
 * append=on: without it QEMU truncates what the descriptor refers to);
 * one open for reading and writing (a terminal, a socket) a `pipe` chardev,
 * which is how QEMU opens such a path. A read-only stdin is QEMU's own
 * `stdio` chardev. When the input ends, QEMU closes that port, which the
 * guest sees as end of file; it has to be a virtserialport (QEMU never
 * reports a virtconsole closed), and port 0 is reserved for virtconsole.
 *
 * A terminal stays in its normal (cooked) mode: the guest has no line
 * discipline, so the host's gives echo, line editing and Ctrl-D as EOF.
 * QEMU may make the descriptors non-blocking, which would be visible to
 * whoever shares them after we exit: their flags are restored. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "ukrun.h"

/* Duplicates for QEMU start here, out of the way of stdio (QEMU's -add-fd
 * refuses 0-2). */
#define STDIO_FD_BASE 10

static int stdio_flags[3];   /* file status flags found at start */
static int stdio_mode[3];    /* access mode of the duplicate */
static int stdio_dup[3];     /* our duplicate of each, for QEMU */
static int stdio_tty_mask;   /* bit fd: a terminal */
static int stdio_rows, stdio_cols;

/*
 * Our duplicate of fd. An output terminal is opened anew write-only: a
 * chardev on a read-write descriptor also reads from it, and the UART's
 * would then take keystrokes meant for stdin.
 */
static int stdio_open_dup(int fd)
{
    char path[32];
    int nfd = -1, d;

    if (fd > 0 && stdio_mode[fd] != O_WRONLY && isatty(fd)) {
        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
        nfd = open(path, O_WRONLY | O_NOCTTY);
        if (nfd >= 0)
            stdio_mode[fd] = O_WRONLY;
    }
    d = fcntl(nfd >= 0 ? nfd : fd, F_DUPFD, STDIO_FD_BASE);
    if (d < 0)
        ukrun_fatal("dup of fd %d:", fd);
    if (nfd >= 0)
        close(nfd);
    return d;
}

void stdio_setup(void)
{
    struct winsize ws;

    for (int fd = 0; fd < 3; fd++) {
        /* A closed standard stream would be reused by the next open. */
        if (fcntl(fd, F_GETFL) < 0 &&
            open("/dev/null", fd ? O_WRONLY : O_RDONLY) != fd)
            ukrun_fatal("cannot open /dev/null as fd %d:", fd);
        stdio_flags[fd] = fcntl(fd, F_GETFL);
        stdio_mode[fd] = stdio_flags[fd] & O_ACCMODE;
        stdio_dup[fd] = stdio_open_dup(fd);
        if (isatty(fd)) {
            stdio_tty_mask |= 1 << fd;
            if (!stdio_rows && ioctl(fd, TIOCGWINSZ, &ws) == 0 &&
                ws.ws_row && ws.ws_col) {
                stdio_rows = ws.ws_row;
                stdio_cols = ws.ws_col;
            }
        }
    }
}

void stdio_restore(void)
{
    for (int fd = 0; fd < 3; fd++)
        fcntl(fd, F_SETFL, stdio_flags[fd]);
}

/* console.tty=0,1 console.size=24x80: what isatty() and TIOCGWINSZ say;
 * nothing when no stream is a terminal (the guest's default). */
void stdio_kernel_options(struct strvec *words)
{
    char buf[64];
    size_t n = 0;

    if (!stdio_tty_mask)
        return;
    n += (size_t)snprintf(buf, sizeof(buf), "console.tty=");
    for (int fd = 0; fd < 3; fd++)
        if (stdio_tty_mask & (1 << fd))
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%d",
                                  buf[n - 1] == '=' ? "" : ",", fd);
    strvec_push(words, buf);
    if (stdio_rows) {
        snprintf(buf, sizeof(buf), "console.size=%dx%d", stdio_rows,
                 stdio_cols);
        strvec_push(words, buf);
    }
}

/* -add-fd for our duplicate of fd (fd set fd + 1) and a chardev on it. */
static void stdio_chardev(struct strvec *av, int fd, const char *id)
{
    char buf[128];
    int mode = stdio_mode[fd];

    if (fd == 0 && mode == O_RDONLY) {
        snprintf(buf, sizeof(buf), "stdio,id=%s", id);
    } else {
        snprintf(buf, sizeof(buf), "fd=%d,set=%d", stdio_dup[fd], fd + 1);
        strvec_push(av, "-add-fd");
        strvec_push(av, buf);
        snprintf(buf, sizeof(buf), "%s,id=%s,path=/dev/fdset/%d",
                 mode == O_WRONLY ? "file,append=on" : "pipe", id, fd + 1);
    }
    strvec_push(av, "-chardev");
    strvec_push(av, buf);
}

void stdio_qemu_args(struct strvec *av, enum machine machine)
{
    static const char *const ids[3] = {"ukin", "ukout", "ukerr"};
    char buf[128];

    for (int fd = 0; fd < 3; fd++)
        stdio_chardev(av, fd, ids[fd]);
    /* The UART (boot and kernel messages) shares stderr's fd set. */
    snprintf(buf, sizeof(buf), "%s,id=ukcon,path=/dev/fdset/3",
             stdio_mode[2] == O_WRONLY ? "file,append=on" : "pipe");
    strvec_push(av, "-chardev");
    strvec_push(av, buf);
    strvec_push(av, "-serial");
    strvec_push(av, "chardev:ukcon");
    /* microvm's virtio-mmio defaults to the legacy (version 1) layout. */
    if (machine == MACHINE_MICROVM) {
        strvec_push(av, "-global");
        strvec_push(av, "virtio-mmio.force-legacy=false");
    }
    strvec_push(av, "-device");
    strvec_push(av, machine == MACHINE_PC ? "virtio-serial-pci,max_ports=4"
                                          : "virtio-serial-device,max_ports=4");
    for (int fd = 0; fd < 3; fd++) {
        snprintf(buf, sizeof(buf), "virtserialport,nr=%d,chardev=%s",
                 fd + 1, ids[fd]);
        strvec_push(av, "-device");
        strvec_push(av, buf);
    }
}
