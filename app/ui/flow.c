/* flow: which layer is on top, and who gets a gesture. */
#include "ui/flow.h"

#include <string.h>

#include "ui/kit.h"
#include "ui/screens/cover.h"
#include "ui/screens/start.h"
#include "ui/screens/stepbar.h"

void flow_init(FlowState *f)
{
    memset(f, 0, sizeof *f);
    board_state_init(&f->board);
    page_init(&f->page);
}

void flow_fini(FlowState *f)
{
    board_state_fini(&f->board);
    page_fini(&f->page);
}

static void leave_meeting_state(FlowState *f)
{
    f->family_time = false;
    f->conditions_open = false;
    f->panel = PANEL_NONE;
    f->edit_from = EDIT_FROM_NONE;
    page_reset(&f->page);
    f->share = (ShareView){0};
    board_state_fini(&f->board);
    board_state_init(&f->board);
}

void flow_to_start(FlowState *f, bool pin_set)
{
    leave_meeting_state(f);
    f->screen = SCREEN_START;
    pinpad_clear(&f->pin);
    if (!pin_set) flow_ask_pin(f, PIN_FOR_SETUP);
}

void flow_to_meeting(FlowState *f)
{
    leave_meeting_state(f);
    f->screen = SCREEN_MEETING;
    f->step = STEP_NETWORK;
    pinpad_clear(&f->pin);
}

void flow_cover_pin_only(FlowState *f)
{
    flow_cover(f);
    f->cover_pin_only = true;
}

void flow_cover(FlowState *f)
{
    f->covered = true;
    f->panel = PANEL_NONE;
    pinpad_clear(&f->pin);
}

void flow_ask_pin(FlowState *f, PinFor purpose)
{
    pinpad_ask(&f->pin, purpose);
}

void flow_pin_granted(FlowState *f, PinFor purpose)
{
    switch (purpose) {
    case PIN_FOR_NEW:
        f->panel = PANEL_NEW;
        break;
    case PIN_FOR_CONTINUE:
        f->panel = PANEL_CONTINUE;
        break;
    case PIN_FOR_SETTINGS:
        f->panel = PANEL_SETTINGS;
        break;
    case PIN_FOR_MENU:
        f->panel = PANEL_MENU;
        break;
    case PIN_FOR_FAMILY_TIME:
        f->family_time = true;
        break;
    case PIN_FOR_RETURN:
        f->family_time = false;
        f->panel = PANEL_NONE;
        break;
    case PIN_FOR_CONDITIONS:
        f->conditions_open = true;
        break;
    case PIN_FOR_UNCOVER:
        f->covered = f->cover_pin_only = false;
        break;
    case PIN_FOR_APPROVE:
    case PIN_FOR_UNDO:
    case PIN_FOR_REDO:
    case PIN_FOR_RECOVER:
    case PIN_FOR_RESET:
    case PIN_FOR_LEAVE:
    case PIN_FOR_SETUP:
    case PIN_FOR_CHANGE:
    case PIN_FOR_NONE:
        break;
    }
}

bool flow_wants_text(const FlowState *f)
{
    return f->pin.purpose != PIN_FOR_NONE || page_typing(&f->page) || board_wants_text(&f->board);
}

bool flow_wants_keys(const FlowState *f)
{
    return flow_wants_text(f) || board_sheet_open(&f->board);
}

bool flow_in_sheet(const FlowState *f)
{
    return board_sheet_open(&f->board) || page_typing(&f->page);
}

bool flow_in_meeting(const FlowState *f)
{
    return f->screen == SCREEN_MEETING;
}

bool flow_covered(const FlowState *f)
{
    return f->covered;
}

bool flow_family_time(const FlowState *f)
{
    return f->family_time;
}

int flow_step(const FlowState *f)
{
    return f->step;
}

bool flow_facilitator_open(const FlowState *f)
{
    return f->panel != PANEL_NONE || f->pin.purpose != PIN_FOR_NONE;
}

