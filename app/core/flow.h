/* flow: the steps a family group conference moves through, and what each
 * step still lacks.
 *
 * Plain C, no SDL. The step bar shows a mark on every step with empty
 * parts; the review page lists what must be filled in before anyone can
 * agree. Every text here is a Dutch msgid, for the catalogue. */
#ifndef KRING_FLOW_H
#define KRING_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan.h"

typedef enum Step {
    STEP_NETWORK,    /* wie is er: het netwerk */
    STEP_WELL,       /* wat gaat goed & zorgen, de schaal */
    STEP_DREAM,      /* droom & de stem van het kind */
    STEP_GOALS,      /* doelen & afspraken */
    STEP_SAFETY,     /* veiligheid & plan B, hulp */
    STEP_EVALUATION, /* de evaluatie */
    STEP_REVIEW,     /* alles lezen & akkoord */
    STEP_SHARE,      /* printen, delen, afsluiten */
    STEP_COUNT
} Step;

enum { FLOW_GAPS_MAX = 8 };

/* A stable name ("network", "well", ...) for widget ids; NULL if unknown. */
const char *step_key(int step);
int step_from_key(const char *key);
/* The step's name on its button (short) and as a page title (msgids). */
const char *step_label(int step);
const char *step_title(int step);
/* The step's pictogram (an emoji). */
const char *step_picto(int step);

/* The parts of a step that are still empty, as msgids; returns how many
 * (at most max). */
int step_gaps(const Plan *plan, int step, const char **out, int max);

/* What must be filled in before anyone can agree to the plan, as msgids
 * in plain words; returns how many (0: the plan can be agreed to). */
int flow_missing(const Plan *plan, const char **out, int max);

/* Agreeing: of the people in the room, how many agreed; and how many
 * people are not in the room (their agreement is pending). */
typedef struct AgreeCount {
    int present, agreed, absent, renew;
} AgreeCount;
AgreeCount flow_agree_count(const Plan *plan);

/* True when the facilitator may approve: nothing missing and everyone in
 * the room has agreed (at least one person). */
bool flow_can_approve(const Plan *plan);

/* When a meeting kept now (`now`, seconds since 1970) may be erased: never
 * before its evaluation day has passed by margin_days (a plan is kept for
 * its evaluation), and never sooner than retention_days from now. */
int64_t flow_keep_until(const Plan *plan, int64_t now, int retention_days, int margin_days);
/* True when the evaluation day (plus the margin) decides it, not retention. */
bool flow_kept_for_evaluation(const Plan *plan, int64_t now, int retention_days, int margin_days);

#endif
