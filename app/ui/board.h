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
#include "ui/ui.h"

typedef struct BoardView {
    bool can_undo, can_redo;
    const char *problem; /* a failure to show in plain words, or NULL */
    const char *notice;  /* a message that waits for OK, or NULL */
} BoardView;

typedef enum BoardResult {
    BOARD_NOTHING,   /* nothing to do */
    BOARD_REDRAW,    /* only the picture changed */
    BOARD_EDIT,      /* *edit holds a change to apply and store */
    BOARD_UNDO,
    BOARD_REDO,
    BOARD_DISMISS,   /* the notice was read */
} BoardResult;

void board_draw(Ui *ui, const Plan *plan, const Gestures *g, const BoardView *view);

/* Handles one finished gesture (ev) on the board. */
BoardResult board_gesture(Ui *ui, const Plan *plan, const Gestures *g, const Gesture *ev,
                          Edit *edit);

#endif
