#!/bin/bash
# boot_time.sh: boot-to-exit wall time of hello under ukrun against the QEMU floor.
#
# The floor is an image whose first instructions report an exit status: what
# QEMU itself costs to start and stop. Runs are interleaved (floor, hello,
# floor, hello, ...) so that machine noise hits both alike. The CPU time
# (user + system of ukrun and QEMU, all threads) is given too: on a loaded
# host it moves far less than the wall time, which includes waiting for a core.
# Usage: boot_time.sh [RUNS] [MACHINE]
# Prints: | machine | runs | floor ms | hello ms | ratio |
#         floor CPU ms | hello CPU ms | ratio |
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
machine=${2:-microvm}

"$bin/ukcc" -Os -o "$work/hello.img" "$top/samples/hello/hello.c"
clang-19 --target=x86_64-linux-gnu -c -o "$work/floor.o" "$top/test/ukrun/exit_image.S"
ld.lld-19 -T "$top/test/ukrun/exit_image.ld" -z max-page-size=4096 -o "$work/floor.img" "$work/floor.o"

# seconds: "0m1.250s" (bash's `times`) -> microseconds
times_us() { sed -E 's/([0-9]+)m([0-9.]+)s/\1 \2/' | awk '{printf "%.0f\n", ($1 * 60 + $2) * 1e6}'; }

# time_one IMAGE STATUS STEM: wall us >> STEM.us, CPU us >> STEM.cpu
time_one() {
    local t0 t1 st=0 cpu
    t0=$(now_ns)
    # A subshell: `times` then reports exactly this run's children.
    cpu=$(
        "$bin/ukrun" --machine "$machine" "$1" >/dev/null 2>&1 </dev/null
        echo "status $?"
        times # not in a pipe: that would be a subshell without children
    )
    t1=$(now_ns)
    st=$(sed -n 's/^status //p' <<<"$cpu")
    if [ "$st" != "$2" ]; then
        echo "boot_time.sh: $1 exited $st, expected $2" >&2
        exit 1
    fi
    echo $(((t1 - t0) / 1000)) >>"$3.us"
    tail -n 1 <<<"$cpu" | tr ' ' '\n' | times_us | awk '{t += $1} END {print t}' >>"$3.cpu"
}

: >"$work/floor.us"
: >"$work/hello.us"
: >"$work/floor.cpu"
: >"$work/hello.cpu"
for _ in $(seq "$runs"); do
    time_one "$work/floor.img" 200 "$work/floor"
    time_one "$work/hello.img" 0 "$work/hello"
done
f=$(median <"$work/floor.us")
h=$(median <"$work/hello.us")
fc=$(median <"$work/floor.cpu")
hc=$(median <"$work/hello.cpu")
echo "| $machine | $runs | $(awk -v v="$f" 'BEGIN{printf "%.1f", v/1000}') ($(spread <"$work/floor.us" | awk -F- '{printf "%.1f-%.1f", $1/1000, $2/1000}')) | $(awk -v v="$h" 'BEGIN{printf "%.1f", v/1000}') ($(spread <"$work/hello.us" | awk -F- '{printf "%.1f-%.1f", $1/1000, $2/1000}')) | $(ratio "$h" "$f") | $(awk -v v="$fc" 'BEGIN{printf "%.1f", v/1000}') | $(awk -v v="$hc" 'BEGIN{printf "%.1f", v/1000}') | $(ratio "$hc" "$fc") |"
