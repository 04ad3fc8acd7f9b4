/* unmapself.c: __unmapself: a detached thread frees its own stack, exits. */
#include "runtime.h"
#include "sched_internal.h"

/*
 * musl's generic version moves to a 256-byte static stack and makes the
 * two syscalls there; our handlers need more than that. The thread's
 * kernel stack is free while it is in a syscall (interrupts are off), and
 * is itself freed only after the thread has been switched out for good.
 */
struct unmapself_req {
    void *base;
    size_t size;
};

static void unmapself_finish(void *p)
{
    struct unmapself_req *r = p;

    uk_sys_munmap((long)r->base, (long)r->size);
    uk_sys_exit(0);
}

void __unmapself(void *base, size_t size)
{
    struct thread *t = sched_current();
    struct unmapself_req *r;

    irq_save();
    r = (struct unmapself_req *)(t->kstack + SCHED_KSTACK_PAGES * PAGE_SIZE) -
        1;
    r->base = base;
    r->size = size;
    call_on_stack(r, unmapself_finish, r);
}
