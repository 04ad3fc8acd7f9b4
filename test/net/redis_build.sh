#!/bin/bash
# redis_build.sh: build redis 7.0.15 (Debian's source package) with its own Makefile and CC=ukcc or musl-gcc.
#
# Usage: redis_build.sh BUILDDIR SRCDIR DEPSDIR OUTDIR [ukcc|musl-gcc]
# Runs `make CC=ukcc MALLOC=libc BUILD_TLS=no USE_SYSTEMD=no` (musl-gcc:
# the same plus LDFLAGS=-static, the Linux baseline) in a copy of the
# source under OUTDIR; the server is OUTDIR/redis/src/redis-server, the log
# OUTDIR/make.log. A build whose inputs (sources, compiler and ukcc's
# libraries) are unchanged is kept: a stamp of their hashes. Prints
# "note:" lines for the known gaps it works around. Exit status 0 when
# redis-server was built.
set -u
build=$1 src=$2 deps=$3 out=$4 cc=${5:-ukcc}
here=$(cd "$(dirname "$0")" && pwd)
export PATH=$build/bin:$PATH
mkdir -p "$out"

tree=$("$src/tools/fetch-source.sh" redis 7.0.15 "$deps") || exit 1

# What the server depends on: the sources and what the compiler links in.
stamp=$({
    echo "$tree $cc"
    if [ "$cc" = ukcc ]; then
        find "$build/bin/ukcc" "$build/lib/ukcc" -type f -print0 | sort -z |
            xargs -0 sha256sum
    else
        "$cc" --version 2>&1
    fi
} | sha256sum | cut -c1-16)
rs=$out/redis/src/redis-server
if [ -x "$rs" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "note: redis-server unchanged since the last build, kept"
    exit 0
fi
rm -rf "$out/redis" "$out/stamp"
cp -a "$tree" "$out/redis"
mk=(make -C "$out/redis" -j2 "CC=$cc" MALLOC=libc BUILD_TLS=no USE_SYSTEMD=no)
[ "$cc" = ukcc ] || mk+=(LDFLAGS=-static)
# redis reaches fork() (BGSAVE, BGREWRITEAOF; never called with
# --save '' --appendonly no): ukcc refuses that link unless told.
extra=()
if [ "$cc" = ukcc ]; then
    if ukcc --help 2>&1 | grep -q -- --allow-unsupported; then
        echo "note: redis reaches fork(); linking with --allow-unsupported"
        extra+=(--allow-unsupported)
    fi
fi
"${mk[@]}" REDIS_LDFLAGS="${extra[*]}" >"$out/make.log" 2>&1
st=$?
[ $st = 0 ] && [ -x "$rs" ] || exit 1
echo "$stamp" >"$out/stamp"
