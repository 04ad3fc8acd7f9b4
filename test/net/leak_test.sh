#!/bin/bash
# leak_test.sh: the no-leak long run: after N requests, memory as before.
#
# Usage: leak_test.sh BUILDDIR SRCDIR MACHINE WORKDIR [REQUESTS [CHURN]]
# 2,000 requests each on a connection the server closes first ("Connection:
# close"), then REQUESTS (default 200000) keep-alive requests from wrk, 8
# connections, then CHURN (default 20000) requests each on a connection of
# its own that the client closes first (test/net/leak_client.c). The
# server is samples/httpd unchanged, with test/net/leak_main.c as its
# main (a second port answers with the guest's /proc/meminfo) and
# test/net/leak_malloc.c counting malloc's bytes. The full run is
# `leak_test.sh BUILDDIR SRCDIR microvm WORKDIR 1000000`.
#
# The comparison is exact, after the load against before it, once a
# warm-up (20,000 requests, 2,000 connections) has brought everything to
# its steady state: the kernel's pages (MemTotal - MemFree - AnonPages: a
# page leaked per 10,000 connections fails), the bytes malloc has handed
# out and not had back (MallocBytes, counted by test/net/leak_malloc.c),
# lwIP's pools' elements in use (TCP pcbs, TIME_WAIT, segments, pbufs, UDP
# pcbs); lwIP's heap in use (NetHeapUsedBytes) to within HEAP_SLACK bytes:
# lwIP gives a block the whole free hole it lands in when the rest is too
# small to split (under 16 + 16 bytes), so the same live blocks can count
# a few bytes more or less after the heap was churned (8 seen when idle).
# 256 is 8 such blocks; a leaked socket, pcb or page is more. The
# program's pages (AnonPages) are only bounded, by ANON_SLACK_KB: musl's
# malloc keeps some freed groups for reuse, how many depends on history.
# Both readings are taken the same way (one meminfo connection open, the
# server idle, no pcb in TIME_WAIT: those the server-closed connections
# left expire after 2 x MSL = 2 minutes, while the rest of the load runs,
# and the last reading waits for them, up to SETTLE_S).
set -u
build=$1 src=$2 machine=$3 work=$4 requests=${5:-200000} churn=${6:-20000}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work/root/srv/docs"
need curl ss wrk cc

# The document root: index pages and a text file.
printf '<!DOCTYPE html>\n<title>leak test</title>\n<p>no leaks here</p>\n' \
    >"$work/root/srv/index.html"
printf 'line %s of the leak test notes\n' {1..60} >"$work/root/srv/docs/notes.txt"
printf 'docs index\n' >"$work/root/srv/docs/index.html"
cpio_tree "$work/root" "$work/root.cpio"

h=$src/samples/httpd
ukcc -O2 -I"$h" -o "$work/leak.img" "$here/leak_main.c" \
    "$here/leak_malloc.c" "$h/loop.c" "$h/conn.c" "$h/request.c" \
    "$h/response.c" "$h/mime.c" "$h/page.c" &&
    cc -O2 -o "$work/leak_client" "$here/leak_client.c"
result $? "the leak server (httpd + meminfo port) and the churn client build"
[ "$fail" = 0 ] || { finish; exit 1; }

mport=$(random_port)
probe='curl -s -o /dev/null --max-time 5 http://127.0.0.1:$host_port/'
vm_start "$work/vm.log" "$probe" ukrun --machine "$machine" --timeout 3600 \
    --net user -p HOSTPORT:80 -p "$mport:81" --initrd "$work/root.cpio" \
    "$work/leak.img" -- /srv
result $? "the leak server answers ($machine)"
vm_alive || { finish; exit 1; }
base=http://127.0.0.1:$host_port

# sample NAME: a few responses' exact bytes, over separate connections.
sample() {
    local ok=0
    curl -s --max-time 20 -o "$work/s.index" "$base/" &&
        cmp -s "$work/s.index" "$work/root/srv/index.html" || ok=1
    curl -s --max-time 20 -o "$work/s.notes" "$base/docs/notes.txt" &&
        cmp -s "$work/s.notes" "$work/root/srv/docs/notes.txt" || ok=1
    [ "$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' \
        "$base/missing")" = 404 ] || ok=1
    result $ok "$1: exact bodies of / and /docs/notes.txt, 404 for a missing file"
}

# meminfo OUT: the guest's /proc/meminfo, once the server is idle. curl
# closes first (the server waits for it), see leak_main.c.
meminfo() {
    curl -s --max-time 20 -o "$1" "http://127.0.0.1:$mport/"
}

# snapshot OUT: the values compared, as KEY VALUE lines.
# KernelKB is derived; AnonPages is kept aside in OUT.anon (bounded only).
keys='MallocBytes NetHeapUsedBytes NetTcpPcbs NetTcpTimeWait NetTcpSegs
      NetPbufs NetUdpPcbs'
snapshot() {
    meminfo "$1.raw" || return 1
    awk '{sub(/:$/, "", $1)} $1 == "AnonPages" {print $2}' "$1.raw" >"$1.anon"
    awk -v keys="$keys" 'BEGIN {
            n = split(keys, k)
            for (i = 1; i <= n; i++) want[k[i]] = 1
        }
        {sub(/:$/, "", $1); v[$1] = $2}
        ($1 in want) {print $1, $2; got++}
        END {
            if (!("MemTotal" in v) || !("MemFree" in v) || !("AnonPages" in v))
                exit 1
            print "KernelKB", v["MemTotal"] - v["MemFree"] - v["AnonPages"]
            exit got != n
        }' "$1.raw" >"$1"
}
ANON_SLACK_KB=512

