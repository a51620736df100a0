/* sheet: the person sheet, where a person is added or changed: name,
 * relation (a pictogram from the table, or typed), sector, and whether
 * they are in the room. Shown over the board; with the on-screen
 * keyboard while a text is being typed.
 *
 * A PersonSheet holds the text being typed until the family taps
 * "Klaar"; then it hands the app an Edit (borrowing its texts) and stays
 * open until the app says whether the edit was taken. */
#ifndef KRING_SHEET_H
#define KRING_SHEET_H

#include <stdbool.h>
#include <stdint.h>

#include "core/edit.h"
#include "core/gesture.h"
#include "core/plan.h"
#include "core/textedit.h"
#include "ui/form.h"
#include "ui/keyboard.h"
#include "ui/ui.h"

/* Every sheet's widgets: the sheet itself (taps beside its panel go
 * nowhere) and its buttons. */
#define SHEET_ID "sheet"
#define SHEET_ID_CANCEL "sheet-cancel"
#define SHEET_ID_DONE "sheet-done"
#define SHEET_ID_REMOVE "sheet-remove"

typedef enum SheetFocus { FOCUS_NONE, FOCUS_NAME, FOCUS_RELATION } SheetFocus;

typedef struct PersonSheet {
    bool open;
    uint32_t person; /* 0: a new person */
    TextEdit name, relation;
    char picto[32]; /* relation key, "" for none */
    int sector;
    bool present;
    SheetFocus focus;
    const char *why;   /* a refusal to show (a msgid), or NULL */
    FormScroll scroll; /* when the sheet is taller than the screen */
} PersonSheet;

typedef enum SheetResult {
    SHEET_NOTHING,
    SHEET_REDRAW,
    SHEET_CLOSED,
    SHEET_EDIT,
    SHEET_REMOVE,
} SheetResult;

void sheet_init(PersonSheet *s);
void sheet_fini(PersonSheet *s);

/* Opens the sheet for person id (0: a new person; `sector` then is where
 * the new card will belong). */
void sheet_open(PersonSheet *s, const Plan *plan, uint32_t id, int sector);
void sheet_close(PersonSheet *s);

void sheet_draw(Ui *ui, PersonSheet *s, const Keyboard *kb);

/* A finished gesture while the sheet is open. SHEET_EDIT fills *edit,
 * which borrows the sheet's texts until sheet_taken() is called. */
SheetResult sheet_gesture(Ui *ui, PersonSheet *s, Keyboard *kb, const Gesture *ev, Edit *edit);
SheetResult sheet_text(PersonSheet *s, const char *text);
SheetResult sheet_key(PersonSheet *s, SheetKey key, Edit *edit);

/* The app's answer to SHEET_EDIT: closes the sheet, or keeps it open
 * with the reason. */
void sheet_taken(PersonSheet *s, bool ok, const char *why);

#endif
