#!/bin/bash
# image_pack_test.sh: uk-image-pack packs an image so that it still boots.
#
#   image_pack_test.sh <uk-image-pack> <source dir> [IMAGE...]
#
# The main inputs are built here, so they are never packed already: boot.S
# and pack_stub.S linked with the real image.ld, once with symbols and
# DWARF (non-allocated sections) and once stripped. Each IMAGE (e.g.
# samples/hello.img, a program that exits 0) is checked the same way if it
# is not packed yet, and must be refused if it is. For every packed image:
# p_paddr - first p_paddr == p_offset for each PT_LOAD, vaddr and sizes
# unchanged, the file smaller, no warnings from llvm-readelf (and GNU
# readelf if there is one), the same disassembly and section contents
# (except load_end_addr in .multiboot), the segment bytes at their new
# offsets, and load_end_addr at the new end of the file-backed data. Bad
# inputs must fail with a message naming the file and leave no output.
# With UKRUN set, packed images boot (multiboot and PVH) and exit 0.
#
# Tools, overridable through the environment: CLANG, LLD, OBJCOPY, OBJDUMP,
# READELF (LLVM's), GNU_READELF (optional), UKRUN (optional).
set -u

PACK=$(realpath "$1")
SRC=$2
shift 2
CLANG=${CLANG:-clang-19}
LLD=${LLD:-ld.lld-19}
OBJCOPY=${OBJCOPY:-llvm-objcopy-19}
OBJDUMP=${OBJDUMP:-llvm-objdump-19}
READELF=${READELF:-llvm-readelf-19}
GNU_READELF=${GNU_READELF:-readelf}
UKRUN=${UKRUN:-}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/image-pack-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "$0")/../lib.sh"

skip() { # name, reason
    echo "[SKIP] $1: $2"
}

# The PT_LOADs of an image, one per line: offset vaddr paddr filesz memsz
# flags, numbers in hex.
loads() {
    "$READELF" -lW "$1" | awk '$1 == "LOAD" {
        flags = ""
        for (i = 7; i < NF; i++) flags = flags $i
        print $2, $3, $4, $5, $6, flags }'
}

# Every PT_LOAD sits at the first one's p_paddr plus its file offset.
paddr_rule() {
    local off vaddr paddr first=""

    while read -r off vaddr paddr _; do
        first=${first:-$paddr}
        [ $((paddr - first)) -eq $((off)) ] || return 1
    done < <(loads "$1")
    [ -n "$first" ]
}

# vaddr, filesz, memsz and flags of every PT_LOAD are unchanged.
same_loads() {
    diff <(loads "$1" | cut -d' ' -f2,4-) <(loads "$2" | cut -d' ' -f2,4-)
}

smaller() {
    [ "$(stat -c %s "$2")" -lt "$(stat -c %s "$1")" ]
}

mode_755() {
    [ "$(stat -c %a "$1")" = 755 ]
}

# A reader that prints nothing on stderr and no "warning" on stdout.
quiet() {
    local out

    out=$("$@" 2>&1 >/dev/null) || return 1
    [ -z "$out" ] && ! "$@" 2>/dev/null | grep -qi warning
}

no_warnings() {
    quiet "$READELF" -lSW "$1" || return 1
    if command -v "$GNU_READELF" >/dev/null; then
        quiet "$GNU_READELF" -lSW "$1" || return 1
    fi
}

disasm() {
    "$OBJDUMP" -d "$1" | grep -v 'file format'
}

same_text() {
    diff <(disasm "$1") <(disasm "$2") >/dev/null
}

# Contents of every section (by address, or offset within the section for
# non-allocated ones), except .multiboot, where load_end_addr changes.
contents() {
    "$OBJDUMP" -s "$1" | grep -v 'file format' |
        awk '/^Contents of section/ { skip = ($4 == ".multiboot:") } !skip'
}

same_contents() {
    diff <(contents "$1") <(contents "$2") >/dev/null
}

# Each PT_LOAD's file bytes, at the old offset in the input and at the new
# one in the output (the first one's headers change: skip them).
same_segments() {
    local old new i=0 size

    paste -d' ' <(loads "$1") <(loads "$2") |
        while read -r old _ _ size _ _ new _; do
            if [ $i -gt 0 ]; then
                cmp -s -i $((old)):$((new)) -n $((size)) "$1" "$2" || exit 1
            fi
            i=$((i + 1))
        done
}

# The file offset of a section, in hex without 0x.
section_offset() { # image, section name
    "$READELF" -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
        awk -v name="$2" '$1 == name { print $4 }'
}

# The u32 at a file offset, in decimal.
u32_at() {
    od -A n -t u4 -j "$2" -N 4 "$1" | tr -d ' '
}

# load_end_addr == first p_paddr + file end of the last PT_LOAD.
load_end() {
    local mb off vaddr paddr size first="" end

    mb=$(section_offset "$1" .multiboot)
    [ -n "$mb" ] || return 1
    while read -r off vaddr paddr size _; do
        first=${first:-$paddr}
        end=$((first + off + size))
    done < <(loads "$1")
    [ "$(u32_at "$1" $((0x$mb + 20)))" = "$end" ]
}

