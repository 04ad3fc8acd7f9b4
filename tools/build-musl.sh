#!/bin/sh
# build-musl.sh: build ukcc's musl (patched, LTO bitcode) and install it into the sysroot.
#
# Usage: tools/build-musl.sh CACHE_DIR SYSROOT
# The build is keyed by a hash of everything that shapes it (patches, the
# runtime's syscall seam headers, this script, the compiler version) and
# kept in CACHE_DIR, so a second build, even in a fresh build tree, reuses
# it. Output: SYSROOT/include (musl headers) and SYSROOT/lib/libc.a.
set -eu
cache=$1 sysroot=$2
top=$(cd "$(dirname "$0")/.." && pwd)
glue="$top/runtime/musl"
CC=${UK_CLANG:-clang-19}
AR=${UK_AR:-llvm-ar-19}
RANLIB=${UK_RANLIB:-llvm-ranlib-19}

src=$("$top/tools/fetch-source.sh" musl 1.2.3 "$cache")

CFLAGS="--target=x86_64-linux-musl -Oz -g -fno-pic -fno-pie -flto -ffat-lto-objects
-ffunction-sections -fdata-sections -fno-rounding-math
-fno-asynchronous-unwind-tables -fno-unwind-tables -fno-stack-protector
-fno-omit-frame-pointer"

# musl's x86_64 assembly that executes the syscall instruction; dropping it
# makes musl build its generic C version (or the runtime supplies one).
DROP='$(srcdir)/src/thread/x86_64/__set_thread_area.s
$(srcdir)/src/thread/x86_64/__unmapself.s
$(srcdir)/src/thread/x86_64/clone.s
$(srcdir)/src/thread/clone.c
$(srcdir)/src/thread/__unmapself.c
$(srcdir)/src/thread/x86_64/syscall_cp.s
$(srcdir)/src/process/x86_64/vfork.s
$(srcdir)/src/signal/x86_64/restore.s'

key=$({
    cat "$0" "$glue"/*.h "$glue"/patches/*.patch
    "$CC" --version | head -n 1
    echo "$CFLAGS"
} | sha256sum | cut -c1-16)
out="$cache/musl-1.2.3-$key"

# One build per key at a time: parallel builds (several build trees sharing
# the cache) wait here instead of racing in the same directory.
mkdir -p "$cache"
exec 9>"$cache/.musl.lock"
flock 9

if [ ! -f "$out/.ukcc-built" ]; then
    echo "build-musl.sh: building musl 1.2.3 ($key) in $out.build"
    rm -rf "$out.build" "$out"
    cp -a "$src" "$out.build"
    for p in "$glue"/patches/*.patch; do
        patch -s -d "$out.build" -p1 <"$p" || {
            echo "build-musl.sh: error: patch $p does not apply" >&2
            exit 1
        }
    done
    (
        cd "$out.build"
        CC="$CC" AR="$AR" RANLIB="$RANLIB" CFLAGS="$(echo $CFLAGS)" \
            ./configure --target=x86_64-linux-musl --prefix=/ \
            --disable-shared >configure.log 2>&1 ||
            { cat configure.log >&2; exit 1; }
        make -j"$(nproc)" AR="$AR" RANLIB="$RANLIB" \
            UK_CPPFLAGS="-I$glue" UK_DROP_SRCS="$(echo $DROP)" \
            lib/libc.a >build.log 2>&1 ||
            { tail -n 40 build.log >&2; exit 1; }
        make install-headers DESTDIR="$out" >/dev/null
        mkdir -p "$out/lib"
        cp lib/libc.a "$out/lib/libc.a"
    )
    rm -rf "$out.build"
    touch "$out/.ukcc-built"
fi

mkdir -p "$sysroot/include" "$sysroot/lib"
cp -a "$out/include/." "$sysroot/include/"
cp "$out/lib/libc.a" "$sysroot/lib/libc.a"
