/* goalsheet: layout, drawing and input of the goal and agreement sheets. */
#include "ui/screens/goal_sheet.h"

#include <stdio.h>
#include <string.h>

#include "core/relations.h"
#include "ui/form.h"
#include "ui/kit.h"

#define ID_TEXT "field:text"
#define ID_WHEN_FIELD "field:when"
#define ID_AREA "area"       /* "area:school", "area:none" */
#define ID_WHO "who"         /* "who:PERSON": one of those who do it */
#define ID_WHEN "when"       /* "when:N": a quick choice of when */
#define ID_CHECKER "checker" /* "checker:PERSON", "checker:0" nobody */

/* Quick answers to "when, or how often?" */
static const char *const when_quick[] = {
    N_("elke dag"),       N_("elke schooldag"),   N_("elke week"),
    N_("in het weekend"), N_("als het nodig is"),
};

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
        y = draw ? form_label(ui, g, y, ui_tr(ui, "Wanneer, of hoe vaak?")) : y + lh + g->pad / 3;
        if (draw)
            form_field(ui, g, ID_WHEN_FIELD, (Rect){inner_x, y, inner_w, g->target}, &s->when,
                       false, ui_tr(ui, "Tik hier, of kies hieronder"));
        y += g->target + g->pad / 2;
        row = (ChipRow){ui, g, inner_x, inner_w, 0, y, draw};
        for (size_t i = 0; i < sizeof when_quick / sizeof when_quick[0]; i++) {
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "%s:%zu", ID_WHEN, i);
            chip(&row, id, "", ui_tr(ui, when_quick[i]),
                 strcmp(textedit_text(&s->when), ui_tr(ui, when_quick[i])) == 0, t->sector_tint[1]);
        }
        y = row.y + g->target + g->pad;
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
                       .text2 = textedit_text(&s->when)};
        memcpy(edit->people, s->people, sizeof edit->people);
    }
    return SHEET_EDIT;
}

Edit goalsheet_removal(const GoalSheet *s)
{
    return (Edit){.kind = s->kind == GOALSHEET_GOAL ? EDIT_GOAL_REMOVE : EDIT_AGREEMENT_REMOVE,
                  .id = s->id};
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
    if (ui_id_num(id, ID_WHEN, &n) && n < sizeof when_quick / sizeof when_quick[0]) {
        textedit_set(&s->when, ui_tr(ui, when_quick[n]));
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
