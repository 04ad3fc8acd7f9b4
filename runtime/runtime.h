/* runtime.h: the runtime's internal interface (musl glue), grouped by defining file. */
#ifndef UK_RUNTIME_H
#define UK_RUNTIME_H

#include <stddef.h>
#include <sys/types.h>

#include "kernel.h"
#include "uk_syscalls.h"

struct stat;

/* cmdline.c: the kernel command line, split like a shell would.
 * Grammar: words separated by blanks; '...' is literal; "..." and a bare
 * backslash escape the next character. Words before a bare `--` are kernel
 * options (env=NAME=VALUE, ...); the words after it are argv. Without `--`
 * every word is argv. Words the VMM appends (virtio_mmio.device=...) are
 * dropped. The image's defaults (uk_spec_cmdline: ukcc --boot-args and
 * UK_COMPONENT_DEFAULTS) are options parsed first; an env= of the same
 * name on the command line replaces the default. */
#define CMDLINE_MAX_WORDS 1024
#define CMDLINE_MAX_MOUNTS 8
struct cmdline {
    char *argv[CMDLINE_MAX_WORDS];
    int argc;
    char *envp[CMDLINE_MAX_WORDS];
    int envc;
    /* fs=TAG:PATH (ukrun --fs): host directories, mounted by vfs_boot */
    char *mounts[CMDLINE_MAX_MOUNTS];
    int nmounts;
};
int cmdline_parse(const char *text, struct cmdline *out); /* -1: reported */

/* start.c: the program's argv and initial environment (for /proc/self) */
const struct cmdline *runtime_cmdline(void);

/* fd.c: the file descriptor table */
struct file;
struct file_ops {
    long (*read)(struct file *f, void *buf, size_t n);
    long (*write)(struct file *f, const void *buf, size_t n);
    long (*ioctl)(struct file *f, unsigned long req, long arg);
    long (*stat)(struct file *f, struct stat *st);
    long (*close)(struct file *f);
    /* POLL* events ready now (POLLERR/POLLHUP whether asked or not); *wq:
     * the queue the file poll_wake()s when they may change, or NULL when
     * they change by themselves (pollers then look again every ms). NULL
     * op: always readable and writable. Called with interrupts off. */
    short (*poll)(struct file *f, struct waitq **wq);
};
/* An open file description, shared by dup'ed descriptors. Files on a
 * vnode (runtime/vfs/vfs.h) have `vnode` set and use `off`; others (the
 * console, pipes, sockets) leave both 0. */
struct vnode;
struct file {
    const struct file_ops *ops;
    int flags;  /* O_* status flags */
    int refs;
    void *priv;
    struct vnode *vnode;
    uint64_t off;
};
#define FD_MAX 1024
struct file *fd_get(int fd);  /* NULL if not open */
/* 0, 1, 2 are the console's from the start (opened on first use). */
long fd_close(int fd);
/* file_new.c: a new file description (refs 1, zeroed, malloc'd; its
 * ops->close frees it); NULL: no memory. */
struct file *file_new(const struct file_ops *ops, int flags);
struct file *file_ref(struct file *f);
void file_put(struct file *f); /* last reference: ops->close (may free f) */
/* Lowest free descriptor >= min for f (the caller's reference moves into
 * the table); -EMFILE when full, -EINVAL for a bad min. */
int fd_alloc_from(struct file *f, int min, int cloexec);
int fd_install(int fd, struct file *f, int cloexec); /* dup2: closes old */
int fd_cloexec(int fd);                  /* FD_CLOEXEC or 0; -EBADF */
int fd_set_cloexec(int fd, int cloexec); /* 0 or -EBADF */

/* io/iov.c: the vector calls as a loop of single transfers */
typedef long (*iov_xfer_fn)(long fd, long buf, long len, long off);
long iov_each(long fd, long iovp, long cnt, long off, iov_xfer_fn xfer);

/* io/console_file.c: the console as a file */
extern struct file console_file; /* the serial port, for all of 0, 1, 2 */
/* The file for standard stream fd (0-2): its virtio-console port when
 * ukrun attached one, else console_file; a new reference. */
