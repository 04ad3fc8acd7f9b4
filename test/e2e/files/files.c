/* files.c: file system round trips; argv[1] picks the group to run. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define D "/tmp/uk_files_test"

static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "ok" : "FAIL", what);
}

static int write_file(const char *path, const char *text, int flags)
{
    int fd = open(path, O_WRONLY | O_CREAT | flags, 0644);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static ssize_t read_file(const char *path, char *buf, size_t n)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t r = read(fd, buf, n - 1);
    close(fd);
    buf[r < 0 ? 0 : r] = 0;
    return r;
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
    struct dirent *de;
    if (!d) {
        printf("opendir %s: %s\n", path, strerror(errno));
        return;
    }
    while ((de = readdir(d)) && n < 64)
        names[n++] = strdup(de->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void basic(void)
{
    char buf[256];
    struct stat st;

    mkdir(D, 0755);
    int fd = open(D "/a", O_RDWR | O_CREAT | O_TRUNC, 0644);
    check(fd >= 0, "create");
    check(write(fd, "hello, world", 12) == 12, "write 12");
    check(lseek(fd, 0, SEEK_CUR) == 12, "offset after write");
    check(lseek(fd, 7, SEEK_SET) == 7, "seek set");
    check(read(fd, buf, 5) == 5 && !memcmp(buf, "world", 5), "read back");
    check(read(fd, buf, 5) == 0, "read at end is 0");
    check(lseek(fd, -5, SEEK_END) == 7, "seek end");
    check(lseek(fd, -100, SEEK_CUR) == -1 && errno == EINVAL, "seek before 0");
    /* Past the end, then write: the gap reads as zeros. */
    check(lseek(fd, 4096 + 12, SEEK_SET) == 4108, "seek past end");
    check(write(fd, "X", 1) == 1, "sparse write");
    check(fstat(fd, &st) == 0 && st.st_size == 4109, "sparse size");
    check(pread(fd, buf, 16, 12) == 16, "pread in the gap");
    int zeros = 1;
    for (int i = 0; i < 16; i++)
        zeros &= buf[i] == 0;
    check(zeros, "gap is zero-filled");
    check(pread(fd, buf, 10, 4108) == 1 && buf[0] == 'X', "pread last byte");
    check(pwrite(fd, "HELLO", 5, 0) == 5, "pwrite");
    check(lseek(fd, 0, SEEK_CUR) == 4109, "pwrite keeps the offset");
    check(ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5,
          "ftruncate shrinks");
    check(ftruncate(fd, 8) == 0 && pread(fd, buf, 8, 0) == 8 &&
              !memcmp(buf, "HELLO\0\0\0", 8),
          "ftruncate grows with zeros");
    close(fd);

    check(rename(D "/a", D "/b") == 0, "rename");
    check(access(D "/a", F_OK) == -1 && errno == ENOENT, "old name gone");
    check(read_file(D "/b", buf, sizeof buf) == 8, "new name reads");
    check(write_file(D "/c", "ccc", 0) == 0, "another file");
    check(rename(D "/c", D "/b") == 0, "rename over existing");
    check(read_file(D "/b", buf, sizeof buf) == 3 && !strcmp(buf, "ccc"),
          "replaced contents");
    check(mkdir(D "/sub", 0755) == 0, "mkdir sub");
    check(rename(D "/b", D "/sub/b") == 0, "rename into sub");
    list_dir(D);
    list_dir(D "/sub");

    /* An unlinked file stays readable through an open descriptor. */
    fd = open(D "/sub/b", O_RDONLY);
    check(unlink(D "/sub/b") == 0, "unlink");
    check(stat(D "/sub/b", &st) == -1 && errno == ENOENT, "unlinked: ENOENT");
    check(read(fd, buf, 3) == 3 && !memcmp(buf, "ccc", 3),
          "open file survives unlink");
    close(fd);
    check(rmdir(D "/sub") == 0, "rmdir empty");

    /* Many entries, then remove them all while reading the directory. */
    for (int i = 0; i < 40; i++) {
        snprintf(buf, sizeof buf, D "/f%02d", i);
        write_file(buf, "x", 0);
    }
    DIR *d = opendir(D);
    struct dirent *de;
    int removed = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] != 'f')
            continue;
        snprintf(buf, sizeof buf, D "/%s", de->d_name);
        removed += unlink(buf) == 0;
    }
    closedir(d);
    printf("removed while reading: %d\n", removed);
    list_dir(D);
    check(rmdir(D) == 0, "rmdir test dir");
}

