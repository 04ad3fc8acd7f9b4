#!/bin/sh
# fetch-source.sh: unpack a Debian source package into the dependency cache, once.
#
# Usage: tools/fetch-source.sh PACKAGE UPSTREAM_VERSION CACHE_DIR
# Prints the path of the unpacked, pristine tree (CACHE_DIR/src/PACKAGE-VERSION).
# A second call finds the tree there and fetches nothing.
set -eu
pkg=$1 version=$2 cache=$3
dest="$cache/src/$pkg-$version"
if [ -f "$dest/.ukcc-fetched" ]; then
    echo "$dest"
    exit 0
fi
mkdir -p "$cache/src"
work=$(mktemp -d "$cache/src/.fetch-$pkg.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source --download-only -qq "$pkg" >/dev/null 2>"$work/apt.log") || {
    cat "$work/apt.log" >&2
    echo "fetch-source.sh: error: 'apt-get source $pkg' failed; run tools/deps.sh (it adds deb-src entries)" >&2
    exit 1
}
dsc=$(ls "$work"/${pkg}_*.dsc | head -n 1)
case "$(basename "$dsc")" in
"${pkg}_$version"*) ;;
*)
    echo "fetch-source.sh: error: $pkg: wanted upstream $version, got $(basename "$dsc")" >&2
    exit 1
    ;;
esac
(cd "$work" && dpkg-source --no-check -x "$dsc" tree >/dev/null)
rm -rf "$dest"
mv "$work/tree" "$dest"
touch "$dest/.ukcc-fetched"
echo "$dest"
