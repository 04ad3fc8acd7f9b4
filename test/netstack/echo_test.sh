#!/bin/bash
# echo_test.sh: bulk TCP through the NIC, echoed by the image: nothing lost.
#
# Usage: echo_test.sh BINDIR SRCDIR MACHINE WORKDIR
# Boots test/netstack/echo.c under `ukrun --net user -p HOSTPORT:7` and,
# with bash's /dev/tcp only (no host tools), streams random bytes in while
# reading the echo back. The image exits right after its last write, so
# the check also covers data still in flight when the program ends.
set -u
bindir=$1 srcdir=$2 machine=$3 work=$4
mkdir -p "$work"
. "$(dirname "$0")/../lib.sh"
vm=""
stop_vm() {
    [ -n "$vm" ] && kill "$vm" 2>/dev/null && wait "$vm" 2>/dev/null
    vm=""
}
trap stop_vm EXIT

"$bindir/ukcc" -O2 -o "$work/echo.img" "$srcdir/test/netstack/echo.c" ||
    { result 1 "ukcc echo.c"; summary; exit 1; }

# size NAME: one run; the host port is random, retried if taken.
run() {
    local size=$1 name=$2 port try t
    head -c "$size" /dev/urandom >"$work/in.bin"
    for try in 1 2 3; do
        port=$((20000 + RANDOM % 30000))
        timeout 300 "$bindir/ukrun" --machine "$machine" --timeout 240 \
            -p "$port:7" "$work/echo.img" -- "$size" \
            </dev/null >"$work/vm.log" 2>&1 &
        vm=$!
        for t in $(seq 300); do
            grep -q listening "$work/vm.log" && break
            kill -0 "$vm" 2>/dev/null || break
            sleep 0.2
        done
        grep -q listening "$work/vm.log" && break
        stop_vm
    done
    # The forwarded port accepts before the image does: retry the connect
    # until the whole exchange works.
    rm -f "$work/out.bin"
    if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
        cat "$work/in.bin" >&3 &
        local writer=$!
        timeout 240 cat <&3 >"$work/out.bin"
        wait "$writer"
        exec 3<&-
    fi
    wait "$vm"
    local status=$?
    vm=""
    local back
    back=$(stat -c %s "$work/out.bin" 2>/dev/null || echo 0)
    cmp -s "$work/in.bin" "$work/out.bin"
    result $? "$name: $size bytes echoed intact ($back back)"
    [ $status = 0 ] && grep -q "echo: $size bytes" "$work/vm.log"
    result $? "$name: the image read all and exited 0 (status $status)"
    [ $status = 0 ] || sed 's/^/    /' "$work/vm.log" | tail -n 5
}

run 1000 small
run 8388608 bulk
summary