/* The very first start: the PIN is being chosen on the start screen. The
 * language button then lies over the PIN pad (flow_draw), not under it. */
static bool at_first_start(const FlowState *f)
{
    return f->screen == SCREEN_START && f->pin.purpose == PIN_FOR_SETUP;
}

/* Choosing the very first PIN cannot be put off on the start screen;
 * anywhere else (a meeting begun before any PIN) it can. */
static bool pin_can_cancel(const FlowState *f)
{
    return f->pin.purpose != PIN_FOR_SETUP || f->screen == SCREEN_MEETING;
}

static bool on_board(const FlowState *f)
{
    return f->step == STEP_NETWORK || f->step == STEP_GOALS;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */

void flow_draw(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const FlowView *view)
{
    if (f->covered) {
        cover_draw(ui, f->cover_pin_only);
        if (f->pin.purpose) pinpad_draw(ui, &f->pin, pin_can_cancel(f), false);
        if (view->notice) notice_draw(ui, view->notice); /* it waits for OK: seen */
        return;
    }
    bool first_start = at_first_start(f);
    if (f->screen == SCREEN_START) {
        start_draw(ui, view, first_start);
    } else {
        int top = stepbar_height(ui);
        bool whole = false; /* the step took the whole screen: no bar over it */
        if (on_board(f)) {
            /* the bar first, into the still background the board caches:
             * dragging cards does not redraw it */
            stepbar_draw(ui, f->step, f->family_time, plan, view);
            board_draw(ui, &f->board, plan, g, top);
        } else if (f->step == STEP_SHARE) {
            whole = share_view_draw(ui, &f->share, plan, view, top);
        } else {
            page_draw(ui, &f->page, f->step, plan, g, view, top, f->family_time,
                      f->conditions_open);
        }
        /* elsewhere the bar last: it lies over a page that scrolls beneath
         * it; but not over the typing view, which takes the whole screen */
        if (!on_board(f) && !page_typing(&f->page) && !whole) {
            stepbar_draw(ui, f->step, f->family_time, plan, view);
            page_draw_over(ui, &f->page, plan); /* the support picker lies over the bar too */
        }
    }
    if (f->panel && !first_start) panels_draw(ui, f->panel, view, &f->panel_scroll);
    if (f->pin.purpose) pinpad_draw(ui, &f->pin, pin_can_cancel(f), first_start);
    if (first_start) { /* the very first screen: its language can be chosen too */
        start_language_corner(ui);
        if (f->panel == PANEL_LANGUAGE) panels_draw(ui, f->panel, view, &f->panel_scroll);
    }
    if (view->said && f->screen == SCREEN_MEETING && !f->covered)
        said_draw(ui, view->said, view->said_undo);
    if (view->problem) problem_draw(ui, view->problem);
    if (view->notice) notice_draw(ui, view->notice);
}

/* ------------------------------------------------------------------ */
/* Gestures                                                             */
/* ------------------------------------------------------------------ */

static void go_to_step(FlowState *f, int s)
{
    f->step = s;
    page_leave_step(&f->page);
    f->board.selected = 0;
    /* a small board shows the map or the goals: the step's own first */
    if (s == STEP_NETWORK || s == STEP_GOALS) f->board.show_goals = s == STEP_GOALS;
    if (s == STEP_SHARE) share_view_open(&f->share);
}

/* What a screen handed back: the router's own actions done here, the
 * rest for the app (an edit remembered as `from`'s). */
static FlowOut route(FlowState *f, FlowOut o, EditFrom from)
{
    FlowOut redraw = {.act = FLOW_REDRAW};
    switch (o.act) {
    case FLOW_ASK_PIN:
        flow_ask_pin(f, o.pin_for);
        return redraw;
    case FLOW_PANEL:
        f->panel = (FlowPanel)o.index;
        return redraw;
    case FLOW_FAMILY_TIME:
        f->family_time = true;
        f->conditions_open = false;
        return redraw;
    case FLOW_STEP:
        if (o.index < 0 || o.index >= STEP_COUNT || o.index == f->step)
            return (FlowOut){.act = FLOW_NOTHING};
        go_to_step(f, o.index);
        return redraw;
    case FLOW_UNCOVERED:
        f->covered = f->cover_pin_only = false;
        return o;
    case FLOW_EDIT:
        f->edit_from = from;
        return o;
    default:
        return o;
    }
}

static bool tapped(const Gesture *ev, const char *id)
{
    return ev->kind == GESTURE_TAP && ui_id_is(ev->widget, id);
}

FlowOut flow_gesture(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const Gesture *ev,
                     const FlowView *view)
{
    FlowOut none = {.act = FLOW_NOTHING};
    if (view->notice) return notice_gesture(ev);
    bool first_start = at_first_start(f);
    if (first_start && f->panel == PANEL_LANGUAGE)
        return route(f, panels_gesture(&f->panel, ev, view, &f->panel_scroll), EDIT_FROM_NONE);
    if (first_start && tapped(ev, KIT_ID_LANGUAGE))
        return route(f, (FlowOut){.act = FLOW_PANEL, .index = PANEL_LANGUAGE}, EDIT_FROM_NONE);
    if (f->pin.purpose)
        return route(f, pinpad_gesture(&f->pin, ev, pin_can_cancel(f)), EDIT_FROM_NONE);
    if (view->said_undo && said_gesture(ev).act == FLOW_UNDO) return (FlowOut){.act = FLOW_UNDO};
    if (f->covered) return route(f, cover_gesture(ev, f->cover_pin_only), EDIT_FROM_NONE);
    if (f->panel)
        return route(f, panels_gesture(&f->panel, ev, view, &f->panel_scroll), EDIT_FROM_NONE);
    if (tapped(ev, KIT_ID_LANGUAGE))
        return route(f, (FlowOut){.act = FLOW_PANEL, .index = PANEL_LANGUAGE}, EDIT_FROM_NONE);
    if (f->screen == SCREEN_START) return route(f, start_gesture(ev), EDIT_FROM_NONE);
    if (!flow_in_sheet(f)) {
        FlowOut o = stepbar_gesture(ev, f->family_time, view->pin_set);
        if (o.act != FLOW_NOTHING) return route(f, o, EDIT_FROM_NONE);
    }
    if (on_board(f)) return route(f, board_gesture(ui, &f->board, plan, g, ev), EDIT_FROM_BOARD);
    if (f->step == STEP_SHARE) return route(f, share_view_gesture(&f->share, ev), EDIT_FROM_NONE);
    FlowOut o =
        page_gesture(ui, &f->page, f->step, plan, ev, view, f->family_time, f->conditions_open);
    return o.act == FLOW_NOTHING ? none : route(f, o, EDIT_FROM_PAGE);
}

FlowOut flow_text(FlowState *f, const char *text)
{
    if (f->pin.purpose) return pinpad_text(&f->pin, text);
    if (page_typing(&f->page)) return route(f, page_text(&f->page, text), EDIT_FROM_PAGE);
    return route(f, board_text(&f->board, text), EDIT_FROM_BOARD);
}

FlowOut flow_key(FlowState *f, const Plan *plan, SheetKey key)
{
    if (f->pin.purpose) return pinpad_key(&f->pin, key, pin_can_cancel(f));
    if (page_typing(&f->page)) return route(f, page_key(&f->page, plan, key), EDIT_FROM_PAGE);
    return route(f, board_key(&f->board, key), EDIT_FROM_BOARD);
}

void flow_edit_result(FlowState *f, const Plan *plan, EditResult r, const char *why)
{
    EditFrom from = f->edit_from;
    f->edit_from = EDIT_FROM_NONE;
    if (from == EDIT_FROM_PAGE)
        page_edit_result(&f->page, r, why);
    else if (from == EDIT_FROM_BOARD)
        board_edit_result(&f->board, plan, r, why);
}

void flow_pin_result(FlowState *f, bool ok, const char *said)
{
    pinpad_result(&f->pin, ok, said);
}
