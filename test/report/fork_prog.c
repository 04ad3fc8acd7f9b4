/* fork_prog.c: a program that calls fork(), which a unikernel cannot do. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int spawn_worker(void)
{
    pid_t pid = fork();

    if (pid < 0)
        printf("fork: %d %s\n", (int)pid, errno == ENOSYS ? "ENOSYS"
                                                          : strerror(errno));
    return pid;
}

int main(void)
{
    return spawn_worker() < 0 ? 3 : 0;
}