struct file *console_file_open(int fd);
/* Kernel options from ukrun: console.tty=0,1,2 lists the standard streams
 * that are terminals on the host, console.size=ROWSxCOLS the terminal's
 * size. 1 if `word` was one of them (a bad value is warned about). */
int console_parse_option(const char *word);

/* net/nic_option.c: the NIC's static configuration from the kernel
 * options ip=ADDR/PREFIX, gw=ADDR, dns=ADDR (ukrun --ip, --gw, --dns);
 * host byte order, addr 0: none given (DHCP). 1 if `word` was one of them
 * (a bad value is warned about and ignored). */
struct nic_static {
    uint32_t addr, mask, gw, dns;
};
extern struct nic_static nic_static;
int nic_parse_option(const char *word);
/* io/console_input.c: the ports' read and poll ops. console_file.c names
 * them weakly; a file that reads or polls files links them by naming
 * console_input_link (a program that only writes then has no input side,
 * nor the scheduler a reader sleeps in). */
extern const char console_input_link;
long console_port_read(struct file *f, void *buf, size_t n);
short console_port_poll(struct file *f, struct waitq **wq);

/* event/poll_wake.c: a file's readiness may have changed: wake its queue
 * and every poll, select and epoll waiter (they all sleep on poll_waitq).
 * Every file whose poll op hands out a queue must call it on each change. */
extern struct waitq poll_waitq;
void poll_wake(struct waitq *q);

/* debug/strace.c: `ukrun --strace` (kernel option "strace") sets
 * uk_strace_enabled; each syscall entry (syscall/sysent.c) then goes to
 * uk_strace_call, which runs s->handler and prints the call, strace-like,
 * on the console. The handler is called with six arguments whatever its
 * own count: harmless in the x86-64 calling convention. */
typedef long (*uk_strace_fn)(long, long, long, long, long, long);
#define UK_STRACE_HANDLER(h) ((uk_strace_fn)(void (*)(void))(h))
struct uk_strace_sys {
    const char *name; /* "": unknown, shown as syscall_<nr> */
    const char *fmt;  /* argument formats: debug/strace_formats.h */
    uk_strace_fn handler;
    unsigned short nr;
    unsigned char nargs;
};
extern int uk_strace_enabled;
long uk_strace_call(long a, long b, long c, long d, long e, long f,
                    const struct uk_strace_sys *s);
/* syscall/sysent_traced.S: an entry's traced path (record in %r11) */
void uk_sysent_traced(void);

/* mem/brk.c */
void brk_init(void);

/* mem/prot.c */
void prot_apply(uint64_t base, uint64_t len, int prot);

/* time/clock.c: the kernel clock behind a clockid_t */
long clock_read_ns(long clk, uint64_t *ns);

/* signal/signal.c: one process, signals only from itself */
#define SIG_COUNT 64
struct k_sigaction { /* the kernel's layout, as musl passes it */
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};
struct sig_state {
    struct k_sigaction action[SIG_COUNT + 1];
    uint64_t blocked, pending; /* bit (sig - 1) */
};
extern struct sig_state sig_state;
void sig_send(int sig);
void sig_deliver_pending(void);
/* signal/sig_async.c: a signal from a helper thread (interrupts off) */
void sig_post(int sig);
/* signal/itimer.c: ITIMER_REAL; times are time_monotonic_ns() values */
struct itimer {
    uint64_t deadline; /* 0: disarmed */
    uint64_t interval;
};
extern struct itimer itimer_real;
int itimer_changed(void); /* interrupts off: after changing itimer_real */

/* thread/futex.c: wake up to n threads waiting on addr (any bitset);
 * wait on addr while it holds val (deadline: time_monotonic_ns(), 0: none;
 * 0, -EAGAIN or -ETIMEDOUT) */
long futex_wake(uint32_t *addr, long n);
long futex_wait(volatile uint32_t *addr, uint32_t val, uint64_t deadline,
                uint32_t bitset);

/* thread/clone.c: musl's thread creation (pthread_create) */
int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

/* process/exit.c: flushes nothing; musl has flushed stdio already */
_Noreturn void process_exit(int status);
/* process/unsupported.c: a call that needs processes (fork, exec, wait,
 * mount...): says so on the console once per call, returns err. */
long process_unsupported(const char *call, const char *why, long err);

#endif
