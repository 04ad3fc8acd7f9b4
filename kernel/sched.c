/* sched.c: threads on one CPU: run queue, preemption, spawn and exit. */
#include <errno.h>

#include "sched_internal.h"
#include "x86.h"
#include "component.h"

UK_COMPONENT(threads,
             "scheduler, wait queues, clone and futex for pthreads",
             "interrupts",
             "kernel/sched.c kernel/waitq.c runtime/thread/* sym:switch_* "
             "sym:call_on_stack sym:upcall_entry");

/*
 * Status: waitq_wait/wake, irq_save/restore and sched_* are usable (since
 * 2026-11-27 04:40 UTC, issue 4).
 *
 * The scheduler starts lazily, on the first thread, timed wait or device
 * interrupt, so that a program without them links none of it. Until then
 * the boot thread is simply "current".
 *
 * Every switch happens with interrupts off, at a call to switch_to: from a
 * thread that blocks (waitq.c), yields or exits, or from the end of an
 * interrupt (sched_irq_exit), when the interrupted thread's registers and
 * FPU state already sit on its own stack (vectors.S). Syscalls run with
 * interrupts off (syscall_arch.h), so the kernel and runtime are never
 * preempted in the middle of their data structures; they switch only where
 * they block.
 */
#define IDLE_STACK_PAGES 4

#define KSTACK_SIZE (SCHED_KSTACK_PAGES * PAGE_SIZE)

static struct thread *sched_all = &sched_boot; /* live threads, by all_next */
static struct thread *runq_first, *runq_last;
static struct thread *sched_idle_thread;
static struct thread *sched_zombie; /* exited; freed once switched away */
static struct thread *sched_free;   /* reusable thread structs */
static int sched_next_tid = 2;
static int sched_live = 1;
static int sched_started;

struct thread *sched_find(int tid)
{
    for (struct thread *t = sched_all; t; t = t->all_next)
        if (t->tid == tid)
            return t;
    return NULL;
}

static void sched_free_thread(struct thread *t)
{
    if (t->kstack && t->kstack != sched_boot_kstack)
        mem_free_pages(t->kstack, SCHED_KSTACK_PAGES);
    t->next = sched_free;
    sched_free = t;
}

/* A thread struct with its kernel stack, or NULL. */
static struct thread *sched_alloc(void)
{
    struct thread *t;
    char *kstack = mem_alloc_pages(SCHED_KSTACK_PAGES);

    if (!kstack)
        return NULL;

    if (!sched_free) {
        char *page = mem_alloc_pages(1);
        if (!page) {
            mem_free_pages(kstack, SCHED_KSTACK_PAGES);
            return NULL;
        }
        for (size_t i = 0; i + sizeof(*t) <= PAGE_SIZE; i += sizeof(*t)) {
            t = (struct thread *)(page + i);
            t->next = sched_free;
            sched_free = t;
        }
    }
    t = sched_free;
    sched_free = t->next;
    *t = (struct thread){.kstack = kstack};
    return t;
}

/* The first switch_to into a thread returns to switch_trampoline with rsp
 * at the aligned stack_top (layout in sched_internal.h). */
static uint64_t sched_new_frame(uint64_t stack_top)
{
    uint64_t *sp = (uint64_t *)(stack_top & ~15UL);

    *--sp = (uint64_t)switch_trampoline;
    for (int i = 0; i < 6; i++)
        *--sp = 0; /* rbp rbx r12 r13 r14 r15 */
    *--sp = 0x1f80 | 0x37fUL << 32; /* default MXCSR, x87 control word */
    return (uint64_t)sp;
}

static void sched_idle(void *unused);

void sched_init(void)
{
    void *stack;

    if (sched_started)
        return;
    sched_started = 1;
    irq_init();
    timer_init();
    sched_boot.slice_end = time_monotonic_ns() + SCHED_SLICE_NS;
    sched_idle_thread = sched_alloc();
    stack = mem_alloc_pages(IDLE_STACK_PAGES);
    if (!sched_idle_thread || !stack)
        PANIC("no memory for the idle thread");
    sched_idle_thread->entry = sched_idle;
    sched_idle_thread->kernel_only = 1;
    sched_idle_thread->sp =
        sched_new_frame((uint64_t)stack + IDLE_STACK_PAGES * PAGE_SIZE);
}

void sched_ensure(void)
{
    if (!sched_started)
        sched_init();
}

void sched_rearm(void)
{
    uint64_t d;

    if (!sched_started)
        return;
    d = waitq_next_deadline();
    if (runq_first && sched_cur != sched_idle_thread &&
        (!d || sched_cur->slice_end < d))
        d = sched_cur->slice_end;
    timer_set(d);
}

