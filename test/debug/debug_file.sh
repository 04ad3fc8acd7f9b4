#!/usr/bin/env bash
# debug_file.sh: ukcc leaves app.img.debug (symbols, line tables) beside a stripped image; -s leaves none.
#
# usage: debug_file.sh BINDIR
here=$(cd "$(dirname "$0")" && pwd)
bindir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npass=0
nfail=0
pass() { echo "[PASS] $1"; npass=$((npass + 1)); }
fail() { echo "[FAIL] $1: $2"; nfail=$((nfail + 1)); }

img=$work/t.img
"$bindir/ukcc" -o "$img" "$here/gdb_target.c" || fail build "ukcc failed"
[ -z "$(llvm-nm-19 "$img" 2>/dev/null)" ] && pass image-stripped ||
    fail image-stripped "the image has symbols"
llvm-nm-19 "$img.debug" 2>/dev/null | grep -q ' compute$' &&
    pass debug-has-symbols || fail debug-has-symbols "no compute in $img.debug"
addr=$(llvm-nm-19 "$img.debug" | awk '$3 == "compute" {print $1}')
llvm-symbolizer-19 --obj="$img.debug" "0x$addr" | grep -q 'gdb_target\.c:[0-9]' &&
    pass debug-has-lines || fail debug-has-lines "no line table for compute"
cmp -s <(llvm-readelf-19 -l "$img" | grep LOAD | awk '{print $3, $6}') \
    <(llvm-readelf-19 -l "$img.debug" | grep LOAD | awk '{print $3, $6}') &&
    pass same-layout || fail same-layout "image and .debug load differently"
"$bindir/ukcc" -s -o "$img" "$here/gdb_target.c" || fail build-s "ukcc -s failed"
[ ! -e "$img.debug" ] && pass strip-removes-debug ||
    fail strip-removes-debug "a stale $img.debug is left after -s"
[ -z "$(ls -A "$work" | grep -v '^t\.img$')" ] && pass no-temporaries ||
    fail no-temporaries "$(ls -A "$work")"
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
