/* goalsheet: layout, drawing and input of the goal and agreement sheets. */
#include "ui/screens/goal_sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/relations.h"
#include "core/textexport.h"
#include "ui/form.h"
#include "ui/kit.h"

#define ID_TEXT "field:text"
#define ID_WHEN_FIELD "field:when"
#define ID_AREA "area"       /* "area:school", "area:none" */
#define ID_WHO "who"         /* "who:PERSON": one of those who do it */
#define ID_REPEAT "repeat"   /* "repeat:weekly": how often (core/plan.h repeat_key) */
#define ID_WEEKDAY "weekday" /* "weekday:mon": one of the days it happens on */
#define ID_DAY "sched-date"  /* the day's stepper: "sched-date-minus", "sched-date-plus" */
#define ID_TIME "sched-time" /* the time's stepper */
#define ID_NO_TIME "sched-no-time"
#define ID_CHECKER "checker" /* "checker:PERSON", "checker:0" nobody */

/* How often, as the chips say it. */
static const char *const repeat_words[REPEAT_COUNT] = {
    [REPEAT_NONE] = N_("geen vaste dag"), [REPEAT_ONCE] = N_("één keer"),
    [REPEAT_DAILY] = N_("elke dag"),      [REPEAT_SCHOOLDAYS] = N_("elke schooldag"),
    [REPEAT_WEEKLY] = N_("elke week"),    [REPEAT_FORTNIGHTLY] = N_("om de week"),
    [REPEAT_MONTHLY] = N_("elke maand"),
};
static const char *const day_words[WEEK_DAYS] = {N_("maandag"),   N_("dinsdag"), N_("woensdag"),
                                                 N_("donderdag"), N_("vrijdag"), N_("zaterdag"),
                                                 N_("zondag")};
static const char *const day_short[WEEK_DAYS] = {N_("ma"), N_("di"), N_("wo"), N_("do"),
                                                 N_("vr"), N_("za"), N_("zo")};

void goalsheet_init(GoalSheet *s)
{
    memset(s, 0, sizeof *s);
    textedit_init(&s->text, "", TEXT_MAX);
    textedit_init(&s->when, "", TEXT_MAX);
}

void goalsheet_fini(GoalSheet *s)
{
    textedit_fini(&s->text);
    textedit_fini(&s->when);
}

void goalsheet_open_goal(GoalSheet *s, const Plan *plan, uint32_t goal)
{
    const Goal *g = goal ? plan_goal(plan, goal) : NULL;
    s->open = true;
    s->kind = GOALSHEET_GOAL;
    s->id = g ? g->id : 0;
    textedit_set(&s->text, g ? g->text : "");
    s->area = g ? g->area : AREA_NONE;
    s->focus = g ? 0 : 1;
    s->why = NULL;
    s->scroll = (FormScroll){0};
}

void goalsheet_open_agreement(GoalSheet *s, const Plan *plan, uint32_t id, uint32_t goal,
                              uint32_t person)
{
    const Agreement *a = id ? plan_agreement(plan, id) : NULL;
    s->open = true;
    s->kind = GOALSHEET_AGREEMENT;
    s->id = a ? a->id : 0;
    s->goal = a ? a->goal : goal;
    textedit_set(&s->text, a ? a->what : "");
    textedit_set(&s->when, a ? a->when : "");
    s->sched = a ? a->schedule : (Schedule){0};
    if (plan_valid_date(plan->field[FIELD_DATE])) {
        snprintf(s->default_day, sizeof s->default_day, "%s", plan->field[FIELD_DATE]);
    } else { /* no meeting date: today */
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        strftime(s->default_day, sizeof s->default_day, "%Y-%m-%d", &tm);
    }
    s->n_people = 0;
    if (a) {
        s->n_people = a->n_people;
        memcpy(s->people, a->people, sizeof s->people);
    } else if (person) {
        s->people[s->n_people++] = person;
    }
    s->checker = a ? a->checker : 0;
    s->focus = a ? 0 : 1;
    s->why = NULL;
    s->scroll = (FormScroll){0};
}

