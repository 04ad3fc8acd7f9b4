#!/bin/bash
# spec_test.sh: the specialisation object: which components the pre-link walk finds (as lld links them), their inits in order, --boot-args, and clear errors for cycles and bad records.
#
# Usage: spec_test.sh BINDIR TESTDIR WORKDIR UK-SPEC
set -u
bindir=$1 testdir=$2 work=$3 ukspec=$4
mkdir -p "$work"
cd "$work" || exit 1
rm -f ./*.img ./*.debug ./*.json
. "$(dirname "$0")/../lib.sh"
ukcc=$bindir/ukcc
sys=$("$ukcc" -print-sysroot)
libs="$sys/lib/libukkernel.a $sys/lib/libukrt.a $sys/lib/libuklwip.a
      $sys/lib/libc.a $sys/lib/libukbuiltins.a"


# jcheck FILE PYTHON-EXPRESSION: the expression holds for the report r
# (s: its "specialisation" object).
jcheck() {
    python3 -c "import json,sys; r=json.load(open('$1')); s=r['specialisation']; sys.exit(0 if ($2) else 1)"
}

cp "$testdir"/*.c .
cp "$testdir/../../samples/hello/hello.c" hello.c

# --- hello: the components it links, and no init at all ---
"$ukcc" -Os -o hello.img hello.c 2>err.txt
result $? "ukcc links hello" "$(head -3 err.txt)"
"$bindir/ukreport" --format=json -o hello.json hello.img
result $? "ukreport reads hello's specialisation record"
# Exactly these, in dependency order (ties by name): a program that only
# prints has no file tree, no threads, no interrupts and no network.
want="core memory runtime libc time virtio console debug"
got=$(python3 -c "import json; print(' '.join(json.load(open('hello.json'))['specialisation']['components']))")
[ "$got" = "$want" ]
result $? "hello's components in init order are: $want" "got: $got"
jcheck hello.json "s['inits'] == [] and s['cmdline'] == ''"
result $? "hello has no inits (no vfs_boot) and no command-line defaults"
"$ukcc" -Os --report -o hello2.img hello.c >report.txt 2>&1 &&
    grep -q "^Inits at boot (0): none" report.txt &&
    grep -q "^Components chosen at link time, in init order (8):" report.txt
result $? "the text report lists the chosen components and no inits"

# --- a program with files: vfs, then the host directories ---
"$ukcc" -o files.img files_prog.c 2>err.txt &&
    "$bindir/ukreport" --format=json -o files.json files.img
result $? "ukcc links a program that opens files" "$(head -3 err.txt)"
jcheck files.json "[(i['function'], i['component'], i['phase']) for i in s['inits']] == [('vfs_boot', 'vfs', 'libc'), ('p9_boot_mounts', 'hostfs', 'libc')]"
result $? "its inits are vfs_boot, then p9_boot_mounts (hostfs depends on vfs)"
jcheck files.json "s['components'].index('vfs') < s['components'].index('hostfs') and 'threads' in s['components']"
result $? "vfs comes before hostfs in the component order"
out=$(timeout 120 "$bindir/ukrun" --timeout 60 files.img 2>&1)
[ "$out" = "passwd: root:x:0:0:root:/root:/bin/sh" ]
result $? "the vfs init ran before main: /etc/passwd is readable" "$out"

# --- the walk finds what lld extracts ---
# lld also extracts members that define LTO library calls (libm, memcpy,
# __stack_chk_fail) that no symbol table names; those carry no records.
closure() { # NAME OBJECT
    "$ukcc" -c -o "$1.o" "$2" &&
        "$ukcc" -o "$1-lld.img" "$1.o" -Wl,--why-extract="$1.why" &&
        "$ukspec" --members -T "$sys/lib/ukcc.ld" "$1.o" $libs |
        sort -u >"$1.ours" &&
        cut -f2 "$1.why" | grep -v '^extracted$' | sort -u >"$1.lld" ||
        return 1
    local extra missing
    for lib in $libs; do
        llvm-readelf-19 -S --wide "$lib" 2>/dev/null |
            awk '/^File: /{f=substr($0, 7)} /\.ukcc\./{print f}'
    done | sort -u >"$1.records"
    # The walk reads the native half of fat LTO objects, so it may also
    # pick a helper (e.g. __udivti3) that LTO later proves unused: that is
    # harmless unless the member declares a component.
    extra=$(comm -23 "$1.ours" "$1.lld" | comm -12 - "$1.records")
    [ -z "$extra" ] || { echo "not extracted by lld: $extra"; return 1; }
    missing=$(comm -23 "$1.lld" "$1.ours" | comm -12 - "$1.records")
    [ -z "$missing" ] || { echo "missed: $missing"; return 1; }
}
why=$(closure hello hello.c 2>&1)
result $? "hello: the walk and lld agree on the members with component records" "$why"
why=$(closure files files_prog.c 2>&1)
result $? "files: the walk and lld agree on the members with component records" "$why"

# --- an archive member's component is in only when the program uses it ---
"$ukcc" -c -I"$testdir/../../kernel" -o extra_lib.o extra_lib.c &&
    rm -f libextra.a && llvm-ar-19 rcs libextra.a extra_lib.o
result $? "an archive with a component of its own builds"
"$ukcc" -o noextra.img extra_main.c -L. -lextra &&
    "$bindir/ukreport" --format=json -o noextra.json noextra.img &&
    jcheck noextra.json "'extra' not in s['components'] and s['inits'] == [] and s['cmdline'] == ''"
result $? "an unreferenced archive member adds no component, init or default"
out=$(timeout 120 "$bindir/ukrun" --timeout 60 noextra.img 2>&1)
[ "$out" = "EXTRA_DEFAULT=unset" ]
result $? "... and its default does not reach the program" "$out"
"$ukcc" -DUSE_EXTRA -o extra.img extra_main.c -L. -lextra &&
    "$bindir/ukreport" --format=json -o extra.json extra.img &&
    jcheck extra.json "'extra' in s['components'] and [i['function'] for i in s['inits']] == ['extra_init'] and s['cmdline'] == 'env=EXTRA_DEFAULT=1'"
result $? "referenced, the member brings its component, init and default"
out=$(timeout 120 "$bindir/ukrun" --timeout 60 extra.img 2>&1)
[ "$out" = "$(printf 'extra 42\nEXTRA_DEFAULT=set')" ]
result $? "... its init ran before main and its default is in the environment" "$out"

"$ukcc" -o rooted.img extra_main.c -Wl,-u,extra_value -L. -lextra &&
    "$bindir/ukreport" --format=json -o rooted.json rooted.img &&
    jcheck rooted.json "[i['function'] for i in s['inits']] == ['extra_init']"
result $? "a -u root pulls the member in, and its init with it"

# --- --boot-args ---
"$ukcc" -o args.img --boot-args='env=GREETING="hello world" strace' \
    extra_main.c -L. -lextra -DUSE_EXTRA &&
    "$bindir/ukreport" --format=json -o args.json args.img &&
    jcheck args.json "s['cmdline'] == 'env=EXTRA_DEFAULT=1 env=GREETING=\"hello world\" strace'"
result $? "--boot-args follows the components' defaults in the image's record"
"$ukcc" -o bad.img --boot-args="env=A='x" hello.c >err.txt 2>&1
[ $? = 1 ] && grep -q "ukcc: error: --boot-args: quote ' left open" err.txt &&
    [ ! -e bad.img ]
result $? "--boot-args with an open quote is refused, no image" "$(cat err.txt)"
"$ukcc" -o bad.img --boot-args="env=A=1 -- x" hello.c >err.txt 2>&1
[ $? = 1 ] && grep -q "ukcc: error: --boot-args takes kernel options only" \
    err.txt && [ ! -e bad.img ]
result $? "--boot-args with program arguments is refused" "$(cat err.txt)"
"$ukcc" --help | grep -q -- "--boot-args=<options>"
result $? "--help documents --boot-args"

# --- records that cannot be honoured ---
"$ukcc" -I"$testdir/../../kernel" -o cycle.img cycle_prog.c >err.txt 2>&1
[ $? = 1 ] && grep -q "ukcc: error: component dependency cycle: cycle_a -> cycle_b -> cycle_a" err.txt && [ ! -e cycle.img ]
result $? "a dependency cycle fails the link, naming the components" "$(cat err.txt)"
"$ukcc" -I"$testdir/../../kernel" -o phase.img phase_prog.c >err.txt 2>&1
[ $? = 1 ] && grep -q "UK_COMPONENT_INIT(badphase, badphase_init, early): the phase must be kernel or libc" err.txt && [ ! -e phase.img ]
result $? "an unknown init phase fails the link, naming the record" "$(cat err.txt)"

# --- cost: the walk against the link, and no bytes for hello ---
"$ukcc" -v -Os -o timed.img hello.c >timing.txt 2>&1
result $? "ukcc -v links hello"
walk_ms=$(sed -n 's/.*spec: the walk and the object took \([0-9.]*\) ms/\1/p' timing.txt)
[ -n "$walk_ms" ]
result $? "ukcc -v reports the time of the walk and the object ($walk_ms ms)"
echo "$(($(stat -c %s timed.img))) bytes: hello image"

summary
