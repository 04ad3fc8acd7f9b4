/* phase_prog.c: an init declared for a phase that does not exist. */
#include "component.h"

UK_COMPONENT_INIT(badphase, badphase_init, early);

void badphase_init(void)
{
}

int main(void)
{
    return 0;
}
