/* action: what a screen hands back for a gesture, instead of calling
 * anything itself. The router (ui/flow.c) does the ones that only change
 * which layer is on top (asking the PIN, opening a panel, going to a step)
 * and hands every other one to the app: an Edit to apply and store, a PIN
 * to check, a meeting to open or close, a setting to keep. */
#ifndef KRING_ACTION_H
#define KRING_ACTION_H

#include "core/edit.h"

/* What the PIN is asked for. */
typedef enum PinFor {
    PIN_FOR_NONE,
    PIN_FOR_SETUP,    /* first start: choose the PIN (typed twice) */
    PIN_FOR_NEW,      /* start a meeting */
    PIN_FOR_CONTINUE, /* open a kept meeting */
    PIN_FOR_SETTINGS,
    PIN_FOR_LEAVE,       /* leave the kiosk */
    PIN_FOR_MENU,        /* the facilitator's menu during a meeting */
    PIN_FOR_FAMILY_TIME, /* private family time: hide the facilitator's controls */
    PIN_FOR_RETURN,      /* the facilitator is back after family time */
    PIN_FOR_CONDITIONS,  /* change the referrer's conditions */
    PIN_FOR_APPROVE,     /* approve the plan */
    PIN_FOR_CHANGE,      /* a new PIN, in settings (typed twice) */
    PIN_FOR_UNCOVER,     /* the facilitator uncovers the plan */
    PIN_FOR_UNDO,        /* take back a step only the facilitator may take back */
    PIN_FOR_REDO,        /* do such a step again */
    PIN_FOR_RECOVER,     /* the PIN forgotten: the recovery code from paper */
    PIN_FOR_RESET,       /* then a new PIN (typed twice) */
} PinFor;

typedef enum FlowAction {
    FLOW_NOTHING,
    FLOW_REDRAW,
    FLOW_EDIT, /* out->edit: apply and store, then flow_edit_result() */
    FLOW_UNDO,
    FLOW_REDO,
    FLOW_DISMISS,       /* the notice was read */
    FLOW_PRINT,         /* print out->index copies, leaving out out->redact (REDACT_*) */
    FLOW_PIN,           /* out->pin_for, out->pin: check (or set) it, then flow_pin_result() */
    FLOW_NEW,           /* out->index: 0 an empty plan, 1.. plan file index+1 */
    FLOW_CONTINUE,      /* out->index into view->meetings */
    FLOW_KEEP,          /* keep the meeting for later and go to the start screen */
    FLOW_CLOSE,         /* close the meeting: its data gone */
    FLOW_LEAVE,         /* leave the kiosk */
    FLOW_PRINTER,       /* out->index into view->printers */
    FLOW_LANGUAGE,      /* out->index into view->languages: the start language */
    FLOW_LANGUAGE_NOW,  /* out->index into view->languages: for now, not stored */
    FLOW_ROTATION,      /* out->index: the screen turned by index x 90 degrees */
    FLOW_SETTINGS,      /* open the settings (the PIN was given for the menu) */
    FLOW_RETENTION,     /* out->index: days a kept meeting stays */
    FLOW_KEEP_MARGIN,   /* out->index: days a kept meeting outlives its evaluation */
    FLOW_COVER,         /* out->index: minutes untouched before the plan is covered */
    FLOW_SHARE_NETWORK, /* out->index: how phones get their pages (SHARE_NET_*, view.h) */
    FLOW_SCREEN_SIZE,   /* out->index: the screen's diagonal in tenths of an inch; 0: as it says */
    FLOW_UNCOVERED,     /* the plan is shown again */
    /* the router's own: done there, the app sees FLOW_REDRAW */
    FLOW_ASK_PIN,     /* out->pin_for: show the PIN pad */
    FLOW_PANEL,       /* out->index: show this panel (FlowPanel, screens/panels.h) */
    FLOW_FAMILY_TIME, /* begin private family time */
    FLOW_STEP,        /* out->index: go to this step */
} FlowAction;

typedef struct FlowOut {
    FlowAction act;
    Edit edit;
    PinFor pin_for;
    const char *pin; /* borrowed from the pad until flow_pin_result() */
    int index;
    int redact; /* FLOW_PRINT: REDACT_* (core/redact.h) */
} FlowOut;

#endif
