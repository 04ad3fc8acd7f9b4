/* symbolize.c: name the guest's backtrace frames with llvm-symbolizer.
 *
 * The image is stripped; the kernel knows no names. On a crash it prints
 * raw addresses on the console and writes them to the control file as
 * "UKBT <n> <p|r> <addr>", both numbers in hex
 * (kernel/arch/x86_64/backtrace.c). After QEMU has
 * exited, ukrun runs llvm-symbolizer on them against IMAGE.debug, the
 * unstripped ELF ukcc leaves beside the image (or the image itself when it
 * was linked with -g), and prints function and file:line on stderr. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ukrun.h"

#define SYMBOLIZE_MAX_FRAMES 64

struct frame {
    unsigned index;
    unsigned long addr;
    int is_return; /* a return address: the call is the byte before */
};

static const char *symbolizer_binary(void)
{
    const char *env = getenv("UKRUN_SYMBOLIZER");

    return env && *env ? env : "llvm-symbolizer-19";
}

static int symbolize_read_frames(const char *ctlpath, struct frame *fr)
{
    FILE *f = fopen(ctlpath, "r");
    char *line = NULL;
    size_t cap = 0;
    int n = 0;

    if (!f)
        return 0;
    while (getline(&line, &cap, f) >= 0) {
        char kind;

        if (strncmp(line, "UKBT ", 5))
            continue;
        if (strncmp(line, "UKBT 0 ", 7) == 0)
            n = 0; /* a second report (a fault while reporting) wins */
        if (n < SYMBOLIZE_MAX_FRAMES &&
            sscanf(line + 5, "%x %c %lx", &fr[n].index, &kind,
                   &fr[n].addr) == 3) {
            fr[n].is_return = kind == 'r';
            n++;
        }
    }
    free(line);
    fclose(f);
    return n;
}

/* IMAGE.debug if it exists and is not older than the image, else the
 * image itself (a -g link keeps its symbols); NULL with a note if the
 * debug file is stale. */
static char *symbolize_debug_file(const char *image)
{
    struct stat si, sd;
    struct strbuf sb = {0};

    strbuf_puts(&sb, image);
    strbuf_puts(&sb, ".debug");
    if (stat(sb.s, &sd) < 0)
        return xstrdup(image);
    if (stat(image, &si) == 0 && sd.st_mtime + 60 < si.st_mtime) {
        ukrun_note("%s is older than the image; backtrace left unnamed",
                   sb.s);
        free(sb.s);
        return NULL;
    }
    return sb.s;
}

/* Run the symbolizer with the addresses as arguments; its output (blocks of
 * "function\nfile:line:col\n" pairs, one block per address, inlined frames
 * first, ended by an empty line) is returned in a malloc'd string. */
static char *symbolize_run(const char *debug, const struct frame *fr, int n)
{
    struct strvec av = {0};
    struct strbuf out = {0};
    char buf[4096], *obj;
    int pfd[2], status;
    ssize_t got;
    pid_t pid;

    strvec_push(&av, symbolizer_binary());
    obj = xmalloc(strlen(debug) + 7);
    strcpy(obj, "--obj=");
    strcat(obj, debug);
    strvec_push(&av, obj);
    strvec_push(&av, "--inlines");
    strvec_push(&av, "--relativenames");
    for (int i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "0x%lx", fr[i].addr - fr[i].is_return);
        strvec_push(&av, buf);
    }
    if (pipe(pfd) < 0)
        return NULL;
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        dup2(pfd[1], STDOUT_FILENO);
        close(pfd[0]);
        close(pfd[1]);
        execvp(av.v[0], av.v);
        _exit(127);
    }
    close(pfd[1]);
    strbuf_puts(&out, "");
    while (pid > 0 && (got = read(pfd[0], buf, sizeof buf)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            break;
        for (ssize_t i = 0; i < got; i++)
            strbuf_putc(&out, buf[i]);
    }
    close(pfd[0]);
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        ukrun_note("could not run %s (set UKRUN_SYMBOLIZER); backtrace "
                   "left unnamed",
                   av.v[0]);
        free(out.s);
        out.s = NULL;
    }
    free(obj);
    return out.s;
}

/* Print one address's block; returns where the next block starts. */
static char *symbolize_print_frame(const struct frame *fr, char *p)
{
    int first = 1;

    while (*p && *p != '\n') {
        char *func = p, *loc = strchr(p, '\n'), *end;

        if (!loc)
            break;
        *loc++ = '\0';
        end = strchr(loc, '\n');
        if (end)
            *end++ = '\0';
        else
            end = loc + strlen(loc);
        if (first)
            fprintf(stderr, "  #%-2u 0x%lx in %s at %s\n", fr->index,
                    fr->addr, func, loc);
        else
            fprintf(stderr, "        inlined into %s at %s\n", func, loc);
        first = 0;
        p = end;
    }
    return *p == '\n' ? p + 1 : p;
}

/* Did the symbolizer name anything? It answers "??" and "??:0:0" for
 * addresses it knows nothing about. */
static int symbolize_named_any(const char *out)
{
    for (const char *p = out; *p;) {
        size_t len = strcspn(p, "\n");

        if (len && strncmp(p, "??", 2) != 0)
            return 1;
        p += len + (p[len] == '\n');
    }
    return 0;
}

void symbolize_backtrace(const char *image, const char *ctlpath)
{
    struct frame fr[SYMBOLIZE_MAX_FRAMES];
    int n = symbolize_read_frames(ctlpath, fr);
    char *debug, *out, *p;

    if (n == 0)
        return;
    debug = symbolize_debug_file(image);
    if (!debug)
        return;
    out = symbolize_run(debug, fr, n);
    if (out && !symbolize_named_any(out)) {
        ukrun_note("%s has no symbols (linked with -s, or copied without "
                   "its .debug file): backtrace left unnamed",
                   debug);
    } else if (out) {
        fflush(stdout);
        fprintf(stderr, "ukrun: backtrace, named from %s:\n", debug);
        p = out;
        for (int i = 0; i < n && *p; i++) {
            if (i > 0 && fr[i].index != fr[i - 1].index + 1)
                fprintf(stderr, "  ... %u frames not shown ...\n",
                        fr[i].index - fr[i - 1].index - 1);
            p = symbolize_print_frame(&fr[i], p);
        }
    }
    free(out);
    free(debug);
}
