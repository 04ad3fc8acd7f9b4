/* sse.c: floating point and vectorised code (SSE) work in the image. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double dot(const double *a, const double *b, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

int main(void)
{
    double a[64], b[64];
    float f[64];
    for (int i = 0; i < 64; i++) {
        a[i] = i * 0.5;
        b[i] = 64 - i;
        f[i] = (float)i / 3.0f;
    }
    float fs = 0;
    for (int i = 0; i < 64; i++)
        fs += f[i] * 2.0f;
    printf("dot %.3f\n", dot(a, b, 64));
    printf("fsum %.4f\n", fs);
    printf("f %f e %e g %g\n", 1.0 / 3, 6.02214076e23, 0.0001234);
    printf("sqrt %.10f exp %.6f sin %.6f\n", sqrt(2.0), exp(1.0), sin(0.5));
    printf("strtod %.2f\n", strtod("12345.678", NULL));
    printf("long double %.5Lf\n", (long double)1 / 7);
    return 0;
}
