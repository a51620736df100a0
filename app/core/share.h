/* share: the QR codes that hold the text itself, offered when no network
 * serves the phones' pages: the plan in brief (in numbered parts when it
 * is too long for one code a phone reads well from the screen), each
 * person's own agreements, and the evaluation as a calendar event. Plain
 * C: the codes are drawn elsewhere (export/qr). */
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
    uint32_t *too_long;         /* the people whose agreements need more codes than that */
    int n_too_long;
    const char *event_problem; /* why there is no calendar code, or NULL */
} ShareSet;

enum {
    SHARE_PART_BYTES = 900, /* written to files (--export-qr): about version 24 */
    SHARE_PLAN_PARTS = 8,   /* more than this, and paper is kinder */
    SHARE_PERSON_PARTS = 8,
    /* The smallest square of a code that still reads when a phone at arm's
     * length sees the screen (a screenshot shrunk to 35 %, blurred and
     * turned 3°, read by zbar: 7 px squares failed for every version
     * tried; 8 px read, but one code in 35 on the 7-inch panel did not;
     * 9 px read every one). */
    SHARE_MODULE_PX = 9,
    SHARE_SCREEN_QUIET = 2, /* the quiet zone a code on the screen has, in squares */
};

/* Why the evaluation has no code when its event is larger than a code of
 * part_bytes (a msgid: event_problem is this very pointer then). */
extern const char *const share_event_too_big;

/* The most bytes a code that holds text may have so that, drawn in a
 * square of side px, each of its squares is at least SHARE_MODULE_PX
 * (error correction M, byte mode); 0 when no code is that small. */
size_t share_bytes_for(int side_px);

/* The codes, each holding at most part_bytes (longer texts in numbered
 * parts). NULL when memory is short. */
ShareSet *share_build(const Plan *plan, const Catalog *cat, int64_t now, size_t part_bytes);
void share_destroy(ShareSet *set);

/* Cuts text into pieces of at most max bytes that, put back together,
 * give the text again: at blank lines where it can, else at line ends,
 * else at spaces (a cut that leaves a piece less than half full goes to
 * the next of these), never inside a character. Returns the count; the cut
 * points go to ends[] (at most cap of them). */
int share_split(const char *text, size_t max, size_t *ends, int cap);

#endif
