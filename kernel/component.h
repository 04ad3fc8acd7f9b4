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

#endif
