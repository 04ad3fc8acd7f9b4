#!/bin/bash
# check.sh: after a case, what the guest wrote must be on the host, exactly.
set -u
work=$1 case=$2
fail() {
    echo "$*"
    exit 1
}
same() { # FILE TEXT
    [ -f "$1" ] || fail "$1 missing on the host"
    [ "$(cat "$1")" = "$2" ] || fail "$1 on the host: '$(cat "$1")', want '$2'"
}
case $case in
basic)
    d=$work/basic
    same "$d/made/moved.txt" "$(printf 'first\nappended')"
    same "$d/hard.txt" "$(printf 'first\nappended')"
    [ "$(readlink "$d/link")" = made/moved.txt ] || fail "link target"
    [ "$(stat -c %a "$d/made")" = 750 ] || fail "made/ mode"
    [ "$(stat -c %a "$d/trunc.bin")" = 640 ] || fail "trunc.bin mode"
    [ "$(od -An -c "$d/trunc.bin" | tr -s ' ')" = \
        " 0 1 2 3 \0 \0 X Y" ] || fail "trunc.bin: $(od -An -c "$d/trunc.bin")"
    [ ! -e "$d/new.txt" ] && [ ! -e "$d/gone.txt" ] ||
        fail "renamed or unlinked file still there"
    [ "$(stat -c %U "$d/made/moved.txt")" = "$(id -un)" ] ||
        fail "owner is not the user who ran ukrun"
    ;;
two)
    same "$work/two/from-guest.txt" "written to the second mount"
    same "$work/one/root.txt" "written to the first mount"
    [ ! -e "$work/two/root.txt" ] || fail "rename crossed mounts"
    ;;
big)
    cmp "$work/big/src.bin" "$work/big/dst.bin" || fail "dst.bin differs"
    cmp "$work/big/src.bin" "$work/big/whole.bin" || fail "whole.bin differs"
    ;;
threads)
    for t in 0 1 2 3; do
        for i in $(seq 0 199); do echo "thread $t line $i"; done |
            cmp - "$work/threads/thread$t.txt" || fail "thread$t.txt differs"
    done
    ;;
esac
exit 0
