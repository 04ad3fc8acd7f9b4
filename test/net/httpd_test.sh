#!/bin/bash
# httpd_test.sh: samples/httpd as an image under `ukrun --net user -p`, driven by curl.
#
# Usage: httpd_test.sh BUILDDIR SRCDIR MACHINE WORKDIR
# MACHINE is microvm or pc; "native" runs the same sources built with the
# host's cc instead (to tell a server bug from a network stack bug).
# The document root travels as an initrd; checked: status, headers and
# exact body bytes, HEAD, 404/405/400/301, 100 requests on one keep-alive
# connection, pipelining, 20 connections open at once, a 10 MiB file
# intact, and the built-in page when there is no document root.
set -u
build=$1 src=$2 machine=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export PATH=$build/bin:$PATH
rm -rf "$work"
mkdir -p "$work/root/srv/docs"
need curl ss sha256sum

# The document root: a page, a nested one, binaries small and large.
printf '<!DOCTYPE html>\n<title>net test</title>\n<p>served from the initrd</p>\n' \
    >"$work/root/srv/index.html"
printf 'nested page\n' >"$work/root/srv/docs/index.html"
printf 'plain text, %s\n' {1..50} >"$work/root/srv/docs/notes.txt"
head -c 262144 /dev/urandom >"$work/root/srv/medium.bin"
head -c 10485760 /dev/urandom >"$work/root/srv/big.bin"
cpio_tree "$work/root" "$work/root.cpio"

if [ "$machine" = native ]; then
    cc -O2 -o "$work/httpd" "$src"/samples/httpd/*.c
    st=$?
    httpd_cmd() { # ROOT: the command line of a server on HOSTPORT
        cmd=("$work/httpd" -p HOSTPORT "$work/root/$1")
    }
else
    ukcc -O2 -o "$work/httpd" "$src"/samples/httpd/*.c
    st=$?
    httpd_cmd() {
        cmd=(ukrun --machine "$machine" --timeout 900 --net user
            -p HOSTPORT:80 --initrd "$work/root.cpio" "$work/httpd" --
            -p 80 "/$1")
    }
fi
[ $st = 0 ]
result $? "httpd builds ($machine): one compiler command over its sources"
[ $st = 0 ] || { finish; exit 1; }

probe='curl -s -o /dev/null --max-time 5 http://127.0.0.1:$host_port/'
httpd_cmd srv
vm_start "$work/vm.log" "$probe" "${cmd[@]}"
result $? "httpd answers on a forwarded port ($machine)"
vm_alive || { finish; exit 1; }
base=http://127.0.0.1:$host_port

# hdr FILE NAME: the value of header NAME in a saved response head.
hdr() {
    tr -d '\r' <"$1" | awk -v n="$2" 'BEGIN {n = tolower(n) ":"}
        tolower($1) == n {sub(/^[^:]*:[ \t]*/, ""); print; exit}'
}

# GET: status line, headers, exact body.
curl -s -D "$work/get.head" -o "$work/get.body" "$base/"
head -n 1 "$work/get.head" | tr -d '\r' | grep -qx 'HTTP/1.1 200 OK' &&
    [ "$(hdr "$work/get.head" Content-Type)" = "text/html; charset=utf-8" ] &&
    [ "$(hdr "$work/get.head" Content-Length)" = "$(stat -c %s "$work/root/srv/index.html")" ] &&
    [ "$(hdr "$work/get.head" Connection)" = keep-alive ] &&
    [ -n "$(hdr "$work/get.head" Date)" ] &&
    cmp -s "$work/get.body" "$work/root/srv/index.html"
result $? "GET /: 200, Content-Type, Content-Length, exact body"

curl -s -D "$work/txt.head" -o "$work/txt.body" "$base/docs/notes.txt?x=1"
[ "$(hdr "$work/txt.head" Content-Type)" = "text/plain; charset=utf-8" ] &&
    cmp -s "$work/txt.body" "$work/root/srv/docs/notes.txt"
result $? "GET with a query string: text/plain, exact body"

curl -s -I -o "$work/head.head" "$base/big.bin"
code=$(curl -s -I -o /dev/null -w '%{http_code} %{size_download}' "$base/big.bin")
[ "$code" = "200 0" ] &&
    [ "$(hdr "$work/head.head" Content-Length)" = 10485760 ] &&
    [ "$(hdr "$work/head.head" Content-Type)" = application/octet-stream ]
result $? "HEAD: the GET headers, no body"

code=$(curl -s -o "$work/404.body" -w '%{http_code}' "$base/no/such/file.html")
[ "$code" = 404 ] && [ "$(cat "$work/404.body")" = "404 Not Found" ]
result $? "a missing file: 404"

code=$(curl -s -o /dev/null -D "$work/301.head" -w '%{http_code}' "$base/docs")
[ "$code" = 301 ] && [ "$(hdr "$work/301.head" Location)" = /docs/ ] &&
    [ "$(curl -sL "$base/docs")" = "nested page" ]
result $? "a directory without its slash: 301 to DIR/, then its index.html"

code=$(curl -s -o /dev/null -D "$work/405.head" -w '%{http_code}' \
    -X POST --data-binary 'a=1' "$base/")
