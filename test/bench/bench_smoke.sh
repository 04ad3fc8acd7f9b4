#!/bin/bash
# bench_smoke.sh: every benchmark script runs once with tiny counts and prints well-formed rows.
# Usage: bench_smoke.sh SRCDIR BUILDDIR WORKDIR
set -u
src=$1 build=$2 work=$3
export UKCC_BUILD_DIR=$build BENCH_WORK=$work
mkdir -p "$work"
pass=0 fail=0
num='[0-9]+(\.[0-9]+)?'

# rows SCRIPT REGEX ARGS...: every table row the script prints matches REGEX,
# and there is at least one.
rows() {
    local script=$1 re=$2
    shift 2
    local out
    out=$("$src/bench/$script" "$@" 2>&1)
    local st=$?
    local data
    data=$(grep '^| ' <<<"$out" | grep -v '^| program\|^| machine\|^| input')
    if [ $st = 0 ] && [ -n "$data" ] && ! grep -Evq "$re" <<<"$data"; then
        echo "[PASS] $script"
        pass=$((pass + 1))
    else
        echo "[FAIL] $script (status $st):"
        echo "$out"
        fail=$((fail + 1))
    fi
}

rows image_size.sh "^\| hello-[a-z]+ \| $num \| ($num|n/a) \| ($num|n/a) \| ($num|nan) \| ($num|nan) \|$" --quick
rows guest_boot.sh "^\| microvm \| 1 \| $num \($num-$num\) \| $num \($num-$num\) \| $num \|$" 1 microvm
rows guest_boot.sh "^\| microvm (\| 1 \| $num \($num-$num\) \| $num \($num-$num\) \| $num|phases \(us\)( \| [a-zA-Z.]+ $num)+) \|$" 1 microvm phases
rows syscall_cost.sh "^\| microvm \| 1000 \| (getpid|clock_gettime) \| $num \| $num \| ($num|nan) \|$" 1000 microvm
rows boot_time.sh "^\| microvm \| 1 \| $num \($num-$num\) \| $num \($num-$num\) \| $num \| $num \| $num \| ($num|nan) \|$" 1 microvm
rows linux_vm.sh "^\| microvm \| 1 \| $num \| $num \| $num \| $num \| $num \| $num \|$" 1 microvm
rows min_mem.sh "^\| microvm \| $num \| n/a \| n/a \| nan \|$" microvm --quick
rows stdio_throughput.sh "^\| microvm \| 1 \| 1 \| $num \| $num \| ($num|nan) \|$" 1 1 microvm
rows compile_time.sh "^\| hello\.c \| 1 \| $num \| ($num|nan) \| ($num|nan) \|$" 1
rows http.sh "^\| microvm \| 2 \| 2 \| $num \| $num \| $num \| $num \| $num \| $num \| $num \|$" --quick microvm
rows report_walk.sh "^\| (hello|httpd) \| 1 \| $num \| $num \| $num% \| $num \| [^|]+ \|$" 1

echo "$pass passed, $fail failed"
[ $fail = 0 ]
