/* churn.c: allocate and free 256 MiB in all in a 64 MiB guest; freed memory must be reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 8

int main(void)
{
    unsigned char *slot[SLOTS] = {0};
    size_t size[SLOTS] = {0};
    size_t total = 0, round = 0;
    unsigned seed = 12345;

    while (total < (256u << 20)) {
        int i = round++ % SLOTS;
        if (slot[i]) {
            /* The block must still hold what was written into it. */
            for (size_t k = 0; k < size[i]; k += 4093)
                if (slot[i][k] != (unsigned char)(size[i] + k)) {
                    printf("corrupt block %d at %zu\n", i, k);
                    return 1;
                }
            free(slot[i]);
        }
        seed = seed * 1103515245 + 12345;
        size[i] = (seed >> 8) % (4u << 20) + 1;  /* up to 4 MiB */
        if (i == 0)
            size[i] = 64 + (seed >> 20) % 4096;  /* and small ones */
        slot[i] = malloc(size[i]);
        if (!slot[i]) {
            printf("malloc(%zu) failed after %zu MiB\n", size[i], total >> 20);
            return 1;
        }
        for (size_t k = 0; k < size[i]; k += 4093)
            slot[i][k] = (unsigned char)(size[i] + k);
        total += size[i];
    }
    for (int i = 0; i < SLOTS; i++)
        free(slot[i]);
    char *r = NULL;
    for (size_t n = 1024; n <= (16u << 20); n *= 2) {
        r = realloc(r, n);
        if (!r) {
            printf("realloc(%zu) failed\n", n);
            return 1;
        }
        r[n - 1] = 1;
    }
    free(r);
    printf("churned %zu MiB in %zu allocations\n", total >> 20, round);
    return 0;
}
