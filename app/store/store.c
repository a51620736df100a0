/* store: schema, migrations and the history of each meeting. */
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/planfile.h"

struct Store {
    sqlite3 *db;
    char msg[256];
};

/* Each entry migrates from user_version i to i + 1. */
static const char *const migrations[] = {
    "CREATE TABLE meeting ("
    "  id INTEGER PRIMARY KEY,"
    "  created INTEGER NOT NULL,"
    "  used INTEGER NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'open',"
    "  cursor INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE history ("
    "  meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  plan TEXT NOT NULL,"
    "  PRIMARY KEY (meeting, seq)) WITHOUT ROWID;",
    "CREATE TABLE setting ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL) WITHOUT ROWID;",
};
enum { SCHEMA_VERSION = sizeof migrations / sizeof migrations[0] };

/* "KRNG": marks the file as Kring's (PRAGMA application_id). */
#define KRING_APP_ID 0x4B524E47

static StoreStatus fail(Store *st, const char *what)
{
    snprintf(st->msg, sizeof st->msg, "%s: %s", what, sqlite3_errmsg(st->db));
    return STORE_ERROR;
}

const char *store_message(const Store *st)
{
    return st->msg;
}

static int exec(Store *st, const char *sql)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static int64_t query_int(Store *st, const char *sql, int64_t a, int64_t fallback)
{
    sqlite3_stmt *s;
    int64_t v = fallback;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return fallback;
    if (sqlite3_bind_parameter_count(s) > 0)
        sqlite3_bind_int64(s, 1, a);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static StoreStatus migrate(Store *st)
{
    int64_t version = query_int(st, "PRAGMA user_version", 0, -1);
    if (version < 0)
        return fail(st, "could not read the database version");
    for (int64_t v = version; v < SCHEMA_VERSION; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %lld", (long long)v + 1);
        if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK || exec(st, migrations[v]) != SQLITE_OK ||
            exec(st, bump) != SQLITE_OK || exec(st, "COMMIT") != SQLITE_OK) {
            StoreStatus r = fail(st, "could not update the database");
            exec(st, "ROLLBACK");
            return r;
        }
    }
    char id[64];
    snprintf(id, sizeof id, "PRAGMA application_id = %d", KRING_APP_ID);
    if (exec(st, id) != SQLITE_OK)
        return fail(st, "could not mark the database");
    return STORE_OK;
}

static bool file_has_content(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && sb.st_size > 0;
}

/* True for the errors that say the bytes themselves are wrong, as
 * opposed to a disk that cannot be read or written right now. */
static bool is_damage(int code)
{
    code &= 0xFF;
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == SQLITE_FORMAT;
}

/* Looks at an existing file on a read-only connection, so that a file
 * which is not ours is never written to. Only bytes that are wrong count
 * as damage; a full, read-only or missing disk is "unreachable" and the
 * file stays where it is. */
