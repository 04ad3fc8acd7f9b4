/* spec_main.c: uk-spec [-T SCRIPT] [--boot-args=WORDS] INPUT...: the
 * specialisation object's source for a link line, on stdout (tests);
 * --members: the archive members the link would extract instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

int main(int argc, char **argv)
{
    const char *script = NULL, *boot_args = NULL;
    int members = 0;
    const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
    size_t n = 0;
    char err[1024];

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-T") == 0 && i + 1 < argc)
            script = argv[++i];
        else if (strcmp(argv[i], "--members") == 0)
            members = 1;
        else if (strncmp(argv[i], "--boot-args=", 12) == 0)
            boot_args = argv[i] + 12;
        else
            inputs[n++] = argv[i];
    }
    if (!n) {
        fprintf(stderr, "usage: uk-spec [-T SCRIPT] [--boot-args=WORDS] "
                        "INPUT...\n");
        return 2;
    }
    struct spec *s = spec_closure(inputs, script, err, sizeof err);
    if (!s) {
        fprintf(stderr, "uk-spec: error: %s\n", err);
        return 1;
    }
    for (size_t i = 0; members && i < s->nmembers; i++)
        if (s->members[i].extracted && s->files[s->members[i].file].archive)
            printf("%s\n", s->members[i].name);
    if (!members)
        spec_emit(s, boot_args, stdout);
    spec_free(s);
    free(inputs);
    return 0;
}
