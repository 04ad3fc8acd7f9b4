/* sysent_traced.S: a syscall entry's path under `ukrun --strace`. */

/*
 * Entered by a jump from an entry (syscall/sysent.c), which has pushed
 * RFLAGS, turned interrupts off and put its struct uk_strace_sys in %r11;
 * the syscall's arguments are still in the argument registers. Calls
 * uk_strace_call(a, b, c, d, e, f, record) (debug/strace.c), then restores
 * the interrupt flag and returns to the entry's caller, as the entry does.
 * The frame keeps backtraces through it whole.
 */
    .section .text.uk_sysent_traced, "ax", @progbits
    .globl uk_sysent_traced
    .type uk_sysent_traced, @function
uk_sysent_traced:
    pushq %rbp
    movq %rsp, %rbp
    pushq %r11              /* seventh argument; aligns rsp to 16 */
    call uk_strace_call
    leave
    testb $2, 1(%rsp)       /* IF (bit 9) of the saved RFLAGS */
    jz 1f
    sti
1:  popq %rcx
    ret
    .size uk_sysent_traced, . - uk_sysent_traced

    .section .note.GNU-stack, "", @progbits
