#!/bin/bash
# check_net_specialisation.sh: lwIP and the NIC driver only where sockets are.
#
# Usage: check_net_specialisation.sh BINDIR SRCDIR WORKDIR
# hello (no sockets) must hold no symbol of lwIP, the stack core or the
# virtio-net driver; a socket program must hold all three. Functions are
# named by the unstripped image ukcc keeps beside it (IMAGE.debug): its
# symbols, and its debug info for the ones LTO inlined.
set -u
bindir=$1 srcdir=$2 work=$3
mkdir -p "$work"
. "$(dirname "$0")/../lib.sh"

# One symbol per part: lwIP's TCP and buffers, our stack core and socket
# layer, the driver.
lwip='^(tcp_input|tcp_write|pbuf_alloc|netif_add|lwip_init)$'
core='^(net_init|uk_sys_socket)$'
nic='^virtio_net_'

"$bindir/ukcc" -o "$work/hello.img" "$srcdir/samples/hello/hello.c" || exit 1
cat >"$work/sock.c" <<'PROG'
#include <sys/socket.h>
#include <unistd.h>
int main(void) { int s = socket(AF_INET, SOCK_STREAM, 0); return close(s); }
PROG
"$bindir/ukcc" -o "$work/sock.img" "$work/sock.c" || exit 1
# read() may go through the syscall dispatcher (musl's __syscall_cp), which
# refers to every handler: the socket ones only weakly.
cat >"$work/rd.c" <<'PROG'
#include <fcntl.h>
#include <unistd.h>
int main(void) { char b[8]; return read(open("/", O_RDONLY), b, 8) > 0; }
PROG
"$bindir/ukcc" -o "$work/rd.img" "$work/rd.c" || exit 1
names() { # image.debug -> every function and object name, one a line
    {
        llvm-nm-19 "$1" | awk '{print $NF}'
        llvm-dwarfdump-19 --debug-info "$1" |
            grep -oE 'DW_AT_name\s+\("[A-Za-z0-9_]+' | sed 's/.*("//'
    } | sort -u
}
names "$work/hello.img.debug" >"$work/hello.syms"
names "$work/sock.img.debug" >"$work/sock.syms"
names "$work/rd.img.debug" >"$work/rd.syms"

absent() { # pattern file: nothing matches
    local hits
    hits=$(grep -E "$1" "$2")
    [ -z "$hits" ] || { echo "$hits" | head -n 5; return 1; }
}
present() { # pattern count file: at least count symbols match
    [ "$(grep -cE "$1" "$3")" -ge "$2" ] ||
        { echo "fewer than $2 symbols match $1 in $3"; return 1; }
}
check "hello has no lwIP" absent "$lwip" "$work/hello.syms"
check "hello has no socket layer" absent "$core" "$work/hello.syms"
check "hello has no virtio-net driver" absent "$nic" "$work/hello.syms"
check "a read() program has no lwIP" absent "$lwip" "$work/rd.syms"
check "a read() program has no virtio-net driver" absent "$nic" "$work/rd.syms"
check "a socket program has lwIP" present "$lwip" 5 "$work/sock.syms"
check "a socket program has the socket layer" \
    present "$core" 2 "$work/sock.syms"
check "a socket program has the virtio-net driver" \
    present "$nic" 1 "$work/sock.syms"

summary
