/* pipe.c: pipe(2). */
#include "ipc.h"

long uk_sys_pipe(long fds)
{
    return pipe_open((int *)fds, 0);
}
