#!/bin/bash
# ukcc_errors.sh: bad input to the real ukcc gives a clear message, exit 1, and no output file.
#
# Usage: ukcc_errors.sh BINDIR WORKDIR
# Unlike test/driver (a stub sysroot), this links against the real sysroot,
# so the undefined-symbol case goes through LTO and the kernel's script.
set -u
bindir=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
pass=0 fail=0

# expect NAME PATTERN OUTPUT -- COMMAND...: COMMAND fails, its stderr
# matches PATTERN (extended regexp), and OUTPUT does not exist afterwards.
expect() {
    local name=$1 pattern=$2 output=$3
    shift 4
    "$@" >out.txt 2>err.txt
    local st=$?
    if [ $st = 0 ]; then
        echo "[FAIL] $name: exit status 0"
    elif ! grep -Eq -- "$pattern" err.txt; then
        echo "[FAIL] $name: stderr does not match /$pattern/:"
        cat err.txt
    elif [ -e "$output" ]; then
        echo "[FAIL] $name: $output exists after the failure"
    elif ls -a | grep -Eq '\.tmp$|\.elf$|-[A-Za-z0-9]{6}$'; then
        echo "[FAIL] $name: temporary files left: $(ls -a | tr '\n' ' ')"
    else
        echo "[PASS] $name"
        pass=$((pass + 1))
        return
    fi
    fail=$((fail + 1))
}

printf 'int main(void) { return 0 }\n' >syntax.c
printf 'int helper(int);\nint main(void)\n{\n    return helper(3);\n}\n' >undef.c
printf 'int main(void) { return 0; }\n' >ok.c

expect "missing file" "ukcc: error: nosuch\.c: No such file or directory" \
    app.img -- "$bindir/ukcc" -o app.img nosuch.c
expect "syntax error" "syntax\.c:1:.*error: expected ';'" \
    app.img -- "$bindir/ukcc" -o app.img syntax.c
expect "undefined symbol" "ukcc: error: undefined reference to 'helper'" \
    app.img -- "$bindir/ukcc" -o app.img undef.c
expect "undefined symbol names the source line" "undef\.c:4" \
    app.img -- "$bindir/ukcc" -o app.img undef.c
# gcc removes a stale output when the link fails; so does ukcc.
echo stale >old.img
expect "failed link removes the old output" "undefined reference to 'helper'" \
    old.img -- "$bindir/ukcc" -o old.img undef.c
expect "unwritable output directory" "ukcc: error: .*nodir/app\.img" \
    nodir/app.img -- "$bindir/ukcc" -o nodir/app.img ok.c
expect "unknown -l library" "cannot find -lnosuchlib" \
    app.img -- "$bindir/ukcc" -o app.img ok.c -lnosuchlib
expect "--embed of a missing directory" \
    "ukcc: error: --embed: nosuchdir: No such file or directory" \
    app.img -- "$bindir/ukcc" --embed nosuchdir -o app.img ok.c
expect "--embed of a file" "ukcc: error: --embed: ok\.c is not a directory" \
    app.img -- "$bindir/ukcc" --embed=ok.c -o app.img ok.c

echo "$pass passed, $fail failed"
[ $fail = 0 ]
