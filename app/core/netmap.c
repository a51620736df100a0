/* netmap: polar coordinates on an ellipse, per mille for exactness. */
#include "core/netmap.h"

#include <math.h>

#define KRING_PI 3.14159265358979323846

const float netmap_ring_edge[RING_COUNT + 1] = {0.20f, 0.47f, 0.74f, 1.0f};

/* Family top left, friends top right, professionals bottom right,
 * school bottom left, as in egocentric network maps. */
static const int sector_start[SECTOR_COUNT] = {18000, 27000, 9000, 0};

NetMap netmap_make(Rect area, bool mirrored)
{
    NetMap m;
    m.centre = rect_center(area);
    int ry = area.h / 2;
    int rx = area.w / 2;
    if (rx > ry * 2) rx = ry * 2; /* cards are wide: a wide map holds more of them */
    if (ry > rx) ry = rx;
    m.rx = rx;
    m.ry = ry;
    m.mirrored = mirrored;
    return m;
}

void netmap_sector_span(int sector, int *a0, int *a1)
{
    int s = sector < 0 || sector >= SECTOR_COUNT ? 0 : sector;
    *a0 = sector_start[s];
    *a1 = sector_start[s] + 9000;
}

static Point polar(const NetMap *m, double angle_cdeg, double s)
{
    double a = angle_cdeg / 100.0 * KRING_PI / 180.0;
    double x = cos(a) * s * m->rx;
    double y = sin(a) * s * m->ry;
    if (m->mirrored) x = -x;
    return (Point){m->centre.x + (int)lround(x), m->centre.y + (int)lround(y)};
}

Point netmap_point(const NetMap *m, Place p)
{
    if (p.ring < 1 || p.ring > RING_COUNT) return m->centre;
    int a0, a1;
    netmap_sector_span(p.sector, &a0, &a1);
    double angle = a0 + (a1 - a0) * (p.u / 1000.0);
    double s0 = netmap_ring_edge[p.ring - 1], s1 = netmap_ring_edge[p.ring];
    double s = s0 + (s1 - s0) * (p.v / 1000.0);
    return polar(m, angle, s);
}

bool netmap_place_at(const NetMap *m, Point pt, Place *out)
{
    if (m->rx <= 0 || m->ry <= 0) return false;
    double dx = (double)(pt.x - m->centre.x) / m->rx;
    double dy = (double)(pt.y - m->centre.y) / m->ry;
    if (m->mirrored) dx = -dx;
    double s = sqrt(dx * dx + dy * dy);
    if (s < netmap_ring_edge[0] || s > netmap_ring_edge[RING_COUNT]) return false;
    double angle = atan2(dy, dx) * 180.0 / KRING_PI * 100.0; /* -18000..18000 */
    if (angle < 0) angle += 36000.0;
    int ring = 1;
    while (ring < RING_COUNT && s > netmap_ring_edge[ring])
        ring++;
    int sector = 0;
    for (int i = 0; i < SECTOR_COUNT; i++) {
        int a0, a1;
        netmap_sector_span(i, &a0, &a1);
        if (angle >= a0 && angle < a1) sector = i;
    }
    int a0, a1;
    netmap_sector_span(sector, &a0, &a1);
    double s0 = netmap_ring_edge[ring - 1], s1 = netmap_ring_edge[ring];
    Place p = {
        .sector = sector,
        .ring = ring,
        .u = (int)lround((angle - a0) / (a1 - a0) * 1000.0),
        .v = (int)lround((s - s0) / (s1 - s0) * 1000.0),
    };
    *out = place_clamp(p);
    return true;
}

Point netmap_anchor(const NetMap *m, int ring, int sector)
{
    return netmap_point(m, (Place){.sector = sector, .ring = ring, .u = 500, .v = 500});
}
