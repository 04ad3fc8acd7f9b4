/* set_tid_address.c: set_tid_address(2); one thread, tid 1. */
#include "runtime.h"

long uk_sys_set_tid_address(long addr)
{
    return 1;
}
