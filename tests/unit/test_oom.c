/* Out of memory, the way SQLite and curl test it: a short session of the
 * store is run again and again, and in run N the N-th allocation fails —
 * every allocation of SQLite (SQLITE_CONFIG_MALLOC) and of the JSON
 * library (json_set_alloc_funcs) in turn. No crash, no sanitizer report,
 * no leak (LeakSanitizer checks at exit); and afterwards the database is
 * whole and holds every action the store confirmed. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sqlite3.h>

#include "check.h"
#include "core/plan.h"
#include "store/store.h"

static long allocs, fail_at = -1, failed;

static bool fail_now(void)
{
    allocs++;
    if (fail_at >= 0 && allocs == fail_at) {
        failed++;
        return true;
    }
    return false;
}

/* SQLite's allocator: a size in front of each block */
static void *s_malloc(int n)
{
    if (fail_now())
        return NULL;
    int64_t *p = malloc((size_t)n + 8);
    if (!p)
        return NULL;
    p[0] = n;
    return p + 1;
}

static void s_free(void *p)
{
    if (p)
        free((int64_t *)p - 1);
}

static void *s_realloc(void *p, int n)
{
    if (!p)
        return s_malloc(n);
    if (fail_now())
        return NULL;
    int64_t *q = realloc((int64_t *)p - 1, (size_t)n + 8);
    if (!q)
        return NULL;
    q[0] = n;
    return q + 1;
}

static int s_size(void *p)
{
    return p ? (int)((int64_t *)p)[-1] : 0;
}

static int s_roundup(int n)
{
    return (n + 7) & ~7;
}

static int s_init(void *app)
{
    (void)app;
    return SQLITE_OK;
}

static void s_shutdown(void *app)
{
    (void)app;
}

static void *j_malloc(size_t n)
{
    return fail_now() ? NULL : malloc(n);
}

static void j_free(void *p)
{
    free(p);
}

static char dir[] = "/tmp/kring-oom-XXXXXX";

/* The session; returns the step the store's cursor must be on: the
 * last action it confirmed, moved by the undo and redo it confirmed. */
static int64_t session(const char *path)
{
    char err[300];
    Store *st = store_open(path, NULL, err, sizeof err);
    if (!st)
        return 0;
    Plan *p = plan_create();
    plan_set_field(p, FIELD_FAMILY, "Jansen");
    plan_add_person(p, &(Person){ .name = "Anna", .relation = "oma",
                                  .place = { SECTOR_FAMILY, 1, 500, 500 }, .scale = SCALE_NONE });
    int64_t m = 0, confirmed = 0;
    if (store_meeting_create(st, p, 1, &m) == STORE_OK)
        confirmed = 1;
    for (int i = 0; m && i < 5; i++) {
        p->people[0].place.u = i * 100;
        if (store_commit(st, m, p, 2 + i) == STORE_OK)
            confirmed = store_meeting_cursor(st, m) > confirmed ? store_meeting_cursor(st, m)
                                                                : confirmed;
    }
    plan_destroy(p);
    /* undo and redo move what is confirmed, when they are */
    Plan *u = m && confirmed > 1 ? store_undo(st, m) : NULL;
    if (u)
        confirmed--;
    plan_destroy(u);
    Plan *r = u ? store_redo(st, m) : NULL;
    if (r)
        confirmed++;
    plan_destroy(r);
    Plan *l = m ? store_meeting_load(st, m) : NULL;
    plan_destroy(l);
    MeetingInfo info[4];
    store_meetings(st, info, 4);
    char v[32];
    store_setting(st, "language", v, sizeof v);
    const char *pairs[2] = { "language", "en" };
    store_set_settings(st, pairs, 1);
    store_close(st);
    return confirmed;
}

int main(void)
{
    static const sqlite3_mem_methods methods = { s_malloc, s_free, s_realloc, s_size, s_roundup,
                                                 s_init, s_shutdown, NULL };
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK) {
        fputs("could not set SQLite's allocator\n", stderr);
        return 1;
    }
    json_set_alloc_funcs(j_malloc, j_free);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[200], cmd[400];
    snprintf(path, sizeof path, "%s/oom.db", dir);
    snprintf(cmd, sizeof cmd, "rm -f '%s'/oom.db*", dir);
    /* a clean run counts the allocations */
    if (system(cmd) != 0)
        return 1;
    allocs = 0;
    CHECK_INT(session(path), 6);
    long total = allocs;
    long step = getenv("KRING_OOM_STEP") ? atol(getenv("KRING_OOM_STEP")) : 1;
    long runs = 0, lost = 0;
    for (long n = 1; n <= total; n += step) {
        if (system(cmd) != 0)
            return 1;
        allocs = 0;
        fail_at = n;
        int64_t confirmed = session(path);
        fail_at = -1;
        runs++;
        /* with memory back: whole, and nothing confirmed missing */
        char err[300];
        Store *st = store_open(path, NULL, err, sizeof err);
        if (!st) {
            if (confirmed)
                lost++;
            continue;
        }
        CHECK(store_integrity_ok(st));
        int64_t m = store_meeting_latest(st);
        int64_t have = m ? store_meeting_cursor(st, m) : 0;
        if (have < confirmed) {
            lost++;
            fprintf(stderr, "allocation %ld failed: confirmed %lld, found %lld\n", n,
                    (long long)confirmed, (long long)have);
        }
        store_close(st);
    }
    printf("out of memory: %ld allocations in a session, %ld runs each failing one, "
           "%ld failures injected, %ld runs lost a confirmed action\n",
           total, runs, failed, lost);
    CHECK_INT(lost, 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done("oom");
}
