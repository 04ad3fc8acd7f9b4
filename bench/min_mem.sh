#!/bin/bash
# min_mem.sh: the smallest guest memory (MiB, by bisection) at which hello still runs correctly.
#
# ukcc: samples/hello (it mallocs a 3 MiB block) and a puts-only hello; Linux
# microVM: the same kernel + initramfs as linux_vm.sh. Prints a table row.
# Usage: min_mem.sh [MACHINE] [--quick]   (--quick: the puts hello only)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
machine=${1:-microvm}
quick=${2:-}

if [ "$quick" != --quick ]; then
    kernel=$(linux_kernel)
    linux_initramfs "$work/linux-initramfs.cpio"
fi
"$bin/ukcc" -Os -o "$work/hello.img" "$top/samples/hello/hello.c"
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >"$work/puts.c"
"$bin/ukcc" -Os -o "$work/puts.img" "$work/puts.c"

runs_uk() { # image MiB
    local out
    out=$(timeout 60 "$bin/ukrun" --machine "$machine" --mem "${2}M" --timeout 30 "$1" 2>&1 </dev/null) &&
        grep -Eq '^(tls 42|hello)' <<<"$out"
}
runs_linux() { # MiB
    rm -f "$work/mm.ctl"
    timeout 60 bash -c "source '$top/bench/lib.sh'; qemu_linux '$machine' '${1}M' '$kernel' '$work/linux-initramfs.cpio' '$work/mm.ctl'" \
        >"$work/mm.out" 2>&1 </dev/null || true
    grep -q '^UKEXIT 0$' "$work/mm.ctl" 2>/dev/null && grep -q 'Hello from Linux' "$work/mm.out"
}
bisect() { # predicate... : smallest MiB in [1, 512] for which it holds
    local lo=1 hi=512 mid
    "$@" $hi || { echo "n/a"; return; }
    while [ $lo -lt $hi ]; do
        mid=$(((lo + hi) / 2))
        if "$@" $mid; then hi=$mid; else lo=$((mid + 1)); fi
    done
    echo $lo
}
p=$(bisect runs_uk "$work/puts.img")
h=n/a l=n/a
if [ "$quick" != --quick ]; then
    h=$(bisect runs_uk "$work/hello.img")
    l=$(bisect runs_linux)
fi
echo "| $machine | $p | $h | $l | $(ratio "$l" "$p") |"
