/* pages: what a phone shows of the plan while the share step serves it:
 * each person's own page and a page of the whole plan, in plain HTML and
 * CSS (no script, nothing loaded from elsewhere), readable on a 360-px
 * phone, in the meeting's language and direction.
 *
 * Plain C. The family's words are escaped and set in <bdi>, so each keeps
 * its own direction. Returned pages are the caller's to free; NULL means
 * memory ran short. */
#ifndef KRING_PAGES_H
#define KRING_PAGES_H

#include <stdbool.h>
#include <stdint.h>

#include "core/i18n.h"
#include "core/plan.h"

typedef struct PageLinks {
    const char *calendar; /* the person's calendar file, or NULL for none */
    const char *pdf;      /* the whole plan as PDF, or NULL when the family did not share it */
    const char *plan;     /* the page of the whole plan, or NULL */
    bool safety;          /* plan B and who to call, as the family chose */
} PageLinks;

/* A person's page: their agreements (what, when, for which goal, with
 * whom, who checks), what they check for others, plan B when chosen, the
 * evaluation, and the links. A person with no agreements gets a page
 * that says so. NULL too when there is no such person. */
char *page_person(const Plan *plan, uint32_t person, const Catalog *cat, const PageLinks *links);

/* The whole plan as one page. */
char *page_plan(const Plan *plan, const Catalog *cat, const PageLinks *links);

/* The evaluation meeting: when and where, and a button for the calendar. */
char *page_evaluation(const Plan *plan, const Catalog *cat, const PageLinks *links);

/* The one page for every link that is not (or no longer) there. */
char *page_missing(const Catalog *cat);

#endif
