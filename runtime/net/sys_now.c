/* sys_now.c: lwIP's clock: milliseconds on the kernel's monotonic clock. */
#include "lwip/sys.h"
#include "net.h"

u32_t sys_now(void)
{
    return (u32_t)(time_monotonic_ns() / 1000000);
}
