/* pages: the steps' pages, their lists, the scale, the calendar and the
 * review. */
#include "ui/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/relations.h"
#include "core/textexport.h"


void pages_init(PageEdit *p)
{
    memset(p, 0, sizeof *p);
    textedit_init(&p->te, "", TEXT_MAX);
    textedit_init(&p->child, "", 400);
}

void pages_fini(PageEdit *p)
{
    textedit_fini(&p->te);
    textedit_fini(&p->child);
}

void pages_close(PageEdit *p)
{
    p->typing = TYPING_NONE;
    p->why = NULL;
    p->id = 0;
    p->support_for = 0;
    p->pending = 0;
    textedit_set(&p->te, "");
    textedit_set(&p->child, "");
}

int pages_days_in_month(int year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12)
        return 30;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

int pages_weekday(int year, int month, int day)
{
    /* Sakamoto's method: 0 is Sunday; turned so that 0 is Monday */
    static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    if (month < 3)
        year--;
    int w = (year + year / 4 - year / 100 + year / 400 + t[month - 1] + day) % 7;
    return (w + 6) % 7;
}

/* ------------------------------------------------------------------ */
/* What the lists are                                                   */
/* ------------------------------------------------------------------ */

typedef struct SectionInfo {
    int section;
    const char *title, *picto, *prompt;
} SectionInfo;

static const SectionInfo sections[] = {
    { SECTION_GOING_WELL, "Wat gaat goed", "\xF0\x9F\x8C\xBB", N_("Wat gaat er goed?") },     /* 🌻 */
    { SECTION_CONCERNS, "Zorgen", "\xE2\x98\x81\xEF\xB8\x8F", N_("Waar maken jullie je zorgen over?") }, /* ☁️ */
    { SECTION_CONDITIONS, N_("Ondergrenzen van de verwijzer"), "\xF0\x9F\x9A\xA7",
      N_("Waar moet het plan in elk geval aan voldoen?") },                                   /* 🚧 */
    { SECTION_STRENGTHS, "Krachten", "\xF0\x9F\x92\xAA", N_("Waar is deze familie sterk in?") }, /* 💪 */
    { SECTION_DREAM, N_("Onze droom"), "\xF0\x9F\x8C\x88", N_("Waar hopen jullie op?") },         /* 🌈 */
    { SECTION_SAFETY, N_("Plan B: als het niet lukt"), "\xF0\x9F\x9B\x9F",
      N_("Wat doen we als een afspraak niet lukt? Wie bellen we?") },                          /* 🛟 */
    { SECTION_HELP, "Hulp van professionals", "\xF0\x9F\xA4\x9D",
      N_("Welke hulp vragen jullie aan professionals?") },                                     /* 🤝 */
};

static const SectionInfo *section_info(int section)
{
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        if (sections[i].section == section)
            return &sections[i];
    return &sections[0];
}

static const struct {
    int field;
    const char *title, *prompt;
} fields[] = {
    { FIELD_FAMILY, "Familie", N_("Hoe heet de familie?") },
    { FIELD_CHILDREN, N_("Over wie gaat het plan"), N_("Over welk kind of welke kinderen gaat het plan?") },
    { FIELD_PLACE, N_("Plaats"), N_("Waar is het gesprek?") },
    { FIELD_QUESTION, N_("De centrale vraag"), N_("Welke vraag beantwoordt dit plan?") },
};

static const char *field_prompt(int field)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].field == field)
            return fields[i].prompt;
    return "";
}

static bool locked(const FlowState *f, int section)
{
    return section == SECTION_CONDITIONS && !f->conditions_open;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */

typedef struct P {
    Ui *ui;
    FlowState *f;
    const Plan *plan;
    const FlowView *view;
    const Gestures *g;
    int pad, target, radius, lh, sh, th, bh;
    Rect col;    /* the page's column */
    int y;       /* where the next block goes */
    int align;   /* the reading side */
} P;

static int reading_x(const P *p, int w)
{
    return p->ui->rtl ? p->col.x + p->col.w - w : p->col.x;
}

/* A block's heading: a pictogram and a title, and an optional note. */
static void heading(P *p, const char *picto, const char *title, const char *note)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    p->y += p->pad;
    int pw = p->th + p->pad / 2;
    Rect pr = { reading_x(p, pw), p->y, pw, p->th };
    Rect tr_ = { p->ui->rtl ? p->col.x : p->col.x + pw, p->y, p->col.w - pw, p->th };
    ui_text(ui, pr, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, picto);
    ui_text(ui, tr_, FONT_TITLE, p->align | ALIGN_MIDDLE, t->ink, title);
    p->y += p->th;
    if (note) {
        ui_text(ui, (Rect){ p->col.x, p->y, p->col.w, p->sh }, FONT_SMALL, p->align, t->ink_soft, note);
        p->y += p->sh;
    }
    p->y += p->pad / 2;
}

/* A small round "remove" button. */
static void remove_button(P *p, const char *id, Rect r)
{
    const Theme *t = p->ui->theme;
    Point c = rect_center(r);
    int a = r.w / 6, lw = ui_px(p->ui, 0.5f) + 1;
    draw_disc(&p->ui->dl, c, r.w / 3, t->bg);
    draw_line(&p->ui->dl, (Point){ c.x - a, c.y - a }, (Point){ c.x + a, c.y + a }, lw, t->ink_soft);
    draw_line(&p->ui->dl, (Point){ c.x - a, c.y + a }, (Point){ c.x + a, c.y - a }, lw, t->ink_soft);
    ui_widget(p->ui, id, r, c, GRAB_TAP);
}

/* A card with wrapped text; `remove_id` adds a remove button. */
static void text_card(P *p, const char *id, const char *text, const char *hint, const char *remove_id,
                      Color fill)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int rw = remove_id ? p->target : 0;
    int tw = p->col.w - 2 * p->pad - rw;
    bool empty = !text || !text[0];
    int h = ui_wrap(ui, (Rect){ 0, 0, tw, p->lh * 4 }, FONT_BODY, t->ink, empty ? hint : text, 4,
                    false);
    if (h < p->lh)
        h = p->lh;
    Rect r = { p->col.x, p->y, p->col.w, h + p->pad };
    if (r.h < p->target)
        r.h = p->target;
    draw_rect(&ui->dl, r, p->radius / 2, fill);
    draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.3f), t->line);
    Rect tr_ = { r.x + p->pad + (ui->rtl ? rw : 0), r.y + (r.h - h) / 2, tw, h };
    ui_wrap(ui, tr_, FONT_BODY, empty ? t->ink_soft : t->ink, empty ? hint : text, 4, true);
    if (id)
        ui_widget(ui, id, r, (Point){ r.x + p->pad * 2, r.y + r.h / 2 }, GRAB_TAP | GRAB_DRAG);
    if (remove_id)
        remove_button(p, remove_id, (Rect){ ui->rtl ? r.x : r.x + r.w - rw, r.y, rw, r.h < rw ? r.h : rw });
    p->y += r.h + p->pad / 3;
}

