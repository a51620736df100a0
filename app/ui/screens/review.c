/* review: the whole plan to read, and agreeing. */
#include "ui/screens/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/flow.h"
#include "core/relations.h"
#include "core/textexport.h"

#define ID_WHY "review-why"
#define ID_TO_AGREE "to-agree"
#define ID_TEXT "plan-text"
#define ID_AGREE "agree" /* "agree:PERSON" */
#define ID_APPROVED "approved"
#define ID_APPROVE "approve"

/* The review: what is missing, the whole plan to read, and agreeing. */
void review_draw(KitColumn *p, ReviewState *rs, const Plan *plan, bool family_time)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const char *missing[FLOW_GAPS_MAX];
    int n = flow_missing(plan, missing, FLOW_GAPS_MAX);
    if (rs->why) {
        Rect w = {p->col.x, p->y, p->col.w, p->lh * 2 + p->pad};
        draw_rect(&ui->dl, w, p->radius / 2, ui->theme->warn_tint);
        ui_wrap(ui, rect_inset(w, p->pad / 2), FONT_BODY, ui->theme->warn, ui_tr(ui, rs->why), 2,
                true);
        ui_widget(ui, ID_WHY, w, rect_center(w), 0);
        p->y += w.h + p->pad / 2;
    }
    /* a way straight down to agreeing, for those who have read it */
    kit_pill(p, ID_TO_AGREE, ui_tr(ui, "Naar akkoord geven"), false);
    if (n) {
        kit_heading(p, "\xE2\x9C\x8F\xEF\xB8\x8F", ui_tr(ui, "Eerst nog invullen"),
                    ui_tr(ui, "Daarna kan iedereen akkoord geven."));
        for (int i = 0; i < n; i++)
            kit_text_card(p, NULL, ui_tr(ui, missing[i]), "", NULL, ui->theme->warn_tint);
    }
    /* the plan, as it will be shared */
    kit_heading(p, "\xF0\x9F\x93\x84", ui_tr(ui, "Het hele plan"), NULL);
    char *text = export_plan_text(plan, ui->cat);
    Rect paper = {p->col.x, p->y, p->col.w, 0};
    int y0 = p->y;
    /* first measure, then draw on a paper-white sheet */
    for (int pass = 0; pass < 2 && text; pass++) {
        int y = y0 + p->pad;
        bool after_blank = true;
        for (char *line = text; *line;) {
            char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line);
            char buf[TEXT_MAX + 8];
            if (len > TEXT_MAX) len = TEXT_MAX;
            memcpy(buf, line, len);
            buf[len] = '\0';
            bool heading_line = after_blank && len && buf[0] != '-';
            after_blank = len == 0;
            if (!len) {
                y += p->pad;
            } else {
                Rect box = {paper.x + p->pad * 2, y, paper.w - p->pad * 4, p->lh * 40};
                y += ui_wrap(ui, box, heading_line ? FONT_BOLD : FONT_BODY, t->ink, buf, 40,
                             pass == 1);
            }
            line = end ? end + 1 : line + len;
        }
        paper.h = y - y0 + p->pad;
        if (pass == 0) {
            draw_rect(&ui->dl, (Rect){paper.x + 2, paper.y + 3, paper.w, paper.h}, p->radius / 2,
                      0x00000014);
            draw_rect(&ui->dl, paper, p->radius / 2, t->card);
        }
    }
    free(text);
    ui_widget(ui, ID_TEXT, paper, (Point){paper.x + p->pad, paper.y + p->pad}, GRAB_DRAG);
    p->y = y0 + paper.h + p->pad;

    /* agreeing, person by person */
    rs->agree_at = p->y - p->col.y;
    AgreeCount c = flow_agree_count(plan);
    char note[200], count[32];
    snprintf(count, sizeof count, "%d / %d", c.agreed, c.present);
    tr_fill(note, sizeof note, ui_tr(ui, "Akkoord van de aanwezigen: %s"), count);
    kit_heading(p, "\xE2\x9C\x8D", ui_tr(ui, "Akkoord: tik op je eigen naam"), note);
    int rh = p->lh + p->sh + p->pad;
    if (rh < p->target + p->pad / 2) rh = p->target + p->pad / 2;
    for (int i = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        Rect r = {p->col.x, p->y, p->col.w, rh};
        draw_rect(&ui->dl, r, p->radius / 2, q->agreed_at ? ui->theme->done_tint : t->card);
        draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.3f), t->line);
        Point ac = {ui->rtl ? r.x + r.w - rh / 2 : r.x + rh / 2, r.y + rh / 2};
        ui_avatar(ui, ac, rh * 2 / 5, q);
        int bw = p->target * 3 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Opnieuw akkoord"));
        int tw = ui_text_width(ui, FONT_BOLD, ui_tr(ui, "akkoord om %s")) + p->pad * 2;
        int aw =
            ui_text_width(ui, FONT_SMALL, ui_tr(ui, "akkoord volgt (niet aanwezig)")) + p->pad * 2;
        bw = bw > tw ? bw : tw;
        bw = bw > aw ? bw : aw;
        if (bw > r.w / 2) bw = r.w / 2;
        Rect b = {ui->rtl ? r.x + p->pad / 2 : r.x + r.w - bw - p->pad / 2,
                  r.y + (rh - p->target) / 2, bw, p->target};
        Rect name = {ui->rtl ? b.x + b.w + p->pad : r.x + rh, r.y, r.w - rh - bw - p->pad * 2, rh};
        ui_text(ui, (Rect){name.x, r.y + p->pad / 4, name.w, p->lh}, FONT_BOLD, p->align, t->ink,
                q->name);
        if (!q->renew || q->agreed_at || !q->present)
            ui_text(ui, (Rect){name.x, r.y + p->pad / 4 + p->lh, name.w, p->sh}, FONT_SMALL,
                    p->align, t->ink_soft, relation_words(q, ui->cat));
        char id[UI_ID_LEN];
        ui_id_make(id, ID_AGREE, (unsigned)q->id);
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
                ui_text(ui, (Rect){name.x, r.y + p->pad / 4 + p->lh, name.w, p->sh}, FONT_SMALL,
                        p->align, ui->theme->warn, ui_tr(ui, "Het plan is veranderd."));
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
        kit_text_card(p, ID_APPROVED, when, "", NULL, ui->theme->done_tint);
    } else if (!family_time) {
        if (plan->approval_renew)
            kit_text_card(
                p, NULL,
                ui_tr(ui, "Het plan is veranderd na de goedkeuring: keur het opnieuw goed."), "",
                NULL, ui->theme->warn_tint);
        int bw =
            p->target * 2 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Goedkeuren (coördinator)"));
        if (bw > p->col.w) bw = p->col.w;
        Rect b = {kit_reading_x(p, bw), p->y, bw, p->target * 5 / 4};
        bool can = flow_can_approve(plan);
        draw_rect(&ui->dl, b, b.h / 2, can ? t->accent : t->disabled);
        ui_text(ui, b, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->card,
                ui_tr(ui, "Goedkeuren (coördinator)"));
        ui_widget(ui, ID_APPROVE, b, rect_center(b), GRAB_TAP);
        p->y += b.h + p->pad;
    }
}

