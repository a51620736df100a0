/* evaluation: the evaluation's day, time, place and who convenes. */
#include "ui/screens/evaluation.h"

#include <stdio.h>
#include <string.h>

#define ID_PAST "past-date"
#define ID_PREV "cal-prev"
#define ID_NEXT "cal-next"
#define ID_DAY "day"     /* "day:2027-02-20" */
#define ID_START "start" /* the steppers: "start-minus", "start-plus" */
#define ID_END "end"     /* "end-minus", "end-plus" */
#define ID_CLEAR "time-clear"
#define ID_HOUR "hour"       /* "hour:19": the hour of the time being picked */
#define ID_QUARTER "quarter" /* "quarter:30": its minutes */
#define ID_PICK_DONE "time-done"
#define ID_PLACE "field:eval-place"
#define ID_CONVENER "convener" /* "convener:PERSON" */

int evaluation_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 30;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

int evaluation_weekday(int year, int month, int day)
{
    /* Sakamoto's method: 0 is Sunday; turned so that 0 is Monday */
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year--;
    int w = (year + year / 4 - year / 100 + year / 400 + t[month - 1] + day) % 7;
    return (w + 6) % 7;
}

static const char *const months[12] = {
    N_("januari"), N_("februari"), N_("maart"),     N_("april"),   N_("mei"),      N_("juni"),
    N_("juli"),    N_("augustus"), N_("september"), N_("oktober"), N_("november"), N_("december")};
static const char *const weekdays[7] = {N_("ma"), N_("di"), N_("wo"), N_("do"),
                                        N_("vr"), N_("za"), N_("zo")};

static void calendar_shown(const EvalState *es, const Plan *plan, const FlowView *view, int *y,
                           int *m)
{
    *y = es->cal_year;
    *m = es->cal_month;
    if (*y) return;
    const char *d = plan->eval.date[0] ? plan->eval.date : view->today;
    if (sscanf(d, "%4d-%2d", y, m) != 2 || *m < 1 || *m > 12) {
        *y = 2026;
        *m = 1;
    }
}

