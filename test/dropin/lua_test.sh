#!/bin/bash
# lua_test.sh: Lua 5.4 built by its own Makefile with CC=ukcc runs like a native build.
#
# Usage: lua_test.sh BUILDDIR SRCDIR DEPSDIR WORKDIR
# Builds lua5.4 from Debian's source package twice, `make CC=ukcc linux` and
# `make CC=gcc linux`, runs lua_script.lua with both (ukrun for the image)
# and wants identical output, plus exit statuses and error messages.
set -u
build=$1 src=$2 deps=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work"

# Debian's patches swap the upstream Makefile for a libtool one and make
# luaconf.h include a multiarch header; take them back out (the CVE fixes
# stay) so that this is Lua's own build.
upstream_tree() { # dest
    dropin_source lua5.4 5.4.4 "$1"
    for p in 0003-extern_C 0002-lua-modules-paths 0001-build-system; do
        patch -d "$1" -R -p1 -s <"$1/debian/patches/$p.patch" || return 1
    done
}

upstream_tree "$work/ukcc" && upstream_tree "$work/native"
result $? "lua5.4 source: upstream Makefile restored"

# os.execute and io.popen reach system() and popen(): linked to fail at
# run time, as ukcc refuses them by default.
make -C "$work/ukcc" -j2 CC="ukcc --allow-unsupported" linux \
    >"$work/ukcc.log" 2>&1
st=$?
[ $st = 0 ] && [ -x "$work/ukcc/src/lua" ] && [ -x "$work/ukcc/src/luac" ]
result $? "make CC=ukcc linux builds lua and luac images"
[ $st = 0 ] || show_log "$work/ukcc.log"
grep -q '^ar ' "$work/ukcc.log" && grep -q '^ranlib ' "$work/ukcc.log"
result $? "the Makefile's own ar and ranlib made liblua.a"

make -C "$work/native" -j2 CC=gcc linux >"$work/native.log" 2>&1
result $? "make CC=gcc linux builds a native lua"

# Both print "lua: ..." for errors: the native one runs as plain "lua".
lua_img() { # args... (stdout and stderr together, as lua_native)
    ukrun --timeout 120 "$work/ukcc/src/lua" -- "$@" >"$work/img.raw" 2>&1
    local st=$?
    cat "$work/img.raw"
    return $st
}
lua_native() {
    PATH=$work/native/src:$PATH lua "$@" 2>&1
}

# A leading newline: lua takes an -e argument that starts with '-' for an
# option, and the script starts with a comment.
script=$'\n'$(cat "$here/lua_script.lua")
lua_native -e "$script" >"$work/native.out"
result $? "native lua runs lua_script.lua"
lua_img -e "$script" >"$work/image.out"
result $? "lua image runs lua_script.lua"
[ "$(wc -l <"$work/native.out")" -ge 24 ] &&
    diff -u "$work/native.out" "$work/image.out"
result $? "image output identical to native (strings, tables, closures, \
coroutines, math, float formats, os.time/clock, pcall)"

out=$(lua_img -e 'io.write("bye\n") os.exit(7)')
st=$?
[ "$st" = 7 ] && [ "$out" = bye ]
result $? "os.exit(7) is the image's exit status"

want=$(lua_native -e 'error("boom")')
wst=$?
got=$(lua_img -e 'error("boom")')
gst=$?
[ "$gst" = "$wst" ] && [ "$gst" = 1 ] && [ "$got" = "$want" ]
result $? "an uncaught error: same message and status 1 as native"
[ "$got" = "$want" ] || printf 'native: %s\nimage:  %s\n' "$want" "$got"

# io library: a temporary file written, read back, removed; stdin.
io_script='local p = os.tmpname()
local f = assert(io.open(p, "w"))
f:write("line one\n", 1.5, "\n", 42)
f:close()
for l in io.lines(p) do print(l) end
print(os.remove(p), select(3, io.open(p)))
print(io.read("n") * 2, io.read("l"), io.read("a"))'
want=$(printf '21 rest\nmore\n' | lua_native -e "$io_script")
got=$(printf '21 rest\nmore\n' | lua_img -e "$io_script")
[ "$got" = "$want" ] && [ -n "$got" ]
result $? "io: tmpname, write, lines, remove, reading stdin as native"
[ "$got" = "$want" ] || printf 'native: %s\nimage:  %s\n' "$want" "$got"

got=$(lua_img -v)
[ "$got" = "$(lua_native -v)" ]
result $? "lua -v"

finish
