/* redact: the plan as it may leave the room on paper, when the family
 * asks for less: without the concerns, or with initials instead of names
 * (for sending onwards to someone who does not need to know who is who).
 * Plain C; the plan itself is not changed. */
#ifndef KRING_REDACT_H
#define KRING_REDACT_H

#include <stddef.h>

#include "core/plan.h"

enum {
    REDACT_CONCERNS = 1, /* leave the concerns out */
    REDACT_NAMES = 2,    /* initials for every person, the family and the children */
};

/* A copy of plan with flags applied (caller destroys). Texts the family
 * wrote in their own words (items, goals, agreements) are copied as
 * they are: a name written inside them stays. NULL when memory is short. */
Plan *plan_redacted(const Plan *plan, int flags);

/* Initials of a name, "Esther Jansen" -> "E.J.", "جميلة" -> "ج." (at most
 * out_n bytes). Names joined with "en", "&" or "," keep their joins:
 * "Sam en Noor" -> "S. en N.". */
void redact_initials(const char *name, char *out, size_t out_n);

#endif
