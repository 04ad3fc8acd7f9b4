# lib.sh: shared helpers for the benchmark scripts (sourced, not run).
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${UKCC_BUILD_DIR:-$top/build}
bin=$build/bin
work=${BENCH_WORK:-$build/bench}
mkdir -p "$work"

# now_ns: wall clock in nanoseconds.
now_ns() { date +%s%N; }

# median of the numbers on stdin.
median() { sort -n | awk '{a[NR] = $1} END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# spread: min and max of the numbers on stdin.
spread() { sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}'; }

# ratio A B with 2 decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "nan"; else printf "%.2f\n", a / b }'; }

# machine_line: what ran the benchmark.
machine_line() {
    local cpu qemu accel
    cpu=$(awk -F: '/model name/ {sub(/^ /, "", $2); print $2; exit}' /proc/cpuinfo)
    qemu=$(qemu-system-x86_64 --version | head -n 1 | sed 's/^QEMU emulator version //')
    accel=$("$bin/ukrun" --dry-run "$bin/ukrun" 2>/dev/null | grep -o -- '-accel [a-z]*' | head -n 1)
    echo "$(date -u +%Y-%m-%d), $(nproc) cores, $cpu, QEMU $qemu, ${accel:--accel ?}"
}
