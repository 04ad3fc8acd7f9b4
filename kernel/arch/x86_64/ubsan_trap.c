/* ubsan_trap.c: recognise the traps of -fsanitize-trap=undefined. */
#include "kernel.h"

/*
 * With -fsanitize-trap, clang ends a failed check with `ud1l d(%eax),
 * %eax` (67 0f b9 40 d, or 67 0f b9 00 for d = 0) where d numbers the
 * check in clang's SanitizerHandler order; __builtin_trap() is ud2 (0f 0b).
 * The names, NUL-separated, in that order:
 */
static const char ubsan_trap_names[] =
    "signed add overflow\0unreachable code reached\0cfi check failed\0"
    "division overflow or by zero\0dynamic type\0float cast overflow\0"
    "function type mismatch\0implicit conversion\0invalid builtin\0"
    "invalid objc cast\0invalid bool or enum value\0missing return\0"
    "signed mul overflow\0signed negate overflow\0nullability arg\0"
    "nullability return\0nonnull arg\0nonnull return\0out of bounds\0"
    "pointer overflow\0shift out of bounds\0signed sub overflow\0"
    "type mismatch (null or misaligned)\0alignment assumption\0"
    "vla bound not positive\0";

/* The check a ubsan trap at rip reports, or NULL if rip holds no such trap
 * (rip must be in the image's text, checked here before reading it). */
const char *ubsan_trap_check(uint64_t rip)
{
    const unsigned char *p = (const unsigned char *)rip;
    const char *name = ubsan_trap_names;
    int kind;

    if (rip < (uint64_t)__text_start || rip + 5 > (uint64_t)__text_end)
        return NULL;
    if (p[0] != 0x67 || p[1] != 0x0f || p[2] != 0xb9)
        return NULL;
    if (p[3] == 0x00)
        kind = 0;
    else if (p[3] == 0x40)
        kind = p[4];
    else
        return NULL;
    for (int i = 0; i < kind && *name; i++)
        while (*name++)
            ;
    return *name ? name : "unknown check";
}
