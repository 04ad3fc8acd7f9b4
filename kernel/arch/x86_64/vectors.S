/* vectors.S: entry stubs for all 256 interrupt vectors, and the common path. */

/*
 * Stubs are 4 bytes, `pushq $(vector - 128)` (an 8-bit immediate) and a
 * short jump, in groups of 16 that end in a jump to vectors_common; a group
 * takes 72 bytes (trap.c finds vector n at trap_vectors + 72 * (n / 16) +
 * 4 * (n % 16)). vectors_common makes the stack uniform: the CPU pushes SS,
 * RSP, RFLAGS, CS, RIP and, for some exceptions, an error code; for the
 * others it puts a 0 in the error code's place under the vector. Then
 * trap_common saves every general register, giving struct trap_frame
 * (trap.c) from the top of the stack.
 *
 * Every gate runs on an IST stack, which the CPU aligns to 16 bytes before
 * it pushes: 5 + 2 + 15 eight-byte slots keep rsp 16-byte aligned at the
 * call, as the SysV ABI wants.
 */
#define VEC_EXCEPTIONS 32
#define STUBS_PER_GROUP 16
#define GROUP_SIZE 72

/* Exceptions for which the CPU pushes an error code, one bit each: #DF #TS
 * #NP #SS #GP #PF #AC #CP #VC #SX (8, 10-14, 17, 21, 29, 30). */
#define ERROR_CODE_VECTORS 0x60227d00

/* The general registers, in struct trap_frame order (trap.c). */
.macro SAVE_GPRS
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
.endm

/* Back to the interrupted code: registers, then vector and error code. */
.macro RESTORE_GPRS_IRETQ
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
    addq $16, %rsp /* vector and error code */
    iretq
.endm

    .section .text.trap_vectors, "ax", @progbits
    .balign 8
    .globl trap_vectors
trap_vectors:
    .set vector, 0
    .rept 256 / STUBS_PER_GROUP
    .rept STUBS_PER_GROUP
    pushq $(vector - 128)
    jmp 1f
    .set vector, vector + 1
    .endr
1:  jmp vectors_common
    .org trap_vectors + GROUP_SIZE * (vector / STUBS_PER_GROUP), 0xcc
    .endr

vectors_common:
    addq $128, (%rsp) /* the vector */
    cmpq $VEC_EXCEPTIONS, (%rsp)
    jae 2f
    pushq %rax
    pushq %rcx
    movl 16(%rsp), %ecx
    movl $ERROR_CODE_VECTORS, %eax
    btl %ecx, %eax
    popq %rcx
    popq %rax
    jc trap_common
2:  pushq (%rsp) /* no error code: a 0 under the vector */
    movq $0, 8(%rsp)
    cmpq $VEC_EXCEPTIONS, (%rsp)
    jae irq_common

trap_common:
    SAVE_GPRS
    cld
    movq %rsp, %rdi
    call trap_handle
    RESTORE_GPRS_IRETQ

/*
 * Interrupts (vectors 32-255) may end in a switch to another thread
 * (sched.c), and the IST stack is shared by every thread: the frame moves
 * to the interrupted thread's kernel stack first (sched_kstack_top), and
 * the whole FPU/SSE state, which belongs to the interrupted program, is
 * saved under it (fxsave: 512 bytes, 16-byte aligned). Then
 * irq_handle(vector) may switch away; the thread resumes here when it is
 * switched back. Both symbols are weak: an image without interrupt
 * handlers (irq.c) reports any interrupt like trap_common does.
 */
#define FRAME_QWORDS 22 /* struct trap_frame */
#define FRAME_VECTOR (15 * 8)
#define FXSAVE_SIZE 512

    .weak irq_handle
    .weak sched_kstack_top
irq_common:
    pushq %rax
    leaq irq_handle(%rip), %rax
    testq %rax, %rax
    popq %rax
    jz trap_common
    SAVE_GPRS
    cld
    movq %rsp, %rsi
    movq sched_kstack_top(%rip), %rdi
    subq $(FRAME_QWORDS * 8), %rdi
    movq %rdi, %rax
    movl $FRAME_QWORDS, %ecx
    rep movsq
    movq %rax, %rsp
    subq $FXSAVE_SIZE, %rsp
    fxsave64 (%rsp)
    movq (FXSAVE_SIZE + FRAME_VECTOR)(%rsp), %rdi
    leaq FXSAVE_SIZE(%rsp), %rsi
    call irq_handle
    fxrstor64 (%rsp)
    addq $FXSAVE_SIZE, %rsp
    RESTORE_GPRS_IRETQ

    .section .note.GNU-stack, "", @progbits