/* Interrupts off. A woken thread waits for its turn at the tail; only the
 * idle thread gives way at once (sched_irq_exit, sched_idle). */
void sched_make_ready(struct thread *t)
{
    t->state = THREAD_READY;
    t->next = NULL;
    if (runq_last)
        runq_last->next = t;
    else
        runq_first = t;
    runq_last = t;
    sched_rearm();
}

static struct thread *sched_pick(void)
{
    struct thread *t = runq_first;

    if (!t)
        return sched_idle_thread;
    runq_first = t->next;
    if (!runq_first)
        runq_last = NULL;
    t->next = NULL;
    return t;
}

/* Runs first in the new context after every switch. */
static void sched_after_switch(void)
{
    if (sched_zombie && sched_zombie != sched_cur) {
        sched_free_thread(sched_zombie);
        sched_zombie = NULL;
    }
}

/* Interrupts off; the current thread has already been queued wherever it
 * waits (a waitq, the run queue) or is dead. */
void sched_block(void)
{
    struct thread *prev = sched_cur, *next;

    sched_ensure();
    next = sched_pick();
    if (next == prev) {
        prev->state = THREAD_RUNNING;
        sched_rearm();
        return;
    }
    prev->fs = arch_get_tls();
    next->state = THREAD_RUNNING;
    next->slice_end = time_monotonic_ns() + SCHED_SLICE_NS;
    sched_cur = next;
    sched_kstack_top = next->kstack + KSTACK_SIZE;
    arch_set_tls(next->fs);
    sched_rearm();
    switch_to(&prev->sp, next->sp);
    sched_after_switch();
}

void sched_yield_cpu(void)
{
    uint64_t f = irq_save();

    if (runq_first) {
        sched_make_ready(sched_cur);
        sched_block();
    }
    irq_restore(f);
}

/* At the end of every interrupt, interrupts off, on the interrupted
 * thread's own stack: the place where a spinning thread gets preempted. */
void sched_irq_exit(void)
{
    if (!sched_started)
        return;
    if (runq_first && (sched_cur == sched_idle_thread ||
                       time_monotonic_ns() >= sched_cur->slice_end)) {
        if (sched_cur != sched_idle_thread)
            sched_make_ready(sched_cur);
        sched_block();
        return;
    }
    sched_rearm();
}

_Noreturn void sched_thread_begin(void)
{
    struct thread *t = sched_cur;

    sched_after_switch();
    sti();
    t->entry(t->arg);
    sched_exit(0);
}

int sched_spawn(void (*entry)(void *), void *arg, void *stack_top,
                uint64_t tls)
{
    struct thread *t;
    uint64_t f = irq_save();

    sched_ensure();
    t = sched_alloc();
    if (!t) {
        irq_restore(f);
        return -EAGAIN;
    }
    t->tid = sched_next_tid++;
    t->entry = entry;
    t->arg = arg;
    t->fs = tls;
    t->sp = sched_new_frame((uint64_t)stack_top);
    t->all_next = sched_all;
    sched_all = t;
    sched_live++;
    sched_make_ready(t);
    irq_restore(f);
    return t->tid;
}

/* A helper thread of the kernel or runtime (a timer, the network): no
 * program code runs on it, and it does not keep the program alive. */
void sched_set_kernel_only(struct thread *t)
{
    uint64_t f = irq_save();

    if (!t->kernel_only) {
        t->kernel_only = 1;
        sched_live--;
    }
    irq_restore(f);
}

/* The last thread to go ends the program with its status, as on Linux. */
_Noreturn void sched_exit(int status)
{
    struct thread *t = sched_cur, **p;

    cli();
    for (p = &sched_all; *p != t; p = &(*p)->all_next)
        ;
    *p = t->all_next;
    t->state = THREAD_DEAD;
    if (--sched_live == 0)
        kernel_exit(status);
    sched_after_switch(); /* at most one zombie at a time */
    sched_zombie = t;
    sched_block();
    PANIC("a dead thread ran again");
}

/* Runs when nothing else can. Halting with nothing that could ever wake a
 * thread (no timed sleeper, nobody waiting on a queue that a device
 * interrupt might wake) would hang the VM: that is a deadlock of the
 * program, reported like a crash. */
static void sched_idle(void *unused)
{
    for (;;) {
        cli();
        if (runq_first) {
            sched_block();
            continue;
        }
        if (!waitq_next_deadline() &&
            (!irq_device_count() || !waitq_irq_waiter_count())) {
            kprintf("ukcc: deadlock: every thread is blocked\n");
            kernel_exit(EXIT_PANIC);
        }
        sti_hlt();
    }
}
