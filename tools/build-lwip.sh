#!/bin/sh
# build-lwip.sh: build ukcc's lwIP (core, IPv4, Ethernet) into the sysroot.
#
# Usage: tools/build-lwip.sh CACHE_DIR SYSROOT
# Needs musl's headers in SYSROOT/include (build-musl.sh first). Compiles
# lwIP's core with our port headers (runtime/net/port) like musl: fat LTO
# objects, one section per function. The build is keyed by a hash of what
# shapes it (this script, port headers, patches, compiler) and kept in
# CACHE_DIR. Output: SYSROOT/lib/libuklwip.a and lwIP's headers in
# SYSROOT/lwip/include (for the runtime only: not on programs' path).
set -eu
cache=$1 sysroot=$2
top=$(cd "$(dirname "$0")/.." && pwd)
port="$top/runtime/net/port"
patches="$top/runtime/net/patches"
CC=${UK_CLANG:-clang-19}
AR=${UK_AR:-llvm-ar-19}
RANLIB=${UK_RANLIB:-llvm-ranlib-19}

src=$("$top/tools/fetch-source.sh" lwip 2.1.3 "$cache")

CFLAGS="--target=x86_64-linux-musl -Oz -g -fno-pic -fno-pie -flto
-ffat-lto-objects -ffunction-sections -fdata-sections
-fno-asynchronous-unwind-tables -fno-unwind-tables -fno-stack-protector
-fno-omit-frame-pointer -ffreestanding -fno-strict-aliasing -w"
# The core without IPv6; files for disabled features compile to nothing.
FILES="src/core/*.c src/core/ipv4/*.c src/netif/ethernet.c"

key=$({
    cat "$0" "$port"/*.h "$port"/arch/*.h
    cat "$patches"/*.patch 2>/dev/null || true
    "$CC" --version | head -n 1
    echo "$CFLAGS"
} | sha256sum | cut -c1-16)
out="$cache/lwip-2.1.3-$key"

mkdir -p "$cache"
exec 9>"$cache/.lwip.lock"
flock 9

if [ ! -f "$out/.ukcc-built" ]; then
    echo "build-lwip.sh: building lwIP 2.1.3 ($key) in $out.build"
    rm -rf "$out.build" "$out"
    cp -a "$src" "$out.build"
    for p in "$patches"/*.patch; do
        [ -f "$p" ] || continue
        patch -s -d "$out.build" -p1 <"$p" || {
            echo "build-lwip.sh: error: patch $p does not apply" >&2
            exit 1
        }
    done
    (
        cd "$out.build"
        mkdir -p obj
        inc="-nostdinc -isystem $sysroot/include
-isystem $("$CC" -print-resource-dir)/include -I$port -Isrc/include"
        # One compiler per file, as many at a time as there are CPUs.
        ls $FILES | xargs -P "$(nproc)" -I{} sh -c \
            'o=obj/$(echo "$1" | tr / _ | sed "s/\.c$/.o/");
             '"$CC $(echo $CFLAGS $inc)"' -c "$1" -o "$o" 2>>build.log || {
                 echo "build-lwip.sh: error: $1 does not compile" >&2
                 exit 255
             }' _ {} || { tail -n 40 build.log >&2; exit 1; }
        rm -f libuklwip.a
        "$AR" rc libuklwip.a obj/*.o
        "$RANLIB" libuklwip.a
        mkdir -p "$out/lib" "$out/include"
        cp libuklwip.a "$out/lib/"
        cp -a src/include/lwip src/include/netif "$out/include/"
    )
    rm -rf "$out.build"
    touch "$out/.ukcc-built"
fi

mkdir -p "$sysroot/lib" "$sysroot/lwip/include"
cp -a "$out/include/." "$sysroot/lwip/include/"
cp "$out/lib/libuklwip.a" "$sysroot/lib/libuklwip.a"
