#!/usr/bin/env bash
# gdb_session.sh: `ukrun --gdb` and a scripted gdb stop in the program and in the kernel.
#
# usage: gdb_session.sh BINDIR
# Builds gdb_target.c with ukcc -g, boots it with `ukrun --gdb`, attaches
# gdb -batch with the command file ukrun prints, stops at a function of the
# program (a local's value), then at kernel_exit (its argument), and lets
# the guest finish: ukrun must exit with the program's status.
here=$(cd "$(dirname "$0")" && pwd)
bindir=$1
work=$(mktemp -d)
ukrun_pid=
cleanup() {
    [ -n "$ukrun_pid" ] && kill "$ukrun_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export TMPDIR=$work

npass=0
nfail=0
pass() { echo "[PASS] $1"; npass=$((npass + 1)); }
fail() { echo "[FAIL] $1: $2"; nfail=$((nfail + 1)); }
finish() {
    echo "$npass passed, $nfail failed"
    [ "$nfail" = 0 ]
    exit
}

if ! command -v gdb >/dev/null; then
    echo "[SKIP] gdb: not installed"
    finish
fi
if ! "$bindir/ukcc" -g -o "$work/t.img" "$here/gdb_target.c"; then
    fail build "ukcc -g failed"
    finish
fi

# A port of our own: another test may be debugging at the same time.
port=$((20000 + $$ % 20000))
"$bindir/ukrun" --gdb --gdb-port "$port" --timeout 120 "$work/t.img" \
    >"$work/guest.out" 2>"$work/ukrun.err" </dev/null &
ukrun_pid=$!
cmdfile=
for _ in $(seq 50); do
    cmdfile=$(sed -n 's/^ *gdb -x //p' "$work/ukrun.err")
    [ -n "$cmdfile" ] && break
    sleep 0.2
done
if [ -z "$cmdfile" ] || [ ! -f "$cmdfile" ]; then
    fail attach-command "ukrun printed no 'gdb -x FILE': $(cat "$work/ukrun.err")"
    finish
fi
pass attach-command
grep -q "target remote 127.0.0.1:$port" "$cmdfile" &&
    grep -q "^file .*t.img" "$cmdfile" && pass command-file ||
    fail command-file "$(cat "$cmdfile")"

timeout 120 gdb -batch -nx -x "$cmdfile" \
    -ex 'break compute' -ex 'break kernel_exit' -ex continue \
    -ex next -ex next -ex 'print square' \
    -ex continue -ex 'print status' -ex continue \
    >"$work/gdb.out" 2>&1
grep -Eq "Breakpoint 1, compute \(x=7\) at .*gdb_target\.c:[0-9]+" \
    "$work/gdb.out" && pass break-in-program ||
    fail break-in-program "$(tail -n 20 "$work/gdb.out")"
grep -q '^\$1 = 49$' "$work/gdb.out" && pass print-local ||
    fail print-local "$(tail -n 20 "$work/gdb.out")"
grep -Eq "Breakpoint 2, kernel_exit \(status=7\) at .*exit\.c:[0-9]+" \
    "$work/gdb.out" && grep -q '^\$2 = 7$' "$work/gdb.out" &&
    pass break-in-kernel || fail break-in-kernel "$(tail -n 20 "$work/gdb.out")"

wait "$ukrun_pid"
rc=$?
ukrun_pid=
[ "$rc" = 7 ] && grep -q "square 49" "$work/guest.out" && pass guest-exit ||
    fail guest-exit "status $rc, output $(cat "$work/guest.out")"
[ ! -e "$cmdfile" ] && pass cleanup || fail cleanup "$cmdfile left behind"
finish