static bool has_person(const GoalSheet *s, uint32_t id)
{
    for (int i = 0; i < s->n_people; i++)
        if (s->people[i] == id) return true;
    return false;
}

/* A person's chip label: first name (or the words in brackets). */
static void short_name(const Person *p, char *out, size_t n)
{
    const char *paren = strchr(p->name, '(');
    if (paren) {
        const char *end = strchr(paren, ')');
        snprintf(out, n, "%.*s", (int)(end ? end - paren - 1 : (long)strlen(paren + 1)), paren + 1);
    } else {
        snprintf(out, n, "%.*s", (int)strcspn(p->name, " "), p->name);
    }
}

/* ---- drawing ---- */

/* A row of chips that wraps; returns the y below it. */
typedef struct ChipRow {
    Ui *ui;
    const FormGeo *g;
    int x0, w, x, y;
    bool draw; /* false: only lay out (to measure) */
} ChipRow;

static void chip(ChipRow *r, const char *id, const char *picto, const char *label, bool chosen,
                 Color tint)
{
    int cw = form_chip(r->ui, r->g, "", 0, 0, picto, label, false, 0, true);
    if (r->x > 0 && r->x + cw > r->w) {
        r->x = 0;
        r->y += r->g->target + r->g->pad / 2;
    }
    if (r->draw) form_chip(r->ui, r->g, id, r->x0 + r->x, r->y, picto, label, chosen, tint, false);
    r->x += cw + r->g->pad / 2;
}

static void people_chips(ChipRow *row, const Plan *plan, const char *prefix,
                         bool (*chosen)(const GoalSheet *, uint32_t), const GoalSheet *s)
{
    const Theme *t = row->ui->theme;
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        const Relation *rel = relation_find(p->picto);
        char name[120], id[UI_ID_LEN];
        short_name(p, name, sizeof name);
        snprintf(id, sizeof id, "%s:%u", prefix, (unsigned)p->id);
        chip(row, id, rel ? rel->picto : "", name, chosen(s, p->id),
             t->sector_tint[p->place.sector]);
    }
}

static bool is_checker(const GoalSheet *s, uint32_t id)
{
    return s->checker == id;
}

/* A stepper with its value, at the reading side. */
static void stepper(Ui *ui, const FormGeo *g, int y, const char *id, const char *value, bool draw)
{
    int vw = ui_text_width(ui, FONT_TITLE, value) + g->pad * 2;
    int inner_x = g->panel.x + 2 * g->pad, inner_w = g->panel.w - 4 * g->pad;
    int w = 2 * g->target + vw, x = ui->rtl ? inner_x + inner_w - w : inner_x;
    if (draw) kit_stepper(ui, x, y, id, value, vw, true, true);
}

/* "Wanneer?": how often by a tap, the days or the day, the time of day,
 * and the family's own words beside it. */
