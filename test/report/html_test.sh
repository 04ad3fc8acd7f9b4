#!/bin/bash
# html_test.sh: the HTML report loads in headless Chromium without console errors, draws its treemap, and the boxes add up to the image size.
#
# Usage: html_test.sh BINDIR TESTDIR WORKDIR
set -u
bindir=$1 testdir=$2 work=$3
mkdir -p "$work"
cd "$work" || exit 1
. "$(dirname "$0")/../lib.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "[SKIP] chromium is not installed (tools/deps.sh installs it)"
    echo "0 passed, 0 failed"
    exit 0
fi

cp "$testdir/pipe_prog.c" .
"$bindir/ukcc" --report=html -o pipe.img pipe_prog.c
result $? "ukcc --report=html"
! grep -Eo 'src=|href=|fetch\(|XMLHttpRequest|https?://[a-z0-9.]*' \
    pipe.img.report.html | grep -v '^http://www.w3.org$' 
result $? "the page fetches nothing (no src=, href=, URLs)"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
    --dump-dom "file://$work/pipe.img.report.html" >dom.html 2>console.log
result $? "chromium loads the page"
! grep -E 'CONSOLE.*(Uncaught|Error)' console.log
result $? "no console errors"
status=$(grep -o 'data-status="[a-z]*"' dom.html)
boxes=$(grep -o 'class="comp"' dom.html | wc -l)
sum=$(sed -n 's/.*data-sum="\([0-9]*\)".*/\1/p' dom.html | head -n 1)
total=$(sed -n 's/.*data-total="\([0-9]*\)".*/\1/p' dom.html | head -n 1)
[ "$status" = 'data-status="drawn"' ] && [ "$boxes" -gt 0 ]
result $? "the treemap is drawn ($boxes component boxes)"
[ -n "$sum" ] && [ "$sum" = "$total" ] && [ "$total" = "$(stat -c %s pipe.img)" ]
result $? "the boxes add up to the image size ($sum of $total)"
summary
