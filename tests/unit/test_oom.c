/* Out of memory, the way SQLite and curl test it: a short session is run
 * again and again, and in run N the N-th allocation fails — every
 * allocation of Kring's own (core/mem.h), of SQLite (SQLITE_CONFIG_MALLOC,
 * store_count_memory) and of the JSON library, each in turn.
 *
 * Two sessions: the store's (open, create, commits, undo, redo, load,
 * settings), after which the database is whole and holds every action
 * the store confirmed; and the model's (every kind of edit, copies, the
 * plan file both ways, the texts, the share codes, redaction, a
 * catalogue, typing, a draw list), in which whatever memory refused is
 * tried again, as the family would, and the end result must be exactly
 * that of a run where nothing failed. An edit refused for memory must
 * leave the plan as it was and say so. No crash, no sanitizer report, no
 * leak (LeakSanitizer checks at exit). KRING_OOM_STEP=K tries every K-th
 * allocation only. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/draw.h"
#include "core/edit.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/plan.h"
#include "core/planfile.h"
#include "core/redact.h"
#include "core/share.h"
#include "core/textedit.h"
#include "core/calendar.h"
#include "core/textexport.h"
#include "store/store.h"

#ifndef KRING_SOURCE_DIR
#define KRING_SOURCE_DIR "."
#endif

static char dir[] = "/tmp/kring-oom-XXXXXX";

/* The session; returns the step the store's cursor must be on: the
 * last action it confirmed, moved by the undo and redo it confirmed. */
static int64_t session(const char *path)
{
    char err[300];
    Store *st = store_open(path, NULL, err, sizeof err);
    if (!st) return 0;
    Plan *p = plan_create();
    if (!p || !plan_set_field(p, FIELD_FAMILY, "Jansen") ||
        !plan_add_person(p, &(Person){.name = "Anna",
                                      .relation = "oma",
                                      .place = {SECTOR_FAMILY, 1, 500, 500},
                                      .scale = SCALE_NONE})) {
        plan_destroy(p); /* nothing confirmed yet */
        store_close(st);
        return 0;
    }
    int64_t m = 0, confirmed = 0;
    if (store_meeting_create(st, p, 1, &m) == STORE_OK) confirmed = 1;
    for (int i = 0; m && i < 5; i++) {
        p->people[0].place.u = i * 100;
        if (store_commit(st, m, p, 2 + i) == STORE_OK)
            confirmed =
                store_meeting_cursor(st, m) > confirmed ? store_meeting_cursor(st, m) : confirmed;
    }
    plan_destroy(p);
    /* undo and redo move what is confirmed, when they are */
    Plan *u = m && confirmed > 1 ? store_undo(st, m) : NULL;
    if (u) confirmed--;
    plan_destroy(u);
    Plan *r = u ? store_redo(st, m) : NULL;
    if (r) confirmed++;
    plan_destroy(r);
    Plan *l = m ? store_meeting_load(st, m) : NULL;
    plan_destroy(l);
    MeetingInfo info[4];
    store_meetings(st, info, 4);
    char v[32];
    store_setting(st, "language", v, sizeof v);
    const char *pairs[2] = {"language", "en"};
    store_set_settings(st, pairs, 1);
    store_close(st);
    return confirmed;
}

/* ---- the model's session ---- */

/* What a run made, in test memory (not counted): compared with a clean run. */
typedef struct Log {
    char *s;
    size_t n;
} Log;

static void log_add(Log *l, const char *what, const char *text)
{
    size_t a = strlen(what), b = text ? strlen(text) : 6;
    char *g = realloc(l->s, l->n + a + b + 3);
    if (!g) abort(); /* the test's own memory: not under test */
    l->s = g;
    memcpy(l->s + l->n, what, a);
    l->s[l->n + a] = '\n';
    memcpy(l->s + l->n + a + 1, text ? text : "(null)", b);
    l->n += a + b + 1;
    l->s[l->n++] = '\n';
    l->s[l->n] = '\0';
}

static long retries, refusals_said;

/* Applies e as a person would: when memory was short, the plan must be as
 * before and the reason said; then they try again. */
