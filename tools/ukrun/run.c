/* run.c: run QEMU as a child, relay signals to it and enforce --timeout.
 *
 * Signals are handled synchronously: the ones we care about are blocked
 * before the fork and collected with sigwaitinfo(), so there is no handler
 * code racing the main loop. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "ukrun.h"

/* Seconds between SIGTERM and SIGKILL when --timeout expires. */
#define RUN_KILL_GRACE 2

/* Relayed to QEMU so that Ctrl-C, kill and hangup act on the guest as they
 * would on a native program (QEMU also gets terminal-generated ones
 * directly; a second copy is harmless). */
static const int run_relayed[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

#define NRELAYED (sizeof(run_relayed) / sizeof(run_relayed[0]))

/* Linux discards a SIGCHLD whose action is the default (ignore) only when
 * it is unblocked; a handler makes sure it stays pending on any system. */
static void run_sigchld(int sig) {}

/* In the child: if ukrun itself is killed outright (SIGKILL, a test
 * harness's timeout), QEMU must not live on as an orphan spinning TCG. */
static void run_tie_to_parent(pid_t parent)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) /* died before prctl took effect */
        _exit(127);
#endif
}

/* Fork and exec QEMU. Exec failures come back through a close-on-exec pipe,
 * so that ukrun (not the child) reports them as its own error. */
static pid_t run_spawn(char *const argv[], const sigset_t *child_mask)
{
    int pfd[2], err;
    pid_t pid, parent = getpid();
    ssize_t n;

    if (pipe(pfd) < 0 || fcntl(pfd[1], F_SETFD, FD_CLOEXEC) < 0)
        ukrun_fatal("pipe:");
    pid = fork();
    if (pid < 0)
        ukrun_fatal("fork:");
    if (pid == 0) {
        close(pfd[0]);
        run_tie_to_parent(parent);
        signal(SIGCHLD, SIG_DFL);
        sigprocmask(SIG_SETMASK, child_mask, NULL);
        execvp(argv[0], argv);
        err = errno;
        if (write(pfd[1], &err, sizeof(err)) < 0)
            _exit(127);
        _exit(127);
    }
    close(pfd[1]);
    do
        n = read(pfd[0], &err, sizeof(err));
    while (n < 0 && errno == EINTR);
    close(pfd[0]);
    if (n == (ssize_t)sizeof(err)) {
        waitpid(pid, NULL, 0);
        errno = err;
        ukrun_fatal("cannot run %s (set UKRUN_QEMU to QEMU's path):", argv[0]);
    }
    return pid;
}

/* QEMU puts a terminal on stdin into raw mode and restores it when it exits;
 * if it is killed outright, we restore the settings it found. Only from the
 * foreground, where changing the terminal does not stop us with SIGTTOU. */
static void run_restore_tty(const struct termios *saved)
{
    if (tcgetpgrp(STDIN_FILENO) == getpgrp())
        tcsetattr(STDIN_FILENO, TCSANOW, saved);
}

void run_qemu(char *const argv[], unsigned timeout, struct run_result *r)
{
    sigset_t wait_set, old_mask;
    struct sigaction sa = {0}, old;
    struct termios tty;
    int have_tty, killing = 0;
    pid_t pid;

    memset(r, 0, sizeof(*r));
    sigemptyset(&wait_set);
    sigaddset(&wait_set, SIGCHLD);
    sigaddset(&wait_set, SIGALRM);
    for (size_t i = 0; i < NRELAYED; i++) {
        /* A signal ignored by whoever started us (nohup, a background job
         * of a script) stays ignored, for QEMU too. */
        sigaction(run_relayed[i], NULL, &old);
        if (old.sa_handler != SIG_IGN)
            sigaddset(&wait_set, run_relayed[i]);
    }
    sa.sa_handler = run_sigchld;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sigprocmask(SIG_BLOCK, &wait_set, &old_mask);

    have_tty = tcgetattr(STDIN_FILENO, &tty) == 0;
    pid = run_spawn(argv, &old_mask);
    if (timeout)
        alarm(timeout);
    for (;;) {
        int sig = sigwaitinfo(&wait_set, NULL);

        if (sig < 0) {
            if (errno == EINTR)
                continue;
            ukrun_fatal("sigwaitinfo:");
        }
        if (sig == SIGCHLD) {
            pid_t w = waitpid(pid, &r->wait_status, WNOHANG);

            if (w == pid)
                break;
            if (w < 0 && errno != EINTR)
                ukrun_fatal("waitpid:");
        } else if (sig == SIGALRM) {
            /* First expiry: ask QEMU to stop; second: insist. */
            r->timed_out = 1;
            kill(pid, killing ? SIGKILL : SIGTERM);
            if (!killing)
                alarm(RUN_KILL_GRACE);
            killing = 1;
        } else {
            r->forwarded = sig;
            kill(pid, sig);
        }
    }
    alarm(0);
    if (have_tty && WIFSIGNALED(r->wait_status))
        run_restore_tty(&tty);
}

/* End ukrun by the signal the user sent, as a native program would end, so
 * that shells and scripts see "killed by SIGINT" and stop. */
void run_die_by_signal(int sig)
{
    sigset_t set;

    ctlfile_remove();
    net_inject_remove();
    signal(sig, SIG_DFL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}
