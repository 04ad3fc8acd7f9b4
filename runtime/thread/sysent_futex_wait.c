/* sysent_futex_wait.c: the entry of untimed futex(FUTEX_WAIT) sites. */
#define SYSENT_NAME futex
#define SYSENT_VARIANT _wait
#define SYSENT_NARGS 3
#include "syscall/sysent.c"
