/* clone_prog.c: clone() without CLONE_VM, a second process in disguise. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static char stack[16384] __attribute__((aligned(16)));

static int child(void *arg)
{
    (void)arg;
    return 0;
}

static int start_child(void)
{
    int pid = clone(child, stack + sizeof stack, SIGCHLD, NULL);

    if (pid < 0)
        printf("clone: %d %s\n", pid, errno == ENOSYS ? "ENOSYS"
                                                      : strerror(errno));
    return pid;
}

int main(void)
{
    return start_child() < 0 ? 3 : 0;
}
