#!/bin/bash
# tcpclient_test.sh: samples/tcpclient as an image talks to a host server (socat) through 10.0.2.2.
#
# Usage: tcpclient_test.sh BUILDDIR SRCDIR MACHINE WORKDIR
# User networking makes the host's 127.0.0.1 the guest's 10.0.2.2. Checked:
# the line arrives at the host, replies small and large (256 KiB) come
# back exact, a closed port gives ECONNREFUSED, bad arguments a message.
set -u
build=$1 src=$2 machine=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work"
need socat ss
srv_pid=""

if [ "$machine" = native ]; then
    cc -O2 -o "$work/tcpclient" "$src/samples/tcpclient/tcpclient.c"
    st=$?
    gateway=127.0.0.1
    client() { "$work/tcpclient" "$@"; }
else
    ukcc -O2 -o "$work/tcpclient" "$src/samples/tcpclient/tcpclient.c"
    st=$?
    gateway=10.0.2.2
    client() {
        timeout 300 ukrun --machine "$machine" --timeout 240 --net user \
            "$work/tcpclient" -- "$@" </dev/null
    }
fi
[ $st = 0 ]
result $? "tcpclient builds ($machine)"
[ $st = 0 ] || { finish; exit 1; }

# host_server SYSTEM-COMMAND: a one-connection socat server on a free
# 127.0.0.1 port ($srv_port), ready when this returns.
host_server() {
    srv_port=$(random_port)
    socat "TCP-LISTEN:$srv_port,bind=127.0.0.1,reuseaddr" "SYSTEM:$1" \
        2>"$work/socat.err" &
    srv_pid=$!
    for _ in $(seq 100); do
        ss -Htln | awk '{print $4}' | grep -q ":$srv_port\$" && return 0
        sleep 0.05
    done
    return 1
}
server_done() {
    [ -n "$srv_pid" ] || return 0
    kill "$srv_pid" 2>/dev/null
    wait "$srv_pid" 2>/dev/null
    srv_pid=""
}
trap 'server_done; vm_stop' EXIT

host_server "read l; echo \"\$l\" >'$work/host.got'; echo \"host got: \$l\""
client "$gateway" "$srv_port" "hello from the guest" >"$work/small.out" 2>"$work/small.err"
st=$?
server_done
[ $st = 0 ] && [ "$(cat "$work/small.out")" = "host got: hello from the guest" ] &&
    [ "$(cat "$work/host.got")" = "hello from the guest" ] &&
    grep -q 'sent 21 bytes' "$work/small.err"
result $? "a line to the host server and its reply back"
[ $st = 0 ] || sed 's/^/    /' "$work/small.err" | tail -n 5

head -c 262144 /dev/urandom >"$work/big"
host_server "read l; cat '$work/big'"
client "$gateway" "$srv_port" "send it" >"$work/big.out" 2>"$work/big.err"
st=$?
server_done
[ $st = 0 ] && cmp -s "$work/big" "$work/big.out"
result $? "a 256 KiB reply arrives exact"

closed=$(random_port)
client "$gateway" "$closed" >"$work/refused.out" 2>"$work/refused.err"
st=$?
[ $st = 1 ] &&
    grep -q "connect to $gateway:$closed: Connection refused" "$work/refused.err"
result $? "a closed port: ECONNREFUSED, exit 1"
[ $st = 1 ] || sed 's/^/    /' "$work/refused.err" | tail -n 5

client "$gateway" >"$work/usage.out" 2>"$work/usage.err"
st=$?
[ $st = 2 ] && grep -q '^usage: tcpclient HOST PORT' "$work/usage.err"
result $? "missing arguments: usage, exit 2"

client 10.0.2.300 80 >/dev/null 2>"$work/badaddr.err"
st=$?
[ $st = 1 ] && grep -q '^tcpclient: 10.0.2.300 port 80: ' "$work/badaddr.err"
result $? "a malformed address: a message, exit 1"

finish
