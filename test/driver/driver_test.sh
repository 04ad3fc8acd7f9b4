#!/bin/bash
# driver_test.sh: command-line tests of the ukcc driver.
#
#   driver_test.sh <path to ukcc> <path to llvm-nm>
#
# Each test row runs one ukcc command in a fresh copy of a fixture
# directory and checks its exit status, one fact about its output, and
# optionally that a file is absent afterwards. The sysroot is a small fake
# one built here (a stub kernel with _start, a stub libc), so compiling and
# linking really run without the kernel or musl being built; the exact
# commands for the real sysroot are checked through -###.
set -u

UKCC=$(realpath "$1")
NM=$2
CLANG=$("$UKCC" -print-prog-name=cc)
AR=$("$UKCC" -print-prog-name=ar)
RES=$("$CLANG" -print-resource-dir)

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/ukcc-driver-test.XXXXXX")
trap 'rm -rf "$ROOT"' EXIT
SYS=$ROOT/sysroot   # fake sysroot
FIX=$ROOT/fixture   # inputs copied into each test's directory
TMP=$ROOT/tmp       # TMPDIR of ukcc: must be empty after every test
mkdir -p "$SYS/include" "$SYS/lib" "$FIX/libs" "$TMP"

# A sysroot that links: _start calls main; puts is the whole libc.
make_sysroot() {
    local src=$ROOT/sysroot-src f
    mkdir -p "$src"
    echo 'int puts(const char *s);' >"$SYS/include/stdio.h"
    printf '%s\n' 'int main(void);' \
        'void _start(void) { main(); for (;;) ; }' >"$src/kernel.c"
    echo 'int puts(const char *s) { return s != 0; }' >"$src/libc.c"
    echo 'int ukrt_stub;' >"$src/rt.c"
    echo 'int ukbuiltins_stub;' >"$src/builtins.c"
    echo 'int uklwip_stub;' >"$src/lwip.c"
    for f in kernel libc rt builtins lwip; do
        "$CLANG" --target=x86_64-linux-musl -fno-pic -ffunction-sections \
            -flto -ffat-lto-objects -O2 -c "$src/$f.c" -o "$src/$f.o" || exit 2
    done
    "$AR" rcs "$SYS/lib/libukkernel.a" "$src/kernel.o"
    "$AR" rcs "$SYS/lib/libc.a" "$src/libc.o"
    "$AR" rcs "$SYS/lib/libukrt.a" "$src/rt.o"
    "$AR" rcs "$SYS/lib/libukbuiltins.a" "$src/builtins.o"
    "$AR" rcs "$SYS/lib/libuklwip.a" "$src/lwip.o"
    printf '%s\n' 'ENTRY(_start)' \
        'SECTIONS { . = 0x100000; .text : { *(.text*) }' \
        '  .data : { *(.rodata*) *(.data*) *(.bss*) } }' >"$SYS/lib/ukcc.ld"
}

make_fixture() {
    printf '%s\n' '#include <stdio.h>' \
        'int main(void) { puts("hello"); return 0; }' >"$FIX/hello.c"
    echo 'int helper(void); int main(void) { return helper(); }' >"$FIX/a.c"
    echo 'int helper(void) { return 0; }' >"$FIX/b.c"
    echo 'int main(void) { return missing_name; }' >"$FIX/bad.c"
    printf '%s\n' 'int foo(void);' 'int main(void) { return foo(); }' \
        >"$FIX/undef.c"
    printf '%s\n' '.globl helper' 'helper: xor %eax, %eax' 'ret' >"$FIX/x.s"
    printf '%s\n' '#define ZERO 0' '.globl helper' \
        'helper: mov $ZERO, %eax' 'ret' >"$FIX/y.S"
    echo 'int UKCC_MARKER_LINE = 1;' >"$FIX/pp.c"
    echo 'int helper(void) { return 0; }' >"$ROOT/h.c"
    "$CLANG" --target=x86_64-linux-musl -c "$ROOT/h.c" -o "$FIX/obj.o"
    cp "$FIX/obj.o" "$FIX/objnoext"
    "$AR" rcs "$FIX/libs/libfoo.a" "$FIX/obj.o"
    "$AR" rcs "$FIX/libs/libother.a" "$FIX/obj.o"
    touch "$FIX/libs/libbar.so"
    echo 'just some notes' >"$FIX/notes.txt"
    echo 'stale' >"$FIX/app.img"
}

