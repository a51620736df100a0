/* Unit tests for the board screen without a display: a fake text
 * measurer, the real layout, widget ids and gestures that edit the plan. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/gesture.h"
#include "core/lang.h"
#include "ui/screens/board.h"
#include "ui/flow.h"
#include "ui/keyboard.h"

/* Every character is 10 pixels wide (8 in the small font, as in Kring's
 * own); lines are 20 pixels high and more. */
static int fake_width(void *ctx, int font, const char *s, size_t n)
{
    (void)ctx;
    int w = 0, cw = font == FONT_SMALL ? 8 : 10;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80 ? cw : 0;
    return w;
}

static int fake_height(void *ctx, int font)
{
    (void)ctx;
    return 20 + font * 2;
}

static Plan *plan_with_people(void)
{
    Plan *p = plan_create();
    plan_set_field(p, FIELD_FAMILY, "Jansen");
    plan_set_field(p, FIELD_CHILDREN, "Sam en Noor");
    plan_add_person(p, &(Person){.name = "Esther Jansen",
                                 .relation = "moeder",
                                 .place = {SECTOR_FAMILY, 1, 500, 500},
                                 .present = true});
    plan_add_person(p, &(Person){.name = "Ans Verhoef",
                                 .relation = "buurvrouw",
                                 .place = {SECTOR_FRIENDS, 2, 500, 500}});
    plan_add_goal(p, &(Goal){.text = "Sam gaat elke dag naar school."});
    return p;
}

static FlowState fl; /* the board is drawn inside the flow, as in the app */

static void frame(Ui *ui, const Plan *plan, const Gestures *g, int w, int h)
{
    ui_begin(ui, w, h, ui_scale_for(w, h, 96));
    FlowView view = {.can_undo = true};
    flow_draw(ui, &fl, plan, g, &view);
}

static void test_ids_at_every_size(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_with_people();
    Gestures g;
    gestures_init(&g, 8, 600);
    const int sizes[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {800, 1280}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        frame(&ui, plan, &g, w, h);
        const char *ids[] = {"undo",   "redo",          "tray",
                             "centre", "person:1",      "person:2",
                             "goal:3", "ring:1:family", "ring:3:professionals"};
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
            const Widget *wd = ui_find(&ui, ids[k]);
            CHECK(wd != NULL);
            if (!wd) continue;
            /* on screen, and a finger-sized target where it is touchable */
            CHECK(wd->rect.x >= 0 && wd->rect.y >= 0 && wd->rect.x + wd->rect.w <= w &&
                  wd->rect.y + wd->rect.h <= h);
            if (wd->grab && wd->rect.h < ui_px(&ui, 9.0f))
                fprintf(stderr, "%s at %dx%d: %d px high\n", ids[k], w, h, wd->rect.h);
            if (wd->grab) CHECK(wd->rect.h >= ui_px(&ui, 9.0f));
        }
        /* the person card's anchor lies in its ring piece */
        const Widget *ring = ui_find(&ui, "ring:2:friends");
        const Widget *ans = ui_find(&ui, "person:2");
        CHECK(ring && ans && ring->anchor.x == ans->anchor.x && ring->anchor.y == ans->anchor.y);
        /* redraw without changes gives the very same list */
        DrawList before;
        draw_init(&before);
        draw_copy(&before, &ui.dl);
        frame(&ui, plan, &g, w, h);
        CHECK(draw_equal(&before, &ui.dl));
        draw_fini(&before);
    }
    plan_destroy(plan);
    ui_fini(&ui);
}

