/* cycle_prog.c: two components that depend on each other: no init order
 * exists, and the link must say which components form the cycle. */
#include "component.h"

UK_COMPONENT(cycle_a, "test: needs cycle_b", "cycle_b", "");
UK_COMPONENT(cycle_b, "test: needs cycle_a", "cycle_a", "");
UK_COMPONENT_INIT(cycle_a, cycle_a_init, libc);

void cycle_a_init(void)
{
}

int main(void)
{
    return 0;
}