/* A pill at the reading side: "+ label" with plus, else the label. */
static void button(P *p, const char *id, const char *label, bool plus)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int w = p->target + p->pad + ui_text_width(ui, FONT_BOLD, label);
    if (w > p->col.w)
        w = p->col.w;
    Rect r = { reading_x(p, w), p->y + p->pad / 3, w, p->target };
    draw_rect(&ui->dl, r, p->target / 2, t->card);
    draw_frame(&ui->dl, r, p->target / 2, ui_px(ui, 0.5f), t->accent);
    if (plus) {
        Point c = { ui->rtl ? r.x + r.w - p->target / 2 : r.x + p->target / 2, r.y + r.h / 2 };
        int a = p->target / 5, lw = ui_px(ui, 0.7f) + 1;
        draw_line(&ui->dl, (Point){ c.x - a, c.y }, (Point){ c.x + a, c.y }, lw, t->accent);
        draw_line(&ui->dl, (Point){ c.x, c.y - a }, (Point){ c.x, c.y + a }, lw, t->accent);
        ui_text(ui, (Rect){ ui->rtl ? r.x + p->pad / 2 : r.x + p->target, r.y,
                            r.w - p->target - p->pad / 2, r.h },
                FONT_BOLD, p->align | ALIGN_MIDDLE, t->accent, label);
    } else {
        ui_text(ui, r, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->accent, label);
    }
    ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
    p->y += r.h + p->pad;
}

static void list_block(P *p, int section)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const SectionInfo *si = section_info(section);
    bool lock = locked(p->f, section);
    const char *note = NULL;
    if (section == SECTION_CONDITIONS)
        note = ui_tr(ui, lock ? "Alleen de coördinator kan deze veranderen."
                              : "De coördinator verandert deze nu.");
    heading(p, si->picto, ui_tr(ui, si->title), note);
    const ItemList *l = &p->plan->section[section];
    for (int i = 0; i < l->n; i++) {
        char id[UI_ID_LEN], rid[UI_ID_LEN];
        snprintf(id, sizeof id, "item:%u", (unsigned)l->items[i].id);
        snprintf(rid, sizeof rid, "remove:%u", (unsigned)l->items[i].id);
        bool fam = p->f->family_time && section == SECTION_CONDITIONS;
        text_card(p, fam ? NULL : id, l->items[i].text, "", lock ? NULL : rid, t->card);
    }
    if (!l->n)
        text_card(p, NULL, NULL, ui_tr(ui, "Nog leeg."), NULL, t->bg);
    if (!(p->f->family_time && section == SECTION_CONDITIONS)) {
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "add:%s", section_key(section));
        button(p, id, ui_tr(ui, lock ? "Veranderen (pincode)" : "Toevoegen"), true);
    }
}

static void field_block(P *p, int field, const char *picto, bool big)
{
    Ui *ui = p->ui;
    const char *title = "";
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].field == field)
            title = fields[i].title;
    char id[UI_ID_LEN];
    snprintf(id, sizeof id, "field:%s", field_key(field));
    if (big) {
        heading(p, picto, ui_tr(ui, title), NULL);
    } else {
        ui_text(ui, (Rect){ p->col.x, p->y, p->col.w, p->sh }, FONT_SMALL, p->align,
                ui->theme->ink_soft, ui_tr(ui, title));
        p->y += p->sh + p->pad / 4;
    }
    text_card(p, id, p->plan->field[field], ui_tr(ui, "Tik om in te vullen."), NULL, ui->theme->card);
}

/* Where the lifted avatar of person pid is (a finger drags it), if so. */
static const Finger *lifted(const P *p, uint32_t pid)
{
    char id[UI_ID_LEN];
    snprintf(id, sizeof id, "marker:%u", (unsigned)pid);
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Finger *fi = &p->g->f[i];
        if (fi->down && fi->dragging && !strcmp(fi->widget, id))
            return fi;
    }
    return NULL;
}

static void marker(P *p, const Person *q, Point c, int r)
{
    Ui *ui = p->ui;
    char id[UI_ID_LEN];
    snprintf(id, sizeof id, "marker:%u", (unsigned)q->id);
    if (lifted(p, q->id))
        return; /* drawn at the finger, over everything */
    if (p->f->scale_pick == q->id)
        draw_disc(&ui->dl, c, r + ui_px(ui, 1.0f), ui->theme->accent);
    ui_avatar(ui, c, r, q);
    ui_widget(ui, id, (Rect){ c.x - r, c.y - r, 2 * r, 2 * r }, c, GRAB_TAP | GRAB_DRAG);
}

/* The 0-10 scale: a marker per person, placed by dragging (or by tapping
 * the person and then the number). */
static void scale_block(P *p)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const Plan *plan = p->plan;
    heading(p, "\xF0\x9F\x93\x8F", ui_tr(ui, "Hoe gaat het nu? Van 0 tot 10"),
            ui_tr(ui, "Ieder zet zichzelf op de schaal: sleep je plaatje naar een getal."));
    int stops = 11, sw = p->col.w / stops;
    int r = sw * 2 / 5 < p->target / 2 ? sw * 2 / 5 : p->target / 2;
    int most = 1;
    int count[11] = { 0 };
    for (int i = 0; i < plan->n_people; i++)
        if (plan->people[i].scale != SCALE_NONE)
            most = ++count[plan->people[i].scale] > most ? count[plan->people[i].scale] : most;
    int stack = most * (r * 3 / 2) + r;
    int y0 = p->y, ny = y0 + stack + p->pad / 2;
    /* the track and its numbers: 0 on the reading side's start */
    Rect track = { p->col.x + sw / 2, ny + p->target / 2 - ui_px(ui, 0.6f), sw * 10, ui_px(ui, 1.2f) };
    draw_rect(&ui->dl, track, track.h / 2, t->line);
    int placed[11] = { 0 };
    for (int n = 0; n < stops; n++) {
        int col = ui->rtl ? 10 - n : n;
        Rect column = { p->col.x + col * sw, y0, sw, ny + p->target - y0 };
        Point c = { column.x + sw / 2, ny + p->target / 2 };
        Color hue = n < 4 ? 0xF3D2C8FF : n < 7 ? 0xF6E6B8FF : 0xCFEBD8FF;
        draw_disc(&ui->dl, c, p->target / 2 - 1, hue);
        char num[12];
        snprintf(num, sizeof num, "%d", n);
        ui_text(ui, (Rect){ c.x - sw / 2, ny, sw, p->target }, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE,
                t->ink, num);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "scale:%d", n);
        ui_widget(ui, id, column, c, GRAB_TAP | GRAB_DRAG);
    }
    for (int i = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        if (q->scale == SCALE_NONE)
            continue;
        int col = ui->rtl ? 10 - q->scale : q->scale;
        Point c = { p->col.x + col * sw + sw / 2, ny - r - placed[q->scale]++ * (r * 3 / 2) };
        marker(p, q, c, r);
    }
    p->y = ny + p->target + p->pad;
    /* the people not on the scale yet */
    int waiting = 0;
    for (int i = 0; i < plan->n_people; i++)
        waiting += plan->people[i].scale == SCALE_NONE;
    int slot = p->target * 2;
    int per_row = p->col.w / slot > 0 ? p->col.w / slot : 1;
    int rows = (waiting + per_row - 1) / per_row;
    Rect off = { p->col.x, p->y, p->col.w, rows * (r * 2 + p->sh + p->pad / 2) + p->pad };
    if (!waiting)
        off.h = p->target;
    draw_rect(&ui->dl, off, p->radius / 2, t->panel);
    draw_frame(&ui->dl, off, p->radius / 2, ui_px(ui, 0.3f), t->line);
    ui_widget(ui, "scale-off", off, rect_center(off), GRAB_TAP | GRAB_DRAG);
    if (!waiting)
        ui_text(ui, off, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft,
                ui_tr(ui, "Iedereen staat op de schaal."));
    for (int i = 0, k = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        if (q->scale != SCALE_NONE)
            continue;
        int row = k / per_row, colm = k % per_row;
        k++;
        int x = ui->rtl ? off.x + off.w - (colm + 1) * slot : off.x + colm * slot;
        Point c = { x + slot / 2, off.y + p->pad / 2 + row * (r * 2 + p->sh + p->pad / 2) + r };
        marker(p, q, c, r);
        char first[64];
        snprintf(first, sizeof first, "%s", q->name);
        char *sp = strchr(first, ' ');
        if (sp && sp != first)
            *sp = '\0';
        ui_text(ui, (Rect){ x, c.y + r, slot, p->sh }, FONT_SMALL, ALIGN_CENTER, t->ink, first);
    }
    p->y = off.y + off.h + p->pad;
}