/* Drags person 1 from its card to point `to`, the way the app does. */
static FlowAction drag(Ui *ui, Plan *plan, Gestures *g, Point to)
{
    const Widget *w = ui_find(ui, "person:1");
    Point from = w->anchor;
    Gesture ev;
    gestures_down(g, 1, from, 1000, w->id, w->grab);
    gestures_move(g, 1, (Point){(from.x + to.x) / 2, (from.y + to.y) / 2}, 1016, &ev);
    CHECK_INT(ev.kind, GESTURE_DRAG_START);
    board_gesture(ui, &fl.board, plan, g, &ev);
    frame(ui, plan, g, ui->w, ui->h);
    /* while lifted, the card follows the finger */
    const Widget *lifted = ui_find(ui, "person:1");
    CHECK(lifted && lifted->anchor.x == (from.x + to.x) / 2);
    gestures_up(g, 1, to, 1032, &ev);
    CHECK_INT(ev.kind, GESTURE_DROP);
    FlowOut o = board_gesture(ui, &fl.board, plan, g, &ev);
    if (o.act == FLOW_EDIT) {
        CHECK_INT(o.edit.kind, EDIT_PERSON_MOVE);
        CHECK_INT(plan_apply(plan, &o.edit, NULL, NULL), EDIT_OK);
    }
    frame(ui, plan, g, ui->w, ui->h);
    return o.act;
}

/* A card held over the goals' "more" button brings the next goal up,
 * once each time it comes there, to be dropped on one out of sight. */
static void test_hover_scroll(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_with_people();
    for (int i = 0; i < 8; i++)
        plan_add_goal(plan, &(Goal){.text = "Een doel met genoeg woorden voor twee regels."});
    Gestures g;
    gestures_init(&g, 8, 600);
    fl.board.goal_first = 0;
    frame(&ui, plan, &g, 1280, 800);
    const Widget *down = ui_find(&ui, "goals-down"), *w = ui_find(&ui, "person:1");
    CHECK(down && w);
    if (!down || !w) return;
    Point over = rect_center(down->rect), from = w->anchor;
    Gesture ev;
    gestures_down(&g, 1, from, 1000, w->id, w->grab);
    gestures_move(&g, 1, (Point){from.x + 40, from.y}, 1016, &ev);
    board_gesture(&ui, &fl.board, plan, &g, &ev);
    frame(&ui, plan, &g, 1280, 800);
    CHECK_INT(fl.board.goal_first, 0);
    gestures_move(&g, 1, over, 1032, &ev);
    frame(&ui, plan, &g, 1280, 800);
    CHECK_INT(fl.board.goal_first, 1);
    gestures_move(&g, 1, (Point){over.x + 2, over.y}, 1048, &ev);
    frame(&ui, plan, &g, 1280, 800);
    CHECK_INT(fl.board.goal_first, 1); /* held there: once */
    gestures_cancel_all(&g, &ev);
    board_gesture(&ui, &fl.board, plan, &g, &ev);
    fl.board.goal_first = 0;
    frame(&ui, plan, &g, 1280, 800);
    plan_destroy(plan);
    ui_fini(&ui);
}

static void test_drag_and_drop(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_with_people();
    Gestures g;
    gestures_init(&g, 8, 600);
    frame(&ui, plan, &g, 1280, 800);

    Point target = ui_find(&ui, "ring:3:school")->anchor;
    CHECK_INT(drag(&ui, plan, &g, target), FLOW_EDIT);
    CHECK_INT(plan_person(plan, 1)->place.sector, SECTOR_SCHOOL);
    CHECK_INT(plan_person(plan, 1)->place.ring, 3);
    /* it stays where it was dropped */
    const Widget *w = ui_find(&ui, "person:1");
    CHECK(w && abs(w->anchor.x - target.x) <= 2 && abs(w->anchor.y - target.y) <= 2);

    /* into the tray, and back */
    CHECK_INT(drag(&ui, plan, &g, ui_find(&ui, "tray")->anchor), FLOW_EDIT);
    CHECK_INT(plan_person(plan, 1)->place.ring, RING_TRAY);
    CHECK_INT(drag(&ui, plan, &g, ui_find(&ui, "ring:1:friends")->anchor), FLOW_EDIT);
    CHECK_INT(plan_person(plan, 1)->place.ring, 1);

    /* a drop off the map (the top bar, off-screen) changes nothing */
    Place before = plan_person(plan, 1)->place;
    CHECK_INT(drag(&ui, plan, &g, (Point){5, 5}), FLOW_REDRAW);
    CHECK_INT(drag(&ui, plan, &g, (Point){-400, 5000}), FLOW_REDRAW);
    CHECK(memcmp(&before, &plan_person(plan, 1)->place, sizeof before) == 0);

    /* undo and redo are taps */
    Gesture ev;
    const Widget *undo = ui_find(&ui, "undo");
    gestures_down(&g, 3, undo->anchor, 2000, undo->id, undo->grab);
    gestures_up(&g, 3, undo->anchor, 2050, &ev);
    CHECK_INT(flow_gesture(&ui, &fl, plan, &g, &ev, &(FlowView){0}).act, FLOW_UNDO);
    plan_destroy(plan);
    ui_fini(&ui);
}