static StoreOpen inspect(const char *path, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    StoreOpen r = STORE_OPENED;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return STORE_UNREACHABLE;
    }
    Store probe = { .db = db };
    int64_t app = query_int(&probe, "PRAGMA application_id", 0, -1);
    int64_t version = app < 0 ? -1 : query_int(&probe, "PRAGMA user_version", 0, -1);
    int64_t tables = version < 0 ? -1 : query_int(&probe, "SELECT count(*) FROM sqlite_master", 0, -1);
    if (app < 0 || version < 0 || tables < 0) {
        int code = sqlite3_extended_errcode(db);
        snprintf(err, errlen, "%s %s (%s)", path,
                 is_damage(code) ? "is not a database Kring can read" : "cannot be read now",
                 sqlite3_errmsg(db));
        r = is_damage(code) ? STORE_DAMAGED : STORE_UNREACHABLE;
    } else if (app != KRING_APP_ID && (tables > 0 || version > 0)) {
        snprintf(err, errlen, "%s belongs to another program", path);
        r = STORE_FOREIGN;
    } else if (version > SCHEMA_VERSION) {
        snprintf(err, errlen, "%s was made by a newer Kring (version %lld)", path,
                 (long long)version);
        r = STORE_NEWER;
    } else {
        sqlite3_stmt *s = NULL;
        const char *result = NULL;
        int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            result = (const char *)sqlite3_column_text(s, 0);
        if (rc == SQLITE_ROW && result && strcmp(result, "ok") != 0) {
            snprintf(err, errlen, "%s is damaged (%s)", path, result);
            r = STORE_DAMAGED;
        } else if (rc != SQLITE_ROW) {
            int code = sqlite3_extended_errcode(db);
            snprintf(err, errlen, "%s %s (%s)", path,
                     is_damage(code) ? "is damaged" : "cannot be read now", sqlite3_errmsg(db));
            r = is_damage(code) ? STORE_DAMAGED : STORE_UNREACHABLE;
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return r;
}

/* Tables this version of Kring needs; a file that says it is ours but
 * lacks them is damaged. */
static bool schema_complete(Store *st)
{
    return query_int(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                         "name IN ('meeting', 'history')", 0, 0) == 2;
}

Store *store_open(const char *path, StoreOpen *why, char *err, size_t errlen)
{
    StoreOpen dummy;
    if (!why)
        why = &dummy;
    *why = STORE_OPENED;
    if (file_has_content(path)) {
        *why = inspect(path, err, errlen);
        if (*why != STORE_OPENED)
            return NULL;
    }
    Store *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 2000);
    if (exec(st, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
        exec(st, "PRAGMA synchronous=FULL") != SQLITE_OK ||
        exec(st, "PRAGMA foreign_keys=ON") != SQLITE_OK ||
        exec(st, "PRAGMA secure_delete=ON") != SQLITE_OK ||
        exec(st, "PRAGMA temp_store=MEMORY") != SQLITE_OK || migrate(st) != STORE_OK) {
        snprintf(err, errlen, "%s: %s", path, st->msg[0] ? st->msg : sqlite3_errmsg(st->db));
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    if (!schema_complete(st)) {
        snprintf(err, errlen, "%s is damaged (tables are missing)", path);
        store_close(st);
        *why = STORE_DAMAGED;
        return NULL;
    }
    return st;
}

int store_set_aside(const char *path, int64_t now, char *moved_to, size_t n, char *err,
                    size_t errlen)
{
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char target[4200];
    snprintf(target, sizeof target, "%s.damaged-%s", path, stamp);
    for (int k = 2; access(target, F_OK) == 0 && k < 100; k++)
        snprintf(target, sizeof target, "%s.damaged-%s-%d", path, stamp, k);
    if (access(target, F_OK) == 0 || rename(path, target) != 0) {
        snprintf(err, errlen, "%s could not be moved aside: %s", path, strerror(errno));
        return -1;
    }
    /* its journal files travel with it, under names sqlite would pair */
    static const char *const extra[] = { "-wal", "-shm", "-journal" };
    for (int i = 0; i < 3; i++) {
        char from[4200], to[4300];
        snprintf(from, sizeof from, "%s%s", path, extra[i]);
        snprintf(to, sizeof to, "%s%s", target, extra[i]);
        if (access(from, F_OK) == 0 && rename(from, to) != 0) {
            snprintf(err, errlen, "%s could not be moved aside: %s", from, strerror(errno));
            return -1;
        }
    }
    snprintf(moved_to, n, "%s", target);
    return 0;
}

void store_close(Store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    free(st);
}

/* Appends a history row after the cursor and moves the cursor onto it,
 * inside the caller's transaction. */
static StoreStatus append(Store *st, int64_t meeting, const Plan *plan, int64_t now)
{
    char *json = planfile_format(plan);
    if (!json) {
        snprintf(st->msg, sizeof st->msg, "out of memory");
        return STORE_ERROR;
    }
    int64_t cursor = query_int(st, "SELECT cursor FROM meeting WHERE id = ?", meeting, -1);
    StoreStatus r = STORE_OK;
    sqlite3_stmt *s = NULL;
    if (cursor < 0) {
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
        r = STORE_ERROR;
        goto out;
    }
    if (sqlite3_prepare_v2(st->db, "DELETE FROM history WHERE meeting = ? AND seq > ?",
                           -1, &s, NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, cursor);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto sqlfail;
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO history (meeting, seq, at, plan) VALUES (?, ?, ?, ?)",
                           -1, &s, NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, cursor + 1);
    sqlite3_bind_int64(s, 3, now);
    sqlite3_bind_text(s, 4, json, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto sqlfail;
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(st->db, "UPDATE meeting SET cursor = ?, used = ? WHERE id = ?",
                           -1, &s, NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_int64(s, 1, cursor + 1);
    sqlite3_bind_int64(s, 2, now);
    sqlite3_bind_int64(s, 3, meeting);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto sqlfail;
    goto out;
sqlfail:
    r = fail(st, "could not store the change");
out:
    sqlite3_finalize(s);
    free(json);
    return r;
}

static StoreStatus in_transaction(Store *st, int64_t meeting, const Plan *plan,
                                  int64_t now, bool create, int64_t *out_id)
{
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return fail(st, "could not store the change");
    StoreStatus r = STORE_OK;
    if (create) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(st->db,
                               "INSERT INTO meeting (created, used, cursor) VALUES (?, ?, 0)",
                               -1, &s, NULL) != SQLITE_OK) {
            r = fail(st, "could not start the meeting");
        } else {
            sqlite3_bind_int64(s, 1, now);
            sqlite3_bind_int64(s, 2, now);
            if (sqlite3_step(s) != SQLITE_DONE)
                r = fail(st, "could not start the meeting");
            sqlite3_finalize(s);
            meeting = sqlite3_last_insert_rowid(st->db);
        }
    }
    if (r == STORE_OK)
        r = append(st, meeting, plan, now);
    if (r == STORE_OK && exec(st, "COMMIT") != SQLITE_OK)
        r = fail(st, "could not store the change");
    if (r != STORE_OK)
        exec(st, "ROLLBACK");
    else if (out_id)
        *out_id = meeting;
    return r;
}

StoreStatus store_meeting_create(Store *st, const Plan *plan, int64_t now, int64_t *meeting)
{
    return in_transaction(st, 0, plan, now, true, meeting);
}

StoreStatus store_commit(Store *st, int64_t meeting, const Plan *plan, int64_t now)
{
    return in_transaction(st, meeting, plan, now, false, NULL);
}

int64_t store_meeting_latest(Store *st)
{
    return query_int(st, "SELECT id FROM meeting WHERE state = 'open' "
                         "ORDER BY used DESC, id DESC LIMIT 1", 0, 0);
}

static Plan *load_seq(Store *st, int64_t meeting, int64_t seq)
{
    sqlite3_stmt *s;
    Plan *plan = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT plan FROM history WHERE meeting = ? AND seq = ?",
                           -1, &s, NULL) != SQLITE_OK) {
        fail(st, "could not read the meeting");
        return NULL;
    }
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, seq);
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(s, 0);
        int n = sqlite3_column_bytes(s, 0);
        char err[200];
        plan = planfile_parse(text ? text : "", (size_t)n, err, sizeof err);
        if (!plan)
            snprintf(st->msg, sizeof st->msg, "a stored plan could not be read: %s", err);
    } else {
        snprintf(st->msg, sizeof st->msg, "the meeting has no stored plan");
    }
    sqlite3_finalize(s);
    return plan;
}

