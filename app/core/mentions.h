/* mentions: the people a text of the plan speaks of, as a family writes
 * them: by first name ("Ans", "Jamila" from "جميلة العمراني (oma
 * Jamila)"), or by what they are to the family when only one person is
 * that ("oma", "mama", "juf"). Used to show their faces beside the text.
 * Knows nothing of the screen. */
#ifndef KRING_MENTIONS_H
#define KRING_MENTIONS_H

#include <stdint.h>

#include "core/i18n.h"
#include "core/plan.h"

enum { MENTIONS_MAX = 16 }; /* the most a text is asked for */

/* Fills ids (at most max, and MENTIONS_MAX) with the people text names,
 * each once, in the order the text first names them; returns how many. cat: the language the
 * relations are said in besides Dutch (NULL: Dutch only). */
int plan_mentions(const Plan *plan, const Catalog *cat, const char *text, uint32_t *ids, int max);

#endif
