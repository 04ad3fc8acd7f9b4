#!/bin/bash
# guest_boot.sh: guest-side boot time of hello: kernel entry -> main -> exit, from the guest's TSC.
#
# `ukrun --boot-timing` makes the kernel report, at exit, the TSC-measured
# time from its first instruction to main and from main to exit
# (kernel/boot_timing.c). What QEMU spends before the first instruction is
# not visible to the guest: the floor image (the first instructions exit)
# bounds it, start plus exit, in wall time. Medians over RUNS, interleaved.
# Usage: guest_boot.sh [RUNS] [MACHINE] [phases]
# Prints: | machine | runs | entry->main us (min-max) | main->exit us | floor ms |
# With "phases", then a second row: the median of each boot phase, in us
# (the kernel's "phases" line: boot.S, bootinfo, ..., libc = musl's start).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
machine=${2:-microvm}
phases=${3:-}

"$bin/ukcc" -Os -o "$work/hello.img" "$top/samples/hello/hello.c"
clang-19 --target=x86_64-linux-gnu -c -o "$work/floor.o" "$top/test/ukrun/exit_image.S"
ld.lld-19 -T "$top/test/ukrun/exit_image.ld" -z max-page-size=4096 -o "$work/floor.img" "$work/floor.o"

: >"$work/gb-main.us"
: >"$work/gb-exit.us"
: >"$work/gb-floor.us"
: >"$work/gb-phases.txt"
for _ in $(seq "$runs"); do
    t0=$(now_ns)
    st=0
    "$bin/ukrun" --machine "$machine" "$work/floor.img" >/dev/null 2>&1 </dev/null || st=$?
    t1=$(now_ns)
    [ $st = 200 ] || { echo "guest_boot.sh: floor exited $st, expected 200" >&2; exit 1; }
    echo $(((t1 - t0) / 1000)) >>"$work/gb-floor.us"
    report=$("$bin/ukrun" --machine "$machine" --boot-timing "$work/hello.img" 2>&1 >/dev/null </dev/null)
    line=$(grep '^ukcc: boot timing: entry->main' <<<"$report") ||
        { echo "guest_boot.sh: no boot timing line from hello" >&2; exit 1; }
    grep '^ukcc: boot timing: .*phases' <<<"$report" | sed 's/.*(us)://' >>"$work/gb-phases.txt" || true
    sed -E 's/.*entry->main ([0-9]+) us.*/\1/' <<<"$line" >>"$work/gb-main.us"
    sed -E 's/.*main->exit ([0-9]+) us.*/\1/' <<<"$line" >>"$work/gb-exit.us"
done
int() { awk '{printf "%.0f\n", $1}'; }
row_phases() { # the median of each phase over the runs: | name us | ...
    awk '{for (i = 1; i < NF; i += 2) print $i, $(i + 1)}' "$work/gb-phases.txt" |
        awk '!($1 in seen) {seen[$1] = 1; order[++n] = $1} {v[$1] = v[$1] " " $2}
            END {for (i = 1; i <= n; i++) print order[i] v[order[i]]}' |
        while read -r name values; do
            printf ' %s %s |' "$name" "$(tr ' ' '\n' <<<"$values" | median | int)"
        done
}
echo "| $machine | $runs | $(median <"$work/gb-main.us" | int) ($(spread <"$work/gb-main.us")) | $(median <"$work/gb-exit.us" | int) ($(spread <"$work/gb-exit.us")) | $(median <"$work/gb-floor.us" | awk '{printf "%.1f", $1 / 1000}') |"
if [ "$phases" = phases ]; then
    echo "| $machine phases (us) |$(row_phases)"
fi