void evaluation_draw(KitColumn *p, const EvalState *es, const Plan *plan, const FlowView *view)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const Evaluation *e = &plan->eval;
    int year, month;
    calendar_shown(es, plan, view, &year, &month);
    kit_heading(p, "\xF0\x9F\x97\x93\xEF\xB8\x8F", ui_tr(ui, "Op welke dag?"), NULL);
    if (e->date[0] && view->today[0] && strcmp(e->date, view->today) < 0) {
        Rect w = {p->col.x, p->y, p->col.w, p->lh + p->pad};
        draw_rect(&ui->dl, w, p->radius / 2, ui->theme->warn_tint);
        ui_text(ui, rect_inset(w, p->pad / 2), FONT_BODY, p->align | ALIGN_MIDDLE, ui->theme->warn,
                ui_tr(ui, "Deze dag is al voorbij. Kies een dag die nog komt."));
        ui_widget(ui, ID_PAST, w, rect_center(w), 0);
        p->y += w.h + p->pad / 2;
    }
    /* month and the arrows */
    int cw = p->col.w < p->target * 7 * 3 / 2 ? p->col.w : p->target * 7 * 3 / 2;
    if (cw < (p->target + 2) * 7) cw = (p->target + 2) * 7;
    int cx = ui->rtl ? p->col.x + p->col.w - cw : p->col.x, cell = cw / 7;
    Rect prev = {cx, p->y, p->target, p->target},
         next = {cx + cw - p->target, p->y, p->target, p->target};
    if (ui->rtl) {
        Rect tmp = prev;
        prev = next;
        next = tmp;
    }
    char title[160];
    snprintf(title, sizeof title, "%s %d", ui_tr(ui, months[month - 1]), year);
    ui_text(ui, (Rect){cx + p->target, p->y, cw - 2 * p->target, p->target}, FONT_BOLD,
            ALIGN_CENTER | ALIGN_MIDDLE, t->ink, title);
    draw_disc(&ui->dl, rect_center(prev), p->target / 2, t->card);
    draw_disc(&ui->dl, rect_center(next), p->target / 2, t->card);
    ui_text(ui, prev, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->accent,
            ui->rtl ? "\xE2\x80\xBA" : "\xE2\x80\xB9");
    ui_text(ui, next, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->accent,
            ui->rtl ? "\xE2\x80\xB9" : "\xE2\x80\xBA");
    ui_widget(ui, ID_PREV, prev, rect_center(prev), GRAB_TAP);
    ui_widget(ui, ID_NEXT, next, rect_center(next), GRAB_TAP);
    p->y += p->target + p->pad / 2;
    for (int d = 0; d < 7; d++) {
        int col = ui->rtl ? 6 - d : d;
        ui_text(ui, (Rect){cx + col * cell, p->y, cell, p->sh}, FONT_SMALL, ALIGN_CENTER,
                t->ink_soft, ui_tr(ui, weekdays[d]));
    }
    p->y += p->sh + p->pad / 3;
    int first = evaluation_weekday(year, month, 1), days = evaluation_days_in_month(year, month);
    int ch = p->target + 2; /* each day a finger's size */
    for (int d = 1; d <= days; d++) {
        int k = first + d - 1, row = k / 7, col = k % 7;
        if (ui->rtl) col = 6 - col;
        Rect r = {cx + col * cell + 1, p->y + row * ch + 1, cell - 2, ch - 2};
        char iso[40], num[12];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, d);
        snprintf(num, sizeof num, "%d", d);
        bool chosen = !strcmp(iso, e->date), today = !strcmp(iso, view->today);
        bool past = view->today[0] && strcmp(iso, view->today) < 0;
        draw_rect(&ui->dl, r, p->radius / 2, chosen ? t->accent : past ? t->bg : t->card);
        if (today) draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.6f), t->ink);
        ui_text(ui, r, FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE,
                chosen ? t->card
                : past ? t->disabled
                       : t->ink,
                num);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_DAY, iso);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
    }
    p->y += ((first + days + 6) / 7) * ch + p->pad;

    kit_heading(p, "\xF0\x9F\x95\x99", ui_tr(ui, "Hoe laat?"), NULL);
    int vw = ui_text_width(ui, FONT_TITLE, "00:00") + p->pad * 2;
    int lw = ui_text_width(ui, FONT_BODY, ui_tr(ui, "tot")) + p->pad * 2;
    int x = ui->rtl ? p->col.x + p->col.w - (p->target * 2 + vw) : p->col.x;
    kit_stepper(ui, x, p->y, ID_START, e->start[0] ? e->start : "--:--", vw, true, true);
    int x2 = ui->rtl ? x - lw - (p->target * 2 + vw) : x + p->target * 2 + vw + lw;
    ui_text(ui, (Rect){ui->rtl ? x - lw : x + p->target * 2 + vw, p->y, lw, p->target}, FONT_BODY,
            ALIGN_CENTER | ALIGN_MIDDLE, t->ink, ui_tr(ui, "tot"));
    kit_stepper(ui, x2, p->y, ID_END, e->end[0] ? e->end : "--:--", vw, true, true);
    p->y += p->target + p->pad / 2;
    if (e->start[0] || e->end[0]) {
        kit_pill(p, ID_CLEAR, ui_tr(ui, "Zonder tijd"), false);
    }
    p->y += p->pad / 2;
    kit_heading(p, "\xF0\x9F\x93\x8D", ui_tr(ui, "Waar?"), NULL);
    kit_text_card(p, ID_PLACE, e->place, ui_tr(ui, "Tik om de plaats op te schrijven."), NULL,
                  t->card);
    kit_heading(p, "\xF0\x9F\x93\xA3", ui_tr(ui, "Wie nodigt iedereen uit?"), NULL);
    kit_people_chips(p, plan, ID_CONVENER, e->convener);
}

/* The time tapped, to choose by its hour and its quarter: a panel over
 * the page, with the hours of the day and the four quarters (a tap on an
 * hour keeps the minutes, a tap on a quarter the hour), and "Klaar". */
