/* assert.c: a failed lwIP assertion is a kernel panic. */
#include "net.h"

_Noreturn void net_assert_fail(const char *msg, const char *file, int line)
{
    kpanic(file, line, "lwIP assertion failed: %s", msg);
}
