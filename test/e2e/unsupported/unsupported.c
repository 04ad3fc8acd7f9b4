/* unsupported.c: process calls fail with the errno Linux programs handle. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void show(const char *what, long r)
{
    printf("%s: %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    char *argv[] = {"/bin/true", NULL};
    pid_t pid;
    int st;

    show("fork", fork());
    show("execve", execve("/bin/true", argv, environ));
    show("waitpid", waitpid(-1, &st, 0));
    show("mount", mount("none", "/mnt", "tmpfs", 0, NULL));
    errno = posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ);
    show("posix_spawn", errno ? -1 : 0);
    st = system("true");
    printf("system: %d\n", st);
    show("fork again", fork());
    return 0;
}