static int when_part(Ui *ui, GoalSheet *s, const FormGeo *g, int y, bool draw)
{
    const Theme *t = ui->theme;
    int lh = ui_line_height(ui, FONT_SMALL);
    int inner_x = g->panel.x + 2 * g->pad, inner_w = g->panel.w - 4 * g->pad;
    const Schedule *sc = &s->sched;
    y = draw ? form_label(ui, g, y, ui_tr(ui, "Wanneer, of hoe vaak?")) : y + lh + g->pad / 3;
    ChipRow row = {ui, g, inner_x, inner_w, 0, y, draw};
    for (int r = 0; r < REPEAT_COUNT; r++) {
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_REPEAT, repeat_key(r));
        chip(&row, id, "", ui_tr(ui, repeat_words[r]), sc->repeat == r, t->sector_tint[1]);
    }
    y = row.y + g->target + g->pad;
    if (sc->repeat == REPEAT_WEEKLY || sc->repeat == REPEAT_FORTNIGHTLY) {
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Op welke dagen?")) : y + lh + g->pad / 3;
        row = (ChipRow){ui, g, inner_x, inner_w, 0, y, draw};
        for (int d = 0; d < WEEK_DAYS; d++) {
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "%s:%s", ID_WEEKDAY, weekday_key(d));
            chip(&row, id, "", ui_tr(ui, day_words[d]), (sc->days >> d) & 1u, t->sector_tint[1]);
        }
        y = row.y + g->target + g->pad;
    }
    if (sc->repeat == REPEAT_ONCE || sc->repeat == REPEAT_MONTHLY) {
        y = draw ? form_label(ui, g, y,
                              sc->repeat == REPEAT_ONCE ? ui_tr(ui, "Op welke dag?")
                                                        : ui_tr(ui, "Vanaf welke dag?"))
                 : y + lh + g->pad / 3;
        char date[16], value[48];
        export_date(ui->cat, sc->date, date);
        snprintf(value, sizeof value, "%s %s",
                 plan_valid_date(sc->date) ? ui_tr(ui, day_short[plan_weekday(sc->date)]) : "",
                 date);
        stepper(ui, g, y, ID_DAY, value, draw);
        y += g->target + g->pad;
    }
    if (sc->repeat != REPEAT_NONE) {
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Hoe laat?")) : y + lh + g->pad / 3;
        stepper(ui, g, y, ID_TIME, sc->time[0] ? sc->time : "--:--", draw);
        if (sc->time[0]) {
            int sw = 2 * g->target + ui_text_width(ui, FONT_TITLE, sc->time) + g->pad * 3;
            row = (ChipRow){ui, g, ui->rtl ? inner_x : inner_x + sw, inner_w - sw, 0, y, draw};
            chip(&row, ID_NO_TIME, "", ui_tr(ui, "Zonder tijd"), false, t->sector_tint[1]);
        }
        y += g->target + g->pad;
    }
    y = draw ? form_label(ui, g, y, ui_tr(ui, "In eigen woorden (mag ook leeg blijven)"))
             : y + lh + g->pad / 3;
    if (draw)
        form_field(ui, g, ID_WHEN_FIELD, (Rect){inner_x, y, inner_w, g->target}, &s->when, false,
                   ui_tr(ui, "Bijvoorbeeld: niet in de vakantie"));
    return y + g->target + g->pad;
}

/* Lays out (and with draw, draws) the sheet's content from y; returns the
 * y below it. */
static int content(Ui *ui, GoalSheet *s, const Plan *plan, const FormGeo *g, int y, bool draw)
{
    const Theme *t = ui->theme;
    int lh = ui_line_height(ui, FONT_SMALL), th = ui_line_height(ui, FONT_TITLE);
    int inner_x = g->panel.x + 2 * g->pad, inner_w = g->panel.w - 4 * g->pad;
    const Goal *goal = plan_goal(plan, s->goal);
    ChipRow row;
    if (draw)
        ui_text(ui, (Rect){inner_x, y, inner_w, th}, FONT_TITLE, ALIGN_LEFT, t->ink,
                s->kind == GOALSHEET_GOAL
                    ? (s->id ? ui_tr(ui, "Doel aanpassen") : ui_tr(ui, "Nieuw doel"))
                    : (s->id ? ui_tr(ui, "Afspraak aanpassen") : ui_tr(ui, "Nieuwe afspraak")));
    y += th;
    if (s->kind == GOALSHEET_GOAL) {
        y += g->pad / 2;
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Wat wil de familie bereiken?"))
                 : y + lh + g->pad / 3;
        if (draw)
            form_field(ui, g, ID_TEXT, (Rect){inner_x, y, inner_w, g->target}, &s->text, false,
                       ui_tr(ui, "Tik hier en schrijf het doel in jullie eigen woorden"));
        y += g->target + g->pad;
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Over welk deel van het leven gaat het?"))
                 : y + lh + g->pad / 3;
        row = (ChipRow){ui, g, inner_x, inner_w, 0, y, draw};
        for (int a = 0; a < AREA_COUNT; a++) {
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "%s:%s", ID_AREA, a ? area_key(a) : "none");
            chip(&row, id, area_picto(a), a ? ui_tr(ui, area_label(a)) : ui_tr(ui, "geen"),
                 s->area == a, t->sector_tint[1]);
        }
        y = row.y + g->target + g->pad;
    } else {
        if (goal) {
            if (draw)
                ui_text(ui, (Rect){inner_x, y, inner_w, lh}, FONT_SMALL, ALIGN_LEFT, t->ink_soft,
                        goal->text);
            y += lh;
        }
        y += g->pad / 2;
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Wie doet het?")) : y + lh + g->pad / 3;
        row = (ChipRow){ui, g, inner_x, inner_w, 0, y, draw};
        people_chips(&row, plan, ID_WHO, has_person, s);
        y = row.y + g->target + g->pad;
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Wat gaat er gebeuren?")) : y + lh + g->pad / 3;
        if (draw)
            form_field(ui, g, ID_TEXT, (Rect){inner_x, y, inner_w, g->target}, &s->text, false,
                       ui_tr(ui, "Tik hier en schrijf de afspraak op"));
        y += g->target + g->pad;
        y = when_part(ui, s, g, y, draw);
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Wie kijkt of het gebeurt?"))
                 : y + lh + g->pad / 3;
        row = (ChipRow){ui, g, inner_x, inner_w, 0, y, draw};
        chip(&row, ID_CHECKER ":0", "", ui_tr(ui, "niemand"), s->checker == 0, t->sector_tint[1]);
        people_chips(&row, plan, ID_CHECKER, is_checker, s);
        y = row.y + g->target + g->pad;
    }
    if (s->why) {
        if (draw)
            ui_text(ui, (Rect){inner_x, y, inner_w, lh}, FONT_SMALL, ALIGN_LEFT, ui->theme->warn,
                    ui_tr(ui, s->why));
        y += lh;
    }
    return y;
}

