#!/bin/bash
# zlib_test.sh: zlib's own ./configure and make with CC=ukcc build the library and its test images.
#
# Usage: zlib_test.sh BUILDDIR SRCDIR DEPSDIR WORKDIR
# Builds zlib 1.2.13 from Debian's source package with CC=ukcc and with the
# host gcc, links zlib_roundtrip.c against each libz.a and wants the same
# output (compressed sizes and checksums); runs zlib's own `example` (which
# writes a .gz file) and `minigzip` as a pipe filter against host gzip.
set -u
build=$1 src=$2 deps=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work"

dropin_source zlib 1.2.13 "$work/ukcc" &&
    dropin_source zlib 1.2.13 "$work/native"
result $? "zlib 1.2.13 source"

(cd "$work/ukcc" && CC=ukcc ./configure) >"$work/ukcc.log" 2>&1
st=$?
result $st "CC=ukcc ./configure"
[ $st = 0 ] || show_log "$work/ukcc.log"
grep -q 'Building static library libz.a' "$work/ukcc.log"
result $? "configure found no shared libraries (ukcc refuses -shared) and \
builds the static one"
make -C "$work/ukcc" -j2 >>"$work/ukcc.log" 2>&1
st=$?
[ $st = 0 ] && [ -f "$work/ukcc/libz.a" ] && [ -x "$work/ukcc/example" ] &&
    [ -x "$work/ukcc/minigzip" ] && [ -x "$work/ukcc/example64" ]
result $? "make: libz.a, example, minigzip, example64 images"
[ $st = 0 ] || show_log "$work/ukcc.log"

(cd "$work/native" && CC=gcc ./configure --static && make -j2 libz.a) \
    >"$work/native.log" 2>&1
result $? "native libz.a (gcc)"

ukcc -O2 -I"$work/ukcc" -o "$work/roundtrip.img" "$here/zlib_roundtrip.c" \
    -L"$work/ukcc" -lz
result $? "ukcc links a program against the ukcc-built libz.a"
gcc -O2 -I"$work/native" -o "$work/roundtrip" "$here/zlib_roundtrip.c" \
    "$work/native/libz.a"
result $? "gcc links the same program against the native libz.a"

"$work/roundtrip" >"$work/native.out"
result $? "native roundtrip"
ukrun --timeout 120 "$work/roundtrip.img" >"$work/image.out" 2>&1
st=$?
[ $st = 0 ] && grep -qx SUCCESS "$work/image.out" &&
    diff -u "$work/native.out" "$work/image.out"
result $? "image roundtrip: compress, stream deflate/inflate, gzip, errors \
identical to native"

# example: in-memory compress/uncompress, then it writes and reads foo.gz
# (the image's in-memory files).
ukrun --timeout 120 "$work/ukcc/example" >"$work/example.out" 2>&1
st=$?
grep -q '^zlib version 1.2.13 = 0x12d0' "$work/example.out" &&
    grep -qx 'uncompress(): hello, hello!' "$work/example.out"
result $? "example: version check and in-memory compress()/uncompress()"
[ $st = 0 ] && grep -qx 'gzread(): hello, hello!' "$work/example.out" &&
    grep -qx 'inflate with dictionary: hello, hello!' "$work/example.out"
result $? "example passes in full (gz file, inflate, deflate, dictionary)"
[ $st = 0 ] || sed 's/^/    /' "$work/example.out"

# minigzip is a filter: stdin to stdout, binary, to end of input.
seq 1 20000 >"$work/in.txt"
ukrun --timeout 120 "$work/ukcc/minigzip" <"$work/in.txt" >"$work/out.gz" &&
    gzip -dc <"$work/out.gz" | cmp -s - "$work/in.txt"
result $? "minigzip image compresses stdin; host gzip -d restores it"
gzip -c <"$work/in.txt" |
    ukrun --timeout 120 "$work/ukcc/minigzip" -- -d >"$work/back.txt" &&
    cmp -s "$work/back.txt" "$work/in.txt"
result $? "minigzip -d image restores what host gzip compressed"

finish
