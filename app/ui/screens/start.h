/* start: the start screen, where a meeting begins — never anything of a
 * family on it: new meeting, continue a kept meeting, settings (each asks
 * the PIN), leaving Kring in the corner, the language button, and in
 * words (no names) what is kept until when. No state of its own. */
#ifndef KRING_START_H
#define KRING_START_H

#include <stdbool.h>

#include "core/gesture.h"
#include "ui/action.h"
#include "ui/ui.h"
#include "ui/view.h"

/* first_start: the very first PIN is being chosen; the language button
 * then lies over the PIN pad (start_language_corner), not under it. */
void start_draw(Ui *ui, const FlowView *view, bool first_start);
/* The language button in the start screen's top corner. */
void start_language_corner(Ui *ui);
FlowOut start_gesture(const Gesture *ev);

#endif