[ "$code" = 405 ] && [ "$(hdr "$work/405.head" Allow)" = "GET, HEAD" ]
result $? "POST: 405 with Allow: GET, HEAD"

code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$base/../etc/passwd")
[ "$code" = 400 ]
result $? "a path with .. is refused: 400"

# raw REQUEST-BYTES: the whole answer of the server on one connection
# that we close for writing after the request (bash's /dev/tcp).
raw() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$host_port" || exit 1
        printf "$1" >&3
        timeout 20 cat <&3
    )
}
raw 'GARBAGE\r\n\r\n' >"$work/bad.out"
head -n 1 "$work/bad.out" | tr -d '\r' | grep -qx 'HTTP/1.1 400 Bad Request'
result $? "a malformed request line: 400"

raw 'GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /docs/ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' \
    >"$work/pipe.out"
[ "$(grep -c '^HTTP/1.1 200 OK' "$work/pipe.out")" = 2 ] &&
    grep -q 'served from the initrd' "$work/pipe.out" &&
    tail -n 1 "$work/pipe.out" | grep -qx 'nested page'
result $? "two pipelined requests: two responses, in order"

# 100 requests on one connection: curl reuses it; num_connects counts the
# connections each transfer had to open.
args=()
for i in $(seq 100); do
    args+=("$base/docs/notes.txt?n=$i" -o "$work/ka.$i")
done
curl -s -w '%{http_code} %{num_connects}\n' "${args[@]}" >"$work/ka.out"
ok=0
for i in $(seq 100); do
    cmp -s "$work/ka.$i" "$work/root/srv/docs/notes.txt" || ok=1
done
[ "$(grep -c '^200 ' "$work/ka.out")" = 100 ] &&
    [ "$(awk '{s += $2} END {print s}' "$work/ka.out")" = 1 ] && [ $ok = 0 ]
result $? "100 requests over one keep-alive connection, bodies exact"

# 20 connections at once: each sends half a request and waits; a request
# on a 21st connection must still be answered (a server that blocks on one
# client would hang here). Then all 20 finish their requests.
ok=0
fds=()
for i in $(seq 20); do
    exec {fd}<>"/dev/tcp/127.0.0.1/$host_port" || ok=1
    fds+=("$fd")
    printf 'GET /medium.bin HTTP/1.1\r\nHost: c%d\r\n' "$i" >&"$fd"
done
code=$(curl -s --max-time 30 -o "$work/c21.body" -w '%{http_code}' "$base/medium.bin")
[ "$code" = 200 ] && cmp -s "$work/c21.body" "$work/root/srv/medium.bin" || ok=1
for fd in "${fds[@]}"; do
    printf 'Connection: close\r\n\r\n' >&"$fd"
done
i=0
for fd in "${fds[@]}"; do
    i=$((i + 1))
    timeout 60 cat <&"$fd" >"$work/c$i.raw"
    exec {fd}>&-
    # Connection: close, so the answer is exactly head, blank line, body.
    head -n 1 "$work/c$i.raw" | tr -d '\r' | grep -qx 'HTTP/1.1 200 OK' || ok=1
    hl=$(($(stat -c %s "$work/c$i.raw") - 262144))
    [ "$(head -c "$hl" "$work/c$i.raw" | tail -c 4 | od -An -tx1 | tr -d ' ')" = 0d0a0d0a ] || ok=1
    tail -c 262144 "$work/c$i.raw" | cmp -s - "$work/root/srv/medium.bin" || ok=1
done
[ $ok = 0 ]
result $? "20 connections open at once, another answered meanwhile, all 20 bodies exact"

seq 20 | xargs -P 20 -I{} curl -s --max-time 120 -o "$work/par.{}" \
    -w '%{http_code}\n' "$base/medium.bin?p={}" >"$work/par.codes"
ok=0
for i in $(seq 20); do
    cmp -s "$work/par.$i" "$work/root/srv/medium.bin" || ok=1
done
[ "$(grep -c '^200$' "$work/par.codes")" = 20 ] && [ $ok = 0 ]
result $? "20 concurrent curl clients (xargs -P 20): all 200, bodies exact"

want=$(sha256sum <"$work/root/srv/big.bin")
got=$(curl -s --max-time 300 "$base/big.bin" | sha256sum)
[ "$got" = "$want" ]
result $? "a 10 MiB file arrives intact (sha256)"

# The server is still healthy after all that.
[ "$(curl -s --max-time 10 "$base/docs/")" = "nested page" ]
result $? "still answering afterwards"
vm_stop

# No document root: the built-in page.
httpd_cmd no-such-dir
vm_start "$work/vm2.log" "$probe" "${cmd[@]}"
result $? "httpd without a document root starts"
base=http://127.0.0.1:$host_port
code=$(curl -s -o "$work/builtin.body" -w '%{http_code}' "$base/")
[ "$code" = 200 ] && grep -q 'It works' "$work/builtin.body" &&
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/other")" = 404 ] &&
    grep -q 'serving the built-in page' "$work/vm2.log"
result $? "no document root: the built-in page at /, 404 elsewhere"

finish
