/* form: the pieces the sheets are built from: text fields with a caret,
 * chips (pills with a pictogram) and labels, over the draw list (their
 * buttons are the kit's).
 * Each registers its widget id. No state of its own. */
#ifndef KRING_FORM_H
#define KRING_FORM_H

#include <stdbool.h>

#include "core/gesture.h"
#include "core/textedit.h"
#include "ui/keyboard.h"
#include "ui/ui.h"

/* Editing keys of a physical keyboard. */
typedef enum SheetKey {
    SKEY_BACKSPACE,
    SKEY_DELETE,
    SKEY_LEFT,
    SKEY_RIGHT,
    SKEY_HOME,
    SKEY_END,
    SKEY_RETURN,
    SKEY_ESCAPE,
} SheetKey;

typedef struct FormGeo {
    int pad, target, radius;
    Rect panel; /* the sheet's panel, above `bottom` */
} FormGeo;

FormGeo form_geo(const Ui *ui, int bottom);

/* A text field showing te (a caret and scrolled to it when focused, else
 * the hint when empty). */
void form_field(Ui *ui, const FormGeo *g, const char *id, Rect r, const TextEdit *te, bool focused,
                const char *hint);

/* A chip at (x, y); returns its width. With measure_only it only measures. */
int form_chip(Ui *ui, const FormGeo *g, const char *id, int x, int y, const char *picto,
              const char *label, bool chosen, Color tint, bool measure_only);

/* A small label line across the panel; returns the y below it. */
int form_label(Ui *ui, const FormGeo *g, int y, const char *text);

/* Scrolling a sheet's content with a finger: a drag on any of its
 * widgets moves it. Returns true when the gesture was such a drag. */
typedef struct FormScroll {
    int offset; /* pixels scrolled down */
    int last_y; /* the finger's y at the last move */
} FormScroll;

bool form_scroll_gesture(FormScroll *sc, const Gesture *ev);

/* Keeps the offset within 0..content - view. */
void form_scroll_clamp(FormScroll *sc, int content, int view);

/* Applies an editing key to te; false for keys that are not about the
 * text (return, escape). */
bool form_edit_key(TextEdit *te, SheetKey key);

/* Applies what the on-screen keyboard returned to te. Returns true when
 * the text changed; *leave is set when "Klaar" was pressed. */
bool form_apply_keyboard(TextEdit *te, KeyResult r, const char *text, bool *leave);

/* The typing view: the field being typed in (registered as field_id),
 * with its label and a refusal, over the on-screen keyboard. */
void form_typing(Ui *ui, const char *label, const char *field_id, const TextEdit *te,
                 const char *why, const Keyboard *kb);

/* Puts te's caret where the finger of ev tapped in field widget ev->widget. */
void form_caret_at(Ui *ui, TextEdit *te, const Gesture *ev);

#endif
