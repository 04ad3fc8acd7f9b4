/* image_pack_main.c: uk-image-pack IN OUT, image_pack as a command (tests). */
#include <stdio.h>

#include "passes.h"

int main(int argc, char **argv)
{
    char err[512];

    if (argc != 3) {
        fprintf(stderr, "usage: uk-image-pack IN OUT\n");
        return 2;
    }
    if (image_pack(argv[1], argv[2], err, sizeof(err)) < 0) {
        fprintf(stderr, "uk-image-pack: %s\n", err);
        return 1;
    }
    return 0;
}
