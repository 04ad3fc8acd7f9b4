# lib.sh: helpers shared by the drop-in tests (sourced, not run).
#
# The tests build real projects, unmodified, with CC=ukcc. Sources come from
# Debian source packages, fetched once into the dependency cache; each test
# builds in a copy so that the cache stays pristine.

. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

finish() {
    summary
}

# dropin_source PACKAGE UPSTREAM_VERSION DEST: fetch (once) and copy the
# pristine tree to DEST. Exits the test when the package cannot be fetched.
dropin_source() {
    local tree
    tree=$("$src/tools/fetch-source.sh" "$1" "$2" "$deps") || {
        result 1 "fetch $1 $2 (apt-get source)"
        finish
        exit 1
    }
    rm -rf "$3"
    cp -a "$tree" "$3"
}

# show_log FILE: the end of a build log, for a failed step.
show_log() {
    tail -n 30 "$1" | sed 's/^/    /'
}
