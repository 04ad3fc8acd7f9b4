#!/usr/bin/env bash
# net_inject_args.sh: ukrun --net-inject: QEMU chardev, filter, bad values.
#
# usage: net_inject_args.sh UKRUN
# Only --dry-run: no QEMU runs (test/net/frames_test.sh injects for real).
UKRUN=${1:?usage: net_inject_args.sh UKRUN}
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '\177ELF' >"$work/app.img" # enough for ukrun's image check
touch "$work/plain"
cd "$work" || exit 1

. "$here/../lib.sh"
has() { grep -qF -- "$1" <<<"$out"; }
run() {
    out=$("$UKRUN" "$@" 2>&1)
    rc=$?
}
chr="-chardev pipe,id=ukinject,path="
flt="-object filter-redirector,id=ukinjectf,netdev=uknet,queue=tx,"
flt+="indev=ukinject"

run --dry-run --net user --net-inject "$work/in.fifo" app.img
check "microvm: chardev and filter on the NIC's netdev" \
    has "-device virtio-net-device,netdev=uknet $chr$work/in.fifo $flt"
check "--dry-run creates no pipe" test ! -e "$work/in.fifo"
run --dry-run --machine pc -p 8080:80 --net-inject in.fifo app.img
check "pc, with -p: the same filter" \
    has "virtio-net-pci,netdev=uknet,romfile= ${chr}in.fifo $flt"
run --dry-run --net tap:tap7 --net-inject in.fifo app.img
check "tap backend: the same filter" has "ifname=tap7 -device"
check "tap backend: filter present" has "$flt"
run --dry-run --net user --net-inject "$work/a,b.fifo" app.img
check "a comma in the path is doubled" has "path=$work/a,,b.fifo -object"
mkfifo "$work/old.fifo"
run --dry-run --net user --net-inject "$work/old.fifo" app.img
check "an existing named pipe is taken" has "path=$work/old.fifo -object"
run --dry-run --net user app.img
check "no --net-inject, no chardev or filter" eval '! has ukinject'

run --net none --net-inject in.fifo app.img
check "--net none refused" \
    eval '[ $rc = 125 ] && has "--net-inject needs a network card"'
run --net-inject in.fifo app.img
check "an image without the NIC driver refused" \
    eval '[ $rc = 125 ] && has "--net-inject needs a network card"'
run --net user --net-inject plain app.img
check "an existing regular file refused" \
    eval '[ $rc = 125 ] && has "exists and is not a named pipe"'
run --net user --net-inject /nonexistent/in.fifo app.img
check "a pipe that cannot be created: error before QEMU" \
    eval '[ $rc = 125 ] && has "cannot create the named pipe"'
run --net user --net-inject "" app.img
check "empty path refused" eval '[ $rc = 125 ] && has "bad --net-inject"'
run --net user --net-inject a.fifo --net-inject b.fifo app.img
check "given twice refused" eval '[ $rc = 125 ] && has "given twice"'
run --help
check "--help lists --net-inject" has "--net-inject FIFO"

summary
