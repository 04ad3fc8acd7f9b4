/* spawn.c: run a tool with fork/exec; -v shows it, -### shows it only. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver.h"

static bool verbose, dry_run;
static volatile pid_t child; /* the running tool, for spawn_stop_child */

void spawn_set_mode(bool v, bool dry)
{
    verbose = v;
    dry_run = dry;
}

/* -###: every argument in double quotes, so the line can be pasted into a
 * shell; the characters special inside double quotes get a backslash. */
static void print_quoted(char *const argv[])
{
    for (size_t i = 0; argv[i]; i++) {
        fputs(" \"", stderr);
        for (const char *p = argv[i]; *p; p++) {
            if (strchr("\"\\$`", *p))
                fputc('\\', stderr);
            fputc(*p, stderr);
        }
        fputc('"', stderr);
    }
    fputc('\n', stderr);
}

static void print_plain(char *const argv[])
{
    for (size_t i = 0; argv[i]; i++)
        fprintf(stderr, " %s", argv[i]);
    fputc('\n', stderr);
}

/* The child reports a failed exec through a close-on-exec pipe: the parent
 * reads either nothing (exec worked) or the child's errno. */
static pid_t start(char *const argv[], int errfd, int *exec_errno)
{
    int fds[2];
    pid_t pid;
    int err = 0;

    if (pipe2(fds, O_CLOEXEC) < 0)
        fatal("pipe:");
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0)
        fatal("fork:");
    if (pid == 0) {
        close(fds[0]);
        if (errfd >= 0 && dup2(errfd, 2) < 0)
            _exit(127);
        execv(argv[0], argv);
        err = errno;
        if (write(fds[1], &err, sizeof(err)) < 0)
            _exit(127);
        _exit(127); /* _exit: the parent's atexit cleanup is not ours */
    }
    close(fds[1]);
    while (read(fds[0], &err, sizeof(err)) < 0 && errno == EINTR)
        ;
    close(fds[0]);
    *exec_errno = err;
    return pid;
}

/* Run argv (argv[0] an absolute path) for the named stage and wait for it.
 * True if it exited 0. A tool that fails prints its own diagnostics, which
 * reach the user unchanged; only an exec failure or a crash is reported
 * here, naming the stage. */
bool spawn_run(const char *stage, char *const argv[])
{
    return spawn_run_err(stage, argv, -1);
}

/* spawn_run with the tool's stderr on errfd (-1: ours), for a caller that
 * reads the tool's messages before passing them on. */
bool spawn_run_err(const char *stage, char *const argv[], int errfd)
{
    int status, exec_errno;
    pid_t pid;

    if (dry_run) {
        print_quoted(argv);
        return true;
    }
    if (verbose)
        print_plain(argv);
    child = pid = start(argv, errfd, &exec_errno);
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            fatal("%s stage: waitpid:", stage);
    child = 0;
    if (exec_errno) {
        errno = exec_errno;
        error("%s stage: cannot run %s:", stage, argv[0]);
        return false;
    }
    if (WIFSIGNALED(status)) {
        error("%s stage: %s terminated by signal %d (%s)", stage,
              path_base(argv[0]), WTERMSIG(status),
              strsignal(WTERMSIG(status)));
        return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* From a signal handler: pass sig on to the running tool and wait until it
 * is gone, so that it writes no file after we remove ours. A ^C reaches the
 * tool anyway (same process group); a kill aimed at ukcc alone does not. */
void spawn_stop_child(int sig)
{
    pid_t pid = child;

    if (pid > 0) {
        kill(pid, sig);
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
}
