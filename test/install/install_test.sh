#!/bin/bash
# install_test.sh: ukcc and ukrun work after `cmake --install`, found by their own path.
# Usage: install_test.sh BUILDDIR SRCDIR WORKDIR
set -u
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
. "$(dirname "$0")/../lib.sh"

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1
result $? "cmake --install"
test -x "$work/prefix/bin/ukcc" && test -x "$work/prefix/bin/ukrun" &&
    test -f "$work/prefix/lib/ukcc/lib/libc.a" &&
    test -f "$work/prefix/lib/ukcc/include/stdio.h"
result $? "installed layout: bin/ukcc bin/ukrun lib/ukcc/{lib,include}"

# Run the installed tools from another directory, through a symlink too.
mkdir -p "$work/elsewhere"
ln -s "$work/prefix/bin/ukcc" "$work/elsewhere/cc-link"
cd "$work/elsewhere" || exit 1
env -u UKCC_SYSROOT "$work/elsewhere/cc-link" -Os -o hello.img \
    "$src/samples/hello/hello.c"
result $? "installed ukcc (through a symlink) links hello"
out=$("$work/prefix/bin/ukrun" --timeout 60 hello.img -- installed 2>&1)
st=$?
[ $st = 0 ] && grep -qx 'argv\[1\] = installed' <<<"$out"
result $? "installed ukrun boots it"
[ $st = 0 ] || echo "$out"

summary
