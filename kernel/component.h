/* component.h: UK_COMPONENT, a component's description for ukcc's report. */
#ifndef UK_COMPONENT_H
#define UK_COMPONENT_H

/*
 * UK_COMPONENT(name, "description", "deps", "files") at file scope, in one
 * source file of the component that is linked whenever any of it is:
 *
 *   UK_COMPONENT(time, "TSC clock, clock_gettime, nanosleep", "core",
 *                "kernel/time.c kernel/arch/x86_64/tsc.c runtime/time/clock*");
 *
 * deps: other components' names, space separated. files: space-separated
 * patterns (fnmatch) for the source files of the component, matched
 * against the end of each compile unit's path in the image's line tables,
 * and "sym:PATTERN" for symbols without debug information (assembler).
 * No double quotes or backslashes in the strings.
 *
 * The record goes into .ukcc.components, a section without SHF_ALLOC: it
 * costs the image nothing, lld keeps it (--gc-sections only drops
 * allocated sections) and strip removes it, so it lives in app.img.debug,
 * where ukcc --report and ukreport read it. A component counts as present
 * when symbols of its files are in the image, not when its record is:
 * LTO may keep the record of a file whose code it dropped.
 */
#define UK_COMPONENT(name, desc, deps, files)                              \
    __asm__(".pushsection .ukcc.components,\"\",@progbits\n\t"           \
            ".asciz \"" #name "\"\n\t"                                     \
            ".asciz \"" desc "\"\n\t"                                      \
            ".asciz \"" deps "\"\n\t"                                      \
            ".asciz \"" files "\"\n\t"                                     \
            ".popsection")

/*
 * UK_COMPONENT_INIT(component, function, phase) at file scope, in the file
 * that defines `function` (global, void function(void)): ukcc's link step
 * (passes/spec_*.c) calls it once at boot when that file is linked. phase
 * is `kernel` (in kernel_main, paging and the clock up, interrupts still
 * off, the command line not parsed yet, no libc: it may not call musl, nor
 * use the stack protector, which needs TLS) or `libc` (musl initialised,
 * the command line parsed, before the program's constructors and main).
 * Inits run in the order of the components' deps (UK_COMPONENT), ties by
 * component name, then in the order of the records.
 *
 * UK_COMPONENT_INIT_WITH(component, function, phase, "with") also links
 * the file (so the component) whenever one of the space-separated
 * components `with` is present: a part nothing references by symbol,
 * such as the host directory mounts of a program that opens files.
 *
 * UK_COMPONENT_DEFAULTS(component, "words") adds kernel command-line words
 * (options before `--`, as ukrun writes them) to the image's defaults when
 * the file is linked; the boot loader's command line overrides them.
 *
 * Like UK_COMPONENT, these records are in sections without SHF_ALLOC
 * (.ukcc.inits, .ukcc.defaults): they cost the image nothing.
 */
#define UK_COMPONENT_INIT_WITH(name, fn, phase, with)                      \
    __asm__(".pushsection .ukcc.inits,\"\",@progbits\n\t"                \
            ".asciz \"" #name "\"\n\t"                                     \
            ".asciz \"" #fn "\"\n\t"                                       \
            ".asciz \"" #phase "\"\n\t"                                    \
            ".asciz \"" with "\"\n\t"                                      \
            ".popsection")
#define UK_COMPONENT_INIT(name, fn, phase)                                 \
    UK_COMPONENT_INIT_WITH(name, fn, phase, "")
#define UK_COMPONENT_DEFAULTS(name, words)                                 \
    __asm__(".pushsection .ukcc.defaults,\"\",@progbits\n\t"             \
            ".asciz \"" #name "\"\n\t"                                     \
            ".asciz \"" words "\"\n\t"                                     \
            ".popsection")

#endif
