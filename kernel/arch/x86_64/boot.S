/* boot.S: multiboot v1 and PVH headers, 32-bit entry, switch to long mode. */

/*
 * Both protocols enter _start32 in 32-bit protected mode with paging off,
 * flat segments and interrupts disabled:
 *   multiboot v1: EAX = 0x2BADB002, EBX = physical address of multiboot_info
 *   PVH:          EBX = physical address of hvm_start_info (its first u32 is
 *                 0x336ec578); EAX is unspecified (microvm's qboot puts the
 *                 multiboot magic there), so C tells them apart by the magic
 *                 at EBX, not by EAX.
 * Both loaders leave each segment at its physical (load) address, which for
 * rodata and data is below its virtual address: ukcc packs the segments in
 * the file (see image.ld). So the first thing _start32 does, before touching
 * any data, is move those segments up and zero .bss; only then does it have
 * a stack. Until the stack exists, the boot arguments live in EBP and ESP
 * (interrupts are off, and nothing here pushes).
 */

#define MB_MAGIC 0x1badb002
/* bit 0: page-align modules, bit 1: memory info, bit 16: a.out kludge */
#define MB_FLAGS ((1 << 0) | (1 << 1) | (1 << 16))

#define CR0_PE (1 << 0)
#define CR0_MP (1 << 1)
#define CR0_EM (1 << 2)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_OSFXSR (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)
#define CPUID_EXT_NX (1 << 20)

#define PT_LOAD 1
#define MB_LOADER_MAGIC 0x2badb002 /* EAX from a multiboot loader */
#define PVH_START_MAGIC 0x336ec578 /* hvm_start_info.magic, at EBX */

#define PTE_P 0x1
#define PTE_W 0x2
#define PTE_PS 0x80

#define BOOT_STACK_SIZE 65536

/*
 * Multiboot v1 header. The image is an ELF64 file, which QEMU's multiboot
 * loader refuses unless the header gives the layout itself (the a.out
 * kludge): the file from offset 0 is copied to load_addr up to load_end_addr,
 * then zeroed up to bss_end_addr. image.ld makes file offset == address -
 * load_addr and places this section right after the program headers, well
 * inside the first 8 KiB where loaders look for it.
 */
    .section .multiboot, "a"
    .balign 4
mb_header:
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)
    .long mb_header         /* header_addr */
    .long __image_start     /* load_addr */
    .long __data_end        /* load_end_addr: the post-link pass sets it */
    .long __bss_end         /* bss_end_addr */
    .long _start32          /* entry_addr */

/*
 * PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY = 18): the 32-bit physical entry
 * point, as an 8-byte value, in a note named "Xen". image.ld puts this
 * section in a PT_NOTE segment.
 */
    .section .note.pvh, "a", @note
    .balign 4
    .long 4                 /* namesz: "Xen\0" */
    .long 8                 /* descsz */
    .long 18                /* type */
    .asciz "Xen"
    .balign 4
    .quad _start32
    .balign 4

    .section .text.boot, "ax", @progbits
    .code32
    .globl _start32
    .type _start32, @function
_start32:
    movl %eax, %ebp
    rdtsc                       /* boot_timing.c: the earliest time we see */
    movl %eax, boot_tsc_entry
    movl %edx, boot_tsc_entry + 4
    cli
    cld
    movl %ebx, %esp

    /*
     * Walk the program headers from the last to the first and copy every
     * PT_LOAD whose physical address differs from its virtual one up to the
     * virtual address. Destinations lie above sources and later segments
     * move further, so last-first and backwards never overwrite a source
     * that is still to be read.
     */
    movl $__image_start, %ebx
    movzwl 54(%ebx), %eax       /* e_phentsize */
    movzwl 56(%ebx), %ecx       /* e_phnum */
    imull %eax, %ecx
    movl 32(%ebx), %edx         /* e_phoff (the image is below 4 GiB) */
    addl %ebx, %edx             /* edx: first program header */
    leal (%edx, %ecx), %ebx     /* ebx: end of the table, walks down */
reloc_next:
    cmpl %edx, %ebx
    jbe reloc_done
    subl %eax, %ebx
    cmpl $PT_LOAD, (%ebx)
    jne reloc_next
    movl 24(%ebx), %esi         /* p_paddr */
    movl 16(%ebx), %edi         /* p_vaddr */
    movl 32(%ebx), %ecx         /* p_filesz */
    cmpl %esi, %edi
    je reloc_next
    jecxz reloc_next
    /* Backwards: the odd tail bytes, then dwords (under TCG each
     * iteration of a rep is a dispatch of its own: 4x fewer). */
    leal -1(%esi, %ecx), %esi
    leal -1(%edi, %ecx), %edi
    std
    andl $3, %ecx
    rep movsb
    movl 32(%ebx), %ecx         /* p_filesz again */
    shrl $2, %ecx
    subl $3, %esi
    subl $3, %edi
    rep movsl
    cld
    jmp reloc_next
