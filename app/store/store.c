/* store: schema, migrations and the history of each meeting. */
#include "store/store.h"

#include "core/mem.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>

#include "core/planfile.h"

enum {
    KEY_BYTES = 32,
    NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
    TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES,
    WRAPPED = NONCE + KEY_BYTES + TAG
};

/* FULL: a commit's WAL frames are synced before it is told (a power cut
 * loses nothing confirmed). Only the power-cut test builds a copy with
 * NORMAL, to show its simulation does lose data then. */
#ifndef KRING_SYNCHRONOUS
#define KRING_SYNCHRONOUS "FULL"
#endif

struct Store {
    sqlite3 *db;
    int slots;           /* the key slots file (PATH.slots), open for reading and writing */
    char key_path[4200]; /* the device key's file (PATH.key) */
    char msg[256];
    unsigned char *keys;   /* sodium-locked: the device key, then the cached meeting key */
    int64_t keyed_meeting; /* whose key is cached; 0: none */
};

#define DEVICE_KEY(st) ((st)->keys)
#define MEETING_KEY(st) ((st)->keys + KEY_BYTES)

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
    /* each meeting's text sealed with its own key (store.h) */
    "ALTER TABLE meeting ADD COLUMN key_dev BLOB;"
    "ALTER TABLE meeting ADD COLUMN key_pin BLOB;"
    "ALTER TABLE meeting ADD COLUMN kept_until INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE history ADD COLUMN sealed BLOB;",
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
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) return fallback;
    if (sqlite3_bind_parameter_count(s) > 0) sqlite3_bind_int64(s, 1, a);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* ------------------------------------------------------------------ */
/* Keys: every meeting's text is sealed with a key of its own           */
/* ------------------------------------------------------------------ */

/* Seals n bytes of msg with key: out gets nonce | ciphertext | tag
 * (n + NONCE + TAG bytes). ad binds the result to where it is stored. */
static void seal(unsigned char *out, const unsigned char *msg, size_t n, const char *ad,
                 const unsigned char *key)
{
    randombytes_buf(out, NONCE);
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE, NULL, msg, n, (const unsigned char *)ad,
                                               strlen(ad), NULL, out, key);
}

/* Opens what seal() made; false when it was changed or the key is wrong. */
static bool unseal(unsigned char *out, const unsigned char *in, size_t n, const char *ad,
                   const unsigned char *key)
{
    if (n < NONCE + TAG) return false;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(out, NULL, NULL, in + NONCE, n - NONCE,
                                                      (const unsigned char *)ad, strlen(ad), in,
                                                      key) == 0;
}

static void key_ad(char *ad, size_t n, const char *kind, int64_t meeting)
{
    snprintf(ad, n, "kring %s key of meeting %lld", kind, (long long)meeting);
}

/* The directory a path lies in, synced, so that a file just made there
 * survives a power cut on any file system. */
static void sync_dir(const char *path)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

static const char key_magic[8] = {'K', 'R', 'N', 'G', 'K', 'E', 'Y', '1'};

/* The device key: 32 random bytes in PATH.key (0600), made at the first
 * start. A key file that is not one is set aside, never overwritten. */
static bool device_key(Store *st, const char *db_path, char *err, size_t errlen)
{
    const char *magic = key_magic;
    char *path = st->key_path;
    snprintf(path, sizeof st->key_path, "%s.key", db_path);
    unsigned char buf[sizeof key_magic + KEY_BYTES + 1];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof buf);
        close(fd);
        if (n == (ssize_t)(sizeof key_magic + KEY_BYTES) &&
            memcmp(buf, magic, sizeof key_magic) == 0) {
            memcpy(DEVICE_KEY(st), buf + sizeof key_magic, KEY_BYTES);
            sodium_memzero(buf, sizeof buf);
            return true;
        }
        char aside[4300];
        snprintf(aside, sizeof aside, "%s.damaged-%lld", path, (long long)time(NULL));
        if (rename(path, aside) != 0) {
            snprintf(err, errlen, "%s is not a key and could not be moved aside: %s", path,
                     strerror(errno));
            return false;
        }
        fprintf(stderr, "kring: %s was not a key; it was moved aside to %s\n", path, aside);
    } else if (errno != ENOENT) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    memcpy(buf, magic, sizeof key_magic);
    randombytes_buf(buf + sizeof key_magic, KEY_BYTES);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok =
        fd >= 0 &&
        write(fd, buf, sizeof key_magic + KEY_BYTES) == (ssize_t)(sizeof key_magic + KEY_BYTES) &&
        fsync(fd) == 0;
    int e = errno;
    if (fd >= 0) close(fd);
    if (!ok) {
        unlink(path);
        snprintf(err, errlen, "%s could not be made: %s", path, strerror(e));
        sodium_memzero(buf, sizeof buf);
        return false;
    }
    sync_dir(path);
    memcpy(DEVICE_KEY(st), buf + sizeof key_magic, KEY_BYTES);
    sodium_memzero(buf, sizeof buf);
    return true;
}

/* ---- the key slots: each open meeting's key, wrapped with the device key,
 * in a small file of its own that is overwritten in place (never in the
 * database, whose WAL leaves old copies in freed blocks). A slot is the
 * meeting's id (8 bytes, little-endian; 0 for a free slot) and its wrapped
 * key, SLOT_BYTES in all, after a head of SLOTS_HEAD bytes. ---- */

enum { SLOTS_HEAD = 16, SLOT_BYTES = 128, SLOT_KEY_AT = 8 };
static const char slots_magic[8] = {'K', 'R', 'N', 'G', 'S', 'L', 'T', '1'};