make_sysroot
make_fixture

# Flags every C compile starts with (quoted as -### prints them).
Q_BASE="\"--target=x86_64-linux-musl\" \"-nostdinc\" \"-isystem\" \
\"$SYS/include\" \"-isystem\" \"$RES/include\" \"-fno-pic\" \"-fno-pie\" \
\"-ffunction-sections\" \"-fdata-sections\" \
\"-fno-asynchronous-unwind-tables\" \"-fno-unwind-tables\" \
\"-fno-omit-frame-pointer\" \"-fstack-protector-strong\""
Q_LTO="\"-flto\" \"-ffat-lto-objects\""
Q_LD="\"-m\" \"elf_x86_64\" \"-static\" \"--no-dynamic-linker\" \"-z\" \
\"max-page-size=4096\" \"-z\" \"noexecstack\" \"--gc-sections\" \
\"--fat-lto-objects\" \"--build-id=none\" \"--emit-relocs\" \"-T\" \
\"$SYS/lib/ukcc.ld\""
Q_LIBS="\"$SYS/lib/libukkernel.a\" \"$SYS/lib/libukrt.a\" \
\"$SYS/lib/libuklwip.a\" \"$SYS/lib/libc.a\" \"$SYS/lib/libukbuiltins.a\""
# -### names temporaries predictably: the Nth is <stem>-00000N.
T=$TMP

pass=0
fail=0

