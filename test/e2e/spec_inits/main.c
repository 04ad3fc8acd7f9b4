/* main.c: components declared by the program itself: their inits run at
 * boot in the order of their deps, kernel phase first, before the
 * program's constructors; their command-line defaults and ukcc
 * --boot-args reach the environment, and ukrun -e overrides them. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "component.h"

/* spec_z sorts after spec_a by name, but spec_a depends on it: the deps,
 * not the names or the order of the records, decide. */
UK_COMPONENT(spec_a, "test: depends on spec_z", "spec_z", "");
UK_COMPONENT(spec_z, "test: needs the file tree", "vfs", "");
UK_COMPONENT_INIT(spec_a, spec_a_init, libc);
UK_COMPONENT_INIT(spec_z, spec_z_init, libc);
UK_COMPONENT_INIT(spec_z, spec_z_early, kernel);
UK_COMPONENT_DEFAULTS(spec_z, "env=SPEC_COMPONENT=from-component");

/* volatile: else LTO runs program_ctor at compile time (its effect
 * becomes the initial data) and the trace says nothing about the order. */
static char trace[64];
static volatile int ntrace;

/* Kernel phase: no libc, no TLS (so no stack protector canary either). */
void spec_z_early(void)
{
    trace[ntrace++] = 'K';
}

void spec_z_init(void)
{
    /* vfs_boot ran first: the file tree is there. */
    trace[ntrace++] = access("/etc/passwd", R_OK) == 0 ? 'z' : '?';
}

void spec_a_init(void)
{
    trace[ntrace++] = 'a';
}

__attribute__((constructor)) static void program_ctor(void)
{
    trace[ntrace++] = 'c';
}

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v ? v : "(unset)";
}

int main(void)
{
    trace[ntrace++] = 'm';
    printf("init order: %s\n", trace);
    printf("SPEC_COMPONENT=%s\n", env("SPEC_COMPONENT"));
    printf("SPEC_ARG=%s\n", env("SPEC_ARG"));
    printf("SPEC_OVERRIDE=%s\n", env("SPEC_OVERRIDE"));
    return 0;
}
