/* Unit tests for the plain-C core: UTF-8, catalogues, geometry, gestures,
 * the script language and draw lists. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/bidi.h"
#include "core/draw.h"
#include "core/gesture.h"
#include "core/i18n.h"
#include "core/netmap.h"
#include "core/script.h"
#include "core/textedit.h"
#include "core/calendar.h"
#include "core/textexport.h"
#include "core/utf8.h"

static void test_utf8(void)
{
    CHECK(utf8_valid("Zoë", strlen("Zoë")));
    CHECK(!utf8_valid("\xC3", 1));
    CHECK(!utf8_valid("a\xFF"
                      "b",
                      3));
    CHECK(!utf8_valid("\xED\xA0\x80", 3)); /* a surrogate */
    CHECK(!utf8_valid("\xC0\xAF", 2));     /* overlong */
    char *r = utf8_repair("a\xFF"
                          "b\x01"
                          "c",
                          5);
    CHECK_STR(r, "a\xEF\xBF\xBD"
                 "bc");
    free(r);
    /* backspace removes whole characters */
    const char *e = "e\xCC\x81"; /* e + combining acute */
    CHECK_INT(utf8_prev_char(e, 3), 0);
    const char *fam = "x\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"; /* x + woman ZWJ girl */
    CHECK_INT(utf8_prev_char(fam, strlen(fam)), 1);
    CHECK_INT(utf8_next_char(fam, strlen(fam), 1), strlen(fam));
    const char *flag = "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1"; /* NL flag */
    CHECK_INT(utf8_prev_char(flag, 8), 0);
    CHECK_INT(utf8_next_char(flag, 8, 0), 8);
    const char *flags =
        "a\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1\xF0\x9F\x87\xA7\xF0\x9F\x87\xAA"; /* a🇳🇱🇧🇪 */
    CHECK_INT(utf8_prev_char(flags, 17), 9); /* backspace takes 🇧🇪, not half of it */
    CHECK_INT(utf8_prev_char(flags, 9), 1);
    CHECK_INT(utf8_next_char(flags, 17, 1), 9);
    const char *thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"; /* thumbs up, skin tone */
    CHECK_INT(utf8_prev_char(thumbs, 8), 0);
    uint32_t cp;
    utf8_decode("\xD8\xAC", 2, &cp);
    CHECK(utf8_is_arabic(cp) && utf8_is_rtl(cp));
}

static void test_i18n(void)
{
    const char *po = "# comment\n"
                     "msgid \"\"\n"
                     "msgstr \"Language: en\\n\"\n"
                     "\n"
                     "msgid \"Doelen\"\n"
                     "msgstr \"Goals\"\n"
                     "\n"
                     "#, fuzzy\n"
                     "msgid \"Terug\"\n"
                     "msgstr \"Back\"\n"
                     "\n"
                     "msgid \"Plan van de familie %s\"\n"
                     "msgstr \"\"\n"
                     "\"The %s family's \"\n"
                     "\"plan\"\n"
                     "\n"
                     "msgctxt \"button\"\n"
                     "msgid \"Open\"\n"
                     "msgstr \"Open it\"\n";
    char err[200];
    Catalog *c = catalog_parse(po, strlen(po), err, sizeof err);
    CHECK(c != NULL);
    CHECK_STR(tr(c, "Doelen"), "Goals");
    CHECK_STR(tr(c, "Terug"), "Terug"); /* fuzzy entries are not used */
    CHECK_STR(tr(c, "Plan van de familie %s"), "The %s family's plan");
    CHECK_STR(tr(c, "Open"), "Open"); /* only with its context */
    CHECK_STR(tr(c, "Onbekend"), "Onbekend");
    CHECK_STR(tr(NULL, "Doelen"), "Doelen");
    catalog_destroy(c);

    CHECK(catalog_parse("msgid \"a\"\nmsgstr \"b", 17, err, sizeof err) == NULL);
    CHECK(strstr(err, "line 2") != NULL);
    CHECK(catalog_parse("msgstr \"b\"\n", 11, err, sizeof err) == NULL);
    CHECK(catalog_parse("msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n", 42, err,
                        sizeof err) == NULL);
    CHECK(catalog_parse("bogus\n", 6, err, sizeof err) == NULL);

    char out[64];
    tr_fill(out, sizeof out, "Plan van de familie %s", "Jansen");
    CHECK_STR(out, "Plan van de familie Jansen");
    tr_fill(out, sizeof out, "%d %s %n %s", "x"); /* stray % never reach printf */
    CHECK_STR(out, "%d x %n %s");
    tr_fill(out, 6, "ab%s", "cdëfgh"); /* "ë" would be cut in half: dropped */
    CHECK_STR(out, "abcd");
}

