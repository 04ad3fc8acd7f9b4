/* initrd.c: print what the boot module put in the file tree. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *path)
{
    char buf[128];
    struct stat st;
    FILE *f = fopen(path, "r");
    if (!f || lstat(path, &st) < 0) {
        printf("%s: missing\n", path);
        return;
    }
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    printf("%s: mode %o size %ld mtime %ld: %s\n", path, (unsigned)st.st_mode,
           (long)st.st_size, (long)st.st_mtime, buf);
}

int main(void)
{
    char target[64];
    DIR *d = opendir("/data");
    if (!d) {
        printf("no /data\n");
        return 0;
    }
    int entries = 0;
    while (readdir(d))
        entries++;
    closedir(d);
    printf("/data has %d entries\n", entries);
    show("/data/hello.txt");
    show("/data/sub/deep.txt");
    show("/data/run.sh");
    show("/etc/motd");
    ssize_t n = readlink("/data/link", target, sizeof target);
    printf("/data/link -> %.*s\n", (int)(n < 0 ? 0 : n), target);
    show("/data/link");
    return 0;
}
