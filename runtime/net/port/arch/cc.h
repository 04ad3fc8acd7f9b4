/* cc.h: lwIP's compiler and platform port for ukcc (clang-19, musl, x86-64). */
#ifndef UK_LWIP_ARCH_CC_H
#define UK_LWIP_ARCH_CC_H

#include <stdint.h>

/* musl supplies stdint, inttypes, limits, errno and ctype: lwIP's own
 * fallbacks stay off. x86-64 is little-endian: lwIP's arch.h default. */

/* Byte swaps as single instructions instead of lwIP's shifts. */
#define lwip_htons(x) ((u16_t)__builtin_bswap16((u16_t)(x)))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32((u32_t)(x)))

/* Random numbers (TCP initial sequence numbers, DHCP xids, ephemeral
 * ports): the kernel's generator, runtime/net/rand.c. */
uint32_t net_rand(void);
#define LWIP_RAND() net_rand()

/* No diagnostics output; a failed assertion is a kernel panic that names
 * lwIP's file and line (runtime/net/assert.c). */
_Noreturn void net_assert_fail(const char *msg, const char *file, int line);
#define LWIP_PLATFORM_DIAG(x) \
    do {                      \
    } while (0)
#define LWIP_PLATFORM_ASSERT(x) net_assert_fail((x), __FILE__, __LINE__)

#include "arch/sys_arch.h"

#endif