static void test_netmap(void)
{
    NetMap m = netmap_make((Rect){0, 0, 1000, 600}, false);
    CHECK_INT(m.centre.x, 500);
    CHECK_INT(m.ry, 300);
    for (int s = 0; s < SECTOR_COUNT; s++)
        for (int r = 1; r <= RING_COUNT; r++) {
            Place p = {.sector = s, .ring = r, .u = 300, .v = 600};
            Place back;
            CHECK(netmap_place_at(&m, netmap_point(&m, p), &back));
            CHECK_INT(back.sector, s);
            CHECK_INT(back.ring, r);
            CHECK(abs(back.u - 300) <= 10 && abs(back.v - 600) <= 25);
        }
    Place p;
    CHECK(!netmap_place_at(&m, m.centre, &p));      /* the child */
    CHECK(!netmap_place_at(&m, (Point){0, 0}, &p)); /* outside */
    /* family is top left, professionals bottom right */
    CHECK(netmap_place_at(&m, (Point){300, 150}, &p));
    CHECK_INT(p.sector, SECTOR_FAMILY);
    CHECK(netmap_place_at(&m, (Point){700, 450}, &p));
    CHECK_INT(p.sector, SECTOR_PROFESSIONALS);
    /* mirrored for right-to-left: family is top right */
    NetMap mm = netmap_make((Rect){0, 0, 1000, 600}, true);
    CHECK(netmap_place_at(&mm, (Point){700, 150}, &p));
    CHECK_INT(p.sector, SECTOR_FAMILY);
}

static void test_gestures(void)
{
    Gestures g;
    Gesture ev;
    gestures_init(&g, 10, 600);
    /* a tap */
    gestures_down(&g, 7, (Point){100, 100}, 1000, "undo", GRAB_TAP);
    CHECK(!gestures_move(&g, 7, (Point){103, 102}, 1010, &ev));
    CHECK(gestures_up(&g, 7, (Point){103, 102}, 1050, &ev));
    CHECK_INT(ev.kind, GESTURE_TAP);
    CHECK_STR(ev.widget, "undo");
    /* a drag: moving past the slop starts it, lifting drops */
    gestures_down(&g, 1, (Point){0, 0}, 2000, "person:3", GRAB_TAP | GRAB_DRAG);
    CHECK(gestures_move(&g, 1, (Point){30, 0}, 2016, &ev));
    CHECK_INT(ev.kind, GESTURE_DRAG_START);
    CHECK_INT(gestures_dragging(&g, "person:3"), ev.slot);
    CHECK(gestures_move(&g, 1, (Point){60, 5}, 2032, &ev));
    CHECK_INT(ev.kind, GESTURE_DRAG_MOVE);
    CHECK(gestures_up(&g, 1, (Point){60, 5}, 2048, &ev));
    CHECK_INT(ev.kind, GESTURE_DROP);
    CHECK_INT(ev.pos.x, 60);
    /* two fingers on one card: only the first holds it */
    gestures_down(&g, 1, (Point){0, 0}, 3000, "person:3", GRAB_DRAG);
    gestures_down(&g, 2, (Point){2, 2}, 3000, "person:3", GRAB_DRAG);
    CHECK(gestures_move(&g, 1, (Point){50, 0}, 3016, &ev));
    CHECK(!gestures_move(&g, 2, (Point){50, 50}, 3016, &ev));
    CHECK(gestures_up(&g, 1, (Point){50, 0}, 3032, &ev));
    CHECK(!gestures_up(&g, 2, (Point){50, 50}, 3032, &ev));
    /* a long press comes due at its deadline */
    gestures_down(&g, 4, (Point){10, 10}, 5000, "person:1", GRAB_LONGPRESS | GRAB_DRAG);
    CHECK_INT(gestures_deadline(&g), 5600);
    CHECK(!gestures_tick(&g, 5599, &ev));
    CHECK(gestures_tick(&g, 5600, &ev));
    CHECK_INT(ev.kind, GESTURE_LONGPRESS);
    CHECK_INT(gestures_deadline(&g), UINT32_MAX);
    CHECK(gestures_up(&g, 4, (Point){30, 12}, 5700, &ev)); /* no tap after: where it let go */
    CHECK_INT(ev.kind, GESTURE_RELEASE);
    CHECK_INT(ev.pos.x, 30);
    /* losing the window cancels drags */
    gestures_down(&g, 5, (Point){0, 0}, 6000, "person:2", GRAB_DRAG);
    gestures_move(&g, 5, (Point){90, 0}, 6016, &ev);
    CHECK(gestures_cancel_all(&g, &ev));
    CHECK_INT(ev.kind, GESTURE_CANCEL);
    CHECK(!gestures_cancel_all(&g, &ev));
    /* an up for an unknown finger is ignored */
    CHECK(!gestures_up(&g, 99, (Point){0, 0}, 7000, &ev));
}

