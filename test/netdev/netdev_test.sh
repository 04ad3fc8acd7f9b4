#!/bin/bash
# netdev_test.sh: ukrun's network options; the NIC with DHCP or static addresses.
#
# usage: netdev_test.sh BINDIR SRCDIR WORKDIR [MACHINE...]
# The --dry-run checks need no QEMU. The boots run test/netdev/netxfer.c
# under `ukrun` (user networking: the host's 127.0.0.1 is the guest's
# 10.0.2.2) against socat servers on free host ports, on each MACHINE
# (default: microvm pc). Transfer rates go to the log, not into verdicts.
set -u
bindir=$1 src=$2 work=$3
shift 3
machines=("$@")
[ ${#machines[@]} = 0 ] && machines=(microvm pc)
ukcc=$bindir/ukcc ukrun=$bindir/ukrun
XFER_BYTES=${NETDEV_XFER_BYTES:-10485760}

rm -rf "$work"
mkdir -p "$work"
npass=0 nfail=0
pass() { echo "[PASS] $1"; npass=$((npass + 1)); }
fail() { echo "[FAIL] $1: $2"; nfail=$((nfail + 1)); }
srv_pid=""
stop_server() {
    [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null && wait "$srv_pid" 2>/dev/null
    srv_pid=""
}
trap stop_server EXIT

for tool in socat ss cksum; do
    command -v $tool >/dev/null || {
        fail "host tool $tool" "missing (tools/deps.sh installs it)"
        echo "$npass passed, $nfail failed"
        exit 1
    }
done

# An image with sockets links the NIC driver (and its ELF note); hello
# does not.
"$ukcc" -O2 -o "$work/netxfer.img" "$src/test/netdev/netxfer.c" &&
    "$ukcc" -O2 -o "$work/plain.img" "$src/samples/hello/hello.c" || {
    fail build "ukcc failed"
    echo "$npass passed, $nfail failed"
    exit 1
}
cd "$work" || exit 1

# --- ukrun --dry-run: the QEMU and kernel command lines -----------------------

run() {
    out=$("$ukrun" "$@" 2>"$work/stderr" </dev/null)
    rc=$?
    err=$(cat "$work/stderr")
}
expect_in() { # NAME TEXT ARGS...: --dry-run ARGS prints TEXT
    local name=$1 want=$2
    shift 2
    run --dry-run "$@"
    if [ $rc = 0 ] && [[ "$out" == *"$want"* ]]; then
        pass "$name"
    else
        fail "$name" "exit $rc, no [$want] in: $out$err"
    fi
}
expect_not_in() { # NAME TEXT ARGS...
    local name=$1 bad=$2
    shift 2
    run --dry-run "$@"
    if [ $rc = 0 ] && [[ "$out" != *"$bad"* ]]; then
        pass "$name"
    else
        fail "$name" "exit $rc, [$bad] in: $out$err"
    fi
}
expect_error() { # NAME NEEDLE ARGS...: exit 125, stderr names NEEDLE
    local name=$1 needle=$2
    shift 2
    run --dry-run "$@"
    if [ $rc = 125 ] && [[ "$err" == "ukrun: error: "*"$needle"* ]] &&
        [ -z "$out" ]; then
        pass "$name"
    else
        fail "$name" "exit $rc, stderr [$err], want [$needle]"
    fi
}

user_mmio="-netdev user,id=uknet -device virtio-net-device,netdev=uknet"
expect_in default_net_for_driver_image " $user_mmio " netxfer.img
expect_in default_net_pc \
    " -netdev user,id=uknet -device virtio-net-pci,netdev=uknet,romfile= " \
    --machine pc netxfer.img
expect_not_in no_net_without_driver "-netdev" plain.img
expect_not_in net_none "-netdev" --net none netxfer.img
expect_in net_user_forced " $user_mmio " --net user plain.img
expect_in publish_implies_user \
    " -netdev user,id=uknet,hostfwd=tcp:127.0.0.1:8080-:80 -device virtio-net-device" \
    -p 8080:80 plain.img
expect_in publish_many \
    "user,id=uknet,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=udp:127.0.0.1:5353-:53,hostfwd=tcp:0.0.0.0:2222-:22 " \
    -p 8080:80 --publish udp:5353:53 -p tcp:0.0.0.0:2222:22 netxfer.img
expect_in publish_inline "hostfwd=tcp:127.0.0.1:1-:65535 " -p1:65535 \
    netxfer.img
expect_in publish_long_eq "hostfwd=tcp:127.0.0.1:8080-:80 " \
    --publish=8080:80 netxfer.img
expect_in net_tap \
    " -netdev tap,id=uknet,script=no,downscript=no,ifname=tap0 -device virtio-net-device,netdev=uknet " \
    --net tap:tap0 netxfer.img
expect_in static_ip_options \
    "-append '\"ip=10.0.2.20/24\" \"gw=10.0.2.2\" \"dns=10.0.2.3\" -- \"netxfer.img\"'" \
    --ip 10.0.2.20/24 --gw 10.0.2.2 --dns 10.0.2.3 netxfer.img
expect_in dhcp_by_default "-append '\"dns=10.0.2.3\" -- \"netxfer.img\"'" \
    netxfer.img
expect_in dns_option "-append '\"dns=192.168.1.1\" -- " --dns 192.168.1.1 \
    netxfer.img
expect_in no_dns_for_tap "-append '-- \"netxfer.img\"'" --net tap:tap0 \
    netxfer.img

expect_error publish_no_colon "bad -p '80'" -p 80 netxfer.img
expect_error publish_port_zero "bad -p '0:80'" -p 0:80 netxfer.img
expect_error publish_port_big "bad -p '8080:70000'" -p 8080:70000 \
    netxfer.img
expect_error publish_not_number "bad -p 'tcp:a:b'" -p tcp:a:b netxfer.img
expect_error publish_bad_addr "bad -p '1.2.3:80:80'" -p 1.2.3:80:80 \
    netxfer.img
expect_error publish_bad_proto "bad -p 'sctp:1:2:3'" -p sctp:1:2:3 \
    netxfer.img
expect_error publish_twice "host port tcp 8080 is already forwarded" \
    -p 8080:80 -p 8080:81 netxfer.img
expect_error publish_needs_user "-p forwards ports of --net user only" \
    -p 8080:80 --net none netxfer.img
expect_error publish_needs_value "'-p'" -p
expect_error net_bad "bad --net 'bridge'" --net bridge netxfer.img
expect_error net_tap_no_name "bad --net 'tap:'" --net tap: netxfer.img
expect_error ip_no_prefix "bad --ip '10.0.2.15'" --ip 10.0.2.15 netxfer.img
expect_error ip_bad_addr "bad --ip '10.0.2.300/24'" --ip 10.0.2.300/24 \
    netxfer.img
expect_error ip_bad_prefix "bad --ip '10.0.2.15/33'" --ip 10.0.2.15/33 \
    netxfer.img
expect_error gw_bad "bad --gw 'gateway'" --gw gateway netxfer.img
expect_error dns_bad "bad --dns '1.2.3.4.5'" --dns 1.2.3.4.5 netxfer.img
expect_error ip_without_net "need a network" --ip 10.0.2.15/24 --net none \
    netxfer.img

# --- boots --------------------------------------------------------------------

# serve NAME [-u|-U] SOCAT-ADDRESS: a socat server for one connection on a
# free 127.0.0.1 port ($port), in the background (-u: data flows only
# from the guest to ADDRESS, -U only from ADDRESS to the guest).
serve() {
    local name=$1 uni=() tries
    shift
    case $1 in -u | -U) uni=("$1") && shift ;; esac
    for tries in 1 2 3 4 5; do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        socat "${uni[@]}" "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr" "$1" \
            2>"$work/$name.socat" &
        srv_pid=$!
        for _ in $(seq 50); do
            ss -Htln | awk '{print $4}' | grep -q ":$port\$" && return 0
            kill -0 $srv_pid 2>/dev/null || break
            sleep 0.05
        done
        stop_server
    done
    return 1
}
boot() { # MACHINE NAME [UKRUN-OPTIONS] -- ARGS: output in $work/NAME.out
    local m=$1 name=$2 opts=()
    shift 2
    while [ "$1" != -- ]; do
        opts+=("$1")
        shift
    done
    shift
    timeout 200 "$ukrun" --machine "$m" --timeout 180 "${opts[@]}" \
        netxfer.img -- "$@" </dev/null >"$work/$name.out" 2>"$work/$name.err"
    rc=$?
}
# server_done: let socat finish writing what it got (5 s at most)
server_done() {
    for _ in $(seq 100); do
        kill -0 "$srv_pid" 2>/dev/null || break
        sleep 0.05
    done
    stop_server
}
# check NAME WANT-RC PATTERN...: each extended regexp matches a line of out
check() {
    local name=$1 want=$2 p
    shift 2
    if [ "$rc" != "$want" ]; then
        fail "$name" "exit $rc, want $want: $(head -c 2000 "$work/$name.out" "$work/$name.err")"
        return
    fi
    for p in "$@"; do
        if ! grep -Eq -- "$p" "$work/$name.out"; then
            fail "$name" "no line matches /$p/ in: $(head -c 2000 "$work/$name.out")"
            return
        fi
    done
    pass "$name"
}

head -c "$XFER_BYTES" /dev/urandom >"$work/data"
want_get=$(cksum <"$work/data" | awk '{print $1 " " $2}')

for m in "${machines[@]}"; do
    # DHCP: QEMU's user network leases 10.0.2.15; the host is 10.0.2.2.
    serve dhcp.$m "SYSTEM:read l; echo \"host got \$l\"" ||
        fail "dhcp.$m" "no socat server"
    boot "$m" dhcp.$m -- 10.0.2.2 "$port" hello
    stop_server
    check dhcp.$m 0 '^address 10\.0\.2\.15$' '^peer 10\.0\.2\.2$' \
        '^reply host got hello$'

    serve static.$m "SYSTEM:read l; echo \"host got \$l\"" ||
        fail "static.$m" "no socat server"
    boot "$m" static.$m --ip 10.0.2.20/24 --gw 10.0.2.2 -- 10.0.2.2 \
        "$port" hello
    stop_server
    check static.$m 0 '^address 10\.0\.2\.20$' '^reply host got hello$'

    # The name server reaches /etc/resolv.conf (QEMU's 10.0.2.3 by default).
    boot "$m" resolv.$m -- 0.0.0.0 0 resolv
    check resolv.$m 0 '^nameserver 10\.0\.2\.3$'
    boot "$m" resolv_opt.$m --dns 192.168.7.9 -- 0.0.0.0 0 resolv
    check resolv_opt.$m 0 '^nameserver 192\.168\.7\.9$'

    # No NIC: the socket layer still answers, with an error, at once.
    boot "$m" nonet.$m --net none -- 10.0.2.2 9 hello
    check nonet.$m 1 '^connect: '

    # Bulk data, both directions, checked with cksum(1) on the host.
    serve get.$m -U "OPEN:$work/data,rdonly" || fail "get.$m" "no socat server"
    boot "$m" get.$m -- 10.0.2.2 "$port" get
    stop_server
    check get.$m 0 "^get $XFER_BYTES bytes cksum ${want_get%% *}\$"
    grep -h 'MB/s' "$work/get.$m.err"

    rm -f "$work/put.data"
    serve put.$m -u "CREATE:$work/put.data" || fail "put.$m" "no socat server"
    boot "$m" put.$m -- 10.0.2.2 "$port" put "$XFER_BYTES"
    server_done
    got=$(cksum <"$work/put.data" | awk '{print $1}')
    check put.$m 0 "^put $XFER_BYTES bytes cksum $got\$"
    grep -h 'MB/s' "$work/put.$m.err"
done

echo "$npass passed, $nfail failed"
[ $nfail = 0 ]
