/* getcwd.c: getcwd(2): the length including the NUL, as Linux returns. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vfs/vfs.h"

long uk_sys_getcwd(long buf, long size)
{
    char *tmp = malloc(VFS_PATH_MAX);
    if (!tmp)
        return -ENOMEM;
    int len = vfs_path_of(vfs_cwd(), tmp, VFS_PATH_MAX);
    if (len >= 0 && (size_t)len + 1 > (size_t)size)
        len = -ERANGE;
    if (len >= 0)
        memcpy((char *)buf, tmp, (size_t)len + 1);
    free(tmp);
    return len < 0 ? len : len + 1;
}
