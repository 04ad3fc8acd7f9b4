/* arch_prctl.c: arch_prctl(2) and set_thread_area(2): the thread pointer. */
#include <errno.h>

#include "runtime.h"

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

long uk_sys_arch_prctl(long code, long addr)
{
    switch (code) {
    case ARCH_SET_FS:
        arch_set_tls((uint64_t)addr);
        return 0;
    case ARCH_GET_FS:
        *(uint64_t *)addr = arch_get_tls();
        return 0;
    default:
        return -EINVAL;
    }
}

long uk_sys_set_thread_area(long addr)
{
    arch_set_tls((uint64_t)addr);
    return 0;
}
