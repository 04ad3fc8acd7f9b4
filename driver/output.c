/* output.c: refuse an -o that cannot be written before any work is done. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "driver.h"

/* The output is built beside its final name and renamed into place
 * (link.c, tmpfile.c), so its directory must take new files. Without this
 * check, the error would come after compiling, and name a temporary file
 * (or come from clang in its own words). */
void output_check(const char *path)
{
    struct stat st;
    char *dir;

    if (!path || strcmp(path, "-") == 0)
        return;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        fatal("-o %s: is a directory", path);
    dir = path_dir(path);
    if (stat(dir, &st) < 0)
        fatal("-o %s: cannot write in %s:", path, dir);
    if (!S_ISDIR(st.st_mode))
        fatal("-o %s: %s is not a directory", path, dir);
    if (access(dir, W_OK | X_OK) < 0)
        fatal("-o %s: cannot write in %s:", path, dir);
    free(dir);
}