reloc_done:
    /*
     * .bss, including the boot page tables and stack below, must read as
     * zero. A multiboot loader zeroes it itself: the header's bss_end_addr
     * tells it to (multiboot spec 3.1.3; QEMU builds the image with a
     * zeroed .bss before copying it in), and nothing runs between the
     * loader and us. A PVH loader zeroes each segment's p_memsz tail at
     * its physical address, which is not where .bss lives (image.ld), so
     * only on PVH is it zeroed here. Under TCG this store loop was the
     * largest part of the boot (one dispatch per byte).
     */
    cmpl $PVH_START_MAGIC, (%esp)
    je 4f
    cmpl $MB_LOADER_MAGIC, %ebp
    je 5f
4:  xorl %eax, %eax
    movl $__bss_start, %edi
    movl $__bss_end, %ecx
    subl %edi, %ecx
    movl %ecx, %edx
    shrl $2, %ecx
    rep stosl
    movl %edx, %ecx
    andl $3, %ecx
    rep stosb
5:

    /* kernel_main(magic, info): keep them in the SysV argument registers. */
    movl %ebp, %edi
    movl %esp, %esi
    movl $boot_stack_top, %esp

    /* PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] = i * 2 MiB (identity, 1 GiB). */
    movl $boot_pdpt + (PTE_P | PTE_W), boot_pml4
    movl $boot_pd + (PTE_P | PTE_W), boot_pdpt
    xorl %ecx, %ecx
1:  movl %ecx, %eax
    shll $21, %eax
    orl $(PTE_P | PTE_W | PTE_PS), %eax
    movl %eax, boot_pd(, %ecx, 8)
    incl %ecx
    cmpl $512, %ecx
    jb 1b

    movl %cr4, %eax
    orl $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
    movl %eax, %cr4
    movl $boot_pml4, %eax
    movl %eax, %cr3

    /* Long mode, plus no-execute when the CPU has it (paging.c checks
     * EFER.NXE before it uses the NX bit). */
    movl $0x80000001, %eax
    cpuid
    movl $EFER_LME, %ebx
    testl $CPUID_EXT_NX, %edx
    jz 2f
    orl $EFER_NXE, %ebx
2:  movl $MSR_EFER, %ecx
    rdmsr
    orl %ebx, %eax
    wrmsr

    /* Paging on activates long mode; FPU/SSE usable (EM clear, MP set). */
    movl %cr0, %eax
    andl $~CR0_EM, %eax
    orl $(CR0_PE | CR0_MP | CR0_PG), %eax
    movl %eax, %cr0

    lgdt boot_gdt_ptr
    ljmp $0x08, $start64

    .code64
start64:
    movw $0x10, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    xorl %eax, %eax
    movw %ax, %fs
    movw %ax, %gs
    fninit
    /* Upper halves of 64-bit registers are undefined after the switch. */
    movl %edi, %edi
    movl %esi, %esi
    movl $boot_stack_top, %esp
    /* boot_stack_top is 16-byte aligned: the call leaves rsp+8 aligned as
     * the SysV ABI expects on function entry. */
    call kernel_main
3:  ud2
    jmp 3b
    .size _start32, . - _start32

/* Temporary GDT: null, 64-bit code (0x08), data (0x10); trap.c replaces it.
 * In .data because the CPU sets the accessed bit of a descriptor it loads. */
    .section .data.boot, "aw", @progbits
    .balign 8
boot_gdt:
    .quad 0
    .quad 0x00af9a000000ffff
    .quad 0x00cf92000000ffff
boot_gdt_end:
boot_gdt_ptr:
    .word boot_gdt_end - boot_gdt - 1
    .quad boot_gdt

/*
 * The TSC at entry (boot_timing.c). In the text segment, which the loaders
 * put at its final address: .data and .bss are not there yet at entry.
 * Written once, before paging makes text read-only.
 */
    .section .text.boot, "ax", @progbits
    .balign 8
    .globl boot_tsc_entry
    .type boot_tsc_entry, @object
    .size boot_tsc_entry, 8
boot_tsc_entry:
    .quad 0

/*
 * Boot page tables and stack. boot_stack_guard is the page below the stack;
 * paging_init() leaves it unmapped so that overflowing the boot stack faults
 * instead of silently corrupting .bss.
 */
    .section .bss.boot, "aw", @nobits
    .balign 4096
boot_pml4:
    .skip 4096
boot_pdpt:
    .skip 4096
boot_pd:
    .skip 4096
    .globl boot_stack_guard
boot_stack_guard:
    .skip 4096
    .globl boot_stack_top
boot_stack:
    .skip BOOT_STACK_SIZE
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
