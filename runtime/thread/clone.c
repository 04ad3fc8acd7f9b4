/* clone.c: __clone, musl's thread creation, as a new scheduler thread. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdarg.h>

#include "runtime.h"
#include "sched_internal.h"

/* What pthread_create passes, plus the others that mean nothing here. */
#define CLONE_SUPPORTED                                                     \
    (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |    \
     CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |                  \
     CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | CLONE_DETACHED)
#define CLONE_EXIT_SIGNAL 0xff

/* Kept at the top of the child's stack until it starts. */
struct clone_start {
    int (*fn)(void *);
    void *arg;
};

static void clone_child(void *p)
{
    struct clone_start *s = p;

    uk_sys_exit(s->fn(s->arg));
}

/* Like the syscall: the child's tid, or -errno. Without CLONE_VM it would
 * be fork, which a single address space cannot give. */
int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    uint64_t top = (uint64_t)stack & ~15UL;
    struct clone_start *s;
    struct thread *t;
    int *ptid, *ctid, tid;
    void *tls;
    uint64_t f;
    va_list ap;

    va_start(ap, arg);
    ptid = va_arg(ap, int *);
    tls = va_arg(ap, void *);
    ctid = va_arg(ap, int *);
    va_end(ap);
    /* Without CLONE_VM only clone() itself asks (musl's fork does not
     * come here), so that is the call to name. */
    if (!(flags & CLONE_THREAD))
        return process_unsupported(flags & CLONE_VM ? "posix_spawn"
                                                    : "clone",
                                   flags & CLONE_VM ? "no second process"
                                   : "only CLONE_VM|CLONE_THREAD threads; "
                                     "no second process",
                                   -ENOSYS);
    if ((flags & ~(CLONE_SUPPORTED | CLONE_EXIT_SIGNAL)) || !fn || !stack)
        return -EINVAL;
    top -= (sizeof(*s) + 15) & ~15UL;
    s = (struct clone_start *)top;
    s->fn = fn;
    s->arg = arg;
    f = irq_save();
    tid = sched_spawn(clone_child, s, (void *)top,
                      (flags & CLONE_SETTLS) ? (uint64_t)tls : arch_get_tls());
    if (tid > 0) {
        t = sched_find(tid);
        if (flags & CLONE_CHILD_CLEARTID)
            t->clear_tid = ctid;
        if (flags & CLONE_CHILD_SETTID)
            *ctid = tid;
        if (flags & CLONE_PARENT_SETTID)
            *ptid = tid;
    }
    irq_restore(f);
    return tid;
}
