/* eventfd.c: eventfd counter and semaphore semantics, non-blocking. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    failures += !ok;
}

static uint64_t get(int fd)
{
    uint64_t v = 0;
    if (read(fd, &v, sizeof v) != sizeof v)
        return (uint64_t)-errno;
    return v;
}

static int put(int fd, uint64_t v)
{
    return write(fd, &v, sizeof v) == sizeof v ? 0 : -errno;
}

static short ready(int fd)
{
    struct pollfd p = {fd, POLLIN | POLLOUT, 0};
    return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

int main(void)
{
    int fd = eventfd(5, EFD_NONBLOCK);
    eventfd_t v;

    check(fd >= 0, "eventfd");
    check(ready(fd) == (POLLIN | POLLOUT), "readable and writable");
    check(put(fd, 3) == 0 && put(fd, 2) == 0, "add 3 and 2");
    printf("read %llu\n", (unsigned long long)get(fd));
    check(ready(fd) == POLLOUT, "zero: not readable");
    check(get(fd) == (uint64_t)-EAGAIN, "zero: EAGAIN");
    check(put(fd, UINT64_MAX) == -EINVAL, "UINT64_MAX refused");
    check(put(fd, UINT64_MAX - 1) == 0, "fill to the maximum");
    check(ready(fd) == POLLIN, "full: not writable");
    check(put(fd, 1) == -EAGAIN, "full: EAGAIN");
    check(eventfd_read(fd, &v) == 0 && v == UINT64_MAX - 1, "eventfd_read");
    check(eventfd_write(fd, 0) == 0 && get(fd) == (uint64_t)-EAGAIN,
          "adding 0 leaves it at 0");
    char small[4];
    check(read(fd, small, sizeof small) == -1 && errno == EINVAL,
          "short read EINVAL");
    check(write(fd, small, sizeof small) == -1 && errno == EINVAL,
          "short write EINVAL");
    close(fd);

    fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
    check(fd >= 0, "semaphore eventfd");
    check(put(fd, 1) == 0, "post");
    uint64_t a = get(fd), b = get(fd), c = get(fd);
    printf("semaphore reads %llu %llu %llu\n", (unsigned long long)a,
           (unsigned long long)b, (unsigned long long)c);
    check(get(fd) == (uint64_t)-EAGAIN, "semaphore empty EAGAIN");
    close(fd);

    check(eventfd(0, 0x1234) == -1 && errno == EINVAL, "bad flags EINVAL");
    check(read(fd, &v, 8) == -1 && errno == EBADF, "closed EBADF");
    printf(failures ? "FAILED\n" : "SUCCESS\n");
    return failures ? 1 : 0;
}