static void test_text_fitting(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    ui_begin(&ui, 800, 600, 4);
    ui_text(&ui, (Rect){0, 0, 60, 20}, FONT_BODY, ALIGN_LEFT, 0xFF, "Maria Magdalena");
    CHECK_INT(ui.dl.n, 1);
    CHECK_STR(draw_cmd_text(&ui.dl, &ui.dl.cmds[0]), "Maria\xE2\x80\xA6");
    ui_begin(&ui, 800, 600, 4);
    ui_text(&ui, (Rect){0, 0, 30, 20}, FONT_BODY, ALIGN_LEFT, 0xFF, "Zoë de Graaf");
    CHECK_STR(draw_cmd_text(&ui.dl, &ui.dl.cmds[0]), "Zo\xE2\x80\xA6");
    ui_begin(&ui, 800, 600, 4);
    int h = ui_wrap(&ui, (Rect){0, 0, 100, 0}, FONT_BODY, 0xFF,
                    "Sam gaat elke dag naar school en blijft daar", 2, true);
    CHECK_INT(h, 2 * fake_height(NULL, FONT_BODY));
    CHECK_INT(ui.dl.n, 2);
    CHECK_STR(draw_cmd_text(&ui.dl, &ui.dl.cmds[0]), "Sam gaat");
    const char *last = draw_cmd_text(&ui.dl, &ui.dl.cmds[1]);
    CHECK(strstr(last, "\xE2\x80\xA6") != NULL);
    char ini[16];
    ui_initials("Maria Magdalena van den Broek-Vermeulen de Wit", ini);
    CHECK_STR(ini, "MW");
    ui_initials("جميلة العمراني (oma Jamila)", ini);
    CHECK_STR(ini, "جا");
    ui_initials("Zoë de Graaf", ini);
    CHECK_STR(ini, "ZG");
    ui_initials("", ini);
    CHECK_STR(ini, "");
    ui_fini(&ui);
}

/* Share of card i's rectangle that no card registered after it covers. */
static double uncovered(const Ui *ui, int i)
{
    const Rect r = ui->widgets[i].rect;
    int free_pts = 0, all = 0;
    for (int sy = 0; sy < 8; sy++)
        for (int sx = 0; sx < 8; sx++) {
            Point p = {r.x + r.w * (2 * sx + 1) / 16, r.y + r.h * (2 * sy + 1) / 16};
            bool covered = false;
            for (int j = i + 1; j < ui->n_widgets && !covered; j++)
                covered = strncmp(ui->widgets[j].id, "person:", 7) == 0 &&
                          rect_contains(ui->widgets[j].rect, p);
            free_pts += !covered;
            all++;
        }
    return (double)free_pts / all;
}