static bool slots_open(Store *st, const char *db_path, char *err, size_t errlen)
{
    char path[4200];
    snprintf(path, sizeof path, "%s.slots", db_path);
    bool made = access(path, F_OK) != 0;
    st->slots = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (st->slots < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    unsigned char head[SLOTS_HEAD] = {0};
    ssize_t n = pread(st->slots, head, SLOTS_HEAD, 0);
    if (n == 0) { /* new */
        memcpy(head, slots_magic, sizeof slots_magic);
        if (pwrite(st->slots, head, SLOTS_HEAD, 0) != SLOTS_HEAD || fsync(st->slots) != 0) {
            snprintf(err, errlen, "%s could not be made: %s", path, strerror(errno));
            return false;
        }
        if (made) sync_dir(path);
        return true;
    }
    if (n != SLOTS_HEAD || memcmp(head, slots_magic, sizeof slots_magic) != 0) {
        snprintf(err, errlen, "%s is not Kring's key slots file", path);
        return false;
    }
    return true;
}

static int slot_count(Store *st)
{
    struct stat sb;
    if (fstat(st->slots, &sb) != 0 || sb.st_size < SLOTS_HEAD) return 0;
    return (int)((sb.st_size - SLOTS_HEAD) / SLOT_BYTES);
}

/* Reads slot i into slot; false past the end or on a failed read. */
static bool slot_read(Store *st, int i, unsigned char *slot)
{
    return pread(st->slots, slot, SLOT_BYTES, SLOTS_HEAD + (off_t)i * SLOT_BYTES) == SLOT_BYTES;
}

static int64_t slot_id(const unsigned char *slot)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | slot[i];
    return (int64_t)v;
}

/* The index of the meeting's slot (meeting 0: a free one), or -1. */
static int slot_find(Store *st, int64_t meeting, unsigned char *slot)
{
    int n = slot_count(st);
    for (int i = 0; i < n; i++)
        if (slot_read(st, i, slot) && slot_id(slot) == meeting) return i;
    return -1;
}

static StoreStatus slot_write(Store *st, int index, const unsigned char *slot)
{
    if (pwrite(st->slots, slot, SLOT_BYTES, SLOTS_HEAD + (off_t)index * SLOT_BYTES) != SLOT_BYTES ||
        fdatasync(st->slots) != 0) {
        snprintf(st->msg, sizeof st->msg, "could not store the meeting's key: %s", strerror(errno));
        return STORE_ERROR;
    }
    return STORE_OK;
}

/* Puts the meeting's key, wrapped with the device key, in its slot (or a
 * free one, or a new one at the end). */
static StoreStatus slot_put(Store *st, int64_t meeting, const unsigned char *key)
{
    unsigned char slot[SLOT_BYTES];
    int i = slot_find(st, meeting, slot);
    if (i < 0) i = slot_find(st, 0, slot);
    if (i < 0) i = slot_count(st);
    memset(slot, 0, sizeof slot);
    for (int b = 0; b < 8; b++)
        slot[b] = (unsigned char)((uint64_t)meeting >> (8 * b));
    char ad[80];
    key_ad(ad, sizeof ad, "key_dev", meeting);
    seal(slot + SLOT_KEY_AT, key, KEY_BYTES, ad, DEVICE_KEY(st));
    return slot_write(st, i, slot);
}

/* Overwrites the meeting's slot with zeros, in place. */
static StoreStatus slot_wipe(Store *st, int64_t meeting)
{
    unsigned char slot[SLOT_BYTES];
    for (int i; (i = slot_find(st, meeting, slot)) >= 0;) {
        memset(slot, 0, sizeof slot);
        if (slot_write(st, i, slot) != STORE_OK) return STORE_ERROR;
    }
    return STORE_OK;
}

/* Whether the meeting's key is in a slot; its wrapped form into blob. */
static bool slot_get(Store *st, int64_t meeting, unsigned char *blob)
{
    unsigned char slot[SLOT_BYTES];
    if (meeting <= 0 || slot_find(st, meeting, slot) < 0) return false;
    memcpy(blob, slot + SLOT_KEY_AT, WRAPPED);
    return true;
}

/* Meetings with a key in a slot. */
static int slots_used(Store *st)
{
    unsigned char slot[SLOT_BYTES];
    int n = slot_count(st), used = 0;
    for (int i = 0; i < n; i++)
        used += slot_read(st, i, slot) && slot_id(slot) != 0;
    return used;
}

/* A new device key, written over the old one in place, when no meeting
 * has a key in a slot: whatever old copies a card keeps of wrapped keys
 * then fit no key on it. */
