/* gdb.c: `ukrun --gdb`: the gdb command file that attaches with symbols.
 *
 * QEMU starts halted (-S) with its gdb stub on 127.0.0.1:PORT. The image
 * enters in 32-bit protected mode and switches to long mode in boot.S;
 * qemu-system-x86_64's stub always speaks the x86-64 register set, so gdb
 * is told the architecture up front and works from the first instruction.
 * Under TCG, breakpoints (break and hbreak) are kept by QEMU, not written
 * into guest memory: they work in read-only text and before paging. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ukrun.h"

static char *gdb_file; /* removed at exit */

static void gdb_cleanup(void)
{
    if (gdb_file)
        unlink(gdb_file);
}

/* The ELF with symbols: IMAGE.debug beside a stripped image, else the
 * image (a -g link); absolute, so the command works from any directory. */
static char *gdb_symbol_file(const char *image)
{
    struct strbuf sb = {0};
    struct stat st;
    char *abs, *cwd;

    strbuf_puts(&sb, image);
    strbuf_puts(&sb, ".debug");
    if (stat(sb.s, &st) < 0) {
        ukrun_note("no %s: gdb reads symbols from the image itself (it "
                   "has them if linked with -g)",
                   sb.s);
        free(sb.s);
        sb.s = NULL;
        sb.len = sb.cap = 0;
        strbuf_puts(&sb, image);
    }
    if (sb.s[0] == '/' || !(cwd = getcwd(NULL, 0)))
        return sb.s;
    abs = xmalloc(strlen(cwd) + 1 + sb.len + 1);
    strcpy(abs, cwd);
    strcat(abs, "/");
    strcat(abs, sb.s);
    free(cwd);
    free(sb.s);
    return abs;
}

void gdb_prepare(const struct ukrun_opts *o)
{
    const char *dir = getenv("TMPDIR");
    struct strbuf path = {0};
    char *sym = gdb_symbol_file(o->image);
    FILE *f;
    int fd;

    strbuf_puts(&path, dir && *dir ? dir : "/tmp");
    strbuf_puts(&path, "/ukrun-gdb-XXXXXX");
    fd = mkstemp(path.s);
    if (fd < 0 || !(f = fdopen(fd, "w")))
        ukrun_fatal("cannot create gdb command file %s:", path.s);
    gdb_file = path.s;
    atexit(gdb_cleanup);
    fprintf(f,
            "# written by ukrun --gdb for %s\n"
            "set architecture i386:x86-64\n"
            "file %s\n"
            "target remote 127.0.0.1:%u\n",
            o->image, sym, o->gdb_port);
    if (fclose(f) != 0)
        ukrun_fatal("cannot write gdb command file %s:", path.s);
    ukrun_note("QEMU waits for gdb on 127.0.0.1:%u; attach with", o->gdb_port);
    fprintf(stderr, "    gdb -x %s\n", path.s);
    ukrun_note("then e.g. `break main`, `continue`; the file goes when "
               "ukrun ends");
    free(sym);
}
