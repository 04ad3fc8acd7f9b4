/* threads_tls.c: errno, _Thread_local variables and tids are per thread. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

#define NTHREADS 4

static _Thread_local int mine = 7;
static _Thread_local char name[16];
static int tids[NTHREADS + 1];
static int bad;

static void *worker(void *arg)
{
    long id = (long)arg;

    if (mine != 7) /* a fresh copy of the initial value */
        bad = 1;
    mine = (int)id * 100;
    snprintf(name, sizeof name, "thread %ld", id);
    errno = (int)id + 1;
    tids[id] = (int)syscall(SYS_gettid);
    for (int i = 0; i < 1000; i++) {
        sched_yield();
        if (mine != id * 100 || errno != id + 1)
            bad = 1;
    }
    return name; /* the address of this thread's own copy */
}

int main(void)
{
    pthread_t t[NTHREADS];
    void *names[NTHREADS];
    int distinct = 1;

    mine = 1;
    errno = 0;
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], &names[i]);
    tids[NTHREADS] = (int)syscall(SYS_gettid);
    for (int i = 0; i <= NTHREADS; i++)
        for (int j = 0; j < i; j++)
            if (tids[i] == tids[j] || (i < NTHREADS && names[i] == names[j]))
                distinct = 0;
    printf("values kept per thread: %s\n", bad ? "no" : "yes");
    printf("main still has its own: %s\n",
           mine == 1 && errno == 0 ? "yes" : "no");
    printf("distinct tids and copies: %s\n", distinct ? "yes" : "no");
    printf("main tid is the pid: %s\n",
           tids[NTHREADS] == getpid() ? "yes" : "no");
    return 0;
}