static void rotate_device_key(Store *st)
{
    if (slots_used(st) != 0) return;
    unsigned char buf[sizeof key_magic + KEY_BYTES];
    memcpy(buf, key_magic, sizeof key_magic);
    randombytes_buf(buf + sizeof key_magic, KEY_BYTES);
    int fd = open(st->key_path, O_WRONLY | O_CLOEXEC);
    if (fd >= 0 && pwrite(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf && fsync(fd) == 0)
        memcpy(DEVICE_KEY(st), buf + sizeof key_magic, KEY_BYTES);
    else
        fprintf(stderr, "kring: the device key could not be renewed: %s\n", strerror(errno));
    if (fd >= 0) close(fd);
    sodium_memzero(buf, sizeof buf);
}

/* The wrapped key of a meeting, unwrapped with kek into out: "key_dev"
 * from its slot, "key_pin" from the database. */
static StoreStatus unwrap_key(Store *st, int64_t meeting, const char *col, const unsigned char *kek,
                              unsigned char *out)
{
    bool dev = !strcmp(col, "key_dev");
    char ad[80];
    key_ad(ad, sizeof ad, col, meeting);
    if (dev) {
        unsigned char blob[WRAPPED];
        if (query_int(st, "SELECT count(*) FROM meeting WHERE id = ?", meeting, 0) != 1) {
            snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
            return STORE_ERROR;
        }
        if (!slot_get(st, meeting, blob)) {
            snprintf(st->msg, sizeof st->msg,
                     "the meeting is kept: it opens only with the facilitator's PIN");
            return STORE_ERROR;
        }
        if (!unseal(out, blob, WRAPPED, ad, kek)) {
            snprintf(st->msg, sizeof st->msg, "the meeting's key does not fit this device's key");
            return STORE_ERROR;
        }
        return STORE_OK;
    }
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT key_pin FROM meeting WHERE id = ?", -1, &s, NULL) !=
        SQLITE_OK)
        return fail(st, "could not read the meeting");
    sqlite3_bind_int64(s, 1, meeting);
    StoreStatus r = STORE_ERROR;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW)
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
    else if (sqlite3_column_type(s, 0) != SQLITE_BLOB)
        snprintf(st->msg, sizeof st->msg, "the meeting is not kept");
    else if (sqlite3_column_bytes(s, 0) != WRAPPED ||
             !unseal(out, sqlite3_column_blob(s, 0), WRAPPED, ad, kek))
        snprintf(st->msg, sizeof st->msg, "the PIN's key does not open this meeting");
    else
        r = STORE_OK;
    sqlite3_finalize(s);
    return r;
}

/* The key of an open meeting, cached while it is the one in use. */
static StoreStatus meeting_key(Store *st, int64_t meeting)
{
    if (st->keyed_meeting == meeting) return STORE_OK;
    st->keyed_meeting = 0;
    if (unwrap_key(st, meeting, "key_dev", DEVICE_KEY(st), MEETING_KEY(st)) != STORE_OK)
        return STORE_ERROR;
    st->keyed_meeting = meeting;
    return STORE_OK;
}

static void forget_key(Store *st)
{
    sodium_memzero(MEETING_KEY(st), KEY_BYTES);
    st->keyed_meeting = 0;
}

/* Stores key wrapped with kek: "key_dev" in the meeting's slot (and no
 * PIN's wrap in the database), "key_pin" in the database (the caller
 * wipes the slot once that is committed). Inside the caller's
 * transaction. */
static StoreStatus store_wrapped(Store *st, int64_t meeting, const char *col,
                                 const unsigned char *key, const unsigned char *kek)
{
    sqlite3_stmt *s;
    bool dev = !strcmp(col, "key_dev");
    if (dev && slot_put(st, meeting, key) != STORE_OK) return STORE_ERROR;
    unsigned char blob[WRAPPED];
    char ad[80];
    key_ad(ad, sizeof ad, "key_pin", meeting);
    if (!dev) seal(blob, key, KEY_BYTES, ad, kek);
    if (sqlite3_prepare_v2(st->db, "UPDATE meeting SET key_pin = ?, key_dev = NULL WHERE id = ?",
                           -1, &s, NULL) != SQLITE_OK)
        return fail(st, "could not store the meeting's key");
    if (dev)
        sqlite3_bind_null(s, 1);
    else
        sqlite3_bind_blob(s, 1, blob, WRAPPED, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, meeting);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? STORE_OK : fail(st, "could not store the meeting's key");
}

/* secure_delete zeroed the pages of what was deleted; this moves
 * everything out of the WAL, rebuilds the file without free pages, and
 * empties the WAL again (VACUUM itself writes through it). `what` says
 * what is left undone when it fails. */
static StoreStatus wipe_space(Store *st, const char *what)
{
    if (exec(st, "PRAGMA wal_checkpoint(TRUNCATE)") != SQLITE_OK ||
        exec(st, "VACUUM") != SQLITE_OK || exec(st, "PRAGMA wal_checkpoint(TRUNCATE)") != SQLITE_OK)
        return fail(st, what);
    return STORE_OK;
}

static void plan_ad(char *ad, size_t n, int64_t meeting, int64_t seq)
{
    snprintf(ad, n, "kring plan of meeting %lld step %lld", (long long)meeting, (long long)seq);
}

static StoreStatus migrate(Store *st)
{
    int64_t version = query_int(st, "PRAGMA user_version", 0, -1);
    if (version < 0) return fail(st, "could not read the database version");
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
    if (exec(st, id) != SQLITE_OK) return fail(st, "could not mark the database");
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
    Store probe = {.db = db};
    int64_t app = query_int(&probe, "PRAGMA application_id", 0, -1);
    int64_t version = app < 0 ? -1 : query_int(&probe, "PRAGMA user_version", 0, -1);
    int64_t tables =
        version < 0 ? -1 : query_int(&probe, "SELECT count(*) FROM sqlite_master", 0, -1);
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
        if (rc == SQLITE_OK) rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) result = (const char *)sqlite3_column_text(s, 0);
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
    return query_int(st,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                     "name IN ('meeting', 'history')",
                     0, 0) == 2;
}

/* Meetings stored by a Kring before sealing: each gets its key, and its
 * history is sealed in place; then the plain text is wiped from the file
 * and its WAL. */
