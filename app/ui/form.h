/* form: the pieces the sheets are built from: text fields with a caret,
 * chips (pills with a pictogram), labels and buttons, over the draw list.
 * Each registers its widget id. No state of its own. */
#ifndef KRING_FORM_H
#define KRING_FORM_H

#include <stdbool.h>

#include "core/gesture.h"
#include "core/textedit.h"
#include "ui/ui.h"

typedef struct FormGeo {
    int pad, target, radius;
    Rect panel;     /* the sheet's panel, above `bottom` */
} FormGeo;

FormGeo form_geo(const Ui *ui, int bottom);

/* A text field showing te (a caret and scrolled to it when focused, else
 * the hint when empty). */
void form_field(Ui *ui, const FormGeo *g, const char *id, Rect r, const TextEdit *te,
                bool focused, const char *hint);

/* A chip at (x, y); returns its width. With measure_only it only measures. */
int form_chip(Ui *ui, const FormGeo *g, const char *id, int x, int y, const char *picto,
              const char *label, bool chosen, Color tint, bool measure_only);

/* A small label line across the panel; returns the y below it. */
int form_label(Ui *ui, const FormGeo *g, int y, const char *text);

void form_button(Ui *ui, const FormGeo *g, const char *id, Rect r, const char *label,
                 bool primary);

/* Scrolling a sheet's content with a finger: a drag on any of its
 * widgets moves it. Returns true when the gesture was such a drag. */
typedef struct FormScroll {
    int offset;   /* pixels scrolled down */
    int last_y;   /* the finger's y at the last move */
} FormScroll;

bool form_scroll_gesture(FormScroll *sc, const Gesture *ev);

/* Keeps the offset within 0..content - view. */
void form_scroll_clamp(FormScroll *sc, int content, int view);

/* Puts te's caret where the finger of ev tapped in field widget ev->widget. */
void form_caret_at(Ui *ui, TextEdit *te, const Gesture *ev);

#endif
