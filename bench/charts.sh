#!/bin/bash
# charts.sh: one SVG chart per metric (gnuplot) from the tables run.sh saved.
#
# Usage: charts.sh TABLEDIR OUTDIR
# TABLEDIR holds the rows run.sh kept of each script (t-*.md); a missing
# table skips its chart. Writes OUTDIR/<metric>.svg.
set -euo pipefail
tables=$1 out=$2
mkdir -p "$out"
command -v gnuplot >/dev/null || { echo "charts.sh: gnuplot not found (tools/deps.sh installs gnuplot-nox)" >&2; exit 1; }

# data TABLE COLUMNS...: the table's data rows as whitespace-separated
# columns (1-based, counted between the pipes), n/a and nan as NaN;
# the first column keeps its spaces as underscores.
data() {
    local t=$tables/$1
    shift
    grep '^| ' "$t" | grep -v '^| program\|^| machine |\|^| input' |
        awk -F'|' -v cols="$*" '{
            n = split(cols, c, " "); line = ""
            for (i = 1; i <= n; i++) {
                v = $(c[i] + 1); gsub(/^ +| +$/, "", v); sub(/ \(.*\)$/, "", v)
                if (v == "n/a" || v == "nan" || v == "") v = "NaN"
                if (i == 1) gsub(/ /, "_", v)
                line = line (i > 1 ? " " : "") v
            }
            print line }'
}

# bars NAME TITLE YLABEL LOGSCALE DATAFILE LABEL... : a clustered bar chart,
# one cluster per row of DATAFILE (first column the name), one bar per
# further column, labelled LABEL...
bars() {
    local name=$1 title=$2 ylabel=$3 log=$4 dat=$5
    shift 5
    local plot="" i=2
    for label in "$@"; do
        plot="$plot${plot:+, }'$dat' using $i:xtic(1) title '$label'"
        i=$((i + 1))
    done
    gnuplot <<GP
set terminal svg size 760,420 dynamic font 'sans,11' background '#ffffff'
set output '$out/$name.svg'
set title '$title'
set ylabel '$ylabel'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set key outside below horizontal
set grid ytics
set format y '%g'
set xtics noenhanced
set datafile missing 'NaN'
$( [ "$log" = log ] && echo "set logscale y" || echo "set yrange [0:*]" )
plot $plot
GP
}

if [ -s "$tables/t-image.md" ]; then
    data t-image.md 1 2 3 4 >"$tables/image.dat"
    bars image_size "Image size, stripped (bytes; log scale)" bytes log \
        "$tables/image.dat" "ukcc image (kernel included)" \
        "musl-gcc -static -Os" "glibc gcc -static -Os"
fi
if [ -s "$tables/t-boot.md" ] && [ -s "$tables/t-linux.md" ]; then
    join <(data t-boot.md 1 3 4 | sort) <(data t-linux.md 1 4 | sort) \
        >"$tables/boot.dat"
    bars boot_time "Boot to exit, wall time (ms, median; log scale)" ms log \
        "$tables/boot.dat" "QEMU floor" "ukcc hello" "Linux microVM hello"
fi
if [ -s "$tables/t-guest.md" ]; then
    data t-guest.md 1 3 4 >"$tables/guest.dat"
    bars guest_boot "Guest-side time, from the guest TSC (us, median)" us lin \
        "$tables/guest.dat" "kernel entry -> main" "main -> exit"
fi
if [ -s "$tables/t-mem.md" ]; then
    data t-mem.md 1 2 3 4 >"$tables/mem.dat"
    bars min_mem "Minimum guest memory (MiB; log scale)" MiB log \
        "$tables/mem.dat" "ukcc hello (puts)" "ukcc samples/hello" \
        "Linux microVM"
fi
if [ -s "$tables/t-syscall.md" ]; then
    data t-syscall.md 3 4 5 >"$tables/syscall.dat"
    bars syscall_cost "Cost of a cheap call (TSC ticks per call; log scale)" \
        "ticks/call" log "$tables/syscall.dat" "ukcc image" "Linux microVM"
fi
if [ -s "$tables/t-compile.md" ]; then
    data t-compile.md 1 3 4 >"$tables/compile.dat"
    bars compile_time "Compile and link hello.c (s, median)" s lin \
        "$tables/compile.dat" "ukcc (LTO, image)" "musl-gcc -static"
fi
if [ -s "$tables/t-http.md" ]; then
    data t-http.md 1 4 7 >"$tables/http.dat"
    bars http "samples/httpd under wrk (requests/s)" "requests/s" lin \
        "$tables/http.dat" "ukcc image" "Linux microVM"
fi
if [ -s "$tables/t-redis.md" ]; then
    data t-redis.md 1 4 5 6 7 >"$tables/redis.dat"
    bars redis "redis 7.0 under redis-benchmark, 10 clients (requests/s)" \
        "requests/s" lin "$tables/redis.dat" "ukcc SET" "ukcc GET" \
        "Linux SET" "Linux GET"
fi
ls "$out"/*.svg >/dev/null 2>&1 || { echo "charts.sh: no table to chart" >&2; exit 1; }
