/* keyboard: Kring's own on-screen keyboard (SDL shows none on Linux).
 *
 * Layouts are data tables: Latin (QWERTY), Turkish Q, Polish and Arabic,
 * the screen language's first; one key goes to the next. Long-press a
 * letter to get its accents, then tap one. Shift for one capital (long-press shift for capitals), a
 * page of numbers and symbols, space, backspace, cursor keys, and done. Keys are widgets ("key:a",
 * "key:shift", "accent:é") so scripts press them as a finger would. The Keyboard holds only its own
 * state (page, shift, an open accent row), never text: the caller applies what it returns. */
#ifndef KRING_KEYBOARD_H
#define KRING_KEYBOARD_H

#include <stdbool.h>

#include "core/gesture.h"
#include "ui/ui.h"

enum { KEYBOARD_LAYOUTS = 4 }; /* Latin (with accents), Turkish, Polish, Arabic */

typedef struct Keyboard {
    int page;   /* 0 letters, 1 numbers and symbols */
    int layout; /* 0: the screen language's (Ui.keyboard_layout); else layout + 1 */
    bool shift, caps;
    char popup[8]; /* the key whose accents are shown, "" for none */
} Keyboard;

typedef enum KeyResult {
    KEY_NOTHING,
    KEY_REDRAW,
    KEY_TEXT,
    KEY_BACKSPACE,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_DONE,
} KeyResult;

/* Height the keyboard needs on this screen. */
int keyboard_height(const Ui *ui);

/* Draws the keyboard into area and registers its keys. */
void keyboard_draw(Ui *ui, const Keyboard *kb, Rect area);

/* True when the gesture was on the keyboard (its keys or accent row). */
bool keyboard_owns(const Gesture *ev);

/* Handles a gesture on the keyboard; text to insert goes to out. */
KeyResult keyboard_gesture(Keyboard *kb, const Ui *ui, const Gesture *ev, char out[16]);

#endif
