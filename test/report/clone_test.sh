#!/bin/bash
# clone_test.sh: clone() links with a warning naming its chain (threads only), and without CLONE_VM it fails at run time with ENOSYS; pthreads do not warn.
#
# Usage: clone_test.sh BINDIR TESTDIR WORKDIR
set -u
bindir=$1 testdir=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
. "$(dirname "$0")/../lib.sh"


cp "$testdir/clone_prog.c" .
line=$(grep -n '= clone(' clone_prog.c | cut -d: -f1)
want="^ukcc: warning: clone\(\) is reached from clone_prog\.c:$line \(start_child\) via main -> start_child -> clone: only CLONE_VM\|CLONE_THREAD threads work in a unikernel; other flags return ENOSYS$"

for opt in -O0 -O2; do
    rm -f c.img
    "$bindir/ukcc" $opt -o c.img clone_prog.c 2>c$opt.err
    [ $? = 0 ] && [ -f c.img ]
    result $? "$opt: a clone() program links (a warning, not an error)"
    grep -Eq "$want" c$opt.err && [ "$(wc -l <c$opt.err)" = 1 ]
    result $? "$opt: one warning, with the call site and the chain from main"
    [ $? = 0 ] || cat c$opt.err
done

timeout 120 "$bindir/ukrun" --timeout 60 c.img >c.out 2>&1
st=$?
[ $st = 3 ] && grep -q "^clone: -1 ENOSYS$" c.out
result $? "at run time clone(SIGCHLD) returns -1 with ENOSYS (status $st)"
grep -q "^ukcc: clone() cannot work in a unikernel (.*): it fails with ENOSYS" c.out &&
    [ "$(grep -c 'cannot work' c.out)" = 1 ]
result $? "and the console says why, once"
[ $? = 0 ] || cat c.out

# pthread_create reaches __clone, not clone(): no warning.
cat >thr.c <<'X'
#include <pthread.h>
#include <stdio.h>
static void *run(void *a) { return a; }
int main(void)
{
    pthread_t t;
    void *r;

    if (pthread_create(&t, 0, run, (void *)7) || pthread_join(t, &r))
        return 1;
    printf("joined %ld\n", (long)r);
    return 0;
}
X
"$bindir/ukcc" -O2 -o thr.img thr.c 2>thr.err
[ $? = 0 ] && ! grep -q "clone" thr.err
result $? "a pthread program links without the clone() warning"
timeout 120 "$bindir/ukrun" --timeout 60 thr.img >thr.out 2>&1
[ $? = 0 ] && grep -q "^joined 7$" thr.out
result $? "and its thread runs"

summary