static uint32_t edit(Plan *p, Edit e)
{
    char *before = planfile_format(p);
    for (int tries = 0; tries < 4; tries++) {
        uint32_t id = 0;
        const char *why = NULL;
        EditResult r = plan_apply(p, &e, &id, &why);
        if (r != EDIT_NO_MEMORY) {
            CHECK_INT(r, EDIT_OK);
            free(before);
            return id;
        }
        retries++;
        CHECK(why && strstr(why, "geheugen"));
        refusals_said += why && strstr(why, "geheugen");
        char *after = planfile_format(p);
        if (before && after) CHECK_STR(after, before);
        free(after);
    }
    CHECK(!"an edit kept failing");
    free(before);
    return 0;
}

/* Runs f until it gives something (memory fails once per run at most). */
#define AGAIN(var, expr)                                                                           \
    do {                                                                                           \
        for (int t_ = 0; t_ < 4 && !((var) = (expr)); t_++)                                        \
            retries++;                                                                             \
        CHECK((var) != NULL);                                                                      \
    } while (0)

static void model_session(const char *po, size_t po_n, Log *log)
{
    Plan *p;
    AGAIN(p, plan_create());
    if (!p) return;
    edit(p, (Edit){.kind = EDIT_SET_FIELD, .field = FIELD_FAMILY, .text = "Jansen"});
    edit(p, (Edit){.kind = EDIT_SET_FIELD, .field = FIELD_CHILDREN, .text = "Sam (8)"});
    uint32_t anna = edit(p, (Edit){.kind = EDIT_PERSON_ADD,
                                   .text = "Anna",
                                   .text2 = "oma",
                                   .text3 = "grandma",
                                   .flag = true,
                                   .place = {SECTOR_FAMILY, 1, 400, 500}});
    uint32_t jamila = edit(p, (Edit){.kind = EDIT_PERSON_ADD,
                                     .text = "\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9",
                                     .text2 = "buurvrouw",
                                     .flag = true,
                                     .place = {SECTOR_FRIENDS, 2, 300, 600}});
    edit(p, (Edit){.kind = EDIT_PERSON_SET,
                   .id = anna,
                   .text = "Anna de Vries",
                   .text2 = "oma \xF0\x9F\x99\x82",
                   .text3 = "grandma",
                   .flag = true});
    edit(p, (Edit){.kind = EDIT_PERSON_MOVE, .id = anna, .place = {SECTOR_FAMILY, 2, 200, 100}});
    edit(p, (Edit){.kind = EDIT_PERSON_SCALE, .id = jamila, .number = 7});
    uint32_t item = edit(
        p, (Edit){.kind = EDIT_ITEM_ADD, .field = SECTION_CONCERNS, .text = "Sam slaapt slecht"});
    edit(p, (Edit){.kind = EDIT_ITEM_ADD, .field = SECTION_DREAM, .text = "Samen op vakantie"});
    edit(p, (Edit){.kind = EDIT_ITEM_SET, .id = item, .text = "Sam slaapt  slecht \x01"});
    uint32_t gone = edit(p, (Edit){.kind = EDIT_ITEM_ADD, .field = SECTION_HELP, .text = "x"});
    edit(p, (Edit){.kind = EDIT_ITEM_REMOVE, .id = gone});
    uint32_t goal = edit(p, (Edit){.kind = EDIT_GOAL_ADD,
                                   .text = "Sam gaat elke dag naar school",
                                   .number = AREA_SCHOOL});
    uint32_t goal2 =
        edit(p, (Edit){.kind = EDIT_GOAL_ADD, .text = "Rust in huis", .number = AREA_HOME});
    edit(p, (Edit){.kind = EDIT_GOAL_MOVE, .id = goal2, .index = 0});
    edit(p, (Edit){.kind = EDIT_GOAL_SET,
                   .id = goal,
                   .text = "Sam gaat naar school",
                   .number = AREA_SCHOOL});
    uint32_t ag = edit(p, (Edit){.kind = EDIT_AGREEMENT_ADD,
                                 .goal = goal,
                                 .people = {anna},
                                 .n_people = 1,
                                 .text = "Brengt Sam",
                                 .text2 = "elke ochtend",
                                 .checker = jamila});
    edit(p, (Edit){.kind = EDIT_AGREEMENT_SET,
                   .id = ag,
                   .goal = goal,
                   .people = {anna, jamila},
                   .n_people = 2,
                   .text = "Brengen Sam",
                   .text2 = "ma-vr",
                   .schedule = {REPEAT_SCHOOLDAYS, 0, "", "08:15"},
                   .checker = jamila});
    uint32_t v = edit(p, (Edit){.kind = EDIT_VOICE_ADD,
                                .text = "Sam",
                                .text2 = "Ik wil voetballen",
                                .support = jamila});
    edit(p, (Edit){.kind = EDIT_VOICE_SET,
                   .id = v,
                   .text = "Sam",
                   .text2 = "Ik wil op voetbal",
                   .support = anna});
    edit(p, (Edit){.kind = EDIT_EVALUATION,
                   .text = "2027-02-20",
                   .text2 = "10:00",
                   .text3 = "11:30",
                   .text4 = "Buurthuis",
                   .support = jamila});
    edit(p, (Edit){.kind = EDIT_PERSON_AGREE, .id = anna, .time = 1795424400});
    edit(p, (Edit){.kind = EDIT_APPROVE, .time = 1795424500});
    uint32_t extra = edit(p, (Edit){.kind = EDIT_PERSON_ADD,
                                    .text = "Piet",
                                    .text2 = "buurman",
                                    .place = {SECTOR_FRIENDS, 3, 500, 500}});
    edit(p, (Edit){.kind = EDIT_PERSON_REMOVE, .id = extra});

    /* a copy, the plan file both ways */
    Plan *copy;
    AGAIN(copy, plan_clone(p));
    char *text, *again = NULL;
    AGAIN(text, planfile_format(p));
    if (copy) {
        AGAIN(again, planfile_format(copy));
        CHECK_STR(again, text);
    }
    free(again);
    plan_destroy(copy);
    char err[300] = "";
    Plan *read = NULL;
    for (int t = 0; t < 4 && text && !read; t++) {
        read = planfile_parse(text, strlen(text), err, sizeof err);
        if (!read && !strstr(err, "memory")) { /* never "damaged" for want of memory */
            CHECK(!"a plan file read as damaged for want of memory");
            fprintf(stderr, "%s\n", err);
        }
    }
    CHECK(read != NULL);
    if (read) {
        AGAIN(again, planfile_format(read));
        CHECK_STR(again, text);
        free(again);
    }
    plan_destroy(read);
    log_add(log, "plan", text);
    free(text);

    /* the texts, the codes, redaction */
    AGAIN(text, export_plan_brief(p, NULL));
    log_add(log, "text", text);
    free(text);
    AGAIN(text, export_person_text(p, anna, NULL));
    log_add(log, "anna", text);
    free(text);
    AGAIN(text, export_vevent(p, NULL, 1795424400, NULL));
    log_add(log, "event", text);
    free(text);
    AGAIN(text, calendar_person(p, anna, NULL, 1795424400));
    log_add(log, "calendar", text);
    free(text);
    ShareSet *set;
    AGAIN(set, share_build(p, NULL, 1795424400, SHARE_PART_BYTES));
    for (int i = 0; set && i < set->n; i++)
        log_add(log, set->codes[i].name, set->codes[i].payload);
    share_destroy(set);
    Plan *paper;
    AGAIN(paper, plan_redacted(p, REDACT_CONCERNS | REDACT_NAMES));
    if (paper) {
        AGAIN(text, planfile_format(paper));
        log_add(log, "redacted", text);
        free(text);
    }
    plan_destroy(paper);

    /* a catalogue */
    Catalog *cat = NULL;
    for (int t = 0; t < 4 && !cat; t++) {
        cat = catalog_parse(po, po_n, err, sizeof err);
        if (!cat) CHECK(strstr(err, "out of memory") != NULL);
    }
    CHECK(cat != NULL);
    log_add(log, "tr", tr(cat, "Ons plan"));
    catalog_destroy(cat);

    /* typing */
    TextEdit te;
    textedit_init(&te, "Zo", 100);
    for (int t = 0; t < 4 && !textedit_insert(&te, "\xC3\xAB \xF0\x9F\x99\x82"); t++)
        retries++;
    textedit_backspace(&te);
    log_add(log, "typed", textedit_text(&te));
    textedit_fini(&te);

    /* a frame's draw list: one short of memory says so, and is built again */
    DrawList dl, shown;
    draw_init(&dl);
    draw_init(&shown);
    for (int t = 0; t < 4; t++) {
        draw_clear(&dl);
        for (int i = 0; i < 300; i++) {
            draw_rect(&dl, (Rect){i, i, 10, 10}, 2, 0x336699FF);
            draw_text(&dl, (Rect){i, i, 100, 20}, 0, 0, 0x000000FF, "Anna", 4);
        }
        if (!dl.short_of_memory && draw_copy(&shown, &dl)) break;
        retries++;
    }
    CHECK(!dl.short_of_memory && draw_equal(&shown, &dl));
    CHECK_INT(shown.n, 600);
    draw_fini(&dl);
    draw_fini(&shown);

    text = planfile_format(p);
    for (int t = 0; t < 4 && !text; t++)
        text = planfile_format(p);
    log_add(log, "end", text);
    free(text);
    plan_destroy(p);
}