void evaluation_draw_over(Ui *ui, const EvalState *es, const Plan *plan)
{
    if (!es->picking) return;
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    const char *now = es->picking == 1 ? plan->eval.start : plan->eval.end;
    int hh = -1, mm = -1;
    if (sscanf(now, "%d:%d", &hh, &mm) != 2) hh = mm = -1;
    int chip = G.target + G.pad / 2, per_row = 8;
    int w = per_row * chip + G.pad * 3;
    int rows = (24 + per_row - 1) / per_row;
    const char *title =
        es->picking == 1 ? ui_tr(ui, "Hoe laat begint het?") : ui_tr(ui, "Hoe laat is het klaar?");
    int title_h = ui_wrap(ui, (Rect){0, 0, w - G.pad * 3 - G.target - G.pad, G.th * 2}, FONT_TITLE,
                          t->ink, title, 2, false);
    Rect in = kit_overlay(
        ui, &G, w, title_h + G.pad + rows * chip + G.pad / 2 + chip + G.pad + G.target + G.pad * 3);
    kit_close_button(ui, &G, ID_PICK_DONE, in);
    kit_title(ui, &G, in, in.y, title, G.target + G.pad);
    int y0 = in.y + title_h + G.pad;
    for (int k = 0; k < 24 + 4; k++) {
        bool quarter = k >= 24;
        int i = quarter ? k - 24 : k, row = quarter ? 0 : i / per_row,
            col = quarter ? i * 2 : i % per_row; /* the quarters wide apart */
        int y = y0 + (quarter ? rows * chip + G.pad / 2 : row * chip);
        int x = ui->rtl ? in.x + in.w - (col + 1) * chip : in.x + col * chip;
        Rect r = {x, y, quarter ? chip + G.target : G.target, G.target};
        if (quarter && ui->rtl) r.x -= chip;
        bool on = quarter ? mm == i * 15 : hh == i;
        char label[8], id[UI_ID_LEN];
        snprintf(label, sizeof label, quarter ? ":%02d" : "%d", quarter ? i * 15 : i);
        draw_rect(&ui->dl, r, G.target / 2, on ? t->accent : t->card);
        draw_frame(&ui->dl, r, G.target / 2, ui_px(ui, 0.4f), on ? t->accent : t->line);
        ui_text(ui, r, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, on ? t->card : t->ink,
                label);
        snprintf(id, sizeof id, "%s:%d", quarter ? ID_QUARTER : ID_HOUR, quarter ? i * 15 : i);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
    }
    int by = y0 + rows * chip + G.pad / 2 + chip + G.pad;
    int bw = G.target * 2 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Klaar"));
    kit_button(ui, ID_PICK_DONE "-button",
               (Rect){ui->rtl ? in.x : in.x + in.w - bw, by, bw, G.target}, ui_tr(ui, "Klaar"),
               true, false);
}

/* An evaluation edit with one part changed; the texts are copied first. */
static Edit evaluation_edit(EvalState *e, const Plan *plan, const char *date, const char *start,
                            const char *end, const char *place, uint32_t convener)
{
    snprintf(e->ev_date, sizeof e->ev_date, "%s", date ? date : plan->eval.date);
    snprintf(e->ev_start, sizeof e->ev_start, "%s", start ? start : plan->eval.start);
    snprintf(e->ev_end, sizeof e->ev_end, "%s", end ? end : plan->eval.end);
    return (Edit){.kind = EDIT_EVALUATION,
                  .text = e->ev_date,
                  .text2 = e->ev_start,
                  .text3 = e->ev_end,
                  .text4 = place ? place : plan->eval.place,
                  .support = convener};
}

/* "HH:MM" moved by minutes, kept within the day. */
static void shift_time(const char *from, int minutes, const char *empty_is, char out[8])
{
    int h, m;
    if (sscanf(from[0] ? from : empty_is, "%d:%d", &h, &m) != 2) h = 10, m = 0;
    int t = h * 60 + m + (from[0] ? minutes : 0);
    t = t < 0 ? 0 : t > 23 * 60 + 45 ? 23 * 60 + 45 : t;
    t -= t % 15;
    snprintf(out, 8, "%02d:%02d", t / 60, t % 60);
}

static FlowOut edit_out(Edit e)
{
    return (FlowOut){.act = FLOW_EDIT, .edit = e};
}

/* A tap that was the evaluation's: *out is what it does. */
static bool give(FlowOut *out, FlowOut o)
{
    *out = o;
    return true;
}