static StoreStatus seal_legacy(Store *st)
{
    if (query_int(st, "SELECT count(*) FROM history WHERE sealed IS NULL", 0, 0) == 0)
        return STORE_OK;
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return fail(st, "could not seal the stored meetings");
    StoreStatus r = STORE_OK;
    sqlite3_stmt *m = NULL, *h = NULL, *u = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT DISTINCT meeting FROM history WHERE sealed IS NULL", -1,
                           &m, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "SELECT seq, plan FROM history WHERE meeting = ? AND "
                           "sealed IS NULL",
                           -1, &h, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "UPDATE history SET sealed = ?, plan = '' WHERE meeting = ? "
                           "AND seq = ?",
                           -1, &u, NULL) != SQLITE_OK)
        r = fail(st, "could not seal the stored meetings");
    while (r == STORE_OK && sqlite3_step(m) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(m, 0);
        forget_key(st);
        randombytes_buf(MEETING_KEY(st), KEY_BYTES);
        r = store_wrapped(st, id, "key_dev", MEETING_KEY(st), DEVICE_KEY(st));
        st->keyed_meeting = id;
        sqlite3_reset(h);
        sqlite3_bind_int64(h, 1, id);
        while (r == STORE_OK && sqlite3_step(h) == SQLITE_ROW) {
            int64_t seq = sqlite3_column_int64(h, 0);
            int n = sqlite3_column_bytes(h, 1);
            const unsigned char *text = sqlite3_column_text(h, 1);
            unsigned char *sealed = mem_alloc((size_t)n + NONCE + TAG);
            if (!sealed) {
                snprintf(st->msg, sizeof st->msg, "out of memory");
                r = STORE_ERROR;
                break;
            }
            char ad[96];
            plan_ad(ad, sizeof ad, id, seq);
            seal(sealed, text ? text : (const unsigned char *)"", (size_t)n, ad, MEETING_KEY(st));
            sqlite3_reset(u);
            sqlite3_bind_blob(u, 1, sealed, n + NONCE + TAG, SQLITE_TRANSIENT);
            sqlite3_bind_int64(u, 2, id);
            sqlite3_bind_int64(u, 3, seq);
            if (sqlite3_step(u) != SQLITE_DONE) r = fail(st, "could not seal the stored meetings");
            free(sealed);
        }
    }
    sqlite3_finalize(m);
    sqlite3_finalize(h);
    sqlite3_finalize(u);
    forget_key(st);
    if (r == STORE_OK && exec(st, "COMMIT") != SQLITE_OK)
        r = fail(st, "could not seal the stored meetings");
    if (r != STORE_OK) {
        exec(st, "ROLLBACK");
        return r;
    }
    return wipe_space(st, "the meetings are sealed, but the old text could not be wiped yet");
}

/* Meetings whose key a Kring before the key slots wrapped in the
 * database: the same wrapped key moves to a slot, and the database and
 * its WAL are wiped of it. (Old copies in freed blocks fit no key once
 * the device key is renewed, when no meeting is open.) */
static StoreStatus move_dev_keys(Store *st)
{
    if (query_int(st, "SELECT count(*) FROM meeting WHERE key_dev IS NOT NULL", 0, 0) == 0)
        return STORE_OK;
    sqlite3_stmt *s;
    StoreStatus r = STORE_OK;
    if (sqlite3_prepare_v2(st->db, "SELECT id, key_dev FROM meeting WHERE key_dev IS NOT NULL", -1,
                           &s, NULL) != SQLITE_OK)
        return fail(st, "could not move the meetings' keys");
    while (r == STORE_OK && sqlite3_step(s) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        unsigned char key[KEY_BYTES];
        char ad[80];
        key_ad(ad, sizeof ad, "key_dev", id);
        if (sqlite3_column_bytes(s, 1) == WRAPPED &&
            unseal(key, sqlite3_column_blob(s, 1), WRAPPED, ad, DEVICE_KEY(st)))
            r = slot_put(st, id, key);
        sodium_memzero(key, sizeof key);
    }
    sqlite3_finalize(s);
    if (r != STORE_OK) return r;
    if (exec(st, "UPDATE meeting SET key_dev = NULL") != SQLITE_OK)
        return fail(st, "could not move the meetings' keys");
    return wipe_space(st, "the meetings' keys moved, but their old place could not be wiped yet");
}

static StoreStatus erase_rows(Store *st, int64_t meeting);
static StoreStatus finish(Store *st, StoreStatus r, const char *what);

/* What a crash or a power cut left half done, finished: a meeting whose
 * key is gone (a close cut short) is erased; a kept meeting's key leaves
 * its slot; slots of meetings that are not there are wiped; freed pages
 * are wiped from the file. */
static StoreStatus tidy(Store *st)
{
    StoreStatus r = STORE_OK;
    int64_t n = query_int(st, "SELECT count(*) FROM meeting", 0, 0);
    int64_t *ids = n > 0 ? mem_alloc((size_t)n * sizeof *ids) : NULL;
    int got = 0;
    sqlite3_stmt *s;
    if (n > 0 && !ids) {
        snprintf(st->msg, sizeof st->msg, "out of memory");
        return STORE_ERROR;
    }
    if (n > 0 && sqlite3_prepare_v2(st->db, "SELECT id, key_pin IS NOT NULL FROM meeting", -1, &s,
                                    NULL) == SQLITE_OK) {
        unsigned char blob[WRAPPED];
        while (got < n && sqlite3_step(s) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(s, 0);
            bool pin = sqlite3_column_int(s, 1) != 0;
            bool slot = slot_get(st, id, blob);
            if (pin && slot) r = slot_wipe(st, id); /* kept, and then cut short */
            if (!pin && !slot) ids[got++] = id;     /* its key gone: a close cut short */
            if (r != STORE_OK) break;
        }
        sqlite3_finalize(s);
    }
    for (int i = 0; r == STORE_OK && i < got; i++) {
        if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) {
            r = fail(st, "could not finish closing a meeting");
            break;
        }
        r = erase_rows(st, ids[i]);
        r = finish(st, r, "could not finish closing a meeting");
    }
    if (got && r == STORE_OK)
        fprintf(stderr, "kring: %d meeting(s) whose closing was cut short are erased now\n", got);
    free(ids);
    /* slots of meetings that are not there */
    unsigned char slot[SLOT_BYTES];
    for (int i = 0, count = slot_count(st); r == STORE_OK && i < count; i++) {
        if (!slot_read(st, i, slot)) break;
        int64_t id = slot_id(slot);
        if (id != 0 && query_int(st, "SELECT count(*) FROM meeting WHERE id = ?", id, 0) == 0) {
            memset(slot, 0, sizeof slot);
            r = slot_write(st, i, slot);
        }
    }
    if (r == STORE_OK && (got || query_int(st, "PRAGMA freelist_count", 0, 0) > 0))
        r = wipe_space(st, "a meeting is erased, but its space could not be wiped yet");
    return r;
}