static void voices_block(P *p)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    heading(p, "\xF0\x9F\xA7\x92", ui_tr(ui, "De stem van het kind"),
            ui_tr(ui, "Wat het kind zelf zegt, in eigen woorden."));
    for (int i = 0; i < p->plan->n_voices; i++) {
        const Voice *v = &p->plan->voices[i];
        char id[UI_ID_LEN], rid[UI_ID_LEN], words[TEXT_MAX / 8];
        snprintf(id, sizeof id, "voice:%u", (unsigned)v->id);
        snprintf(rid, sizeof rid, "remove-voice:%u", (unsigned)v->id);
        snprintf(words, sizeof words, "%s: \xE2\x80\x9C%s\xE2\x80\x9D", v->child, v->text);
        text_card(p, id, words, "", rid, 0xFFF8E8FF);
        /* the support person, chosen from the map */
        const Person *s = v->support ? plan_person(p->plan, v->support) : NULL;
        char label[300];
        if (s)
            tr_fill(label, sizeof label, ui_tr(ui, "Steun: %s"), s->name);
        else
            snprintf(label, sizeof label, "%s", ui_tr(ui, "Kies iemand die steunt"));
        int w = p->target + p->pad + ui_text_width(ui, FONT_BOLD, label);
        if (w > p->col.w)
            w = p->col.w;
        Rect r = { reading_x(p, w), p->y, w, p->target };
        draw_rect(&ui->dl, r, p->target / 2, s ? t->sector_tint[s->place.sector] : t->card);
        draw_frame(&ui->dl, r, p->target / 2, ui_px(ui, 0.35f), t->line);
        Point c = { ui->rtl ? r.x + r.w - p->target / 2 : r.x + p->target / 2, r.y + r.h / 2 };
        if (s)
            ui_avatar(ui, c, p->target * 2 / 5, s);
        else
            ui_text(ui, (Rect){ c.x - p->target / 2, r.y, p->target, r.h }, FONT_BODY,
                    ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\xA4\x9D");
        ui_text(ui, (Rect){ ui->rtl ? r.x + p->pad / 2 : r.x + p->target, r.y, r.w - p->target - p->pad / 2,
                            r.h }, FONT_BOLD, p->align | ALIGN_MIDDLE, t->ink, label);
        snprintf(id, sizeof id, "support:%u", (unsigned)v->id);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
        p->y += r.h + p->pad;
    }
    button(p, "add-voice", ui_tr(ui, "Wat zegt het kind?"), true);
}

static const char *const months[12] = { N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"), N_("juni"),
                                        N_("juli"), N_("augustus"), N_("september"), N_("oktober"), N_("november"),
                                        N_("december") };
static const char *const weekdays[7] = { N_("ma"), N_("di"), N_("wo"), N_("do"), N_("vr"), N_("za"), N_("zo") };

static void calendar_shown(const FlowState *f, const Plan *plan, const FlowView *view, int *y, int *m)
{
    *y = f->cal_year;
    *m = f->cal_month;
    if (*y)
        return;
    const char *d = plan->eval.date[0] ? plan->eval.date : view->today;
    if (sscanf(d, "%4d-%2d", y, m) != 2 || *m < 1 || *m > 12) {
        *y = 2026;
        *m = 1;
    }
}

/* Buttons "-" and "+" around a value, as one row. */
static void stepper(P *p, int x, int y, const char *id, const char *value, int vw)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    char mid[UI_ID_LEN], pid[UI_ID_LEN];
    snprintf(mid, sizeof mid, "%s-minus", id);
    snprintf(pid, sizeof pid, "%s-plus", id);
    Rect minus = { x, y, p->target, p->target }, plus = { x + p->target + vw, y, p->target, p->target };
    if (ui->rtl) {
        Rect tmp = minus;
        minus = plus;
        plus = tmp;
    }
    int a = p->target / 5, lw = ui_px(ui, 0.8f) + 1;
    draw_disc(&ui->dl, rect_center(minus), p->target / 2, t->accent);
    draw_disc(&ui->dl, rect_center(plus), p->target / 2, t->accent);
    Point mc = rect_center(minus), pc = rect_center(plus);
    draw_line(&ui->dl, (Point){ mc.x - a, mc.y }, (Point){ mc.x + a, mc.y }, lw, t->card);
    draw_line(&ui->dl, (Point){ pc.x - a, pc.y }, (Point){ pc.x + a, pc.y }, lw, t->card);
    draw_line(&ui->dl, (Point){ pc.x, pc.y - a }, (Point){ pc.x, pc.y + a }, lw, t->card);
    ui_widget(ui, mid, minus, mc, GRAB_TAP);
    ui_widget(ui, pid, plus, pc, GRAB_TAP);
    ui_text(ui, (Rect){ x + p->target, y, vw, p->target }, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE,
            t->ink, value);
}

/* People as chips to choose one of (the convener, a support person). */
static void people_chips(P *p, const char *prefix, uint32_t chosen)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int x = 0, h = p->target, gap = p->pad / 2;
    for (int i = 0; i < p->plan->n_people; i++) {
        const Person *q = &p->plan->people[i];
        int w = h + p->pad + ui_text_width(ui, FONT_BOLD, q->name);
        if (w > p->col.w)
            w = p->col.w;
        if (x > 0 && x + w > p->col.w) {
            x = 0;
            p->y += h + gap;
        }
        Rect r = { ui->rtl ? p->col.x + p->col.w - x - w : p->col.x + x, p->y, w, h };
        bool on = q->id == chosen;
        draw_rect(&ui->dl, r, h / 2, on ? t->sector_tint[q->place.sector] : t->card);
        draw_frame(&ui->dl, r, h / 2, ui_px(ui, on ? 0.8f : 0.3f), on ? t->accent : t->line);
        Point c = { ui->rtl ? r.x + r.w - h / 2 : r.x + h / 2, r.y + h / 2 };
        ui_avatar(ui, c, h * 2 / 5, q);
        ui_text(ui, (Rect){ ui->rtl ? r.x + p->pad / 2 : r.x + h, r.y, w - h - p->pad / 2, h }, FONT_BOLD,
                p->align | ALIGN_MIDDLE, t->ink, q->name);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%u", prefix, (unsigned)q->id);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
        x += w + gap;
    }
    p->y += h + p->pad;
}

