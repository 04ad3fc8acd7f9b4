/* exit_image.S: smallest bootable image that reports "UKEXIT 200" the way the
 * ukcc kernel does, so ukrun's exit path can be tested without ukcc.
 *
 * Boots as multiboot v1 (a.out kludge, as QEMU needs for ELF64) and as PVH
 * (microvm requires the Xen note). Both enter in 32-bit protected mode with
 * paging off, so the code is plain 32-bit port I/O. Variants for the other
 * outcomes ukrun tells apart: -DHANG never exits (--timeout), -DFAULT
 * triple-faults without reporting a status. Layout comes from exit_image.ld. */

#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00010000 /* bit 16: load addresses are in the header */

    .section .multiboot, "a"
    .balign 4
mb_header:
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)
    .long mb_header     /* header_addr */
    .long __image_start /* load_addr: the ELF header, file offset 0 */
    .long __load_end    /* load_end_addr */
    .long 0             /* bss_end_addr: no bss */
    .long _start        /* entry_addr */

    /* XEN_ELFNOTE_PHYS32_ENTRY: the 32-bit PVH entry point. */
    .section .note.pvh, "a", @note
    .balign 4
    .long 4             /* namesz */
    .long 8             /* descsz */
    .long 18            /* type */
    .asciz "Xen"
    .balign 4
    .quad _start
    .balign 4

    .text
    .code32
    .globl _start
_start:
#if defined(FAULT)
    lidt null_idt       /* no gates: the breakpoint escalates to a reset */
    int3
#elif !defined(HANG)
    mov $msg, %esi
    mov $0xe9, %dx
1:  lodsb
    test %al, %al
    jz 2f
    outb %al, %dx
    jmp 1b
2:  mov $200, %eax
    mov $0xf4, %dx
    outl %eax, %dx
#endif
3:  cli
    hlt
    jmp 3b

    .section .rodata
msg:
    .asciz "UKEXIT 200\n"
    .balign 8
null_idt:
    .word 0
    .long 0
