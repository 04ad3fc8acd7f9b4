#!/bin/bash
# sqlite_test.sh: the sqlite3 shell built by ./configure && make with CC=ukcc runs SQL like a native build.
#
# Usage: sqlite_test.sh BUILDDIR SRCDIR DEPSDIR WORKDIR
# Builds sqlite3 3.40.1 from Debian's source package with its configure and
# Makefile twice: CC=ukcc (a cross build: configure cannot run images) and
# the host gcc. Runs sqlite_script.sql against :memory: in both and wants
# identical output; errors must give the same message and status.
set -u
build=$1 src=$2 deps=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work"

# sqlite's build generates sqlite3.h and the amalgamation with tclsh.
if ! command -v tclsh >/dev/null; then
    result 1 "tclsh found (package tcl: run tools/deps.sh)"
    finish
    exit 1
fi
dropin_source sqlite3 3.40.1 "$work/ukcc" &&
    dropin_source sqlite3 3.40.1 "$work/native"
result $? "sqlite3 3.40.1 source"

# Both builds single-threaded (--disable-threadsafe), so that they run the
# same code.
opts="--disable-shared --disable-tcl --disable-readline --disable-threadsafe"

# --host makes it a cross build: configure runs none of its test programs
# (they are images) and Debian's Makefile builds lemon with BUILD_CC.
(cd "$work/ukcc" && ./configure --host=x86_64-linux-musl \
    CC="ukcc --allow-unsupported" \
    BUILD_CC=gcc $opts) >"$work/ukcc.log" 2>&1
st=$?
result $st "./configure --host=x86_64-linux-musl CC=ukcc"
[ $st = 0 ] || show_log "$work/ukcc.log"
make -C "$work/ukcc" -j2 CROSS_BUILDING=yes sqlite3 >>"$work/ukcc.log" 2>&1
st=$?
[ $st = 0 ] && [ -x "$work/ukcc/sqlite3" ]
result $? "make CC=ukcc sqlite3: the shell image"
[ $st = 0 ] || show_log "$work/ukcc.log"

(cd "$work/native" && ./configure $opts && make -j2 sqlite3) \
    >"$work/native.log" 2>&1
result $? "native sqlite3 (configure and make with gcc)"

# The shell reads ~/.sqliterc: point both at a home that has none. Output
# bytes pass unchanged (.mode csv ends lines in \r\n).
sql_img() { # args... (stdout and stderr together, as sql_native)
    ukrun --timeout 120 -e HOME=/nonexistent "$work/ukcc/sqlite3" -- "$@" \
        >"$work/img.raw" 2>&1
    local st=$?
    cat "$work/img.raw"
    return $st
}
sql_native() {
    HOME=/nonexistent PATH=$work/native:$PATH sqlite3 "$@" 2>&1
}

# A leading newline: the shell takes an argument that starts with '-' for
# an option, and the script starts with a comment.
script=$'\n'$(cat "$here/sqlite_script.sql")
sql_native :memory: "$script" >"$work/native.out"
result $? "native sqlite3 runs sqlite_script.sql"
sql_img :memory: "$script" >"$work/image.out"
result $? "sqlite3 image runs sqlite_script.sql"
[ "$(wc -l <"$work/native.out")" -ge 20 ] &&
    diff -u "$work/native.out" "$work/image.out"
result $? "image output identical to native (joins, aggregates, windows, \
float printf, math, dates, json)"

modes=(-header -box :memory: "SELECT 1.5 AS x, 'two' AS y UNION ALL \
SELECT 2.25, NULL;" ".mode csv" "SELECT 'a,b', 3.0e10;")
[ "$(sql_img "${modes[@]}")" = "$(sql_native "${modes[@]}")" ]
result $? "output modes and dot-commands (-box, .mode csv) as native"

want=$(sql_native :memory: 'SELECT * FROM missing;')
wst=$?
got=$(sql_img :memory: 'SELECT * FROM missing;')
gst=$?
[ "$gst" = "$wst" ] && [ "$gst" != 0 ] && [ "$got" = "$want" ]
result $? "an SQL error: same message and exit status ($wst) as native"
[ "$got" = "$want" ] || printf 'native: %s\nimage:  %s\n' "$want" "$got"

# A database file, closed and opened again (.open), rollback journal: the
# image's own file system. The native run gets its own directory.
file_sql() { # dbfile
    printf '%s\n' "$1" "CREATE TABLE k(v); INSERT INTO k VALUES (1), (2.5), \
('x'); CREATE INDEX ki ON k(v);" ".open $1" "SELECT count(*), sum(v), \
typeof(max(v)) FROM k; PRAGMA integrity_check; DELETE FROM k WHERE v = 1; \
SELECT changes(), total_changes(), count(*) FROM k;"
}
mapfile -t args < <(file_sql /tmp/dropin.db)
got=$(sql_img "${args[@]}")
mapfile -t args < <(file_sql "$work/dropin.db")
want=$(sql_native "${args[@]}")
[ "$got" = "$want" ] && grep -qx ok <<<"$got"
result $? "a database file: create, reopen, integrity_check, delete"
[ "$got" = "$want" ] || printf 'native: %s\nimage:  %s\n' "$want" "$got"

got=$(sql_img -version)
[ "$got" = "$(sql_native -version)" ] && [ -n "$got" ]
result $? "sqlite3 -version"

finish
