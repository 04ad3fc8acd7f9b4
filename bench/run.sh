#!/bin/bash
# run.sh: run every benchmark and print a BENCHMARKS.md section (append it with --record).
# Usage: bench/run.sh [--record] [--quick]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
record=0 runs=10 cruns=5 lruns=5 mquick=
for a in "$@"; do
    case "$a" in
    --record) record=1 ;;
    --quick) runs=2 cruns=1 lruns=1 mquick=--quick ;;
    *) echo "run.sh: unknown option $a" >&2; exit 2 ;;
    esac
done
d=$(dirname "$0")
out=$work/section.md
{
    echo "## $(machine_line)"
    echo
    echo "### Image size (stripped bytes)"
    echo
    "$d/image_size.sh"
    echo
    echo "### Boot to exit under ukrun (ms, median of $runs, min-max), against the floor"
    echo
    echo "| machine | runs | floor | hello | hello/floor |"
    echo "|---|---|---|---|---|"
    "$d/boot_time.sh" "$runs" microvm
    "$d/boot_time.sh" "$runs" pc
    echo
    echo "### Against a Linux microVM (Debian cloud kernel + initramfs, /init = the same hello built musl-gcc -static)"
    echo
    echo "Boot to exit (ms, median), and image size (bytes): ukcc image vs kernel + initramfs."
    echo
    echo "| machine | runs | ukcc | Linux | Linux/ukcc | ukcc bytes | Linux bytes | Linux/ukcc |"
    echo "|---|---|---|---|---|---|---|---|"
    "$d/linux_vm.sh" "$lruns" microvm
    "$d/linux_vm.sh" "$lruns" pc
    echo
    echo "### Minimum guest memory (MiB, bisection)"
    echo
    echo "| machine | ukcc hello (puts) | ukcc samples/hello (3 MiB malloc) | Linux microVM | Linux/ukcc (puts) |"
    echo "|---|---|---|---|---|"
    "$d/min_mem.sh" microvm $mquick
    echo
    echo "### Compile and link time (s, median of $cruns)"
    echo
    echo "| input | runs | ukcc | musl-gcc -static | ukcc/musl-gcc |"
    echo "|---|---|---|---|---|"
    "$d/compile_time.sh" "$cruns"
    echo
} >"$out"
cat "$out"
if [ $record = 1 ]; then
    cat "$out" >>"$top/BENCHMARKS.md"
    echo "run.sh: appended to BENCHMARKS.md" >&2
fi
