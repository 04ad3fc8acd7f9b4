# lib.sh: helpers shared by the network tests (sourced, not run).
#
# A test boots a server image under `ukrun --net user -p HOSTPORT:GUESTPORT`
# in the background, waits until it answers, talks to it with host tools
# (curl, socat, redis-cli) and always stops the VM at the end. Host ports
# are chosen at random and a VM that cannot forward its port (the port is
# taken) is restarted on another one.

. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
vm_pid=""
vm_log=""

finish() {
    vm_stop
    summary
}

# need TOOL...: every tool is on PATH, or the test fails naming it.
need() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 && continue
        result 1 "host tool $t present (tools/deps.sh installs it)"
        finish
        exit 1
    done
}

# random_port: a port in 20000-59999 that nothing on the host listens on.
random_port() {
    local p
    while :; do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        ss -Htanu 2>/dev/null | awk '{print $5}' | grep -q ":$p\$" || break
    done
    echo "$p"
}

# vm_alive: is the VM started by vm_start still running?
vm_alive() {
    [ -n "$vm_pid" ] && kill -0 "$vm_pid" 2>/dev/null
}

# vm_start LOG PROBE COMMAND...: boots COMMAND (ukrun ..., or a native
# server) in the background with its output in LOG; in COMMAND, every HOSTPORT is
# replaced by a random free port, exported as $host_port. PROBE is a shell
# command that succeeds once the server answers; it is retried for up to
# 90 s. A VM that exits early (its port was taken meanwhile) is started
# again on a new port, three times at most. Returns 1 if the server never
# answered.
vm_start() {
    local log=$1 probe=$2 try t args
    shift 2
    for try in 1 2 3; do
        host_port=$(random_port)
        args=("${@//HOSTPORT/$host_port}")
        vm_log=$log
        "${args[@]}" </dev/null >"$log" 2>&1 &
        vm_pid=$!
        for t in $(seq 450); do
            vm_alive || break
            if eval "$probe" >/dev/null 2>&1; then
                return 0
            fi
            sleep 0.2
        done
        if vm_alive; then
            echo "vm_start: no answer within 90 s; the VM said:"
            vm_stop
            sed 's/^/    /' "$log" | tail -n 20
            return 1
        fi
        wait "$vm_pid" 2>/dev/null
        vm_pid=""
        grep -q 'hostfwd\|host forwarding\|bind to port' "$log" || break
    done
    echo "vm_start: the VM exited early; it said:"
    sed 's/^/    /' "$log" | tail -n 20
    return 1
}

# vm_stop: stop the VM (SIGTERM through ukrun to QEMU), wait for it.
vm_stop() {
    [ -n "$vm_pid" ] || return 0
    kill "$vm_pid" 2>/dev/null
    for _ in $(seq 50); do
        vm_alive || break
        sleep 0.1
    done
    vm_alive && kill -KILL "$vm_pid" 2>/dev/null
    wait "$vm_pid" 2>/dev/null
    vm_pid=""
}

# A VM is never left behind, whatever ends the script.
trap vm_stop EXIT
trap 'vm_stop; exit 130' INT TERM

# cpio_tree DIR OUT: DIR's directories and regular files as a cpio "newc"
# archive (what `ukrun --initrd` unpacks into /), by hand: no cpio tool.
cpio_tree() {
    local dir=$1 out=$2 ino=0 path name mode size
    (
        cd "$dir" || exit 1
        find . -mindepth 1 \( -type d -o -type f \) | sort |
            while read -r path; do
                name=${path#./}
                ino=$((ino + 1))
                size=0
                if [ -d "$path" ]; then
                    mode=$((0040755))
                else
                    mode=$((0100644))
                    size=$(stat -c %s "$path")
                fi
                cpio_member "$ino" "$mode" "$name" "$size" "$path"
            done
        cpio_member 0 0 'TRAILER!!!' 0 ""
    ) >"$out"
}

# cpio_member INO MODE NAME SIZE FILE: one header, name and data, each
# padded to a multiple of 4 bytes.
cpio_member() {
    local ns=$((${#3} + 1))
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        "$1" "$2" 0 0 1 0 "$4" 0 0 0 0 "$ns" 0
    printf '%s\0' "$3"
    head -c $(((4 - (110 + ns) % 4) % 4)) /dev/zero
    if [ "$4" != 0 ]; then
        cat "$5"
        head -c $(((4 - $4 % 4) % 4)) /dev/zero
    fi
}
