/* pack_stub.S: kernel_main of a tiny image (boot.S + this, image.ld) that
 * checks that packing and boot.S's copy put every segment where it belongs.
 *
 * Something in each kind of section the real image has: .rodata (32-aligned),
 * .data (64-aligned, above the cap of image_pack's file alignment), .tdata
 * and .bss. kernel_main runs in long mode after boot.S moved the packed
 * segments up and zeroed .bss; it reports "UKEXIT 0" (all values right) or
 * "UKEXIT 1" the way the kernel does (exit.c), so ukrun exits with it. */

#define DEBUGCON_PORT 0xe9
#define DEBUG_EXIT_PORT 0xf4

    .section .rodata.pack, "a", @progbits
    .balign 32
ro_word:
    .quad 0x0123456789abcdef
msg_ok:
    .asciz "UKEXIT 0\n"
msg_bad:
    .asciz "UKEXIT 1\n"

    .section .data.pack, "aw", @progbits
    .balign 64
rw_word:
    .quad 0xfedcba9876543210

    .section .tdata.pack, "awT", @progbits
    .balign 4
tls_word:
    .long 42

    .section .bss.pack, "aw", @nobits
    .balign 8
bss_word:
    .quad 0

    .text
    .code64
    .globl kernel_main
    .type kernel_main, @function
kernel_main:
    movabsq $0x0123456789abcdef, %rax
    cmpq %rax, ro_word
    jne 1f
    movabsq $0xfedcba9876543210, %rax
    cmpq %rax, rw_word
    jne 1f
    /* A TLS symbol has no absolute address; tls_word is the only .tdata,
     * and image.ld ends the file-backed data (__data_end) right after it. */
    cmpl $42, __data_end - 4
    jne 1f
    cmpq $0, bss_word
    jne 1f
    movl $msg_ok, %esi
    xorl %ebx, %ebx
    jmp 2f
1:  movl $msg_bad, %esi
    movl $1, %ebx
2:  movw $DEBUGCON_PORT, %dx
3:  lodsb
    testb %al, %al
    jz 4f
    outb %al, %dx
    jmp 3b
4:  movl %ebx, %eax
    movw $DEBUG_EXIT_PORT, %dx
    outl %eax, %dx
5:  cli
    hlt
    jmp 5b
    .size kernel_main, . - kernel_main

    .section .note.GNU-stack, "", @progbits
