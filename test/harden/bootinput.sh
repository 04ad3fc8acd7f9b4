#!/bin/bash
# bootinput.sh: a bad kernel command line stops the boot (status 125).
#
# Usage: bootinput.sh BINDIR WORKDIR
# ukrun refuses to build such command lines itself, so this boots QEMU
# directly, as another loader (a hypervisor, GRUB) might, on microvm (PVH)
# and pc (multiboot). Without the checks the image would start with its
# arguments cut or mis-split, silently.
set -u
bindir=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
pass=0 fail=0

cat >args.c <<'C'
#include <stdio.h>
int main(int argc, char **argv)
{
    printf("argc %d, last %.20s\n", argc, argv[argc - 1]);
    return 0;
}
C
if ! "$bindir/ukcc" -o args.img args.c; then
    echo "[FAIL] ukcc args.c"
    echo "0 passed, 1 failed"
    exit 1
fi

# boot NAME MACHINE WANT_STATUS PATTERN APPEND: QEMU exits with
# (status << 1) | 1 through isa-debug-exit.
boot() {
    local name=$1 machine=$2 want=$3 pattern=$4 append=$5 st
    case $machine in
    microvm) machine=microvm,x-option-roms=off,rtc=on,acpi=off ;;
    esac
    timeout 120 qemu-system-x86_64 -M "$machine" -nodefaults \
        -no-user-config -display none -m 64M -accel tcg -cpu max \
        -kernel args.img -append "$append" -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=4 -serial stdio \
        </dev/null >out.txt 2>&1
    st=$?
    if [ $st = 124 ]; then
        echo "[FAIL] $name on $2: hang (timeout)"
    elif [ $(((st - 1) / 2)) != "$want" ]; then
        echo "[FAIL] $name on $2: status $(((st - 1) / 2)), expected $want"
        head -c 2000 out.txt
    elif ! grep -Eq -- "$pattern" out.txt; then
        echo "[FAIL] $name on $2: output does not match /$pattern/:"
        head -c 2000 out.txt
    else
        echo "[PASS] $name on $2"
        pass=$((pass + 1))
        return
    fi
    fail=$((fail + 1))
}

big=$(head -c 65536 /dev/zero | tr '\0' x)
many=$(for i in $(seq 1100); do printf 'w '; done)
for m in microvm pc; do
    boot "well-formed" $m 0 "^argc 3, last say \"hi\"" \
        '-- args.img one "say \"hi\""'
    boot "64 KiB command line" $m 125 \
        "ukcc: error: kernel command line longer than the limit" \
        "-- args.img $big"
    boot "open double quote" $m 125 \
        "ukcc: error: bad kernel command line: quote left open" \
        '-- args.img "no end'
    boot "open single quote" $m 125 \
        "ukcc: error: bad kernel command line: quote left open" \
        "env=A='x -- args.img"
    boot "too many words" $m 125 \
        "ukcc: error: bad kernel command line: more than 1024 words" \
        "-- args.img $many"
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
