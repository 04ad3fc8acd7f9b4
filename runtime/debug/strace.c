/* strace.c: `ukrun --strace`: print each syscall, its arguments and result. */
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "runtime.h"
#include "component.h"

UK_COMPONENT(debug,
             "ukrun --strace, stack protector and UBSan reports",
             "console",
             "runtime/debug/*");

/*
 * Set by the kernel option "strace" (cmdline.c). Every syscall entry tests
 * it (syscall/sysent.c), so tracing needs no rebuild of the program. Lines
 * look like strace's, `write(1, "hi\n", 3) = 3`, printed when the call
 * returns; exit and exit_group never return and are printed before.
 */
int uk_strace_enabled;

#define STRACE_LINE 256  /* longer lines are cut with "..." */
#define STRACE_STRING 32 /* bytes of a buffer shown */

/* Errno names, NUL-separated in the order of strace_errs. */
static const unsigned char strace_errs[] = {
    EPERM,  ENOENT,  EINTR,  EIO,    EBADF,  EAGAIN, ENOMEM,
    EACCES, EFAULT,  EEXIST, ENOTDIR, EISDIR, EINVAL, EMFILE,
    ENOTTY, ENOSPC,  ESPIPE, EPIPE,  ERANGE, ENOSYS, ETIMEDOUT,
};
static const char strace_err_names[] =
    "EPERM\0ENOENT\0EINTR\0EIO\0EBADF\0EAGAIN\0ENOMEM\0"
    "EACCES\0EFAULT\0EEXIST\0ENOTDIR\0EISDIR\0EINVAL\0EMFILE\0"
    "ENOTTY\0ENOSPC\0ESPIPE\0EPIPE\0ERANGE\0ENOSYS\0ETIMEDOUT";

struct strace_line {
    char s[STRACE_LINE];
    size_t n;
};

static void put_c(struct strace_line *l, char c)
{
    if (l->n < sizeof(l->s))
        l->s[l->n++] = c;
}

static void put_s(struct strace_line *l, const char *s)
{
    while (*s)
        put_c(l, *s++);
}