static int64_t cursor_of(Store *st, int64_t meeting)
{
    return query_int(st, "SELECT cursor FROM meeting WHERE id = ?", meeting, -1);
}

static int64_t last_seq(Store *st, int64_t meeting)
{
    return query_int(st, "SELECT max(seq) FROM history WHERE meeting = ?", meeting, 0);
}

Plan *store_meeting_load(Store *st, int64_t meeting)
{
    int64_t cursor = cursor_of(st, meeting);
    if (cursor < 1) {
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
        return NULL;
    }
    return load_seq(st, meeting, cursor);
}

static Plan *move_cursor(Store *st, int64_t meeting, int64_t to)
{
    Plan *plan = load_seq(st, meeting, to);
    if (!plan)
        return NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "UPDATE meeting SET cursor = ? WHERE id = ?", -1, &s,
                           NULL) != SQLITE_OK) {
        fail(st, "could not store the undo");
        plan_destroy(plan);
        return NULL;
    }
    sqlite3_bind_int64(s, 1, to);
    sqlite3_bind_int64(s, 2, meeting);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        fail(st, "could not store the undo");
        plan_destroy(plan);
        return NULL;
    }
    return plan;
}

bool store_can_undo(Store *st, int64_t meeting)
{
    return cursor_of(st, meeting) > 1;
}

bool store_can_redo(Store *st, int64_t meeting)
{
    int64_t c = cursor_of(st, meeting);
    return c >= 1 && c < last_seq(st, meeting);
}

Plan *store_undo(Store *st, int64_t meeting)
{
    return store_can_undo(st, meeting) ? move_cursor(st, meeting, cursor_of(st, meeting) - 1)
                                       : NULL;
}

Plan *store_redo(Store *st, int64_t meeting)
{
    return store_can_redo(st, meeting) ? move_cursor(st, meeting, cursor_of(st, meeting) + 1)
                                       : NULL;
}

int64_t store_meeting_cursor(Store *st, int64_t meeting)
{
    return cursor_of(st, meeting);
}

