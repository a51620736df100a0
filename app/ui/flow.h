/* flow: the screens of a whole family group conference around the board.
 *
 * The start screen (new meeting, continue, settings; no family data), the
 * step bar that carries the meeting (network · going well & concerns ·
 * dream & the child's voice · goals & agreements · safety & plan B ·
 * evaluation · review & agree · share), the pages of the steps that are
 * not the board, the facilitator's PIN pad and menu, and private family
 * time.
 *
 * Holds no plan data: it draws the Plan and the FlowView the app gives
 * it, and turns gestures into a FlowOut for the app to act on (an Edit
 * to apply and store, a PIN to check, a meeting to open or close...). */
#ifndef KRING_FLOW_UI_H
#define KRING_FLOW_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "core/edit.h"
#include "core/flow.h"
#include "core/gesture.h"
#include "core/plan.h"
#include "core/textedit.h"
#include "ui/board.h"
#include "ui/form.h"
#include "ui/keyboard.h"
#include "ui/share.h"
#include "ui/ui.h"

enum { PINPAD_MAX = 16, FLOW_LIST_MAX = 24 };

typedef enum FlowScreen { SCREEN_START, SCREEN_MEETING } FlowScreen;

/* What the PIN is asked for. */
typedef enum PinFor {
    PIN_FOR_NONE,
    PIN_FOR_SETUP,       /* first start: choose the PIN (typed twice) */
    PIN_FOR_NEW,         /* start a meeting */
    PIN_FOR_CONTINUE,    /* open a kept meeting */
    PIN_FOR_SETTINGS,
    PIN_FOR_LEAVE,       /* leave the kiosk */
    PIN_FOR_MENU,        /* the facilitator's menu during a meeting */
    PIN_FOR_FAMILY_TIME, /* private family time: hide the facilitator's controls */
    PIN_FOR_RETURN,      /* the facilitator is back after family time */
    PIN_FOR_CONDITIONS,  /* change the referrer's conditions */
    PIN_FOR_APPROVE,     /* approve the plan */
    PIN_FOR_CHANGE,      /* a new PIN, in settings (typed twice) */
    PIN_FOR_UNCOVER,     /* the facilitator uncovers the plan */
} PinFor;

typedef struct PinPad {
    PinFor purpose;          /* PIN_FOR_NONE: not shown */
    char digits[PINPAD_MAX + 1];
    int n;
    char first[PINPAD_MAX + 1]; /* a new PIN: as typed the first time */
    bool confirming;
    char msg[400];           /* what the app said about the last try */
    bool msg_bad;
} PinPad;

typedef enum FlowPanel {
    PANEL_NONE,
    PANEL_NEW,       /* an empty plan, or one of the prepared plan files */
    PANEL_CONTINUE,  /* the meetings kept on this device */
    PANEL_SETTINGS,
    PANEL_MENU,      /* the facilitator's menu */
    PANEL_CALLED,    /* the family called the facilitator back */
    PANEL_CLOSE,     /* closing the meeting erases it: sure? */
    PANEL_LANGUAGE,  /* the language to talk in now: anyone may choose, no PIN */
} FlowPanel;

/* What is being typed on a page. */
typedef enum PageTyping {
    TYPING_NONE, TYPING_ITEM, TYPING_FIELD, TYPING_VOICE_CHILD, TYPING_VOICE_WORDS,
    TYPING_EVAL_PLACE,
} PageTyping;

typedef struct PageEdit {
    PageTyping typing;
    int section;         /* TYPING_ITEM: the section; TYPING_FIELD: the field */
    uint32_t id;         /* the item or voice; 0: a new one */
    TextEdit te;
    const char *why;     /* a refusal to show (msgid) */
    TextEdit child;      /* a voice: whose words (typed first), then te */
    uint32_t support_for;  /* the voice whose support person is being chosen */
    char ev_date[16], ev_start[8], ev_end[8]; /* an evaluation edit's texts */
    int content[STEP_COUNT]; /* each page's height, as last drawn */
    int agree_at;        /* where agreeing begins on the review page */
    int pending;         /* an Edit was handed over from a page */
} PageEdit;

/* The lists the start screen's panels show, filled by the app. */
typedef struct FlowList {
    int n;
    char text[FLOW_LIST_MAX][160];
    char note[FLOW_LIST_MAX][80];
    int chosen;          /* -1: none */
} FlowList;

