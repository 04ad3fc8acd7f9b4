/* undefined.c: run the link; name each missing symbol with its chain.
 *
 * lld names a missing symbol with the object that wants it, but after LTO
 * that object is lld's own temporary (x.elf.lto.o), and a reader still
 * wonders why the call is there at all. So when the link fails on
 * undefined symbols, the same link runs again with them left at 0
 * (--unresolved-symbols=ignore-all) into a temporary file, and the walk
 * (passes/walk_undefined.c) finds the chain from main to each reference:
 *
 *   ukcc: error: undefined reference to 'foo': wanted by main.c:12
 *   (start_server) via main -> start_server -> foo
 *
 * Only the error path pays for the second (LTO) link. If it fails too,
 * lld's own message is all the user gets. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "driver.h"
#include "passes.h"

#define UNDEF_MAX 20 /* symbols named; then "and N more" */

static const char lld_undef[] = "error: undefined symbol: ";
static const char too_many[] = "error: too many errors emitted";

/* The whole of a (small) file, NUL-terminated; "" if unreadable. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;

    if (!f || getdelim(&buf, &len, '\0', f) < 0) {
        free(buf);
        buf = xstrdup("");
    }
    if (f)
        fclose(f);
    return buf;
}

/* Run argv with its stderr into a new temporary file, returned in *msgs. */
static bool run_captured(char *const argv[], char **msgs)
{
    char *path = tmpfile_create(NULL, "ld", ".err");
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    bool ok;

    if (fd < 0)
        fatal("cannot write %s:", path);
    ok = spawn_run_err("link", argv, fd);
    close(fd);
    *msgs = slurp(path);
    free(path);
    return ok;
}

/* lld's messages without its blocks about undefined symbols (the header
 * line, its ">>>" lines and the blank line after them) and without its
 * "too many errors" line: every missing symbol is counted below. */
static void print_other(const char *msgs)
{
    bool skipping = false;

    for (const char *p = msgs; *p;) {
        size_t n = strcspn(p, "\n");
        bool nl = p[n] == '\n';

        if (memmem(p, n, lld_undef, strlen(lld_undef)) ||
            memmem(p, n, too_many, strlen(too_many)))
            skipping = true;
        else if (skipping && !(n == 0 || has_prefix(p, ">>>")))
            skipping = false;
        if (!skipping)
            fwrite(p, 1, n + nl, stderr);
        p += n + nl;
    }
}

/* The object lld names for name's first reference ("x.o" of
 * ">>>  x.o:(f)"), unless it is LTO's temporary; false if none. */
static bool lld_object(const char *msgs, const char *name, char *buf,
                       size_t len)
{
    char head[512];
    const char *p, *end, *colon;

    snprintf(head, sizeof head, "%s%s\n", lld_undef, name);
    p = strstr(msgs, head);
    if (!p)
        return false;
    for (p += strlen(head); has_prefix(p, ">>>"); p = end + 1) {
        end = strchr(p, '\n');
        if (!end)
            end = p + strlen(p);
        colon = memmem(p, (size_t)(end - p), ":(", 2);
        if (colon) {
            const char *obj = p + 3;
            obj += strspn(obj, " ");
            if (has_prefix(obj, "referenced by "))
                obj += strlen("referenced by ");
            size_t n = (size_t)(colon - obj);
            if (n >= 6 && strncmp(colon - 6, ".lto.o", 6) == 0)
                return false;
            snprintf(buf, len, "%.*s", (int)n, obj);
            return true;
        }
        if (!*end)
            break;
    }
    return false;
}

/* An input as the user named it: the source file, not its temporary
 * object. */
static const char *user_name(struct driver *d, const char *obj)
{
    size_t n = strcspn(obj, "(");

    for (size_t i = 0; i < d->nitems; i++) {
        const struct item *it = &d->items[i];

        if (it->kind == ITEM_INPUT && it->object &&
            strncmp(it->object, obj, n) == 0 && !it->object[n] && !obj[n])
            return it->text;
    }
    return obj;
}

/* "main.c:12 (start_server)", or, without line tables, the object that
 * defines the function (from the inputs, else from lld), or the function. */
static void wanted_by(struct driver *d, const struct report_undef *u,
                      const char *msgs, char *buf, size_t len)
{
    struct strvec objs = {0};
    char obj[512];

    if (u->site[0]) {
        snprintf(buf, len, "%s", u->site);
        return;
    }
    for (size_t i = 0; i < d->nitems; i++)
        if (d->items[i].kind == ITEM_INPUT && d->items[i].object)
            strvec_push(&objs, d->items[i].object);
    if ((u->func[0] && report_definer((const char *const *)objs.v, u->func, obj,
                                      sizeof obj)) ||
        lld_object(msgs, u->name, obj, sizeof obj))
        snprintf(buf, len, "%s%s%s%s", user_name(d, obj),
                 u->func[0] ? " (" : "", u->func, u->func[0] ? ")" : "");
    else
        snprintf(buf, len, "%s", u->func[0] ? u->func : "?");
    strvec_free(&objs);
}

/* The failed link again, missing symbols left at 0, and the walk over
 * it: one line per symbol. False (nothing printed) if that cannot be. */
static bool explain(struct driver *d, const struct strvec *cmd,
                    const char *msgs)
{
    static struct report_undef undef[UNDEF_MAX];
    struct strvec again = {0};
    char *elf = tmpfile_create(NULL, "undefined", ".elf");
    char *relink_msgs = NULL;
    char err[1024], by[768];
    struct walk *w = NULL;
    size_t n = 0;

    if (cmd->n < 3 || strcmp(cmd->v[1], "-o") != 0)
        goto out;
    strvec_pushv(&again, cmd);
    free(again.v[2]);
    again.v[2] = xstrdup(elf);
    strvec_push(&again, "--unresolved-symbols=ignore-all");
    strvec_push(&again, "--noinhibit-exec");
    /* Its status is not looked at: --noinhibit-exec writes the image
     * even past other errors, which lld's first messages have shown. */
    run_captured(again.v, &relink_msgs);
    if (!image_has_multiboot(elf) ||
        !(w = report_open(elf, NULL, NULL, err, sizeof err)))
        goto out_msgs;
    n = report_undefined(w, undef, UNDEF_MAX);
    if (!n)
        goto out_msgs;
    print_other(msgs);
    for (size_t i = 0; i < n && i < UNDEF_MAX; i++) {
        wanted_by(d, &undef[i], msgs, by, sizeof by);
        error("undefined reference to '%s': wanted by %s via %s", undef[i].name,
              by, undef[i].chain);
    }
    if (n > UNDEF_MAX)
        error("and %zu more undefined references", n - UNDEF_MAX);
out_msgs:
    free(relink_msgs);
out:
    report_close(w);
    strvec_free(&again);
    unlink(elf);
    tmpfile_forget(elf);
    free(elf);
    return n > 0;
}

/* Run the link command (lld); true if it succeeded. Its messages reach
 * the user after it ends; undefined symbols are explained (above). */
bool undefined_link(struct driver *d, struct strvec *cmd)
{
    char *msgs;
    bool ok;

    if (d->dry_run)
        ok = spawn_run("link", cmd->v);
    else if ((ok = run_captured(cmd->v, &msgs)) || !strstr(msgs, lld_undef) ||
             !explain(d, cmd, msgs)) {
        fputs(msgs, stderr);
        free(msgs);
        if (!ok)
            error("link stage failed: %s did not succeed (see its "
                  "messages above)",
                  path_base(UKCC_LD));
    } else {
        free(msgs);
    }
    strvec_free(cmd);
    return ok;
}
