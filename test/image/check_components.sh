#!/bin/bash
# check_components.sh: a program links the scheduler and console input only when it can use them.
#
# Usage: check_components.sh BINDIR WORKDIR
# Symbols come from the image's .debug file: functions called from several
# places or through a pointer, so LTO keeps them by name.
set -u
bindir=$1 work=$2
mkdir -p "$work"
pass=0 fail=0

# build NAME SOURCE: compile SOURCE (a C program) into WORKDIR/NAME.img and
# list its function symbols in NAME.syms.
build() {
    printf '%s\n' "$2" >"$work/$1.c"
    "$bindir/ukcc" -Os -o "$work/$1.img" "$work/$1.c" &&
        llvm-nm-19 "$work/$1.img.debug" | awk '{print $3}' >"$work/$1.syms"
}

# expect NAME has|lacks SYMBOL WHY
expect() {
    local found=no
    grep -qx "$3" "$work/$1.syms" && found=yes
    if { [ "$2" = has ] && [ $found = yes ]; } ||
        { [ "$2" = lacks ] && [ $found = no ]; }; then
        echo "[PASS] $1 $2 $3 ($4)"
        pass=$((pass + 1))
    else
        echo "[FAIL] $1 $2 $3 ($4)"
        fail=$((fail + 1))
    fi
}

build puts '#include <stdio.h>
int main(void) { puts("hi"); return 0; }' || exit 1
build reader '#include <stdio.h>
int main(void) { return getchar(); }' || exit 1
build threads '#include <pthread.h>
static void *run(void *a) { return a; }
int main(void) { pthread_t t; pthread_create(&t, 0, run, 0);
return pthread_join(t, 0); }' || exit 1

expect puts lacks sched_block "musl's stdio locks do not link the scheduler"
expect puts lacks irq_init "no interrupt controller without a device interrupt"
expect puts lacks console_port_read "writing to stdout links no input side"
expect puts has console_port_write "the output side is there"
expect reader has console_port_read "reading stdin links the input side"
expect reader has sched_block "a reader sleeps until the device interrupts"
expect threads has sched_block "pthread_create links the scheduler"
expect threads has switch_to "threads switch"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
