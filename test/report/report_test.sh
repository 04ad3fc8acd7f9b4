#!/bin/bash
# report_test.sh: ukcc --report and ukreport: components, sizes that add up, the JSON schema, and fork() refused at link time with its chain.
#
# Usage: report_test.sh BINDIR TESTDIR WORKDIR
set -u
bindir=$1 testdir=$2 work=$3
mkdir -p "$work"
cd "$work" || exit 1
. "$(dirname "$0")/../lib.sh"


# jcheck FILE PYTHON-EXPRESSION: true if the expression holds for report r.
jcheck() {
    python3 -c "import json,sys,os; r=json.load(open('$1')); sys.exit(0 if ($2) else 1)"
}

cp "$testdir"/*.c .
cp "$testdir/../../samples/hello/hello.c" hello.c

# hello: the JSON report, its components and sizes.
"$bindir/ukcc" -Os --report=json -o hello.img hello.c 2>err.txt
result $? "ukcc --report=json links hello"
[ -f hello.img.report.json ]
result $? "--report=json writes hello.img.report.json"
jcheck hello.img.report.json \
    "r['image']['file_size'] == os.path.getsize('hello.img')"
result $? "the report's file size is the image's"
jcheck hello.img.report.json \
    "sum(c['size'] for c in r['components']) + r['sizes']['unnamed'] + r['sizes']['headers'] == r['image']['file_size']"
result $? "component sizes + unnamed bytes + headers = the image file size"
jcheck hello.img.report.json \
    "sum(s['size'] for s in r['symbols'] if s['in_file']) == r['sizes']['symbols'] and r['sizes']['headers'] < 4096"
result $? "symbol sizes add up; the header overhead is under a page"
jcheck hello.img.report.json \
    "{'core','console','memory','time','libc'} <= {c['name'] for c in r['components']}"
result $? "hello has core, console, memory, time and libc"
jcheck hello.img.report.json \
    "not ({'vfs','pipes','events','signals','net','lwip','sockets'} & {c['name'] for c in r['components']})"
result $? "hello has no vfs, pipes, events, signals or network components"
jcheck hello.img.report.json \
    "'writev' in r['syscalls'] and 'pipe' not in r['syscalls'] and r['unsupported'] == []"
result $? "syscalls: writev yes, pipe no; nothing unsupported"
jcheck hello.img.report.json \
    "any(c['name'] == 'memory' and c['reason']['chain'][0] == '_start32' and c['reason']['chain'][-1] == c['reason']['symbol'] and [x['component'] for x in r['symbols'] if x['name'] == c['reason']['symbol']] == ['memory'] for c in r['components'])"
result $? "memory comes with a chain from the entry to one of its symbols"

# ukreport reads the same from the image and its .debug file.
"$bindir/ukreport" --format=json hello.img >ukreport.json
result $? "ukreport --format=json hello.img"
python3 -c "
import json
a = json.load(open('hello.img.report.json')); b = json.load(open('ukreport.json'))
assert [(c['name'], c['size']) for c in a['components']] == [(c['name'], c['size']) for c in b['components']]
assert a['sizes'] == b['sizes'] and a['syscalls'] == b['syscalls']"
result $? "ukreport agrees with ukcc --report on components, sizes, syscalls"
"$bindir/ukreport" hello.img >ukreport.txt
grep -Eq "^  total +$(stat -c %s hello.img)\$" ukreport.txt
result $? "the text report's total line is the image file size"

# A pipe brings the pipes component, with main on the chain.
"$bindir/ukcc" --report=json -o pipe.img pipe_prog.c
jcheck pipe.img.report.json \
    "any(c['name']=='pipes' and c['reason']['symbol'].startswith('uk_sys_pipe') for c in r['components']) and 'pipe' in r['syscalls']"
result $? "a pipe() program has the pipes component, with its chain"

# Networking, where it exists: the httpd sample has sockets and lwIP, with
# the chain to the socket syscall; hello (above) has neither.
sysroot=$("$bindir/ukcc" -print-sysroot)
if [ -d "$testdir/../../samples/httpd" ] && [ -f "$sysroot/lib/libuklwip.a" ]; then
    "$bindir/ukcc" -Os --report=json -o httpd.img \
        "$testdir"/../../samples/httpd/*.c 2>httpd.err
    result $? "ukcc --report=json links samples/httpd"
    jcheck httpd.img.report.json \
        "{'sockets','lwip','virtio-net'} <= {c['name'] for c in r['components']} and 'socket' in r['syscalls']"
    result $? "httpd has sockets, lwip and virtio-net, and the socket syscall"
    jcheck httpd.img.report.json \
        "any(c['name'] == 'sockets' and {'main', 'start_call_main'} & set(c['reason']['chain']) for c in r['components'])"
    result $? "the sockets component is in because main reaches it (or where LTO inlined main)"
else
    echo "[SKIP] no networking in this tree (samples/httpd, libuklwip.a)"
fi

# fork(): refused at link time, with the chain; no image left behind.
rm -f fork.img
"$bindir/ukcc" -o fork.img fork_prog.c 2>fork.err
st=$?
[ $st = 1 ] && [ ! -e fork.img ]
result $? "a fork() program fails to link (status 1, no image)"
grep -Eq "^ukcc: error: fork\(\) cannot work in a unikernel \(.*\): reached from fork_prog\.c:[0-9]+ \(spawn_worker\) via main -> spawn_worker -> fork$" fork.err
result $? "the error names fork(), the call site and the chain"
[ $? = 0 ] || cat fork.err
"$bindir/ukcc" -O2 -o fork.img fork_prog.c 2>fork2.err
[ $? = 1 ] && grep -Eq "^ukcc: error: fork\(\) cannot work in a unikernel \(.*\): reached from fork_prog\.c:[0-9]+ \(spawn_worker\) via main -> spawn_worker -> fork( \(inlined\))?$" fork2.err
result $? "-O2 (main and fork inlined): the same call site and chain"
[ $? = 0 ] || cat fork2.err
"$bindir/ukcc" -o system.img system_prog.c 2>system.err
[ $? = 1 ] && grep -q "system() cannot work" system.err &&
    [ "$(grep -c 'cannot work' system.err)" = 1 ]
result $? "system() is refused once, by the name the program used"
"$bindir/ukcc" -O2 -o system.img system_prog.c 2>system2.err
[ $? = 1 ] && grep -q "system() cannot work.*via main -> system" system2.err &&
    [ "$(grep -c 'cannot work' system2.err)" = 1 ]
result $? "-O2: system() is refused once too (its inlined waitpid is not)"

# --allow-unsupported: a warning, then fork fails with ENOSYS at run time.
"$bindir/ukcc" --allow-unsupported --report=json -o fork.img fork_prog.c 2>fork3.err
[ $? = 0 ] && grep -q "^ukcc: warning: fork() cannot work" fork3.err
result $? "--allow-unsupported links with a warning"
timeout 120 "$bindir/ukrun" --timeout 60 fork.img >fork.out 2>&1
st=$?
[ $st = 3 ] && grep -q "^fork: -1 ENOSYS" fork.out
result $? "at run time fork() returns -1 with ENOSYS (status $st)"
python3 "$testdir/json_schema.py" fork.img.report.json "$testdir/schema.golden"
result $? "the JSON report matches the schema golden (docs/report-schema.md)"

# Bad input: clear errors, no crash.
"$bindir/ukreport" "$testdir/report_test.sh" >/dev/null 2>bad.err
[ $? = 1 ] && grep -q "^ukreport: error: .*not an ELF" bad.err
result $? "ukreport on a non-ELF file: a clear error"
"$bindir/ukreport" no-such.img >/dev/null 2>bad.err
[ $? = 1 ] && grep -q "^ukreport: error: cannot read" bad.err
result $? "ukreport on a missing file: a clear error"
"$bindir/ukcc" --report=xml -o x.img hello.c 2>bad.err
[ $? = 1 ] && grep -q "unknown report format 'xml'" bad.err && [ ! -e x.img ]
result $? "--report=xml is refused"

summary
