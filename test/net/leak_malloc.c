/* leak_malloc.c: the leak server's malloc: musl's own, counting bytes in use.
 *
 * Free pages alone cannot tell a leak from musl's allocator keeping freed
 * groups for reuse (it does, and how much depends on its history), so the
 * leak server replaces malloc, calloc, realloc and free (musl allows it)
 * with thin wrappers around musl's own allocator that add and subtract each
 * block's usable size. Every allocation of the program, of musl and of the
 * runtime's syscall handlers is counted; the network stack's heap is
 * lwIP's own (the Net* lines of /proc/meminfo). Nothing here calls
 * aligned_alloc or posix_memalign, which this does not count. */
#include <malloc.h>
#include <stdlib.h>

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t m, size_t n);
void *__libc_realloc(void *p, size_t n);
void __libc_free(void *p);

long leak_malloc_bytes(void);

/* Threads are preempted on one CPU: updates must be atomic. */
static long leak_bytes;

long leak_malloc_bytes(void)
{
    return __atomic_load_n(&leak_bytes, __ATOMIC_SEQ_CST);
}

static void *leak_count(void *p)
{
    if (p)
        __atomic_fetch_add(&leak_bytes, (long)malloc_usable_size(p),
                           __ATOMIC_SEQ_CST);
    return p;
}

void *malloc(size_t n)
{
    return leak_count(__libc_malloc(n));
}

void *calloc(size_t m, size_t n)
{
    return leak_count(__libc_calloc(m, n));
}

void free(void *p)
{
    if (p)
        __atomic_fetch_sub(&leak_bytes, (long)malloc_usable_size(p),
                           __ATOMIC_SEQ_CST);
    __libc_free(p);
}

/* On failure the old block stays allocated, and counted. */
void *realloc(void *p, size_t n)
{
    long old = p ? (long)malloc_usable_size(p) : 0;
    void *q = __libc_realloc(p, n);

    if (q)
        __atomic_fetch_add(&leak_bytes, (long)malloc_usable_size(q) - old,
                           __ATOMIC_SEQ_CST);
    return q;
}
