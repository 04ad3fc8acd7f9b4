#!/bin/bash
# canary.sh: the stack protector is on by default, its canary random.
#
# Usage: canary.sh BINDIR WORKDIR
# The e2e test harden/ shows that a smash is caught; this one shows the
# canary is not a constant an attacker could write back, and that
# -fno-stack-protector opts out as with gcc.
set -u
bindir=$1 work=$2
src=$(cd "$(dirname "$0")/../e2e/harden" && pwd)/harden.c
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
. "$(dirname "$0")/../lib.sh"

# A function with a local array: -fstack-protector-strong instruments it.
cat >frame.c <<'C'
#include <string.h>
int frame(const char *s)
{
    char buf[32];
    strcpy(buf, s);
    return buf[3];
}
C
# The machine code of the fat LTO object, not its bitcode symbol table.
nm="llvm-nm-19 --no-llvm-bc"
"$bindir/ukcc" -c -o on.o frame.c &&
    "$bindir/ukcc" -c -fno-stack-protector -o off.o frame.c || {
    bad "compile frame.c"
    summary
    exit 1
}
if $nm on.o | grep -q __stack_chk_fail; then
    ok "stack protector on by default"
else
    bad "stack protector on by default: on.o has no __stack_chk_fail"
fi
if $nm off.o | grep -q __stack_chk_fail; then
    bad "-fno-stack-protector: off.o still calls __stack_chk_fail"
else
    ok "-fno-stack-protector opts out"
fi

if ! "$bindir/ukcc" -o harden.img "$src"; then
    bad "ukcc harden.c"
    summary
    exit 1
fi
hashes=()
for boot in 1 2 3; do
    out=$(timeout 120 "$bindir/ukrun" --timeout 60 harden.img -- canary 2>&1)
    h=$(printf '%s\n' "$out" |
        sed -n 's/^canary hash \([0-9a-f]*\), non-zero, tls copy matches$/\1/p')
    if [ -z "$h" ]; then
        bad "boot $boot: no canary line: $out"
    else
        hashes+=("$h")
    fi
done
distinct=$(printf '%s\n' "${hashes[@]}" | sort -u | wc -l)
if [ ${#hashes[@]} = 3 ] && [ "$distinct" = 3 ]; then
    ok "canary differs on each of 3 boots (${hashes[*]})"
else
    bad "canary not random: ${hashes[*]}"
fi

summary
