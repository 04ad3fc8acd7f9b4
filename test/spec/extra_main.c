/* extra_main.c: uses the archive's component when built with -DUSE_EXTRA. */
#include <stdio.h>
#include <stdlib.h>

int extra_value(void);

int main(void)
{
#ifdef USE_EXTRA
    printf("extra %d\n", extra_value());
#endif
    printf("EXTRA_DEFAULT=%s\n", getenv("EXTRA_DEFAULT") ? "set" : "unset");
    return 0;
}