static void model_runs(long step)
{
    char err[300];
    size_t po_n;
    char *po = file_read_all(KRING_SOURCE_DIR "/assets/po/en.po", 1 << 20, &po_n, err, sizeof err);
    CHECK(po != NULL);
    if (!po) return;
    Log clean = {0};
    mem_fail_at(0, false);
    model_session(po, po_n, &clean);
    long total = mem_count(), runs = 0, differed = 0, failed0 = mem_failed();
    CHECK_INT(retries, 0);
    long from = getenv("KRING_OOM_FROM") ? atol(getenv("KRING_OOM_FROM")) : 1;
    for (long n = from > 0 ? from : 1; n <= total; n += step) {
        Log log = {0};
        mem_fail_at(n, false);
        model_session(po, po_n, &log);
        mem_fail_at(0, false);
        runs++;
        if (!log.s || strcmp(log.s, clean.s) != 0) {
            differed++;
            fprintf(stderr, "allocation %ld failed: the session ended differently\n", n);
        }
        free(log.s);
    }
    printf("out of memory, model: %ld allocations in a session, %ld runs each failing one, "
           "%ld failures injected, %ld retries, %ld edits refused in words, %ld runs ended "
           "differently\n",
           total, runs, mem_failed() - failed0, retries, refusals_said, differed);
    CHECK_INT(differed, 0);
    free(clean.s);
    free(po);
}

