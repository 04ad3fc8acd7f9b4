/* poll_wake.c: a file's readiness changed: wake its queue and all pollers.
 *
 * poll, select and epoll watch many files but sleep on one queue,
 * poll_waitq, so every change wakes them all to look again; one CPU and
 * few waiters make that cheaper than a callback per watched file. Each
 * wake also counts, per queue, so that edge-triggered epoll can tell "this
 * file changed since I last reported it". Counters are shared by queues
 * whose addresses hash alike: at worst an extra edge-triggered report. */
#include "event.h"

#define POLL_SEQ_SLOTS 1024

struct waitq poll_waitq = WAITQ_INIT;
static unsigned poll_seqs[POLL_SEQ_SLOTS];

static unsigned poll_slot(struct waitq *q)
{
    uint64_t h = (uint64_t)q * 0x9e3779b97f4a7c15UL;
    return (unsigned)(h >> 54) % POLL_SEQ_SLOTS;
}

unsigned poll_seq(struct waitq *q)
{
    return poll_seqs[poll_slot(q)];
}

void poll_wake(struct waitq *q)
{
    uint64_t flags = irq_save();
    poll_seqs[poll_slot(q)]++;
    irq_restore(flags);
    waitq_wake_all(q);
    waitq_wake_all(&poll_waitq);
}
