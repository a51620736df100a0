/* settings: the facilitator's settings panel (behind the PIN): the language
 * Kring starts in, the printer, turning the screen, how long kept meetings
 * stay, after how long untouched the plan is covered, and a new PIN. What
 * is chosen now is in the app's FlowView; a tap hands the choice back. */
#ifndef KRING_SETTINGS_H
#define KRING_SETTINGS_H

#include "core/gesture.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "ui/view.h"

void settings_draw(Ui *ui, const FlowView *view, FormScroll *sc);
FlowOut settings_gesture(const Gesture *ev, const FlowView *view, FormScroll *sc);

#endif
