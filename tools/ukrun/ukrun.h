/* ukrun.h: ukrun's internal interface, grouped by the file that defines it. */
#ifndef UKRUN_H
#define UKRUN_H

#include <stddef.h>
#include <stdio.h>

/* ukrun's own exit statuses; otherwise the program's status passes through.
 * Chosen as timeout(1) and env(1) do, out of the way of ordinary programs. */
#define UKRUN_EXIT_TIMEOUT 124 /* --timeout expired */
#define UKRUN_EXIT_ERROR 125   /* bad usage, or QEMU/the guest failed */

enum machine { MACHINE_MICROVM, MACHINE_PC };
enum accel { ACCEL_AUTO, ACCEL_KVM, ACCEL_TCG };
enum net_mode { NET_DEFAULT, NET_NONE, NET_USER, NET_TAP };

/* A growable array of strings, always NULL-terminated (usable as argv). */
struct strvec {
    char **v;
    size_t n, cap;
};

/* A growable NUL-terminated string. */
struct strbuf {
    char *s;
    size_t len, cap;
};

struct ukrun_opts {
    enum machine machine;
    enum accel accel;
    const char *mem;  /* QEMU -m syntax, e.g. "128M" */
    unsigned timeout; /* seconds; 0 = none */
    int verbose, dry_run;
    int strace;         /* --strace: the guest prints each syscall */
    int boot_timing;    /* --boot-timing: the guest reports boot times */
    int gdb;            /* --gdb: start halted, gdb stub on gdb_port */
    unsigned gdb_port;
    struct strvec env;       /* NAME=VALUE entries, in order given */
    struct strvec qemu_args; /* appended to QEMU's argv verbatim */
    const char *image;
    const char *boot_image; /* what -kernel gets; NULL: image itself */
    const char *initrd;     /* --initrd: a cpio archive, or NULL */
    struct strvec fs_host, fs_guest; /* --fs: absolute host dir, guest path */
    char **args; /* program arguments after IMAGE (argv[1..]) */
    int nargs;
    enum net_mode net;      /* --net; NET_DEFAULT until net_resolve */
    const char *net_tap;    /* --net tap:IFNAME */
    struct strvec net_fwd;  /* -p, as QEMU hostfwd= options */
    const char *net_ip, *net_gw, *net_dns; /* --ip, --gw, --dns */
    const char *net_inject; /* --net-inject: named pipe path, or NULL */
};

/* util.c: messages and allocation helpers */
/* Print "ukrun: error: <msg>" and exit UKRUN_EXIT_ERROR; a format ending in
 * ':' gets ": strerror(errno)" appended. */
_Noreturn void ukrun_fatal(const char *fmt, ...);
void ukrun_note(const char *fmt, ...); /* "ukrun: <msg>" on stderr */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
void strvec_push(struct strvec *sv, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_puts(struct strbuf *sb, const char *s);

/* args.c: command line parsing */
void args_parse(int argc, char **argv, struct ukrun_opts *o);

/* image.c: the image file */
void image_check(const char *path); /* exists, readable, ELF magic */
const char *image_basename(const char *path);
const char *image_boot_path(const char *path, const char *ctlpath);
/* 1 if the image announces the component (an ELF note "ukcc", type 1,
 * in a PT_NOTE segment; kernel/virtio/net.c has one) */
int image_has_component(const char *path, const char *name);

/* accel.c: accelerator choice */
enum accel accel_choose(enum accel requested); /* never ACCEL_AUTO */

/* cmdline.c: the kernel command line carrying environment and argv */
char *cmdline_build(const struct ukrun_opts *o);

/* ctlfile.c: the file the guest's debug console (port 0xe9) writes to */
char *ctlfile_template(void);
void ctlfile_create(char *tmpl); /* mkstemp in place; removed at exit */
int ctlfile_read_status(const char *path, int *status);
void ctlfile_remove(void);

/* qemu.c: the QEMU command line */
char **qemu_build_argv(const struct ukrun_opts *o, enum accel accel,
                       const char *cmdline, const char *ctlpath);
void qemu_print_argv(FILE *f, char *const argv[]);

/* symbolize.c: after the run, name the guest's "UKBT" backtrace frames
 * (function, file:line) from IMAGE.debug with llvm-symbolizer, on stderr */
void symbolize_backtrace(const char *image, const char *ctlpath);

/* gdb.c: --gdb: write the gdb command file (removed at exit) and tell the
 * user the one command that attaches */
void gdb_prepare(const struct ukrun_opts *o);

/* stdio.c: ukrun's stdin, stdout, stderr as the guest's virtio-console
 * ports (see there for the layout) */
void stdio_setup(void);   /* before building QEMU's argv */
void stdio_restore(void); /* after QEMU: file status flags as found */
void stdio_kernel_options(struct strvec *words); /* console.tty=... */
void stdio_qemu_args(struct strvec *av, enum machine machine);

/* net.c: the guest's NIC; net_opt_* parse the options of that name */
void net_opt_mode(struct ukrun_opts *o, const char *value);
void net_opt_port(struct ukrun_opts *o, const char *value);
void net_opt_ip(struct ukrun_opts *o, const char *value);
void net_opt_gw(struct ukrun_opts *o, const char *value);
void net_opt_dns(struct ukrun_opts *o, const char *value);
void net_opt_inject(struct ukrun_opts *o, const char *value);
void net_inject_prepare(const struct ukrun_opts *o); /* creates the pipe */
void net_inject_remove(void); /* if ukrun created it; also at exit */
void net_resolve(struct ukrun_opts *o); /* after image_check */
void net_kernel_options(const struct ukrun_opts *o, struct strvec *words);
void net_qemu_args(struct strvec *av, const struct ukrun_opts *o);

/* fs.c: --fs HOSTDIR[:GUESTPATH], host directories over virtio-9p */
void fs_add(struct ukrun_opts *o, const char *value); /* checks the dir */
void fs_kernel_options(const struct ukrun_opts *o, struct strvec *words);
void fs_qemu_args(const struct ukrun_opts *o, struct strvec *av);

/* run.c: running QEMU under ukrun's supervision */
struct run_result {
    int wait_status; /* from waitpid */
    int timed_out;   /* --timeout expired and QEMU was killed */
    int forwarded;   /* last signal relayed to QEMU, 0 if none */
};
void run_qemu(char *const argv[], unsigned timeout, struct run_result *r);
_Noreturn void run_die_by_signal(int sig);

#endif
