/* upcall.c: make an interrupted program thread call into the runtime.
 *
 * At the end of an interrupt that returns into program code, the thread's
 * trap frame is rewritten so that the iretq lands in upcall_entry (see
 * upcall_entry.S) on the thread's own stack, 128 bytes below where it was
 * (the red zone the interrupted code may be using), with the interrupted
 * rip pushed as a return address. upcall_entry saves what the C call may
 * clobber, calls upcall_run, restores, and returns there. */
#include "sched_internal.h"

#define FRAME_RIP 17
#define FRAME_RFLAGS 19
#define FRAME_RSP 20
#define RFLAGS_IF 0x200
#define RED_ZONE 128

static int (*upcall_wanted)(void);
void (*upcall_run)(void); /* upcall_entry.S calls it */
void upcall_entry(void);

static void upcall_check(uint64_t *frame)
{
    struct thread *t = sched_current();
    uint64_t sp;

    if (t->kernel_only || !(frame[FRAME_RFLAGS] & RFLAGS_IF) ||
        !upcall_wanted())
        return;
    sp = frame[FRAME_RSP] - RED_ZONE - 8;
    *(uint64_t *)sp = frame[FRAME_RIP];
    frame[FRAME_RSP] = sp;
    frame[FRAME_RIP] = (uint64_t)upcall_entry;
}

void upcall_enable(int (*wanted)(void), void (*run)(void))
{
    upcall_wanted = wanted;
    upcall_run = run;
    irq_exit_hook = upcall_check;
}