# run_row NAME RC EXPECT ABSENT COMMAND
#   EXPECT: text the output (stdout+stderr) must contain; !text: must not;
#           ~regex: must match; - : no check.
#   ABSENT: a file that must not exist afterwards, or -.
run_row() {
    local name=$1 want_rc=$2 expect=$3 absent=$4 cmd=$5
    local dir=$ROOT/work/$name out rc why=
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -a "$FIX/." "$dir/"
    out=$(cd "$dir" && export TMPDIR=$TMP UKCC_SYSROOT=$SYS &&
        eval "$cmd" 2>&1)
    rc=$?
    if [ "$rc" != "$want_rc" ]; then
        why="exit status $rc, expected $want_rc"
    elif [ "$expect" != - ]; then
        case $expect in
        !*) grep -qF -- "${expect#!}" <<<"$out" &&
                why="output contains: ${expect#!}" ;;
        ~*) grep -qE -- "${expect#\~}" <<<"$out" ||
                why="output does not match: ${expect#\~}" ;;
        *) grep -qF -- "$expect" <<<"$out" ||
                why="output lacks: $expect" ;;
        esac
    fi
    if [ -z "$why" ] && [ "$absent" != - ] && [ -e "$dir/$absent" ]; then
        why="$absent exists"
    fi
    if [ -z "$why" ] && [ -n "$(ls -A "$TMP")" ]; then
        why="temporary files left: $(ls -A "$TMP" | tr '\n' ' ')"
        rm -rf "${TMP:?}"/*
    fi
    if [ -z "$why" ] && ls -A "$dir" | grep -q '^\..*\.tmp$'; then
        why="hidden temporary output left in the output directory"
    fi
    if [ -z "$why" ]; then
        echo "[PASS] $name"
        pass=$((pass + 1))
    else
        echo "[FAIL] $name: $why"
        echo "       command: $cmd"
        sed 's/^/       | /' <<<"$out" | head -20
        fail=$((fail + 1))
    fi
}

# The table. Fields: name | exit status | expected output | absent file |
# command (run by eval in the test's directory; $UKCC is the driver).
TABLE=$(cat <<EOF
# --- commands shown by -### ---
c-command          |0|"$CLANG" $Q_BASE $Q_LTO "-gline-tables-only" "-c" "hello.c" "-o" "hello.o"|-|\$UKCC -### -c hello.c
c-user-flags-last  |0|"-gline-tables-only" "-O2" "-DX=1" "-Iinc" "-std=c11" "-c" "hello.c"|-|\$UKCC -### -c -O2 -DX=1 -Iinc -std=c11 hello.c
c-separate-values  |0|"-I" "inc" "-D" "Y" "-include" "hello.c" "-isystem" "sys"|-|\$UKCC -### -c -I inc -D Y -include hello.c -isystem sys a.c
c-output-name      |0|"-c" "hello.c" "-o" "out/x.o"|-|\$UKCC -### -c hello.c -o out/x.o
c-joined-output    |0|"-c" "hello.c" "-o" "y.o"|-|\$UKCC -### -c hello.c -oy.o
c-default-names    |0|"-c" "b.c" "-o" "b.o"|-|\$UKCC -### -c a.c b.c
c-default-cwd      |0|"-c" "sub/dir/q.c" "-o" "q.o"|-|mkdir -p sub/dir && cp a.c sub/dir/q.c && \$UKCC -### -c sub/dir/q.c
S-no-lto           |0|!-flto|-|\$UKCC -### -S hello.c
S-command          |0|"$CLANG" $Q_BASE "-S" "hello.c" "-o" "hello.s"|-|\$UKCC -### -S hello.c
E-stdout           |0|"$CLANG" $Q_BASE "-E" "hello.c"|-|\$UKCC -### -E hello.c
E-no-output-flag   |0|!"-o"|-|\$UKCC -### -E hello.c
E-no-lto           |0|!-ffat-lto-objects|-|\$UKCC -### -E hello.c
stdin-x-c          |0|"-c" "-x" "c" "-" "-o" "-.o"|-|\$UKCC -### -x c -c -
x-lang-kept        |0|"-x" "c" "notes.txt"|-|\$UKCC -### -c -x c notes.txt
x-none-resets      |1|notes.txt: unknown file type|-|\$UKCC -### -c -x c a.c -x none notes.txt
asm-plain          |0|"--target=x86_64-linux-musl" "-fno-pic" "-fno-pie" "-Wno-unused-command-line-argument" "-c" "x.s"|-|\$UKCC -### -c x.s
asm-cpp            |0|$Q_LTO "-gline-tables-only" "-c" "y.S" "-o" "y.o"|-|\$UKCC -### -c y.S
fpic-dropped       |0|!-fPIC|-|\$UKCC -### -c -fPIC hello.c
nostdinc-user      |0|!"-isystem"|-|\$UKCC -### -c -nostdinc hello.c
unknown-flag-to-cc |0|"-fsome-new-thing" "--clang-only-flag" "-c"|-|\$UKCC -### -c -fsome-new-thing --clang-only-flag hello.c
earliest-stop-wins |0|"-E" "hello.c"|-|\$UKCC -### -c -E hello.c
MD-link-named      |0|"-c" "-MF" "prog.d" "-MT" "prog" "hello.c"|-|\$UKCC -### -MD hello.c -o prog
MF-kept            |0|"-MD" "-MF" "deps/x.d" "-c" "hello.c"|-|\$UKCC -### -MD -MF deps/x.d hello.c
M-means-E          |0|"-M" "-E" "hello.c"|-|\$UKCC -### -M hello.c
link-compile-tmp   |0|"-c" "hello.c" "-o" "$T/ukcc-hello-000001.o"|-|\$UKCC -### -o app.img hello.c
link-command       |0|"$("$UKCC" -print-prog-name=ld)" "-o" "./.app.img-000002.elf" $Q_LD "$T/ukcc-hello-000001.o" $Q_LIBS|-|\$UKCC -### -o app.img hello.c
link-strip         |0|"--strip-all" "./.app.img-000002.elf" "./.app.img-000003.tmp"|-|\$UKCC -### -o app.img hello.c
link-default-aout  |0|"--strip-all" "./.a.out-000002.elf" "./.a.out-000003.tmp"|-|\$UKCC -### hello.c
link-g-no-strip    |0|!--strip-all|-|\$UKCC -### -g hello.c
link-g-s-strips    |0|--strip-all|-|\$UKCC -### -g -s hello.c
link-out-dir       |0|"-o" "sub/.app-000002.tmp" "-m"|-|mkdir sub && \$UKCC -### -g -o sub/app hello.c
link-order         |0|"$T/ukcc-a-000001.o" "obj.o" "libs/libfoo.a" "--defsym=x=1" "-Map=m.txt" "$T/ukcc-b-000002.o" "libs/libother.a" $Q_LIBS|-|\$UKCC -### a.c obj.o -Llibs -lfoo -Wl,--defsym=x=1,-Map=m.txt b.c -lother
xlinker-in-place   |0|"obj.o" "--no-relax" "libs/libfoo.a"|-|\$UKCC -### obj.o -Xlinker --no-relax -lfoo -L libs
z-and-u-to-ld      |0|"obj.o" "-z" "norelro" "-u" "sym"|-|\$UKCC -### obj.o -z norelro -u sym
l-exact-name       |0|"obj.o" "libs/libfoo.a" "$SYS/lib/libukkernel.a"|-|\$UKCC -### obj.o -Llibs -l:libfoo.a
l-dir-before-libc  |0|"obj.o" "libs/libm.a" "$SYS/lib/libukkernel.a"|-|cp libs/libfoo.a libs/libm.a && \$UKCC -### obj.o -Llibs -lm
libc-parts-dropped |0|"obj.o" "$SYS/lib/libukkernel.a"|-|\$UKCC -### obj.o -lc -lm -lpthread -lrt -ldl -lutil -lxnet -lcrypt -lresolv
accepted-ignored   |0|"obj.o" "$SYS/lib/libukkernel.a"|-|\$UKCC -### obj.o -static -pie -no-pie -rdynamic -pipe
no-extension-obj   |0|"objnoext" "$SYS/lib/libukkernel.a"|-|\$UKCC -### objnoext
respfile           |0|"obj.o" "libs/libfoo.a" "--defsym=a b=1" "$SYS/lib/libukkernel.a"|-|printf '%s\n' 'obj.o -Llibs' '-lfoo "-Wl,--defsym=a b=1"' >rsp && \$UKCC -### @rsp
respfile-nested    |0|"-c" "a.c" "-o" "a.o"|-|echo '-c a.c' >inner && echo '@inner' >outer && \$UKCC -### @outer
respfile-missing   |1|ukcc: error: @nofile: No such file or directory|-|\$UKCC -### @nofile
respfile-loop      |1|response files nested too deeply|-|echo '@loop' >loop && \$UKCC -### @loop
mllvm-value        |0|"-mllvm" "-inline-threshold=5" "--param" "x=1" "-c" "a.c"|-|\$UKCC -### -c -mllvm -inline-threshold=5 --param x=1 a.c
v-banner           |0|~^ukcc version [0-9.]+ \(clang 19, musl [0-9a-z.]+\)|-|\$UKCC -v
dry-run-needs-no-sysroot|0|"-c" "hello.c"|-|UKCC_SYSROOT=/nonexistent \$UKCC -### -c hello.c
# --- real runs against the fake sysroot ---
run-c              |0|-|bad.o|\$UKCC -c hello.c && test -s hello.o
run-S              |0|main:|-|\$UKCC -S hello.c -o - 
run-E              |0|UKCC_MARKER_LINE|-|\$UKCC -E pp.c
run-E-to-file      |0|-|-|\$UKCC -E pp.c -o pp.i && grep -q UKCC_MARKER_LINE pp.i
run-E-stdin        |0|UKCC_MARKER_LINE|-|\$UKCC -E - <pp.c
run-stdin          |0|-|-|echo 'int main(void) { return 0; }' | \$UKCC -x c -c - -o s.o && test -s s.o
run-asm            |0|-|-|\$UKCC -c x.s y.S && test -s x.o && test -s y.o
run-link           |0|-|-|\$UKCC -o app.img hello.c && test -x app.img && head -c4 app.img | grep -q ELF
run-link-stripped  |0|no symbols|-|\$UKCC -o app.img hello.c && "$NM" app.img
run-link-g-symbols |0|~ [tT] main$|-|\$UKCC -g -o app.img hello.c && "$NM" app.img
run-link-aout      |0|-|-|\$UKCC a.c b.c && test -x a.out
run-link-objects   |0|-|-|\$UKCC -c a.c && \$UKCC -o app.img a.o x.s && test -x app.img
run-link-archive   |0|-|-|\$UKCC -c b.c && "$AR" rcs libs/libb.a b.o && \$UKCC a.c -Llibs -lb -lm -o app.img && test -x app.img
run-link-fifo      |0|-|-|mkfifo pipe && { cat pipe >got & } && \$UKCC -o pipe hello.c && wait && test -p pipe && head -c4 got | grep -q ELF
run-fail-fifo-kept |0|-|-|mkfifo pipe && ! \$UKCC -o pipe undef.c 2>/dev/null && test -p pipe
run-v-prints       |0|~^ /.*ld\.lld-19 -o |-|\$UKCC -v -o app.img hello.c
run-depfile        |0|hello.o: hello.c|-|\$UKCC -MD -c hello.c && cat hello.d
# --- what make, configure and cmake ask of a compiler (issue 3) ---
run-MM-user-only   |0|dep.o: dep.c dep.h|-|printf '#include <stdio.h>\n#include "dep.h"\n' >dep.c && touch dep.h && \$UKCC -MM dep.c
run-MM-no-system   |0|!stdio.h|-|printf '#include <stdio.h>\n#include "dep.h"\n' >dep.c && touch dep.h && \$UKCC -MM dep.c
run-M-system-too   |0|$SYS/include/stdio.h|-|\$UKCC -M hello.c
run-MMD-MP         |0|~^dep\.h:$|-|echo '#include "dep.h"' >dep.c && touch dep.h && \$UKCC -MMD -MP -c dep.c && test -s dep.o && cat dep.d
run-MD-MF-MT       |0|~^obj/x\.o: hello\.c|-|\$UKCC -MD -MF x.dep -MT obj/x.o -c hello.c && cat x.dep
run-MQ-quotes      |0|~^a\\\$\\\$b\.o: hello\.c|-|\$UKCC -MM -MQ 'a\$b.o' hello.c
run-MD-link-real   |0|~^prog: hello\.c|-|\$UKCC -MD -o prog hello.c && test -x prog && cat prog.d
run-E-o-dash       |0|UKCC_MARKER_LINE|-|\$UKCC -E pp.c -o -
run-link-stdin     |0|-|-|\$UKCC -x c - -o app.img <hello.c && test -x app.img
start-group-order  |0|"obj.o" "--start-group" "libs/libfoo.a" "libs/libother.a" "--end-group"|-|\$UKCC -### obj.o -Wl,--start-group -Llibs -lfoo -lother -Wl,--end-group
run-start-group    |0|-|-|\$UKCC -c b.c && "$AR" rcs libs/libb.a b.o && \$UKCC -o app.img a.c -Wl,--start-group libs/libb.a -Wl,--end-group && test -x app.img
run-v-search-list  |0|~^ $SYS/include$|-|\$UKCC -v -c hello.c
run-same-object    |0|-|-|\$UKCC -c hello.c -o one.o && \$UKCC -c hello.c -o two.o && cmp one.o two.o
run-same-image     |0|-|-|\$UKCC -g -o one.img hello.c && \$UKCC -g -o two.img hello.c && cmp one.img two.img
run-no-tmp-paths   |0|!$T/|-|\$UKCC -g -o app.img hello.c && echo 'int f;' | \$UKCC -x c -c - -o s.o && strings -a app.img s.o
# --- errors: message, exit 1, no output left ---
err-missing-file   |1|ukcc: error: nosuch.c: No such file or directory|a.out|\$UKCC nosuch.c
err-missing-all    |1|ukcc: error: other.c: No such file or directory|-|\$UKCC -c nosuch.c other.c
err-unknown-type   |1|ukcc: error: notes.txt: unknown file type|-|\$UKCC -c notes.txt
err-header-input   |1|ukcc: error: h.h: precompiled headers are not supported|-|touch h.h && \$UKCC -c h.h
err-o-many-c       |1|ukcc: error: -o cannot be used with -c, -S or -E when there are several input files|x.o|\$UKCC -c a.c b.c -o x.o
err-o-many-S       |1|-o cannot be used|-|\$UKCC -S a.c b.c -o x.s
err-o-many-dry     |1|-o cannot be used|-|\$UKCC -### -c a.c b.c -o x.o
err-shared         |1|ukcc: error: -shared: shared objects cannot go into a unikernel image|a.out|\$UKCC -shared -fPIC hello.c
err-shared-dry     |1|-shared: shared objects|-|\$UKCC -### -shared hello.c
err-lib-missing    |1|ukcc: error: cannot find -lnothere|a.out|\$UKCC hello.c -Llibs -lnothere
err-lib-dry        |1|ukcc: error: cannot find -lnothere|-|\$UKCC -### hello.c -lnothere
err-lib-shared     |1|cannot find -lbar: only the shared library libs/libbar.so exists|a.out|\$UKCC hello.c -Llibs -lbar
err-so-input       |1|libs/libbar.so: shared libraries cannot go into a unikernel image|-|\$UKCC obj.o libs/libbar.so
err-m32            |1|ukcc: error: -m32: ukcc builds x86_64 images only|-|\$UKCC -m32 -c hello.c
err-x-cxx          |1|ukcc: error: -x c++: ukcc compiles C only|-|\$UKCC -x c++ -c hello.c
err-stdin-no-x     |1|ukcc: error: -E or -x required when input is from standard input|-|\$UKCC -c - </dev/null
err-no-input       |1|ukcc: error: no input files|-|\$UKCC -O2
err-missing-arg    |1|ukcc: error: missing argument to '-o'|-|\$UKCC hello.c -o
err-same-in-out    |1|input file 'hello.c' is the same as the output file|-|\$UKCC -c hello.c -o hello.c
err-compile-diag   |1|bad.c:1:25: error: use of undeclared identifier 'missing_name'|bad.o|touch bad.o && \$UKCC -c bad.c
err-compile-link   |1|use of undeclared identifier|app.img|\$UKCC -o app.img bad.c
err-compile-others |1|hello.o|bad.o|\$UKCC -c bad.c hello.c; rc=\$?; ls hello.o; exit \$rc
err-undefined      |1|undefined symbol: foo|app.img|\$UKCC -o app.img undef.c
err-undefined-src  |1|referenced by undef.c:2|app.img|\$UKCC -o app.img undef.c
err-undefined-stage|1|ukcc: error: link stage failed|app.img|\$UKCC -o app.img undef.c
err-out-dir        |1|ukcc: error: -o nodir/app.img: cannot write in nodir: No such file or directory|-|\$UKCC -o nodir/app.img hello.c
err-sysroot-empty  |1|ukcc: error: sysroot $ROOT/empty is incomplete: missing include/stdio.h (build the project first)|a.out|mkdir -p $ROOT/empty && UKCC_SYSROOT=$ROOT/empty \$UKCC hello.c
err-sysroot-nolibc |1|is incomplete: missing lib/libc.a (build the project first)|a.out|mkdir -p $ROOT/nolib/include && touch $ROOT/nolib/include/stdio.h && UKCC_SYSROOT=$ROOT/nolib \$UKCC hello.c
c-needs-no-libs    |0|-|-|mkdir -p $ROOT/nolib2/include && touch $ROOT/nolib2/include/stdio.h && UKCC_SYSROOT=$ROOT/nolib2 \$UKCC -c a.c
# --- informational options ---
version            |0|~^ukcc version [0-9.]+ \(clang 19, musl [0-9a-z.]+\)$|-|\$UKCC --version
version-first-line |0|~^ukcc version|-|\$UKCC --version | head -1
help               |0|Usage: ukcc [options] file...|-|\$UKCC --help
help-documents-o   |0|-o <file>|-|\$UKCC --help
help-fits-80       |0|!TOO-LONG|-|\$UKCC --help | awk 'length > 80 { print "TOO-LONG" }'
dumpmachine        |0|x86_64-linux-musl|-|\$UKCC -dumpmachine
dumpversion        |0|~^[0-9]+\.[0-9]+\.[0-9]+$|-|\$UKCC -dumpversion
print-prog-ld      |0|~^/.*ld\.lld-19$|-|\$UKCC -print-prog-name=ld
print-prog-other   |0|~^frobnicate$|-|\$UKCC -print-prog-name=frobnicate
print-prog-ar      |0|~^/.*llvm-ar(-19)?$|-|\$UKCC -print-prog-name=ar
print-file-libc    |0|$SYS/lib/libc.a|-|\$UKCC -print-file-name=libc.a
print-file-libgcc  |0|$SYS/lib/libukbuiltins.a|-|\$UKCC -print-file-name=libgcc.a
print-file-unknown |0|~^nosuch\.a$|-|\$UKCC -print-file-name=nosuch.a
print-search-dirs  |0|libraries: =$SYS/lib|-|\$UKCC -print-search-dirs
print-sysroot-env  |0|~^$SYS$|-|\$UKCC -print-sysroot
sysroot-from-exe   |0|~^$(realpath "$(dirname "$UKCC")/..")/lib/ukcc$|-|unset UKCC_SYSROOT; \$UKCC -print-sysroot
sysroot-via-symlink|0|~^$(realpath "$(dirname "$UKCC")/..")/lib/ukcc$|-|unset UKCC_SYSROOT; ln -s \$UKCC cc && ./cc -print-sysroot
EOF
)

while IFS='|' read -r name rc expect absent cmd; do
    case $name in '#'* | '') continue ;; esac
    run_row "${name%% *}" "$rc" "$expect" "$absent" "$cmd"
done <<<"$TABLE"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
