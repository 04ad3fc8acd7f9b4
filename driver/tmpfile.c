/* tmpfile.c: temporary files, removed at exit and on SIGINT/SIGTERM/SIGHUP. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "driver.h"

/* A registered path. Temporaries are always removed; an output is removed
 * only if the run fails, since gcc leaves no output behind a failure. */
struct entry {
    char *path;
    bool output;
};

static struct entry *entries;
static size_t nentries, cap;
static bool committed, dry;
static unsigned long counter;

/* The signal handler walks the list, so it may only change while the
 * signals that run the handler are blocked. */
static void block(sigset_t *old)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void unblock(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

static void add(const char *path, bool output)
{
    sigset_t old;

    block(&old);
    if (nentries == cap) {
        cap = cap ? cap * 2 : 16;
        entries = xrealloc(entries, cap * sizeof(*entries));
    }
    entries[nentries].path = xstrdup(path);
    entries[nentries].output = output;
    nentries++;
    unblock(&old);
}

/* An output is removed only if it is a regular file: "-o /dev/null" must
 * never cost the system its /dev/null. */
static void remove_all(bool failed)
{
    struct stat st;

    for (size_t i = 0; i < nentries; i++) {
        if (!entries[i].output)
            unlink(entries[i].path);
        else if (failed && lstat(entries[i].path, &st) == 0 &&
                 S_ISREG(st.st_mode))
            unlink(entries[i].path);
    }
}

static void cleanup_at_exit(void)
{
    remove_all(!committed);
}

/* Only async-signal-safe calls here: kill, waitpid, lstat, unlink, signal,
 * raise. Dying by the same signal tells our parent (make) what happened. */
static void cleanup_on_signal(int sig)
{
    spawn_stop_child(sig);
    remove_all(true);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* With dry_run (-###) nothing is created and nothing is ever removed. */
void tmpfile_init(bool dry_run)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};

    dry = dry_run;
    atexit(cleanup_at_exit);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (signal(sigs[i], SIG_IGN) != SIG_IGN)
            signal(sigs[i], cleanup_on_signal);
}

static const char *tmp_dir(void)
{
    const char *dir = getenv("TMPDIR");

    return dir && *dir ? dir : "/tmp";
}

/* Create an empty, unique file and register it for removal. With dir NULL
 * it is "$TMPDIR/ukcc-<stem>-XXXXXX<suffix>"; with a dir it is the hidden
 * "<dir>/.<stem>-XXXXXX<suffix>", used to build an output beside its final
 * name so that rename() can publish it atomically. */
char *tmpfile_create(const char *dir, const char *stem, const char *suffix)
{
    char *path;
    int fd;

    if (dir)
        path = xasprintf("%s/.%s-XXXXXX%s", dir, stem, suffix);
    else
        path = xasprintf("%s/ukcc-%s-XXXXXX%s", tmp_dir(), stem, suffix);
    if (dry) {
        /* Readable, stable names for -### output; nothing is created. */
        char *x = strstr(path, "XXXXXX");
        char num[8];

        snprintf(num, sizeof(num), "%06lu", ++counter % 1000000);
        memcpy(x, num, 6);
        return path;
    }
    fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0)
        fatal("cannot create temporary file %s:", path);
    close(fd);
    add(path, false);
    return path;
}

/* Stop tracking path: it was renamed to its final name. */
void tmpfile_forget(const char *path)
{
    sigset_t old;

    block(&old);
    for (size_t i = 0; i < nentries; i++) {
        if (strcmp(entries[i].path, path) == 0) {
            free(entries[i].path);
            entries[i] = entries[--nentries];
            break;
        }
    }
    unblock(&old);
}

/* Remove path if the run fails or is interrupted, as gcc does with its
 * outputs. Standard output ("-") is never registered. */
void tmpfile_remove_on_failure(const char *path)
{
    if (!dry && strcmp(path, "-") != 0)
        add(path, true);
}

/* The run succeeded: outputs stay, temporaries still go at exit. */
void tmpfile_commit(void)
{
    committed = true;
}
