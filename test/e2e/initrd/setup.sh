#!/bin/bash
# setup.sh: write the cpio archives the initrd cases boot with, into $1.
# A "newc" archive by hand (bash + printf), so no cpio tool is needed.
set -eu
out=$1
ino=0

# entry NAME MODE DATA: header (magic, 13 hex fields), name, data, each
# padded to 4 bytes.
entry() {
    local name=$1 mode=$2 data=$3 nsize size pad
    nsize=$((${#name} + 1))
    size=${#data}
    ino=$((ino + 1))
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        "$ino" "$mode" 0 0 1 1700000000 "$size" 0 0 0 0 "$nsize" 0
    printf '%s\0' "$name"
    pad=$(((4 - (110 + nsize) % 4) % 4))
    head -c "$pad" /dev/zero
    printf '%s' "$data"
    pad=$(((4 - size % 4) % 4))
    head -c "$pad" /dev/zero
}

{
    entry data $((0040755)) ""
    entry data/hello.txt $((0100644)) "hello from the initrd"
    entry data/sub/deep.txt $((0100600)) "parents made on the way"
    entry data/link $((0120777)) "hello.txt"
    entry ./data/run.sh $((0100755)) "#!/bin/sh"
    entry etc/motd $((0100644)) "initrd overrides /etc"
    entry TRAILER!!! 0 ""
    head -c 512 /dev/zero # loaders pad modules; the trailer ends it
} >"$out/good.cpio"

{
    entry data $((0040755)) ""
    printf 'garbage where a header should be: %0120d' 0
} >"$out/badmagic.cpio"

entry data/big.txt $((0100644)) "$(printf '%0100d' 0)" | head -c 150 \
    >"$out/truncated.cpio"

# Hostile archives: each must stop the boot with a message, never fault.
good_entry() { entry data $((0040755)) ""; }
# A header cut short after a good entry.
{ good_entry; entry data/x $((0100644)) "x" | head -c 50; } \
    >"$out/trunchdr.cpio"
# A name size far past the end of the archive.
{
    good_entry
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        2 $((0100644)) 0 0 1 0 0 0 0 0 0 $((0x7fffffff)) 0
    printf 'name\0\0\0\0'
} >"$out/namesize.cpio"
# A file size past the end (4 GiB - 1), with the rest of the archive there.
{
    good_entry
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        2 $((0100644)) 0 0 1 0 $((0xffffffff)) 0 0 0 0 7 0
    printf 'data/y\0'
    head -c 256 /dev/zero
} >"$out/filesize.cpio"
# Not hex where a field should be.
{
    good_entry
    entry data/z $((0100644)) "z" | sed 's/^070701......../070701zzzzzzzz/'
} >"$out/badhex.cpio"
# Entries, each complete, but no trailer: cut at an entry boundary.
{ good_entry; entry data/w $((0100644)) "w"; } >"$out/notrailer.cpio"
