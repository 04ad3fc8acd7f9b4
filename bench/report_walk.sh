#!/bin/bash
# report_walk.sh: cost of the link-time walk against the whole link, and image sizes against Unikraft's published ones.
#
# The walk (passes/walk_*.c) runs on every link to refuse unsupported
# calls; ukreport runs the same walk (plus rendering) on the finished
# image, so its time bounds the walk's share of a link.
# Prints markdown table rows: program, runs, link ms, walk ms, walk/link,
# image bytes, Unikraft's published size for that kind of program.
# Usage: report_walk.sh [RUNS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-5}

ms_of() { # command... -> milliseconds
    local t0 t1
    t0=$(now_ns)
    "$@" >/dev/null 2>&1
    t1=$(now_ns)
    echo $(((t1 - t0) / 1000000))
}

# row NAME UNIKRAFT SOURCES...
row() {
    local name=$1 uk=$2 link walk
    shift 2
    : >"$work/$name.link" && : >"$work/$name.walk"
    for _ in $(seq "$runs"); do
        ms_of "$bin/ukcc" -Os -o "$work/$name.img" "$@" >>"$work/$name.link"
        ms_of "$bin/ukreport" --format=json "$work/$name.img" >>"$work/$name.walk"
    done
    link=$(median <"$work/$name.link")
    walk=$(median <"$work/$name.walk")
    echo "| $name | $runs | $link | $walk | $(awk -v a="$walk" -v b="$link" 'BEGIN {printf "%.1f%%", 100 * a / b}') | $(stat -c %s "$work/$name.img") | $uk |"
}

echo "| program | runs | link (ms) | walk (ms) | walk/link | image (B) | Unikraft, published |"
echo "|---|---|---|---|---|---|---|"
row hello "197-213 KB (helloworld)" "$top/samples/hello/hello.c"
if [ -d "$top/samples/httpd" ]; then
    row httpd "nginx 0.85-1.6 MB" "$top"/samples/httpd/*.c
fi
