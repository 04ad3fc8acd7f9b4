/* backtrace.c: frame-pointer backtraces for fatal reports. */
#include "kernel.h"
#include "x86.h"

/*
 * Everything in an image is built with frame pointers (ukcc adds
 * -fno-omit-frame-pointer), so each frame starts with the caller's rbp and
 * the return address above it: [rbp] = caller's rbp, [rbp + 8] = return.
 * The kernel has no symbols (the image is stripped): it prints addresses on
 * the console and again as "UKBT <n> <kind> <addr>" lines (hex numbers) on
 * the debug console (port 0xe9), where ukrun finds them after the run and
 * names them with llvm-symbolizer from app.img.debug. kind p is an exact pc (the
 * faulting instruction), r a return address (the call is just before it).
 */
#define DEBUGCON_PORT 0xe9
#define BACKTRACE_MAX_WALK (1 << 20) /* frames counted before giving up */
#define BACKTRACE_HEAD 16            /* frames printed from the top... */
#define BACKTRACE_TAIL 8             /* ...and from the bottom (main) */

static void backtrace_debugcon(const char *s)
{
    for (; *s; s++)
        outb(DEBUGCON_PORT, (uint8_t)*s);
}

static void backtrace_debugcon_hex(uint64_t v)
{
    char digits[17];
    int n = 0;

    do {
        digits[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v != 0);
    while (n > 0)
        outb(DEBUGCON_PORT, (uint8_t)digits[--n]);
}

static void backtrace_emit(int index, char kind, uint64_t addr)
{
    kprintf("    #%-2d 0x%016lx\n", index, addr);
    backtrace_debugcon("UKBT ");
    backtrace_debugcon_hex((uint64_t)index);
    outb(DEBUGCON_PORT, ' ');
    outb(DEBUGCON_PORT, (uint8_t)kind);
    outb(DEBUGCON_PORT, ' ');
    backtrace_debugcon_hex(addr);
    outb(DEBUGCON_PORT, '\n');
}

/* Can [fp, fp + 16) be read without faulting? It must be RAM (identity
 * mapped), aligned, and not a page paging_unmap took away. A report must
 * never fault on a corrupt chain. */
static int backtrace_frame_ok(uint64_t fp)
{
    if (fp < PAGE_SIZE || (fp & 7) || paging_is_guard(fp) ||
        paging_is_guard(fp + 8))
        return 0;
    for (int i = 0; i < boot_info.nram; i++) {
        const struct mem_range *r = &boot_info.ram[i];

        if (fp >= r->base && fp + 16 <= r->base + r->len)
            return 1;
    }
    return 0;
}

static int backtrace_is_code(uint64_t addr)
{
    return addr >= (uint64_t)__text_start && addr < (uint64_t)__text_end;
}

/* Follow the chain from fp outwards (callers have higher addresses) and
 * print frames numbered below first or from last on; first < 0 only counts.
 * Frames are numbered from base. Returns the number of frames found. */
static int backtrace_walk(uint64_t fp, int base, int first, int last)
{
    int n = 0;

    while (n < BACKTRACE_MAX_WALK && backtrace_frame_ok(fp)) {
        uint64_t next = ((uint64_t *)fp)[0], ret = ((uint64_t *)fp)[1];

        if (!backtrace_is_code(ret))
            break;
        if (first >= 0 && (base + n < first || base + n >= last))
            backtrace_emit(base + n, 'r', ret);
        else if (first >= 0 && base + n == first)
            kprintf("    ... %d frames not shown ...\n", last - first);
        n++;
        if (next <= fp) /* the chain must go up the stack */
            break;
        fp = next;
    }
    return n;
}

void backtrace_print(uint64_t pc, uint64_t fp)
{
    int base = pc ? 1 : 0, total;

    kprintf("  backtrace (ukrun names the frames from the .debug file):\n");
    if (pc)
        backtrace_emit(0, 'p', pc);
    total = base + backtrace_walk(fp, base, -1, 0);
    if (total <= BACKTRACE_HEAD + BACKTRACE_TAIL)
        backtrace_walk(fp, base, total, total);
    else
        backtrace_walk(fp, base, BACKTRACE_HEAD, total - BACKTRACE_TAIL);
}

/* noinline: the frame address must be this function's own frame, whose
 * return address leads back into the caller. */
__attribute__((noinline)) void backtrace_print_here(void)
{
    backtrace_print(0, (uint64_t)__builtin_frame_address(0));
}
