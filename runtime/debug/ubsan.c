/* ubsan.c: the hooks of -fsanitize=undefined -fsanitize-minimal-runtime. */
#include "runtime.h"

/*
 * clang's minimal runtime interface: for each check NAME a call to
 * __ubsan_handle_NAME_minimal (the program continues) or, under
 * -fno-sanitize-recover, __ubsan_handle_NAME_minimal_abort. No source
 * location is passed: the report gives the caller's address and a
 * backtrace, which ukrun turns into file:line. Like clang's own minimal
 * runtime, a check that keeps failing at one place is reported once.
 */
#define UBSAN_SEEN_MAX 32

static uint64_t ubsan_seen[UBSAN_SEEN_MAX];
static int ubsan_nseen;

static int ubsan_first_time(uint64_t pc)
{
    for (int i = 0; i < ubsan_nseen; i++)
        if (ubsan_seen[i] == pc)
            return 0;
    if (ubsan_nseen < UBSAN_SEEN_MAX)
        ubsan_seen[ubsan_nseen++] = pc;
    return 1;
}

/* pc: the return address of the hook, just after the failed check. */
static void ubsan_report(const char *what, int fatal, void *ret)
{
    uint64_t pc = (uint64_t)ret;

    if (!fatal && !ubsan_first_time(pc))
        return;
    kprintf("ukcc: %s: undefined behaviour: %s at 0x%lx\n",
            fatal ? "fatal" : "warning", what, pc);
    backtrace_print_here();
    if (fatal)
        kernel_exit(EXIT_SIGABRT);
}

#define UBSAN_HANDLER(name, what)                                          \
    __attribute__((noinline)) void __ubsan_handle_##name##_minimal(void)   \
    {                                                                      \
        ubsan_report(what, 0, __builtin_return_address(0));                \
    }                                                                      \
    __attribute__((noinline)) _Noreturn void                               \
        __ubsan_handle_##name##_minimal_abort(void)                        \
    {                                                                      \
        ubsan_report(what, 1, __builtin_return_address(0));                \
        __builtin_unreachable();                                           \
    }

UBSAN_HANDLER(type_mismatch, "type mismatch (null, misaligned or too small "
                             "object)")
UBSAN_HANDLER(alignment_assumption, "alignment assumption violated")
UBSAN_HANDLER(add_overflow, "signed integer overflow in addition")
UBSAN_HANDLER(sub_overflow, "signed integer overflow in subtraction")
UBSAN_HANDLER(mul_overflow, "signed integer overflow in multiplication")
UBSAN_HANDLER(negate_overflow, "signed integer overflow in negation")
UBSAN_HANDLER(divrem_overflow, "division overflow or division by zero")
UBSAN_HANDLER(shift_out_of_bounds, "shift out of bounds")
UBSAN_HANDLER(out_of_bounds, "array index out of bounds")
UBSAN_HANDLER(local_out_of_bounds, "local array index out of bounds")
UBSAN_HANDLER(builtin_unreachable, "__builtin_unreachable() reached")
UBSAN_HANDLER(missing_return, "end of a value-returning function reached")
UBSAN_HANDLER(vla_bound_not_positive, "variable-length array bound not "
                                      "positive")
UBSAN_HANDLER(float_cast_overflow, "float to integer conversion overflow")
UBSAN_HANDLER(load_invalid_value, "load of an invalid value (bool or enum)")
UBSAN_HANDLER(invalid_builtin, "invalid argument to a builtin")
UBSAN_HANDLER(invalid_objc_cast, "invalid Objective-C cast")
UBSAN_HANDLER(function_type_mismatch, "call through a function pointer of "
                                      "the wrong type")
UBSAN_HANDLER(implicit_conversion, "implicit conversion changed the value")
UBSAN_HANDLER(nonnull_arg, "NULL passed as a nonnull argument")
UBSAN_HANDLER(nonnull_return, "NULL returned from a returns_nonnull "
                              "function")
UBSAN_HANDLER(nullability_arg, "NULL passed as a _Nonnull argument")
UBSAN_HANDLER(nullability_return, "NULL returned from a _Nonnull function")
UBSAN_HANDLER(pointer_overflow, "pointer arithmetic overflow")
UBSAN_HANDLER(cfi_check_fail, "control flow integrity check failed")