static void evaluation_page(P *p)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const Evaluation *e = &p->plan->eval;
    int year, month;
    calendar_shown(p->f, p->plan, p->view, &year, &month);
    heading(p, "\xF0\x9F\x93\x85", ui_tr(ui, "Op welke dag?"), NULL);
    if (e->date[0] && p->view->today[0] && strcmp(e->date, p->view->today) < 0) {
        Rect w = { p->col.x, p->y, p->col.w, p->lh + p->pad };
        draw_rect(&ui->dl, w, p->radius / 2, ui->theme->warn_tint);
        ui_text(ui, rect_inset(w, p->pad / 2), FONT_BODY, p->align | ALIGN_MIDDLE, ui->theme->warn,
                ui_tr(ui, "Deze dag is al voorbij. Kies een dag die nog komt."));
        ui_widget(ui, "past-date", w, rect_center(w), 0);
        p->y += w.h + p->pad / 2;
    }
    /* month and the arrows */
    int cw = p->col.w < p->target * 7 * 3 / 2 ? p->col.w : p->target * 7 * 3 / 2;
    int cx = ui->rtl ? p->col.x + p->col.w - cw : p->col.x, cell = cw / 7;
    Rect prev = { cx, p->y, p->target, p->target }, next = { cx + cw - p->target, p->y, p->target, p->target };
    if (ui->rtl) {
        Rect tmp = prev;
        prev = next;
        next = tmp;
    }
    char title[160];
    snprintf(title, sizeof title, "%s %d", ui_tr(ui, months[month - 1]), year);
    ui_text(ui, (Rect){ cx + p->target, p->y, cw - 2 * p->target, p->target }, FONT_BOLD,
            ALIGN_CENTER | ALIGN_MIDDLE, t->ink, title);
    draw_disc(&ui->dl, rect_center(prev), p->target / 2, t->card);
    draw_disc(&ui->dl, rect_center(next), p->target / 2, t->card);
    ui_text(ui, prev, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->accent, ui->rtl ? "\xE2\x80\xBA" : "\xE2\x80\xB9");
    ui_text(ui, next, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->accent, ui->rtl ? "\xE2\x80\xB9" : "\xE2\x80\xBA");
    ui_widget(ui, "cal-prev", prev, rect_center(prev), GRAB_TAP);
    ui_widget(ui, "cal-next", next, rect_center(next), GRAB_TAP);
    p->y += p->target + p->pad / 2;
    for (int d = 0; d < 7; d++) {
        int col = ui->rtl ? 6 - d : d;
        ui_text(ui, (Rect){ cx + col * cell, p->y, cell, p->sh }, FONT_SMALL, ALIGN_CENTER,
                t->ink_soft, ui_tr(ui, weekdays[d]));
    }
    p->y += p->sh + p->pad / 3;
    int first = pages_weekday(year, month, 1), days = pages_days_in_month(year, month);
    int ch = cell * 3 / 4 > p->target ? p->target : cell * 3 / 4;
    if (ch < p->target * 3 / 4)
        ch = p->target * 3 / 4;
    for (int d = 1; d <= days; d++) {
        int k = first + d - 1, row = k / 7, col = k % 7;
        if (ui->rtl)
            col = 6 - col;
        Rect r = { cx + col * cell + 1, p->y + row * ch + 1, cell - 2, ch - 2 };
        char iso[40], num[12];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, d);
        snprintf(num, sizeof num, "%d", d);
        bool chosen = !strcmp(iso, e->date), today = !strcmp(iso, p->view->today);
        bool past = p->view->today[0] && strcmp(iso, p->view->today) < 0;
        draw_rect(&ui->dl, r, p->radius / 2, chosen ? t->accent : past ? t->bg : t->card);
        if (today)
            draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.6f), t->ink);
        ui_text(ui, r, FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE,
                chosen ? t->card : past ? t->disabled : t->ink, num);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "day:%s", iso);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
    }
    p->y += ((first + days + 6) / 7) * ch + p->pad;

    heading(p, "\xF0\x9F\x95\x99", ui_tr(ui, "Hoe laat?"), NULL);
    int vw = ui_text_width(ui, FONT_TITLE, "00:00") + p->pad * 2;
    int lw = ui_text_width(ui, FONT_BODY, ui_tr(ui, "tot")) + p->pad * 2;
    int x = ui->rtl ? p->col.x + p->col.w - (p->target * 2 + vw) : p->col.x;
    stepper(p, x, p->y, "start", e->start[0] ? e->start : "--:--", vw);
    int x2 = ui->rtl ? x - lw - (p->target * 2 + vw) : x + p->target * 2 + vw + lw;
    ui_text(ui, (Rect){ ui->rtl ? x - lw : x + p->target * 2 + vw, p->y, lw, p->target }, FONT_BODY,
            ALIGN_CENTER | ALIGN_MIDDLE, t->ink, ui_tr(ui, "tot"));
    stepper(p, x2, p->y, "end", e->end[0] ? e->end : "--:--", vw);
    p->y += p->target + p->pad / 2;
    if (e->start[0] || e->end[0]) {
        button(p, "time-clear", ui_tr(ui, "Zonder tijd"), false);
    }
    p->y += p->pad / 2;
    heading(p, "\xF0\x9F\x93\x8D", ui_tr(ui, "Waar?"), NULL);
    text_card(p, "field:eval-place", e->place, ui_tr(ui, "Tik om de plaats op te schrijven."), NULL,
              t->card);
    heading(p, "\xF0\x9F\x93\xA3", ui_tr(ui, "Wie nodigt iedereen uit?"), NULL);
    people_chips(p, "convener", e->convener);
}