/* A tap that was the review's: *out is what it does. */
static bool give(FlowOut *out, FlowOut o)
{
    *out = o;
    return true;
}

bool review_tap(ReviewState *rs, FormScroll *scroll, const Plan *plan, const char *id,
                const FlowView *view, bool family_time, FlowOut *out)
{
    FlowOut redraw = {.act = FLOW_REDRAW};
    unsigned u;
    if (ui_id_num(id, ID_AGREE, &u)) {
        const char *missing[1];
        if (flow_missing(plan, missing, 1)) {
            rs->why = N_("Het plan is nog niet af. Kijk bovenaan wat er nog ingevuld moet worden.");
            scroll->offset = 0;
            return give(out, redraw);
        }
        rs->why = NULL;
        return give(out,
                    (FlowOut){.act = FLOW_EDIT,
                              .edit = {.kind = EDIT_PERSON_AGREE, .id = u, .time = view->now}});
    }
    if (ui_id_is(id, ID_TO_AGREE)) {
        scroll->offset = rs->agree_at;
        return give(out, redraw);
    }
    if (ui_id_is(id, ID_APPROVE) && !family_time) {
        const char *missing[1];
        AgreeCount c = flow_agree_count(plan);
        if (flow_missing(plan, missing, 1))
            rs->why = N_("Het plan is nog niet af. Kijk bovenaan wat er nog ingevuld moet worden.");
        else if (c.present == 0 || c.agreed < c.present)
            rs->why =
                N_("Eerst geeft iedereen die er is akkoord; daarna keurt de coördinator goed.");
        else {
            rs->why = NULL;
            return give(out, (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_APPROVE});
        }
        scroll->offset = 0;
        return give(out, redraw);
    }
    return false;
}
