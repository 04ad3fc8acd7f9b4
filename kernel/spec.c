/* spec.c: what an image without ukcc's specialisation object runs. */
#include "kernel.h"

/* Weak: the generated object (passes/spec_emit.c) replaces it when the
 * image's components have kernel-phase inits; LTO folds this one away. */
__attribute__((weak)) void uk_spec_init_kernel(void)
{
}
