/* ipc.h: pipes. */
#ifndef UK_IPC_H
#define UK_IPC_H

#include "runtime.h"

/* pipe_file.c: a pipe: two files around one ring buffer */
#define PIPE_SIZE (64 * 1024) /* capacity, as Linux's default */
long pipe_open(int *fds, int flags); /* 0 or -errno; fds[0] reads */

#endif
