/* gesture: a small state machine per finger. */
#include "core/gesture.h"

#include <string.h>

void gestures_init(Gestures *g, int slop_px, uint32_t long_ms)
{
    memset(g, 0, sizeof *g);
    g->slop_px = slop_px;
    g->long_ms = long_ms;
}

static int find(const Gestures *g, int64_t id)
{
    for (int i = 0; i < GESTURE_FINGERS; i++)
        if (g->f[i].down && g->f[i].id == id) return i;
    return -1;
}

static bool held_by_other(const Gestures *g, const char *widget)
{
    for (int i = 0; i < GESTURE_FINGERS; i++)
        if (g->f[i].down && g->f[i].widget[0] && strcmp(g->f[i].widget, widget) == 0) return true;
    return false;
}

int gestures_down(Gestures *g, int64_t id, Point pos, uint32_t t, const char *widget, uint32_t grab)
{
    int slot = find(g, id);
    if (slot < 0)
        for (int i = 0; i < GESTURE_FINGERS && slot < 0; i++)
            if (!g->f[i].down) slot = i;
    if (slot < 0) return -1;
    Finger *f = &g->f[slot];
    memset(f, 0, sizeof *f);
    f->down = true;
    f->id = id;
    f->start = f->pos = pos;
    f->t_down = t;
    if (widget && widget[0] && !held_by_other(g, widget) && strlen(widget) < GESTURE_ID_LEN) {
        strcpy(f->widget, widget);
        f->grab = grab;
    }
    return slot;
}

static Gesture make(const Gestures *g, GestureKind kind, int slot)
{
    const Finger *f = &g->f[slot];
    return (Gesture){
        .kind = kind, .slot = slot, .widget = f->widget, .pos = f->pos, .start = f->start};
}

bool gestures_move(Gestures *g, int64_t id, Point pos, uint32_t t, Gesture *out)
{
    (void)t;
    int slot = find(g, id);
    if (slot < 0) return false;
    Finger *f = &g->f[slot];
    f->pos = pos;
    int dx = pos.x - f->start.x, dy = pos.y - f->start.y;
    if (dx * dx + dy * dy > g->slop_px * g->slop_px) f->moved = true;
    if (f->dragging) {
        *out = make(g, GESTURE_DRAG_MOVE, slot);
        return true;
    }
    if (f->moved && (f->grab & GRAB_DRAG) && !f->long_fired) {
        f->dragging = true;
        *out = make(g, GESTURE_DRAG_START, slot);
        return true;
    }
    return false;
}

bool gestures_up(Gestures *g, int64_t id, Point pos, uint32_t t, Gesture *out)
{
    (void)t;
    int slot = find(g, id);
    if (slot < 0) return false;
    Finger *f = &g->f[slot];
    f->pos = pos;
    f->down = false;
    if (f->dragging) {
        *out = make(g, GESTURE_DROP, slot);
        return true;
    }
    if (!f->moved && !f->long_fired && (f->grab & GRAB_TAP)) {
        *out = make(g, GESTURE_TAP, slot);
        return true;
    }
    if (f->long_fired) { /* a long press let go: where, for a choice slid to */
        *out = make(g, GESTURE_RELEASE, slot);
        return true;
    }
    return false;
}

bool gestures_cancel_all(Gestures *g, Gesture *out)
{
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        Finger *f = &g->f[i];
        if (!f->down) continue;
        f->down = false;
        if (f->dragging) {
            *out = make(g, GESTURE_CANCEL, i);
            return true;
        }
    }
    return false;
}

bool gestures_tick(Gestures *g, uint32_t t, Gesture *out)
{
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        Finger *f = &g->f[i];
        if (f->down && !f->dragging && !f->moved && !f->long_fired && (f->grab & GRAB_LONGPRESS) &&
            t - f->t_down >= g->long_ms) {
            f->long_fired = true;
            *out = make(g, GESTURE_LONGPRESS, i);
            return true;
        }
    }
    return false;
}

uint32_t gestures_deadline(const Gestures *g)
{
    uint32_t best = UINT32_MAX;
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Finger *f = &g->f[i];
        if (f->down && !f->dragging && !f->moved && !f->long_fired && (f->grab & GRAB_LONGPRESS) &&
            f->t_down + g->long_ms < best)
            best = f->t_down + g->long_ms;
    }
    return best;
}

int gestures_dragging(const Gestures *g, const char *widget)
{
    for (int i = 0; i < GESTURE_FINGERS; i++)
        if (g->f[i].down && g->f[i].dragging && strcmp(g->f[i].widget, widget) == 0) return i;
    return -1;
}
