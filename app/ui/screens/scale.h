/* scale: the 0-10 scale — "how is it going now?" Everyone puts their own
 * picture on a number: dragged there, or tapped and then the number;
 * dragged back (or tapped, then the row below) to take it off. Those not
 * on the scale yet wait in a row under it. */
#ifndef KRING_SCALE_H
#define KRING_SCALE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/gesture.h"
#include "core/plan.h"
#include "ui/action.h"
#include "ui/kit.h"

typedef struct ScaleState {
    uint32_t pick; /* the person tapped to put on the scale; 0: none */
} ScaleState;

/* The scale as a block of the page's column. */
void scale_draw(KitColumn *p, const ScaleState *s, const Plan *plan, const Gestures *g);
/* The pictures under fingers, over everything (after the page). */
void scale_draw_lifted(Ui *ui, const Plan *plan, const Gestures *g);

/* True when the gesture was the scale's; *out then says what to do. */
bool scale_gesture(Ui *ui, ScaleState *s, const Plan *plan, const Gesture *ev, FlowOut *out);

#endif
