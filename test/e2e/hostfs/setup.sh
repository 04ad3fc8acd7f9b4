#!/bin/bash
# setup.sh: fresh host directories for the cases, in $1.
set -eu
work=$1
rm -rf "$work/basic" "$work/one" "$work/two" "$work/big" "$work/threads"
mkdir -p "$work/basic" "$work/one" "$work/two" "$work/big" "$work/threads"
printf 'alpha\nbeta\ngamma\n' >"$work/basic/input.txt"
mkdir "$work/basic/etc" # hides the boot tree's /etc
printf 'the host directory has its own etc\n' >"$work/basic/etc/hosts"
printf 'from the host\n' >"$work/two/input.txt"
# 3 MiB and a bit: not a multiple of any transfer size
head -c $((3 * 1024 * 1024 + 777)) /dev/urandom >"$work/big/src.bin"
