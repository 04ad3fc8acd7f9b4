/* hostfs.c: host directories (ukrun --fs) read and written as on the host. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

static int failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL line %d: %s (errno %s)\n", __LINE__, #cond,           \
                   strerror(errno));                                           \
            failures++;                                                        \
        }                                                                      \
    } while (0)

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        CHECK(fclose(f) == 0);
    }
}

static char *get_file(const char *path)
{
    static char buf[4096];
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    buf[n < 0 ? 0 : n] = 0;
    return buf;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a directory, sorted, on one line. */
static void list_dir(const char *path)
{
    char *names[64];
    int n = 0;
    DIR *d = opendir(path);
    struct dirent *e;

    CHECK(d != NULL);
    while (d && (e = readdir(d)) && n < 64)
        names[n++] = strdup(e->d_name);
    if (d)
        closedir(d);
    qsort(names, n, sizeof names[0], cmp_str);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

/* argv[2]: a host file to read line by line. */
static void basic(const char *input)
{
    char line[128], cwd[256];
    struct stat st;
    int n = 0;

    FILE *f = fopen(input, "r");
    CHECK(f != NULL);
    while (f && fgets(line, sizeof line, f))
        printf("line %d: %s", ++n, line);
    if (f)
        fclose(f);
    CHECK(getcwd(cwd, sizeof cwd) && strcmp(cwd, "/") == 0);

    put_file("new.txt", "first\n");
    FILE *a = fopen("new.txt", "a");
    CHECK(a && fputs("appended\n", a) >= 0 && fclose(a) == 0);
    printf("new.txt: %s", get_file("new.txt"));
    CHECK(stat("new.txt", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 15);

    CHECK(mkdir("made", 0750) == 0);
    CHECK(mkdir("made", 0750) < 0 && errno == EEXIST);
    CHECK(stat("made", &st) == 0 && S_ISDIR(st.st_mode) &&
          (st.st_mode & 0777) == 0750);
    CHECK(rename("new.txt", "made/moved.txt") == 0);
    CHECK(access("new.txt", F_OK) < 0 && errno == ENOENT);
    CHECK(rmdir("made") < 0 && errno == ENOTEMPTY);
    CHECK(unlink("made") < 0 && errno == EISDIR);

    put_file("gone.txt", "to be removed\n");
    CHECK(unlink("gone.txt") == 0);
    CHECK(open("gone.txt", O_RDONLY) < 0 && errno == ENOENT);

    static char long_target[5000];
    memset(long_target, 'x', sizeof long_target - 1);
    CHECK(symlink(long_target, "toolong") < 0 && errno == ENAMETOOLONG);
    CHECK(symlink("made/moved.txt", "link") == 0);
    char target[64] = {0};
    CHECK(readlink("link", target, sizeof target - 1) == 14 &&
          strcmp(target, "made/moved.txt") == 0);
    CHECK(lstat("link", &st) == 0 && S_ISLNK(st.st_mode));
    printf("via link: %s", get_file("link"));
    CHECK(link("made/moved.txt", "hard.txt") == 0);
    CHECK(stat("hard.txt", &st) == 0 && st.st_nlink == 2);

    int fd = open("trunc.bin", O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0 && write(fd, "0123456789", 10) == 10);
    CHECK(ftruncate(fd, 4) == 0 && fsync(fd) == 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 4 &&
          (st.st_mode & 0777) == 0600);
    CHECK(pwrite(fd, "XY", 2, 6) == 2);
    char buf[16] = {0};
    CHECK(pread(fd, buf, sizeof buf, 0) == 8 &&
          memcmp(buf, "0123\0\0XY", 8) == 0);
    CHECK(fchmod(fd, 0640) == 0 && fstat(fd, &st) == 0 &&
          (st.st_mode & 0777) == 0640);
    close(fd);
    CHECK(open("trunc.bin", O_CREAT | O_EXCL | O_WRONLY, 0600) < 0 &&
          errno == EEXIST);

    struct statfs sf;
    CHECK(statfs(".", &sf) == 0 && sf.f_type == 0x01021997 /* 9p */ &&
          sf.f_bsize > 0 && sf.f_blocks > 0 && sf.f_namelen == 255);
    list_dir(".");
    list_dir("made");

    CHECK(chdir("made") == 0 && getcwd(cwd, sizeof cwd) &&
          strcmp(cwd, "/made") == 0);
    printf("relative: %s", get_file("moved.txt"));
    CHECK(chdir("..") == 0);

    /* The boot file tree shows through where the host dir has nothing
     * (/dev, /tmp), and is hidden where it has something (/etc). */
    printf("/etc/hosts: %s", get_file("/etc/hosts"));
    CHECK(access("/etc/passwd", F_OK) < 0 && errno == ENOENT);
    int null = open("/dev/null", O_WRONLY);
    CHECK(null >= 0 && write(null, "x", 1) == 1);
    close(null);
    put_file("/tmp/scratch", "in memory\n");
    printf("/tmp: %s", get_file("/tmp/scratch"));
    CHECK(chdir("/tmp") == 0 && getcwd(cwd, sizeof cwd) &&
          strcmp(cwd, "/tmp") == 0);
    CHECK(chdir("/") == 0);
}

/* "/" from one host dir, /data from another. */
static void two_mounts(void)
{
    printf("/data/input.txt: %s", get_file("/data/input.txt"));
    put_file("/data/from-guest.txt", "written to the second mount\n");
    put_file("root.txt", "written to the first mount\n");
    CHECK(rename("root.txt", "/data/root.txt") < 0 && errno == EXDEV);
    list_dir("/data");
    list_dir(".");
}

/* Copy in pieces of several sizes, then once more in one piece. */
static void copy(const char *from, const char *to)
{
    static char piece[300000];
    int in = open(from, O_RDONLY),
        out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    size_t sizes[] = {1, 4095, 65536, 300000, 12345}, total = 0;
    ssize_t n;

    CHECK(in >= 0 && out >= 0);
    for (int i = 0; (n = read(in, piece, sizes[i % 5])) > 0; i++) {
        CHECK(write(out, piece, (size_t)n) == n);
        total += (size_t)n;
    }
    CHECK(n == 0 && close(out) == 0);
    printf("copied %zu bytes\n", total);

    struct stat st;
    CHECK(fstat(in, &st) == 0 && (size_t)st.st_size == total);
    char *all = malloc(total);
    CHECK(all && pread(in, all, total, 0) == (ssize_t)total);
    put_file("whole.bin", "");
    out = open("whole.bin", O_WRONLY);
    CHECK(out >= 0 && write(out, all, total) == (ssize_t)total);
    close(out);
    close(in);
    free(all);
}

/* Threads share the connection: each writes its own file line by line. */
static void *writer(void *arg)
{
    long id = (long)arg;
    char name[32], line[64], back[64];

    snprintf(name, sizeof name, "thread%ld.txt", id);
    int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    for (int i = 0; i < 200; i++) {
        int n = snprintf(line, sizeof line, "thread %ld line %d\n", id, i);
        CHECK(write(fd, line, (size_t)n) == n);
        CHECK(pread(fd, back, (size_t)n, lseek(fd, 0, SEEK_CUR) - n) == n &&
              memcmp(back, line, (size_t)n) == 0);
    }
    close(fd);
    return NULL;
}

static void threads(void)
{
    pthread_t t[4];

    for (long i = 0; i < 4; i++)
        CHECK(pthread_create(&t[i], NULL, writer, (void *)i) == 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    list_dir(".");
}

static void missing(const char *path)
{
    errno = 0;
    int fd = open(path, O_RDONLY);
    printf("open %s: %d %s\n", path, fd, strerror(errno));
    FILE *f = fopen(path, "r");
    printf("fopen %s: %s %s\n", path, f ? "opened" : "NULL", strerror(errno));
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "basic"))
        basic(argv[2]);
    else if (argc >= 2 && !strcmp(argv[1], "two"))
        two_mounts();
    else if (argc >= 4 && !strcmp(argv[1], "copy"))
        copy(argv[2], argv[3]);
    else if (argc >= 2 && !strcmp(argv[1], "threads"))
        threads();
    else if (argc >= 3 && !strcmp(argv[1], "missing"))
        missing(argv[2]);
    else
        return 2;
    printf("%s\n", failures ? "FAILED" : "SUCCESS");
    return failures ? 1 : 0;
}
