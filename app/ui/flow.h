/* flow: the router of a whole family group conference's screens.
 *
 * It decides which layer is on top — the start screen or a meeting (the
 * step bar over the board, a page or the share screen), a panel, the PIN
 * pad, the covered plan, a notice — and which screen gets a gesture. Each
 * screen (ui/screens/) draws itself and hands back an action (ui/action.h);
 * the router does the ones about layers and hands the rest to the app,
 * remembering which screen asked for an edit so the app's answer reaches
 * it. The app asks the router (flow_in_meeting(), flow_in_sheet() ...)
 * instead of reading screen state.
 *
 * Holds no plan data: it draws the Plan and the FlowView the app gives. */
#ifndef KRING_FLOW_UI_H
#define KRING_FLOW_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "core/edit.h"
#include "core/gesture.h"
#include "core/plan.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/screens/board.h"
#include "ui/screens/page.h"
#include "ui/screens/panels.h"
#include "ui/screens/pinpad.h"
#include "ui/screens/share.h"
#include "ui/ui.h"
#include "ui/view.h"

typedef enum FlowScreen { SCREEN_START, SCREEN_MEETING } FlowScreen;

/* Which screen asked for the edit the app is applying. */
typedef enum EditFrom { EDIT_FROM_NONE, EDIT_FROM_PAGE, EDIT_FROM_BOARD } EditFrom;

typedef struct FlowState {
    FlowScreen screen;
    int step;
    bool family_time;
    bool covered;         /* nobody touched the screen for a while: the plan is hidden */
    bool cover_pin_only;  /* and only the facilitator's PIN lifts it now */
    bool conditions_open; /* the facilitator opened the conditions */
    FlowPanel panel;
    PanelScroll panel_scroll;
    PinPad pin;
    PageState page;
    BoardState board;
    ShareView share;
    EditFrom edit_from;
} FlowState;

void flow_init(FlowState *f);
void flow_fini(FlowState *f);

/* Goes to the start screen (nothing of a family on it), or into a
 * meeting at its first step. */
void flow_to_start(FlowState *f, bool pin_set);
void flow_to_meeting(FlowState *f);

/* Covers the plan (nobody is there); a tap or the PIN uncovers it. */
void flow_cover(FlowState *f);
/* From now on only the PIN uncovers it (the family's grace is over, or
 * Kring came back after a power cut); covers it first if need be. */
void flow_cover_pin_only(FlowState *f);

/* Asks for the PIN for `purpose`. */
void flow_ask_pin(FlowState *f, PinFor purpose);

/* The PIN was right for `purpose`: the screens it opens (a panel, family
 * time, the conditions, the plan uncovered). The app does the rest. */
void flow_pin_granted(FlowState *f, PinFor purpose);

void flow_draw(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const FlowView *view);

/* Handles one finished gesture. */
FlowOut flow_gesture(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const Gesture *ev,
                     const FlowView *view);
FlowOut flow_text(FlowState *f, const char *text);
FlowOut flow_key(FlowState *f, const Plan *plan, SheetKey key);

/* The app's answer to FLOW_EDIT. */
void flow_edit_result(FlowState *f, const Plan *plan, EditResult r, const char *why);

/* The app's answer to FLOW_PIN: ok, or what to tell (translated). */
void flow_pin_result(FlowState *f, bool ok, const char *said);

/* True while text is being typed (the PIN too). */
bool flow_wants_text(const FlowState *f);
/* True while a physical keyboard's editing keys belong to a screen (text
 * is typed, or a sheet is open) rather than to undo and redo. */
bool flow_wants_keys(const FlowState *f);
/* True while a sheet or the typing view is open: it shows refusals itself. */
bool flow_in_sheet(const FlowState *f);
/* True during a meeting (not the start screen). */
bool flow_in_meeting(const FlowState *f);
bool flow_covered(const FlowState *f);
bool flow_family_time(const FlowState *f);
/* The step of the meeting on screen (core/flow.h). */
int flow_step(const FlowState *f);
/* True while a facilitator's panel or the PIN pad is open (the app keeps
 * the PIN's key only while one is). */
bool flow_facilitator_open(const FlowState *f);

#endif
