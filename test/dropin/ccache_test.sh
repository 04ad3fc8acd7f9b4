#!/bin/bash
# ccache_test.sh: CC="ccache ukcc" works: the second build is served from the cache and boots the same.
# Usage: ccache_test.sh BUILDDIR SRCDIR DEPSDIR WORKDIR
set -u
build=$1 src=$2 deps=$3 work=$4
source "$(dirname "$0")/lib.sh"
rm -rf "$work"
mkdir -p "$work/a" "$work/b"
export CCACHE_DIR=$work/cache CCACHE_NOHASHDIR=1 CCACHE_BASEDIR=$work
ukcc=$build/bin/ukcc

printf '#include <stdio.h>\nint twice(int x) { return 2 * x; }\n' >"$work/lib.c"
printf 'int twice(int);\n#include <stdio.h>\nint main(void) { printf("%%d\\n", twice(21)); return 0; }\n' >"$work/main.c"

# The same sources compiled in two directories, as two checkouts would be.
for d in a b; do
    cp "$work/lib.c" "$work/main.c" "$work/$d/"
    (cd "$work/$d" && ccache "$ukcc" -Os -c lib.c && ccache "$ukcc" -Os -c main.c &&
        "$ukcc" -o app.img lib.o main.o) >"$work/$d.log" 2>&1
    result $? "ccache ukcc builds in $d/"
done
hits=$(ccache --print-stats 2>/dev/null |
    awk '$1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" {n += $2} END {print n + 0}')
[ "${hits:-0}" -ge 2 ]
result $? "the second directory's two compiles are cache hits (hits: ${hits:-none})"
cmp -s "$work/a/lib.o" "$work/b/lib.o" && cmp -s "$work/a/app.img" "$work/b/app.img"
result $? "objects and images are identical"
out=$("$build/bin/ukrun" --timeout 60 "$work/b/app.img" 2>&1)
[ "$out" = 42 ]
result $? "the image built from cached objects runs (printed: $out)"
finish
