/* typing: the typing view of the pages — the field being typed in, its
 * question above it and a refusal under it, over Kring's keyboard, on the
 * whole screen. It keeps the text until "Klaar"; what the text becomes (an
 * item, a field, the child's words, a place) is the page's to say. */
#ifndef KRING_TYPING_H
#define KRING_TYPING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/gesture.h"
#include "core/textedit.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/keyboard.h"
#include "ui/ui.h"

/* What is being typed. */
typedef enum PageTyping {
    TYPING_NONE,
    TYPING_ITEM,
    TYPING_FIELD,
    TYPING_VOICE_CHILD,
    TYPING_VOICE_WORDS,
    TYPING_EVAL_PLACE,
} PageTyping;

typedef struct TypingState {
    PageTyping kind;
    int section; /* TYPING_ITEM: the section; TYPING_FIELD: the field */
    uint32_t id; /* the item or voice; 0: a new one */
    TextEdit te;
    const char *why; /* a refusal to show (msgid) */
    Keyboard kb;
} TypingState;

void typing_init(TypingState *ts);
void typing_fini(TypingState *ts);
/* Starts typing `text` (NULL: nothing yet) as `kind`. */
void typing_start(TypingState *ts, PageTyping kind, int section, uint32_t id, const char *text);
/* Stops typing and forgets the text. */
void typing_close(TypingState *ts);

/* The whole screen: `label` (translated) over the field and the keyboard. */
void typing_draw(Ui *ui, TypingState *ts, const char *label);

/* A gesture, a physical key or text while typing. *done: "Klaar" (or
 * Return) was pressed, and the page is to take the text; *cancel (keys
 * only): Escape, typing stopped. */
FlowOut typing_gesture(Ui *ui, TypingState *ts, const Gesture *ev, bool *done);
FlowOut typing_text(TypingState *ts, const char *text);
FlowOut typing_key(TypingState *ts, SheetKey key, bool *done);

/* True when the text is only white space. */
bool typing_empty(const TypingState *ts);

#endif
