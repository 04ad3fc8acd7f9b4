/* stats.c: small statistics for the cmake-hello sample (links libm). */
#include <math.h>

#include "greet.h"

double stats_mean(const double *v, size_t n)
{
    double sum = 0;

    for (size_t i = 0; i < n; i++)
        sum += v[i];
    return n ? sum / n : 0;
}

double stats_stddev(const double *v, size_t n)
{
    double mean = stats_mean(v, n), acc = 0;

    for (size_t i = 0; i < n; i++)
        acc += (v[i] - mean) * (v[i] - mean);
    return n ? sqrt(acc / n) : 0;
}
