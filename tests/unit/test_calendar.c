/* Unit tests for the calendar files a person takes home: every kind of
 * schedule repeats on the right days until the evaluation (read back and
 * expanded by Python's icalendar and dateutil, as a phone would), each
 * file holds that person's parts and nobody else's, and long texts in any
 * script are folded whole. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "core/calendar.h"
#include "core/edit.h"
#include "core/pages.h"
#include "core/plan.h"
#include "core/textexport.h"

static uint32_t add(Plan *p, Edit e)
{
    uint32_t id = 0;
    const char *why = NULL;
    EditResult r = plan_apply(p, &e, &id, &why);
    if (r != EDIT_OK) fprintf(stderr, "edit %d refused: %s\n", e.kind, why ? why : "?");
    CHECK_INT(r, EDIT_OK);
    return id;
}

static uint32_t agree(Plan *p, uint32_t goal, uint32_t who, uint32_t with, const char *what,
                      const char *words, Schedule s, uint32_t checker)
{
    Edit e = {.kind = EDIT_AGREEMENT_ADD,
              .goal = goal,
              .people = {who, with},
              .n_people = with ? 2 : 1,
              .text = what,
              .text2 = words,
              .schedule = s,
              .checker = checker};
    return add(p, e);
}

static char out_dir[1024];

static void write_file(const char *name, const char *text)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", out_dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* Python's reading of FILE against EXPECT (tests/calendar_check.py). */
static void python_check(const char *ics, const char *expect_json)
{
    write_file("expect.json", expect_json);
    char cmd[4096];
    /* Debian's own Python, where python3-icalendar is */
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 '%s/tests/calendar_check.py' '%s/%s' '%s/expect.json'",
             KRING_SOURCE_DIR, out_dir, ics, out_dir);
    int rc = system(cmd);
    if (rc != 0) fprintf(stderr, "calendar_check.py said no to %s\n", ics);
    CHECK_INT(rc, 0);
}

/* The text without its folding (RFC 5545 3.1): CRLF and one space go. */
static char *unfold(const char *s)
{
    char *r = malloc(strlen(s) + 1), *o = r;
    for (; r && *s; s++) {
        if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
            s += 2;
            continue;
        }
        *o++ = *s;
    }
    if (r) *o = '\0';
    return r;
}

