/* calib: the touch calibration matrix. */
#include "core/calib.h"

#include <math.h>
#include <stdlib.h>

Calib calib_identity(void)
{
    return (Calib){{1, 0, 0, 0, 1, 0}};
}

static float det(const Calib *c)
{
    return c->m[0] * c->m[4] - c->m[1] * c->m[3];
}

bool calib_parse(const char *text, Calib *out)
{
    Calib c;
    const char *p = text;
    for (int i = 0; i < 6; i++) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        char *end;
        double v = strtod(p, &end);
        if (end == p || !isfinite(v) || fabs(v) > 1000) return false;
        c.m[i] = (float)v;
        p = end;
    }
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (*p || fabsf(det(&c)) < 1e-6f) return false;
    *out = c;
    return true;
}

void calib_apply(const Calib *c, float x, float y, float *ox, float *oy)
{
    *ox = c->m[0] * x + c->m[1] * y + c->m[2];
    *oy = c->m[3] * x + c->m[4] * y + c->m[5];
}

Calib calib_inverse(const Calib *c)
{
    float d = det(c);
    float a = c->m[4] / d, b = -c->m[1] / d, e = c->m[0] / d, dd = -c->m[3] / d;
    return (Calib){{a, b, -(a * c->m[2] + b * c->m[5]), dd, e, -(dd * c->m[2] + e * c->m[5])}};
}
