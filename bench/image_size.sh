#!/bin/bash
# image_size.sh: size of the hello image against the same source built static for Linux.
#
# Prints one markdown table row per program (hello with puts, with printf,
# then every sample in samples/): ukcc image (kernel included), musl-gcc
# -static -Os, glibc gcc -static -Os (all stripped), and ratios.
# Usage: image_size.sh [--quick]   (--quick: the two hellos only)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

size_of() { stat -c %s "$1"; }

# row NAME SOURCES...: one program; a baseline that does not build (a
# sample that needs what the host libc lacks) is n/a.
row() {
    local name=$1 uk musl glibc
    shift
    "$bin/ukcc" -Os -o "$work/$name.img" "$@"
    uk=$(size_of "$work/$name.img")
    musl="n/a" glibc="n/a"
    if command -v musl-gcc >/dev/null &&
        musl-gcc -static -Os -s -o "$work/$name.musl" "$@" 2>/dev/null; then
        musl=$(size_of "$work/$name.musl")
    fi
    if gcc -static -Os -s -o "$work/$name.glibc" "$@" -lm 2>/dev/null; then
        glibc=$(size_of "$work/$name.glibc")
    fi
    echo "| $name | $uk | $musl | $glibc | $(ratio "$uk" "$musl") | $(ratio "$uk" "$glibc") |"
}

echo "| program | ukcc image (B) | musl-gcc -static -Os (B) | glibc gcc -static -Os (B) | ukcc/musl | ukcc/glibc |"
echo "|---|---|---|---|---|---|"
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >"$work/puts.c"
row hello-puts "$work/puts.c"
row hello-printf "$top/samples/hello/hello.c"
[ "${1:-}" = --quick ] && exit 0
# Every other sample: its C files, built as one program.
for dir in "$top"/samples/*/; do
    name=$(basename "$dir")
    [ "$name" = hello ] && continue
    srcs=("$dir"*.c)
    [ -e "${srcs[0]}" ] || continue
    if ! "$bin/ukcc" -Os -o "$work/sample-$name.img" "${srcs[@]}" 2>/dev/null; then
        echo "image_size.sh: samples/$name does not build with ukcc, left out" >&2
        continue
    fi
    row "sample-$name" "${srcs[@]}"
done
