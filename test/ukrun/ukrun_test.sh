#!/usr/bin/env bash
# ukrun_test.sh: ukrun's options, kernel command line quoting and exit path.
#
# usage: ukrun_test.sh [UKRUN [CLANG [LD_LLD]]]
# Defaults: build/bin/ukrun next to this source tree, clang-19, ld.lld-19.
# The --dry-run checks need no QEMU; the boot checks build exit_image.S (a
# stand-in for a ukcc image that reports "UKEXIT 200") and run it under TCG.

here=$(cd "$(dirname "$0")" && pwd)
UKRUN=${1:-$here/../../build/bin/ukrun}
CLANG=${2:-clang-19}
LD_LLD=${3:-ld.lld-19}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp # ukrun's control files land here; checked at the end
mkdir -p "$TMPDIR" "$work/dir"
unset UKRUN_QEMU

npass=0
nfail=0
pass() { echo "[PASS] $1"; npass=$((npass + 1)); }
fail() { echo "[FAIL] $1: $2"; nfail=$((nfail + 1)); }
skip() { echo "[SKIP] $1: $2"; }

# run ARGS...: run ukrun, leaving its stdout, stderr and status in out, err, rc.
run() {
    out=$("$UKRUN" "$@" 2>"$work/stderr" </dev/null)
    rc=$?
    err=$(cat "$work/stderr")
}

