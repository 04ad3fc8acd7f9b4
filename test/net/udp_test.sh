#!/bin/bash
# udp_test.sh: samples/udpecho as an image answers a host UDP client (socat) through -p udp:.
#
# Usage: udp_test.sh BUILDDIR SRCDIR MACHINE WORKDIR
# MACHINE is microvm or pc, or "native" for the host-built sample.
set -u
build=$1 src=$2 machine=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work"
need socat ss

if [ "$machine" = native ]; then
    cc -O2 -o "$work/udpecho" "$src/samples/udpecho/udpecho.c"
    st=$?
    cmd=("$work/udpecho" HOSTPORT)
else
    ukcc -O2 -o "$work/udpecho" "$src/samples/udpecho/udpecho.c"
    st=$?
    cmd=(ukrun --machine "$machine" --timeout 600 --net user
        -p udp:HOSTPORT:7 "$work/udpecho" -- 7)
fi
[ $st = 0 ]
result $? "udpecho builds ($machine)"
[ $st = 0 ] || { finish; exit 1; }

# echo_file FILE: send FILE as one datagram, print the datagram that
# comes back (socat waits up to 3 s for it).
echo_file() {
    socat -t 3 - "UDP:127.0.0.1:$host_port" <"$1" 2>/dev/null
}
printf 'probe\n' >"$work/probe"
vm_start "$work/vm.log" 'echo_file "$work/probe" | grep -qx probe' "${cmd[@]}"
result $? "udpecho answers on a forwarded UDP port ($machine)"
vm_alive || { finish; exit 1; }

printf 'hello over udp\n' >"$work/text"
echo_file "$work/text" >"$work/text.back"
cmp -s "$work/text" "$work/text.back"
result $? "a text datagram comes back unchanged"

head -c 1400 /dev/urandom >"$work/bin1400"
echo_file "$work/bin1400" >"$work/bin1400.back"
cmp -s "$work/bin1400" "$work/bin1400.back"
result $? "a 1400-byte binary datagram comes back unchanged"

head -c 4000 /dev/urandom >"$work/bin4000"
echo_file "$work/bin4000" >"$work/bin4000.back"
cmp -s "$work/bin4000" "$work/bin4000.back"
result $? "a 4000-byte datagram (IP fragments both ways) comes back unchanged"

ok=0
for i in $(seq 10); do
    printf 'datagram %d\n' "$i" >"$work/seq"
    [ "$(echo_file "$work/seq")" = "datagram $i" ] || ok=1
done
[ $ok = 0 ]
result $? "10 datagrams in a row, each answered"

if [ "$machine" = native ]; then
    from='127\.0\.0\.1'
else
    from='10\.0\.2\.2' # user networking's host side, as the guest sees it
fi
grep -Eq "^udpecho: 4000 bytes from $from:[0-9]+ echoed" "$work/vm.log"
result $? "the server saw each sender's address"
finish
