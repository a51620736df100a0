/* cover: what lies over a meeting when it must. The covered plan (nobody
 * touched the screen for a while: nothing of the plan shows; a way back
 * for the family and one for the facilitator), a notice that waits for
 * OK, and the bar that says a change could not be stored. No state. */
#ifndef KRING_COVER_H
#define KRING_COVER_H

#include <stdbool.h>

#include "core/gesture.h"
#include "ui/action.h"
#include "ui/ui.h"

/* pin_only: the family's way back is closed, only the PIN lifts it. */
void cover_draw(Ui *ui, bool pin_only);
/* FLOW_UNCOVERED ("we are still here", unless pin_only), or the PIN to
 * uncover. */
FlowOut cover_gesture(const Gesture *ev, bool pin_only);

void notice_draw(Ui *ui, const char *text);
FlowOut notice_gesture(const Gesture *ev);

void problem_draw(Ui *ui, const char *text);

/* A short line for the family near the bottom (what undo took back, what
 * went with a person taken out), with an undo button beside it. */
void said_draw(Ui *ui, const char *text, bool with_undo);
FlowOut said_gesture(const Gesture *ev);

#endif
