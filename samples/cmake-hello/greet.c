/* greet.c: greetings for the cmake-hello sample's static library. */
#include <stdio.h>

#include "greet.h"

size_t greet_format(char *buf, size_t size, const char *name)
{
    int n = snprintf(buf, size, "Hello, %s!", name);

    return n < 0 ? 0 : (size_t)n;
}
