/* printk.c: kprintf, a minimal formatter to the console, and kpanic. */
#include <stdarg.h>

#include "kernel.h"

/*
 * Conversions: %s %c %d %i %u %x %p %%, with the length modifiers l, ll and
 * z, a field width, and the flags '0' (zero pad) and '-' (left justify).
 * Output is staged in a small buffer on the stack, so kprintf needs no
 * memory allocation and works from fault handlers.
 */
struct kbuf {
    char buf[128];
    size_t n;
};

static void kbuf_flush(struct kbuf *b)
{
    console_write(b->buf, b->n);
    b->n = 0;
}

static void kbuf_putc(struct kbuf *b, char c)
{
    if (b->n == sizeof(b->buf))
        kbuf_flush(b);
    b->buf[b->n++] = c;
}

static void kbuf_pad(struct kbuf *b, char c, int count)
{
    while (count-- > 0)
        kbuf_putc(b, c);
}

struct kspec {
    int width;
    int zero, left;
    int lng; /* 0: int, 1: long, 2: long long / size_t */
};

static void kprint_str(struct kbuf *b, const char *s, const struct kspec *sp)
{
    int len = 0;

    if (!s)
        s = "(null)";
    while (s[len])
        len++;
    if (!sp->left)
        kbuf_pad(b, ' ', sp->width - len);
    for (int i = 0; i < len; i++)
        kbuf_putc(b, s[i]);
    if (sp->left)
        kbuf_pad(b, ' ', sp->width - len);
}

static void kprint_num(struct kbuf *b, uint64_t v, int base, int neg,
                       const struct kspec *sp)
{
    char digits[24];
    int n = 0, len;

    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0);
    len = n + neg;
    if (sp->left || !sp->zero) {
        if (!sp->left)
            kbuf_pad(b, ' ', sp->width - len);
        if (neg)
            kbuf_putc(b, '-');
    } else {
        if (neg)
            kbuf_putc(b, '-');
        kbuf_pad(b, '0', sp->width - len);
    }
    while (n > 0)
        kbuf_putc(b, digits[--n]);
    if (sp->left)
        kbuf_pad(b, ' ', sp->width - len);
}

/* Fetch an integer argument of the size the length modifier names. */
static uint64_t karg_unsigned(va_list *ap, int lng)
{
    if (lng == 0)
        return va_arg(*ap, unsigned int);
    return lng == 1 ? va_arg(*ap, unsigned long)
                    : va_arg(*ap, unsigned long long);
}

static int64_t karg_signed(va_list *ap, int lng)
{
    if (lng == 0)
        return va_arg(*ap, int);
    return lng == 1 ? va_arg(*ap, long) : va_arg(*ap, long long);
}

static void kformat(struct kbuf *b, const char *p, va_list *ap)
{
    struct kspec sp;
    int64_t sv;

    for (; *p; p++) {
        if (*p != '%') {
            kbuf_putc(b, *p);
            continue;
        }
        sp = (struct kspec){0};
        for (p++; *p == '0' || *p == '-'; p++) {
            if (*p == '0')
                sp.zero = 1;
            else
                sp.left = 1;
        }
        for (; *p >= '0' && *p <= '9'; p++)
            sp.width = sp.width * 10 + (*p - '0');
        for (; *p == 'l' || *p == 'z'; p++)
            sp.lng = *p == 'z' ? 2 : sp.lng + 1;
        switch (*p) {
        case 'd':
        case 'i':
            sv = karg_signed(ap, sp.lng);
            kprint_num(b, sv < 0 ? -(uint64_t)sv : (uint64_t)sv, 10, sv < 0,
                       &sp);
            break;
        case 'u':
            kprint_num(b, karg_unsigned(ap, sp.lng), 10, 0, &sp);
            break;
        case 'x':
            kprint_num(b, karg_unsigned(ap, sp.lng), 16, 0, &sp);
            break;
        case 'p':
            kbuf_putc(b, '0');
            kbuf_putc(b, 'x');
            kprint_num(b, (uintptr_t)va_arg(*ap, void *), 16, 0, &sp);
            break;
        case 's':
            kprint_str(b, va_arg(*ap, const char *), &sp);
            break;
        case 'c':
            kbuf_putc(b, (char)va_arg(*ap, int));
            break;
        case '%':
            kbuf_putc(b, '%');
            break;
        case '\0':
            return; /* lone '%' at the end */
        default:
            kbuf_putc(b, '%'); /* unknown: print it as written */
            kbuf_putc(b, *p);
            break;
        }
    }
}

void kprintf(const char *fmt, ...)
{
    struct kbuf b;
    va_list ap;

    b.n = 0;
    va_start(ap, fmt);
    kformat(&b, fmt, &ap);
    va_end(ap);
    kbuf_flush(&b);
}

_Noreturn void kpanic(const char *file, int line, const char *fmt, ...)
{
    struct kbuf b;
    va_list ap;

    /* __FILE__ is the absolute path the build used: keep its last part. */
    for (const char *p = file; *p; p++)
        if (*p == '/')
            file = p + 1;
    kprintf("ukcc: panic: %s:%d: ", file, line);
    b.n = 0;
    va_start(ap, fmt);
    kformat(&b, fmt, &ap);
    va_end(ap);
    kbuf_putc(&b, '\n');
    kbuf_flush(&b);
    kernel_exit(EXIT_PANIC);
}