/* Sixty people on the map: every card can still be seen and reached. */
static void test_sixty_people(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_create();
    unsigned seed = 7;
    for (int i = 0; i < 60; i++) {
        seed = seed * 1103515245u + 12345u;
        char name[64];
        snprintf(name, sizeof name,
                 i % 7 == 0 ? "Maria Magdalena van den Broek-Vermeulen %d" : "Persoon %d", i + 1);
        plan_add_person(
            plan,
            &(Person){.name = name,
                      .relation = "buurvrouw",
                      .place = {(int)(seed >> 8) % SECTOR_COUNT, 1 + (int)(seed >> 12) % RING_COUNT,
                                (int)(seed >> 16) % 1001, (int)(seed >> 4) % 1001}});
    }
    Gestures g;
    gestures_init(&g, 8, 600);
    const int sizes[][2] = {{1920, 1080}, {1280, 800}, {800, 480}};
    for (size_t k = 0; k < 3; k++) {
        frame(&ui, plan, &g, sizes[k][0], sizes[k][1]);
        int cards = 0;
        double worst = 1;
        for (int i = 0; i < ui.n_widgets; i++) {
            if (strncmp(ui.widgets[i].id, "person:", 7) != 0) continue;
            cards++;
            const Rect r = ui.widgets[i].rect;
            CHECK(r.x >= 0 && r.y >= 0 && r.x + r.w <= sizes[k][0] && r.y + r.h <= sizes[k][1]);
            double u = uncovered(&ui, i);
            if (u < worst) worst = u;
        }
        CHECK_INT(cards, 60);
        /* no card covered more than a third, on every screen: where sixty
         * name cards do not fit side by side, faces do */
        double bar = 2.0 / 3.0;
        if (worst < bar)
            fprintf(stderr, "%dx%d: a card is only %.0f%% visible\n", sizes[k][0], sizes[k][1],
                    worst * 100);
        CHECK(worst >= bar);
        /* long names are shortened on the card, never wider than it */
        for (int i = 0; i < ui.dl.n; i++) {
            const DrawCmd *c = &ui.dl.cmds[i];
            if (c->kind == DRAW_TEXT && strstr(draw_cmd_text(&ui.dl, c), "Maria"))
                CHECK(fake_width(NULL, 0, draw_cmd_text(&ui.dl, c), c->text_len) <= c->w);
        }
    }
    plan_destroy(plan);
    ui_fini(&ui);
}

/* A tap in a text field puts the caret under the finger. */
static void test_caret_by_tap(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_with_people();
    Gestures g;
    gestures_init(&g, 8, 600);
    frame(&ui, plan, &g, 1280, 800);
    Gesture ev;
    const Widget *w = ui_find(&ui, "person:1");
    gestures_down(&g, 1, w->anchor, 1000, w->id, w->grab);
    CHECK(gestures_tick(&g, 1600, &ev) && ev.kind == GESTURE_LONGPRESS);
    board_gesture(&ui, &fl.board, plan, &g, &ev);
    gestures_up(&g, 1, w->anchor, 1700, &ev);
    frame(&ui, plan, &g, 1280, 800);
    for (int k = 0; k < 2; k++) { /* the first tap focuses the field, the second places */
        w = ui_find(&ui, "field:name");
        CHECK(w != NULL);
        if (!w) break;
        Point at = {w->rect.x + ui_px(&ui, theme_default.pad_mm) + 30 + 2, w->anchor.y};
        gestures_down(&g, 2, at, 2000 + k * 100, w->id, w->grab);
        CHECK(gestures_up(&g, 2, at, 2050 + k * 100, &ev));
        board_gesture(&ui, &fl.board, plan, &g, &ev);
        frame(&ui, plan, &g, 1280, 800);
    }
    CHECK_INT(fl.board.sheet.focus, FOCUS_NAME);
    CHECK_INT(fl.board.sheet.name.cursor, 3); /* after "Est" (10 pixels a letter) */
    board_text(&fl.board, "!");
    CHECK_STR(textedit_text(&fl.board.sheet.name), "Est!her Jansen");
    sheet_close(&fl.board.sheet);
    plan_destroy(plan);
    ui_fini(&ui);
}

/* A tap on widget id through the flow, the way the app passes it on. */
static FlowOut tap_flow(Ui *ui, const Plan *plan, Gestures *g, const char *id, const FlowView *view)
{
    const Widget *w = ui_find(ui, id);
    CHECK(w != NULL);
    if (!w) {
        fprintf(stderr, "no widget %s\n", id);
        return (FlowOut){.act = FLOW_NOTHING};
    }
    Gesture ev;
    gestures_down(g, 4, w->anchor, 3000, w->id, w->grab);
    gestures_up(g, 4, w->anchor, 3040, &ev);
    return flow_gesture(ui, &fl, plan, g, &ev, view);
}

/* Every step at every size: its button in the bar, finger-sized and on
 * screen; the facilitator's key; and a step's page where it has one. */
