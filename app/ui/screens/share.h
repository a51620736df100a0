/* share: the screen where the plan leaves the room on phones. A list of
 * the meeting's codes (the whole plan, each person's own agreements, the
 * evaluation for the calendar); the chosen code large and crisp, with the
 * exact text it holds beside it, so people see what they take. The family
 * can switch each person's code off. Screen state only. */
#ifndef KRING_SHARE_VIEW_H
#define KRING_SHARE_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/gesture.h"
#include "core/plan.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "ui/view.h"

enum { SHARE_HIDDEN_MAX = 64 };

typedef struct ShareView {
    bool open;
    char chosen[48]; /* the chosen code: "plan", "person-7", "evaluation" */
    int part;        /* of a code in parts, 1.. */
    bool
        big; /* the chosen code shown large over the list (where beside it it would be too small) */
    uint32_t hidden[SHARE_HIDDEN_MAX]; /* people whose code the family switched off */
    int n_hidden;
    FormScroll scroll;      /* the list of people, when it is longer than the screen */
    FormScroll text_scroll; /* what the chosen code holds, when it is longer than its panel */
    int copies;             /* for printing, 1.. */
    bool no_concerns;       /* print without the concerns */
    bool initials;          /* print with initials instead of names */
    bool plan_off;          /* the whole plan is not shared to phones (page and PDF) */
    bool with_safety;       /* plan B goes on each person's page */
} ShareView;

void share_view_open(ShareView *v);
/* Draws the share step below `top` (the step bar): how printing goes,
 * Kring's clock (which stamps the calendar event) and, while the phones'
 * pages are served, their links, all from the view. True when it took
 * the whole screen (a code shown large where the screen is small): then
 * nothing is drawn over it. */
bool share_view_draw(Ui *ui, ShareView *v, const Plan *plan, const FlowView *view, int top);

/* FLOW_PRINT: the family asked to print (index: how many copies; redact:
 * what to leave out). */
FlowOut share_view_gesture(ShareView *v, const Gesture *ev);

#endif
