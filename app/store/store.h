/* store: the plan on disk (sqlite3; the only module that includes it).
 *
 * One database file holds the meetings of this device. Every completed
 * user action is one transaction that appends the whole plan, as a plan
 * file document, to the meeting's history; undo and redo move a cursor in
 * that history, so they survive a restart and can never drift from what
 * was stored. WAL with synchronous=FULL: a committed action survives a
 * power cut. A Store owns its connection; Plans it returns are the
 * caller's. */
#ifndef KRING_STORE_H
#define KRING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan.h"

typedef struct Store Store;

typedef enum StoreStatus {
    STORE_OK = 0,
    STORE_ERROR,    /* see store_message() */
} StoreStatus;

/* Opens (creating if needed) the database at path and brings its schema
 * up to date. NULL with a reason in err on failure. */
Store *store_open(const char *path, char *err, size_t errlen);
void store_close(Store *st);

/* The last failure in plain words. */
const char *store_message(const Store *st);

/* Starts a meeting whose history begins with `plan`; *meeting gets its id. */
StoreStatus store_meeting_create(Store *st, const Plan *plan, int64_t now,
                                 int64_t *meeting);

/* The most recently used open meeting, or 0 when there is none. */
int64_t store_meeting_latest(Store *st);

/* The plan at the meeting's history cursor (caller destroys), or NULL. */
Plan *store_meeting_load(Store *st, int64_t meeting);

/* Appends `plan` as the meeting's newest state (dropping anything that
 * could have been redone). One durable transaction. */
StoreStatus store_commit(Store *st, int64_t meeting, const Plan *plan, int64_t now);

/* Moves the cursor one step back or forward and returns that plan (caller
 * destroys), or NULL when there is nothing to undo or redo. */
Plan *store_undo(Store *st, int64_t meeting);
Plan *store_redo(Store *st, int64_t meeting);
bool store_can_undo(Store *st, int64_t meeting);
bool store_can_redo(Store *st, int64_t meeting);

#endif