static void test_steps(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_with_people();
    Gestures g;
    gestures_init(&g, 8, 600);
    FlowView view = {.can_undo = true, .today = "2026-11-23", .pin_set = true};
    const int sizes[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {800, 1280}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        for (int s = 0; s < STEP_COUNT; s++) {
            ui_begin(&ui, w, h, ui_scale_for(w, h, 96));
            flow_draw(&ui, &fl, plan, &g, &view);
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "step:%s", step_key(s));
            FlowAction want = s == fl.step ? FLOW_NOTHING : FLOW_REDRAW;
            CHECK_INT(tap_flow(&ui, plan, &g, id, &view).act, want);
            ui_begin(&ui, w, h, ui_scale_for(w, h, 96));
            flow_draw(&ui, &fl, plan, &g, &view);
            CHECK_INT(fl.step, s);
            for (int k = 0; k < STEP_COUNT; k++) {
                snprintf(id, sizeof id, "step:%s", step_key(k));
                const Widget *wd = ui_find(&ui, id);
                CHECK(wd && wd->rect.x >= 0 && wd->rect.x + wd->rect.w <= w &&
                      wd->rect.h >= ui_px(&ui, 9.0f) && wd->rect.w >= ui_px(&ui, 9.0f));
            }
            CHECK(ui_find(&ui, "coordinator") && ui_find(&ui, "undo") && ui_find(&ui, "redo"));
            bool board = s == STEP_NETWORK || s == STEP_GOALS;
            CHECK(board == (ui_find(&ui, "person:1") != NULL) || s == STEP_REVIEW ||
                  s == STEP_EVALUATION);
            if (!board && s != STEP_SHARE) CHECK(ui_find(&ui, "page") != NULL);
        }
    }
    /* the facilitator's key asks for the PIN; family time hides it */
    CHECK_INT(tap_flow(&ui, plan, &g, "coordinator", &view).act, FLOW_REDRAW);
    CHECK_INT(fl.pin.purpose, PIN_FOR_MENU);
    fl.pin.purpose = PIN_FOR_NONE;
    fl.family_time = true;
    ui_begin(&ui, 1280, 800, ui_scale_for(1280, 800, 96));
    flow_draw(&ui, &fl, plan, &g, &view);
    CHECK(!ui_find(&ui, "coordinator") && ui_find(&ui, "call-back"));
    CHECK_INT(tap_flow(&ui, plan, &g, "call-back", &view).act, FLOW_REDRAW);
    CHECK_INT(fl.panel, PANEL_CALLED);
    fl.family_time = false;
    fl.panel = PANEL_NONE;
    fl.step = STEP_NETWORK;
    plan_destroy(plan);
    ui_fini(&ui);
}

/* Types digits on the PIN pad (on the 7-inch panel) and taps OK. */
static FlowOut type_pin(Ui *ui, Plan *plan, Gestures *g, FlowView *view, const char *digits)
{
    for (const char *c = digits; *c; c++) {
        ui_begin(ui, 800, 480, ui_scale_for(800, 480, 133));
        flow_draw(ui, &fl, plan, g, view);
        char id[8];
        snprintf(id, sizeof id, "pin:%c", *c);
        tap_flow(ui, plan, g, id, view);
    }
    ui_begin(ui, 800, 480, ui_scale_for(800, 480, 133));
    flow_draw(ui, &fl, plan, g, view);
    return tap_flow(ui, plan, g, "pin:ok", view);
}

