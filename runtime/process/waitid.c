/* waitid.c: waitid(2): there are never children to wait for. */
#include <errno.h>

#include "runtime.h"

long uk_sys_waitid(long idtype, long id, long info, long options, long ru)
{
    return process_unsupported("waitid", "no child processes", -ECHILD);
}