/* The review: what is missing, the whole plan to read, and agreeing. */
static void review_page(P *p)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const Plan *plan = p->plan;
    const char *missing[FLOW_GAPS_MAX];
    int n = flow_missing(plan, missing, FLOW_GAPS_MAX);
    if (p->f->page.why) {
        Rect w = { p->col.x, p->y, p->col.w, p->lh * 2 + p->pad };
        draw_rect(&ui->dl, w, p->radius / 2, ui->theme->warn_tint);
        ui_wrap(ui, rect_inset(w, p->pad / 2), FONT_BODY, ui->theme->warn, ui_tr(ui, p->f->page.why), 2, true);
        ui_widget(ui, "review-why", w, rect_center(w), 0);
        p->y += w.h + p->pad / 2;
    }
    /* a way straight down to agreeing, for those who have read it */
    button(p, "to-agree", ui_tr(ui, "Naar akkoord geven"), false);
    if (n) {
        heading(p, "\xE2\x9C\x8F\xEF\xB8\x8F", ui_tr(ui, "Eerst nog invullen"),
                ui_tr(ui, "Daarna kan iedereen akkoord geven."));
        for (int i = 0; i < n; i++)
            text_card(p, NULL, ui_tr(ui, missing[i]), "", NULL, ui->theme->warn_tint);
    }
    /* the plan, as it will be shared */
    heading(p, "\xF0\x9F\x93\x84", ui_tr(ui, "Het hele plan"), NULL);
    char *text = export_plan_text(plan, ui->cat);
    Rect paper = { p->col.x, p->y, p->col.w, 0 };
    int y0 = p->y;
    /* first measure, then draw on a paper-white sheet */
    for (int pass = 0; pass < 2 && text; pass++) {
        int y = y0 + p->pad;
        bool after_blank = true;
        for (char *line = text; *line;) {
            char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line);
            char buf[TEXT_MAX + 8];
            if (len > TEXT_MAX)
                len = TEXT_MAX;
            memcpy(buf, line, len);
            buf[len] = '\0';
            bool heading_line = after_blank && len && buf[0] != '-';
            after_blank = len == 0;
            if (!len) {
                y += p->pad;
            } else {
                Rect box = { paper.x + p->pad * 2, y, paper.w - p->pad * 4, p->lh * 40 };
                y += ui_wrap(ui, box, heading_line ? FONT_BOLD : FONT_BODY, t->ink, buf, 40, pass == 1);
            }
            line = end ? end + 1 : line + len;
        }
        paper.h = y - y0 + p->pad;
        if (pass == 0) {
            draw_rect(&ui->dl, (Rect){ paper.x + 2, paper.y + 3, paper.w, paper.h }, p->radius / 2, 0x00000014);
            draw_rect(&ui->dl, paper, p->radius / 2, t->card);
        }
    }
    free(text);
    ui_widget(ui, "plan-text", paper, (Point){ paper.x + p->pad, paper.y + p->pad }, GRAB_DRAG);
    p->y = y0 + paper.h + p->pad;

    /* agreeing, person by person */
    p->f->page.agree_at = p->y - p->col.y;
    AgreeCount c = flow_agree_count(plan);
    char note[200], count[32];
    snprintf(count, sizeof count, "%d / %d", c.agreed, c.present);
    tr_fill(note, sizeof note, ui_tr(ui, "Akkoord van de aanwezigen: %s"), count);
    heading(p, "\xE2\x9C\x8D", ui_tr(ui, "Akkoord: tik op je eigen naam"), note);
    int rh = p->lh + p->sh + p->pad;
    if (rh < p->target + p->pad / 2)
        rh = p->target + p->pad / 2;
    for (int i = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        Rect r = { p->col.x, p->y, p->col.w, rh };
        draw_rect(&ui->dl, r, p->radius / 2, q->agreed_at ? ui->theme->done_tint : t->card);
        draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.3f), t->line);
        Point ac = { ui->rtl ? r.x + r.w - rh / 2 : r.x + rh / 2, r.y + rh / 2 };
        ui_avatar(ui, ac, rh * 2 / 5, q);
        int bw = p->target * 3 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Opnieuw akkoord"));
        int tw = ui_text_width(ui, FONT_BOLD, ui_tr(ui, "akkoord om %s")) + p->pad * 2;
        int aw = ui_text_width(ui, FONT_SMALL, ui_tr(ui, "akkoord volgt (niet aanwezig)")) + p->pad * 2;
        bw = bw > tw ? bw : tw;
        bw = bw > aw ? bw : aw;
        if (bw > r.w / 2)
            bw = r.w / 2;
        Rect b = { ui->rtl ? r.x + p->pad / 2 : r.x + r.w - bw - p->pad / 2, r.y + (rh - p->target) / 2,
                   bw, p->target };
        Rect name = { ui->rtl ? b.x + b.w + p->pad : r.x + rh, r.y, r.w - rh - bw - p->pad * 2, rh };
        ui_text(ui, (Rect){ name.x, r.y + p->pad / 4, name.w, p->lh }, FONT_BOLD, p->align, t->ink, q->name);
        if (!q->renew || q->agreed_at || !q->present)
            ui_text(ui, (Rect){ name.x, r.y + p->pad / 4 + p->lh, name.w, p->sh }, FONT_SMALL, p->align,
                    t->ink_soft, q->relation);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "agree:%u", (unsigned)q->id);
        if (!q->present) {
            ui_text(ui, b, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft,
                    ui_tr(ui, "akkoord volgt (niet aanwezig)"));
            ui_widget(ui, id, b, rect_center(b), 0);
        } else if (q->agreed_at) {
            time_t at = (time_t)q->agreed_at;
            struct tm tm;
            localtime_r(&at, &tm);
            char when[120], hm[32];
            snprintf(hm, sizeof hm, "%02d:%02d", tm.tm_hour, tm.tm_min);
            tr_fill(when, sizeof when, ui_tr(ui, "akkoord om %s"), hm);
            ui_text(ui, b, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->present, when);
            ui_widget(ui, id, b, rect_center(b), 0);
        } else {
            draw_rect(&ui->dl, b, b.h / 2, n ? t->disabled : t->accent);
            ui_text(ui, b, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->card,
                    ui_tr(ui, q->renew ? "Opnieuw akkoord" : "Ik ga akkoord"));
            ui_widget(ui, id, b, rect_center(b), GRAB_TAP);
            if (q->renew)
                ui_text(ui, (Rect){ name.x, r.y + p->pad / 4 + p->lh, name.w, p->sh }, FONT_SMALL, p->align,
                        ui->theme->warn, ui_tr(ui, "Het plan is veranderd."));
        }
        p->y += rh + p->pad / 3;
    }
    /* the facilitator's approval */
    p->y += p->pad;
    if (plan->approved_at) {
        time_t at = (time_t)plan->approved_at;
        struct tm tm;
        localtime_r(&at, &tm);
        char when[200], d[64];
        char day[40];
        tr_date(ui->cat, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, day, sizeof day);
        snprintf(d, sizeof d, "%s %02d:%02d", day, tm.tm_hour % 100, tm.tm_min % 100);
        tr_fill(when, sizeof when, ui_tr(ui, "Goedgekeurd door de coördinator op %s."), d);
        text_card(p, "approved", when, "", NULL, ui->theme->done_tint);
    } else if (!p->f->family_time) {
        if (plan->approval_renew)
            text_card(p, NULL, ui_tr(ui, "Het plan is veranderd na de goedkeuring: keur het opnieuw goed."),
                      "", NULL, ui->theme->warn_tint);
        int bw = p->target * 2 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Goedkeuren (coördinator)"));
        if (bw > p->col.w)
            bw = p->col.w;
        Rect b = { reading_x(p, bw), p->y, bw, p->target * 5 / 4 };
        bool can = flow_can_approve(plan);
        draw_rect(&ui->dl, b, b.h / 2, can ? t->accent : t->disabled);
        ui_text(ui, b, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->card,
                ui_tr(ui, "Goedkeuren (coördinator)"));
        ui_widget(ui, "approve", b, rect_center(b), GRAB_TAP);
        p->y += b.h + p->pad;
    }
}

/* The gaps of a step as soft lines under its title. */
static void gaps_block(P *p, int step)
{
    Ui *ui = p->ui;
    const char *gaps[FLOW_GAPS_MAX];
    int n = step_gaps(p->plan, step, gaps, FLOW_GAPS_MAX);
    for (int i = 0; i < n; i++) {
        int dr = ui_px(ui, 1.1f);
        int dx = ui->rtl ? p->col.x + p->col.w - dr * 2 : p->col.x + dr * 2;
        draw_disc(&ui->dl, (Point){ dx, p->y + p->sh / 2 }, dr, ui->theme->mark);
        ui_text(ui, (Rect){ ui->rtl ? p->col.x : p->col.x + dr * 5, p->y, p->col.w - dr * 5, p->sh },
                FONT_SMALL, p->align, ui->theme->ink_soft, ui_tr(ui, gaps[i]));
        p->y += p->sh;
    }
}

/* The typing view over the keyboard. */
static const char *typing_label(const PageEdit *e)
{
    switch (e->typing) {
    case TYPING_ITEM: return section_info(e->section)->prompt;
    case TYPING_FIELD: return field_prompt(e->section);
    case TYPING_VOICE_CHILD: return N_("Wie zegt het? De naam van het kind.");
    case TYPING_VOICE_WORDS: return N_("Wat zegt het kind? Schrijf het op in de eigen woorden van het kind.");
    case TYPING_EVAL_PLACE: return N_("Waar is de evaluatie?");
    case TYPING_NONE: break;
    }
    return "";
}

