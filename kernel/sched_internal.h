/* sched_internal.h: scheduler internals, for the kernel and runtime/thread/. */
#ifndef UK_SCHED_INTERNAL_H
#define UK_SCHED_INTERNAL_H

#include "kernel.h"

#define SCHED_SLICE_NS 10000000UL /* round-robin time slice: 10 ms */
#define SCHED_KSTACK_PAGES 4      /* interrupt frames of one thread */

enum thread_state { THREAD_RUNNING, THREAD_READY, THREAD_BLOCKED, THREAD_DEAD };

/*
 * A thread runs on a stack it does not own (musl's pthread stack, or the
 * boot stack), which can be tiny (musl's __unmapself runs on 256 bytes):
 * interrupts run on the thread's own kernel stack instead (vectors.S), and
 * only one interrupt at a time can be in it, as handlers keep interrupts
 * off. A thread preempted by an interrupt is switched out from there; one
 * that blocks in a syscall, from its own stack. Either way `sp` points at
 * what switch_to saved.
 */
struct thread {
    uint64_t sp;             /* saved by switch_to while not running */
    uint64_t fs;             /* FS base (TLS), switched with the thread */
    int tid;
    enum thread_state state;
    struct thread *next;     /* link in the run queue or a waitq */
    struct waitq *wq;        /* the waitq it is blocked on, if any */
    uint64_t deadline;       /* wake with -ETIMEDOUT at this time; 0: none */
    struct thread *tnext;    /* link in the timed sleepers, sorted */
    int wait_result;         /* what waitq_wait returns */
    uint64_t slice_end;      /* preempt when running past this */
    void (*entry)(void *);   /* what a new thread runs first */
    void *arg;
    struct thread *all_next; /* every live thread, for tid lookups */
    char *kstack;            /* SCHED_KSTACK_PAGES, for interrupts */
    int kernel_only;         /* runs no program code (idle, helpers) */
    /* Runtime (Linux thread) state: */
    int *clear_tid;          /* set_tid_address / CLONE_CHILD_CLEARTID */
    void *robust_list;
    long robust_len;
};

/* sched_current.c: the running thread (the boot thread, tid 1, until the
 * scheduler starts), apart from sched.c so that asking links no scheduler */
extern struct thread sched_boot;
extern struct thread *sched_cur;
extern char sched_boot_kstack[];
extern char *sched_kstack_top; /* the current thread's, for vectors.S */

/* sched.c */
void sched_ensure(void);          /* sched_init unless done already */
int sched_spawn(void (*entry)(void *), void *arg, void *stack_top,
                uint64_t tls);    /* the new thread's tid, or -errno */
/* t runs no program code (a helper of the kernel or runtime): no signal
 * upcalls on it, and the program ends without waiting for it. */
void sched_set_kernel_only(struct thread *t);
_Noreturn void sched_exit(int status); /* the current thread ends;
                                        * the last one: kernel_exit(status) */
struct thread *sched_find(int tid); /* a live thread, or NULL */
void sched_make_ready(struct thread *t);
void sched_block(void);           /* run something else; irqs off */
void sched_irq_exit(void);        /* end of an interrupt: preempt? */
void sched_rearm(void);           /* program the timer for what is next */

/* waitq.c: blocking, waking, and the timed sleepers */
void waitq_timer_expired(void);   /* timer interrupt: wake due sleepers */
uint64_t waitq_next_deadline(void); /* earliest sleeper's; 0: none */
int waitq_irq_waiter_count(void); /* blocked on a non-threads_only queue */
/* Wake t, if it is blocked, with -EINTR (a signal arrived): its syscall
 * returns that after the signal's handler ran (upcall.c). */
void waitq_interrupt(struct thread *t);
/* Set while a signal waits for a program thread to run: every thread
 * resuming from a wait then gets an interrupt as its syscall returns. */
extern int waitq_upcall_hint;

/* arch/x86_64/switch.S: save callee-saved state on this stack, store rsp
 * in *save_sp, continue on new_sp. A new thread's stack starts with the
 * frame sched_spawn builds: MXCSR and x87 control word (8 bytes), r15,
 * r14, r13, r12, rbx, rbp, then switch_trampoline as return address. */
void switch_to(uint64_t *save_sp, uint64_t new_sp);
void switch_trampoline(void);
_Noreturn void sched_thread_begin(void); /* switch_trampoline calls it */

/* arch/x86_64/irq.c: the local APIC and the IOAPIC */
void irq_init(void);
void irq_eoi(void);
int irq_device_count(void);       /* handlers irq_register installed */
/* An interrupt to this CPU, taken as soon as interrupts are back on, with
 * all the end-of-interrupt work (preemption, irq_exit_hook). */
void irq_self_ipi(void);
/* Called at the end of every interrupt, on the thread it returns to, with
 * that thread's trap frame (rip, rflags, rsp are frame[17], [19], [20]). */
extern void (*irq_exit_hook)(uint64_t *frame);

/* arch/x86_64/upcall.c: the way into a running program thread, for
 * asynchronous signals. After upcall_enable, at the end of each interrupt
 * that returns into program code (a thread not kernel_only, interrupts
 * on), wanted() is asked; if it says yes, the thread first calls run() on
 * its own stack below the red zone, every register kept, then goes on
 * where it was. A thread woken with -EINTR gets the same chance as its
 * syscall returns. */
void upcall_enable(int (*wanted)(void), void (*run)(void));
uint32_t irq_lapic_read(uint32_t reg);
void irq_lapic_write(uint32_t reg, uint32_t v);

/* arch/x86_64/timer.c: one-shot LAPIC timer */
#define TIMER_VECTOR 0x20
void timer_init(void);
void timer_set(uint64_t deadline_ns); /* 0: cancel */

#endif
