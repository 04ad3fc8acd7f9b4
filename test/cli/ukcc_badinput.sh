#!/bin/bash
# ukcc_badinput.sh: bad input gives one error line, status 1, no output.
#
# Usage: ukcc_badinput.sh BINDIR WORKDIR
# Inputs are made here: garbage, empty and truncated files, objects for
# other machines (clang-19 --target), archives holding them.
set -u
bindir=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
pass=0 fail=0
ukcc=$bindir/ukcc

# expect NAME PATTERN OUTPUT -- ARGS...: ukcc ARGS exits 1, its stderr is
# one line matching PATTERN, and OUTPUT does not exist afterwards (nor any
# temporary file beside it).
expect() {
    local name=$1 pattern=$2 output=$3 st lines
    shift 4
    "$ukcc" "$@" >out.txt 2>err.txt
    st=$?
    lines=$(wc -l <err.txt)
    if [ $st != 1 ]; then
        echo "[FAIL] $name: exit status $st, expected 1"
        cat err.txt
    elif [ "$lines" != 1 ]; then
        echo "[FAIL] $name: $lines lines on stderr, expected one:"
        head -n 20 err.txt
    elif ! grep -Eq -- "^ukcc: error: $pattern" err.txt; then
        echo "[FAIL] $name: stderr does not match /$pattern/:"
        cat err.txt
    elif [ -e "$output" ]; then
        echo "[FAIL] $name: $output exists after the failure"
    elif ls -a . "$(dirname "$output")" 2>/dev/null |
        grep -Eq '\.tmp$|\.elf$|-[A-Za-z0-9]{6}$'; then
        echo "[FAIL] $name: temporary files left: $(ls -a | tr '\n' ' ')"
    else
        echo "[PASS] $name"
        pass=$((pass + 1))
        return
    fi
    fail=$((fail + 1))
}

printf 'int main(void) { return 0; }\n' >ok.c
printf 'int helper(void) { return 1; }\n' >helper.c
clang-19 --target=x86_64-linux-gnu -c helper.c -o x86.o
clang-19 --target=aarch64-linux-gnu -c helper.c -o arm64.o
clang-19 --target=i386-linux-gnu -c helper.c -o i386.o
# Binary garbage, the same on every run (gzip data: neither ELF nor ar).
seq 1 3000 | gzip -n -c >garbage.bin
{ printf 'int x;\n'; cat garbage.bin; printf '\0'; } >garbage.c
cp garbage.bin garbage.o
cp garbage.bin garbage.a
: >empty.o
: >empty.a
mkdir dir.c dir.o
head -c 200 x86.o >trunc.o
ar rc good.a x86.o
head -c $(($(wc -c <good.a) - 100)) good.a >truncmember.a
head -c 70 good.a >trunchdr.a
ar rc arm.a x86.o arm64.o
printf '!<arch>\nmember.o/       0           0     0     644     zz        `\n' \
    >badsize.a
cp ok.c same.c

expect "directory as a C file" "dir\.c: is a directory" app.img -- \
    -o app.img dir.c
expect "directory as an object" "dir\.o: is a directory" app.img -- \
    -o app.img ok.c dir.o
expect "nonexistent object" "nosuch\.o: No such file or directory" \
    app.img -- -o app.img ok.c nosuch.o
expect "empty object" "empty\.o: empty file" app.img -- \
    -o app.img ok.c empty.o
expect "empty archive file" "empty\.a: empty file" app.img -- \
    -o app.img ok.c empty.a
expect "binary garbage as .c" "garbage\.c: binary file" app.img -- \
    -o app.img garbage.c
expect "binary garbage as .c with -c" "garbage\.c: binary file" garbage.o2 \
    -- -c -o garbage.o2 garbage.c
expect "binary garbage as .o" "garbage\.o: not an object file or archive" \
    app.img -- -o app.img ok.c garbage.o
expect "binary garbage as .a" "garbage\.a: not an object file or archive" \
    app.img -- -o app.img ok.c garbage.a
expect "truncated object" "trunc\.o: truncated" app.img -- \
    -o app.img ok.c trunc.o
expect "truncated archive member" "truncmember\.a: truncated archive" \
    app.img -- -o app.img ok.c truncmember.a
expect "truncated archive header" "trunchdr\.a: truncated archive" \
    app.img -- -o app.img ok.c trunchdr.a
expect "malformed archive member size" "badsize\.a: malformed archive" \
    app.img -- -o app.img ok.c badsize.a
expect "aarch64 object" \
    "arm64\.o: object for aarch64.*x86_64 objects only" app.img -- \
    -o app.img ok.c arm64.o
expect "i386 object" "i386\.o: 32-bit object for i386" app.img -- \
    -o app.img ok.c i386.o
expect "foreign object inside an archive" \
    "arm\.a\(arm64\.o\): object for aarch64" app.img -- \
    -o app.img ok.c arm.a
expect "output is the input" "input file 'same\.c' is the same as the output" \
    nosuch -- -o same.c same.c
expect "output is the input (another path)" \
    "input file 'same\.c' is the same as the output" nosuch -- \
    -o ./same.c same.c
expect "output is an input object" \
    "input file 'x86\.o' is the same as the output" nosuch -- \
    -o x86.o ok.c x86.o
expect "output is a directory" "-o dir\.o: is a directory" nosuch -- \
    -o dir.o ok.c
expect "output in a missing directory" \
    "-o nodir/app\.img: cannot write in nodir: No such file" \
    nodir/app.img -- -o nodir/app.img ok.c
expect "output under a file" "-o ok\.c/app\.img: ok\.c is not a directory" \
    ok.c/app.img -- -o ok.c/app.img ok.c
if [ "$(id -u)" != 0 ]; then
    mkdir ro && chmod 555 ro
    expect "unwritable output directory" \
        "-o ro/app\.img: cannot write in ro: Permission denied" ro/app.img \
        -- -o ro/app.img ok.c
fi
expect "-o with -c and two inputs" "-o cannot be used with -c" x.o -- \
    -c -o x.o ok.c helper.c
expect "-shared" "-shared: shared objects cannot go into a unikernel" \
    app.img -- -shared -o app.img ok.c
expect "-m32" "-m32: ukcc builds x86_64 images only" app.img -- \
    -m32 -o app.img ok.c
expect "unknown -x language" "-x fortran: language not recognized" \
    app.img -- -x fortran -o app.img ok.c
expect "-o without its file" "missing argument to '-o'" nosuch -- ok.c -o

# Files that are fine must still be: the checks refuse nothing good.
if "$ukcc" -o good.img ok.c good.a 2>err.txt && [ -s good.img ]; then
    echo "[PASS] a good object archive still links"
    pass=$((pass + 1))
else
    echo "[FAIL] a good object archive still links: $(cat err.txt)"
    fail=$((fail + 1))
fi
"$ukcc" -c -o lto.o helper.c && ar rcs lto.a lto.o
if "$ukcc" -o lto.img ok.c lto.a 2>err.txt && [ -s lto.img ]; then
    echo "[PASS] an archive of ukcc (fat LTO) objects still links"
    pass=$((pass + 1))
else
    echo "[FAIL] an archive of ukcc (fat LTO) objects: $(cat err.txt)"
    fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
