/* greet.h: the greet library of the cmake-hello sample. */
#ifndef GREET_H
#define GREET_H

#include <stddef.h>

/* greet.c: write "Hello, NAME!" into buf; returns the length. */
size_t greet_format(char *buf, size_t size, const char *name);

/* stats.c: mean and standard deviation of n values. */
double stats_mean(const double *v, size_t n);
double stats_stddev(const double *v, size_t n);

#endif
