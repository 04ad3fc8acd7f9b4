/* oom.c: out of memory, malloc gives NULL, mmap ENOMEM; memory comes back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define MAX_BLOCKS 65536

static void *blocks[MAX_BLOCKS];

/* Allocate size-byte blocks (touching every byte) until malloc fails;
 * returns how many it got. */
static size_t fill(size_t size)
{
    size_t n = 0;

    while (n < MAX_BLOCKS) {
        void *p = malloc(size);
        if (!p)
            break;
        memset(p, 0xa5, size);
        blocks[n++] = p;
    }
    return n;
}

static void drain(size_t n)
{
    while (n)
        free(blocks[--n]);
}

static int big_blocks(void)
{
    size_t first = fill(256 << 10), second;

    if (first == MAX_BLOCKS) {
        printf("malloc never failed\n");
        return 1;
    }
    printf("malloc returned NULL after %zu KiB (errno %s)\n", first * 256,
           errno == ENOMEM ? "ENOMEM" : "not ENOMEM");
    drain(first);
    second = fill(256 << 10);
    drain(second);
    /* The memory comes back: within a few blocks of the first round. */
    printf("after freeing: %s\n",
           second + 2 >= first && first > 4 ? "memory came back" : "LEAKED");
    printf("first %zu, second %zu\n", first, second);
    return 0;
}

static int small_blocks(void)
{
    size_t first = fill(1000), second;

    printf("small: malloc returned NULL after %s\n",
           first == MAX_BLOCKS ? "NEVER (MAX_BLOCKS reached)" : "some blocks");
    drain(first);
    second = fill(1000);
    drain(second);
    printf("small: %s\n", second + 64 >= first ? "memory came back" : "LEAKED");
    return 0;
}

static int mmap_until_enomem(void)
{
    size_t n = 0;
    void *p;

    while ((p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) != MAP_FAILED) {
        memset(p, 1, 1 << 20);
        blocks[n++] = p;
        if (n == MAX_BLOCKS)
            break;
    }
    printf("mmap failed with %s\n", p != MAP_FAILED ? "nothing"
                                    : errno == ENOMEM ? "ENOMEM"
                                                      : strerror(errno));
    for (size_t i = 0; i < n; i++)
        munmap(blocks[i], 1 << 20);
    p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap after munmap: %s\n", p != MAP_FAILED ? "ok" : "FAILED");
    return 0;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";

    if (!strcmp(what, "big"))
        return big_blocks();
    if (!strcmp(what, "small"))
        return small_blocks();
    if (!strcmp(what, "mmap"))
        return mmap_until_enomem();
    printf("unknown test\n");
    return 1;
}
