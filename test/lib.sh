# lib.sh: the [PASS]/[FAIL] bookkeeping the shell tests share (sourced).
#
# A test prints one "[PASS] name" or "[FAIL] name" line per check and ends
# with "N passed, N failed"; CTest sees the exit status of `summary`.
# Three spellings, for the three ways a check is naturally written:
#   result STATUS NAME [WHY]  after a command:  cmd; result $? "name"
#   check NAME CMD...      runs CMD, passes if it succeeds
#   ok NAME / bad NAME [WHY]
# The counters are $pass and $fail.

pass=0
fail=0

ok() {
    echo "[PASS] $1"
    pass=$((pass + 1))
}

bad() {
    echo "[FAIL] $1${2:+: $2}"
    fail=$((fail + 1))
}

result() {
    if [ "$1" = 0 ]; then ok "$2"; else bad "$2" "${3:-}"; fi
}

check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}

summary() {
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
}
