/* sysent_futex_wake.c: the entry of futex(FUTEX_WAKE) call sites. */
#define SYSENT_NAME futex
#define SYSENT_VARIANT _wake
#define SYSENT_NARGS 3
#include "syscall/sysent.c"
