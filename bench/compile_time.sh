#!/bin/bash
# compile_time.sh: wall time of `ukcc -o hello.img hello.c` against musl-gcc -static.
# Usage: compile_time.sh [RUNS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-5}
src=$top/samples/hello/hello.c

: >"$work/ukcc.us"
: >"$work/muslgcc.us"
for _ in $(seq "$runs"); do
    t0=$(now_ns)
    "$bin/ukcc" -o "$work/ct.img" "$src"
    t1=$(now_ns)
    echo $(((t1 - t0) / 1000)) >>"$work/ukcc.us"
    if command -v musl-gcc >/dev/null; then
        t0=$(now_ns)
        musl-gcc -static -o "$work/ct.musl" "$src"
        t1=$(now_ns)
        echo $(((t1 - t0) / 1000)) >>"$work/muslgcc.us"
    fi
done
u=$(median <"$work/ukcc.us")
m=$(median <"$work/muslgcc.us")
echo "| hello.c | $runs | $(awk -v v="$u" 'BEGIN{printf "%.3f", v/1e6}') | $(awk -v v="$m" 'BEGIN{printf "%.3f", v/1e6}') | $(ratio "$u" "$m") |"
