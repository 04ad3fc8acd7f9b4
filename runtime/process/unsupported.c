/* unsupported.c: the one message for calls a unikernel cannot honour.
 *
 * fork, exec, wait and friends need processes; an image is one program.
 * They return the errno a Linux program already handles (ENOSYS for what
 * the kernel "lacks", EPERM for what needs privileges, ECHILD for waits),
 * and say so once per call on the console, so that a program that fails
 * after, say, a failed fork() shows why. */
#include <errno.h>

#include "runtime.h"

long process_unsupported(const char *call, const char *why, long err)
{
    static const char *told[16];
    static unsigned ntold;

    for (unsigned i = 0; i < ntold; i++)
        if (told[i] == call)
            return err;
    if (ntold < sizeof(told) / sizeof(told[0]))
        told[ntold++] = call;
    kprintf("ukcc: %s() cannot work in a unikernel (%s): it fails with "
            "%s\n",
            call, why, err == -EPERM ? "EPERM" : err == -ECHILD ? "ECHILD"
                                                                : "ENOSYS");
    return err;
}
