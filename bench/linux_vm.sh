#!/bin/bash
# linux_vm.sh: hello as a ukcc image against hello as /init of a Linux microVM.
#
# Same QEMU, machine type, accelerator, CPU and memory; both stop at the same
# event (an exit status on the debug console, then isa-debug-exit). Runs are
# interleaved. Prints a table row: machine, runs, ukcc ms, Linux ms, ratio,
# and the sizes (ukcc image vs kernel + initramfs).
# Usage: linux_vm.sh [RUNS] [MACHINE] [MEM]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-5}
machine=${2:-microvm}
mem=${3:-128M}

kernel=$(linux_kernel)
linux_initramfs "$work/linux-initramfs.cpio"
"$bin/ukcc" -Os -o "$work/hello.img" "$top/samples/hello/hello.c"

time_cmd() { # expected-status command... -> microseconds
    local want=$1 t0 t1 st=0
    shift
    t0=$(now_ns)
    "$@" >/dev/null 2>&1 </dev/null || st=$?
    t1=$(now_ns)
    [ "$st" = "$want" ] || { echo "linux_vm.sh: $1 exited $st, expected $want" >&2; exit 1; }
    echo $(((t1 - t0) / 1000))
}

: >"$work/vm-uk.us"
: >"$work/vm-linux.us"
for _ in $(seq "$runs"); do
    time_cmd 0 "$bin/ukrun" --machine "$machine" --mem "$mem" "$work/hello.img" >>"$work/vm-uk.us"
    # QEMU exits (0 << 1) | 1 = 1 through isa-debug-exit.
    time_cmd 1 qemu_linux "$machine" "$mem" "$kernel" "$work/linux-initramfs.cpio" "$work/vm-linux.ctl" >>"$work/vm-linux.us"
    grep -q '^UKEXIT 0$' "$work/vm-linux.ctl" || { echo "linux_vm.sh: Linux did not reach its exit" >&2; exit 1; }
    rm -f "$work/vm-linux.ctl"
done
u=$(median <"$work/vm-uk.us")
l=$(median <"$work/vm-linux.us")
uk_size=$(stat -c %s "$work/hello.img")
linux_size=$(($(stat -c %s "$kernel") + $(stat -c %s "$work/linux-initramfs.cpio")))
printf '| %s | %s | %.1f | %.1f | %s | %s | %s | %s |\n' "$machine" "$runs" \
    "$(awk -v v="$u" 'BEGIN{print v/1000}')" "$(awk -v v="$l" 'BEGIN{print v/1000}')" \
    "$(ratio "$l" "$u")" "$uk_size" "$linux_size" "$(ratio "$linux_size" "$uk_size")"
