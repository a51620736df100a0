/* evaluation: when the family meets again — a month calendar to tap (past
 * days greyed, a past date warned about), the start and end time (a tap
 * on one shows its hours and quarters to tap; steppers beside it), the
 * place (typed), and who convenes (people chips). */
#ifndef KRING_EVALUATION_H
#define KRING_EVALUATION_H

#include <stdbool.h>

#include "core/plan.h"
#include "ui/action.h"
#include "ui/kit.h"
#include "ui/screens/typing.h"
#include "ui/view.h"

typedef struct EvalState {
    int cal_year, cal_month; /* the month the calendar shows; 0: the date's, else today's */
    char ev_date[16], ev_start[8], ev_end[8]; /* an evaluation edit's texts, until taken */
    int picking; /* the hours and quarters shown for: 1 the start, 2 the end, 0 neither */
} EvalState;

/* Days in a month, and the weekday of a date (0 Monday .. 6 Sunday). */
int evaluation_days_in_month(int year, int month);
int evaluation_weekday(int year, int month, int day);

/* The evaluation page's blocks in the page's column. */
void evaluation_draw(KitColumn *p, const EvalState *es, const Plan *plan, const FlowView *view);

/* Over the page (after the step bar): the hours and quarters of the
 * time tapped, while one is. */
void evaluation_draw_over(Ui *ui, const EvalState *es, const Plan *plan);

/* True when the tap was the evaluation's; *out then says what to do
 * (typing the place goes through ts). */
bool evaluation_tap(EvalState *es, TypingState *ts, const Plan *plan, const char *id,
                    const FlowView *view, FlowOut *out);

/* The edit that makes `place` the evaluation's place (its texts borrowed
 * from es and plan until the app has taken it). */
Edit evaluation_place(EvalState *es, const Plan *plan, const char *place);

#endif
