#!/bin/bash
# guest_boot.sh: guest-side boot time of hello: kernel entry -> main -> exit, from the guest's TSC.
#
# `ukrun --boot-timing` makes the kernel report, at exit, the TSC-measured
# time from its first instruction to main and from main to exit
# (kernel/boot_timing.c). What QEMU spends before the first instruction is
# not visible to the guest: the floor image (the first instructions exit)
# bounds it, start plus exit, in wall time. Medians over RUNS, interleaved.
# Usage: guest_boot.sh [RUNS] [MACHINE]
# Prints: | machine | runs | entry->main us (min-max) | main->exit us | floor ms |
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
machine=${2:-microvm}

"$bin/ukcc" -Os -o "$work/hello.img" "$top/samples/hello/hello.c"
clang-19 --target=x86_64-linux-gnu -c -o "$work/floor.o" "$top/test/ukrun/exit_image.S"
ld.lld-19 -T "$top/test/ukrun/exit_image.ld" -z max-page-size=4096 -o "$work/floor.img" "$work/floor.o"

: >"$work/gb-main.us"
: >"$work/gb-exit.us"
: >"$work/gb-floor.us"
for _ in $(seq "$runs"); do
    t0=$(now_ns)
    st=0
    "$bin/ukrun" --machine "$machine" "$work/floor.img" >/dev/null 2>&1 </dev/null || st=$?
    t1=$(now_ns)
    [ $st = 200 ] || { echo "guest_boot.sh: floor exited $st, expected 200" >&2; exit 1; }
    echo $(((t1 - t0) / 1000)) >>"$work/gb-floor.us"
    line=$("$bin/ukrun" --machine "$machine" --boot-timing "$work/hello.img" 2>&1 >/dev/null </dev/null |
        grep '^ukcc: boot timing:') ||
        { echo "guest_boot.sh: no boot timing line from hello" >&2; exit 1; }
    sed -E 's/.*entry->main ([0-9]+) us.*/\1/' <<<"$line" >>"$work/gb-main.us"
    sed -E 's/.*main->exit ([0-9]+) us.*/\1/' <<<"$line" >>"$work/gb-exit.us"
done
int() { awk '{printf "%.0f\n", $1}'; }
echo "| $machine | $runs | $(median <"$work/gb-main.us" | int) ($(spread <"$work/gb-main.us")) | $(median <"$work/gb-exit.us" | int) ($(spread <"$work/gb-exit.us")) | $(median <"$work/gb-floor.us" | awk '{printf "%.1f", $1 / 1000}') |"