/* Choosing a PIN: typed twice; two different ones start again. */
static void test_pin_pad(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Plan *plan = plan_create();
    Gestures g;
    gestures_init(&g, 8, 600);
    FlowView view = {0};
    flow_to_start(&fl, false);
    CHECK_INT(fl.pin.purpose, PIN_FOR_SETUP);
    /* a PIN too easy to guess is refused the first time it is typed */
    CHECK_INT(type_pin(&ui, plan, &g, &view, "121212").act, FLOW_REDRAW);
    CHECK(!fl.pin.confirming && fl.pin.msg_bad && fl.pin.n == 0);
    CHECK_STR(fl.pin.msg, "Die pincode is te makkelijk te raden. Kies een andere.");
    const char *first = "275318", *other = "275319";
    for (int round = 0; round < 3; round++) {
        const char *pin = round == 1 ? other : first;
        for (const char *c = pin; *c; c++) {
            ui_begin(&ui, 800, 480, ui_scale_for(800, 480, 96));
            flow_draw(&ui, &fl, plan, &g, &view);
            char id[8];
            snprintf(id, sizeof id, "pin:%c", *c);
            CHECK_INT(tap_flow(&ui, plan, &g, id, &view).act, FLOW_REDRAW);
        }
        ui_begin(&ui, 800, 480, ui_scale_for(800, 480, 96));
        flow_draw(&ui, &fl, plan, &g, &view);
        /* every key on screen and finger-sized on the smallest panel */
        const Widget *ok = ui_find(&ui, "pin:ok");
        CHECK(ok && ok->rect.y + ok->rect.h <= 480 && ok->rect.h >= ui_px(&ui, 9.0f));
        FlowOut o = tap_flow(&ui, plan, &g, "pin:ok", &view);
        if (round == 0) {
            CHECK_INT(o.act, FLOW_REDRAW);
            CHECK(fl.pin.confirming);
        } else if (round == 1) { /* different: start again */
            CHECK_INT(o.act, FLOW_REDRAW);
            CHECK(!fl.pin.confirming && fl.pin.msg_bad);
            /* type the first one twice now */
            type_pin(&ui, plan, &g, &view, first);
        } else {
            CHECK_INT(o.act, FLOW_PIN);
            CHECK_INT(o.pin_for, PIN_FOR_SETUP);
            CHECK_STR(o.pin, first);
            flow_pin_result(&fl, true, NULL);
            CHECK_INT(fl.pin.purpose, PIN_FOR_NONE);
        }
    }
    flow_to_meeting(&fl);
    plan_destroy(plan);
    ui_fini(&ui);
}

