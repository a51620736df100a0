/* store: schema, migrations and the history of each meeting. */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
};
enum { SCHEMA_VERSION = sizeof migrations / sizeof migrations[0] };

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
    if (version > SCHEMA_VERSION) {
        snprintf(st->msg, sizeof st->msg,
                 "the database was made by a newer Kring (version %lld)", (long long)version);
        return STORE_ERROR;
    }
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
    return STORE_OK;
}

Store *store_open(const char *path, char *err, size_t errlen)
{
    Store *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
        store_close(st);
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 2000);
    if (exec(st, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
        exec(st, "PRAGMA synchronous=FULL") != SQLITE_OK ||
        exec(st, "PRAGMA foreign_keys=ON") != SQLITE_OK ||
        exec(st, "PRAGMA secure_delete=ON") != SQLITE_OK ||
        migrate(st) != STORE_OK) {
        snprintf(err, errlen, "%s: %s", path,
                 st->msg[0] ? st->msg : sqlite3_errmsg(st->db));
        store_close(st);
        return NULL;
    }
    return st;
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
