/* board: the screen the family gathers around — the network map with its
 * rings and sectors, the goals column with their agreements, the tray of
 * cards not yet placed, and undo/redo.
 *
 * Holds no plan data: it draws the Plan it is given, reads finger state
 * from Gestures, and turns finished gestures into Edits for the app to
 * apply and store. */
#ifndef KRING_BOARD_H
#define KRING_BOARD_H

#include <stdbool.h>

#include "core/edit.h"
#include "core/gesture.h"
#include "core/plan.h"
#include "ui/goalsheet.h"
#include "ui/keyboard.h"
#include "ui/share.h"
#include "ui/sheet.h"
#include "ui/ui.h"

typedef enum BoardResult {
    BOARD_NOTHING,   /* nothing to do */
    BOARD_REDRAW,    /* only the picture changed */
    BOARD_EDIT,      /* *edit holds a change to apply and store */
} BoardResult;

/* What the board shows besides the plan: which card is selected, the
 * person sheet and its keyboard. Screen state only, owned by the app. */
enum { BOARD_PEOPLE_MAX = 512 }; /* cards placed with care; more are placed as dropped */

typedef struct BoardState {
    uint32_t selected;   /* person whose card is selected, 0 for none */
    PersonSheet sheet;
    GoalSheet goals;     /* the goal or agreement sheet */
    ShareView share;     /* the share step's screen state */
    Keyboard kb;
    int goal_first;      /* the first goal shown in the goals column */
    /* where the cards rest, kept while nothing it depends on changes */
    uint64_t settled_key;
    int n_settled;
    Point settled[BOARD_PEOPLE_MAX];
    int goals_shown;     /* how many fit, as last drawn */
    int top;             /* where the board begins, below the step bar */
    int sheet_edit;      /* the pending BOARD_EDIT came from: 1 the person
                            sheet, 2 the goal sheet, 0 neither */
} BoardState;

void board_state_init(BoardState *st);
void board_state_fini(BoardState *st);

/* Draws the board below `top` (the step bar is above it). */
void board_draw(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g, int top);

/* Handles one finished gesture (ev) on the board. BOARD_EDIT fills *edit,
 * which may borrow the sheet's texts: apply it, then call
 * board_edit_result() before anything else reaches the board. */
BoardResult board_gesture(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g,
                          const Gesture *ev, Edit *edit);

/* Text typed on a physical keyboard, and its editing keys. */
BoardResult board_text(BoardState *st, const char *text);
BoardResult board_key(BoardState *st, SheetKey key, Edit *edit);

/* How the app's plan_apply() took the last BOARD_EDIT. */
void board_edit_result(BoardState *st, const Plan *plan, EditResult r, const char *why);

/* True while the board wants text (a field is being typed in). */
bool board_wants_text(const BoardState *st);

#endif
