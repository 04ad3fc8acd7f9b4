#!/bin/bash
# image_size.sh: size of the hello image against the same source built static for Linux.
#
# Prints one markdown table row per program: ukcc image (kernel included),
# musl-gcc -static -Os, glibc gcc -static -Os (all stripped), and ratios.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

size_of() { stat -c %s "$1"; }

row() {
    local name=$1 src=$2 uk musl glibc
    "$bin/ukcc" -Os -o "$work/$name.img" "$src"
    uk=$(size_of "$work/$name.img")
    musl="n/a" glibc="n/a"
    if command -v musl-gcc >/dev/null; then
        musl-gcc -static -Os -s -o "$work/$name.musl" "$src"
        musl=$(size_of "$work/$name.musl")
    fi
    if gcc -static -Os -s -o "$work/$name.glibc" "$src" 2>/dev/null; then
        glibc=$(size_of "$work/$name.glibc")
    fi
    echo "| $name | $uk | $musl | $glibc | $(ratio "$uk" "$musl") | $(ratio "$uk" "$glibc") |"
}

echo "| program | ukcc image (B) | musl-gcc -static -Os (B) | glibc gcc -static -Os (B) | ukcc/musl | ukcc/glibc |"
echo "|---|---|---|---|---|---|"
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >"$work/puts.c"
row hello-puts "$work/puts.c"
row hello-printf "$top/samples/hello/hello.c"