static void put_num(struct strace_line *l, unsigned long v, unsigned base)
{
    char d[24];
    int n = 0;

    do {
        d[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (n)
        put_c(l, d[--n]);
}

static void put_dec(struct strace_line *l, long v)
{
    if (v < 0) {
        put_c(l, '-');
        put_num(l, -(unsigned long)v, 10);
    } else {
        put_num(l, (unsigned long)v, 10);
    }
}

static void put_hex(struct strace_line *l, unsigned long v)
{
    put_s(l, "0x");
    put_num(l, v, 16);
}

static void put_escaped(struct strace_line *l, unsigned char c)
{
    if (c == '\n') {
        put_s(l, "\\n");
    } else if (c == '\t') {
        put_s(l, "\\t");
    } else if (c < 32 || c > 126) {
        put_s(l, "\\x");
        put_c(l, "0123456789abcdef"[c >> 4]);
        put_c(l, "0123456789abcdef"[c & 15]);
    } else {
        if (c == '"' || c == '\\')
            put_c(l, '\\');
        put_c(l, (char)c);
    }
}

/* A quoted, escaped prefix of buf, as strace shows data. */
static void put_data(struct strace_line *l, const char *buf, long len,
                     int to_nul)
{
    long i;

    if (!buf) {
        put_s(l, "NULL");
        return;
    }
    put_c(l, '"');
    for (i = 0; i < STRACE_STRING && (to_nul ? buf[i] : i < len); i++)
        put_escaped(l, (unsigned char)buf[i]);
    put_c(l, '"');
    if (to_nul ? buf[i] != 0 : i < len)
        put_s(l, "...");
}

static void put_iovec(struct strace_line *l, const struct iovec *iov, long n)
{
    put_c(l, '[');
    for (long i = 0; i < n && i < 4; i++) {
        put_s(l, i ? ", {iov_base=" : "{iov_base=");
        put_data(l, iov[i].iov_base, (long)iov[i].iov_len, 0);
        put_s(l, ", iov_len=");
        put_num(l, iov[i].iov_len, 10);
        put_c(l, '}');
    }
    put_s(l, n > 4 ? ", ...]" : "]");
}

static void put_arg(struct strace_line *l, char fmt, long v)
{

    switch (fmt) {
    case 'd':
        put_dec(l, (int)v);
        break;
    case 'u':
        put_num(l, (unsigned long)v, 10);
        break;
    case 'o':
        put_c(l, '0');
        put_num(l, (unsigned long)v, 8);
        break;
    case 'f':
        if ((int)v == AT_FDCWD)
            put_s(l, "AT_FDCWD");
        else
            put_dec(l, (int)v);
        break;
    case 's':
        put_data(l, (const char *)v, 0, 1);
        break;
    case 'p':
        if (v)
            put_hex(l, (unsigned long)v);
        else
            put_s(l, "NULL");
        break;
    default:
        put_hex(l, (unsigned long)v);
    }
}

/* "name(args" into l; B and v need the result, so come after the call.
 * Formats: debug/strace_formats.h. */
static void strace_put_call(struct strace_line *l,
                            const struct uk_strace_sys *s, const long *args,
                            long ret)
{
    const char *fmt = s->fmt;

    if (*s->name) {
        put_s(l, s->name);
    } else {
        put_s(l, "syscall_");
        put_dec(l, s->nr);
    }
    put_c(l, '(');
    if (*fmt == 'X')
        fmt++;
    for (int i = 0; i < s->nargs; i++) {
        char f = *fmt ? *fmt++ : 'x';

        if (i)
            put_s(l, ", ");
        if (f == 'b')
            put_data(l, (const char *)args[i], args[2], 0);
        else if (f == 'B' && ret >= 0)
            put_data(l, (const char *)args[i], ret, 0);
        else if (f == 'v')
            put_iovec(l, (const struct iovec *)args[i], args[2]);
        else if (f == 'B')
            put_arg(l, 'p', args[i]);
        else
            put_arg(l, f, args[i]);
    }
    put_c(l, ')');
}

static void strace_put_result(struct strace_line *l,
                              const struct uk_strace_sys *s, long ret)
{
    put_s(l, " = ");
    if (ret < 0 && ret >= -4095) {
        const char *e = strace_err_names;
        size_t i = 0;

        while (i < sizeof strace_errs && strace_errs[i] != -ret) {
            while (*e++)
                ;
            i++;
        }
        if (i == sizeof strace_errs)
            e = NULL;
        put_s(l, "-1 ");
        if (e) {
            put_s(l, e);
        } else {
            put_s(l, "errno ");
            put_dec(l, -ret);
        }
    } else if (*s->fmt == 'X') {
        put_hex(l, (unsigned long)ret);
    } else {
        put_dec(l, ret);
    }
}

static void strace_emit(struct strace_line *l)
{
    if (l->n >= sizeof(l->s) - 1) { /* cut, keeping room for the newline */
        l->n = sizeof(l->s) - 5;
        put_s(l, "...");
    }
    put_c(l, '\n');
    console_write(l->s, l->n);
}

long uk_strace_call(long a, long b, long c, long d, long e, long f,
                    const struct uk_strace_sys *s)
{
    uk_strace_fn h = s->handler;
    long args[6] = {a, b, c, d, e, f}, ret;
    struct strace_line l = {.n = 0};

    if (s->nr == SYS_exit || s->nr == SYS_exit_group) {
        strace_put_call(&l, s, args, 0);
        put_s(&l, " = ?");
        strace_emit(&l);
        return h(a, b, c, d, e, f);
    }
    ret = h(a, b, c, d, e, f);
    strace_put_call(&l, s, args, ret);
    strace_put_result(&l, s, ret);
    strace_emit(&l);
    return ret;
}
