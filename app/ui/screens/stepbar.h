/* stepbar: the bar that carries the meeting — the steps (network · going
 * well & concerns · dream · goals · safety · evaluation · review & agree ·
 * share), each a pictogram over a short word with a soft dot while it has
 * empty parts; undo and redo; and the facilitator's key, or in private
 * family time the button that calls the facilitator back. No state: the
 * router says which step is on and whether it is family time. */
#ifndef KRING_STEPBAR_H
#define KRING_STEPBAR_H

#include <stdbool.h>

#include "core/gesture.h"
#include "core/plan.h"
#include "ui/action.h"
#include "ui/ui.h"
#include "ui/view.h"

/* The bar's height at the top of the screen. */
int stepbar_height(const Ui *ui);

void stepbar_draw(Ui *ui, int step, bool family_time, const Plan *plan, const FlowView *view);

/* A tap on the bar: FLOW_STEP (index: the step, -1 for none), FLOW_UNDO,
 * FLOW_REDO, the PIN for the facilitator's menu, or the call-back panel;
 * FLOW_NOTHING for anything not on the bar. */
FlowOut stepbar_gesture(const Gesture *ev, bool family_time, bool pin_set);

#endif
