/* tls.c: the thread pointer, which x86_64 keeps in the FS base register. */
#include "kernel.h"
#include "x86.h"

void arch_set_tls(uint64_t tp)
{
    wrmsr(MSR_FS_BASE, tp);
}

uint64_t arch_get_tls(void)
{
    return rdmsr(MSR_FS_BASE);
}