/* WCAG 2 contrast of two colours (0xRRGGBBAA, opaque). */
static double luminance(Color c)
{
    double v[3];
    for (int i = 0; i < 3; i++) {
        double x = (double)((c >> (24 - 8 * i)) & 0xFF) / 255.0;
        v[i] = x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double contrast(Color a, Color b)
{
    double x = luminance(a), y = luminance(b);
    return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

/* Every text colour of the theme on every background it is drawn on keeps
 * at least 4.5:1 (WCAG AA for body text). */
static void test_contrast(void)
{
    const Theme *t = &theme_default;
    typedef struct Pair {
        Color ink, paper;
        const char *what;
    } Pair;
    Pair pairs[128];
    int n = 0;
    Color papers[] = {t->bg, t->panel, t->card};
    for (int i = 0; i < 3; i++) {
        pairs[n++] = (Pair){t->ink, papers[i], "ink"};
        pairs[n++] = (Pair){t->ink_soft, papers[i], "soft ink"};
        pairs[n++] = (Pair){t->accent, papers[i], "accent words"};
        pairs[n++] = (Pair){t->warn, papers[i], "warning"};
        pairs[n++] = (Pair){t->present, papers[i], "agreed"};
        for (int s = 0; s < SECTOR_COUNT; s++)
            pairs[n++] = (Pair){t->sector[s], papers[i], "sector name"};
    }
    for (int s = 0; s < SECTOR_COUNT; s++) {
        pairs[n++] = (Pair){t->ink, t->sector_tint[s], "ink on a sector's tint"};
        pairs[n++] = (Pair){t->card, t->sector[s], "initials on a sector"};
    }
    Color lists[SECTION_COUNT + 2] = {t->about_tint, t->voice_tint};
    for (int s = 0; s < SECTION_COUNT; s++)
        lists[s + 2] = t->section_tint[s];
    for (int s = 0; s < SECTION_COUNT + 2; s++) {
        pairs[n++] = (Pair){t->ink, lists[s], "ink on a list's tint"};
        pairs[n++] = (Pair){t->ink_soft, lists[s], "soft ink on a list's tint"};
        pairs[n++] = (Pair){t->accent, lists[s], "a button on a list's tint"};
        pairs[n++] = (Pair){t->warn, lists[s], "a warning on a list's tint"};
    }
    pairs[n++] = (Pair){t->card, t->accent, "a primary button"};
    pairs[n++] = (Pair){t->card, t->present, "on green"};
    pairs[n++] = (Pair){t->card, t->problem, "the problem bar"};
    pairs[n++] = (Pair){t->warn, t->warn_tint, "a warning on its tint"};
    pairs[n++] = (Pair){t->ink, t->warn_tint, "what is still to fill in"};
    pairs[n++] = (Pair){t->present, t->done_tint, "agreed at"};
    pairs[n++] = (Pair){t->ink, t->done_tint, "ink on agreed"};
    pairs[n++] = (Pair){t->ink_soft, t->done_tint, "soft ink on agreed"};
    for (int i = 0; i < n; i++) {
        double c = contrast(pairs[i].ink, pairs[i].paper);
        if (c < 4.5)
            fprintf(stderr, "%s: %08X on %08X is %.2f:1\n", pairs[i].what, (unsigned)pairs[i].ink,
                    (unsigned)pairs[i].paper, c);
        CHECK(c >= 4.5);
    }
}

/* The on-screen keyboard: Latin with accents, Turkish, Polish and Arabic,
 * one key going round them, the screen's language first; every key on the
 * 7-inch panel and finger-sized; never mirrored in a mirrored screen. */
static KeyResult press(Ui *ui, Keyboard *kb, const char *id, GestureKind kind, char out[16])
{
    Gesture ev = {.kind = kind, .widget = id};
    KeyResult r = keyboard_gesture(kb, ui, &ev, out);
    ui_begin(ui, 800, 480, ui_scale_for(800, 480, 133));
    keyboard_draw(ui, kb, (Rect){0, 480 - keyboard_height(ui), 800, keyboard_height(ui)});
    return r;
}

static void all_keys_fit(const Ui *ui)
{
    int min_w = ui_px(ui, 7.0f);
    for (int i = 0; i < ui->n_widgets; i++) {
        const Widget *w = &ui->widgets[i];
        if (strncmp(w->id, "key:", 4) != 0) continue;
        CHECK(w->rect.x >= 0 && w->rect.x + w->rect.w <= ui->w && w->rect.y + w->rect.h <= ui->h);
        if (w->rect.w < min_w) fprintf(stderr, "key %s is %d px wide\n", w->id, w->rect.w);
        CHECK(w->rect.w >= min_w);
    }
}

static void test_keyboard(void)
{
    Ui ui;
    ui_init(&ui, &theme_default, (TextMeasure){NULL, fake_width, fake_height});
    Keyboard kb = {0};
    char out[16];
    ui.keyboard_layout = lang_of("nl")->keyboard;
    press(&ui, &kb, "", GESTURE_TAP, out);
    CHECK(ui_find(&ui, "key:q") && ui_find(&ui, "key:layout"));
    all_keys_fit(&ui);
    /* long press: the accents of Dutch, Turkish and Polish under a letter */
    press(&ui, &kb, "key:e", GESTURE_LONGPRESS, out);
    CHECK(ui_find(&ui, "accent:\xC3\xAB") && ui_find(&ui, "accent:\xC4\x99")); /* ë ę */
    CHECK_INT(press(&ui, &kb, "accent:\xC4\x99", GESTURE_TAP, out), KEY_TEXT);
    CHECK_STR(out, "\xC4\x99");
    /* or held, slid to the accent and let go there: one gesture */
    press(&ui, &kb, "key:e", GESTURE_LONGPRESS, out);
    const Widget *ee = ui_find(&ui, "accent:\xC3\xAB"); /* ë */
    CHECK(ee != NULL);
    if (ee) {
        Gesture let_go = {.kind = GESTURE_RELEASE, .widget = "key:e", .pos = rect_center(ee->rect)};
        CHECK_INT(keyboard_gesture(&kb, &ui, &let_go, out), KEY_TEXT);
        CHECK_STR(out, "\xC3\xAB");
    }
    /* let go beside the accents: they stay, to be tapped */
    press(&ui, &kb, "key:e", GESTURE_LONGPRESS, out);
    Gesture beside = {.kind = GESTURE_RELEASE, .widget = "key:e", .pos = {1, 1}};
    CHECK_INT(keyboard_gesture(&kb, &ui, &beside, out), KEY_NOTHING);
    CHECK(kb.popup[0] != '\0');
    press(&ui, &kb, "", GESTURE_TAP, out);
    /* one key: Turkish, Polish, Arabic, and back to Latin */
    CHECK_INT(press(&ui, &kb, "key:layout", GESTURE_TAP, out), KEY_REDRAW);
    CHECK(ui_find(&ui, "key:\xC4\xB1") && ui_find(&ui, "key:\xC4\x9F") &&
          ui_find(&ui, "key:\xC5\x9F"));
    all_keys_fit(&ui);
    kb.shift = true; /* Turkish capitals: i is İ, ı is I */
    press(&ui, &kb, "key:i", GESTURE_TAP, out);
    CHECK_STR(out, "\xC4\xB0");
    press(&ui, &kb, "key:layout", GESTURE_TAP, out);
    CHECK(ui_find(&ui, "key:\xC4\x85") && ui_find(&ui, "key:\xC5\x82") &&
          ui_find(&ui, "key:\xC5\xBC"));
    all_keys_fit(&ui);
    press(&ui, &kb, "key:layout", GESTURE_TAP, out);
    CHECK(ui_find(&ui, "key:\xD8\xB6") && ui_find(&ui, "key:\xD8\xAC")); /* ض ج */
    all_keys_fit(&ui);
    CHECK_INT(press(&ui, &kb, "key:\xD8\xB6", GESTURE_TAP, out), KEY_TEXT);
    CHECK_STR(out, "\xD8\xB6");
    press(&ui, &kb, "key:\xD8\xA7", GESTURE_LONGPRESS, out); /* ا: its hamza forms */
    CHECK(ui_find(&ui, "accent:\xD8\xA3"));
    press(&ui, &kb, "accent:\xD8\xA3", GESTURE_TAP, out);
    CHECK_STR(out, "\xD8\xA3");
    press(&ui, &kb, "key:layout", GESTURE_TAP, out);
    CHECK(ui_find(&ui, "key:q") && !ui_find(&ui, "key:\xD8\xB6"));
    /* the screen's language comes first */
    Keyboard fresh = {0};
    ui.keyboard_layout = lang_of("ar")->keyboard;
    press(&ui, &fresh, "", GESTURE_TAP, out);
    CHECK(ui_find(&ui, "key:\xD8\xB6") != NULL);
    ui.keyboard_layout = lang_of("pl")->keyboard;
    press(&ui, &fresh, "", GESTURE_TAP, out);
    CHECK(ui_find(&ui, "key:\xC4\x85") != NULL);
    /* in a mirrored screen the keys stand as on any Arabic keyboard: ض left of ج */
    ui.keyboard_layout = lang_of("ar")->keyboard;
    ui.rtl = true;
    ui_begin(&ui, 800, 480, ui_scale_for(800, 480, 133));
    UiMark m = ui_mirror_begin(&ui);
    keyboard_draw(&ui, &fresh, (Rect){0, 480 - keyboard_height(&ui), 800, keyboard_height(&ui)});
    ui_mirror_end(&ui, m);
    const Widget *dad = ui_find(&ui, "key:\xD8\xB6"), *jim = ui_find(&ui, "key:\xD8\xAC");
    CHECK(dad && jim && dad->rect.x < jim->rect.x);
    ui_fini(&ui);
}

int main(void)
{
    test_contrast();
    flow_init(&fl);
    flow_to_meeting(&fl);
    test_caret_by_tap();
    test_sixty_people();
    test_ids_at_every_size();
    test_drag_and_drop();
    test_hover_scroll();
    test_text_fitting();
    test_steps();
    test_pin_pad();
    test_keyboard();
    flow_fini(&fl);
    return check_done("board");
}
