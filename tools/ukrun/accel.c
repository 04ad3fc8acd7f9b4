/* accel.c: pick KVM or TCG. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ukrun.h"

/* Does a "flags" line of /proc/cpuinfo list vmx (Intel) or svm (AMD)? */
static int accel_cpu_has_virt(void)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[8192];
    int found = 0;

    if (!f)
        return 0;
    while (!found && fgets(line, sizeof(line), f)) {
        char *colon = strchr(line, ':');

        if (strncmp(line, "flags", 5) || !colon)
            continue;
        for (char *w = strtok(colon + 1, " \t\n"); w && !found;
             w = strtok(NULL, " \t\n"))
            found = !strcmp(w, "vmx") || !strcmp(w, "svm");
    }
    fclose(f);
    return found;
}

static int accel_kvm_opens(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);

    if (fd < 0)
        return 0;
    close(fd);
    return 1;
}

/* A /dev/kvm alone is not enough: some hosts offer a software KVM (such as
 * kvm_pvm) without vmx/svm, and it cannot run the SSE code in our images.
 * So auto insists on real hardware virtualisation; an explicit --accel kvm
 * is taken at its word. */
enum accel accel_choose(enum accel requested)
{
    if (requested != ACCEL_AUTO)
        return requested;
    return accel_cpu_has_virt() && accel_kvm_opens() ? ACCEL_KVM : ACCEL_TCG;
}
