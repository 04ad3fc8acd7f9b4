/* ukrun.c: boot a ukcc image under QEMU so that it behaves like a program. */
#include <stdio.h>
#include <sys/wait.h>

#include "ukrun.h"

/* Turn how QEMU ended into ukrun's exit status. The guest's own report in
 * the control file wins; everything else is explained on stderr. */
static int ukrun_exit_status(const struct ukrun_opts *o,
                             const struct run_result *r, const char *ctlpath)
{
    int status, code;

    if (ctlfile_read_status(ctlpath, &status))
        return status;
    if (r->timed_out) {
        ukrun_note("timeout: guest still running after %u s", o->timeout);
        return UKRUN_EXIT_TIMEOUT;
    }
    if (r->forwarded)
        run_die_by_signal(r->forwarded);
    if (WIFSIGNALED(r->wait_status)) {
        ukrun_note("qemu killed by signal %d", WTERMSIG(r->wait_status));
        return 128 + WTERMSIG(r->wait_status);
    }
    code = WEXITSTATUS(r->wait_status);
    if (code == 0)
        ukrun_note("guest stopped without reporting an exit status "
                   "(triple fault?)");
    else if (code == 1)
        ukrun_note("qemu failed (exit status %d)", code);
    else /* isa-debug-exit's odd statuses, without the UKEXIT line */
        ukrun_note("qemu failed (exit status %d; did the guest write to "
                   "isa-debug-exit without reporting UKEXIT?)",
                   code);
    return UKRUN_EXIT_ERROR;
}

int main(int argc, char **argv)
{
    struct ukrun_opts opts = {0};
    struct run_result result;
    char *cmdline, *ctlpath, **qemu_argv;
    enum accel accel;

    args_parse(argc, argv, &opts);
    image_check(opts.image);
    net_resolve(&opts);
    accel = accel_choose(opts.accel);
    stdio_setup();
    cmdline = cmdline_build(&opts);
    ctlpath = ctlfile_template();
    if (opts.dry_run) {
        qemu_argv = qemu_build_argv(&opts, accel, cmdline, ctlpath);
        qemu_print_argv(stdout, qemu_argv);
        return 0;
    }
    ctlfile_create(ctlpath);
    net_inject_prepare(&opts);
    opts.boot_image = image_boot_path(opts.image, ctlpath);
    qemu_argv = qemu_build_argv(&opts, accel, cmdline, ctlpath);
    if (opts.verbose)
        qemu_print_argv(stderr, qemu_argv);
    if (opts.gdb)
        gdb_prepare(&opts);
    fflush(NULL);
    run_qemu(qemu_argv, opts.timeout, &result);
    stdio_restore();
    symbolize_backtrace(opts.image, ctlpath);
    return ukrun_exit_status(&opts, &result, ctlpath);
}