typedef struct FlowView {
    bool can_undo, can_redo;
    const char *problem;     /* a failure in plain words, or NULL */
    const char *notice;      /* a message that waits for OK, or NULL */
    PrintProgress printing;
    const char *print_words;
    char today[11];          /* "YYYY-MM-DD" */
    int64_t now;             /* seconds since 1970: when someone agrees */
    bool pin_set;
    FlowList plans;          /* PANEL_NEW: prepared plan files (after "empty") */
    FlowList meetings;       /* PANEL_CONTINUE */
    FlowList printers;       /* PANEL_SETTINGS: 0 is "the default printer", then
                                by name ("printer:NAME" on screen) */
    FlowList languages;      /* PANEL_SETTINGS (chosen: the start language) and PANEL_LANGUAGE */
    int language_now;        /* index into languages of the one on screen */
    const char *settings_said; /* a line on the settings panel, or NULL */
    int rotation;            /* the screen's turn in degrees */
    int retention_days;      /* kept meetings are erased after this */
    int cover_minutes;       /* the plan is covered after this long untouched; 0 never */
    const char *kept_words;  /* the start screen: what is kept, until when (no names) */
} FlowView;

/* The language button (🌐 and the language on screen, ui->language_name,
 * in its own name), on the start screen and the board: anyone may change
 * the language. */
int flow_language_width(const Ui *ui);
void flow_language_button(Ui *ui, Rect r);

typedef enum FlowAction {
    FLOW_NOTHING,
    FLOW_REDRAW,
    FLOW_EDIT,       /* out->edit: apply and store, then flow_edit_result() */
    FLOW_UNDO,
    FLOW_REDO,
    FLOW_DISMISS,    /* the notice was read */
    FLOW_PRINT,      /* print state->share.copies copies */
    FLOW_PIN,        /* out->pin_for, out->pin: check (or set) it, then flow_pin_result() */
    FLOW_NEW,        /* out->index: 0 an empty plan, 1.. plan file index+1 */
    FLOW_CONTINUE,   /* out->index into view->meetings */
    FLOW_KEEP,       /* keep the meeting for later and go to the start screen */
    FLOW_CLOSE,      /* close the meeting: its data gone */
    FLOW_LEAVE,      /* leave the kiosk */
    FLOW_PRINTER,    /* out->index into view->printers */
    FLOW_LANGUAGE,   /* out->index into view->languages: the start language */
    FLOW_LANGUAGE_NOW, /* out->index into view->languages: for now, not stored */
    FLOW_ROTATION,   /* out->index: the screen turned by index x 90 degrees */
    FLOW_SETTINGS,   /* open the settings (the PIN was given for the menu) */
    FLOW_RETENTION,  /* out->index: days a kept meeting stays */
    FLOW_COVER,      /* out->index: minutes untouched before the plan is covered */
    FLOW_UNCOVERED,  /* the plan is shown again */
} FlowAction;

typedef struct FlowOut {
    FlowAction act;
    Edit edit;
    PinFor pin_for;
    const char *pin;     /* borrowed from the pad until flow_pin_result() */
    int index;
} FlowOut;

typedef struct FlowState {
    FlowScreen screen;
    int step;
    bool family_time;
    bool covered;          /* nobody touched the screen for a while: the plan is hidden */
    bool conditions_open;  /* the facilitator opened the conditions */
    FlowPanel panel;
    PinPad pin;
    PageEdit page;
    Keyboard kb;
    FormScroll scroll[STEP_COUNT];
    uint32_t scale_pick;   /* the person tapped to put on the scale */
    int cal_year, cal_month; /* the evaluation's calendar: the month shown */
    BoardState board;
} FlowState;

void flow_init(FlowState *f);
void flow_fini(FlowState *f);

/* Goes to the start screen (nothing of a family on it), or into a
 * meeting at its first step. */
void flow_to_start(FlowState *f, bool pin_set);
void flow_to_meeting(FlowState *f);

/* Covers the plan (nobody is there); a tap or the PIN uncovers it. */
void flow_cover(FlowState *f);

/* Asks for the PIN for `purpose`. */
void flow_ask_pin(FlowState *f, PinFor purpose);

/* The height of the step bar at the top of a meeting. */
int flow_bar_height(const Ui *ui);

void flow_draw(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const FlowView *view);

/* Handles one finished gesture. */
FlowOut flow_gesture(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g,
                     const Gesture *ev, const FlowView *view);
FlowOut flow_text(FlowState *f, const char *text);
FlowOut flow_key(FlowState *f, const Plan *plan, SheetKey key);

/* The app's answer to FLOW_EDIT. */
void flow_edit_result(FlowState *f, const Plan *plan, EditResult r, const char *why);

/* The app's answer to FLOW_PIN: ok, or what to tell (translated). */
void flow_pin_result(FlowState *f, bool ok, const char *said);

/* True while text is being typed. */
bool flow_wants_text(const FlowState *f);

#endif
