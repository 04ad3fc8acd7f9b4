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
    X(open, 3) X(openat, 4) X(preadv, 4) X(pwritev, 4) X(dup, 1) \
    X(dup2, 2) X(dup3, 3) X(stat, 2) X(lstat, 2) X(newfstatat, 4) \
    X(statx, 5) X(getdents64, 3) X(mkdir, 2) X(mkdirat, 3) X(rmdir, 1) \
    X(unlink, 1) X(unlinkat, 3) X(rename, 2) X(renameat, 4) \
    X(renameat2, 5) X(link, 2) X(linkat, 5) X(symlink, 2) \
    X(symlinkat, 3) X(readlink, 3) X(readlinkat, 4) X(ftruncate, 2) \
    X(truncate, 2) X(fsync, 1) X(fdatasync, 1) X(access, 2) \
    X(faccessat, 3) X(faccessat2, 4) X(getcwd, 2) X(chdir, 1) \
    X(fchdir, 1) X(umask, 1) X(chmod, 2) X(fchmod, 2) X(fchmodat, 3) \
    X(chown, 3) X(fchown, 3) X(lchown, 3) X(fchownat, 5) \
    X(utimensat, 4) X(statfs, 2) X(fstatfs, 2) \
    X(brk, 1) X(mmap, 6) X(munmap, 2) X(mremap, 5) X(mprotect, 3) \
    X(madvise, 3) \
    X(clock_gettime, 2) X(clock_getres, 2) X(gettimeofday, 2) \
    X(nanosleep, 2) X(clock_nanosleep, 4) X(getrandom, 3) \
    X(arch_prctl, 2) X(set_thread_area, 1) X(set_tid_address, 1) \
    X(getpid, 0) X(getppid, 0) X(gettid, 0) X(getuid, 0) X(geteuid, 0) \
    X(getgid, 0) X(getegid, 0) X(uname, 1) X(prlimit64, 4) \
    X(rt_sigaction, 4) X(rt_sigprocmask, 4) X(sched_yield, 0) \
    X(tkill, 2) X(kill, 2) X(tgkill, 3) X(futex, 6) X(set_robust_list, 2) \
    X(get_robust_list, 3) X(sched_getaffinity, 3) X(membarrier, 2) \
    X(pipe, 1) X(pipe2, 2) X(poll, 3) X(ppoll, 5) X(select, 5) \
    X(pselect6, 6) X(epoll_create, 1) X(epoll_create1, 1) \
    X(epoll_ctl, 4) X(epoll_wait, 4) X(epoll_pwait, 6) X(eventfd, 1) \
    X(eventfd2, 2) X(timerfd_create, 2) X(timerfd_settime, 4) \
    X(timerfd_gettime, 2) \
    X(fork, 0) X(vfork, 0) X(execve, 3) X(execveat, 5) X(wait4, 4) \
    X(waitid, 5) X(mount, 5) X(umount2, 2) X(ptrace, 4) \
    X(setitimer, 3) X(getitimer, 2) X(pause, 0) X(rt_sigsuspend, 2) \
    X(socket, 3) X(bind, 3) X(listen, 2) X(accept, 3) X(accept4, 4) \
    X(connect, 3) X(sendto, 6) X(recvfrom, 6) X(sendmsg, 3) \
    X(recvmsg, 3) X(shutdown, 2) X(getsockname, 3) X(getpeername, 3) \
    X(setsockopt, 5) X(getsockopt, 5) X(socketpair, 4)

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

/* runtime/syscall/sysent.c: uk_sysent_<name>, the entry of each syscall
 * (interrupts off, ukrun --strace, then the handler): what musl calls. */
#define UK_DECLARE_ENTRY(name, n) long uk_sysent_##name(UK_ARGS_##n);
UK_SYSCALL_LIST(UK_DECLARE_ENTRY)

/* runtime/thread/futex_wake.c, futex_wait.c: futex(addr, FUTEX_WAKE, n)
 * and futex(addr, FUTEX_WAIT, val, NULL), private or not, where operation
 * and timeout are constants (musl's locks): a program whose futex calls
 * are all such links neither timeouts nor the clock they read. */
#define UK_FUTEX_WAIT 0
#define UK_FUTEX_WAKE 1
#define UK_FUTEX_PRIVATE 128
long uk_sysent_futex_wake(long, long, long);
long uk_sys_futex_wake(long, long, long);
long uk_sysent_futex_wait(long, long, long);
long uk_sys_futex_wait(long, long, long);

/* Out of line: a syscall number not known at compile time, or not listed. */
long uk_syscall_dispatch(long n, long a, long b, long c, long d, long e,
                         long f);
long uk_syscall_unimplemented(long n);
