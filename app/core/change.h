/* change: what one step of a meeting's history did, told in words.
 *
 * Plain C, no SDL. Undo and redo move between two stored plans; this says
 * what lies between them: whether it needed the facilitator's PIN (the
 * referrer's conditions, the approval), which step of the meeting it
 * belongs to, and a short line in the catalogue's language for the family
 * ("Ans Verhoef weer op de kaart"). It also says what goes with a person
 * who is taken out. Every text here is a Dutch msgid. */
#ifndef KRING_CHANGE_H
#define KRING_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/i18n.h"
#include "core/plan.h"

typedef struct Change {
    bool pin;      /* only the facilitator may make it, or take it back */
    bool approval; /* the facilitator's approval was given in it */
    int step;      /* the step (core/flow.h) it belongs to */
} Change;

/* What going from plan `from` to plan `to` changes. */
Change change_between(const Plan *from, const Plan *to);

/* What `to` shows that `from` did not, as a short phrase in cat's
 * language: "Ans Verhoef weer op de kaart", "de centrale vraag". */
void change_words(const Plan *from, const Plan *to, const Catalog *cat, char *out, size_t n);

/* What taking person `id` out of plan takes with them, in words: "Ans
 * Verhoef is weggehaald, met 2 afspraken en de plek op de schaal." */
void change_removal_words(const Plan *plan, uint32_t id, const Catalog *cat, char *out, size_t n);

#endif