is_packed() {
    loads "$1" | awk '$2 != $3 { found = 1 } END { exit !found }'
}

# A copy of the image without the multiboot magic: QEMU then boots PVH.
pvh_copy() {
    local mb

    mb=$(section_offset "$1" .multiboot)
    [ -n "$mb" ] && cp "$1" "$2" &&
        printf '\0\0\0\0' | dd of="$2" bs=1 seek=$((0x$mb)) conv=notrunc \
            status=none
}

boots() { # image [ukrun options]
    local img=$1

    shift
    "$UKRUN" --timeout 120 "$@" "$img" >"$WORK/boot.log" 2>&1
}

check_packed() { # input, output; name = input's basename
    local in=$1 out=$2 name
    name=$(basename "$1")

    check "$name: packs" "$PACK" "$in" "$out"
    [ -f "$out" ] || return
    check "$name: p_paddr - first p_paddr == p_offset" paddr_rule "$out"
    check "$name: vaddr, sizes and flags kept" same_loads "$in" "$out"
    check "$name: smaller ($(stat -c %s "$in") -> $(stat -c %s "$out"))" \
        smaller "$in" "$out"
    check "$name: mode 0755" mode_755 "$out"
    check "$name: readelf prints no warning" no_warnings "$out"
    check "$name: same disassembly" same_text "$in" "$out"
    check "$name: same section contents" same_contents "$in" "$out"
    check "$name: segment bytes moved intact" same_segments "$in" "$out"
    check "$name: multiboot load_end_addr" load_end "$out"
    if [ -z "$UKRUN" ]; then
        skip "$name: boots" "UKRUN not set"
        return
    fi
    check "$name: boots (multiboot)" boots "$out"
    pvh_copy "$out" "$out.pvh"
    check "$name: boots (PVH)" boots "$out.pvh"
}

# Fails, names the input in its message, and leaves no output (not even a
# temporary file beside it).
refuses() { # input
    local out=$WORK/refused/out.img

    rm -rf "$WORK/refused"
    mkdir "$WORK/refused"
    ! "$PACK" "$1" "$out" 2>"$WORK/refused.err" &&
        grep -qF "$1" "$WORK/refused.err" &&
        [ -z "$(ls -A "$WORK/refused")" ]
}

# A failed pack leaves an existing output as it was.
keeps_old_output() {
    echo old >"$WORK/old.img"
    ! "$PACK" "$1" "$WORK/old.img" 2>/dev/null &&
        [ "$(cat "$WORK/old.img")" = old ]
}

# Packing in place gives the same file as packing to a new one.
in_place() { # input, reference output
    cp "$1" "$WORK/inplace.img" &&
        "$PACK" "$WORK/inplace.img" "$WORK/inplace.img" &&
        cmp -s "$WORK/inplace.img" "$2"
}

build_synth() {
    local arch=$SRC/kernel/arch/x86_64 f

    for f in "$arch/boot.S" "$SRC/test/passes/pack_stub.S"; do
        "$CLANG" --target=x86_64-linux-gnu -g -c "$f" \
            -o "$WORK/$(basename "$f" .S).o" || return 1
    done
    "$LLD" -m elf_x86_64 -static -z max-page-size=4096 -z noexecstack \
        --build-id=none -T "$arch/image.ld" "$WORK/boot.o" \
        "$WORK/pack_stub.o" -o "$WORK/synth.elf" &&
        "$OBJCOPY" --strip-all "$WORK/synth.elf" "$WORK/synth.img"
}

if ! build_synth; then
    echo "[FAIL] build the test images"
    exit 1
fi
check_packed "$WORK/synth.img" "$WORK/synth.img.packed"
check_packed "$WORK/synth.elf" "$WORK/synth.elf.packed"
check "packing in place" in_place "$WORK/synth.elf" "$WORK/synth.elf.packed"

for img in "$@"; do
    if [ ! -f "$img" ]; then
        skip "$(basename "$img")" "not built"
    elif is_packed "$img"; then
        check "$(basename "$img"): refused, already packed" refuses "$img"
    else
        check_packed "$img" "$WORK/$(basename "$img").packed"
    fi
done

echo 'not an image' >"$WORK/notes.txt"
"$OBJCOPY" --remove-section .multiboot "$WORK/synth.img" "$WORK/nomb.img"
check "refuses a file that is not ELF" refuses "$WORK/notes.txt"
check "refuses a missing file" refuses "$WORK/no-such.img"
check "refuses an image packed already" refuses "$WORK/synth.img.packed"
check "refuses an image without .multiboot" refuses "$WORK/nomb.img"
check "refuses a host program" refuses "$(command -v sh)"
check "a failed pack keeps the old output" keeps_old_output "$WORK/notes.txt"

summary
