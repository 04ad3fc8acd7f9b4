/* console_file.c: standard input, output and error on the console. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>

#include "runtime.h"

/*
 * Under ukrun each of fd 0, 1 and 2 has its own virtio-console port (see
 * kernel/virtio/console.c) and is a terminal exactly when ukrun's own
 * stream is one (the console.tty= option). Without virtio-console (plain
 * QEMU) all three share the serial port, which is never a terminal.
 */
static int console_tty_mask; /* bit fd: a terminal */
static unsigned short console_rows = 24, console_cols = 80;

static int console_parse_number(const char **sp)
{
    int v = -1;

    for (; **sp >= '0' && **sp <= '9' && v < 100000; (*sp)++)
        v = (v < 0 ? 0 : v * 10) + (**sp - '0');
    return v;
}

/* "0,1,2" -> bits 0-2; -1 if malformed. */
static int console_parse_tty(const char *s)
{
    int mask = 0, fd;

    if (!*s)
        return 0;
    for (;;) {
        fd = console_parse_number(&s);
        if (fd < 0 || fd > 2)
            return -1;
        mask |= 1 << fd;
        if (!*s)
            return mask;
        if (*s++ != ',')
            return -1;
    }
}

int console_parse_option(const char *word)
{
    int v, rows, cols;

    if (strncmp(word, "console.tty=", 12) == 0) {
        v = console_parse_tty(word + 12);
        if (v < 0)
            kprintf("ukcc: warning: bad '%s' (want e.g. console.tty=0,1)\n",
                    word);
        else
            console_tty_mask = v;
        return 1;
    }
    if (strncmp(word, "console.size=", 13) == 0) {
        const char *s = word + 13;

        rows = console_parse_number(&s);
        cols = *s == 'x' ? (s++, console_parse_number(&s)) : -1;
        if (rows <= 0 || cols <= 0 || rows > 65535 || cols > 65535 || *s)
            kprintf("ukcc: warning: bad '%s' (want console.size=ROWSxCOLS)"
                    "\n", word);
        else {
            console_rows = (unsigned short)rows;
            console_cols = (unsigned short)cols;
        }
        return 1;
    }
    return 0;
}

static int console_port(struct file *f)
{
    return (int)(long)f->priv;
}

static long console_file_read(struct file *f, void *buf, size_t n)
{
    return n ? (long)console_read(buf, n) : 0;
}

static long console_file_write(struct file *f, const void *buf, size_t n)
{
    console_write(buf, n);
    return (long)n;
}

/* Not a terminal: musl then buffers stdout fully, as for a pipe. */
static long console_file_ioctl(struct file *f, unsigned long req, long arg)
{
    return -ENOTTY;
}

static long console_file_stat(struct file *f, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFCHR | 0620;
    st->st_rdev = (5 << 8) | 1; /* like /dev/console */
    st->st_blksize = 1024;
    return 0;
}

/* The UART is polled, not interrupt driven: no queue, pollers look again. */
static short console_file_poll(struct file *f, struct waitq **wq)
{
    short ready = POLLOUT | POLLWRNORM;

    *wq = NULL;
    if (console_can_read())
        ready |= POLLIN | POLLRDNORM;
    return ready;
}

static const struct file_ops console_ops = {
    .read = console_file_read,
    .write = console_file_write,
    .ioctl = console_file_ioctl,
    .stat = console_file_stat,
    .poll = console_file_poll,
};

struct file console_file = {.ops = &console_ops, .flags = O_RDWR, .refs = 1};

/* The device reads the buffer by physical address, where a bad pointer
 * would not fault: touch each page first, so that it faults here as it
 * would on the serial port. */
static long console_port_write(struct file *f, const void *buf, size_t n)
{
    const volatile char *p = buf, *end = p + n;

    if (n == 0)
        return 0;
    for (; p < end; p = (const char *)PAGE_ROUND_DOWN(p) + PAGE_SIZE)
        (void)*p;
    return virtio_console_write(console_port(f), buf, n);
}

/* What a terminal in its default (cooked) mode reports; the host terminal
 * does the line editing, so settings the program makes are accepted and
 * have no effect. */
static void console_termios(struct termios *t)
{
    memset(t, 0, sizeof *t);
    t->c_iflag = ICRNL | IXON;
    t->c_oflag = OPOST | ONLCR;
    t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
    t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
                 IEXTEN;
    t->c_cc[VINTR] = 3;
    t->c_cc[VQUIT] = 0x1c;
    t->c_cc[VERASE] = 0x7f;
    t->c_cc[VKILL] = 0x15;
    t->c_cc[VEOF] = 4;
    t->c_cc[VMIN] = 1;
}

static long console_port_ioctl(struct file *f, unsigned long req, long arg)
{
    struct winsize *ws = (struct winsize *)arg;

    if (!(console_tty_mask & (1 << (console_port(f) - 1))))
        return -ENOTTY;
    switch (req) {
    case TIOCGWINSZ:
        memset(ws, 0, sizeof *ws);
        ws->ws_row = console_rows;
        ws->ws_col = console_cols;
        return 0;
    case TCGETS:
        console_termios((struct termios *)arg);
        return 0;
    case TCSETS:
    case TCSETSW:
    case TCSETSF:
    case TIOCSWINSZ:
        return 0;
    default:
        return -EINVAL;
    }
}

static long console_port_stat(struct file *f, struct stat *st)
{
    int tty = console_tty_mask & (1 << (console_port(f) - 1));

    memset(st, 0, sizeof *st);
    st->st_mode = tty ? S_IFCHR | 0620 : S_IFIFO | 0600;
    st->st_rdev = tty ? (136 << 8) : 0; /* like /dev/pts/0 */
    st->st_blksize = 4096;
    return 0;
}

/* io/console_input.c, linked only by what reads or polls (runtime.h). */
long console_port_read(struct file *f, void *buf, size_t n)
    __attribute__((weak));
short console_port_poll(struct file *f, struct waitq **wq)
    __attribute__((weak));

static const struct file_ops console_port_ops = {
    .read = console_port_read,
    .write = console_port_write,
    .ioctl = console_port_ioctl,
    .stat = console_port_stat,
    .poll = console_port_poll,
};

static struct file console_ports[3] = {
    {.ops = &console_port_ops, .flags = O_RDONLY, .refs = 1, .priv = (void *)1},
    {.ops = &console_port_ops, .flags = O_WRONLY, .refs = 1, .priv = (void *)2},
    {.ops = &console_port_ops, .flags = O_WRONLY, .refs = 1, .priv = (void *)3},
};

struct file *console_file_open(int fd)
{
    static int have_virtio = -1;
    struct file *f = &console_file;

    if (have_virtio < 0)
        have_virtio = virtio_console_init();
    if (have_virtio && fd >= 0 && fd < 3 && virtio_console_has_port(fd + 1))
        f = &console_ports[fd];
    f->refs++;
    return f;
}
