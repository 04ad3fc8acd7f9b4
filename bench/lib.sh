# lib.sh: shared helpers for the benchmark scripts (sourced, not run).
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${UKCC_BUILD_DIR:-$top/build}
bin=$build/bin
work=${BENCH_WORK:-$build/bench}
mkdir -p "$work"

# now_ns: wall clock in nanoseconds.
now_ns() { date +%s%N; }

# median of the numbers on stdin.
median() { sort -n | awk '{a[NR] = $1} END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# spread: min and max of the numbers on stdin.
spread() { sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}'; }

# ratio A B with 2 decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) print "nan"
    else printf "%.2f\n", a / b }'; }

# machine_line: what ran the benchmark.
machine_line() {
    local cpu qemu accel
    cpu=$(awk -F: '/model name/ {sub(/^ /, "", $2); print $2; exit}' /proc/cpuinfo)
    qemu=$(qemu-system-x86_64 --version | head -n 1 | sed 's/^QEMU emulator version //')
    accel=$("$bin/ukrun" --dry-run "$bin/ukrun" 2>/dev/null | grep -o -- '-accel [a-z]*' | head -n 1)
    echo "$(date -u +%Y-%m-%d), $(nproc) cores, $cpu, QEMU $qemu, ${accel:--accel ?}"
}

# cpio_newc NAME MODE FILE: one newc archive member (header, name, data).
cpio_newc() {
    local name=$1 mode=$2 file=$3 size=0 hl
    [ -n "$file" ] && size=$(stat -c %s "$file")
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        1 "$mode" 0 0 1 0 "$size" 0 0 0 0 $((${#name} + 1)) 0
    printf '%s\0' "$name"
    hl=$((110 + ${#name} + 1))
    head -c $(((4 - hl % 4) % 4)) /dev/zero
    if [ -n "$file" ]; then
        cat "$file"
        head -c $(((4 - size % 4) % 4)) /dev/zero
    fi
}

# linux_kernel: path of Debian's cloud kernel, fetched once with
# `apt-get download` and unpacked with dpkg -x (never installed).
linux_kernel() {
    local dir=$top/.deps/linux pkg
    if ! ls "$dir"/boot/vmlinuz-* >/dev/null 2>&1; then
        pkg=$(apt-cache depends linux-image-cloud-amd64 |
            awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
        [ -n "$pkg" ] || { echo "lib.sh: cannot resolve linux-image-cloud-amd64" >&2; return 1; }
        mkdir -p "$dir/deb"
        (cd "$dir/deb" && apt-get download "$pkg" >/dev/null 2>&1) || return 1
        dpkg -x "$dir"/deb/*.deb "$dir" || return 1
    fi
    ls "$dir"/boot/vmlinuz-* | head -n 1
}

# linux_initramfs OUT [SRC [CFLAGS...]]: a newc initramfs whose /init is
# SRC built with musl-gcc -static (default: bench/linux_init.c, the Linux
# twin of samples/hello: prints, then reports exit status 0 the way ukcc's
# kernel does, debug console line + isa-debug-exit, so both stop at the
# same event).
linux_initramfs() {
    local out=$1 src=${2:-$top/bench/linux_init.c}
    shift $(($# < 2 ? $# : 2))
    musl-gcc -static -Os -s "$@" -o "$work/linux-init" "$src" || return 1
    {
        cpio_newc init $((0100755)) "$work/linux-init"
        cpio_newc 'TRAILER!!!' 0 ""
    } >"$out"
}

# qemu_linux MACHINE MEM KERNEL INITRAMFS CTL [QEMU-ARGS...]: boot the Linux
# microVM with the same QEMU machine, accelerator, CPU and devices ukrun
# uses; QEMU-ARGS add devices (a network card).
qemu_linux() {
    local machine=$1 mem=$2 kernel=$3 initrd=$4 ctl=$5 m accel cpu khz
    m=$machine
    [ "$machine" = microvm ] && m="microvm,x-option-roms=off,rtc=on"
    accel=$("$bin/ukrun" --dry-run "$bin/ukrun" | grep -o -- '-accel [a-z]*' | cut -d' ' -f2)
    cpu=max
    [ "$accel" = kvm ] && cpu=host
    # microvm has no port 0x61, so Linux cannot calibrate the TSC against
    # the PIT: give it the host's rate, as a microVM's VMM would.
    khz=$(awk '/cpu MHz/ {print int($4 * 1000); exit}' /proc/cpuinfo)
    qemu-system-x86_64 -M "$m" -nodefaults -no-user-config -display none \
        -m "$mem" -accel "$accel" -cpu "$cpu" -kernel "$kernel" \
        -initrd "$initrd" \
        -append "console=ttyS0 quiet rdinit=/init panic=-1 tsc_early_khz=$khz" \
        -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=4 \
        -chardev file,id=ukctl,path="$ctl" \
        -device isa-debugcon,iobase=0xe9,chardev=ukctl -no-reboot "${@:6}"
}