int main(void)
{
    if (!store_count_memory()) {
        fputs("could not set SQLite's allocator\n", stderr);
        return 1;
    }
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[200], cmd[400];
    snprintf(path, sizeof path, "%s/oom.db", dir);
    snprintf(cmd, sizeof cmd, "rm -f '%s'/oom.db*", dir);
    /* a clean run counts the allocations */
    if (system(cmd) != 0) return 1;
    mem_fail_at(0, false);
    CHECK_INT(session(path), 6);
    long total = mem_count();
    long step = getenv("KRING_OOM_STEP") ? atol(getenv("KRING_OOM_STEP")) : 1;
    long runs = 0, lost = 0;
    for (long n = 1; n <= total; n += step) {
        if (system(cmd) != 0) return 1;
        mem_fail_at(n, false);
        int64_t confirmed = session(path);
        mem_fail_at(0, false);
        runs++;
        /* with memory back: whole, and nothing confirmed missing */
        char err[300];
        Store *st = store_open(path, NULL, err, sizeof err);
        if (!st) {
            if (confirmed) lost++;
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
    printf("out of memory, store: %ld allocations in a session, %ld runs each failing one, "
           "%ld failures injected, %ld runs lost a confirmed action\n",
           total, runs, mem_failed(), lost);
    CHECK_INT(lost, 0);
    model_runs(step);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done("oom");
}