static void draw_ltr(Ui *ui, GoalSheet *s, const Plan *plan, const Keyboard *kb)
{
    const Theme *t = ui->theme;
    Rect all = {0, 0, ui->w, ui->h};
    kit_backdrop(ui);
    ui_widget(ui, SHEET_ID, all, rect_center(all), GRAB_TAP | GRAB_DRAG);
    if (s->focus) {
        const char *label = s->kind == GOALSHEET_GOAL ? ui_tr(ui, "Wat wil de familie bereiken?")
                            : s->focus == 1           ? ui_tr(ui, "Wat gaat er gebeuren?")
                                                      : ui_tr(ui, "Wanneer, of hoe vaak?");
        form_typing(ui, label, s->focus == 1 ? ID_TEXT : ID_WHEN_FIELD,
                    s->focus == 1 ? &s->text : &s->when, s->why, kb);
        return;
    }
    FormGeo g = form_geo(ui, ui->h);
    int inner_x = g.panel.x + 2 * g.pad, inner_w = g.panel.w - 4 * g.pad;
    int bar = g.target + g.pad * 2; /* the buttons, always in view */
    int height = content(ui, s, plan, &g, 0, false) + g.pad * 3 / 2;
    Rect panel = g.panel;
    panel.h = height + bar < ui->h - 2 * g.pad ? height + bar : ui->h - 2 * g.pad;
    panel.y = (ui->h - panel.h) / 2;
    draw_rect(&ui->dl, panel, g.radius, t->panel);
    Rect view = {panel.x, panel.y, panel.w, panel.h - bar};
    form_scroll_clamp(&s->scroll, height, view.h);
    ui_clip(ui, view);
    content(ui, s, plan, &g, panel.y + g.pad - s->scroll.offset, true);
    ui_unclip(ui);
    kit_scroll_edges(ui, view, s->scroll.offset, height);
    int bw = (inner_w - g.pad) / 3;
    int by = panel.y + panel.h - g.pad - g.target;
    kit_button(ui, SHEET_ID_CANCEL, (Rect){inner_x, by, bw, g.target}, ui_tr(ui, "Annuleren"),
               false, false);
    kit_button(ui, SHEET_ID_DONE, (Rect){inner_x + inner_w - bw, by, bw, g.target},
               ui_tr(ui, "Klaar"), true, false);
    if (s->id)
        kit_button(ui, SHEET_ID_REMOVE, (Rect){inner_x + (inner_w - bw) / 2, by, bw, g.target},
                   ui_tr(ui, "Weghalen"), false, false);
}