Store *store_open(const char *path, StoreOpen *why, char *err, size_t errlen)
{
    StoreOpen dummy;
    if (!why) why = &dummy;
    *why = STORE_OPENED;
    if (file_has_content(path)) {
        *why = inspect(path, err, errlen);
        if (*why != STORE_OPENED) return NULL;
    }
    Store *st = mem_calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    st->slots = -1;
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 2000);
    if (exec(st, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
        exec(st, "PRAGMA synchronous=" KRING_SYNCHRONOUS) != SQLITE_OK ||
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
    if (sodium_init() < 0 || !(st->keys = sodium_malloc(2 * KEY_BYTES))) {
        snprintf(err, errlen, "the encryption library could not start");
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    if (!device_key(st, path, err, errlen)) {
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    if (!slots_open(st, path, err, errlen)) {
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    if (move_dev_keys(st) != STORE_OK || seal_legacy(st) != STORE_OK || tidy(st) != STORE_OK) {
        snprintf(err, errlen, "%s: %s", path, st->msg);
        store_close(st);
        *why = STORE_UNREACHABLE;
        return NULL;
    }
    rotate_device_key(st);
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
    /* its journal files and its key slots travel with it, under names
     * sqlite and Kring would pair; the device key is copied beside it
     * (the device's own key is renewed once no meeting is open) */
    static const char *const extra[] = {"-wal", "-shm", "-journal", ".slots"};
    for (int i = 0; i < 4; i++) {
        char from[4200], to[4300];
        snprintf(from, sizeof from, "%s%s", path, extra[i]);
        snprintf(to, sizeof to, "%s%s", target, extra[i]);
        if (access(from, F_OK) == 0 && rename(from, to) != 0) {
            snprintf(err, errlen, "%s could not be moved aside: %s", from, strerror(errno));
            return -1;
        }
    }
    char key[4200], key_to[4300];
    snprintf(key, sizeof key, "%s.key", path);
    snprintf(key_to, sizeof key_to, "%s.key", target);
    int in = open(key, O_RDONLY | O_CLOEXEC);
    if (in >= 0) {
        unsigned char buf[64];
        ssize_t got = read(in, buf, sizeof buf);
        close(in);
        int out = got > 0 ? open(key_to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
        if (out >= 0) {
            if (write(out, buf, (size_t)got) != got || fsync(out) != 0)
                fprintf(stderr, "kring: the key beside %s could not be written\n", target);
            close(out);
        }
        sodium_memzero(buf, sizeof buf);
    }
    sync_dir(target);
    snprintf(moved_to, n, "%s", target);
    return 0;
}

/* SQLite's allocations through Kring's counter (core/mem.h). SQLite asks
 * for the size of a block, so each carries it in 8 bytes in front. */
static void *sq_malloc(int n)
{
    if (mem_fail_now()) return NULL;
    int64_t *p = malloc((size_t)n + 8);
    if (!p) return NULL;
    p[0] = n;
    return p + 1;
}

static void sq_free(void *p)
{
    if (p) free((int64_t *)p - 1);
}

static void *sq_realloc(void *p, int n)
{
    if (!p) return sq_malloc(n);
    if (mem_fail_now()) return NULL;
    int64_t *q = realloc((int64_t *)p - 1, (size_t)n + 8);
    if (!q) return NULL;
    q[0] = n;
    return q + 1;
}

static int sq_size(void *p)
{
    return p ? (int)((int64_t *)p)[-1] : 0;
}
static int sq_roundup(int n)
{
    return (n + 7) & ~7;
}
static int sq_init(void *unused)
{
    (void)unused;
    return SQLITE_OK;
}
static void sq_shutdown(void *unused)
{
    (void)unused;
}

bool store_count_memory(void)
{
    static const sqlite3_mem_methods methods = {sq_malloc,  sq_free, sq_realloc,  sq_size,
                                                sq_roundup, sq_init, sq_shutdown, NULL};
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK;
}

void store_close(Store *st)
{
    if (!st) return;
    sqlite3_close(st->db);
    if (st->slots >= 0) close(st->slots);
    if (st->keys) sodium_free(st->keys); /* zeroed first */
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
    unsigned char *sealed = NULL;
    if (strlen(json) > PLAN_BYTES_MAX) { /* the reader would not read it back */
        snprintf(st->msg, sizeof st->msg, "the plan is larger than a plan may be (%d KiB)",
                 PLAN_BYTES_MAX / 1024);
        r = STORE_FULL;
        goto out;
    }
    if (cursor < 0) {
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
        r = STORE_ERROR;
        goto out;
    }
    if (sqlite3_prepare_v2(st->db, "DELETE FROM history WHERE meeting = ? AND seq > ?", -1, &s,
                           NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, cursor);
    if (sqlite3_step(s) != SQLITE_DONE) goto sqlfail;
    sqlite3_finalize(s);
    s = NULL;
    if (meeting_key(st, meeting) != STORE_OK) {
        r = STORE_ERROR;
        goto out;
    }
    size_t len = strlen(json);
    sealed = mem_alloc(len + NONCE + TAG);
    if (!sealed) {
        snprintf(st->msg, sizeof st->msg, "out of memory");
        r = STORE_ERROR;
        goto out;
    }
    char ad[96];
    plan_ad(ad, sizeof ad, meeting, cursor + 1);
    seal(sealed, (const unsigned char *)json, len, ad, MEETING_KEY(st));
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO history (meeting, seq, at, plan, sealed) "
                           "VALUES (?, ?, ?, '', ?)",
                           -1, &s, NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, cursor + 1);
    sqlite3_bind_int64(s, 3, now);
    sqlite3_bind_blob(s, 4, sealed, (int)(len + NONCE + TAG), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) goto sqlfail;
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(st->db, "UPDATE meeting SET cursor = ?, used = ? WHERE id = ?", -1, &s,
                           NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_int64(s, 1, cursor + 1);
    sqlite3_bind_int64(s, 2, now);
    sqlite3_bind_int64(s, 3, meeting);
    if (sqlite3_step(s) != SQLITE_DONE) goto sqlfail;
    goto out;
sqlfail:
    r = fail(st, "could not store the change");
out:
    sqlite3_finalize(s);
    sodium_memzero(json, strlen(json));
    free(json);
    free(sealed);
    return r;
}

static StoreStatus in_transaction(Store *st, int64_t meeting, const Plan *plan, int64_t now,
                                  bool create, int64_t *out_id)
{
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) return fail(st, "could not store the change");
    StoreStatus r = STORE_OK;
    if (create) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(st->db,
                               "INSERT INTO meeting (created, used, cursor) VALUES (?, ?, 0)", -1,
                               &s, NULL) != SQLITE_OK) {
            r = fail(st, "could not start the meeting");
        } else {
            sqlite3_bind_int64(s, 1, now);
            sqlite3_bind_int64(s, 2, now);
            if (sqlite3_step(s) != SQLITE_DONE) r = fail(st, "could not start the meeting");
            sqlite3_finalize(s);
            meeting = sqlite3_last_insert_rowid(st->db);
        }
        if (r == STORE_OK) { /* its own key, wrapped with the device's */
            forget_key(st);
            randombytes_buf(MEETING_KEY(st), KEY_BYTES);
            r = store_wrapped(st, meeting, "key_dev", MEETING_KEY(st), DEVICE_KEY(st));
            if (r == STORE_OK) st->keyed_meeting = meeting;
        }
    }
    if (r == STORE_OK) r = append(st, meeting, plan, now);
    if (r == STORE_OK && exec(st, "COMMIT") != SQLITE_OK)
        r = fail(st, "could not store the change");
    if (r != STORE_OK) {
        exec(st, "ROLLBACK");
        if (create) {
            forget_key(st);
            if (meeting) slot_wipe(st, meeting); /* a key for nothing */
        }
    } else if (out_id) {
        *out_id = meeting;
    }
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
    return query_int(st,
                     "SELECT id FROM meeting WHERE state = 'open' "
                     "ORDER BY used DESC, id DESC LIMIT 1",
                     0, 0);
}

/* The plan at step seq, opened with key (NULL: the meeting's own key from
 * the device's). */
static Plan *load_seq_with(Store *st, int64_t meeting, int64_t seq, const unsigned char *key)
{
    if (!key) {
        if (meeting_key(st, meeting) != STORE_OK) return NULL;
        key = MEETING_KEY(st);
    }
    sqlite3_stmt *s;
    Plan *plan = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT sealed FROM history WHERE meeting = ? AND seq = ?", -1,
                           &s, NULL) != SQLITE_OK) {
        fail(st, "could not read the meeting");
        return NULL;
    }
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, seq);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_BLOB) {
        int n = sqlite3_column_bytes(s, 0);
        unsigned char *text = n >= NONCE + TAG ? mem_alloc((size_t)n - NONCE - TAG + 1) : NULL;
        char ad[96], err[200];
        plan_ad(ad, sizeof ad, meeting, seq);
        if (!text) {
            snprintf(st->msg, sizeof st->msg, "a stored plan is damaged");
        } else if (!unseal(text, sqlite3_column_blob(s, 0), (size_t)n, ad, key)) {
            snprintf(st->msg, sizeof st->msg, "a stored plan could not be opened with its key");
        } else {
            size_t len = (size_t)n - NONCE - TAG;
            text[len] = '\0';
            plan = planfile_parse((const char *)text, len, err, sizeof err);
            if (!plan)
                snprintf(st->msg, sizeof st->msg, "a stored plan could not be read: %s", err);
            sodium_memzero(text, len);
        }
        free(text);
    } else {
        snprintf(st->msg, sizeof st->msg, "the meeting has no stored plan");
    }
    sqlite3_finalize(s);
    return plan;
}

