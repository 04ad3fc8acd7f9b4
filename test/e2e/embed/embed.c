/* embed.c: read the tree that `ukcc --embed` packed into the image. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void cat(const char *path)
{
    char line[128];
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s: missing\n", path);
        return;
    }
    while (fgets(line, sizeof line, f))
        printf("%s: %s", path, line);
    fclose(f);
}

int main(void)
{
    char target[64];
    struct stat st;
    cat("/etc/app/app.conf");
    cat("/srv/index.html");
    ssize_t n = readlink("/srv/config", target, sizeof target);
    printf("/srv/config -> %.*s\n", (int)(n < 0 ? 0 : n), target);
    cat("/srv/config");
    printf("/srv is a %s\n",
           stat("/srv", &st) == 0 && S_ISDIR(st.st_mode) ? "directory" : "?");
    /* The embedded tree is an ordinary writable ramfs. */
    FILE *f = fopen("/srv/index.html", "a");
    fputs("more\n", f);
    fclose(f);
    cat("/srv/index.html");
    cat("/etc/passwd");
    return 0;
}
