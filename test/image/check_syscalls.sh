#!/bin/bash
# check_syscalls.sh: hello reaches the kernel by direct calls only, and links only the handlers it uses.
#
# Usage: check_syscalls.sh BINDIR SRCDIR WORKDIR
# 1. The stripped image contains no syscall/sysenter/int $0x80 instruction.
# 2. The handlers present in the image (uk_sys_* functions, inlined or not,
#    read from the debug info of the same program linked with -g) are
#    exactly those listed in hello.handlers, and the out-of-line dispatcher,
#    which would drag in every handler, is absent.
set -u
bindir=$1 srcdir=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
. "$(dirname "$0")/../lib.sh"

src=$srcdir/samples/hello/hello.c
"$bindir/ukcc" -Os -o "$work/hello.img" "$src" || exit 1
"$bindir/ukcc" -Os -g -o "$work/hello.elf" "$src" || exit 1

llvm-objdump-19 -d --no-show-raw-insn "$work/hello.img" >"$work/hello.dis"
no_trap_insns() {
    local hits
    hits=$(grep -E '\s(syscall|sysenter)\s*$|\sint\s+\$0x80' "$work/hello.dis")
    [ -z "$hits" ] || { echo "$hits" | head; return 1; }
}
check "no syscall instruction in hello.img" no_trap_insns
check "disassembly is not empty" grep -q 'printf' <(llvm-objdump-19 -d "$work/hello.elf")

llvm-dwarfdump-19 --debug-info "$work/hello.elf" |
    grep -oE 'DW_AT_name\s+\("uk_(sys_[a-z0-9_]+|syscall_[a-z]+)' |
    sed 's/.*("//' | sort -u >"$work/handlers.dwarf"
llvm-nm-19 "$work/hello.elf" | awk '$3 ~ /^uk_(sys_|syscall_)/ {print $3}' |
    sort -u >"$work/handlers.sym"
sort -u "$work/handlers.dwarf" "$work/handlers.sym" >"$work/handlers.found"
same_handlers() {
    diff -u "$here/hello.handlers" "$work/handlers.found"
}
check "handlers in hello are exactly hello.handlers" same_handlers
check "no out-of-line dispatcher" bash -c "! grep -qx uk_syscall_dispatch '$work/handlers.found'"

summary
