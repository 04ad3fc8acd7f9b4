#!/bin/bash
# syscall_cost.sh: cycles per getpid() and clock_gettime() in a ukcc image and in a Linux microVM.
#
# The same source (bench/syscall_cost.c, which says what exactly is timed)
# runs as a ukcc image and as /init of the Linux microVM (linux_vm.sh's
# kernel, same QEMU machine and accelerator). TSC ticks per call, the best
# of 5 rounds of N calls. Under TCG the TSC counts host time, so the
# numbers compare the two guests on this QEMU, not bare-metal cycles.
# Usage: syscall_cost.sh [N] [MACHINE]
# Prints: | machine | N | call | ukcc cycles | Linux cycles | Linux/ukcc |
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n=${1:-100000}
machine=${2:-microvm}
src=$top/bench/syscall_cost.c

"$bin/ukcc" -O2 -o "$work/syscall_cost.img" "$src"
uk=$("$bin/ukrun" --machine "$machine" "$work/syscall_cost.img" -- "$n" </dev/null)
kernel=$(linux_kernel)
linux_initramfs "$work/syscall-cost-initramfs.cpio" "$src" -O2 \
    -DLINUX_INIT -DSYSCALL_COST_N="$n"
rm -f "$work/sc-linux.ctl"
linux=$(qemu_linux "$machine" 128M "$kernel" "$work/syscall-cost-initramfs.cpio" \
    "$work/sc-linux.ctl" </dev/null 2>&1 || true)
grep -q '^UKEXIT 0$' "$work/sc-linux.ctl" ||
    { echo "syscall_cost.sh: Linux did not reach its exit" >&2; exit 1; }

cycles() { # output call -> cycles/call
    sed -nE "s/.*syscall_cost: $2 ([0-9.]+) cycles\/call.*/\1/p" <<<"$1" | head -n 1
}
for call in getpid clock_gettime; do
    u=$(cycles "$uk" $call)
    l=$(cycles "$linux" $call)
    [ -n "$u" ] && [ -n "$l" ] ||
        { echo "syscall_cost.sh: no $call result" >&2; exit 1; }
    echo "| $machine | $n | $call | $u | $l | $(ratio "$l" "$u") |"
done