int store_meetings(Store *st, MeetingInfo *out, int max)
{
    sqlite3_stmt *s;
    int n = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, created, used, state, "
                           "(SELECT count(*) FROM history h WHERE h.meeting = m.id) "
                           "FROM meeting m ORDER BY used DESC, id DESC",
                           -1, &s, NULL) != SQLITE_OK) {
        fail(st, "could not list the meetings");
        return 0;
    }
    while (n < max && sqlite3_step(s) == SQLITE_ROW) {
        const char *state = (const char *)sqlite3_column_text(s, 3);
        out[n++] = (MeetingInfo){
            .id = sqlite3_column_int64(s, 0),
            .created = sqlite3_column_int64(s, 1),
            .used = sqlite3_column_int64(s, 2),
            .state = state && strcmp(state, "kept") == 0 ? MEETING_KEPT : MEETING_OPEN,
            .steps = sqlite3_column_int64(s, 4),
        };
    }
    sqlite3_finalize(s);
    return n;
}

StoreStatus store_meeting_keep(Store *st, int64_t meeting, bool keep)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "UPDATE meeting SET state = ? WHERE id = ?", -1, &s,
                           NULL) != SQLITE_OK)
        return fail(st, "could not keep the meeting");
    sqlite3_bind_text(s, 1, keep ? "kept" : "open", -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, meeting);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return fail(st, "could not keep the meeting");
    if (sqlite3_changes(st->db) == 0) {
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
        return STORE_ERROR;
    }
    return STORE_OK;
}

StoreStatus store_meeting_close(Store *st, int64_t meeting)
{
    sqlite3_stmt *s;
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return fail(st, "could not close the meeting");
    static const char *const sql[] = {
        "DELETE FROM history WHERE meeting = ?",
        "DELETE FROM meeting WHERE id = ?",
    };
    for (int i = 0; i < 2; i++) {
        if (sqlite3_prepare_v2(st->db, sql[i], -1, &s, NULL) != SQLITE_OK) {
            StoreStatus r = fail(st, "could not close the meeting");
            exec(st, "ROLLBACK");
            return r;
        }
        sqlite3_bind_int64(s, 1, meeting);
        int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) {
            StoreStatus r = fail(st, "could not close the meeting");
            exec(st, "ROLLBACK");
            return r;
        }
    }
    if (exec(st, "COMMIT") != SQLITE_OK) {
        StoreStatus r = fail(st, "could not close the meeting");
        exec(st, "ROLLBACK");
        return r;
    }
    /* The rows are gone and secure_delete zeroed their pages; now move
     * everything out of the WAL, rebuild the file without free pages, and
     * empty the WAL again (VACUUM itself writes through it). */
    if (exec(st, "PRAGMA wal_checkpoint(TRUNCATE)") != SQLITE_OK ||
        exec(st, "VACUUM") != SQLITE_OK ||
        exec(st, "PRAGMA wal_checkpoint(TRUNCATE)") != SQLITE_OK)
        return fail(st, "the meeting is closed, but its space could not be wiped yet");
    return STORE_OK;
}

bool store_integrity_ok(Store *st)
{
    sqlite3_stmt *s;
    bool ok = false;
    if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(s, 0);
        ok = r && strcmp(r, "ok") == 0;
    }
    sqlite3_finalize(s);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Settings                                                             */
/* ------------------------------------------------------------------ */

bool store_setting(Store *st, const char *key, char *value, size_t n)
{
    sqlite3_stmt *s;
    bool found = false;
    if (n)
        value[0] = '\0';
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM setting WHERE key = ?", -1, &s, NULL) !=
        SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(s, 0);
        if (v && n) {
            snprintf(value, n, "%s", (const char *)v);
            found = true;
        }
    }
    sqlite3_finalize(s);
    return found;
}

StoreStatus store_set_settings(Store *st, const char *const *pairs, int n_pairs)
{
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return fail(st, "could not store the settings");
    sqlite3_stmt *s = NULL;
    StoreStatus r = STORE_OK;
    if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           -1, &s, NULL) != SQLITE_OK)
        r = fail(st, "could not store the settings");
    for (int i = 0; r == STORE_OK && i < n_pairs; i++) {
        sqlite3_bind_text(s, 1, pairs[2 * i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, pairs[2 * i + 1], -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            r = fail(st, "could not store the settings");
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    if (r == STORE_OK && exec(st, "COMMIT") != SQLITE_OK)
        r = fail(st, "could not store the settings");
    if (r != STORE_OK)
        exec(st, "ROLLBACK");
    return r;
}
