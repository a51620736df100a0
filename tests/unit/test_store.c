/* Unit tests for the store: a temporary database, history, undo/redo that
 * survive reopening, and refusing a database from a newer Kring. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "store/store.h"

static char dir[] = "/tmp/kring-store-XXXXXX";
static char path[256];

static Plan *one_person(int ring)
{
    Plan *p = plan_create();
    plan_set_field(p, FIELD_FAMILY, "Jansen");
    plan_add_person(p, &(Person){ .id = 1, .name = "Ans", .relation = "buurvrouw",
                                  .place = { SECTOR_FRIENDS, ring, 500, 500 } });
    return p;
}

static void test_history(void)
{
    char err[300];
    Store *st = store_open(path, err, sizeof err);
    CHECK(st != NULL);
    if (!st)
        return;
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
    st = store_open(path, err, sizeof err);
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

static void test_newer_database(void)
{
    char newer[300], err[300];
    snprintf(newer, sizeof newer, "%s/newer.db", dir);
    sqlite3 *db;
    sqlite3_open(newer, &db);
    sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
    sqlite3_close(db);
    Store *st = store_open(newer, err, sizeof err);
    CHECK(st == NULL);
    CHECK(strstr(err, "newer Kring") != NULL);
    store_close(st);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(path, sizeof path, "%s/kring.db", dir);
    test_history();
    test_newer_database();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done("store");
}