static void support_picker(P *p)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const Voice *v = plan_voice(p->plan, p->f->page.support_for);
    if (!v) {
        p->f->page.support_for = 0;
        return;
    }
    draw_rect(&ui->dl, (Rect){ 0, 0, ui->w, ui->h }, 0, 0x2A263070);
    /* as high as its chips need: measure them as people_chips lays them */
    int w = ui->w - p->pad * 4, x = 0, rows = 1;
    if (w > ui_px(ui, 200))
        w = ui_px(ui, 200);
    int inner_w = w - p->pad * 3;
    for (int i = 0; i < p->plan->n_people; i++) {
        int cw = p->target + p->pad + ui_text_width(ui, FONT_BOLD, p->plan->people[i].name);
        cw = cw > inner_w ? inner_w : cw;
        if (x > 0 && x + cw > inner_w) {
            x = 0;
            rows++;
        }
        x += cw + p->pad / 2;
    }
    int h = p->pad * 3 + p->th + p->pad + rows * (p->target + p->pad / 2) + p->pad + p->target + p->pad * 2;
    if (h > ui->h - p->pad * 2)
        h = ui->h - p->pad * 2;
    Rect panel = { (ui->w - w) / 2, (ui->h - h) / 2, w, h };
    draw_rect(&ui->dl, panel, p->radius, t->panel);
    ui_widget(ui, "panel", panel, rect_center(panel), GRAB_TAP);
    Rect in = rect_inset(panel, p->pad * 3 / 2);
    char title[300];
    tr_fill(title, sizeof title, ui_tr(ui, "Wie steunt %s?"), v->child);
    ui_text(ui, (Rect){ in.x, in.y, in.w - p->target, p->th }, FONT_TITLE, p->align, t->ink, title);
    Rect close = { ui->rtl ? in.x : in.x + in.w - p->target, in.y, p->target, p->target };
    draw_disc(&ui->dl, rect_center(close), p->target / 2, t->card);
    ui_text(ui, close, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xC3\x97");
    ui_widget(ui, "support-close", close, rect_center(close), GRAB_TAP);
    P q = *p;
    q.col = (Rect){ in.x, in.y + p->th + p->pad, in.w, in.h };
    q.y = q.col.y;
    people_chips(&q, "pick", v->support);
    button(&q, "pick:0", ui_tr(ui, "Niemand"), false);
}

static P make_p(Ui *ui, FlowState *f, const Plan *plan, const FlowView *view, const Gestures *g)
{
    const Theme *t = ui->theme;
    return (P){ .ui = ui, .f = f, .plan = plan, .view = view, .g = g,
                .pad = ui_px(ui, t->pad_mm), .target = ui_px(ui, t->target_mm),
                .radius = ui_px(ui, t->radius_mm) * 2, .lh = ui_line_height(ui, FONT_BODY),
                .sh = ui_line_height(ui, FONT_SMALL), .th = ui_line_height(ui, FONT_TITLE),
                .align = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT };
}

void pages_draw_over(Ui *ui, FlowState *f, const Plan *plan, const FlowView *view)
{
    P p = make_p(ui, f, plan, view, NULL);
    if (f->page.support_for)
        support_picker(&p);
}

