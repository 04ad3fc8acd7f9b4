/* uname.c: uname(2). sysname says Linux: programs test it to pick the ABI. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/utsname.h>

#include "runtime.h"

long uk_sys_uname(long bufp)
{
    struct utsname *u = (struct utsname *)bufp;
    memset(u, 0, sizeof *u);
    strcpy(u->sysname, "Linux");
    strcpy(u->nodename, "ukcc");
    strcpy(u->release, "6.1.0-ukcc");
    strcpy(u->version, "#1 ukcc unikernel");
    strcpy(u->machine, "x86_64");
    strcpy(u->domainname, "(none)");
    return 0;
}