static Plan *load_seq(Store *st, int64_t meeting, int64_t seq)
{
    return load_seq_with(st, meeting, seq, NULL);
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

/* The step undo (redo: redo) goes to, or 0 when there is none. */
static int64_t step_target(Store *st, int64_t meeting, bool redo)
{
    int64_t cursor = cursor_of(st, meeting);
    int64_t to = cursor + (redo ? 1 : -1);
    return cursor < 1 || to < 1 || (redo && to > last_seq(st, meeting)) ? 0 : to;
}

Plan *store_meeting_peek_step(Store *st, int64_t meeting, bool redo)
{
    int64_t to = step_target(st, meeting, redo);
    return to ? load_seq(st, meeting, to) : NULL;
}

StoreStatus store_meeting_take_step(Store *st, int64_t meeting, bool redo)
{
    int64_t to = step_target(st, meeting, redo);
    if (!to) {
        snprintf(st->msg, sizeof st->msg, "there is no step to %s", redo ? "redo" : "undo");
        return STORE_ERROR;
    }
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "UPDATE meeting SET cursor = ? WHERE id = ?", -1, &s, NULL) !=
        SQLITE_OK)
        return fail(st, "could not store the undo");
    sqlite3_bind_int64(s, 1, to);
    sqlite3_bind_int64(s, 2, meeting);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? STORE_OK : fail(st, "could not store the undo");
}

bool store_can_undo(Store *st, int64_t meeting)
{
    return step_target(st, meeting, false) > 0;
}

bool store_can_redo(Store *st, int64_t meeting)
{
    return step_target(st, meeting, true) > 0;
}

static Plan *move(Store *st, int64_t meeting, bool redo)
{
    Plan *plan = store_meeting_peek_step(st, meeting, redo);
    if (plan && store_meeting_take_step(st, meeting, redo) != STORE_OK) {
        plan_destroy(plan);
        return NULL;
    }
    return plan;
}

Plan *store_undo(Store *st, int64_t meeting)
{
    return move(st, meeting, false);
}

Plan *store_redo(Store *st, int64_t meeting)
{
    return move(st, meeting, true);
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
                           "(SELECT count(*) FROM history h WHERE h.meeting = m.id), kept_until "
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
            .kept_until = sqlite3_column_int64(s, 5),
        };
    }
    sqlite3_finalize(s);
    return n;
}

/* Runs the statement with two int64 parameters; STORE_OK when it changed
 * a row. */
static StoreStatus run2(Store *st, const char *sql, int64_t a, int64_t b, const char *what)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) return fail(st, what);
    sqlite3_bind_int64(s, 1, a);
    sqlite3_bind_int64(s, 2, b);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return fail(st, what);
    if (sqlite3_changes(st->db) == 0) {
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
        return STORE_ERROR;
    }
    return STORE_OK;
}

static StoreStatus finish(Store *st, StoreStatus r, const char *what)
{
    if (r == STORE_OK && exec(st, "COMMIT") != SQLITE_OK) r = fail(st, what);
    if (r != STORE_OK) exec(st, "ROLLBACK");
    return r;
}

StoreStatus store_meeting_keep(Store *st, int64_t meeting, const unsigned char *kek, int64_t until)
{
    if (meeting_key(st, meeting) != STORE_OK) return STORE_ERROR;
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) return fail(st, "could not keep the meeting");
    StoreStatus r = store_wrapped(st, meeting, "key_pin", MEETING_KEY(st), kek);
    if (r == STORE_OK)
        r = run2(st, "UPDATE meeting SET state = 'kept', kept_until = ? WHERE id = ?", until,
                 meeting, "could not keep the meeting");
    r = finish(st, r, "could not keep the meeting");
    forget_key(st); /* from now on only the PIN opens it */
    if (r != STORE_OK) return r;
    if (slot_wipe(st, meeting) != STORE_OK) return STORE_ERROR;
    rotate_device_key(st);
    if (exec(st, "PRAGMA wal_checkpoint(TRUNCATE)") != SQLITE_OK)
        return fail(st, "the meeting is kept, but its old key could not be wiped yet");
    return r;
}

StoreStatus store_meeting_reopen(Store *st, int64_t meeting, const unsigned char *kek)
{
    unsigned char blob[WRAPPED];
    if (query_int(st, "SELECT key_pin IS NULL FROM meeting WHERE id = ?", meeting, 0) == 1 &&
        slot_get(st, meeting, blob)) /* kept by a Kring from before the PIN's key */
        return run2(st, "UPDATE meeting SET state = 'open', kept_until = ? WHERE id = ?", 0,
                    meeting, "could not open the meeting");
    forget_key(st);
    if (unwrap_key(st, meeting, "key_pin", kek, MEETING_KEY(st)) != STORE_OK) return STORE_ERROR;
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) {
        forget_key(st);
        return fail(st, "could not open the meeting");
    }
    StoreStatus r = store_wrapped(st, meeting, "key_dev", MEETING_KEY(st), DEVICE_KEY(st));
    if (r == STORE_OK)
        r = run2(st, "UPDATE meeting SET state = 'open', kept_until = ? WHERE id = ?", 0, meeting,
                 "could not open the meeting");
    r = finish(st, r, "could not open the meeting");
    if (r == STORE_OK)
        st->keyed_meeting = meeting;
    else
        forget_key(st);
    return r;
}

Plan *store_meeting_peek(Store *st, int64_t meeting, const unsigned char *kek)
{
    unsigned char *key = sodium_malloc(KEY_BYTES);
    if (!key) {
        snprintf(st->msg, sizeof st->msg, "out of memory");
        return NULL;
    }
    Plan *plan = NULL;
    int64_t cursor = cursor_of(st, meeting);
    if (unwrap_key(st, meeting, "key_pin", kek, key) == STORE_OK)
        plan = load_seq_with(st, meeting, cursor, key);
    else if (unwrap_key(st, meeting, "key_dev", DEVICE_KEY(st), key) == STORE_OK)
        plan = load_seq_with(st, meeting, cursor, key);
    sodium_free(key);
    return plan;
}

/* Stores the settings pairs (key, value; n_pairs of them), inside the
 * caller's transaction. */
static StoreStatus put_settings(Store *st, const char *const *pairs, int n_pairs)
{
    if (n_pairs <= 0) return STORE_OK;
    sqlite3_stmt *s = NULL;
    StoreStatus r = STORE_OK;
    if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", -1,
                           &s, NULL) != SQLITE_OK)
        r = fail(st, "could not store the settings");
    for (int i = 0; r == STORE_OK && i < n_pairs; i++) {
        sqlite3_bind_text(s, 1, pairs[2 * i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, pairs[2 * i + 1], -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE) r = fail(st, "could not store the settings");
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return r;
}

/* The ids of the meetings sql selects (its first column), however many;
 * NULL with *n = 0 when there are none or memory is short (*ok false). */
static int64_t *meeting_ids(Store *st, const char *sql, int *n, bool *ok)
{
    *n = 0;
    *ok = true;
    int64_t count = query_int(st, "SELECT count(*) FROM meeting", 0, 0);
    if (count <= 0) return NULL;
    int64_t *ids = mem_alloc((size_t)count * sizeof *ids);
    sqlite3_stmt *s;
    if (!ids || sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        *ok = false;
        if (ids)
            fail(st, "could not list the meetings");
        else
            snprintf(st->msg, sizeof st->msg, "out of memory");
        free(ids);
        return NULL;
    }
    while (*n < count && sqlite3_step(s) == SQLITE_ROW)
        ids[(*n)++] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return ids;
}

StoreStatus store_rekey_kept(Store *st, const unsigned char *old_kek, const unsigned char *new_kek,
                             const char *const *pairs, int n_pairs)
{
    unsigned char *key = sodium_malloc(KEY_BYTES);
    if (!key) {
        snprintf(st->msg, sizeof st->msg, "out of memory");
        return STORE_ERROR;
    }
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) {
        sodium_free(key);
        return fail(st, "could not change the kept meetings' keys");
    }
    int n = 0;
    bool ok;
    int64_t *ids = meeting_ids(st, "SELECT id FROM meeting WHERE key_pin IS NOT NULL", &n, &ok);
    StoreStatus r = ok ? STORE_OK : STORE_ERROR;
    for (int i = 0; r == STORE_OK && i < n; i++) {
        r = unwrap_key(st, ids[i], "key_pin", old_kek, key);
        if (r == STORE_OK) r = store_wrapped(st, ids[i], "key_pin", key, new_kek);
    }
    free(ids);
    sodium_free(key);
    /* and the new PIN's settings, in the same transaction: either both
     * or neither */
    if (r == STORE_OK) r = put_settings(st, pairs, n_pairs);
    return finish(st, r, "could not change the kept meetings' keys");
}

int store_expire(Store *st, int64_t now)
{
    sqlite3_stmt *s;
    int closed = 0;
    /* however many there are: one at a time, the oldest date first */
    for (;;) {
        int64_t id = 0;
        if (sqlite3_prepare_v2(st->db,
                               "SELECT id FROM meeting WHERE state = 'kept' AND kept_until > 0 AND "
                               "kept_until <= ? ORDER BY kept_until, id LIMIT 1",
                               -1, &s, NULL) != SQLITE_OK)
            return -1;
        sqlite3_bind_int64(s, 1, now);
        if (sqlite3_step(s) == SQLITE_ROW) id = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        if (!id) return closed;
        if (store_meeting_close(st, id) != STORE_OK) return -1;
        closed++;
    }
}

/* Deletes the meeting's rows, inside the caller's transaction. */
static StoreStatus erase_rows(Store *st, int64_t meeting)
{
    static const char *const sql[] = {
        "DELETE FROM history WHERE meeting = ?",
        "DELETE FROM meeting WHERE id = ?",
    };
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(st->db, sql[i], -1, &s, NULL) != SQLITE_OK)
            return fail(st, "could not close the meeting");
        sqlite3_bind_int64(s, 1, meeting);
        int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) return fail(st, "could not close the meeting");
    }
    return STORE_OK;
}

/* First the meeting's key is overwritten in its slot: from then on
 * nothing on the card opens it, whatever follows or stops. Then its rows
 * go, the space is wiped, and the device key is renewed when no meeting
 * is open. A close cut short is finished at the next start (tidy). */
StoreStatus store_meeting_close(Store *st, int64_t meeting)
{
    if (st->keyed_meeting == meeting) forget_key(st);
    if (query_int(st, "SELECT count(*) FROM meeting WHERE id = ?", meeting, 0) != 1) {
        snprintf(st->msg, sizeof st->msg, "the meeting does not exist");
        return STORE_ERROR;
    }
#ifdef KRING_FAULT_HOOKS
    const char *stop = getenv("KRING_TEST_CLOSE_STOP"); /* tests: a kill at each stage */
#define CLOSE_STAGE(name)                                                                          \
    do {                                                                                           \
        if (stop && !strcmp(stop, name)) raise(SIGKILL);                                           \
    } while (0)
#else
#define CLOSE_STAGE(name) ((void)0)
#endif
    CLOSE_STAGE("before");
    if (slot_wipe(st, meeting) != STORE_OK) return STORE_ERROR;
    CLOSE_STAGE("key");
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) return fail(st, "could not close the meeting");
    StoreStatus r = erase_rows(st, meeting);
    CLOSE_STAGE("rows");
    r = finish(st, r, "could not close the meeting");
    if (r != STORE_OK) return r;
    CLOSE_STAGE("committed");
    r = wipe_space(st, "the meeting is closed, but its space could not be wiped yet");
    CLOSE_STAGE("wiped");
    rotate_device_key(st);
    return r;
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
    if (n) value[0] = '\0';
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
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK) return fail(st, "could not store the settings");
    StoreStatus r = put_settings(st, pairs, n_pairs);
    if (r == STORE_OK && exec(st, "COMMIT") != SQLITE_OK)
        r = fail(st, "could not store the settings");
    if (r != STORE_OK) exec(st, "ROLLBACK");
    return r;
}
