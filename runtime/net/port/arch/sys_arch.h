/* sys_arch.h: lwIP's OS primitives under NO_SYS: the critical section is an
 * interrupt-off section, as for every other lwIP call. */
#ifndef UK_LWIP_ARCH_SYS_ARCH_H
#define UK_LWIP_ARCH_SYS_ARCH_H

#include <stdint.h>

/* kernel/arch/x86_64/irq.c (declared in kernel.h, which lwIP's build does
 * not see). */
uint64_t irq_save(void);
void irq_restore(uint64_t flags);

/* lwIP runs only with interrupts off (runtime/net/net.h), so these nest
 * harmlessly inside that section; they exist for pbuf_free and mem_free,
 * which lwIP protects on their own. */
typedef uint64_t sys_prot_t;
#define SYS_ARCH_DECL_PROTECT(lev) sys_prot_t lev
#define SYS_ARCH_PROTECT(lev) ((lev) = irq_save())
#define SYS_ARCH_UNPROTECT(lev) irq_restore(lev)

#endif