/* Laid out left to right, and mirrored whole for a right-to-left language. */
void goalsheet_draw(Ui *ui, GoalSheet *s, const Plan *plan, const Keyboard *kb)
{
    UiMark m = ui_mirror_begin(ui);
    draw_ltr(ui, s, plan, kb);
    ui_mirror_end(ui, m);
}

/* ---- input ---- */

static TextEdit *focused_text(GoalSheet *s)
{
    return s->focus == 1 ? &s->text : s->focus == 2 ? &s->when : NULL;
}

static SheetResult done(GoalSheet *s, Edit *edit)
{
    if (s->kind == GOALSHEET_GOAL) {
        *edit = (Edit){.kind = s->id ? EDIT_GOAL_SET : EDIT_GOAL_ADD,
                       .id = s->id,
                       .text = textedit_text(&s->text),
                       .number = s->area};
    } else {
        *edit = (Edit){.kind = s->id ? EDIT_AGREEMENT_SET : EDIT_AGREEMENT_ADD,
                       .id = s->id,
                       .goal = s->goal,
                       .n_people = s->n_people,
                       .checker = s->checker,
                       .text = textedit_text(&s->text),
                       .text2 = textedit_text(&s->when),
                       .schedule = s->sched};
        /* only what the chosen repeat uses */
        Schedule *sc = &edit->schedule;
        if (sc->repeat != REPEAT_WEEKLY && sc->repeat != REPEAT_FORTNIGHTLY) sc->days = 0;
        if (sc->repeat != REPEAT_ONCE && sc->repeat != REPEAT_MONTHLY) sc->date[0] = '\0';
        if (sc->repeat == REPEAT_NONE) sc->time[0] = '\0';
        memcpy(edit->people, s->people, sizeof edit->people);
    }
    return SHEET_EDIT;
}

Edit goalsheet_removal(const GoalSheet *s)
{
    return (Edit){.kind = s->kind == GOALSHEET_GOAL ? EDIT_GOAL_REMOVE : EDIT_AGREEMENT_REMOVE,
                  .id = s->id};
}

/* A time of day moved by minutes, within the day; "" starts at 08:00. */
static void shift_time(char time[6], int minutes)
{
    int t = time[0] ? atoi(time) * 60 + atoi(time + 3) + minutes : 8 * 60;
    t = (t % (24 * 60) + 24 * 60) % (24 * 60);
    snprintf(time, 6, "%02d:%02d", t / 60 % 24, t % 60);
}

/* The schedule's chips and steppers; true when id was one of them. */
static bool schedule_gesture(GoalSheet *s, const char *id)
{
    Schedule *sc = &s->sched;
    const char *key;
    if ((key = ui_id_arg(id, ID_REPEAT))) {
        int r = repeat_from_key(key);
        if (r < 0) return false;
        sc->repeat = r;
        /* the days or the day it needs, from the meeting's day to begin with */
        if ((r == REPEAT_WEEKLY || r == REPEAT_FORTNIGHTLY) && !(sc->days & ALL_DAYS))
            sc->days = 1u << plan_weekday(s->default_day);
        if ((r == REPEAT_ONCE || r == REPEAT_MONTHLY) && !plan_valid_date(sc->date))
            snprintf(sc->date, sizeof sc->date, "%s", s->default_day);
        return true;
    }
    if ((key = ui_id_arg(id, ID_WEEKDAY))) {
        int d = weekday_from_key(key);
        if (d < 0) return false;
        unsigned days = sc->days ^ (1u << d);
        if (days & ALL_DAYS) sc->days = days; /* at least one day stays */
        return true;
    }
    if (ui_id_is(id, ID_DAY "-minus") || ui_id_is(id, ID_DAY "-plus")) {
        const char *from = plan_valid_date(sc->date) ? sc->date : s->default_day;
        long day = plan_day_number(from) + (ui_id_is(id, ID_DAY "-plus") ? 1 : -1);
        char next[11];
        plan_day_date(day, next);
        if (plan_valid_date(next)) memcpy(sc->date, next, sizeof sc->date);
        return true;
    }
    if (ui_id_is(id, ID_TIME "-minus") || ui_id_is(id, ID_TIME "-plus")) {
        shift_time(sc->time, ui_id_is(id, ID_TIME "-plus") ? 15 : -15);
        return true;
    }
    if (ui_id_is(id, ID_NO_TIME)) {
        sc->time[0] = '\0';
        return true;
    }
    return false;
}

