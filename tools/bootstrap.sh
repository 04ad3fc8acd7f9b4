#!/bin/sh
# bootstrap.sh: from a fresh Debian 12 machine to a booted sample, in one command.
#
# Installs the missing Debian packages, fetches and builds musl from Debian's
# source package (cached in .deps/), builds ukcc into build/, then compiles
# samples/hello with ukcc and boots it with ukrun.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${UKCC_BUILD_DIR:-$top/build}

"$top/tools/deps.sh"
cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)"

echo "bootstrap: ukcc -o $build/hello.img samples/hello/hello.c"
"$build/bin/ukcc" -Os -o "$build/hello.img" "$top/samples/hello/hello.c"
echo "bootstrap: ukrun $build/hello.img -- world 42"
"$build/bin/ukrun" "$build/hello.img" -- world 42
echo "bootstrap: done. Add $build/bin to PATH to use ukcc and ukrun."
