#!/bin/bash
# linux_test.sh: ukcc --report compares with a Linux microVM (kernel + initramfs), finding the kernel the benchmarks fetch into .deps/linux and saying where it came from.
#
# Usage: linux_test.sh BINDIR TESTDIR WORKDIR DEPSDIR
# DEPSDIR: the build's UKCC_DEPS_DIR, where ukcc looks for .deps/linux.
set -u
bindir=$1 testdir=$2 work=$3 deps=$4
top=$(cd "$testdir/../.." && pwd)
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
. "$(dirname "$0")/../lib.sh"


# linux FILE KEY: the Linux microVM entry of a JSON report, one field.
linux() {
    python3 -c "import json,sys
r = json.load(open('$1'))
c = [c for c in r['comparison'] if c['name'].startswith('Linux microVM')]
print(c[0]['$2'] if c and c[0]['$2'] is not None else '')"
}

cp "$top/samples/hello/hello.c" .
unset UKCC_REPORT_LINUX

# Given explicitly: any file stands for the kernel here (only its size
# counts); the flag wins over the variable.
head -c 1000000 /dev/zero >fake-vmlinuz
head -c 2000000 /dev/zero >other-vmlinuz
UKCC_REPORT_LINUX=$PWD/other-vmlinuz "$bindir/ukcc" --report=json \
    -o env.img hello.c 2>env.err
note=$(linux env.img.report.json note)
case $note in
*"kernel $PWD/other-vmlinuz: 2000000 bytes, given by UKCC_REPORT_LINUX;"*) st=0 ;;
*) st=1 ;;
esac
result $st "UKCC_REPORT_LINUX names the kernel, and the report says so"
[ $st = 0 ] || echo "note: $note"
UKCC_REPORT_LINUX=$PWD/other-vmlinuz "$bindir/ukcc" --report=json \
    --report-linux=fake-vmlinuz -o flag.img hello.c 2>flag.err
case $(linux flag.img.report.json note) in
*"kernel fake-vmlinuz: 1000000 bytes, given by --report-linux;"*) st=0 ;;
*) st=1 ;;
esac
result $st "--report-linux wins over UKCC_REPORT_LINUX"
UKCC_REPORT_LINUX=none "$bindir/ukcc" --report=json -o none.img hello.c
[ -z "$(linux none.img.report.json size)" ] &&
    linux none.img.report.json note | grep -q "^no kernel: "
result $? "UKCC_REPORT_LINUX=none: no Linux size, and the note says why"
"$bindir/ukcc" --report=json --report-linux=no-such-vmlinuz -o bad.img \
    hello.c 2>bad.err
[ $? = 0 ] && grep -q "warning: --report: cannot read the Linux kernel no-such-vmlinuz" bad.err &&
    [ -z "$(linux bad.img.report.json size)" ] &&
    linux bad.img.report.json note | grep -q "^cannot read the kernel no-such-vmlinuz"
result $? "an unreadable --report-linux: a warning and no size, the link still works"

# Found: the kernel bench/lib.sh fetches (Debian's linux-image-cloud-amd64,
# apt-get download), fetched here too when it is missing. lib.sh works in
# $BENCH_WORK: here, not in the source tree's build/.
export BENCH_WORK=$work/bench UKCC_BUILD_DIR=$bindir/..
if ! command -v musl-gcc >/dev/null; then
    echo "[SKIP] no musl-gcc: the initramfs /init cannot be built"
elif [ "$deps" != "$top/.deps" ]; then
    echo "[SKIP] UKCC_DEPS_DIR=$deps is not $top/.deps, where bench/lib.sh fetches the kernel"
elif ! kernel=$(. "$top/bench/lib.sh" && linux_kernel 2>fetch.err) ||
    [ ! -f "$kernel" ]; then
    echo "[SKIP] no Linux kernel in $deps/linux, and it cannot be fetched: $(tail -n 1 fetch.err)"
else
    "$bindir/ukcc" -Os --report=json -o found.img hello.c 2>found.err
    result $? "ukcc --report=json links hello"
    ksize=$(stat -c %s "$kernel")
    note=$(linux found.img.report.json note)
    case $note in
    *"kernel $kernel: $ksize bytes, found in $deps/linux; initramfs: the musl-static program as /init, cpio.gz: "*) st=0 ;;
    *) st=1 ;;
    esac
    result $st "without options the kernel in .deps/linux is found, and the report says where"
    [ $st = 0 ] || echo "note: $note"
    # The initramfs as bench/lib.sh makes it, gzip -9: the same size.
    musl-gcc -static -Os -s -o init hello.c -lm &&
        (. "$top/bench/lib.sh" && { cpio_newc init $((0100755)) init;
            cpio_newc 'TRAILER!!!' 0 ""; }) >initramfs.cpio 2>/dev/null
    initrd=$(gzip -9 -n -c initramfs.cpio | wc -c)
    [ "$(linux found.img.report.json size)" = $((ksize + initrd)) ]
    result $? "the Linux size is the kernel + a cpio.gz with the program as /init ($ksize + $initrd)"
    "$bindir/ukcc" -Os --report -o found.img hello.c >found.txt 2>&1
    grep -Eq "^  Linux microVM \(kernel \+ initramfs\) +$((ksize + initrd))  ratio 0\.[0-9]+  kernel " found.txt
    result $? "the text report shows it with its ratio"
fi

summary
