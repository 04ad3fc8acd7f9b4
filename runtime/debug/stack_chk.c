/* stack_chk.c: the report when -fstack-protector finds a smashed canary. */
#include "runtime.h"

/* Called by musl's __stack_chk_fail (patch 0003) from the function whose
 * canary was overwritten: that function's caller is frame #1. The status
 * is SIGABRT's, as glibc's "stack smashing detected" ends in abort(). */
_Noreturn void uk_stack_chk_fail_report(void)
{
    kprintf("ukcc: fatal: stack smashing detected (a stack buffer overflow "
            "overwrote the canary)\n");
    backtrace_print_here();
    kernel_exit(EXIT_SIGABRT);
}
