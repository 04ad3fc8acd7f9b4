# net_vm.sh: boot a server as a ukcc image or as /init of the Linux microVM, behind QEMU user networking (sourced).
#
# Both VMs get the same QEMU machine, accelerator and memory (ukrun's
# choices; bench/lib.sh qemu_linux copies them for Linux), a virtio-net card
# on QEMU user networking (slirp), and one host port forwarded to the
# server's port with hostfwd on 127.0.0.1. Needs lib.sh sourced first.

net_pid=""

# net_port: a free TCP port on the host, at random.
net_port() {
    local p
    while :; do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        ss -Htan | awk '{print $4}' | grep -q ":$p\$" || break
    done
    echo "$p"
}

# linux_net_initramfs SERVER OUT ARGS...: an initramfs whose /init
# (bench/linux_net_init.c) loads the kernel's virtio-net modules, gives eth0
# 10.0.2.15/24 and execs SERVER (a static binary) with ARGS.
linux_net_initramfs() {
    local server=$1 out=$2 kdir mods m
    shift 2
    kdir=$(dirname "$(linux_kernel)")/../lib/modules
    kdir=$(ls -d "$kdir"/*/kernel | head -n 1)
    musl-gcc -static -O2 -s -o "$work/linux-net-init" \
        "$top/bench/linux_net_init.c" || return 1
    printf '%s\n' "$@" >"$work/server.args"
    # Dependency order; virtio_pci for pc, virtio_mmio for microvm.
    mods="drivers/virtio/virtio_ring.ko drivers/virtio/virtio.ko
        drivers/virtio/virtio_pci_legacy_dev.ko
        drivers/virtio/virtio_pci_modern_dev.ko drivers/virtio/virtio_pci.ko
        drivers/virtio/virtio_mmio.ko net/core/failover.ko
        drivers/net/net_failover.ko drivers/net/virtio_net.ko"
    : >"$work/modules.order"
    for m in $mods; do
        [ -f "$kdir/$m" ] || { echo "net_vm.sh: no $kdir/$m" >&2; return 1; }
        basename "$m" >>"$work/modules.order"
    done
    {
        cpio_newc init $((0100755)) "$work/linux-net-init"
        cpio_newc server $((0100755)) "$server"
        cpio_newc server.args $((0100644)) "$work/server.args"
        cpio_newc modules $((0040755)) ""
        cpio_newc modules/order $((0100644)) "$work/modules.order"
        for m in $mods; do
            cpio_newc "modules/$(basename "$m")" $((0100644)) "$kdir/$m"
        done
        cpio_newc 'TRAILER!!!' 0 ""
    } >"$out"
}

# net_boot_ukcc MACHINE MEM HOSTPORT GUESTPORT LOG IMAGE ARGS...
net_boot_ukcc() {
    local machine=$1 mem=$2 hport=$3 gport=$4 log=$5 img=$6
    shift 6
    "$bin/ukrun" --machine "$machine" --mem "$mem" --timeout 1800 \
        -p "$hport:$gport" "$img" -- "$@" </dev/null >"$log" 2>&1 &
    net_pid=$!
}

# net_boot_linux MACHINE MEM HOSTPORT GUESTPORT LOG INITRAMFS
net_boot_linux() {
    local machine=$1 mem=$2 hport=$3 gport=$4 log=$5 initrd=$6 dev
    dev=virtio-net-device
    [ "$machine" = pc ] && dev=virtio-net-pci,romfile=
    qemu_linux "$machine" "$mem" "$(linux_kernel)" "$initrd" \
        "$work/net-linux.ctl" \
        -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$hport-:$gport" \
        -device "$dev,netdev=n0" </dev/null >"$log" 2>&1 &
    net_pid=$!
}

# net_wait PROBE: retry the shell command PROBE until it succeeds (90 s at
# most) while the VM runs.
net_wait() {
    for _ in $(seq 450); do
        kill -0 "$net_pid" 2>/dev/null || return 1
        eval "$1" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    return 1
}

# net_stop: end the VM started last (for Linux, QEMU is a child of the
# background shell that ran qemu_linux: it goes first).
net_stop() {
    [ -n "$net_pid" ] || return 0
    pkill -TERM -P "$net_pid" 2>/dev/null || true
    kill "$net_pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$net_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$net_pid" 2>/dev/null || true
    wait "$net_pid" 2>/dev/null || true
    net_pid=""
}
