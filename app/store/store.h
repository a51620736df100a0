/* store: the plan on disk (sqlite3; the only module that includes it).
 *
 * One database file holds the meetings of this device. Every completed
 * user action is one transaction that appends the whole plan, as a plan
 * file document, to the meeting's history; undo and redo move a cursor in
 * that history, so they survive a restart and can never drift from what
 * was stored. WAL with synchronous=FULL: a committed action survives a
 * power cut. Closing a meeting erases it from the file, its WAL and any
 * temporary file (secure_delete, checkpoint, VACUUM; temp_store=MEMORY).
 *
 * Every meeting's text is sealed (libsodium, XChaCha20-Poly1305) with a
 * random key of its own, so no plan is ever written in the clear. The key
 * is stored wrapped: with the device key (PATH.key, 0600, beside the
 * database) while the meeting goes on, so Kring comes back after a power
 * cut; with a key from the facilitator's PIN only, once the meeting is
 * kept for its evaluation. Closing a meeting deletes its key with it.
 *
 * A Store owns its connection; Plans it returns are the caller's. */
#ifndef KRING_STORE_H
#define KRING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan.h"

typedef struct Store Store;

typedef enum StoreStatus {
    STORE_OK = 0,
    STORE_ERROR, /* see store_message() */
    STORE_FULL,  /* the plan is larger than a plan may be (PLAN_BYTES_MAX): not stored */
} StoreStatus;

/* Why a database could not be opened. */
typedef enum StoreOpen {
    STORE_OPENED,
    STORE_DAMAGED,     /* not a database, truncated or corrupt */
    STORE_FOREIGN,     /* a database of another program */
    STORE_NEWER,       /* made by a newer Kring */
    STORE_UNREACHABLE, /* cannot be opened or created at all (permissions, disk) */
} StoreOpen;

typedef enum MeetingState { MEETING_OPEN, MEETING_KEPT } MeetingState;

typedef struct MeetingInfo {
    int64_t id;
    int64_t created, used; /* seconds since 1970 */
    MeetingState state;
    int64_t steps;      /* actions in its history */
    int64_t kept_until; /* a kept meeting is erased after this; 0: no date */
} MeetingInfo;

/* Routes SQLite's allocations through Kring's counter (core/mem.h), so
 * tests can make them fail. Before anything else touches SQLite; false
 * when too late. */
bool store_count_memory(void);

/* Opens (creating if needed) the database at path and brings its schema
 * up to date. A file that turns out damaged, foreign or newer is looked
 * at read-only and never changed. NULL with *why and a reason in err on
 * failure. */
Store *store_open(const char *path, StoreOpen *why, char *err, size_t errlen);
void store_close(Store *st);

/* Moves a database that could not be opened, with its -wal and -shm
 * files, aside as PATH.damaged-YYYYMMDD-HHMMSS (never deleting anything).
 * The new name of the main file goes to moved_to. 0 on success. */
int store_set_aside(const char *path, int64_t now, char *moved_to, size_t n, char *err,
                    size_t errlen);

/* The last failure in plain words. */
const char *store_message(const Store *st);

/* Starts a meeting whose history begins with `plan`; *meeting gets its id. */
StoreStatus store_meeting_create(Store *st, const Plan *plan, int64_t now, int64_t *meeting);

/* The most recently used open meeting, or 0 when there is none. */
int64_t store_meeting_latest(Store *st);

/* Up to max meetings, most recently used first; returns how many. */
int store_meetings(Store *st, MeetingInfo *out, int max);

/* The plan at the meeting's history cursor (caller destroys), or NULL
 * (also for a kept meeting: that takes the PIN). */
Plan *store_meeting_load(Store *st, int64_t meeting);

enum { STORE_KEK_BYTES = 32 };

/* Keeps a meeting for the evaluation until `until` (seconds since 1970):
 * its key is wrapped with kek (from the facilitator's PIN, pin_key()) and
 * the device's copy is deleted. */
StoreStatus store_meeting_keep(Store *st, int64_t meeting, const unsigned char *kek, int64_t until);
/* Opens a kept meeting again with the PIN's kek. */
StoreStatus store_meeting_reopen(Store *st, int64_t meeting, const unsigned char *kek);
/* A kept (or open) meeting's plan, read with the PIN's kek, without
 * opening it (caller destroys), or NULL. */
Plan *store_meeting_peek(Store *st, int64_t meeting, const unsigned char *kek);
/* A new PIN: every kept meeting's key wrapped again, from old to new kek,
 * and the settings pairs (key, value; n_pairs of them) stored, in one
 * transaction. */
StoreStatus store_rekey_kept(Store *st, const unsigned char *old_kek, const unsigned char *new_kek,
                             const char *const *pairs, int n_pairs);
/* Closes every kept meeting whose date has passed (however many); how
 * many, or -1. */
int store_expire(Store *st, int64_t now);

/* Closes a meeting: erases its every trace from the database file and
 * its WAL. */
StoreStatus store_meeting_close(Store *st, int64_t meeting);

/* Appends `plan` as the meeting's newest state (dropping anything that
 * could have been redone). One durable transaction. STORE_FULL, and
 * nothing stored, when the plan is larger than PLAN_BYTES_MAX. */
StoreStatus store_commit(Store *st, int64_t meeting, const Plan *plan, int64_t now);

/* Moves the cursor one step back or forward and returns that plan (caller
 * destroys), or NULL when there is nothing to undo or redo. */
Plan *store_undo(Store *st, int64_t meeting);
Plan *store_redo(Store *st, int64_t meeting);
bool store_can_undo(Store *st, int64_t meeting);
bool store_can_redo(Store *st, int64_t meeting);
/* The two halves of store_undo (redo: store_redo), for a caller that
 * decides between them: the plan the step would bring, without moving the
 * cursor (caller destroys; NULL when there is none or it cannot be read),
 * then moving the cursor onto it. */
Plan *store_meeting_peek_step(Store *st, int64_t meeting, bool redo);
StoreStatus store_meeting_take_step(Store *st, int64_t meeting, bool redo);

/* The step the meeting's cursor is on (1 = as it was created), or -1. */
int64_t store_meeting_cursor(Store *st, int64_t meeting);

/* True when sqlite's full integrity check finds nothing wrong. */
bool store_integrity_ok(Store *st);

/* Device settings (the facilitator's PIN, printer, language...): text
 * values under short keys. store_setting copies the value of key into
 * value (cut to n bytes); false when there is none. store_set_settings
 * stores n_pairs key/value pairs in one transaction. */
bool store_setting(Store *st, const char *key, char *value, size_t n);
StoreStatus store_set_settings(Store *st, const char *const *pairs, int n_pairs);

#endif
