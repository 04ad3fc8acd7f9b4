/* harden.c: the image's protections hold with ukcc's default flags. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* x86 "ret": a function that does nothing, as bytes to copy and call. */
static const unsigned char ret_insn[] = {0xc3};
static unsigned char data_code[16] = {0xc3};
static const char *volatile long_text = "eleven char";
extern uintptr_t __stack_chk_guard;

__attribute__((noinline)) static void call_bytes(void *p)
{
    printf("calling %p\n", p);
    fflush(stdout);
    ((void (*)(void))p)();
    printf("executed code at %p\n", p); /* the property is gone */
}

/* No -fstack-protector* flag is given: ukcc's default must catch this. */
__attribute__((noinline)) static void smash(void)
{
    char small[8];

    strcpy(small, long_text);
    printf("copied %s\n", small);
}

static int recurse(int n)
{
    volatile char pad[1024];

    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

/* A thread's stack has a guard page too (pthread_create's, from mmap). */
static void *thread_overflow(void *arg)
{
    (void)arg;
    return (void *)(long)recurse(0);
}

/* FNV-1a of the canary, so two boots can be compared without printing the
 * secret itself; also check that the thread's copy (%fs:0x28) is the same. */
static void canary(void)
{
    uintptr_t guard = __stack_chk_guard, tls;
    uint64_t h = 0xcbf29ce484222325ULL;

    __asm__ volatile("mov %%fs:0x28, %0" : "=r"(tls));
    for (size_t i = 0; i < sizeof guard; i++)
        h = (h ^ ((guard >> (8 * i)) & 0xff)) * 0x100000001b3ULL;
    printf("canary hash %016llx, %s, tls copy %s\n", (unsigned long long)h,
           guard ? "non-zero" : "ZERO", tls == guard ? "matches" : "DIFFERS");
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    unsigned char stack_code[16];
    unsigned char *heap_code;

    printf("testing: %s\n", what);
    fflush(stdout);
    if (!strcmp(what, "nx_stack")) {
        memcpy(stack_code, ret_insn, sizeof ret_insn);
        call_bytes(stack_code);
    } else if (!strcmp(what, "nx_heap")) {
        heap_code = malloc(64);
        memcpy(heap_code, ret_insn, sizeof ret_insn);
        call_bytes(heap_code);
    } else if (!strcmp(what, "nx_data")) {
        call_bytes(data_code);
    } else if (!strcmp(what, "ro_data")) {
        *(volatile unsigned char *)ret_insn = 0x90;
        printf("wrote to .rodata\n");
    } else if (!strcmp(what, "smash")) {
        smash();
    } else if (!strcmp(what, "thread_stack")) {
        pthread_t t;
        void *r;
        pthread_create(&t, NULL, thread_overflow, NULL);
        pthread_join(t, &r);
        printf("thread returned\n");
    } else if (!strcmp(what, "canary")) {
        canary();
    } else {
        printf("unknown test\n");
        return 1;
    }
    return 0;
}
