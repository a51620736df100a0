/* geom: small plain values for positions and boxes, in pixels.
 * Passed by value; nothing here owns memory. */
#ifndef KRING_GEOM_H
#define KRING_GEOM_H

#include <stdbool.h>

typedef struct Point {
    int x, y;
} Point;
typedef struct Rect {
    int x, y, w, h;
} Rect;

static inline bool rect_contains(Rect r, Point p)
{
    return p.x >= r.x && p.y >= r.y && p.x < r.x + r.w && p.y < r.y + r.h;
}

static inline Point rect_center(Rect r)
{
    return (Point){r.x + r.w / 2, r.y + r.h / 2};
}

/* r shrunk by d on every side (never below zero size). */
static inline Rect rect_inset(Rect r, int d)
{
    Rect o = {r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
    if (o.w < 0) o.w = 0;
    if (o.h < 0) o.h = 0;
    return o;
}

static inline bool rect_overlaps(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static inline int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

#endif