static void test_script(void)
{
    const char *text = "# a comment\n"
                       "tap @next\n"
                       "tap 10 20\n"
                       "drag @person:3 @ring:1:family 500\n"
                       "down 2 100 200\n"
                       "move 2 @goal:4\n"
                       "up 2\n"
                       "type \"Zoë \\\"Z\\\" de Graaf\"\n"
                       "key Ctrl+Z\n"
                       "wait 250\n"
                       "longpress @person:1\n"
                       "shot out.png\n"
                       "dump ids.txt\n"
                       "expect @undo\n"
                       "absent @keyboard\n"
                       "frames 0\n"
                       "resize 800 480\n";
    char err[200];
    Script *s = script_parse(text, strlen(text), err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    CHECK_INT(s->n, 16);
    CHECK_INT(s->steps[0].op, OP_TAP);
    CHECK(s->steps[0].a.is_id);
    CHECK_STR(s->steps[0].a.id, "next");
    CHECK_INT(s->steps[1].a.x, 10);
    CHECK_INT(s->steps[2].ms, 500);
    CHECK_STR(s->steps[2].b.id, "ring:1:family");
    CHECK_INT(s->steps[3].finger, 2);
    CHECK_STR(s->steps[6].text, "Zoë \"Z\" de Graaf");
    CHECK_INT(s->steps[9].ms, 900);
    CHECK_INT(s->steps[15].b.x, 480);
    CHECK_INT(s->steps[2].line, 4);
    script_destroy(s);

    const char *bad[] = {"fly 1 2\n",      "tap\n",         "tap 1\n",     "drag @a\n",
                         "down 12 1 2\n",  "type hello\n",  "wait\n",      "wait -5\n",
                         "tap @a extra\n", "type \"open\n", "expect 1 2\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Script *b = script_parse(bad[i], strlen(bad[i]), err, sizeof err);
        CHECK(b == NULL);
        CHECK(strncmp(err, "line 1:", 7) == 0);
        script_destroy(b);
    }
}

static void test_textedit(void)
{
    TextEdit t;
    textedit_init(&t, "Zoe", 64);
    CHECK_INT(t.cursor, 3);
    textedit_backspace(&t);
    CHECK(textedit_insert(&t, "e\xCC\x88")); /* e + combining diaeresis */
    CHECK_STR(textedit_text(&t), "Zoe\xCC\x88");
    textedit_backspace(&t); /* takes the whole ë */
    CHECK_STR(textedit_text(&t), "Zo");
    textedit_insert(&t, " \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"); /* 👩‍👧 */
    textedit_backspace(&t); /* the family emoji at once */
    CHECK_STR(textedit_text(&t), "Zo ");
    textedit_insert(&t, "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1"); /* 🇳🇱 */
    textedit_left(&t);
    CHECK_INT(t.cursor, 3); /* over the flag in one step */
    textedit_home(&t);
    textedit_insert(&t, "\x01Oma "); /* control characters are dropped */
    CHECK_STR(textedit_text(&t), "Oma Zo \xF0\x9F\x87\xB3\xF0\x9F\x87\xB1");
    textedit_right(&t);
    textedit_delete(&t);
    CHECK_STR(textedit_text(&t), "Oma Z \xF0\x9F\x87\xB3\xF0\x9F\x87\xB1");
    textedit_set_cursor(&t, 9); /* inside the flag: snaps to an edge */
    CHECK(t.cursor == 6 || t.cursor == 14);
    textedit_end(&t);
    char big[80];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK(!textedit_insert(&t, big)); /* past the limit: refused whole */
    CHECK_INT(t.len, 14);
    textedit_set(&t, big); /* too long to set: cut to fit */
    CHECK_INT(t.len, 64);
    textedit_fini(&t);
}

static void test_draw(void)
{
    DrawList a, b;
    draw_init(&a);
    draw_init(&b);
    draw_rect(&a, (Rect){0, 0, 10, 10}, 2, 0xFFFFFFFF);
    draw_text(&a, (Rect){0, 0, 100, 20}, 1, ALIGN_LEFT, 0x000000FF, "Zoë", 4);
    draw_copy(&b, &a);
    CHECK(draw_equal(&a, &b));
    draw_clear(&b);
    draw_rect(&b, (Rect){0, 0, 10, 10}, 2, 0xFFFFFFFF);
    draw_text(&b, (Rect){0, 0, 100, 20}, 1, ALIGN_LEFT, 0x000000FF, "Zoe", 3);
    CHECK(!draw_equal(&a, &b));
    CHECK_STR(draw_cmd_text(&a, &a.cmds[1]), "Zoë");
    draw_rect(&a, (Rect){0, 0, 0, 10}, 0, 0xFFFFFFFF); /* empty: dropped */
    CHECK_INT(a.n, 2);
    draw_fini(&a);
    draw_fini(&b);
}

/* Plural forms chosen by each catalogue's own rule. */
static void test_plural(void)
{
    char err[200];
    /* as found: crafted rules divided LONG_MIN by -1 (SIGFPE) and
     * overflowed; and brackets without end would exhaust the stack. Each
     * is a rule that cannot be read: the catalogue says so */
    static const char *const crafted[] = {
        "(0-9223372036854775807-1)/(0-1)",
        "99999999*99999999*99999999*99999999",
        "99999999*99999999*99999999+99999999*99999999*99999999*99999999",
        "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((n))))))))))))))"
        "))))))))))))))))))))))))))))))))))))))))))))))))))))))",
    };
    for (size_t i = 0; i < sizeof crafted / sizeof crafted[0]; i++) {
        char po[600];
        int len = snprintf(po, sizeof po,
                           "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=2; plural=%s;\\n\"\n",
                           crafted[i]);
        Catalog *bad = catalog_parse(po, (size_t)len, err, sizeof err);
        CHECK(bad == NULL);
        catalog_destroy(bad);
    }
    static const char pl[] =
        "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && "
        "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n\n"
        "msgid \"%s gesprek\"\nmsgid_plural \"%s gesprekken\"\n"
        "msgstr[0] \"%s rozmowa\"\nmsgstr[1] \"%s rozmowy\"\nmsgstr[2] \"%s rozm\xC3\xB3w\"\n";
    Catalog *c = catalog_parse(pl, sizeof pl - 1, err, sizeof err);
    if (!c) fprintf(stderr, "%s\n", err);
    CHECK(c != NULL);
    CHECK_STR(trn(c, "%s gesprek", "%s gesprekken", 1), "%s rozmowa");
    CHECK_STR(trn(c, "%s gesprek", "%s gesprekken", 3), "%s rozmowy");
    CHECK_STR(trn(c, "%s gesprek", "%s gesprekken", 5), "%s rozm\xC3\xB3w");
    CHECK_STR(trn(c, "%s gesprek", "%s gesprekken", 22), "%s rozmowy");
    CHECK_STR(trn(c, "%s gesprek", "%s gesprekken", 12), "%s rozm\xC3\xB3w");
    CHECK_STR(trn(c, "%s gesprek", "%s gesprekken", 0), "%s rozm\xC3\xB3w");
    CHECK_STR(tr(c, "%s gesprek"), "%s rozmowa");
    CHECK_STR(trn(c, "%s dag", "%s dagen", 2), "%s dagen"); /* not there: Dutch */
    catalog_destroy(c);
    /* Arabic's six forms */
    static const char ar[] =
        "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? "
        "2 "
        ": n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n\"\n\n"
        "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"0\"\nmsgstr[1] \"1\"\nmsgstr[2] \"2\"\n"
        "msgstr[3] \"3\"\nmsgstr[4] \"4\"\nmsgstr[5] \"5\"\n";
    c = catalog_parse(ar, sizeof ar - 1, err, sizeof err);
    CHECK(c != NULL);
    static const struct {
        long n;
        const char *form;
    } want[] = {
        {0, "0"},  {1, "1"},   {2, "2"},   {3, "3"},   {10, "3"},  {11, "4"},
        {99, "4"}, {100, "5"}, {102, "5"}, {103, "3"}, {111, "4"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        CHECK_STR(trn(c, "a", "b", want[i].n), want[i].form);
    catalog_destroy(c);
    /* dates the way each language writes them */
    char day[32];
    tr_date(NULL, 2027, 2, 20, day, sizeof day);
    CHECK_STR(day, "20-02-2027");
    static const char dot[] = "msgid \"dd-mm-jjjj\"\nmsgstr \"dd.mm.yyyy\"\n";
    c = catalog_parse(dot, sizeof dot - 1, err, sizeof err);
    tr_date(c, 2027, 2, 20, day, sizeof day);
    CHECK_STR(day, "20.02.2027");
    tr_date(c, 2027, 2, 20, day, 6); /* cut short, still a string */
    CHECK(strlen(day) < 6);
    catalog_destroy(c);
    /* Dutch (no catalogue): one, or more */
    CHECK_STR(trn(NULL, "%s dag", "%s dagen", 1), "%s dag");
    CHECK_STR(trn(NULL, "%s dag", "%s dagen", 0), "%s dagen");
    /* a rule that cannot be read, forms out of order: refused in words */
    static const char broken[] =
        "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=2; plural=n >;\\n\"\n";
    CHECK(catalog_parse(broken, sizeof broken - 1, err, sizeof err) == NULL);
    CHECK(strstr(err, "Plural-Forms") != NULL);
    static const char order[] = "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"x\"\n";
    CHECK(catalog_parse(order, sizeof order - 1, err, sizeof err) == NULL);
    CHECK(strstr(err, "order") != NULL);
    static const char too_many[] =
        "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=2; plural=n;\\n\"\n";
    CHECK(catalog_parse(too_many, sizeof too_many - 1, err, sizeof err) == NULL);
}

/* The order a mixed line is seen in, left to right. */
static void bidi_order(const char *s, bool rtl, char *out, size_t n)
{
    BidiRun runs[16];
    int count = bidi_visual_runs(s, strlen(s), rtl, runs, 16);
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < count && o + 8 < n; i++)
        o += (size_t)snprintf(out + o, n - o, "%s[%d:%.*s]", i ? " " : "", runs[i].level,
                              (int)runs[i].len, s + runs[i].off);
}

static void test_bidi(void)
{
    char got[400];
    /* an Arabic name with a Dutch relation reads right to left from its
     * first letter, in a Dutch screen as in an Arabic one: the bracket
     * pair mirrors around the Latin words */
    bidi_order("\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 (oma Jamila)", false, got, sizeof got);
    CHECK_STR(got, "[1:)] [2:oma Jamila] [1:\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 (]");
    bidi_order("\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 (oma Jamila)", true, got, sizeof got);
    CHECK_STR(got, "[1:)] [2:oma Jamila] [1:\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 (]");
    /* a Dutch sentence in an Arabic screen keeps its full stop at the end */
    bidi_order("Sam gaat naar school.", true, got, sizeof got);
    CHECK_STR(got, "[0:Sam gaat naar school.]");
    /* a Dutch name with an Arabic word, in a Dutch screen */
    bidi_order("oma \xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 en Anna", false, got, sizeof got);
    CHECK_STR(got, "[0:oma ] [1:\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9] [0: en Anna]");
    /* no letter at all: the screen's direction; an emoji sequence stays whole */
    static const char family[] = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
                                 "\xF0\x9F\x91\xA7";
    char line[64];
    snprintf(line, sizeof line, "12 %s", family);
    bidi_order(line, true, got, sizeof got);
    char want[96];
    snprintf(want, sizeof want, "[1: %s] [2:12]", family);
    CHECK_STR(got, want);
    /* numbers inside Arabic keep reading left to right */
    bidi_order("\xD9\x83\xD8\xAA\xD8\xA8 12 \xD9\x83\xD8\xAA\xD8\xA8", true, got, sizeof got);
    CHECK_STR(got, "[1: \xD9\x83\xD8\xAA\xD8\xA8] [2:12] [1:\xD9\x83\xD8\xAA\xD8\xA8 ]");
    /* plain Dutch is one run; so is plain Arabic */
    bidi_order("Oma Anna", false, got, sizeof got);
    CHECK_STR(got, "[0:Oma Anna]");
    bidi_order("\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9", true, got, sizeof got);
    CHECK_STR(got, "[1:\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9]");
    /* a family's Arabic name set into Kring's own sentence keeps its own
     * direction (a first-strong isolate), on screen, on paper and in QR
     * texts; Latin names need no marks */
    char filled[128];
    tr_fill(filled, sizeof filled, "Voor %s", "\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 (oma)");
    CHECK_STR(filled, "Voor " BIDI_FSI "\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9 (oma)" BIDI_PDI);
    bidi_order(filled, false, got, sizeof got);
    CHECK(!strncmp(got, "[0:Voor ", 8)); /* the line stays Dutch, left to right */
    tr_fill(filled, sizeof filled, "Voor %s", "Anna");
    CHECK_STR(filled, "Voor Anna");
    Plan *plan = plan_create();
    uint32_t id = plan_add_person(
        plan, &(Person){.name = "\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84\xD8\xA9", .scale = SCALE_NONE});
    uint32_t goal = plan_add_goal(plan, &(Goal){.text = "School"});
    plan_add_agreement(
        plan, &(Agreement){
                  .goal = goal, .people = {id}, .n_people = 1, .what = "Brengt Sam", .when = ""});
    char *qr = export_person_text(plan, id, NULL);
    CHECK(qr && !strncmp(qr, "Voor " BIDI_FSI "\xD8\xAC", strlen("Voor " BIDI_FSI) + 2));
    free(qr);
    plan_destroy(plan);
    CHECK_INT(bidi_mirror('('), ')');
    CHECK_INT(bidi_mirror('a'), 'a');
    /* a long line takes the heap, and too many runs join the last */
    char longline[2000];
    size_t o = 0;
    for (int i = 0; i < 100; i++)
        o += (size_t)snprintf(longline + o, sizeof longline - o, "ab \xD8\xAC\xD9\x85 ");
    BidiRun runs[8];
    int count = bidi_visual_runs(longline, o, false, runs, 8);
    CHECK_INT(count, 8);
    size_t covered = 0;
    for (int i = 0; i < count; i++)
        covered += runs[i].len;
    CHECK_INT(covered, o);
}

int main(void)
{
    test_utf8();
    test_i18n();
    test_netmap();
    test_gestures();
    test_script();
    test_draw();
    test_textedit();
    test_bidi();
    test_plural();
    return check_done("core");
}
