/* edit: every change to a plan, as a value, and the one function that
 * applies it.
 *
 * Screens describe what the family did as an Edit; the app applies it
 * with plan_apply() and stores the result in one transaction, so the plan
 * on screen, the undo history and the database never drift apart. An
 * Edit borrows its strings. */
#ifndef KRING_EDIT_H
#define KRING_EDIT_H

#include <stdint.h>

#include "core/plan.h"

typedef enum EditKind {
    EDIT_SET_FIELD,        /* field = PlanField, text */
    EDIT_PERSON_ADD,       /* text name, text2 relation, text3 picto, place, flag present */
    EDIT_PERSON_SET,       /* id; as ADD but the place */
    EDIT_PERSON_MOVE,      /* id, place */
    EDIT_PERSON_REMOVE,    /* id; also out of agreements and every reference */
    EDIT_PERSON_SCALE,     /* id, number 0..10 or SCALE_NONE */
    EDIT_PERSON_AGREE,     /* id, time (0 takes the agreement back) */
    EDIT_GOAL_ADD,         /* text, number = area */
    EDIT_GOAL_SET,         /* id, text, number = area */
    EDIT_GOAL_MOVE,        /* id, index: its new position */
    EDIT_GOAL_REMOVE,      /* id; its agreements go with it */
    EDIT_AGREEMENT_ADD,    /* goal, people, text what, text2 when (words), schedule, checker */
    EDIT_AGREEMENT_SET,    /* id; as ADD */
    EDIT_AGREEMENT_REMOVE, /* id */
    EDIT_ITEM_ADD,         /* field = Section, text */
    EDIT_ITEM_SET,         /* id, text */
    EDIT_ITEM_MOVE,        /* id, index within its section */
    EDIT_ITEM_REMOVE,      /* id */
    EDIT_VOICE_ADD,        /* text child, text2 words, support */
    EDIT_VOICE_SET,        /* id; as ADD */
    EDIT_VOICE_REMOVE,     /* id */
    EDIT_EVALUATION,       /* text date, text2 start, text3 end, text4 place, support = convener */
    EDIT_APPROVE,          /* time (0 takes the approval back) */
    EDIT_KIND_COUNT
} EditKind;

typedef struct Edit {
    EditKind kind;
    uint32_t id;
    int field;
    int index;
    int number;
    bool flag;
    int64_t time;
    Place place;
    const char *text, *text2, *text3, *text4;
    uint32_t goal, checker, support;
    uint32_t people[AGREEMENT_PEOPLE_MAX];
    int n_people;
    Schedule schedule;
} Edit;

/* Why an edit was refused that would make the plan larger than a plan
 * may be (PLAN_BYTES_MAX); the store says the same (a msgid). */
extern const char *const plan_full_why;

typedef enum EditResult {
    EDIT_OK,
    EDIT_NOT_FOUND, /* the object is gone (another finger removed it) */
    EDIT_INVALID,   /* the edit makes no sense; *why says why */
    EDIT_NO_MEMORY, /* memory is short; the plan is unchanged, try again */
} EditResult;

/* Applies e to the plan. Every text is repaired first (broken UTF-8
 * replaced, control characters dropped) and cut to TEXT_MAX bytes at a
 * character boundary. When e changes what the plan says, everyone who
 * had agreed (and the approval) is marked to renew it. On EDIT_OK, *new_id (when not NULL) gets the
 * id of what was added. Otherwise the plan is unchanged and *why (when not NULL) is a plain-words
 * reason: a Dutch msgid to translate. */
EditResult plan_apply(Plan *plan, const Edit *e, uint32_t *new_id, const char **why);

#endif
