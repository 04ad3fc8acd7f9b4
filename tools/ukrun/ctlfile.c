/* ctlfile.c: the control file that receives the guest's "UKEXIT <n>" line.
 *
 * isa-debug-exit makes QEMU exit with ((n << 1) | 1) & 0xff, which loses
 * the top bit of n and cannot be told apart from QEMU's own exit 1. So the
 * kernel first writes "UKEXIT <n>\n" to its debug console (port 0xe9),
 * which QEMU appends to this file; the file is the authoritative status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ukrun.h"

static char *ctlfile_path; /* the created file, removed at exit */

static void ctlfile_cleanup(void)
{
    ctlfile_remove();
}

char *ctlfile_template(void)
{
    const char *dir = getenv("TMPDIR");
    struct strbuf sb = {0};

    strbuf_puts(&sb, dir && *dir ? dir : "/tmp");
    strbuf_puts(&sb, "/ukrun-XXXXXX");
    return sb.s;
}

void ctlfile_create(char *tmpl)
{
    int fd = mkstemp(tmpl);

    if (fd < 0)
        ukrun_fatal("cannot create control file %s:", tmpl);
    close(fd);
    ctlfile_path = tmpl;
    atexit(ctlfile_cleanup);
}

void ctlfile_remove(void)
{
    if (ctlfile_path)
        unlink(ctlfile_path);
    ctlfile_path = NULL;
}

/* The last "UKEXIT <n>" line wins; other debug console output is ignored.
 * Returns 1 and sets *status if there is one. */
int ctlfile_read_status(const char *path, int *status)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    int found = 0;

    if (!f)
        return 0;
    while (getline(&line, &cap, f) >= 0) {
        char *end;
        long n;

        if (strncmp(line, "UKEXIT ", 7))
            continue;
        n = strtol(line + 7, &end, 10);
        if (end != line + 7 && (*end == '\n' || *end == '\0')) {
            *status = (int)(n & 0xff); /* as a Unix wait status keeps it */
            found = 1;
        }
    }
    free(line);
    fclose(f);
    return found;
}
