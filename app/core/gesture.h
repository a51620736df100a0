/* gesture: turns raw pointer events into taps, long presses and drags.
 *
 * Every finger (and the mouse, as one more finger) is tracked on its own,
 * so several people can drag several cards at once. The caller says which
 * widget lies under a finger when it goes down; this module never looks
 * at widgets or the plan. Time comes in as an argument (milliseconds). */
#ifndef KRING_GESTURE_H
#define KRING_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/geom.h"

enum { GESTURE_FINGERS = 10, GESTURE_ID_LEN = 48 };

/* What a widget lets a finger do with it. */
enum {
    GRAB_TAP = 1u << 0,
    GRAB_DRAG = 1u << 1,
    GRAB_LONGPRESS = 1u << 2,
};

typedef enum GestureKind {
    GESTURE_NONE,
    GESTURE_TAP,        /* down and up without moving away */
    GESTURE_LONGPRESS,  /* held still for long_ms */
    GESTURE_DRAG_START, /* moved beyond the slop on a draggable widget */
    GESTURE_DRAG_MOVE,
    GESTURE_DROP,    /* lifted while dragging */
    GESTURE_CANCEL,  /* the drag ended without a drop (window lost) */
    GESTURE_RELEASE, /* lifted after a long press (where: pos), to slide to a choice */
} GestureKind;

typedef struct Finger {
    bool down;
    int64_t id; /* platform finger id */
    Point start, pos;
    uint32_t t_down;
    uint32_t grab; /* GRAB_* of the widget under the finger */
    bool dragging, long_fired, moved;
    char widget[GESTURE_ID_LEN]; /* "" when nothing is under the finger */
} Finger;

typedef struct Gesture {
    GestureKind kind;
    int slot; /* index into Gestures.f */
    const char *widget;
    Point pos, start;
} Gesture;

typedef struct Gestures {
    Finger f[GESTURE_FINGERS];
    int slop_px;      /* movement that still counts as a tap */
    uint32_t long_ms; /* hold time of a long press */
} Gestures;

void gestures_init(Gestures *g, int slop_px, uint32_t long_ms);

/* A finger went down on widget `widget` (may be "" or NULL) with `grab`
 * flags. A second finger on a widget another finger already holds gets
 * nothing. Returns the slot, or -1 when all slots are busy. */
int gestures_down(Gestures *g, int64_t id, Point pos, uint32_t t, const char *widget,
                  uint32_t grab);

/* A finger moved. Fills *out (DRAG_START or DRAG_MOVE) and returns true
 * when that is worth telling. */
bool gestures_move(Gestures *g, int64_t id, Point pos, uint32_t t, Gesture *out);

/* A finger lifted. Fills *out with TAP or DROP when there is one. The slot
 * stays readable in *out until the next call. */
bool gestures_up(Gestures *g, int64_t id, Point pos, uint32_t t, Gesture *out);

/* Every finger is lifted without effect (window lost focus). Drags end as
 * CANCEL, one per call; returns false when none is left. */
bool gestures_cancel_all(Gestures *g, Gesture *out);

/* Fires a due long press, if any. */
bool gestures_tick(Gestures *g, uint32_t t, Gesture *out);

/* The earliest time something becomes due, or UINT32_MAX. */
uint32_t gestures_deadline(const Gestures *g);

/* The slot holding `widget` in a drag, or -1. */
int gestures_dragging(const Gestures *g, const char *widget);

#endif
