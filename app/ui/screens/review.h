/* review: "review & agree" — what is still missing at the top, the whole
 * plan as one page to read, then everyone in the room taps "Ik ga
 * akkoord" by their own name (people not in the room show "akkoord
 * volgt"), then the facilitator approves with the PIN. */
#ifndef KRING_REVIEW_H
#define KRING_REVIEW_H

#include <stdbool.h>

#include "core/plan.h"
#include "ui/action.h"
#include "ui/form.h"
#include "ui/kit.h"
#include "ui/view.h"

typedef struct ReviewState {
    const char *why; /* why agreeing or approving was refused (msgid), or NULL */
    int agree_at;    /* where agreeing begins on the page, as last drawn */
} ReviewState;

void review_draw(KitColumn *p, ReviewState *rs, const Plan *plan, bool family_time);

/* True when the tap was the review's; *out then says what to do. A
 * refusal scrolls the page (scroll) back to the top, where it is said. */
bool review_tap(ReviewState *rs, FormScroll *scroll, const Plan *plan, const char *id,
                const FlowView *view, bool family_time, FlowOut *out);

#endif
