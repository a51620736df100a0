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
#include "ui/action.h"
#include "ui/screens/board_layout.h"
#include "ui/screens/goal_sheet.h"
#include "ui/keyboard.h"
#include "ui/screens/person_sheet.h"
#include "ui/ui.h"

/* What the board shows besides the plan: which card is selected, the
 * person sheet, the goal and agreement sheet and their keyboard, which
 * goals the column shows. Screen state only. */
typedef struct BoardState {
    uint32_t selected; /* person whose card is selected, 0 for none */
    PersonSheet sheet;
    GoalSheet goals; /* the goal or agreement sheet */
    Keyboard kb;
    int goal_first;          /* the first goal shown in the goals column */
    bool show_goals;         /* on a small screen: the goals in the map's place */
    FormScroll goals_scroll; /* there, how far they are scrolled (a finger's drag) */
    bool hover_down;         /* a card held over the goals' "more" button (it stepped once) */
    Rect down_at, area_at;   /* where that button and the scrolled goals were last drawn */
    BoardSettled settled;    /* where the cards rest */
    int goals_shown;         /* how many fit, as last drawn */
    int goals_folded;        /* the first goal drawn folded to one line, as last drawn
                                (a tap on one brings it up whole) */
    int top;                 /* where the board begins, below the step bar */
    int sheet_edit;          /* the pending edit came from: 1 the person
                                sheet, 2 the goal sheet, 0 neither */
} BoardState;

void board_state_init(BoardState *st);
void board_state_fini(BoardState *st);

/* Draws the board below `top` (the step bar is above it). */
void board_draw(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g, int top);

/* Handles one finished gesture (ev) on the board. A FLOW_EDIT's edit may
 * borrow a sheet's texts: apply it, then call board_edit_result() before
 * anything else reaches the board. */
FlowOut board_gesture(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g,
                      const Gesture *ev);

/* Text typed on a physical keyboard, and its editing keys. */
FlowOut board_text(BoardState *st, const char *text);
FlowOut board_key(BoardState *st, SheetKey key);

/* How the app took the board's last FLOW_EDIT. */
void board_edit_result(BoardState *st, const Plan *plan, EditResult r, const char *why);

/* True while the board wants text (a field is being typed in), and while
 * a sheet is open over it. */
bool board_wants_text(const BoardState *st);
bool board_sheet_open(const BoardState *st);

#endif
