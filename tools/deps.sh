#!/bin/sh
# deps.sh: install the Debian packages ukcc needs to build, test and run (idempotent).
#
# Usage: tools/deps.sh         installs what is missing (as root, or via sudo)
#        tools/deps.sh --check lists what is missing, installs nothing
# It also adds deb-src entries derived from the machine's own apt sources,
# so that tools/fetch-source.sh can run `apt-get source`.
set -eu

PACKAGES="clang-19 lld-19 llvm-19 libclang-rt-19-dev libelf-dev
qemu-system-x86 cmake make dpkg-dev patch ca-certificates
musl-tools gcc libc6-dev tcl ccache libdw-dev chromium gnuplot-nox
curl socat iproute2 wrk redis-tools redis-server"

missing=""
for p in $PACKAGES; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$st" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
    esac
done

if [ "${1:-}" = "--check" ]; then
    [ -z "$missing" ] && exit 0
    echo "missing:$missing"
    exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
        echo "deps.sh: error: need root (or sudo) to install:$missing" >&2
        exit 1
    }
    SUDO=sudo
fi

# deb-src: the same archives as the machine's binary sources, so that
# `apt-get source` works without naming any host here.
SRC_LIST=/etc/apt/sources.list.d/ukcc-deb-src.sources
need_update=""
if [ ! -e "$SRC_LIST" ] && ! grep -rqs '^Types:.*deb-src\|^deb-src ' \
        /etc/apt/sources.list /etc/apt/sources.list.d/; then
    tmp=$(mktemp)
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -e "$f" ] || continue
        # Only Debian's own archives: third-party repositories rarely
        # publish sources.
        grep -q 'debian' "$f" || continue
        sed -n -e 's/^Types:[[:space:]]*deb$/Types: deb-src/' -e p "$f" >>"$tmp"
        echo >>"$tmp"
    done
    if [ -f /etc/apt/sources.list ]; then
        grep -E '^deb[[:space:]]' /etc/apt/sources.list | grep debian |
            sed 's/^deb[[:space:]]/deb-src /' >"$tmp.list" || true
    fi
    if [ -s "$tmp" ]; then
        $SUDO cp "$tmp" "$SRC_LIST"
        $SUDO chmod 644 "$SRC_LIST"
    elif [ -s "$tmp.list" ]; then
        $SUDO cp "$tmp.list" /etc/apt/sources.list.d/ukcc-deb-src.list
        $SUDO chmod 644 /etc/apt/sources.list.d/ukcc-deb-src.list
    else
        echo "deps.sh: error: found no Debian apt source to derive deb-src from" >&2
        rm -f "$tmp" "$tmp.list"
        exit 1
    fi
    rm -f "$tmp" "$tmp.list"
    need_update=1
fi

# Make sure the source index exists (apt-get source needs it).
if ! ls /var/lib/apt/lists/*Sources* >/dev/null 2>&1; then
    need_update=1
fi

if [ -n "$missing" ] || [ -n "$need_update" ]; then
    $SUDO apt-get update -qq
fi
if [ -n "$missing" ]; then
    echo "deps.sh: installing:$missing"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi
