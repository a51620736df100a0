/* Unit tests for the store: a temporary database, history, undo/redo that
 * survive reopening, and refusing a database from a newer Kring. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "core/edit.h"
#include "core/planfile.h"
#include "store/store.h"

static char dir[] = "/tmp/kring-store-XXXXXX";
static char path[256];

static Plan *one_person(int ring)
{
    Plan *p = plan_create();
    plan_set_field(p, FIELD_FAMILY, "Jansen");
    plan_add_person(p, &(Person){.id = 1,
                                 .name = "Ans",
                                 .relation = "buurvrouw",
                                 .place = {SECTOR_FRIENDS, ring, 500, 500}});
    return p;
}

static void test_history(void)
{
    char err[300];
    Store *st = store_open(path, NULL, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    CHECK_INT(store_meeting_latest(st), 0);
    Plan *p = one_person(1);
    int64_t m = 0;
    CHECK_INT(store_meeting_create(st, p, 100, &m), STORE_OK);
    CHECK(m > 0);
    CHECK(!store_can_undo(st, m));
    plan_person(p, 1)->place.ring = 2;
    CHECK_INT(store_commit(st, m, p, 101), STORE_OK);
    plan_person(p, 1)->place.ring = 3;
    CHECK_INT(store_commit(st, m, p, 102), STORE_OK);
    plan_destroy(p);

    Plan *u = store_undo(st, m);
    CHECK(u && u->people[0].place.ring == 2);
    plan_destroy(u);
    store_close(st);

    /* undo and redo survive a restart */
    st = store_open(path, NULL, err, sizeof err);
    CHECK(st != NULL);
    CHECK_INT(store_meeting_latest(st), m);
    Plan *l = store_meeting_load(st, m);
    CHECK(l && l->people[0].place.ring == 2);
    plan_destroy(l);
    CHECK(store_can_redo(st, m));
    Plan *r = store_redo(st, m);
    CHECK(r && r->people[0].place.ring == 3);
    plan_destroy(r);
    CHECK(!store_can_redo(st, m));
    CHECK(store_redo(st, m) == NULL);

    /* a new action after an undo drops what could have been redone */
    u = store_undo(st, m);
    plan_destroy(u);
    Plan *n = one_person(1);
    CHECK_INT(store_commit(st, m, n, 103), STORE_OK);
    plan_destroy(n);
    CHECK(!store_can_redo(st, m));
    u = store_undo(st, m);
    CHECK(u && u->people[0].place.ring == 2);
    plan_destroy(u);
    store_close(st);
}

/* Every file in dir (the database, its WAL, anything else) searched for
 * marker, byte by byte. Returns how many files hold it. */
static int files_holding(const char *marker)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "grep -rlaF '%s' '%s' 2>/dev/null | wc -l", marker, dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p) {
        if (fscanf(p, "%d", &n) != 1) n = -1;
        pclose(p);
    }
    return n;
}

static void test_meetings_and_erasure(void)
{
    char path2[300], err[300];
    snprintf(path2, sizeof path2, "%s/erase.db", dir);
    Store *st = store_open(path2, NULL, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    /* two meetings: one with a unique name in it, one to keep */
    const char *marker = "Xylofoon-Quirinus-7731";
    Plan *p = one_person(1);
    int64_t keep = 0, gone = 0;
    CHECK_INT(store_meeting_create(st, p, 100, &keep), STORE_OK);
    plan_set_field(p, FIELD_FAMILY, marker);
    CHECK_INT(store_meeting_create(st, p, 200, &gone), STORE_OK);
    for (int i = 0; i < 30; i++) { /* many actions, so the WAL holds copies */
        plan_person(p, 1)->place.u = i * 30;
        CHECK_INT(store_commit(st, gone, p, 201 + i), STORE_OK);
    }
    plan_destroy(p);
    MeetingInfo list[8];
    CHECK_INT(store_meetings(st, list, 8), 2);
    CHECK_INT(list[0].id, gone); /* most recently used first */
    CHECK_INT(list[0].steps, 31);
    /* sealed: the words are never in any file, not even while it goes on */
    CHECK_INT(files_holding(marker), 0);
    Plan *g = store_meeting_load(st, gone);
    CHECK(g && strcmp(plan_family(g), marker) == 0);
    plan_destroy(g);
    /* a meeting kept with the PIN's key: closed to the device, open to it */
    unsigned char kek[STORE_KEK_BYTES], other[STORE_KEK_BYTES], kek2[STORE_KEK_BYTES];
    memset(kek, 7, sizeof kek);
    memset(other, 8, sizeof other);
    memset(kek2, 9, sizeof kek2);
    CHECK_INT(store_meeting_keep(st, keep, kek, 5000), STORE_OK);
    store_meetings(st, list, 8);
    CHECK_INT(list[1].state, MEETING_KEPT);
    CHECK_INT(list[1].kept_until, 5000);
    CHECK(store_meeting_load(st, keep) == NULL);
    CHECK(strstr(store_message(st), "PIN") != NULL);
    CHECK(store_meeting_peek(st, keep, other) == NULL);
    Plan *k = store_meeting_peek(st, keep, kek);
    CHECK(k && strcmp(plan_family(k), "Jansen") == 0);
    plan_destroy(k);
    CHECK(store_meeting_keep(st, 999, kek, 0) != STORE_OK);
    /* a new PIN: the kept meeting follows it */
    CHECK_INT(store_rekey_kept(st, kek, kek2, NULL, 0), STORE_OK);
    CHECK(store_meeting_peek(st, keep, kek) == NULL);
    CHECK(store_meeting_reopen(st, keep, other) != STORE_OK);
    CHECK_INT(store_meeting_reopen(st, keep, kek2), STORE_OK);
    k = store_meeting_load(st, keep);
    CHECK(k && strcmp(plan_family(k), "Jansen") == 0);
    plan_destroy(k);
    store_meetings(st, list, 8);
    CHECK(list[0].state == MEETING_OPEN && list[1].state == MEETING_OPEN);
    /* erasure: the closed meeting's key goes with it */
    CHECK_INT(store_meeting_close(st, gone), STORE_OK);
    CHECK_INT(files_holding(marker), 0);
    CHECK_INT(store_meetings(st, list, 8), 1);
    CHECK(store_meeting_load(st, gone) == NULL);
    /* retention: kept until a date, then erased on the first look after it */
    CHECK_INT(store_meeting_keep(st, keep, kek2, 5000), STORE_OK);
    CHECK_INT(store_expire(st, 4999), 0);
    CHECK_INT(store_meetings(st, list, 8), 1);
    CHECK_INT(store_expire(st, 5001), 1);
    CHECK_INT(store_meetings(st, list, 8), 0);
    CHECK(store_integrity_ok(st));
    store_close(st);
    CHECK_INT(files_holding(marker), 0); /* nor after closing the connection */
    /* without the device key file, an open meeting cannot be read */
    st = store_open(path2, NULL, err, sizeof err);
    int64_t m = 0;
    p = one_person(1);
    CHECK_INT(store_meeting_create(st, p, 300, &m), STORE_OK);
    plan_destroy(p);
    store_close(st);
    char key[400], cmd[900];
    snprintf(key, sizeof key, "%s.key", path2);
    snprintf(cmd, sizeof cmd, "mv '%s' '%s.away'", key, key);
    CHECK(system(cmd) == 0);
    st = store_open(path2, NULL, err, sizeof err); /* a new device key is made */
    CHECK(st != NULL);
    CHECK(store_meeting_load(st, m) == NULL);
    CHECK(strstr(store_message(st), "key") != NULL);
    store_close(st);
}

static bool read_file(const char *file, unsigned char *buf, size_t n)
{
    FILE *f = fopen(file, "rb");
    bool ok = f && fread(buf, 1, n, f) == n;
    if (f) fclose(f);
    return ok;
}

/* The key slots: an open meeting's key lies in PATH.slots, overwritten in
 * place when it closes or is kept; the device key is renewed whenever no
 * meeting is open; a close cut short after its key was wiped is finished
 * at the next start. */
static void test_key_slots(void)
{
    char db[300], keyf[320], slots[320], err[300];
    snprintf(db, sizeof db, "%s/slots.db", dir);
    snprintf(keyf, sizeof keyf, "%s.key", db);
    snprintf(slots, sizeof slots, "%s.slots", db);
    Store *st = store_open(db, NULL, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    Plan *p = one_person(1);
    int64_t a = 0, b = 0;
    CHECK_INT(store_meeting_create(st, p, 100, &a), STORE_OK);
    CHECK_INT(store_meeting_create(st, p, 200, &b), STORE_OK);
    plan_destroy(p);
    unsigned char k1[40], k2[40], k3[40], slot[16 + 2 * 128];
    CHECK(read_file(keyf, k1, sizeof k1));
    CHECK(read_file(slots, slot, sizeof slot));
    CHECK(slot[16] == a && slot[16 + 128] == b); /* the meetings' ids, in their slots */
    CHECK_INT(store_meeting_close(st, a), STORE_OK);
    CHECK(read_file(keyf, k2, sizeof k2));
    CHECK(memcmp(k1, k2, sizeof k1) == 0); /* b is still open: the same device key */
    CHECK(read_file(slots, slot, sizeof slot));
    bool zero = true;
    for (int i = 16; i < 16 + 128; i++)
        zero = zero && slot[i] == 0;
    CHECK(zero); /* a's slot overwritten */
    unsigned char kek[STORE_KEK_BYTES];
    memset(kek, 3, sizeof kek);
    CHECK_INT(store_meeting_keep(st, b, kek, 0), STORE_OK);
    CHECK(read_file(keyf, k3, sizeof k3));
    CHECK(memcmp(k1, k3, sizeof k1) != 0); /* none open: a new device key */
    CHECK(read_file(slots, slot, sizeof slot));
    zero = true;
    for (int i = 16; i < (int)sizeof slot; i++)
        zero = zero && slot[i] == 0;
    CHECK(zero); /* the kept meeting's key is the PIN's only */
    CHECK_INT(store_meeting_reopen(st, b, kek), STORE_OK);
    Plan *back = store_meeting_load(st, b);
    CHECK(back != NULL);
    plan_destroy(back);
    store_close(st);
    /* a close cut short right after the key was wiped: the meeting's slot
     * zeroed, its rows still there */
    FILE *f = fopen(slots, "r+b");
    CHECK(f != NULL);
    if (f) {
        unsigned char none[128] = {0};
        CHECK(fread(slot, 1, sizeof slot, f) == sizeof slot);
        for (int i = 0; i < 2; i++)
            if (slot[16 + i * 128] == b) {
                fseek(f, 16 + i * 128, SEEK_SET);
                fwrite(none, 1, sizeof none, f);
            }
        fclose(f);
    }
    st = store_open(db, NULL, err, sizeof err);
    CHECK(st != NULL);
    MeetingInfo list[4];
    CHECK_INT(st ? store_meetings(st, list, 4) : -1, 0); /* finished: erased */
    CHECK(st && store_integrity_ok(st));
    store_close(st);
}

/* A database of a Kring from before sealing: opening it seals every
 * meeting's history and wipes the plain text from the file and its WAL. */
static void test_sealing_old_meetings(void)
{
    char old[300];
    snprintf(old, sizeof old, "%s/old.db", dir);
    const char *marker = "Zwaluwstaart-Oud-4410";
    sqlite3 *db;
    CHECK(sqlite3_open(old, &db) == SQLITE_OK);
    char *json = NULL;
    {
        Plan *p = one_person(1);
        plan_set_field(p, FIELD_FAMILY, marker);
        json = planfile_format(p);
        plan_destroy(p);
    }
    char sql[4000];
    snprintf(sql, sizeof sql,
             "PRAGMA journal_mode=WAL; PRAGMA application_id = 1263685191;"
             "CREATE TABLE meeting (id INTEGER PRIMARY KEY, created INTEGER NOT NULL,"
             " used INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'open',"
             " cursor INTEGER NOT NULL DEFAULT 0);"
             "CREATE TABLE history (meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE"
             " CASCADE, seq INTEGER NOT NULL, at INTEGER NOT NULL, plan TEXT NOT NULL,"
             " PRIMARY KEY (meeting, seq)) WITHOUT ROWID;"
             "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
             "INSERT INTO meeting VALUES (1, 10, 10, 'open', 1);"
             "PRAGMA user_version = 2;");
    CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_stmt *s;
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO history VALUES (1, 1, 10, ?)", -1, &s, NULL) ==
          SQLITE_OK);
    sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
    CHECK(sqlite3_step(s) == SQLITE_DONE);
    sqlite3_finalize(s);
    sqlite3_close(db);
    free(json);
    CHECK(files_holding(marker) > 0); /* the test sees plain text */
    char err[300];
    Store *st = store_open(old, NULL, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    CHECK_INT(files_holding(marker), 0);
    Plan *p = store_meeting_load(st, 1);
    CHECK(p && strcmp(plan_family(p), marker) == 0);
    plan_destroy(p);
    CHECK(store_integrity_ok(st));
    store_close(st);
}

/* Writes bytes to a fresh file in dir; returns its path. */
static const char *make_file(const char *name, const void *bytes, size_t n)
{
    static char p[300];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fwrite(bytes, 1, n, f);
        fclose(f);
    }
    return p;
}

static size_t file_bytes(const char *p, unsigned char *buf, size_t max)
{
    FILE *f = fopen(p, "rb");
    size_t n = f ? fread(buf, 1, max, f) : 0;
    if (f) fclose(f);
    return n;
}

static void check_damaged(const char *label, const char *p, StoreOpen want)
{
    static unsigned char before[1 << 20], after[1 << 20];
    size_t n = file_bytes(p, before, sizeof before);
    char err[300], moved[600];
    StoreOpen why = STORE_OPENED;
    Store *st = store_open(p, &why, err, sizeof err);
    CHECK(st == NULL);
    store_close(st);
    if (why != want) fprintf(stderr, "%s: expected kind %d, got %d (%s)\n", label, want, why, err);
    CHECK_INT(why, want);
    /* looking did not change a byte */
    CHECK(file_bytes(p, after, sizeof after) == n && memcmp(before, after, n) == 0);
    /* set aside: the very same bytes under the new name; a fresh file opens */
    CHECK_INT(store_set_aside(p, 1795000000, moved, sizeof moved, err, sizeof err), 0);
    CHECK(strstr(moved, ".damaged-20261118-") != NULL);
    CHECK(file_bytes(moved, after, sizeof after) == n && memcmp(before, after, n) == 0);
    st = store_open(p, &why, err, sizeof err);
    CHECK(st != NULL);
    store_close(st);
}

/* A plan larger than a plan may be (PLAN_BYTES_MAX) is not stored: the
 * reader would refuse it after a restart. What was stored stays. */
static void test_full_plan(void)
{
    char err[300], db[300];
    snprintf(db, sizeof db, "%s/full.db", dir);
    Store *st = store_open(db, NULL, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    Plan *p = one_person(1);
    static char text[TEXT_MAX];
    for (size_t i = 0; i + 1 < sizeof text; i++)
        text[i] = "Noor wil rust. "[i % 15];
    while (plan_apply(p, &(Edit){.kind = EDIT_ITEM_ADD, .field = SECTION_DREAM, .text = text}, NULL,
                      NULL) == EDIT_OK)
        ;
    plan_apply(p, &(Edit){.kind = EDIT_ITEM_ADD, .field = SECTION_DREAM, .text = "kort"}, NULL,
               NULL);
    int64_t m = 0;
    CHECK_INT(store_meeting_create(st, p, 100, &m), STORE_OK); /* full, and stored */
    int n = p->section[SECTION_DREAM].n;
    ItemList *dream = &p->section[SECTION_DREAM];
    free(dream->items[n - 1].text); /* past the edits' check */
    dream->items[n - 1].text = strdup(text);
    CHECK_INT(store_commit(st, m, p, 101), STORE_FULL);
    CHECK(strstr(store_message(st), "larger than a plan may be") != NULL);
    CHECK_INT(store_meeting_cursor(st, m), 1);
    plan_destroy(p);
    store_close(st);
    st = store_open(db, NULL, err, sizeof err); /* and it all reads back */
    Plan *l = st ? store_meeting_load(st, m) : NULL;
    CHECK(l && l->section[SECTION_DREAM].n == n &&
          !strcmp(l->section[SECTION_DREAM].items[n - 1].text, "kort"));
    plan_destroy(l);
    store_close(st);
}

static void test_damaged(void)
{
    char err[300];
    /* not a database at all */
    check_damaged("text", make_file("text.db", "just some text, not sqlite", 26), STORE_DAMAGED);
    /* a Kring database cut in half */
    char good[300];
    snprintf(good, sizeof good, "%s/good.db", dir);
    Store *st = store_open(good, NULL, err, sizeof err);
    Plan *p = one_person(1);
    int64_t m;
    for (int i = 0; i < 40; i++)
        store_meeting_create(st, p, 1, &m);
    plan_destroy(p);
    store_close(st);
    static unsigned char bytes[1 << 20];
    size_t n = file_bytes(good, bytes, sizeof bytes);
    CHECK(n > 8192);
    check_damaged("truncated", make_file("cut.db", bytes, n / 2), STORE_DAMAGED);
    /* the header of a b-tree page in the middle overwritten */
    memset(bytes + 4096, 0xA5, 64);
    check_damaged("scribbled", make_file("scribbled.db", bytes, n), STORE_DAMAGED);
    /* another program's database */
    char other[300];
    snprintf(other, sizeof other, "%s/other.db", dir);
    sqlite3 *db;
    sqlite3_open(other, &db);
    sqlite3_exec(db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')", NULL,
                 NULL, NULL);
    sqlite3_close(db);
    check_damaged("foreign", other, STORE_FOREIGN);
    /* a newer Kring: our mark, a later version */
    char newer[300];
    snprintf(newer, sizeof newer, "%s/newer.db", dir);
    sqlite3_open(newer, &db);
    sqlite3_exec(db,
                 "PRAGMA application_id = 1263685191; PRAGMA user_version = 999;"
                 "CREATE TABLE future (x)",
                 NULL, NULL, NULL);
    sqlite3_close(db);
    check_damaged("newer", newer, STORE_NEWER);
    /* an empty file is simply a new database */
    const char *empty = make_file("empty.db", "", 0);
    st = store_open(empty, NULL, err, sizeof err);
    CHECK(st != NULL);
    store_close(st);
    /* a folder that does not exist cannot be reached, and nothing is moved */
    StoreOpen why;
    CHECK(store_open("/nonexistent-kring-dir/x.db", &why, err, sizeof err) == NULL);
    CHECK_INT(why, STORE_UNREACHABLE);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(path, sizeof path, "%s/kring.db", dir);
    test_history();
    test_key_slots();
    test_meetings_and_erasure();
    test_sealing_old_meetings();
    test_full_plan();
    test_damaged();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done("store");
}