void pages_draw(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const FlowView *view,
                int top)
{
    const Theme *t = ui->theme;
    if (f->page.typing) {
        draw_rect(&ui->dl, (Rect){ 0, 0, ui->w, ui->h }, 0, t->bg);
        form_typing(ui, ui_tr(ui, typing_label(&f->page)), "field:typing", &f->page.te, f->page.why, &f->kb);
        return;
    }
    P p = make_p(ui, f, plan, view, g);
    Rect body = { 0, top, ui->w, ui->h - top };
    draw_rect(&ui->dl, body, 0, t->bg);
    int w = ui->w - 4 * p.pad;
    if (w > ui_px(ui, 200))
        w = ui_px(ui, 200);
    FormScroll *sc = &f->scroll[f->step];
    form_scroll_clamp(sc, f->page.content[f->step], body.h);
    p.col = (Rect){ (ui->w - w) / 2, top + p.pad - sc->offset, w, 0 };
    p.y = p.col.y;
    /* dragging anywhere scrolls the page */
    ui_widget(ui, "page", body, (Point){ body.x + 2, body.y + 2 }, GRAB_DRAG);
    ui_clip(ui, body);
    /* the step's title */
    ui_text(ui, (Rect){ p.col.x, p.y, p.col.w, p.th }, FONT_TITLE, p.align, t->accent,
            ui_tr(ui, step_title(f->step)));
    p.y += p.th + p.pad / 3;
    gaps_block(&p, f->step);
    switch (f->step) {
    case STEP_WELL:
        heading(&p, "\xF0\x9F\x8F\xA0", ui_tr(ui, "Over dit plan"), NULL);
        field_block(&p, FIELD_FAMILY, NULL, false);
        field_block(&p, FIELD_CHILDREN, NULL, false);
        field_block(&p, FIELD_PLACE, NULL, false);
        field_block(&p, FIELD_QUESTION, "\xE2\x9D\x93", true); /* ❓ */
        scale_block(&p);
        list_block(&p, SECTION_GOING_WELL);
        list_block(&p, SECTION_CONCERNS);
        list_block(&p, SECTION_CONDITIONS);
        list_block(&p, SECTION_STRENGTHS);
        break;
    case STEP_DREAM:
        list_block(&p, SECTION_DREAM);
        voices_block(&p);
        break;
    case STEP_SAFETY:
        list_block(&p, SECTION_SAFETY);
        list_block(&p, SECTION_HELP);
        break;
    case STEP_EVALUATION:
        evaluation_page(&p);
        break;
    case STEP_REVIEW:
        review_page(&p);
        break;
    default:
        break;
    }
    p.y += p.pad * 2;
    f->page.content[f->step] = p.y - p.col.y;
    ui_unclip(ui);
    /* markers under fingers, over everything */
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Finger *fi = &g->f[i];
        unsigned pid;
        const Person *q;
        if (fi->down && fi->dragging && sscanf(fi->widget, "marker:%u", &pid) == 1 &&
            (q = plan_person(plan, pid))) {
            int r = p.target * 2 / 5;
            draw_disc(&ui->dl, (Point){ fi->pos.x + 2, fi->pos.y + 4 }, r + 2, 0x00000030);
            ui_avatar(ui, fi->pos, r + ui_px(ui, 0.8f), q);
            ui_widget(ui, fi->widget, (Rect){ fi->pos.x - r, fi->pos.y - r, 2 * r, 2 * r }, fi->pos,
                      GRAB_TAP | GRAB_DRAG);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Gestures                                                             */
/* ------------------------------------------------------------------ */

static FlowOut edit_out(FlowState *f, Edit e)
{
    f->page.pending = 1;
    return (FlowOut){ .act = FLOW_EDIT, .edit = e };
}

static void start_typing(FlowState *f, PageTyping kind, int section, uint32_t id, const char *text)
{
    PageEdit *e = &f->page;
    e->typing = kind;
    e->section = section;
    e->id = id;
    e->why = NULL;
    textedit_set(&e->te, text ? text : "");
    f->kb = (Keyboard){ .shift = !text || !text[0] };
}

/* An evaluation edit with one part changed; the texts are copied first. */
static Edit evaluation_edit(FlowState *f, const Plan *plan, const char *date, const char *start,
                            const char *end, const char *place, uint32_t convener)
{
    PageEdit *e = &f->page;
    snprintf(e->ev_date, sizeof e->ev_date, "%s", date ? date : plan->eval.date);
    snprintf(e->ev_start, sizeof e->ev_start, "%s", start ? start : plan->eval.start);
    snprintf(e->ev_end, sizeof e->ev_end, "%s", end ? end : plan->eval.end);
    return (Edit){ .kind = EDIT_EVALUATION, .text = e->ev_date, .text2 = e->ev_start,
                   .text3 = e->ev_end, .text4 = place ? place : plan->eval.place,
                   .support = convener };
}

static FlowOut finish_typing(FlowState *f, const Plan *plan)
{
    PageEdit *e = &f->page;
    const char *text = textedit_text(&e->te);
    bool empty = true;
    for (const char *c = text; *c; c++)
        empty = empty && (*c == ' ' || *c == '\n' || *c == '\t');
    switch (e->typing) {
    case TYPING_ITEM:
        if (empty) {
            if (!e->id) {
                pages_close(e);
                return (FlowOut){ .act = FLOW_REDRAW };
            }
            return edit_out(f, (Edit){ .kind = EDIT_ITEM_REMOVE, .id = e->id });
        }
        return edit_out(f, e->id ? (Edit){ .kind = EDIT_ITEM_SET, .id = e->id, .text = text }
                                 : (Edit){ .kind = EDIT_ITEM_ADD, .field = e->section, .text = text });
    case TYPING_FIELD:
        return edit_out(f, (Edit){ .kind = EDIT_SET_FIELD, .field = e->section, .text = text });
    case TYPING_VOICE_CHILD: {
        textedit_set(&e->child, text);
        const Voice *v = e->id ? plan_voice(plan, e->id) : NULL;
        start_typing(f, TYPING_VOICE_WORDS, 0, e->id, v ? v->text : "");
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    case TYPING_VOICE_WORDS: {
        const Voice *v = e->id ? plan_voice(plan, e->id) : NULL;
        if (empty && !e->id) {
            pages_close(e);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        if (empty)
            return edit_out(f, (Edit){ .kind = EDIT_VOICE_REMOVE, .id = e->id });
        return edit_out(f, (Edit){ .kind = e->id ? EDIT_VOICE_SET : EDIT_VOICE_ADD, .id = e->id,
                                   .text = textedit_text(&e->child), .text2 = text,
                                   .support = v ? v->support : 0 });
    }
    case TYPING_EVAL_PLACE:
        return edit_out(f, evaluation_edit(f, plan, NULL, NULL, NULL, text, plan->eval.convener));
    case TYPING_NONE:
        break;
    }
    return (FlowOut){ .act = FLOW_NOTHING };
}

/* The first name in the plan's "children" ("Sam en Noor" -> "Sam"). */
static void first_child(const Plan *plan, char *out, size_t n)
{
    snprintf(out, n, "%s", plan_children(plan));
    size_t cut = strcspn(out, ",&");
    out[cut] = '\0';
    char *en = strstr(out, " en ");
    if (en)
        *en = '\0';
    size_t len = strlen(out);
    while (len && out[len - 1] == ' ')
        out[--len] = '\0';
}

/* "HH:MM" moved by minutes, kept within the day. */
static void shift_time(const char *from, int minutes, const char *empty_is, char out[8])
{
    int h, m;
    if (sscanf(from[0] ? from : empty_is, "%d:%d", &h, &m) != 2)
        h = 10, m = 0;
    int t = h * 60 + m + (from[0] ? minutes : 0);
    t = t < 0 ? 0 : t > 23 * 60 + 45 ? 23 * 60 + 45 : t;
    t -= t % 15;
    snprintf(out, 8, "%02d:%02d", t / 60, t % 60);
}

static const Widget *widget_at(const Ui *ui, const char *prefix, Point pos)
{
    for (int i = ui->n_widgets - 1; i >= 0; i--) {
        const Widget *w = &ui->widgets[i];
        if (!strncmp(w->id, prefix, strlen(prefix)) && pos.x >= w->rect.x && pos.y >= w->rect.y &&
            pos.x < w->rect.x + w->rect.w && pos.y < w->rect.y + w->rect.h)
            return w;
    }
    return NULL;
}

static FlowOut tap(Ui *ui, FlowState *f, const Plan *plan, const char *id, const FlowView *view)
{
    PageEdit *e = &f->page;
    unsigned u;
    int n;
    char key[32];
    FlowOut redraw = { .act = FLOW_REDRAW }, nothing = { .act = FLOW_NOTHING };
    (void)ui;
    if (e->support_for) {
        if (!strcmp(id, "support-close")) {
            e->support_for = 0;
            return redraw;
        }
        if (sscanf(id, "pick:%u", &u) == 1) {
            const Voice *v = plan_voice(plan, e->support_for);
            e->support_for = 0;
            if (!v)
                return redraw;
            return edit_out(f, (Edit){ .kind = EDIT_VOICE_SET, .id = v->id, .text = v->child,
                                       .text2 = v->text, .support = u });
        }
        return nothing;
    }
    if (sscanf(id, "add:%31s", key) == 1) {
        int s = section_from_key(key);
        if (s < 0)
            return nothing;
        if (locked(f, s)) {
            if (!f->family_time)
                flow_ask_pin(f, PIN_FOR_CONDITIONS);
            return redraw;
        }
        start_typing(f, TYPING_ITEM, s, 0, "");
        return redraw;
    }
    if (sscanf(id, "item:%u", &u) == 1) {
        int s;
        const Item *it = plan_item(plan, u, &s);
        if (!it)
            return nothing;
        if (locked(f, s)) {
            if (!f->family_time)
                flow_ask_pin(f, PIN_FOR_CONDITIONS);
            return redraw;
        }
        start_typing(f, TYPING_ITEM, s, u, it->text);
        return redraw;
    }
    if (sscanf(id, "remove:%u", &u) == 1) {
        int s;
        if (!plan_item(plan, u, &s) || locked(f, s))
            return nothing;
        return edit_out(f, (Edit){ .kind = EDIT_ITEM_REMOVE, .id = u });
    }
    if (!strncmp(id, "field:", 6)) {
        if (!strcmp(id + 6, "eval-place")) {
            start_typing(f, TYPING_EVAL_PLACE, 0, 0, plan->eval.place);
            return redraw;
        }
        for (int fi = 0; fi < FIELD_COUNT; fi++)
            if (!strcmp(id + 6, field_key(fi))) {
                start_typing(f, TYPING_FIELD, fi, 0, plan->field[fi]);
                return redraw;
            }
        return nothing;
    }
    if (!strcmp(id, "add-voice")) {
        char child[200];
        first_child(plan, child, sizeof child);
        start_typing(f, TYPING_VOICE_CHILD, 0, 0, child);
        return redraw;
    }
    if (sscanf(id, "voice:%u", &u) == 1) {
        const Voice *v = plan_voice(plan, u);
        if (!v)
            return nothing;
        start_typing(f, TYPING_VOICE_CHILD, 0, u, v->child);
        return redraw;
    }
    if (sscanf(id, "remove-voice:%u", &u) == 1)
        return edit_out(f, (Edit){ .kind = EDIT_VOICE_REMOVE, .id = u });
    if (sscanf(id, "support:%u", &u) == 1) {
        e->support_for = u;
        return redraw;
    }
    /* the scale */
    if (sscanf(id, "marker:%u", &u) == 1) {
        f->scale_pick = f->scale_pick == u ? 0 : u;
        return redraw;
    }
    if (sscanf(id, "scale:%d", &n) == 1 && f->scale_pick) {
        uint32_t who = f->scale_pick;
        f->scale_pick = 0;
        return edit_out(f, (Edit){ .kind = EDIT_PERSON_SCALE, .id = who, .number = n });
    }
    if (!strcmp(id, "scale-off") && f->scale_pick) {
        uint32_t who = f->scale_pick;
        f->scale_pick = 0;
        return edit_out(f, (Edit){ .kind = EDIT_PERSON_SCALE, .id = who, .number = SCALE_NONE });
    }
    /* the evaluation */
    if (!strcmp(id, "cal-prev") || !strcmp(id, "cal-next")) {
        int y, m;
        calendar_shown(f, plan, view, &y, &m);
        m += id[4] == 'n' ? 1 : -1;
        if (m < 1)
            m = 12, y--;
        if (m > 12)
            m = 1, y++;
        f->cal_year = y;
        f->cal_month = m;
        return redraw;
    }
    if (!strncmp(id, "day:", 4))
        return edit_out(f, evaluation_edit(f, plan, id + 4, NULL, NULL, NULL, plan->eval.convener));
    if (!strcmp(id, "start-minus") || !strcmp(id, "start-plus") || !strcmp(id, "end-minus") ||
        !strcmp(id, "end-plus")) {
        bool start = id[0] == 's', plus = strstr(id, "plus") != NULL;
        char s[8], en[8];
        snprintf(s, sizeof s, "%s", plan->eval.start);
        snprintf(en, sizeof en, "%s", plan->eval.end);
        if (start) {
            shift_time(plan->eval.start, plus ? 15 : -15, "10:00", s);
            if (!en[0] || strcmp(en, s) <= 0)
                shift_time(s, 60, s, en);
        } else {
            if (!s[0])
                snprintf(s, sizeof s, "10:00");
            shift_time(plan->eval.end, plus ? 15 : -15, "11:00", en);
            if (strcmp(en, s) <= 0)
                return nothing; /* the end stays after the start */
        }
        if (!strcmp(s, en))
            return nothing;
        return edit_out(f, evaluation_edit(f, plan, NULL, s, en, NULL, plan->eval.convener));
    }
    if (!strcmp(id, "time-clear"))
        return edit_out(f, evaluation_edit(f, plan, NULL, "", "", NULL, plan->eval.convener));
    if (sscanf(id, "convener:%u", &u) == 1)
        return edit_out(f, evaluation_edit(f, plan, NULL, NULL, NULL, NULL,
                                           plan->eval.convener == u ? 0 : u));
    /* agreeing */
    if (sscanf(id, "agree:%u", &u) == 1) {
        const char *missing[1];
        if (flow_missing(plan, missing, 1)) {
            e->why = N_("Het plan is nog niet af. Kijk bovenaan wat er nog ingevuld moet worden.");
            f->scroll[STEP_REVIEW].offset = 0;
            return redraw;
        }
        e->why = NULL;
        return edit_out(f, (Edit){ .kind = EDIT_PERSON_AGREE, .id = u, .time = view->now });
    }
    if (!strcmp(id, "to-agree")) {
        f->scroll[STEP_REVIEW].offset = e->agree_at;
        return redraw;
    }
    if (!strcmp(id, "approve") && !f->family_time) {
        const char *missing[1];
        AgreeCount c = flow_agree_count(plan);
        if (flow_missing(plan, missing, 1))
            e->why = N_("Het plan is nog niet af. Kijk bovenaan wat er nog ingevuld moet worden.");
        else if (c.present == 0 || c.agreed < c.present)
            e->why = N_("Eerst geeft iedereen die er is akkoord; daarna keurt de coördinator goed.");
        else {
            e->why = NULL;
            flow_ask_pin(f, PIN_FOR_APPROVE);
            return redraw;
        }
        f->scroll[STEP_REVIEW].offset = 0;
        return redraw;
    }
    return nothing;
}

FlowOut pages_gesture(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g,
                      const Gesture *ev, const FlowView *view)
{
    PageEdit *e = &f->page;
    FlowOut nothing = { .act = FLOW_NOTHING }, redraw = { .act = FLOW_REDRAW };
    if (e->typing) {
        if (keyboard_owns(ev)) {
            char text[16];
            bool leave;
            KeyResult k = keyboard_gesture(&f->kb, ui, ev, text);
            bool changed = form_apply_keyboard(&e->te, k, text, &leave);
            if (changed)
                e->why = NULL;
            if (leave)
                return finish_typing(f, plan);
            return k == KEY_NOTHING && !changed ? nothing : redraw;
        }
        if (ev->kind == GESTURE_TAP && !strcmp(ev->widget, "field:typing")) {
            form_caret_at(ui, &e->te, ev);
            return redraw;
        }
        return nothing;
    }
    unsigned pid;
    bool marker = sscanf(ev->widget, "marker:%u", &pid) == 1;
    switch (ev->kind) {
    case GESTURE_TAP:
        return tap(ui, f, plan, ev->widget, view);
    case GESTURE_DRAG_START:
    case GESTURE_DRAG_MOVE:
        if (marker)
            return redraw;
        if (e->support_for)
            return nothing;
        return form_scroll_gesture(&f->scroll[f->step], ev) ? redraw : nothing;
    case GESTURE_CANCEL:
        return redraw;
    case GESTURE_DROP: {
        if (!marker) {
            if (e->support_for)
                return nothing;
            return form_scroll_gesture(&f->scroll[f->step], ev) ? redraw : nothing;
        }
        const Person *q = plan_person(plan, pid);
        if (!q)
            return redraw;
        f->scale_pick = 0;
        const Widget *w = widget_at(ui, "scale:", ev->pos);
        int n;
        if (w && sscanf(w->id, "scale:%d", &n) == 1 && n != q->scale)
            return edit_out(f, (Edit){ .kind = EDIT_PERSON_SCALE, .id = pid, .number = n });
        if (widget_at(ui, "scale-off", ev->pos) && q->scale != SCALE_NONE)
            return edit_out(f, (Edit){ .kind = EDIT_PERSON_SCALE, .id = pid, .number = SCALE_NONE });
        return redraw;
    }
    default:
        break;
    }
    (void)g;
    return nothing;
}

FlowOut pages_text(FlowState *f, const char *text)
{
    if (!f->page.typing)
        return (FlowOut){ .act = FLOW_NOTHING };
    textedit_insert(&f->page.te, text);
    f->page.why = NULL;
    return (FlowOut){ .act = FLOW_REDRAW };
}

FlowOut pages_key(FlowState *f, const Plan *plan, SheetKey key)
{
    PageEdit *e = &f->page;
    if (!e->typing)
        return (FlowOut){ .act = FLOW_NOTHING };
    if (key == SKEY_ESCAPE) {
        pages_close(e);
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    if (key == SKEY_RETURN)
        return finish_typing(f, plan);
    return form_edit_key(&e->te, key) ? (FlowOut){ .act = FLOW_REDRAW }
                                       : (FlowOut){ .act = FLOW_NOTHING };
}

void pages_edit_result(FlowState *f, const Plan *plan, EditResult r, const char *why)
{
    PageEdit *e = &f->page;
    e->pending = 0;
    (void)plan;
    if (!e->typing)
        return;
    if (r == EDIT_OK)
        pages_close(e);
    else
        e->why = why;
}
