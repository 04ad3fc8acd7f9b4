/* pipe2.c: pipe2(2). */
#include "ipc.h"

long uk_sys_pipe2(long fds, long flags)
{
    return pipe_open((int *)fds, (int)flags);
}