SheetResult goalsheet_gesture(Ui *ui, GoalSheet *s, const Plan *plan, Keyboard *kb,
                              const Gesture *ev, Edit *edit)
{
    const char *id = ev->widget, *key;
    unsigned n;
    if (s->focus && keyboard_owns(ev)) {
        char text[16];
        bool leave;
        KeyResult k = keyboard_gesture(kb, ui, ev, text);
        if (form_apply_keyboard(focused_text(s), k, text, &leave)) s->why = NULL;
        if (leave) s->focus = 0;
        return k == KEY_NOTHING ? SHEET_NOTHING : SHEET_REDRAW;
    }
    if (!s->focus && form_scroll_gesture(&s->scroll, ev)) return SHEET_REDRAW;
    if (ev->kind != GESTURE_TAP) return SHEET_NOTHING;
    if (ui_id_is(id, ID_TEXT) || ui_id_is(id, ID_WHEN_FIELD)) {
        int f = ui_id_is(id, ID_TEXT) ? 1 : 2;
        if (s->focus == f)
            form_caret_at(ui, focused_text(s), ev);
        else
            textedit_end(f == 1 ? &s->text : &s->when);
        s->focus = f;
        *kb = (Keyboard){.shift = textedit_text(f == 1 ? &s->text : &s->when)[0] == '\0'};
        return SHEET_REDRAW;
    }
    if ((key = ui_id_arg(id, ID_AREA))) {
        int a = strcmp(key, "none") ? area_from_key(key) : AREA_NONE;
        if (a >= 0) s->area = a;
        return SHEET_REDRAW;
    }
    if (ui_id_num(id, ID_WHO, &n) && plan_person(plan, n)) {
        if (has_person(s, n)) {
            int k = 0;
            for (int i = 0; i < s->n_people; i++)
                if (s->people[i] != n) s->people[k++] = s->people[i];
            s->n_people = k;
        } else if (s->n_people < AGREEMENT_PEOPLE_MAX) {
            s->people[s->n_people++] = n;
        }
        s->why = NULL;
        return SHEET_REDRAW;
    }
    if (ui_id_num(id, ID_CHECKER, &n)) {
        s->checker = n && plan_person(plan, n) ? n : 0;
        return SHEET_REDRAW;
    }
    if (schedule_gesture(s, id)) {
        s->why = NULL;
        return SHEET_REDRAW;
    }
    if (ui_id_is(id, SHEET_ID_CANCEL)) {
        s->open = false;
        s->focus = 0;
        return SHEET_CLOSED;
    }
    if (ui_id_is(id, SHEET_ID_REMOVE) && s->id) return SHEET_REMOVE;
    if (ui_id_is(id, SHEET_ID_DONE)) return done(s, edit);
    return SHEET_NOTHING;
}

SheetResult goalsheet_text(GoalSheet *s, const char *text)
{
    TextEdit *te = focused_text(s);
    if (!te) return SHEET_NOTHING;
    textedit_insert(te, text);
    s->why = NULL;
    return SHEET_REDRAW;
}

SheetResult goalsheet_key(GoalSheet *s, SheetKey key, Edit *edit)
{
    TextEdit *te = focused_text(s);
    if (key == SKEY_ESCAPE) {
        if (te)
            s->focus = 0;
        else
            s->open = false;
        return te ? SHEET_REDRAW : SHEET_CLOSED;
    }
    if (key == SKEY_RETURN) {
        if (te) {
            s->focus = 0;
            return SHEET_REDRAW;
        }
        return done(s, edit);
    }
    if (!te) return SHEET_NOTHING;
    form_edit_key(te, key);
    return SHEET_REDRAW;
}

void goalsheet_taken(GoalSheet *s, bool ok, const char *why)
{
    if (ok) {
        s->open = false;
        s->focus = 0;
        s->why = NULL;
    } else {
        s->why = why;
        s->focus = 0;
    }
}
