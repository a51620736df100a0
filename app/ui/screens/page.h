/* page: the pages of the steps that are not the board — going well &
 * worries (whose plan, the central question, the 0-10 scale, what goes
 * well, the worries, the referrer's conditions, strengths), the dream and
 * the child's voice, safety & plan B, the evaluation, and review & agree.
 * Each page is a column of blocks under the step's title and what is
 * still empty; it scrolls with a finger. Items are typed in the typing
 * view. The page holds the state of its parts (screens/scale.h, voice.h,
 * evaluation.h, review.h), never plan data. */
#ifndef KRING_PAGE_H
#define KRING_PAGE_H

#include <stdbool.h>

#include "core/flow.h"
#include "core/gesture.h"
#include "core/plan.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/screens/evaluation.h"
#include "ui/screens/review.h"
#include "ui/screens/scale.h"
#include "ui/screens/typing.h"
#include "ui/screens/voice.h"
#include "ui/ui.h"
#include "ui/view.h"

typedef struct PageState {
    TypingState typing;
    FormScroll scroll[STEP_COUNT];
    int content[STEP_COUNT]; /* each page's height, as last drawn */
    ScaleState scale;
    VoiceState voice;
    EvalState eval;
    ReviewState review;
} PageState;

void page_init(PageState *ps);
void page_fini(PageState *ps);
/* Stops typing, closes the picker, forgets drafts and where each page
 * was scrolled to (leaving a meeting). */
void page_reset(PageState *ps);
/* Another step is shown: what was picked on this one is let go. */
void page_leave_step(PageState *ps);
/* Typing ended (taken, or put away). */
void page_typing_closed(PageState *ps);

/* The page of `step` below `top` (the step bar), or the typing view over
 * everything. family_time hides the facilitator's controls;
 * conditions_open: the facilitator may change the referrer's conditions. */
void page_draw(Ui *ui, PageState *ps, int step, const Plan *plan, const Gestures *g,
               const FlowView *view, int top, bool family_time, bool conditions_open);
/* What lies over the step bar too (the support person's picker). */
void page_draw_over(Ui *ui, PageState *ps, const Plan *plan);

FlowOut page_gesture(Ui *ui, PageState *ps, int step, const Plan *plan, const Gesture *ev,
                     const FlowView *view, bool family_time, bool conditions_open);
FlowOut page_text(PageState *ps, const char *text);
FlowOut page_key(PageState *ps, const Plan *plan, SheetKey key);
/* How the app took the page's last FLOW_EDIT. */
void page_edit_result(PageState *ps, EditResult r, const char *why);

/* True while the typing view is open. */
bool page_typing(const PageState *ps);

#endif
