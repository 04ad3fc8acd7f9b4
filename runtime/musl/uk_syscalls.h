/* uk_syscalls.h: the syscalls the runtime implements, as (name, argument count).
 *
 * Included by syscall_arch.h (inside musl) and by the runtime's dispatcher.
 * Each entry X(name, n) promises a handler `long uk_sys_<name>(n longs)`.
 * A syscall musl reaches that is not listed here links to
 * uk_syscall_unimplemented() and fails with ENOSYS. Changing this list
 * rebuilds musl. */
#define UK_SYSCALL_LIST(X) \
    X(read, 3) X(write, 3) X(readv, 3) X(writev, 3) X(pread64, 4) \
    X(pwrite64, 4) X(lseek, 3) X(close, 1) X(ioctl, 3) X(fcntl, 3) \
    X(fstat, 2) X(exit, 1) X(exit_group, 1) \
    X(brk, 1) X(mmap, 6) X(munmap, 2) X(mremap, 5) X(mprotect, 3) \
    X(madvise, 3) \
    X(clock_gettime, 2) X(clock_getres, 2) X(gettimeofday, 2) \
    X(nanosleep, 2) X(clock_nanosleep, 4) X(getrandom, 3) \
    X(arch_prctl, 2) X(set_thread_area, 1) X(set_tid_address, 1) \
    X(getpid, 0) X(getppid, 0) X(gettid, 0) X(getuid, 0) X(geteuid, 0) \
    X(getgid, 0) X(getegid, 0) X(uname, 1) X(prlimit64, 4) \
    X(rt_sigaction, 4) X(rt_sigprocmask, 4) X(sched_yield, 0) \
    X(tkill, 2) X(kill, 2)

#define UK_ARGS_0 void
#define UK_ARGS_1 long
#define UK_ARGS_2 long, long
#define UK_ARGS_3 long, long, long
#define UK_ARGS_4 long, long, long, long
#define UK_ARGS_5 long, long, long, long, long
#define UK_ARGS_6 long, long, long, long, long, long

#define UK_PASS_0
#define UK_PASS_1 a
#define UK_PASS_2 a, b
#define UK_PASS_3 a, b, c
#define UK_PASS_4 a, b, c, d
#define UK_PASS_5 a, b, c, d, e
#define UK_PASS_6 a, b, c, d, e, f

#define UK_DECLARE_HANDLER(name, n) long uk_sys_##name(UK_ARGS_##n);
UK_SYSCALL_LIST(UK_DECLARE_HANDLER)

/* Out of line: a syscall number not known at compile time, or not listed. */
long uk_syscall_dispatch(long n, long a, long b, long c, long d, long e,
                         long f);
long uk_syscall_unimplemented(long n);
