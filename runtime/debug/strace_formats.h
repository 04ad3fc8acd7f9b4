/* strace_formats.h: how `ukrun --strace` shows each syscall's arguments.
 *
 * One letter an argument (strace.c prints them):
 *   d int  u unsigned  x hex  o octal  p pointer  f directory fd
 *   s C string  b buffer of arg 3 bytes  B buffer the call filled (result
 *   bytes)  v iovec array of arg 3 entries
 * A result is decimal, or hex for calls returning addresses (X first).
 * A syscall not listed shows its arguments in hex. Each syscall's entry
 * (syscall/sysent.c) keeps its own format, so an image holds only those of
 * the syscalls it reaches.
 */
#define STRACE_FORMATS(X)                                                   \
    X(read, "dBu") X(write, "dbu") X(readv, "dpd") X(writev, "dvd")         \
    X(pread64, "dBud") X(pwrite64, "dbud") X(openat, "fsxo") X(close, "d")  \
    X(lseek, "ddd") X(ioctl, "dxp") X(fcntl, "ddx") X(fstat, "dp")          \
    X(mmap, "XpuxxdX") X(munmap, "pu") X(mremap, "XpuuxP")                  \
    X(mprotect, "pux") X(madvise, "pud") X(brk, "Xp") X(exit, "d")          \
    X(exit_group, "d") X(clock_gettime, "dp") X(clock_getres, "dp")         \
    X(nanosleep, "pp") X(getrandom, "pux") X(clock_nanosleep, "ddpp")       \
    X(arch_prctl, "xp") X(set_tid_address, "p") X(rt_sigaction, "dppu")     \
    X(rt_sigprocmask, "dppu") X(kill, "dd") X(tkill, "dd")                  \
    X(prlimit64, "ddpp") X(uname, "p")