int main(void)
{
    snprintf(out_dir, sizeof out_dir, "%s/test-output/calendar", KRING_BINARY_DIR);
    mkdir(KRING_BINARY_DIR "/test-output", 0755);
    mkdir(out_dir, 0755);
    Plan *p = plan_create();
    add(p, (Edit){.kind = EDIT_SET_FIELD, .field = FIELD_FAMILY, .text = "Jansen"});
    add(p, (Edit){.kind = EDIT_SET_FIELD, .field = FIELD_DATE, .text = "2026-11-21"});
    uint32_t oma = add(p, (Edit){.kind = EDIT_PERSON_ADD, .text = "Oma Jamila", .flag = true});
    uint32_t esther = add(p, (Edit){.kind = EDIT_PERSON_ADD, .text = "Esther", .flag = true});
    uint32_t ans = add(p, (Edit){.kind = EDIT_PERSON_ADD, .text = "Ans", .flag = true});
    uint32_t lang = add(p, (Edit){.kind = EDIT_PERSON_ADD, .text = "Lang", .flag = true});
    uint32_t goal = add(p, (Edit){.kind = EDIT_GOAL_ADD, .text = "Sam gaat elke dag naar school."});
    add(p, (Edit){.kind = EDIT_EVALUATION,
                  .text = "2027-02-20",
                  .text2 = "10:00",
                  .text3 = "12:00",
                  .text4 = "Wijkcentrum"});
    agree(p, goal, oma, 0, "brengt Sam naar school", "niet in de vakantie",
          (Schedule){REPEAT_WEEKLY, 0x05, "", "07:45"}, esther);
    agree(p, goal, oma, 0, "belt de school", "", (Schedule){REPEAT_SCHOOLDAYS, 0, "", ""}, 0);
    agree(p, goal, oma, esther, "wandelen", "", (Schedule){REPEAT_FORTNIGHTLY, 0x02, "", "19:00"},
          0);
    agree(p, goal, oma, 0, "gaat mee naar de dokter", "",
          (Schedule){REPEAT_ONCE, 0, "2027-03-03", "10:00"}, 0);
    agree(p, goal, oma, 0, "betaalt de huur", "", (Schedule){REPEAT_MONTHLY, 0, "2026-12-03", ""},
          0);
    agree(p, goal, oma, 0, "kookt", "", (Schedule){REPEAT_DAILY, 0, "", "20:00"}, 0);
    agree(p, goal, oma, 0, "gaat mee als het nodig is", "als het nodig is", (Schedule){0}, 0);
    agree(p, goal, esther, 0, "opent de post", "", (Schedule){REPEAT_WEEKLY, 0x01, "", ""}, oma);

    char *cal = calendar_person(p, oma, NULL, 1795424400);
    CHECK(cal != NULL);
    if (cal) write_file("oma.ics", cal);
    python_check(
        "oma.ics",
        "{\"brengt Sam naar school\": {\"first\": [\"2026-11-23 07:45\", \"2026-11-25 07:45\", "
        "\"2026-11-30 07:45\"], \"count\": 26, \"last\": \"2027-02-17 07:45\", \"alarm\": "
        "\"-PT15M\", \"description\": \"niet in de vakantie\"},"
        "\"belt de school\": {\"first\": [\"2026-11-23\", \"2026-11-24\", \"2026-11-25\", "
        "\"2026-11-26\", \"2026-11-27\", \"2026-11-30\"], \"last\": \"2027-02-19\", \"alarm\": "
        "\"PT8H\"},"
        "\"wandelen\": {\"first\": [\"2026-11-24 19:00\", \"2026-12-08 19:00\", \"2026-12-22 "
        "19:00\"], \"count\": 7, \"last\": \"2027-02-16 19:00\", \"description\": \"Esther\"},"
        "\"gaat mee naar de dokter\": {\"first\": [\"2027-03-03 10:00\"], \"count\": 1},"
        "\"betaalt de huur\": {\"first\": [\"2026-12-03\", \"2027-01-03\", \"2027-02-03\"], "
        "\"count\": 3},"
        "\"kookt\": {\"first\": [\"2026-11-21 20:00\", \"2026-11-22 20:00\"], \"count\": 92, "
        "\"last\": \"2027-02-20 20:00\"},"
        "\"gaat mee als het nodig is\": null,"
        "\"Kijk of het gebeurd is: opent de post\": {\"first\": [\"2026-11-23\", "
        "\"2026-11-30\"], \"description\": \"Esther\"},"
        "\"Evaluatie plan familie Jansen\": {\"first\": [\"2027-02-20 10:00\"], \"count\": 1}}");
    CHECK_INT(calendar_unscheduled(p, oma), 1);
    /* Esther's: her own and what she checks, nothing that is only oma's */
    char *es = calendar_person(p, esther, NULL, 1795424400);
    CHECK(es && strstr(es, "SUMMARY:opent de post") && strstr(es, "SUMMARY:wandelen") &&
          strstr(es, "Kijk of het gebeurd is: brengt Sam naar school") &&
          !strstr(es, "belt de school") && !strstr(es, "huur") && !strstr(es, "kookt"));
    /* someone who does and checks nothing has no file */
    char *none = calendar_person(p, ans, NULL, 1795424400);
    CHECK(none && none[0] == '\0');
    CHECK(calendar_person(p, 999, NULL, 0) == NULL);
    /* schedules in words, for the page and the paper */
    char words[256];
    export_schedule(&plan_agreement(p, p->agreements[0].id)->schedule, NULL, words, sizeof words);
    CHECK_STR(words, "elke maandag en woensdag, om 07:45");
    export_schedule(&(Schedule){REPEAT_FORTNIGHTLY, 0x15, "", ""}, NULL, words, sizeof words);
    CHECK_STR(words, "om de week op maandag, woensdag en vrijdag");
    export_schedule(&(Schedule){REPEAT_MONTHLY, 0, "2026-12-03", ""}, NULL, words, sizeof words);
    CHECK_STR(words, "op de 3e van elke maand");
    char *when = export_when(&p->agreements[0], NULL);
    CHECK_STR(when, "elke maandag en woensdag, om 07:45 (niet in de vakantie)");
    free(when);
    /* 10,000 characters of Arabic and emoji: folded at 75 octets between
     * characters, and whole once unfolded */
    static char big[40001];
    const char *piece[] = {"\xD8\xB3", "\xF0\x9F\x98\x80", "a", "\xE2\x82\xAC"};
    size_t n = 0;
    for (int i = 0; n + 4 < sizeof big - 1 && i < 10000; i++) {
        strcpy(big + n, piece[i % 4]);
        n += strlen(piece[i % 4]);
    }
    agree(p, goal, lang, 0, big, "", (Schedule){REPEAT_DAILY, 0, "", ""}, 0);
    char *lc = calendar_person(p, lang, NULL, 1795424400);
    CHECK(lc != NULL);
    if (lc) {
        write_file("long.ics", lc);
        python_check("long.ics", "{}");
        char *flat = unfold(lc);
        CHECK(flat && strstr(flat, big));
        free(flat);
        /* and on the page, whole */
        char *pg = page_person(p, lang, NULL, &(PageLinks){.calendar = "agenda.ics"});
        CHECK(pg && strstr(pg, big));
        free(pg);
    }
    free(lc);
    /* the pages: the family's words escaped (a name with markup in it is
     * text, not markup), each person's own parts only, and a page that
     * says so for someone without agreements */
    uint32_t odd =
        add(p, (Edit){.kind = EDIT_PERSON_ADD, .text = "<b>Jo</b> & \"Ed\"", .flag = true});
    agree(p, goal, odd, 0, "<script>alert(1)</script>", "", (Schedule){0}, 0);
    PageLinks links = {.calendar = "agenda.ics"};
    char *page = page_person(p, odd, NULL, &links);
    CHECK(page && strstr(page, "&lt;b&gt;Jo&lt;/b&gt; &amp; &quot;Ed&quot;") &&
          strstr(page, "&lt;script&gt;") && !strstr(page, "<script") && !strstr(page, "<b>Jo"));
    CHECK(page && strstr(page, "lang=\"nl\" dir=\"ltr\""));
    free(page);
    page = page_person(p, oma, NULL, &links);
    CHECK(page && strstr(page, "brengt Sam naar school") && strstr(page, "betaalt de huur") &&
          !strstr(page, "alert(1)") && strstr(page, "agenda.ics") &&
          strstr(page, "elke maandag en woensdag, om 07:45 (niet in de vakantie)"));
    CHECK(page && strstr(page, "Eén afspraak heeft geen vaste dag"));
    free(page);
    page = page_person(p, ans, NULL, &(PageLinks){0});
    CHECK(page && strstr(page, "geen eigen afspraken") && !strstr(page, "agenda.ics"));
    free(page);
    CHECK(page_person(p, 999, NULL, &links) == NULL);
    free(none);
    free(es);
    free(cal);
    plan_destroy(p);
    return check_done("calendar");
}
