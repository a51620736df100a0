/* pinpad: the facilitator's PIN pad, over everything. It asks for the PIN
 * for one purpose (a new PIN is typed twice and must match), shows a dot
 * per digit and what the app said about the last try, and hands the app
 * the digits to check (FLOW_PIN). The digits typed are its only state. */
#ifndef KRING_PINPAD_H
#define KRING_PINPAD_H

#include <stdbool.h>

#include "core/gesture.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/ui.h"

/* Digits of a PIN at most (store/pin.h), and of a recovery code. */
enum { PIN_DIGITS_MAX = 16, PINPAD_RECOVERY = 20, PINPAD_MAX = 24 };

typedef struct PinPad {
    PinFor purpose; /* PIN_FOR_NONE: not shown */
    char digits[PINPAD_MAX + 1];
    int n;
    char first[PINPAD_MAX + 1]; /* a new PIN: as typed the first time */
    bool confirming;
    char msg[400]; /* what the app said about the last try */
    bool msg_bad;
} PinPad;

/* True when the pad checks a PIN that was set (not choosing one): a
 * forgotten PIN can then be replaced with the recovery code. */
bool pinpad_checks(PinFor purpose);

/* Hides the pad and forgets what was typed. */
void pinpad_clear(PinPad *p);
/* Shows the pad, empty, for `purpose`. */
void pinpad_ask(PinPad *p, PinFor purpose);

/* can_cancel: a close button (and Escape) puts the pad away; leave_corner:
 * the screen's top corners stay free (the language button at first start). */
void pinpad_draw(Ui *ui, const PinPad *p, bool can_cancel, bool leave_corner);
FlowOut pinpad_gesture(PinPad *p, const Gesture *ev, bool can_cancel);
/* Digits from a physical keyboard, and its editing keys. */
FlowOut pinpad_text(PinPad *p, const char *text);
FlowOut pinpad_key(PinPad *p, SheetKey key, bool can_cancel);

/* The app's answer to FLOW_PIN: ok (the pad closes), or what to tell
 * (translated); a refused new PIN starts again. */
void pinpad_result(PinPad *p, bool ok, const char *said);

#endif