HEAP_SLACK=256

# same A B: snapshots A and B agree (exactly, but for the heap's slack).
same() {
    awk -v slack=$HEAP_SLACK 'NR == FNR {a[$1] = $2; next}
        {d = $2 - a[$1]; if (d < 0) d = -d}
        !($1 in a) || ($1 == "NetHeapUsedBytes" ? d > slack : d != 0) {bad = 1}
        END {exit bad || FNR != NR - FNR}' "$1" "$2"
}

# settle OUT BEFORE: snapshots until one is the same as BEFORE (closing
# connections and TIME_WAIT pcbs are given up to SETTLE_S), the last one
# in OUT; 0 when same.
SETTLE_S=180
settle() {
    local end=$((SECONDS + SETTLE_S))
    while [ $SECONDS -lt $end ]; do
        snapshot "$1" && same "$2" "$1" && return 0
        sleep 2
    done
    return 1
}

# load NAME COUNT: COUNT keep-alive requests from wrk (8 connections, in
# runs of at most 30 s, until COUNT is reached), paths in turn from
# leak.lua; fails on any socket error or non-2xx answer.
cat >"$work/leak.lua" <<'EOF'
local paths = {"/", "/docs/notes.txt", "/index.html", "/docs/",
               "/docs/index.html"}
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
EOF
load() {
    local name=$1 want=$2 done=0 bad=0 run=0 start=$SECONDS out n d
    while [ "$done" -lt "$want" ] && [ $bad = 0 ]; do
        run=$((run + 1))
        out=$work/$name.$run.wrk
        # ~10k requests/s under TCG: ask for a little more than needed.
        d=$(((want - done) / 8000 + 2))
        [ $d -gt 30 ] && d=30
        wrk -t1 -c8 -d"${d}s" -s "$work/leak.lua" "$base/" >"$out" 2>&1
        n=$(awk '/requests in/ {print $1}' "$out")
        grep -q 'Socket errors\|Non-2xx' "$out" && bad=1
        [ -n "$n" ] && [ "$n" -gt 0 ] || bad=1
        done=$((done + ${n:-0}))
        vm_alive || bad=1
    done
    echo "$name: $done requests in $run wrk runs, $((SECONDS - start)) s"
    [ $bad = 0 ] || { echo "$name: errors, see:"; cat "$out"; }
    load_done=$done
    [ $bad = 0 ] && [ "$done" -ge "$want" ]
}

# churn NAME COUNT [server-close]: COUNT requests, a connection each, 4
# clients at once.
churn() {
    local start=$SECONDS r
    "$work/leak_client" "$host_port" /docs/notes.txt \
        "$work/root/srv/docs/notes.txt" "$2" 4 ${3:-} >"$work/$1.out"
    r=$?
    echo "$1: $(cat "$work/$1.out"), $((SECONDS - start)) s"
    return $r
}

sample "before the load"
meminfo "$work/first.raw" &&
    grep -q '^MemFree: *[0-9][0-9]* kB$' "$work/first.raw" &&
    grep -q '^NetTcpPcbs: *[0-9][0-9]*$' "$work/first.raw"
result $? "the guest's /proc/meminfo, with the network lines, on port 81"

load warmup 20000 && churn warmup-churn 2000
result $? "warm-up: 20,000 keep-alive requests and 2,000 connections, no errors"
sleep 2
snapshot "$work/before" && snapshot "$work/before2" &&
    same "$work/before" "$work/before2"
result $? "memory is steady when idle (two readings agree)"
echo "before:" $(cat "$work/before")

t0=$SECONDS
churn server-close 2000 server-close && snapshot "$work/tw" &&
    [ "$(awk '$1 == "NetTcpTimeWait" {print $2}' "$work/tw")" -gt 0 ]
result $? "2000 connections closed by the server first: all bodies exact, \
its ends in TIME_WAIT ($(awk '$1 == "NetTcpTimeWait" {print $2}' "$work/tw"))"
load keepalive "$requests"
result $? "$requests keep-alive requests (wrk, 8 connections): no errors, all 2xx"
churn churn "$churn"
result $? "$churn connections, a request each, closed by the client: all bodies exact"
total=$((load_done + churn + 2000))

t1=$SECONDS
settle "$work/after" "$work/before"
st=$?
echo "settled after $((SECONDS - t1)) s"
echo "after: " $(cat "$work/after")
result $st "memory after $total requests in $((SECONDS - t0)) s equals memory \
before (kernel pages, malloc bytes, lwIP heap and pools)"
[ $st = 0 ] || diff "$work/before" "$work/after" | sed 's/^/    /'
a0=$(cat "$work/before.anon") a1=$(cat "$work/after.anon")
echo "program's pages (AnonPages): $a0 kB before, $a1 kB after"
[ -n "$a0" ] && [ -n "$a1" ] && [ "$a1" -le $((a0 + ANON_SLACK_KB)) ]
result $? "the program's pages grew by at most $ANON_SLACK_KB kB (musl's malloc cache)"
sample "after the load"
grep -q 'fault\|panic\|PANIC\|assert' "$vm_log"
[ $? != 0 ]
result $? "nothing faulted (console)"
vm_alive
result $? "the server is still running"
finish