static void flags(void)
{
    char buf[64];
    mkdir(D, 0755);
    check(write_file(D "/x", "first", 0) == 0, "create x");
    check(open(D "/x", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 &&
              errno == EEXIST,
          "O_EXCL on existing: EEXIST");
    int fd = open(D "/y", O_CREAT | O_EXCL | O_WRONLY, 0644);
    check(fd >= 0, "O_EXCL on new");
    close(fd);
    check(write_file(D "/x", "-second", O_APPEND) == 0, "O_APPEND write");
    read_file(D "/x", buf, sizeof buf);
    printf("after append: %s\n", buf);
    fd = open(D "/x", O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    write(fd, "!", 1);
    check(lseek(fd, 0, SEEK_CUR) == 13, "O_APPEND writes at the end");
    close(fd);
    check(write_file(D "/x", "new", O_TRUNC) == 0, "O_TRUNC write");
    read_file(D "/x", buf, sizeof buf);
    printf("after trunc: %s\n", buf);

    /* dup shares the offset and status flags; FD_CLOEXEC is per fd. */
    fd = open(D "/x", O_RDONLY | O_CLOEXEC);
    check(fcntl(fd, F_GETFD) == FD_CLOEXEC, "O_CLOEXEC sets FD_CLOEXEC");
    int fd2 = dup(fd);
    check(fd2 == fd + 1, "dup: lowest free fd");
    check(fcntl(fd2, F_GETFD) == 0, "dup clears FD_CLOEXEC");
    read(fd, buf, 1);
    check(lseek(fd2, 0, SEEK_CUR) == 1, "dup shares the offset");
    check(dup2(fd, 10) == 10, "dup2 to 10");
    check(dup2(10, 10) == 10, "dup2 to itself");
    check(dup3(fd, 10, O_CLOEXEC) == 10 && fcntl(10, F_GETFD) == FD_CLOEXEC,
          "dup3 O_CLOEXEC");
    check(dup3(fd, fd, 0) == -1 && errno == EINVAL, "dup3 same fd: EINVAL");
    check(fcntl(fd, F_DUPFD, 20) == 20, "F_DUPFD >= 20");
    int fd3 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    check(fd3 == 21 && fcntl(fd3, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
    check(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0, "F_SETFD");
    check((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY, "F_GETFL access");
    check(fcntl(fd, F_SETFL, O_NONBLOCK | O_WRONLY) == 0 &&
              (fcntl(fd2, F_GETFL) & (O_ACCMODE | O_NONBLOCK)) ==
                  (O_RDONLY | O_NONBLOCK),
          "F_SETFL shared, access mode kept");
    struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
    check(fcntl(fd, F_SETLK, &fl) == 0, "F_SETLK");
    check(write(fd, "z", 1) == -1 && errno == EBADF, "write on O_RDONLY");
    close(fd);
    check(read(fd2, buf, 1) == 1, "dup survives close");
    close(fd2);
    close(10);
    close(20);
    close(21);
    check(fcntl(10, F_GETFD) == -1 && errno == EBADF, "closed: EBADF");
    unlink(D "/x");
    unlink(D "/y");
    rmdir(D);
}

static void stats(void)
{
    struct stat st;
    char buf[64];
    mkdir(D, 0755);
    umask(022);
    write_file(D "/f", "12345", 0);
    check(stat(D "/f", &st) == 0, "stat file");
    printf("file: size %ld mode %o nlink %ld\n", (long)st.st_size,
           (unsigned)st.st_mode, (long)st.st_nlink);
    check(chmod(D "/f", 0600) == 0 && stat(D "/f", &st) == 0 &&
              (st.st_mode & 07777) == 0600,
          "chmod");
    check(mkdir(D "/d", 0777) == 0 && stat(D "/d", &st) == 0, "mkdir");
    printf("dir: mode %o nlink %ld\n", (unsigned)st.st_mode,
           (long)st.st_nlink);
    check(mkdir(D "/d", 0755) == -1 && errno == EEXIST, "mkdir: EEXIST");
    check(mkdir(D "/d/e", 0755) == 0, "mkdir nested");
    check(stat(D "/d", &st) == 0 && st.st_nlink == 3, "subdir counts a link");
    check(rmdir(D "/d") == -1 && errno == ENOTEMPTY, "rmdir: ENOTEMPTY");
    check(rmdir(D "/d/e") == 0 && rmdir(D "/d") == 0, "rmdir both");

    check(symlink("f", D "/link") == 0, "symlink");
    ssize_t n = readlink(D "/link", buf, sizeof buf);
    printf("readlink: %.*s (%zd)\n", (int)n, buf, n);
    check(lstat(D "/link", &st) == 0 && S_ISLNK(st.st_mode) && st.st_size == 1,
          "lstat sees the link");
    check(stat(D "/link", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 5,
          "stat follows it");
    check(symlink("loop2", D "/loop1") == 0 &&
              symlink("loop1", D "/loop2") == 0,
          "symlink loop");
    check(open(D "/loop1", O_RDONLY) == -1 && errno == ELOOP, "loop: ELOOP");
    check(open(D "/link", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP,
          "O_NOFOLLOW: ELOOP");
    check(link(D "/f", D "/hard") == 0 && stat(D "/f", &st) == 0 &&
              st.st_nlink == 2,
          "link: nlink 2");
    struct stat st2;
    check(stat(D "/hard", &st2) == 0 && st2.st_ino == st.st_ino,
          "hard link: same inode");
    check(truncate(D "/hard", 2) == 0 && stat(D "/f", &st) == 0 &&
              st.st_size == 2,
          "truncate through the other name");
    check(chdir(D) == 0 && getcwd(buf, sizeof buf) && !strcmp(buf, D),
          "chdir + getcwd");
    check(stat("f", &st) == 0 && st.st_size == 2, "relative path");
    check(chdir("..") == 0 && getcwd(buf, sizeof buf) && !strcmp(buf, "/tmp"),
          "chdir ..");
    int dfd = open(D, O_RDONLY | O_DIRECTORY);
    check(fstatat(dfd, "link", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
              S_ISLNK(st.st_mode),
          "fstatat relative to a dir fd");
    check(fchdir(dfd) == 0 && getcwd(buf, sizeof buf) && !strcmp(buf, D),
          "fchdir");
    chdir("/");
    struct timespec ts[2] = {{1000000000, 0}, {1234567890, 5}};
    check(utimensat(dfd, "f", ts, 0) == 0 && stat(D "/f", &st) == 0 &&
              st.st_mtime == 1234567890 && st.st_atime == 1000000000,
          "utimensat");
    check(unlinkat(dfd, "hard", 0) == 0 && unlinkat(dfd, "link", 0) == 0 &&
              unlinkat(dfd, "loop1", 0) == 0 &&
              unlinkat(dfd, "loop2", 0) == 0 &&
              unlinkat(dfd, "f", 0) == 0,
          "unlinkat");
    close(dfd);
    check(rmdir(D) == 0, "rmdir test dir");
    check(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode), "/dev/null chr");
    check(stat("/", &st) == 0 && S_ISDIR(st.st_mode), "/ is a directory");
}

#define E(call, err) errtab(#call, (call), err)
static void errtab(const char *what, long r, int want)
{
    int got = r == -1 ? errno : 0;
    printf("%-44s %s\n", what, got == want ? "ok" : strerror(got));
}

static void errors(void)
{
    char buf[8];
    char longname[300];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    mkdir(D, 0755);
    write_file(D "/file", "x", 0);
    mkdir(D "/dir", 0755);
    write_file(D "/dir/x", "x", 0);
    symlink("nowhere", D "/dangling");

    E(open(D "/missing", O_RDONLY), ENOENT);
    E(open(D "/missing/x", O_RDONLY | O_CREAT, 0644), ENOENT);
    E(open(D "/file/x", O_RDONLY), ENOTDIR);
    E(open(D "/file/", O_RDONLY), ENOTDIR);
    E(open(D "/dir", O_WRONLY), EISDIR);
    E(open(D "/dir", O_RDONLY | O_CREAT, 0644), EISDIR);
    E(open(D "/file", O_RDONLY | O_DIRECTORY), ENOTDIR);
    E(open(D "/dangling", O_RDONLY), ENOENT);
    E(open("", O_RDONLY), ENOENT);
    E(open(longname, O_RDONLY), ENAMETOOLONG);
    E(read(-1, buf, 1), EBADF);
    E(read(99, buf, 1), EBADF);
    E(write(1000, buf, 1), EBADF);
    E(close(77), EBADF);
    E(lseek(1234, 0, SEEK_SET), EBADF);
    E(lseek(0, 0, SEEK_SET), ESPIPE);
    E(mkdir(D "/file", 0755), EEXIST);
    E(mkdir(D "/missing/x", 0755), ENOENT);
    E(rmdir(D "/file"), ENOTDIR);
    E(rmdir(D "/dir"), ENOTEMPTY);
    E(rmdir(D "/dir/."), EINVAL);
    E(unlink(D "/dir"), EISDIR);
    E(unlink(D "/missing"), ENOENT);
    E(rename(D "/dir", D "/file"), ENOTDIR);
    E(rename(D "/file", D "/dir"), EISDIR);
    E(rename(D "/dir", D "/dir/x/y"), ENOTDIR);
    E(rename(D "/missing", D "/x"), ENOENT);
    E(rename(D "/file", "/dev/null2"), EXDEV);
    E(link(D "/dir", D "/dir2"), EPERM);
    E(link(D "/file", D "/dir/x"), EEXIST);
    E(symlink("x", D "/file"), EEXIST);
    E(readlink(D "/file", buf, sizeof buf), EINVAL);
    E(readlink(D "/missing", buf, sizeof buf), ENOENT);
    E(chdir(D "/file"), ENOTDIR);
    E(ftruncate(0, 0), EINVAL);
    E(truncate(D "/dir", 0), EISDIR);
    E(dup(-1), EBADF);
    E(dup2(99, 3), EBADF);
    E(fcntl(99, F_GETFL), EBADF);
    E(access(D "/missing", F_OK), ENOENT);
    E(access(D "/file", X_OK), EACCES);
    E(getcwd(buf, 1) ? 0 : -1, ERANGE);
    E(opendir(D "/file") ? 0 : -1, ENOTDIR);

    unlink(D "/dir/x");
    rmdir(D "/dir");
    unlink(D "/file");
    unlink(D "/dangling");
    rmdir(D);
}

static void devices(void)
{
    unsigned char buf[64];
    int fd = open("/dev/null", O_RDWR);
    check(fd >= 0 && read(fd, buf, sizeof buf) == 0, "/dev/null reads EOF");
    check(write(fd, "abc", 3) == 3, "/dev/null swallows writes");
    close(fd);
    fd = open("/dev/zero", O_RDONLY);
    memset(buf, 0xff, sizeof buf);
    int zero = read(fd, buf, sizeof buf) == sizeof buf;
    for (size_t i = 0; i < sizeof buf; i++)
        zero &= buf[i] == 0;
    check(zero, "/dev/zero reads zeros");
    close(fd);
    fd = open("/dev/full", O_WRONLY);
    check(write(fd, "a", 1) == -1 && errno == ENOSPC, "/dev/full: ENOSPC");
    close(fd);
    unsigned char a[32], b[32];
    fd = open("/dev/urandom", O_RDONLY);
    check(read(fd, a, 32) == 32 && read(fd, b, 32) == 32 && memcmp(a, b, 32),
          "/dev/urandom: two reads differ");
    close(fd);
    struct stat st;
    fd = open("/dev/tty", O_WRONLY);
    check(fd >= 0 && fstat(fd, &st) == 0 && S_ISCHR(st.st_mode),
          "/dev/tty is a character device");
    close(fd);
    /* /dev/stdout is whatever fd 1 is: after a flush, in order. */
    fflush(stdout);
    fd = open("/dev/stdout", O_WRONLY);
    check(fd >= 0 && write(fd, "via /dev/stdout\n", 16) == 16,
          "/dev/stdout writes to fd 1");
    close(fd);
    list_dir("/dev");
}

static void procfs(void)
{
    char buf[256];
    int fd = open("/etc/passwd", O_RDONLY);
    int fd2 = open("/tmp", O_RDONLY | O_DIRECTORY);
    list_dir("/proc/self/fd");
    /* Where 0-2 lead depends on the console device: only that they do. */
    for (int i = 0; i < 6; i++) {
        snprintf(buf, sizeof buf, "/proc/self/fd/%d", i);
        char t[128];
        ssize_t n = readlink(buf, t, sizeof t);
        if (i < 3)
            printf("fd %d -> %s\n", i, n > 0 ? "(a link)" : "?");
        else if (n >= 0)
            printf("fd %d -> %.*s\n", i, (int)n, t);
    }
    close(fd);
    close(fd2);
    list_dir("/proc/self/fd");
    ssize_t n = read_file("/proc/self/cmdline", buf, sizeof buf);
    for (ssize_t i = 0; i < n; i++)
        if (!buf[i])
            buf[i] = '|';
    printf("cmdline: %s\n", buf);
    read_file("/etc/passwd", buf, sizeof buf);
    printf("passwd: %s", buf);
    FILE *f = fopen("/proc/meminfo", "r");
    check(f && fgets(buf, sizeof buf, f) && !strncmp(buf, "MemTotal:", 9),
          "/proc/meminfo");
    fclose(f);
}

static void stdio(void)
{
    char line[64];
    mkdir(D, 0755);
    FILE *f = fopen(D "/s.txt", "w+");
    check(f != NULL, "fopen w+");
    for (int i = 1; i <= 3; i++)
        fprintf(f, "line %d of %d\n", i, 3);
    check(fseek(f, 0, SEEK_SET) == 0, "fseek to 0");
    while (fgets(line, sizeof line, f))
        printf("read: %s", line);
    check(fseek(f, 7, SEEK_SET) == 0 && fgets(line, sizeof line, f) &&
              !strcmp(line, "of 3\n"),
          "fseek into a line");
    check(ftell(f) == 12, "ftell");
    fclose(f);
    f = fopen(D "/s.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    f = fopen(D "/s.txt", "r");
    fseek(f, -9, SEEK_END);
    check(fgets(line, sizeof line, f) && !strcmp(line, "appended\n"),
          "fopen a appends");
    fclose(f);
    check(remove(D "/s.txt") == 0 && fopen(D "/s.txt", "r") == NULL,
          "remove");
    rmdir(D);
}

static void maps(void)
{
    char text[10000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + i % 26);
    mkdir(D, 0755);
    int fd = open(D "/m", O_RDWR | O_CREAT, 0644);
    write(fd, text, sizeof text);
    char *p = mmap(NULL, sizeof text, PROT_READ, MAP_PRIVATE, fd, 0);
    check(p != MAP_FAILED && !memcmp(p, text, sizeof text), "mmap whole file");
    check(munmap(p, sizeof text) == 0, "munmap");
    p = mmap(NULL, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
    check(p != MAP_FAILED && !memcmp(p, text + 4096, 100), "mmap at offset");
    p[0] = '!';
    char c;
    check(pread(fd, &c, 1, 4096) == 1 && c == text[4096],
          "private write stays private");
    p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 8192);
    int tail = p != MAP_FAILED && !memcmp(p, text + 8192, sizeof text - 8192);
    for (size_t i = sizeof text - 8192; tail && i < 4096; i++)
        tail &= p[i] == 0;
    check(tail, "the last page is zero past the end of the file");
    check(mmap(NULL, 100, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED &&
              errno == EINVAL,
          "unaligned offset: EINVAL");
    check(mmap(NULL, 100, PROT_READ, MAP_PRIVATE, 77, 0) == MAP_FAILED &&
              errno == EBADF,
          "bad fd: EBADF");
    close(fd);
    unlink(D "/m");
    rmdir(D);
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } groups[] = {{"basic", basic},   {"flags", flags},   {"stat", stats},
                  {"errors", errors}, {"dev", devices},   {"proc", procfs},
                  {"stdio", stdio},   {"mmap", maps}};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        if (argc > 1 && !strcmp(argv[1], groups[i].name)) {
            groups[i].fn();
            return 0;
        }
    }
    fprintf(stderr,
            "usage: files basic|flags|stat|errors|dev|proc|stdio|mmap\n");
    return 2;
}
