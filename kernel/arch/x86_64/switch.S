/* switch.S: the context switch between two threads' stacks. */

/*
 * void switch_to(uint64_t *save_sp, uint64_t new_sp)
 *
 * Called with interrupts off, at a function call boundary: only the
 * callee-saved registers and the callee-saved parts of the FPU state
 * (MXCSR control bits, x87 control word) have to survive. The
 * caller-saved SSE registers of a thread preempted by an interrupt were
 * saved by the interrupt path (vectors.S) before it got here.
 */
    .text
    .globl switch_to
    .type switch_to, @function
switch_to:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size switch_to, .-switch_to

/* A new thread's first return from switch_to lands here, with rsp at the
 * 16-byte aligned top of its stack. */
    .globl switch_trampoline
    .type switch_trampoline, @function
switch_trampoline:
    xorl %ebp, %ebp          /* end of the frame-pointer chain */
    call sched_thread_begin
    ud2
    .size switch_trampoline, .-switch_trampoline

    .section .note.GNU-stack, "", @progbits
