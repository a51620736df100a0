/* pages: the steps of a meeting that are not the board: going well &
 * concerns with the 0-10 scale, dream & the child's voice, safety & plan
 * B, the evaluation (a touch calendar and clock), and the review page
 * where everyone agrees. Lists of short items, each typed on the
 * on-screen keyboard. Part of the flow (ui/flow.h); no plan data of its
 * own. */
#ifndef KRING_PAGES_H
#define KRING_PAGES_H

#include "ui/flow.h"

void pages_init(PageEdit *p);
void pages_fini(PageEdit *p);
/* Stops any typing and forgets drafts. */
void pages_close(PageEdit *p);

void pages_draw(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const FlowView *view,
                int top);
/* What lies over the step bar too (the support person's picker). */
void pages_draw_over(Ui *ui, FlowState *f, const Plan *plan, const FlowView *view);
FlowOut pages_gesture(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g,
                      const Gesture *ev, const FlowView *view);
FlowOut pages_text(FlowState *f, const char *text);
FlowOut pages_key(FlowState *f, const Plan *plan, SheetKey key);
void pages_edit_result(FlowState *f, const Plan *plan, EditResult r, const char *why);

/* Days in a month, and the weekday of a date (0 Monday .. 6 Sunday). */
int pages_days_in_month(int year, int month);
int pages_weekday(int year, int month, int day);

#endif
