#!/bin/bash
# lua_build.sh: Lua 5.4 build time with CC=ukcc against CC=musl-gcc, and the lua image size against the static binary.
#
# Usage: lua_build.sh [RUNS]   (default 3; --header prints the table header)
# Builds Lua's own Makefile (`make linux`, -j1) from Debian's lua5.4 source
# package, RUNS times per compiler, from a clean tree each time. Prints one
# markdown row: runs | ukcc s | musl-gcc s | ratio | lua image B |
# musl-gcc -static lua B (stripped) | ratio. Both builds use Lua's -O2.
set -euo pipefail
if [ "${1:-}" = --header ]; then
    echo "| runs | make CC=ukcc (s) | make CC=musl-gcc (s) | ukcc/musl-gcc | lua image (B) | musl-gcc -static lua, stripped (B) | image/musl |"
    echo "|---|---|---|---|---|---|---|"
    exit 0
fi
source "$(dirname "$0")/lib.sh"
runs=${1:-3}

tree=$("$top/tools/fetch-source.sh" lua5.4 5.4.4 "$top/.deps")
# Debian's patches replace Lua's Makefile with a libtool one: undo them.
fresh() { # dest
    rm -rf "$1"
    cp -a "$tree" "$1"
    for p in 0003-extern_C 0002-lua-modules-paths 0001-build-system; do
        patch -d "$1" -R -p1 -s <"$1/debian/patches/$p.patch"
    done
}

build_us() { # dir make-args... -> microseconds
    local t0 t1
    t0=$(now_ns)
    make -C "$1" "${@:2}" linux >"$1.log" 2>&1 || {
        echo "lua_build.sh: build failed, see $1.log" >&2
        exit 1
    }
    t1=$(now_ns)
    echo $(((t1 - t0) / 1000))
}

: >"$work/lua-ukcc.us"
: >"$work/lua-musl.us"
for _ in $(seq "$runs"); do
    fresh "$work/lua-ukcc"
    fresh "$work/lua-musl"
    build_us "$work/lua-ukcc" CC="$bin/ukcc" >>"$work/lua-ukcc.us"
    build_us "$work/lua-musl" CC=musl-gcc MYLDFLAGS=-static \
        >>"$work/lua-musl.us"
done
u=$(median <"$work/lua-ukcc.us")
m=$(median <"$work/lua-musl.us")
strip -o "$work/lua-musl.stripped" "$work/lua-musl/src/lua"
usz=$(stat -c %s "$work/lua-ukcc/src/lua")
msz=$(stat -c %s "$work/lua-musl.stripped")
secs() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1e6 }'; }
echo "| $runs | $(secs "$u") | $(secs "$m") | $(ratio "$u" "$m") | $usz |" \
    "$msz | $(ratio "$usz" "$msz") |"
