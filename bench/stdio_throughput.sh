#!/bin/bash
# stdio_throughput.sh: MB/s of a binary stream through a guest's stdin to its stdout under ukrun.
#
# The guest copies stdin to stdout with read/write (test/stdio/stdio_prog.c).
# Each run is timed twice, with an empty input and with SIZE MiB of random
# bytes, so that boot and exit cancel out: throughput = SIZE / (full - empty),
# medians over RUNS. The output is also checked byte for byte.
# Usage: stdio_throughput.sh [SIZE_MIB] [RUNS] [MACHINE]
# Prints: | machine | MiB | runs | empty ms | full ms | MB/s |
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mib=${1:-10}
runs=${2:-5}
machine=${3:-microvm}

"$bin/ukcc" -O2 -o "$work/stdio_prog.img" "$top/test/stdio/stdio_prog.c"
head -c $((mib << 20)) /dev/urandom >"$work/stdio.in"

time_one() { # input -> milliseconds
    local t0 t1
    t0=$(now_ns)
    if ! "$bin/ukrun" --machine "$machine" "$work/stdio_prog.img" -- copy \
        <"$1" >"$work/stdio.out" 2>"$work/stdio.err"; then
        echo "stdio_throughput.sh: guest failed: $(head -c 300 "$work/stdio.err")" >&2
        exit 1
    fi
    t1=$(now_ns)
    if ! cmp -s "$1" "$work/stdio.out"; then
        echo "stdio_throughput.sh: output differs from input" >&2
        exit 1
    fi
    echo $(((t1 - t0) / 1000000))
}

: >"$work/stdio.empty.ms"
: >"$work/stdio.full.ms"
for _ in $(seq "$runs"); do
    time_one /dev/null >>"$work/stdio.empty.ms"
    time_one "$work/stdio.in" >>"$work/stdio.full.ms"
done
e=$(median <"$work/stdio.empty.ms")
f=$(median <"$work/stdio.full.ms")
rate=$(awk -v b=$((mib << 20)) -v e="$e" -v f="$f" 'BEGIN {
    if (f <= e) print "nan"; else printf "%.1f\n", b / 1e6 / ((f - e) / 1000) }')
echo "| $machine | $mib | $runs | $e | $f | $rate |"
