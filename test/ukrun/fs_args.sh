#!/usr/bin/env bash
# fs_args.sh: ukrun --fs: QEMU devices, kernel options and refused values.
#
# usage: fs_args.sh UKRUN
# Only --dry-run: no QEMU runs (test/e2e/hostfs boots with --fs).
UKRUN=${1:?usage: fs_args.sh UKRUN}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b,c" "$work/d:e"
printf '\177ELF' >"$work/app.img" # enough for ukrun's image check
cd "$work" || exit 1

. "$(dirname "$0")/../lib.sh"
has() { grep -qF -- "$1" <<<"$out"; }
run() {
    out=$("$UKRUN" "$@" 2>&1)
    rc=$?
}

run --dry-run --fs a --fs "$work/b,c:/data/x" app.img
check "microvm device" has "-fsdev local,security_model=none,path=$work/a,id=fs0 -device virtio-9p-device,fsdev=fs0,mount_tag=fs0"
check "comma doubled, second device" has "path=$work/b,,c,id=fs1 -device virtio-9p-device,fsdev=fs1,mount_tag=fs1"
check "kernel options" has '"fs=fs0:/" "fs=fs1:/data/x" --'
run --dry-run --machine pc --fs a app.img
check "pc device" has "-device virtio-9p-pci,fsdev=fs0,mount_tag=fs0"
run --dry-run --fs "d:e" app.img
check "a directory named with ':' is the root" has '"fs=fs0:/"'
run --dry-run app.img
check "no --fs, no device" eval '! has virtio-9p && ! has fs='

run --fs /nonexistent/dir app.img
check "missing dir refused" eval '[ $rc = 125 ] && has "'"host directory '/nonexistent/dir': No such file or directory"'"'
run --fs app.img app.img
check "file refused" eval '[ $rc = 125 ] && has "is not a directory"'
run --fs a:rel app.img
check "relative guest path refused" eval '[ $rc = 125 ] && has "must be absolute"'
run --fs a --fs a app.img
check "two roots refused" eval '[ $rc = 125 ] && has "mounted twice"'
run --fs a:/1 --fs a:/2 --fs a:/3 --fs a:/4 --fs a:/5 --fs a:/6 --fs a:/7 \
    app.img
check "more than 6 refused" eval '[ $rc = 125 ] && has "at most 6"'

summary
