#!/bin/bash
# boot_time.sh: boot-to-exit wall time of hello under ukrun against the QEMU floor.
#
# The floor is an image whose first instructions report an exit status: what
# QEMU itself costs to start and stop. Runs are interleaved (floor, hello,
# floor, hello, ...) so that machine noise hits both alike.
# Usage: boot_time.sh [RUNS] [MACHINE]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
machine=${2:-microvm}

"$bin/ukcc" -Os -o "$work/hello.img" "$top/samples/hello/hello.c"
clang-19 --target=x86_64-linux-gnu -c -o "$work/floor.o" "$top/test/ukrun/exit_image.S"
ld.lld-19 -T "$top/test/ukrun/exit_image.ld" -z max-page-size=4096 -o "$work/floor.img" "$work/floor.o"

time_one() { # image expected-status -> milliseconds
    local t0 t1 st=0
    t0=$(now_ns)
    "$bin/ukrun" --machine "$machine" "$1" >/dev/null 2>&1 </dev/null || st=$?
    t1=$(now_ns)
    if [ "$st" != "$2" ]; then
        echo "boot_time.sh: $1 exited $st, expected $2" >&2
        exit 1
    fi
    echo $(((t1 - t0) / 1000))
}

: >"$work/floor.us"
: >"$work/hello.us"
for _ in $(seq "$runs"); do
    time_one "$work/floor.img" 200 >>"$work/floor.us"
    time_one "$work/hello.img" 0 >>"$work/hello.us"
done
f=$(median <"$work/floor.us")
h=$(median <"$work/hello.us")
echo "| $machine | $runs | $(awk -v v="$f" 'BEGIN{printf "%.1f", v/1000}') ($(spread <"$work/floor.us" | awk -F- '{printf "%.1f-%.1f", $1/1000, $2/1000}')) | $(awk -v v="$h" 'BEGIN{printf "%.1f", v/1000}') ($(spread <"$work/hello.us" | awk -F- '{printf "%.1f-%.1f", $1/1000, $2/1000}')) | $(ratio "$h" "$f") |"
