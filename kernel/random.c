/* random.c: random bytes for getrandom() and AT_RANDOM.
 *
 * RDRAND where the CPU has it (QEMU's TCG "max" CPU does); otherwise a
 * splitmix64 stream seeded from the TSC, which is unpredictable enough for
 * hash seeds and stack canaries, not for keys. */
#include <string.h>

#include "kernel.h"
#include "x86.h"

static int have_rdrand = -1;
static uint64_t mix_state;

static uint64_t splitmix64(void)
{
    uint64_t z = (mix_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t random_u64(void)
{
    if (have_rdrand < 0) {
        uint32_t a, b, c, d;
        cpuid(1, 0, &a, &b, &c, &d);
        have_rdrand = (c >> 30) & 1;
        if (!have_rdrand)
            mix_state = rdtsc();
    }
    uint64_t v;
    if (have_rdrand)
        for (int tries = 0; tries < 10; tries++)
            if (rdrand64(&v))
                return v;
    return splitmix64();
}

void random_fill(void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n) {
        uint64_t v = random_u64();
        size_t k = n < sizeof v ? n : sizeof v;
        memcpy(p, &v, k);
        p += k;
        n -= k;
    }
}
