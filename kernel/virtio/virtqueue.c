/* virtqueue.c: split virtqueues (virtio 1.x section 2.7), polled. */
#include <string.h>

#include "kernel.h"
#include "virtio.h"

/* x86 keeps stores in order and loads in order; the device only needs the
 * compiler not to reorder ring updates across these points. */
#define virtq_barrier() __asm__ volatile("" : : : "memory")

/*
 * One allocation holds, in order: the descriptor table (16 bytes an entry),
 * the available ring, the used ring (4-byte aligned) and the token array.
 * Free descriptors are chained through their `next` fields.
 */
int virtq_init(struct virtio_dev *d, struct virtq *vq, uint16_t index,
               uint16_t max_size)
{
    uint16_t size = d->tr->queue_max(d, index);
    size_t desc_sz, avail_sz, used_sz, tok_sz, total;
    char *mem;

    if (size == 0)
        return -1;
    if (size > max_size)
        size = max_size;
    desc_sz = 16UL * size;
    avail_sz = (6 + 2UL * size + 3) & ~3UL;
    used_sz = (6 + 8UL * size + 7) & ~7UL;
    tok_sz = sizeof(void *) * size;
    total = desc_sz + avail_sz + used_sz + tok_sz;
    mem = mem_alloc_pages(PAGE_ROUND_UP(total) / PAGE_SIZE);
    if (!mem)
        return -1;
    memset(mem, 0, PAGE_ROUND_UP(total));
    vq->dev = d;
    vq->index = index;
    vq->size = size;
    vq->desc = (struct virtq_desc *)mem;
    vq->avail = (struct virtq_avail *)(mem + desc_sz);
    vq->used = (struct virtq_used *)(mem + desc_sz + avail_sz);
    vq->token = (void **)(mem + desc_sz + avail_sz + used_sz);
    for (uint16_t i = 0; i < size; i++)
        vq->desc[i].next = (uint16_t)(i + 1);
    vq->free_head = 0;
    vq->nfree = size;
    vq->last_used = 0;
    /* Polling mode: ask the device not to interrupt. */
    vq->avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
    d->tr->queue_enable(d, vq);
    return 0;
}

int virtq_add(struct virtq *vq, const struct virtq_buf *bufs, int nout,
              int nin, void *token)
{
    int n = nout + nin;
    uint16_t head = vq->free_head, i = head, last = head;

    if (n == 0 || n > vq->nfree)
        return -1;
    for (int k = 0; k < n; k++) {
        struct virtq_desc *dsc = &vq->desc[i];

        dsc->addr = (uint64_t)(uintptr_t)bufs[k].addr;
        dsc->len = bufs[k].len;
        dsc->flags = (uint16_t)((k >= nout ? VIRTQ_DESC_F_WRITE : 0) |
                                (k + 1 < n ? VIRTQ_DESC_F_NEXT : 0));
        last = i;
        i = dsc->next;
    }
    vq->free_head = vq->desc[last].next;
    vq->nfree = (uint16_t)(vq->nfree - n);
    vq->token[head] = token;
    vq->avail->ring[vq->avail->idx % vq->size] = head;
    virtq_barrier(); /* the entry before the index that publishes it */
    vq->avail->idx++;
    return 0;
}

void virtq_kick(struct virtq *vq)
{
    virtq_barrier();
    vq->dev->tr->notify(vq->dev, vq);
}

void virtq_interrupts(struct virtq *vq, int on)
{
    vq->avail->flags = on ? 0 : VIRTQ_AVAIL_F_NO_INTERRUPT;
    virtq_barrier();
}

void *virtq_get(struct virtq *vq, uint32_t *len)
{
    uint16_t head, i;
    void *token;

    if (vq->last_used == vq->used->idx)
        return NULL;
    virtq_barrier(); /* read the entry only after seeing the index */
    head = (uint16_t)vq->used->ring[vq->last_used % vq->size].id;
    if (len)
        *len = vq->used->ring[vq->last_used % vq->size].len;
    vq->last_used++;
    ASSERT(head < vq->size);
    token = vq->token[head];
    /* Give the chain back to the free list. */
    for (i = head;; i = vq->desc[i].next) {
        vq->nfree++;
        if (!(vq->desc[i].flags & VIRTQ_DESC_F_NEXT))
            break;
    }
    vq->desc[i].next = vq->free_head;
    vq->free_head = head;
    return token;
}
