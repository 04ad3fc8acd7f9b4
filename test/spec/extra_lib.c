/* extra_lib.c: an archive member with a component of its own: in the
 * image only when the program references extra_value. */
#include "component.h"

UK_COMPONENT_INIT(extra, extra_init, libc);
UK_COMPONENT_DEFAULTS(extra, "env=EXTRA_DEFAULT=1");

int extra_ready;

void extra_init(void)
{
    extra_ready = 1;
}

int extra_value(void)
{
    return extra_ready ? 42 : -1;
}
