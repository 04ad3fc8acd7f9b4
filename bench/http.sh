#!/bin/bash
# http.sh: samples/httpd as a ukcc image against the same source as /init of a Linux microVM, under wrk.
#
# Both serve httpd's built-in page (no document root), in the same QEMU
# machine type, accelerator and memory, each behind QEMU user networking
# with a hostfwd port on 127.0.0.1 (so slirp's cost is in both numbers).
# The Linux guest runs httpd built with musl-gcc -static -O2; the image is
# ukcc -O2. wrk runs on the host, one thread, keep-alive connections.
# Prints a table row: machine, connections, seconds, requests/s and
# latency (p50, p99, ms) for both, and the ratio of requests/s.
# Usage: http.sh [--quick] [MACHINE] [MEM]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/net_vm.sh"
dur=10 conns=8
if [ "${1:-}" = --quick ]; then
    dur=2 conns=2
    shift
fi
machine=${1:-microvm}
mem=${2:-128M}
command -v wrk >/dev/null || { echo "http.sh: needs wrk (tools/deps.sh)" >&2; exit 1; }
trap net_stop EXIT

srcs=("$top"/samples/httpd/*.c)
"$bin/ukcc" -O2 -o "$work/httpd.img" "${srcs[@]}"
musl-gcc -static -O2 -s -o "$work/httpd.linux" "${srcs[@]}"
linux_net_initramfs "$work/httpd.linux" "$work/httpd-initramfs.cpio" \
    -p 80 /no-docroot

# measure LOG: wrk against the VM just booted; prints "rps p50 p99".
measure() {
    local url=http://127.0.0.1:$port/
    if ! net_wait "curl -sf -o /dev/null --max-time 5 $url"; then
        echo "http.sh: the server did not answer; it said:" >&2
        tail -n 20 "$1" >&2
        exit 1
    fi
    wrk -t1 -c"$conns" -d"${dur}s" --latency "$url" >"$1.wrk"
    net_stop
    # Latencies come as 512.00us, 3.10ms or 1.20s; in ms.
    awk 'function ms(v) {
            if (v ~ /us$/) return v / 1000
            if (v ~ /ms$/) return v + 0
            if (v ~ /s$/) return v * 1000
            return v }
        $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
        $1 == "Requests/sec:" {rps = $2}
        /Non-2xx|Socket errors/ {bad = 1}
        END {
            if (bad || rps == "") { print "nan nan nan"; exit }
            printf "%.0f %.2f %.2f\n", rps, p50, p99 }' "$1.wrk"
}

port=$(net_port)
net_boot_ukcc "$machine" "$mem" "$port" 80 "$work/http-uk.log" \
    "$work/httpd.img" -p 80 /no-docroot
measure "$work/http-uk.log" >"$work/http-uk.res"
read -r u_rps u_p50 u_p99 <"$work/http-uk.res"
port=$(net_port)
net_boot_linux "$machine" "$mem" "$port" 80 "$work/http-linux.log" \
    "$work/httpd-initramfs.cpio"
measure "$work/http-linux.log" >"$work/http-linux.res"
read -r l_rps l_p50 l_p99 <"$work/http-linux.res"
echo "| $machine | $conns | $dur | $u_rps | $u_p50 | $u_p99 | $l_rps | $l_p50 | $l_p99 | $(ratio "$u_rps" "$l_rps") |"
