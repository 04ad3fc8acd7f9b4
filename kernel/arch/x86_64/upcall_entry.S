/* upcall_entry.S: the detour upcall.c puts an interrupted thread on. */

/*
 * Entered with every register as the interrupted code left it, the
 * interrupted rip on top of the stack, the interrupted code's red zone
 * (128 bytes) above it, and interrupts on. Keeps the flags,
 * the registers the C ABI lets upcall_run clobber, and the FPU/SSE state
 * (fxsave: 512 bytes, 16-byte aligned), then returns to that rip.
 */
    .section .text.upcall_entry, "ax", @progbits
    .globl upcall_entry
upcall_entry:
    pushfq
    pushq %rax
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %rbp
    movq %rsp, %rbp
    andq $-16, %rsp
    subq $512, %rsp
    fxsave64 (%rsp)
    cld
    call *upcall_run(%rip)
    fxrstor64 (%rsp)
    movq %rbp, %rsp
    popq %rbp
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rax
    popfq
    ret $128 /* and skip the red zone upcall.c left free */

    .section .note.GNU-stack, "", @progbits
