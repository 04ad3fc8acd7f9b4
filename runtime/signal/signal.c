/* signal.c: signal state of the one process, and synchronous delivery.
 *
 * Signals only come from the program itself (raise, abort, kill of its own
 * pid), so delivery is a direct call of the handler, or the default action,
 * at the moment the signal is sent or unblocked. */
#include <signal.h>
#include <string.h>
#include <ucontext.h>

#include "runtime.h"
#include "component.h"

UK_COMPONENT(signals,
             "sigaction, sigprocmask, kill; SIGALRM from setitimer by upcall",
             "core",
             "runtime/signal/* kernel/arch/x86_64/upcall.c sym:upcall_entry");

struct sig_state sig_state;

typedef void (*sa_sigaction_fn)(int, siginfo_t *, void *);

static int sig_default_ignores(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH ||
           sig == SIGCONT;
}

/* The signals whose default action dumps core on Linux: where a process
 * would leave a core file to debug, we leave a backtrace. */
static int sig_default_dumps(int sig)
{
    return sig == SIGABRT || sig == SIGSEGV || sig == SIGILL ||
           sig == SIGFPE || sig == SIGBUS || sig == SIGTRAP ||
           sig == SIGQUIT || sig == SIGSYS;
}

static const char *sig_name(int sig)
{
    switch (sig) {
    case SIGABRT: return "SIGABRT";
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGKILL: return "SIGKILL";
    case SIGSEGV: return "SIGSEGV";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGBUS: return "SIGBUS";
    case SIGALRM: return "SIGALRM";
    case SIGHUP: return "SIGHUP";
    case SIGPIPE: return "SIGPIPE";
    case SIGUSR1: return "SIGUSR1";
    case SIGUSR2: return "SIGUSR2";
    default: return "signal";
    }
}

static void sig_deliver(int sig)
{
    struct k_sigaction *a = &sig_state.action[sig];
    void (*h)(int) = a->handler;

    if (h == SIG_IGN || (h == SIG_DFL && sig_default_ignores(sig)))
        return;
    if (h == SIG_DFL) {
        kprintf("ukcc: program terminated by %s (%d)\n", sig_name(sig), sig);
        if (sig_default_dumps(sig))
            backtrace_print_here();
        kernel_exit(128 + sig);
    }
    uint64_t saved = sig_state.blocked;
    sig_state.blocked |= a->mask;
    if (!(a->flags & SA_NODEFER))
        sig_state.blocked |= 1UL << (sig - 1);
    if (a->flags & SA_RESETHAND)
        a->handler = SIG_DFL;
    if (a->flags & SA_SIGINFO) {
        siginfo_t si = {.si_signo = sig, .si_code = SI_TKILL, .si_pid = 1};
        sa_sigaction_fn act = (sa_sigaction_fn)(void (*)(void))h;
        /* Handlers read the context (musl's cancel handler does): a
         * zeroed one, with the mask they interrupted. */
        ucontext_t uc = {0};
        memcpy(&uc.uc_sigmask, &saved, sizeof(saved));
        act(sig, &si, &uc);
    } else {
        h(sig);
    }
    sig_state.blocked = saved;
}

void sig_send(int sig)
{
    uint64_t bit = 1UL << (sig - 1);
    if (sig_state.blocked & bit && sig != SIGKILL && sig != SIGSTOP) {
        sig_state.pending |= bit;
        return;
    }
    sig_deliver(sig);
}

void sig_deliver_pending(void)
{
    uint64_t ready;
    while ((ready = sig_state.pending & ~sig_state.blocked)) {
        int sig = __builtin_ctzll(ready) + 1;
        sig_state.pending &= ~(1UL << (sig - 1));
        sig_deliver(sig);
    }
}
