/* clock.c: clocks, sleeping and random bytes behave like on Linux. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/time.h>
#include <time.h>

static double secs(struct timespec t)
{
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    struct timespec a, b, res, req = {0, 100 * 1000 * 1000};
    struct timeval tv;
    int ok = 1;

    clock_gettime(CLOCK_MONOTONIC, &a);
    if (nanosleep(&req, NULL) != 0)
        ok = 0, printf("nanosleep failed\n");
    clock_gettime(CLOCK_MONOTONIC, &b);
    double slept = secs(b) - secs(a);
    /* At least what was asked; the upper bound only catches a clock that
     * runs far too slow (calibration gone wrong), not scheduling noise. */
    printf("nanosleep 100 ms: %s\n",
           slept >= 0.1 && slept < 5.0 ? "ok" : "WRONG");
    if (!(slept >= 0.1 && slept < 5.0))
        printf("  slept %.6f s\n", slept), ok = 0;

    clock_gettime(CLOCK_REALTIME, &a);
    gettimeofday(&tv, NULL);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    int sane = tm.tm_year + 1900 >= 2024 && tm.tm_year + 1900 < 2100 &&
               tv.tv_sec - a.tv_sec >= 0 && tv.tv_sec - a.tv_sec < 5;
    /* The host's time, when given, must agree to within a few seconds. */
    if (argc > 1) {
        long long host = atoll(argv[1]);
        sane &= now - host > -5 && now - host < 30;
    }
    printf("wall clock from the RTC: %s\n", sane ? "ok" : "WRONG");
    if (!sane)
        printf("  %lld %lld year %d\n", (long long)a.tv_sec,
               (long long)tv.tv_sec, tm.tm_year + 1900), ok = 0;

    int monotonic = 1;
    for (int i = 0; i < 1000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &a);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (secs(b) < secs(a))
            monotonic = 0;
    }
    printf("monotonic: %s\n", monotonic ? "ok" : "WRONG");
    ok &= monotonic;

    clock_getres(CLOCK_MONOTONIC, &res);
    printf("resolution <= 1 us: %s\n",
           res.tv_sec == 0 && res.tv_nsec <= 1000 ? "ok" : "WRONG");

    unsigned char r1[32], r2[32];
    ssize_t n1 = getrandom(r1, sizeof r1, 0), n2 = getrandom(r2, sizeof r2, 0);
    int differ = n1 == 32 && n2 == 32 && memcmp(r1, r2, 32) != 0;
    printf("getrandom: %s\n", differ ? "ok" : "WRONG");
    ok &= differ;
    return ok ? 0 : 1;
}
