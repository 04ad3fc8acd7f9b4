#!/bin/bash
# redis.sh: redis-server as a ukcc image against the same source as /init of a Linux microVM, under redis-benchmark.
#
# redis 7.0.15 (Debian's source package) built by its own Makefile twice:
# CC=ukcc, and CC=musl-gcc LDFLAGS=-static for the Linux guest (both
# MALLOC=libc; test/net/redis_build.sh, which keeps builds whose inputs did
# not change). Same QEMU machine type, accelerator and memory, each behind
# QEMU user networking with a hostfwd port on 127.0.0.1. redis-benchmark
# runs on the host with 10 clients (50 stall under user networking, for
# both guests). Prints a table row: machine, clients, requests, SET and GET
# requests/s for both, and the ratios ukcc/Linux.
# Usage: redis.sh [REQUESTS] [MACHINE] [MEM]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/net_vm.sh"
n=${1:-20000}
machine=${2:-microvm}
mem=${3:-256M}
clients=10
deps=${UKCC_DEPS_DIR:-$top/.deps}
command -v redis-benchmark >/dev/null || { echo "redis.sh: needs redis-benchmark (tools/deps.sh)" >&2; exit 1; }
trap net_stop EXIT

for cc in ukcc musl-gcc; do
    "$top/test/net/redis_build.sh" "$build" "$top" "$deps" "$work/redis-$cc" \
        "$cc" >&2 || { echo "redis.sh: $cc build failed, see $work/redis-$cc/make.log" >&2; exit 1; }
done
args=(--save '' --appendonly no --protected-mode no)
linux_net_initramfs "$work/redis-musl-gcc/redis/src/redis-server" \
    "$work/redis-initramfs.cpio" "${args[@]}"

# measure LOG: redis-benchmark against the VM just booted; "set get".
measure() {
    if ! net_wait "redis-cli -p $port PING | grep -qx PONG"; then
        echo "redis.sh: redis did not answer; it said:" >&2
        tail -n 20 "$1" >&2
        exit 1
    fi
    redis-benchmark -p "$port" -q -n "$n" -c "$clients" -t set,get \
        >"$1.bench" 2>&1 || true
    net_stop
    tr '\r' '\n' <"$1.bench" | awk '
        $1 == "SET:" && /requests per second/ {set = $2}
        $1 == "GET:" && /requests per second/ {get = $2}
        END {print (set == "" ? "nan" : set), (get == "" ? "nan" : get)}'
}

port=$(net_port)
net_boot_ukcc "$machine" "$mem" "$port" 6379 "$work/redis-uk.log" \
    "$work/redis-ukcc/redis/src/redis-server" "${args[@]}"
measure "$work/redis-uk.log" >"$work/redis-uk.res"
read -r u_set u_get <"$work/redis-uk.res"
port=$(net_port)
net_boot_linux "$machine" "$mem" "$port" 6379 "$work/redis-linux.log" \
    "$work/redis-initramfs.cpio"
measure "$work/redis-linux.log" >"$work/redis-linux.res"
read -r l_set l_get <"$work/redis-linux.res"
echo "| $machine | $clients | $n | $u_set | $u_get | $l_set | $l_get | $(ratio "$u_set" "$l_set") | $(ratio "$u_get" "$l_get") |"