# word_after OPT: the argument following OPT in the command line --dry-run
# printed, read back the way a shell would (so this also checks the quoting
# of the printed line).
word_after() {
    local opt=$1
    eval "set -- $out"
    while [ $# -gt 1 ]; do
        if [ "$1" = "$opt" ]; then
            printf '%s' "$2"
            return 0
        fi
        shift
    done
    return 1
}
append_of() { word_after -append; }

# expect_append NAME EXPECTED ARGS...: --dry-run ARGS gives -append EXPECTED.
expect_append() {
    local name=$1 want=$2 got
    shift 2
    run --dry-run "$@"
    got=$(append_of)
    if [ $rc -ne 0 ]; then
        fail "$name" "exit $rc: $err"
    elif [ "$got" != "$want" ]; then
        fail "$name" "-append [$got], want [$want]"
    else
        pass "$name"
    fi
}

# expect_in NAME TEXT ARGS...: --dry-run ARGS prints a line containing TEXT.
expect_in() {
    local name=$1 want=$2
    shift 2
    run --dry-run "$@"
    if [ $rc -eq 0 ] && [[ "$out" == *"$want"* ]]; then
        pass "$name"
    else
        fail "$name" "exit $rc, no [$want] in: $out$err"
    fi
}

# expect_error NAME NEEDLE ARGS...: ukrun ARGS exits 125 with an error naming
# NEEDLE on stderr and nothing on stdout.
expect_error() {
    local name=$1 needle=$2
    shift 2
    run "$@"
    if [ $rc -ne 125 ]; then
        fail "$name" "exit $rc, want 125 ($err)"
    elif [[ "$err" != "ukrun: error: "*"$needle"* ]]; then
        fail "$name" "message [$err] does not name [$needle]"
    elif [ -n "$out" ]; then
        fail "$name" "unexpected stdout [$out]"
    else
        pass "$name"
    fi
}

if [ ! -x "$UKRUN" ]; then
    echo "ukrun_test.sh: no ukrun at $UKRUN (build it first)" >&2
    exit 2
fi
UKRUN=$(cd "$(dirname "$UKRUN")" && pwd)/$(basename "$UKRUN") # we cd below

# A file that passes ukrun's own check (ELF magic) for the --dry-run tests.
img=$work/dir/hello.img
printf '\177ELF\002\001\001' >"$img"
cd "$work/dir" || exit 2

# --- machine, accelerator and the fixed QEMU options --------------------------

if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
    auto_accel="-accel kvm -cpu host"
else
    auto_accel="-accel tcg -cpu max" # this includes a software-only /dev/kvm
fi
expect_in default_machine_microvm " -M microvm,x-option-roms=off,rtc=on,acpi=off " \
    hello.img
expect_in default_accel_auto " $auto_accel " hello.img
expect_in default_mem " -m 128M " hello.img
expect_in machine_pc " -M pc -nodefaults " --machine pc hello.img
expect_in accel_kvm " -accel kvm -cpu host " --accel kvm hello.img
expect_in accel_tcg " -accel tcg -cpu max " --accel=tcg hello.img
expect_in mem_option " -m 1G " --mem 1G hello.img
expect_in kernel_is_image " -kernel hello.img -append " hello.img
expect_in serial_on_stderr " -chardev file,append=on,id=ukcon,path=/dev/fdset/3 -serial chardev:ukcon " \
    hello.img
expect_in stdio_ports " -device virtserialport,nr=1,chardev=ukin -device virtserialport,nr=2,chardev=ukout -device virtserialport,nr=3,chardev=ukerr " \
    hello.img
expect_in debug_exit " -device isa-debug-exit,iobase=0xf4,iosize=4 " hello.img
expect_in debugcon_to_file \
    " -device isa-debugcon,iobase=0xe9,chardev=ukctl -no-reboot" hello.img
expect_in ctlfile_in_tmpdir "-chardev file,id=ukctl,path=$TMPDIR/ukrun-" \
    hello.img
mkdir -p "$work/t,d"
TMPDIR=$work/t,d expect_in ctlfile_path_commas_doubled \
    "path=$work/t,,d/ukrun-XXXXXX " hello.img
expect_in qemu_args_appended "-no-reboot -s -d int,cpu_reset 'a b'" \
    --qemu-arg -s --qemu-arg -d --qemu-arg int,cpu_reset --qemu-arg 'a b' \
    hello.img
UKRUN_QEMU=/opt/q/qemu-system-x86_64 run --dry-run hello.img
if [[ "$out" == "/opt/q/qemu-system-x86_64 -M "* ]]; then
    pass ukrun_qemu_env
else
    fail ukrun_qemu_env "$out"
fi

# --- the kernel command line --------------------------------------------------

# The example the guest's parser was written against, checked literally.
expect_in append_example \
    "-append '\"env=A=x y\" -- \"hello.img\" \"world\" \"a\\\"b\"'" \
    -e 'A=x y' hello.img -- world 'a"b'
expect_append append_no_args '-- "hello.img"' hello.img
expect_append append_spaces '-- "hello.img" "x y" "  lead" "trail  "' \
    hello.img 'x y' '  lead' 'trail  '
expect_append append_quotes '-- "hello.img" "a\"b" "\"" "it'"'"'s"' \
    hello.img 'a"b' '"' "it's"
expect_append append_backslashes '-- "hello.img" "c:\\dir" "\\\"" "end\\"' \
    hello.img 'c:\dir' '\"' 'end\'
expect_append append_empty_arg '-- "hello.img" "" "x" ""' hello.img '' x ''
expect_append append_control_chars "-- \"hello.img\" \"tab	nl
x\" \"\$HOME\"" hello.img "tab	nl
x" '$HOME'
expect_append append_env \
    '"env=A=1" "env=B=two words" "env=C=q\"\\" "env=D=" -- "hello.img" "x"' \
    -e A=1 -e 'B=two words' --env 'C=q"\' -eD= hello.img x
expect_append append_env_value_with_equals '"env=X=a=b" -- "hello.img"' \
    -e X=a=b hello.img
expect_append argv0_is_basename '-- "hello.img" "1"' ../dir/hello.img 1
expect_in kernel_keeps_path " -kernel ../dir/hello.img " ../dir/hello.img
expect_append dashdash_dropped '-- "hello.img" "-v" "--x"' hello.img -- -v --x
expect_append dashdash_kept_after_args '-- "hello.img" "a" "--" "b"' \
    hello.img a -- b
expect_append dashdash_twice '-- "hello.img" "--"' hello.img -- --
expect_append dashdash_before_image '-- "hello.img" "x"' -- hello.img x

# Words after IMAGE belong to the program, even ones that look like options.
run --dry-run hello.img -v --timeout 3
if [ $rc -eq 0 ] && [ -z "$err" ] &&
    [ "$(append_of)" = '-- "hello.img" "-v" "--timeout" "3"' ]; then
    pass options_after_image_are_args
else
    fail options_after_image_are_args "exit $rc [$(append_of)] [$err]"
fi

# --- usage errors: exit 125, naming what is wrong -----------------------------

expect_error no_image "no image given"
expect_error no_image_after_options "no image given" --mem 64M -e A=1
expect_error missing_image "nothere.img" nothere.img
expect_error missing_image_with_args "nothere.img" nothere.img -- a b
printf 'just text\n' >notelf.img
expect_error not_elf "notelf.img: not an ELF file" notelf.img
: >empty.img
expect_error empty_file "empty.img: not an ELF file" empty.img
expect_error directory "is a directory" ../dir
expect_error unknown_option "'--frobnicate'" --frobnicate hello.img
expect_error unknown_short_option "'-x'" -x hello.img
expect_error option_needs_value "'--mem'" --mem
expect_error short_option_needs_value "'-e'" -e
expect_error flag_takes_no_value "'--verbose'" --verbose=1 hello.img
expect_error bad_machine "'q35'" --machine q35 hello.img
expect_error bad_accel "'hvf'" --accel hvf hello.img
expect_error bad_mem "'lots'" --mem lots hello.img
expect_error bad_timeout "'-1'" --timeout -1 hello.img
expect_error bad_env_no_equals "'FOO'" -e FOO hello.img
expect_error bad_env_no_name "'=x'" -e =x hello.img

run --help
if [ $rc -eq 0 ] && [[ "$out" == "usage: ukrun "* ]]; then pass help; else
    fail help "exit $rc"; fi
run --version
if [ $rc -eq 0 ] && [[ "$out" == "ukrun "* ]]; then pass version; else
    fail version "exit $rc"; fi

# --- real boots ---------------------------------------------------------------

# build NAME [DEFINES...]: assemble and link exit_image.S into NAME.img.
build() {
    local name=$1
    shift
    "$CLANG" --target=x86_64-unknown-none -c "$@" \
        "$here/exit_image.S" -o "$work/$name.o" &&
        "$LD_LLD" -T "$here/exit_image.ld" -o "$work/$name.img" "$work/$name.o"
}

if ! command -v "$CLANG" >/dev/null || ! command -v "$LD_LLD" >/dev/null; then
    skip boot "no $CLANG or $LD_LLD"
elif ! build exit || ! build hang -DHANG || ! build fault -DFAULT; then
    fail boot "cannot build exit_image.S"
else
    # --timeout is a safety net: a broken exit path gives 124, not a hang.
    for m in microvm pc; do
        run --machine $m --accel tcg --timeout 60 "$work/exit.img" a b
        if [ $rc -eq 200 ]; then pass "boot_exit_status_$m"; else
            fail "boot_exit_status_$m" "exit $rc, want 200: $err"; fi
    done

    run --accel tcg --timeout 60 -v "$work/exit.img" x
    if [ $rc -eq 200 ] && [[ "$err" == *" -append '-- \"exit.img\" \"x\"' "* ]]
    then pass verbose_prints_command; else
        fail verbose_prints_command "exit $rc: $err"; fi

    start=$SECONDS
    run --accel tcg --timeout 2 "$work/hang.img"
    took=$((SECONDS - start))
    if [ $rc -eq 124 ] && [ $took -lt 10 ] &&
        [[ "$err" == *"ukrun: timeout: guest still running after 2 s"* ]]; then
        pass boot_timeout
    else
        fail boot_timeout "exit $rc after ${took}s: $err"
    fi

    run --accel tcg --timeout 60 "$work/fault.img"
    if [ $rc -eq 125 ] && [[ "$err" == *"without reporting an exit status"* ]]
    then pass boot_triple_fault; else
        fail boot_triple_fault "exit $rc: $err"; fi

    # ELF magic but nothing QEMU can boot: QEMU's own error, then ukrun's.
    run --accel tcg --timeout 60 hello.img
    if [ $rc -eq 125 ] && [[ "$err" == *"ukrun: qemu failed (exit status 1)"* ]]
    then pass boot_qemu_refuses_image; else
        fail boot_qemu_refuses_image "exit $rc: $err"; fi

    # A signal to ukrun reaches the guest, and ukrun then dies of it like a
    # native program would (SIGINT cannot be tested from a script: background
    # jobs start with it ignored).
    for sig in TERM HUP; do
        "$UKRUN" --accel tcg --timeout 60 "$work/hang.img" </dev/null \
            2>"$work/stderr" &
        pid=$!
        sleep 1
        kill -s $sig $pid
        wait $pid 2>/dev/null # no "Hangup" job report
        rc=$?
        want=$((128 + $(kill -l $sig)))
        if [ $rc -eq $want ]; then pass "signal_forwarded_$sig"; else
            fail "signal_forwarded_$sig" "exit $rc, want $want"; fi
    done

    leftover=$(ls -A "$TMPDIR")
    if [ -z "$leftover" ]; then pass ctlfile_removed; else
        fail ctlfile_removed "left in TMPDIR: $leftover"; fi
fi

echo "$npass passed, $nfail failed"
[ $nfail -eq 0 ]
