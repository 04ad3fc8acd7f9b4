#!/bin/bash
# redis_test.sh: redis 7.0.15 built by its own Makefile with CC=ukcc serves redis-cli and redis-benchmark.
#
# Usage: redis_test.sh BUILDDIR SRCDIR DEPSDIR WORKDIR [MACHINE]
# Builds redis-server from Debian's source package with
#   make CC=ukcc MALLOC=libc BUILD_TLS=no USE_SYSTEMD=no
# boots it under `ukrun --net user -p PORT:6379` and runs redis_cmds.txt
# through redis-cli against it and against Debian's native redis-server
# (the same version) side by side: the answers must be identical. Then a
# key expires on time, and `redis-benchmark -q -n 1000 -c 10` completes.
# --protected-mode no: user networking brings the host's connections from
# 10.0.2.2, not loopback, and redis would refuse them otherwise (the
# forwarded port itself listens on the host's 127.0.0.1 only).
# redis_build.sh builds it and keeps the build while the sources and
# ukcc's libraries are unchanged, so a rerun does not rebuild.
set -u
build=$1 src=$2 deps=$3 work=$4 machine=${5:-microvm}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
mkdir -p "$work"
need redis-cli redis-server redis-benchmark ss
native_pid=""
trap 'vm_stop; [ -n "$native_pid" ] && kill "$native_pid" 2>/dev/null' EXIT

tree=$("$src/tools/fetch-source.sh" redis 7.0.15 "$deps")
result $? "fetch redis 7.0.15 (apt-get source)"
[ -d "$tree" ] || { finish; exit 1; }

rs=$work/build/redis/src/redis-server
"$here/redis_build.sh" "$build" "$src" "$deps" "$work/build" ukcc
st=$?
result $st "make CC=ukcc MALLOC=libc BUILD_TLS=no USE_SYSTEMD=no builds redis-server"
if [ $st != 0 ]; then
    grep -E 'error|undefined' "$work/build/make.log" | sort -u | head -n 20 |
        sed 's/^/    /'
    finish
    exit 1
fi

# The native twin: Debian's redis-server, same version, no persistence.
native_port=$(random_port)
redis-server --port "$native_port" --bind 127.0.0.1 --save '' \
    --appendonly no --daemonize no --dir "$work" >"$work/native.log" 2>&1 &
native_pid=$!

probe='redis-cli -p $host_port PING | grep -qx PONG'
vm_start "$work/vm.log" "$probe" ukrun --machine "$machine" --timeout 1200 \
    --net user -p HOSTPORT:6379 "$rs" -- --save '' --appendonly no \
    --protected-mode no
result $? "redis-server image answers PING through -p PORT:6379"
vm_alive || { finish; exit 1; }
grep -q 'Redis version=7.0.15' "$work/vm.log"
result $? "the image is redis 7.0.15"

for _ in $(seq 50); do
    redis-cli -p "$native_port" PING >/dev/null 2>&1 && break
    sleep 0.1
done

# run_cmds PORT: every line of redis_cmds.txt, one redis-cli call each.
run_cmds() {
    redis-cli -p "$1" FLUSHALL >/dev/null
    while read -r line; do
        echo "> $line"
        eval "redis-cli -p $1 $line" 2>&1
    done <"$here/redis_cmds.txt"
}
run_cmds "$native_port" >"$work/native.out"
run_cmds "$host_port" >"$work/image.out"
[ "$(grep -c '^> ' "$work/native.out")" -ge 50 ] &&
    ! grep -q 'Could not connect' "$work/native.out" &&
    diff -u "$work/native.out" "$work/image.out" >"$work/cmds.diff"
result $? "SET/GET/INCR/LPUSH/HSET/EXPIRE/... answers identical to native redis-server"
sed 's/^/    /' "$work/cmds.diff" | head -n 30

# Expiry runs on the guest's clock.
redis-cli -p "$host_port" SET shortlived 1 PX 300 >/dev/null
a=$(redis-cli -p "$host_port" EXISTS shortlived)
sleep 1
b=$(redis-cli -p "$host_port" EXISTS shortlived)
[ "$a" = 1 ] && [ "$b" = 0 ]
result $? "a key with PX 300 exists, then expires"

# 10 clients, not the default 50: with 50, QEMU user networking stalls
# some connections for minutes and then resets them, for a Linux guest
# (the same redis, musl-gcc -static, as /init) just as for ukcc.
timeout 600 redis-benchmark -p "$host_port" -q -n 1000 -c 10 >"$work/bench.out" 2>&1
st=$?
tr '\r' '\n' <"$work/bench.out" | grep 'requests per second' >"$work/bench.rps"
[ $st = 0 ] && grep -q '^SET: ' "$work/bench.rps" && grep -q '^GET: ' "$work/bench.rps" &&
    [ "$(grep -c . "$work/bench.rps")" -ge 20 ]
result $? "redis-benchmark -q -n 1000 -c 10 completes (every default test)"
sed 's/^/    /' "$work/bench.rps"

# What a unikernel cannot do fails cleanly: BGSAVE needs fork().
bg=$(redis-cli -p "$host_port" BGSAVE)
fg=$(redis-cli -p "$host_port" SAVE)
[ "$bg" = ERR ] && [ "$fg" = OK ] &&
    grep -q "Can't save in background: fork: Function not implemented" "$work/vm.log"
result $? "BGSAVE: ERR (fork is ENOSYS, said in the log); SAVE writes to the ramfs"

[ "$(redis-cli -p "$host_port" DBSIZE)" -ge 1 ] 2>/dev/null
result $? "redis still answers after the benchmark"
finish
