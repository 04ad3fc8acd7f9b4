#!/bin/bash
# run_e2e.sh: build one end-to-end test program with ukcc and boot each of its cases.
#
# Usage: run_e2e.sh BINDIR TESTDIR MACHINE WORKDIR
# TESTDIR holds *.c (the program, built with the flags in `cflags` if that
# file exists), optionally setup.sh, and `cases`: one case a line,
# `NAME STATUS [UKRUN OPTIONS] [-- ARGS]` (shell words; `#` comments). Each case boots the image on MACHINE under
# `ukrun --timeout` and checks the exit status, and the output against
# NAME.out (exact) or NAME.grep (each line an extended regexp that must
# match some output line). An executable check.sh, if any, runs after
# each case that passed, as `check.sh WORKDIR NAME`: it checks what the
# case left on the host (files written through ukrun --fs) and fails the
# case with its output when it exits non-zero.
set -u
bindir=$1 testdir=$2 machine=$3 work=$4
name=$(basename "$testdir")
mkdir -p "$work"
img="$work/$name.img"

# An executable setup.sh, if any, runs first with WORKDIR as its
# argument (to generate inputs); `cflags` and `cases` are shell words in
# which $testdir and $work expand.
if [ -x "$testdir/setup.sh" ] && ! "$testdir/setup.sh" "$work"; then
    echo "[FAIL] $name: setup.sh failed"
    echo "0 passed, 1 failed"
    exit 1
fi
cflags=()
[ -f "$testdir/cflags" ] && eval "cflags=($(cat "$testdir/cflags"))"
if ! "$bindir/ukcc" "${cflags[@]}" -o "$img" "$testdir"/*.c; then
    echo "[FAIL] $name: ukcc failed"
    echo "0 passed, 1 failed"
    exit 1
fi

pass=0 fail=0
while read -r line; do
    case "$line" in "" | "#"*) continue ;; esac
    eval "set -- $line"
    case_name=$1 want_status=$2
    shift 2
    out="$work/$name.$case_name.$machine.out"
    start=$(date +%s%N)
    opts=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        opts+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    timeout 120 "$bindir/ukrun" --machine "$machine" --timeout 60 \
        "${opts[@]}" "$img" -- "$@" </dev/null >"$out" 2>&1
    status=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    ok=1 why=""
    if [ "$status" != "$want_status" ]; then
        ok=0 why="exit status $status, expected $want_status"
    elif [ -f "$testdir/$case_name.out" ]; then
        if ! cmp -s "$testdir/$case_name.out" "$out"; then
            ok=0 why="output differs from $case_name.out"
            diff -u "$testdir/$case_name.out" "$out" | head -n 30
        fi
    elif [ -f "$testdir/$case_name.grep" ]; then
        while read -r pattern; do
            [ -z "$pattern" ] && continue
            if ! grep -Eq -- "$pattern" "$out"; then
                ok=0 why="no output line matches /$pattern/"
                break
            fi
        done <"$testdir/$case_name.grep"
    else
        ok=0 why="no $case_name.out or $case_name.grep to check against"
    fi
    if [ $ok = 1 ] && [ -x "$testdir/check.sh" ] &&
        ! why=$("$testdir/check.sh" "$work" "$case_name" 2>&1); then
        ok=0 why="check.sh: $why"
    fi
    if [ $ok = 1 ]; then
        echo "[PASS] $name/$case_name on $machine (${ms} ms)"
        pass=$((pass + 1))
    else
        echo "[FAIL] $name/$case_name on $machine: $why"
        echo "--- output:"
        head -c 4000 "$out"
        fail=$((fail + 1))
    fi
done <"$testdir/cases"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
