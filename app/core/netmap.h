/* netmap: the geometry of the network map.
 *
 * The child sits in a centre disc; three rings of closeness surround it,
 * cut into four sectors. Rings are ellipses when the map area is wide, to
 * use the room a landscape screen has. This module turns a Place into a
 * point on screen and a point back into a Place; it draws nothing. */
#ifndef KRING_NETMAP_H
#define KRING_NETMAP_H

#include <stdbool.h>

#include "core/geom.h"
#include "core/plan.h"

typedef struct NetMap {
    Point centre;
    int rx, ry;    /* outer radii of ring 3 */
    bool mirrored; /* right-to-left: sectors mirrored left to right */
} NetMap;

/* Fractions of the outer radius where each ring ends: [0] is the centre
 * disc, [1..3] the rings. */
extern const float netmap_ring_edge[RING_COUNT + 1];

NetMap netmap_make(Rect area, bool mirrored);

/* Start and end angle of a sector in centidegrees, clockwise from the
 * positive x axis (y down), before mirroring. */
void netmap_sector_span(int sector, int *a0, int *a1);

/* Centre of a card at this place. Places in the tray (ring 0) give the
 * map's centre. */
Point netmap_point(const NetMap *m, Place p);

/* The place under a point. False when the point is in the centre disc or
 * outside the outer ring. */
bool netmap_place_at(const NetMap *m, Point pt, Place *out);

/* A point well inside the given ring and sector (for tests and scripts). */
Point netmap_anchor(const NetMap *m, int ring, int sector);

#endif
