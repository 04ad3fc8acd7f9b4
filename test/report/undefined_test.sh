#!/bin/bash
# undefined_test.sh: a missing symbol fails the link naming the symbol, the call site (or object) that wants it and the chain from main; no image left.
#
# Usage: undefined_test.sh BINDIR TESTDIR WORKDIR
set -u
bindir=$1 testdir=$2 work=$3
rm -rf "$work"
mkdir -p "$work/tmp"
cd "$work" || exit 1
export TMPDIR=$work/tmp
. "$(dirname "$0")/../lib.sh"


cp "$testdir/undef_prog.c" .
line=$(grep -n 'foo(n)' undef_prog.c | cut -d: -f1)
chain() { # SYMBOL: the line ukcc prints for it with line tables
    echo "ukcc: error: undefined reference to '$1': wanted by undef_prog\.c:$line \(start_server\) via main -> start_server -> $1\$"
}

# Line tables (the default), at -O0 and at -O2 (where LTO inlines
# start_server into main and main into the runtime's caller).
for opt in -O0 -O2; do
    rm -f u.img u.img.debug
    "$bindir/ukcc" $opt -o u.img undef_prog.c 2>u$opt.err
    st=$?
    [ $st = 1 ] && [ ! -e u.img ] && [ ! -e u.img.debug ]
    result $? "$opt: the link fails (status $st) and leaves no image"
    grep -Eq "$(chain foo)" u$opt.err
    result $? "$opt: foo is named with its call site and the chain from main"
    [ $? = 0 ] || cat u$opt.err
    grep -Eq "$(chain bar_count)" u$opt.err
    result $? "$opt: the second missing symbol, bar_count, is named too"
    [ "$(grep -c '^ukcc: error: undefined reference' u$opt.err)" = 2 ]
    result $? "$opt: one line per missing symbol"
done
[ -z "$(ls -A tmp)" ] && [ -z "$(ls -A . | grep -v -e '^tmp$' -e '\.c$' -e '\.err$')" ]
result $? "no temporary file is left behind (the relinked image included)"

# Without line tables: the object that wants it, as the user named it.
"$bindir/ukcc" -g0 -o u.img undef_prog.c 2>g0.err
[ $? = 1 ] && grep -Eq "^ukcc: error: undefined reference to 'foo': wanted by undef_prog\.c \(start_server\) via main -> start_server -> foo$" g0.err
result $? "-g0: foo is wanted by undef_prog.c (start_server), with the chain"
[ $? = 0 ] || cat g0.err
"$bindir/ukcc" -g0 -c -o up.o undef_prog.c && ar rcs libup.a up.o &&
    echo 'int main(void) { extern int run(void); return run(); }' >m.c &&
    printf 'int foo(int);\nint run(void) { return foo(1); }\n' >run.c &&
    "$bindir/ukcc" -g0 -c -o run.o run.c && ar rcs librun.a run.o
"$bindir/ukcc" -g0 -o m.img m.c librun.a 2>ar.err
[ $? = 1 ] && grep -Eq "^ukcc: error: undefined reference to 'foo': wanted by librun\.a\(run\.o\) \(run\) via main -> run -> foo$" ar.err
result $? "-g0, from an archive member: librun.a(run.o) (run) is named"
[ $? = 0 ] || cat ar.err

# Many: the first 20, then a count.
{
    for i in $(seq 1 25); do echo "int f$i(void);"; done
    echo "int main(void) { return 0"
    for i in $(seq 1 25); do echo "    + f$i()"; done
    echo "; }"
} >many.c
"$bindir/ukcc" -o many.img many.c 2>many.err
[ $? = 1 ] && [ "$(grep -c "^ukcc: error: undefined reference to 'f[0-9]*': wanted by many\.c:[0-9]* (main) via main -> f[0-9]*$" many.err)" = 20 ] &&
    grep -q "^ukcc: error: and 5 more undefined references$" many.err &&
    ! grep -q "too many errors" many.err
result $? "25 missing symbols: 20 named, then 'and 5 more'"

# A link that fails for another reason keeps lld's message.
echo 'int main(void) { return 0; }' >ok.c
"$bindir/ukcc" -o ok.img ok.c -Wl,--defsym=x=no_such_sym 2>other.err
[ $? = 1 ] && grep -q "ld.lld.*no_such_sym" other.err &&
    grep -q "^ukcc: error: link stage failed" other.err && [ ! -e ok.img ]
result $? "another link error: lld's own message, then ukcc's"

summary
