#!/bin/bash
# stdio_test.sh: a booted program's stdin, stdout and stderr behave like a native program's.
#
# Usage: stdio_test.sh BINDIR SRCDIR WORKDIR
# Each check runs on microvm and pc (TCG): 10 MiB of random bytes through
# stdin -> stdout arrive byte-identical; stdout and stderr go to separate
# files, each with exactly its own lines; end of input ends a fgets loop
# (from a file, a pipe, /dev/null and a closed stdin); isatty() is false
# under pipes and files and true under a pseudo-terminal (script(1)), where
# typed lines echo and Ctrl-D is end of file.
set -u
bindir=$1 srcdir=$2 work=$3
mkdir -p "$work"
img=$work/stdio_prog.img
. "$(dirname "$0")/../lib.sh"

if ! "$bindir/ukcc" -o "$img" "$srcdir/stdio_prog.c"; then
    echo "[FAIL] ukcc stdio_prog.c"
    echo "0 passed, 1 failed"
    exit 1
fi

run() { # MACHINE ARGS... (stdio as given by the caller)
    local m=$1
    shift
    timeout 150 "$bindir/ukrun" --machine "$m" --timeout 120 "$img" -- "$@"
}

head -c $((10 << 20)) /dev/urandom >"$work/random.in"
printf 'alpha\nbeta\n\ngamma without newline' >"$work/lines.in"
printf '1: alpha\n2: beta\n3: \n4: gamma without newlineeof after 4 lines\n' \
    >"$work/lines.want"

for m in microvm pc; do
    out=$work/$m
    # Binary-safe and complete: every byte value, no translation.
    run "$m" copy <"$work/random.in" >"$out.copy" 2>"$out.copy.err"
    st=$?
    if [ $st != 0 ]; then
        bad "copy 10 MiB on $m" "exit status $st: $(head -c 300 "$out.copy.err")"
    elif ! cmp -s "$work/random.in" "$out.copy"; then
        bad "copy 10 MiB on $m" "output differs ($(wc -c <"$out.copy") bytes)"
    else
        ok "copy 10 MiB stdin -> stdout byte-identical on $m"
    fi

    # Through a pipe as well as from a file.
    head -c 300000 "$work/random.in" | run "$m" copy >"$out.pipe" 2>&1
    if head -c 300000 "$work/random.in" | cmp -s - "$out.pipe"; then
        ok "copy from a pipe on $m"
    else
        bad "copy from a pipe on $m" "output differs"
    fi

    # stdout and stderr stay apart.
    run "$m" split </dev/null >"$out.split.out" 2>"$out.split.err"
    st=$?
    seq 0 99 | sed 's/^/out /' >"$out.split.want.out"
    seq 0 99 | sed 's/^/err /' >"$out.split.want.err"
    if [ $st != 0 ]; then
        bad "split on $m" "exit status $st"
    elif ! cmp -s "$out.split.want.out" "$out.split.out"; then
        bad "split on $m" "stdout is not exactly the out lines"
    elif ! cmp -s "$out.split.want.err" "$out.split.err"; then
        bad "split on $m" "stderr is not exactly the err lines"
    else
        ok "stdout and stderr separate on $m"
    fi

    # End of input ends a fgets loop, whatever the input is.
    run "$m" lines <"$work/lines.in" >"$out.lines" 2>&1
    if cmp -s "$work/lines.want" "$out.lines"; then
        ok "EOF from a file ends fgets on $m"
    else
        bad "EOF from a file on $m" "got: $(head -c 200 "$out.lines")"
    fi
    cat "$work/lines.in" | run "$m" lines >"$out.lines.pipe" 2>&1
    if cmp -s "$work/lines.want" "$out.lines.pipe"; then
        ok "EOF from a pipe ends fgets on $m"
    else
        bad "EOF from a pipe on $m" "got: $(head -c 200 "$out.lines.pipe")"
    fi
    for how in null closed; do
        if [ $how = null ]; then
            run "$m" lines </dev/null >"$out.lines.$how" 2>&1
        else
            run "$m" lines <&- >"$out.lines.$how" 2>&1
        fi
        if [ "$(cat "$out.lines.$how")" = "eof after 0 lines" ]; then
            ok "EOF from a $how stdin on $m"
        else
            bad "EOF from a $how stdin on $m" \
                "got: $(head -c 200 "$out.lines.$how")"
        fi
    done

    # Appending to a file keeps what was there (QEMU must not truncate).
    echo before >"$out.append"
    run "$m" split </dev/null >>"$out.append" 2>/dev/null
    if [ "$(head -n 1 "$out.append")" = before ] &&
        [ "$(wc -l <"$out.append")" = 101 ]; then
        ok "stdout appended with >> on $m"
    else
        bad "stdout appended with >> on $m" "$(head -n 2 "$out.append")"
    fi

    # A bad buffer faults (status 139, a report on stderr), writes nothing.
    run "$m" badptr </dev/null >"$out.badptr" 2>"$out.badptr.err"
    st=$?
    if [ $st = 139 ] && [ ! -s "$out.badptr" ] &&
        grep -q "page fault" "$out.badptr.err"; then
        ok "write from a bad pointer faults on $m"
    else
        bad "write from a bad pointer on $m" \
            "status $st, $(wc -c <"$out.badptr") bytes out"
    fi

    # Not terminals under files and pipes.
    got=$(run "$m" tty </dev/null 2>/dev/null | cat)
    if [ "$got" = "isatty 0 0 0" ]; then
        ok "isatty false under pipes on $m"
    else
        bad "isatty under pipes on $m" "got: $got"
    fi

    # Terminals under a pseudo-terminal: isatty, window size, echo, Ctrl-D.
    if ! command -v script >/dev/null; then
        echo "[SKIP] pty checks: no script(1)"
        continue
    fi
    cmd="$bindir/ukrun --machine $m --timeout 120 $img -- tty"
    got=$(timeout 150 script -qec "$cmd </dev/null 2>/dev/null" /dev/null |
        tr -d '\r')
    if [ "$got" = "$(printf 'isatty 0 1 0\nwinsize 24x80')" ]; then
        ok "isatty(1) true under a pty, 0 and 2 false on $m"
    else
        bad "isatty under a pty on $m" "got: $got"
    fi
    cmd="$bindir/ukrun --machine $m --timeout 120 $img -- lines"
    # The terminal echoes as it processes input, which may interleave with
    # the program's answers: compare the lines, not their order.
    got=$( (sleep 1; printf 'one\ntwo\n'; sleep 3; printf '\004') |
        timeout 150 script -qec "$cmd" /dev/null | tr -d '\r' | sort)
    want=$(printf 'one\ntwo\n1: one\n2: two\neof after 2 lines\n' | sort)
    if [ "$got" = "$want" ]; then
        ok "interactive lines and Ctrl-D under a pty on $m"
    else
        bad "interactive under a pty on $m" "got: $got"
    fi
done

summary
