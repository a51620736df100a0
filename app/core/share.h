/* share: the QR codes a meeting offers, as payloads: the whole plan (in
 * numbered parts when it is too long for one code a phone reads well
 * from a screen), each person's own agreements, and the evaluation as a
 * calendar event. Plain C: the codes are drawn elsewhere (export/qr). */
#ifndef KRING_SHARE_H
#define KRING_SHARE_H

#include <stddef.h>
#include <stdint.h>

#include "core/i18n.h"
#include "core/plan.h"

typedef enum ShareKind { SHARE_PLAN, SHARE_PERSON, SHARE_EVENT } ShareKind;

typedef struct ShareCode {
    ShareKind kind;
    uint32_t person; /* SHARE_PERSON */
    int part, parts; /* SHARE_PLAN: 1..parts */
    char name[48];   /* a file name stem: "plan-1-of-3", "person-7" */
    char *payload;   /* exactly what the code holds */
} ShareCode;

typedef struct ShareSet {
    ShareCode *codes;
    int n;
    const char *plan_problem;   /* why there is no plan code (msgid), or NULL */
    const char *person_problem; /* why a person's code is missing, or NULL */
    const char *event_problem;  /* why there is no calendar code, or NULL */
} ShareSet;

enum {
    SHARE_PART_BYTES = 900, /* a code of about version 24 (113 modules): fine on a screen */
    SHARE_MAX_PARTS = 8,    /* more than this, and paper is kinder */
};

/* NULL when memory is short. */
ShareSet *share_build(const Plan *plan, const Catalog *cat, int64_t now);
void share_destroy(ShareSet *set);

/* Cuts text into pieces of at most max bytes that, put back together,
 * give the text again: at blank lines where it can, else at line ends,
 * else at spaces, never inside a character. Returns the count; the cut
 * points go to ends[] (at most cap of them). */
int share_split(const char *text, size_t max, size_t *ends, int cap);

#endif
