/* call_on_stack.S: switch to a new stack and call a function that never returns. */
    .text
    .globl call_on_stack
    .type call_on_stack, @function
/* void call_on_stack(void *sp, void (*fn)(void *), void *arg) */
call_on_stack:
    andq $-16, %rdi
    movq %rdi, %rsp
    xorl %ebp, %ebp          /* end of the frame-pointer chain */
    movq %rsi, %rax
    movq %rdx, %rdi
    pushq $0                 /* fake return address: keeps ABI alignment */
    jmp *%rax
    .size call_on_stack, .-call_on_stack
    .section .note.GNU-stack, "", @progbits