bool evaluation_tap(EvalState *es, TypingState *ts, const Plan *plan, const char *id,
                    const FlowView *view, FlowOut *out)
{
    FlowOut redraw = {.act = FLOW_REDRAW}, nothing = {.act = FLOW_NOTHING};
    unsigned u;
    const char *day;
    *out = nothing;
    if (ui_id_is(id, ID_PLACE)) {
        typing_start(ts, TYPING_EVAL_PLACE, 0, 0, plan->eval.place);
        *out = redraw;
        return true;
    }
    if (ui_id_is(id, ID_PREV) || ui_id_is(id, ID_NEXT)) {
        int y, m;
        calendar_shown(es, plan, view, &y, &m);
        m += ui_id_is(id, ID_NEXT) ? 1 : -1;
        if (m < 1) m = 12, y--;
        if (m > 12) m = 1, y++;
        es->cal_year = y;
        es->cal_month = m;
        return give(out, redraw);
    }
    if ((day = ui_id_arg(id, ID_DAY)))
        return give(
            out, edit_out(evaluation_edit(es, plan, day, NULL, NULL, NULL, plan->eval.convener)));
    bool start = ui_id_is(id, ID_START "-minus") || ui_id_is(id, ID_START "-plus");
    bool end = ui_id_is(id, ID_END "-minus") || ui_id_is(id, ID_END "-plus");
    if (start || end) {
        bool plus = ui_id_is(id, ID_START "-plus") || ui_id_is(id, ID_END "-plus");
        char s[8], en[8];
        snprintf(s, sizeof s, "%s", plan->eval.start);
        snprintf(en, sizeof en, "%s", plan->eval.end);
        if (start) {
            shift_time(plan->eval.start, plus ? 15 : -15, "10:00", s);
            if (!en[0] || strcmp(en, s) <= 0) shift_time(s, 60, s, en);
        } else {
            if (!s[0]) snprintf(s, sizeof s, "10:00");
            shift_time(plan->eval.end, plus ? 15 : -15, "11:00", en);
            if (strcmp(en, s) <= 0) return give(out, nothing); /* the end stays after the start */
        }
        if (!strcmp(s, en)) return give(out, nothing);
        return give(out,
                    edit_out(evaluation_edit(es, plan, NULL, s, en, NULL, plan->eval.convener)));
    }
    if (es->picking && (ui_id_is(id, ID_PICK_DONE) || ui_id_is(id, ID_PICK_DONE "-button") ||
                        !(ui_id_arg(id, ID_HOUR) || ui_id_arg(id, ID_QUARTER)))) {
        es->picking = 0; /* done, or a tap beside the panel */
        return give(out, redraw);
    }
    if (ui_id_is(id, ID_START "-value") || ui_id_is(id, ID_END "-value")) {
        int which = ui_id_is(id, ID_START "-value") ? 1 : 2;
        es->picking = es->picking == which ? 0 : which;
        return give(out, redraw);
    }
    unsigned hour, minutes;
    bool by_hour = ui_id_num(id, ID_HOUR, &hour) && hour < 24;
    bool by_quarter = ui_id_num(id, ID_QUARTER, &minutes) && minutes < 60 && minutes % 15 == 0;
    if (es->picking && (by_hour || by_quarter)) { /* the time tapped, its hour or its minutes */
        char s[8], en[8];
        snprintf(s, sizeof s, "%s", plan->eval.start[0] ? plan->eval.start : "10:00");
        snprintf(en, sizeof en, "%s", plan->eval.end);
        char *t = es->picking == 1 ? s : en;
        int h, m;
        if (sscanf(t[0] ? t : s, "%d:%d", &h, &m) != 2) h = 10, m = 0;
        if (by_hour) h = (int)hour;
        if (by_quarter) m = (int)minutes;
        snprintf(t, 8, "%02d:%02d", h % 24, m % 60);
        if (es->picking == 1 && (!en[0] || strcmp(en, s) <= 0)) shift_time(s, 60, s, en);
        if (es->picking == 2 && strcmp(en, s) <= 0) return give(out, nothing); /* after the start */
        return give(out,
                    edit_out(evaluation_edit(es, plan, NULL, s, en, NULL, plan->eval.convener)));
    }
    if (ui_id_is(id, ID_CLEAR))
        return give(out,
                    edit_out(evaluation_edit(es, plan, NULL, "", "", NULL, plan->eval.convener)));
    if (ui_id_num(id, ID_CONVENER, &u))
        return give(out, edit_out(evaluation_edit(es, plan, NULL, NULL, NULL, NULL,
                                                  plan->eval.convener == u ? 0 : u)));
    return false;
}

Edit evaluation_place(EvalState *es, const Plan *plan, const char *place)
{
    return evaluation_edit(es, plan, NULL, NULL, NULL, place, plan->eval.convener);
}
