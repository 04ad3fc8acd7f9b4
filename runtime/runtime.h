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
 * dropped. */
#define CMDLINE_MAX_WORDS 1024
struct cmdline {
    char *argv[CMDLINE_MAX_WORDS];
    int argc;
    char *envp[CMDLINE_MAX_WORDS];
    int envc;
};
int cmdline_parse(const char *text, struct cmdline *out); /* -1: too long */

/* fd.c: the file descriptor table */
struct file;
struct file_ops {
    long (*read)(struct file *f, void *buf, size_t n);
    long (*write)(struct file *f, const void *buf, size_t n);
    long (*ioctl)(struct file *f, unsigned long req, long arg);
    long (*stat)(struct file *f, struct stat *st);
    long (*close)(struct file *f);
};
struct file {
    const struct file_ops *ops;
    int flags;  /* O_* status flags */
    int refs;
    void *priv;
};
#define FD_MAX 1024
struct file *fd_get(int fd);  /* NULL if not open */
void fd_init(void);           /* 0, 1, 2 on the console */
long fd_close(int fd);

/* io/console_file.c: the console as a file */
extern struct file console_file;

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

/* process/exit.c: flushes nothing; musl has flushed stdio already */
_Noreturn void process_exit(int status);

#endif
