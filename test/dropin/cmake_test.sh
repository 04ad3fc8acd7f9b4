#!/bin/bash
# cmake_test.sh: CMake takes ukcc as its C compiler and builds samples/cmake-hello into an image.
#
# Usage: cmake_test.sh BUILDDIR SRCDIR WORKDIR
# Configures with -DCMAKE_C_COMPILER=<build>/bin/ukcc (compiler detection,
# the ABI test program that CMake links, check_* try_compile probes), builds
# the static library and the executable with make and with ninja, and boots
# the result.
set -u
build=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
rm -rf "$work"
mkdir -p "$work"
ukcc=$build/bin/ukcc
sample=$src/samples/cmake-hello

try_generator() { # name cmake-generator
    local b=$work/$1 out st
    cmake -S "$sample" -B "$b" -G "$2" -DCMAKE_C_COMPILER="$ukcc" \
        >"$b.log" 2>&1
    st=$?
    result $st "$1: cmake -DCMAKE_C_COMPILER=ukcc configures"
    [ $st = 0 ] || show_log "$b.log"
    # CMake links its ABI test program; only when that link works does it
    # record the compiler as working without a separate test.
    local cc_cmake=("$b"/CMakeFiles/*/CMakeCCompiler.cmake)
    grep -q 'set(CMAKE_C_ABI_COMPILED TRUE)' "${cc_cmake[@]}" &&
        grep -q 'set(CMAKE_C_COMPILER_WORKS TRUE)' "${cc_cmake[@]}" &&
        grep -q 'Looking for clock_gettime - found' "$b.log"
    result $? "$1: CMake linked its test programs (ABI, check_symbol_exists)"
    cmake --build "$b" >>"$b.log" 2>&1
    st=$?
    result $st "$1: cmake --build: static library and executable"
    [ $st = 0 ] || show_log "$b.log"
    nm -A "$b/libgreet.a" 2>/dev/null | grep -q ' T greet_format$'
    result $? "$1: libgreet.a is indexed (greet_format defined)"
    [ -x "$b/hello" ] && head -c 4 "$b/hello" | grep -q ELF
    result $? "$1: hello is an executable ELF image"
    "$build/bin/ukrun" --timeout 60 "$b/hello" -- 2 4 6 ada >"$b.out" 2>&1
    st=$?
    out=$(tr -d '\r' <"$b.out")
    [ "$st" = 0 ] && [ "$out" = "$(printf '%s\n' 'Hello, 2!' 'Hello, 4!' \
        'Hello, 6!' 'Hello, ada!' 'mean 3.000 stddev 2.236')" ]
    result $? "$1: the image runs (library code, libm, clock_gettime)"
    [ "$st" = 0 ] || echo "$out"
    "$build/bin/ukrun" --timeout 60 "$b/hello" >/dev/null 2>&1
    [ $? = 1 ]
    result $? "$1: exit status of main comes back"
}

try_generator make "Unix Makefiles"
if command -v ninja >/dev/null; then
    try_generator ninja Ninja
else
    echo "[SKIP] ninja: not installed"
fi

finish
