/* review: the whole plan to read, and agreeing. */
#include "ui/screens/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/flow.h"
#include "core/relations.h"
#include "core/bidi.h"
#include "core/textexport.h"
#include "ui/screens/sections.h"

#define ID_WHY "review-why"
#define ID_TO_AGREE "to-agree"
#define ID_TEXT "plan-text"
#define ID_AGREE "agree" /* "agree:PERSON" */
#define ID_APPROVED "approved"
#define ID_APPROVE "approve"

/* ---- the plan as a page ---- */

/* A heading on the page: a pictogram and the words, bold. */
static int doc_heading(Ui *ui, const KitColumn *p, int x, int w, int y, const char *picto,
                       const char *title, bool draw)
{
    int bh = ui_line_height(ui, FONT_BOLD);
    y += p->pad;
    if (draw) {
        ui_text(ui, (Rect){ui->rtl ? x + w - bh : x, y, bh, bh}, FONT_BODY,
                ALIGN_CENTER | ALIGN_MIDDLE, ui->theme->ink, picto);
        ui_text(ui, (Rect){ui->rtl ? x : x + bh + p->pad / 2, y, w - bh - p->pad / 2, bh},
                FONT_BOLD, p->align | ALIGN_MIDDLE | TEXT_SHRINK, ui->theme->accent, title);
    }
    return y + bh + p->pad / 3;
}

/* A line of the page with a soft dot before it, wrapped. */
static int doc_item(Ui *ui, const KitColumn *p, int x, int w, int y, const char *text, Color dot,
                    bool draw)
{
    int lh = ui_line_height(ui, FONT_BODY), dr = ui_px(ui, 1.0f), indent = dr * 2 + p->pad;
    Rect box = {ui->rtl ? x : x + indent, y, w - indent, lh * 20};
    int h = ui_wrap(ui, box, FONT_BODY, ui->theme->ink, text, 20, false);
    if (draw) {
        draw_disc(&ui->dl, (Point){ui->rtl ? x + w - dr * 2 : x + dr * 2, y + lh / 2}, dr, dot);
        box.h = h;
        ui_wrap(ui, box, FONT_BODY, ui->theme->ink, text, 20, true);
    }
    return y + h + p->pad / 4;
}

/* The whole plan as a page to read: whose plan and its question, the
 * faces of the people in it, the scale as it stands, every list under
 * its pictogram, each goal with its agreements as rows (who, what, when,
 * who checks), plan B and the evaluation. With draw false, only its
 * height. */
static int document(KitColumn *p, const Plan *plan, Rect paper, bool draw)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int x = paper.x + p->pad * 2, w = paper.w - p->pad * 4, y = paper.y + p->pad * 3 / 2;
    int th = ui_line_height(ui, FONT_TITLE), sh = ui_line_height(ui, FONT_SMALL);
    char line[TEXT_MAX + 200];
    /* whose plan */
    if (plan_family(plan)[0])
        tr_fill(line, sizeof line, ui_tr(ui, "Plan van de familie %s"), plan_family(plan));
    else
        snprintf(line, sizeof line, "%s", ui_tr(ui, "Ons plan"));
    y += ui_wrap(ui, (Rect){x, y, w, th * 2}, FONT_TITLE, t->ink, line, 2, draw);
    char date[16];
    export_date(ui->cat, plan->field[FIELD_DATE], date);
    const char *parts[3] = {plan_children(plan), date, plan->field[FIELD_PLACE]};
    line[0] = '\0';
    for (int i = 0; i < 3; i++)
        if (parts[i][0]) {
            size_t at = strlen(line);
            snprintf(line + at, sizeof line - at, "%s%s", at ? " \xC2\xB7 " : "", parts[i]);
        }
    if (line[0]) y += ui_wrap(ui, (Rect){x, y, w, sh * 2}, FONT_SMALL, t->ink_soft, line, 2, draw);
    /* the question, as a quote with a bar beside it */
    if (plan_question(plan)[0]) {
        y += p->pad;
        int bar = ui_px(ui, 1.2f), qx = ui->rtl ? x : x + bar + p->pad;
        int h = ui_wrap(ui, (Rect){qx, y, w - bar - p->pad, th * 6}, FONT_BOLD, t->ink,
                        plan_question(plan), 6, false);
        if (draw) {
            draw_rect(&ui->dl, (Rect){ui->rtl ? x + w - bar : x, y, bar, h}, bar / 2, t->accent);
            ui_wrap(ui, (Rect){qx, y, w - bar - p->pad, h}, FONT_BOLD, t->ink, plan_question(plan),
                    6, true);
        }
        y += h;
    }
    /* the people: faces and first names, the children first */
    if (plan->n_people) {
        y = doc_heading(ui, p, x, w, y, "\xF0\x9F\x91\xAA", ui_tr(ui, "Het netwerk"), draw);
        int r = p->target * 2 / 5, slot = p->target * 3 / 2, per_row = w / slot;
        if (per_row < 1) per_row = 1;
        for (int i = 0; i < plan->n_people; i++) {
            const Person *q = &plan->people[i];
            int col = i % per_row, row = i / per_row;
            int cx = ui->rtl ? x + w - col * slot - slot / 2 : x + col * slot + slot / 2;
            int cy = y + row * (r * 2 + sh + p->pad / 2) + r;
            if (!draw) continue;
            ui_avatar(ui, (Point){cx, cy}, r, q);
            char first[64];
            ui_first_word(q->name, first, sizeof first);
            ui_text(ui, (Rect){cx - slot / 2, cy + r, slot, sh}, FONT_SMALL, ALIGN_CENTER, t->ink,
                    first);
        }
        y += ((plan->n_people + per_row - 1) / per_row) * (r * 2 + sh + p->pad / 2);
    }
    /* the scale as it stands */
    bool scaled = false;
    for (int i = 0; i < plan->n_people; i++)
        scaled = scaled || plan->people[i].scale != SCALE_NONE;
    if (scaled) {
        y = doc_heading(ui, p, x, w, y, "\xF0\x9F\x93\x8F",
                        ui_tr(ui, "Hoe gaat het nu? Van 0 tot 10"), draw);
        int sw = w / 11, r = sw / 3 < p->target / 3 ? sw / 3 : p->target / 3;
        int count[11] = {0}, most = 1;
        for (int i = 0; i < plan->n_people; i++)
            if (plan->people[i].scale != SCALE_NONE && ++count[plan->people[i].scale] > most)
                most = count[plan->people[i].scale];
        int ny = y + most * (r * 2 + 2);
        if (draw) {
            int placed[11] = {0};
            draw_rect(&ui->dl, (Rect){x + sw / 2, ny + sh / 2, sw * 10, ui_px(ui, 0.6f)}, 0,
                      t->line);
            for (int n = 0; n <= 10; n++) {
                int col = ui->rtl ? 10 - n : n;
                char num[8];
                snprintf(num, sizeof num, "%d", n);
                ui_text(ui, (Rect){x + col * sw, ny, sw, sh}, FONT_SMALL,
                        ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft, num);
            }
            for (int i = 0; i < plan->n_people; i++) {
                const Person *q = &plan->people[i];
                if (q->scale == SCALE_NONE) continue;
                int col = ui->rtl ? 10 - q->scale : q->scale;
                ui_avatar(
                    ui,
                    (Point){x + col * sw + sw / 2, ny - r - 1 - placed[q->scale]++ * (r * 2 + 2)},
                    r, q);
            }
        }
        y = ny + sh + p->pad / 2;
    }
    /* the lists, each under its pictogram */
    for (int k = 0; k < section_table_n; k++) {
        const SectionInfo *si = &section_table[k];
        if (si->section == SECTION_SAFETY || si->section == SECTION_HELP)
            continue; /* after the goals */
        const ItemList *l = &plan->section[si->section];
        if (!l->n) continue;
        y = doc_heading(ui, p, x, w, y, si->picto, ui_tr(ui, si->title), draw);
        for (int i = 0; i < l->n; i++)
            y = doc_item(ui, p, x, w, y, l->items[i].text, t->mark, draw);
    }
    if (plan->n_voices) {
        y = doc_heading(ui, p, x, w, y, "\xF0\x9F\xA7\x92", ui_tr(ui, "Wat de kinderen zeggen"),
                        draw);
        for (int i = 0; i < plan->n_voices; i++) {
            const Voice *v = &plan->voices[i];
            snprintf(line, sizeof line, "%s%s\xE2\x80\x9C%s\xE2\x80\x9D", v->child,
                     v->child[0] ? ": " : "", v->text);
            y = doc_item(ui, p, x, w, y, line, t->sector[SECTOR_FAMILY], draw);
        }
    }
    /* the goals, and who does what for each */
    if (plan->n_goals)
        y = doc_heading(ui, p, x, w, y, "\xF0\x9F\x8E\xAF", ui_tr(ui, "Doelen en afspraken"), draw);
    for (int gi = 0; gi < plan->n_goals; gi++) {
        const Goal *g = &plan->goals[gi];
        int bh = ui_line_height(ui, FONT_BOLD), nr = bh / 2;
        int tx = ui->rtl ? x : x + nr * 2 + p->pad / 2;
        int h = ui_wrap(ui, (Rect){tx, y, w - nr * 2 - p->pad / 2, bh * 4}, FONT_BOLD, t->ink,
                        g->text, 4, false);
        if (draw) {
            Point nc = {ui->rtl ? x + w - nr : x + nr, y + bh / 2};
            draw_disc(&ui->dl, nc, nr, t->accent);
            char num[12];
            snprintf(num, sizeof num, "%d", gi + 1);
            ui_text(ui, (Rect){nc.x - nr, nc.y - nr, nr * 2, nr * 2}, FONT_SMALL,
                    ALIGN_CENTER | ALIGN_MIDDLE, t->card, num);
            ui_wrap(ui, (Rect){tx, y, w - nr * 2 - p->pad / 2, h}, FONT_BOLD, t->ink, g->text, 4,
                    true);
        }
        y += h + p->pad / 3;
        for (int k = 0; k < plan->n_agreements; k++) {
            const Agreement *a = &plan->agreements[k];
            if (a->goal != g->id) continue;
            /* a row: the doer's face; who and what; when and who checks */
            int r = p->target * 3 / 10, rx = ui->rtl ? x : x + r * 2 + p->pad;
            int rw = w - r * 2 - p->pad;
            char who[600];
            kit_doers(ui, plan, a, false, who, sizeof who);
            bool mixed = bidi_has_rtl(who) || bidi_has_rtl(a->what);
            snprintf(line, sizeof line, "%s%s%s: %s", mixed ? BIDI_FSI : "", who,
                     mixed ? BIDI_PDI : "", a->what);
            char tail[800] = "";
            char *when = export_when(a, ui->cat);
            const char *wn = when ? when : a->when;
            if (wn[0]) snprintf(tail, sizeof tail, "\xF0\x9F\x97\x93\xEF\xB8\x8F %s", wn);
            free(when);
            if (a->checker) {
                const Person *c = plan_person(plan, a->checker);
                char chk[300];
                tr_fill(chk, sizeof chk, ui_tr(ui, "checkt: %s"), c ? c->name : "?");
                size_t at = strlen(tail);
                snprintf(tail + at, sizeof tail - at, "%s\xF0\x9F\x91\x80 %s", at ? "   " : "",
                         chk);
            }
            int h1 = ui_wrap(ui, (Rect){rx, y, rw, bh * 6}, FONT_BODY, t->ink, line, 6, false);
            int h2 = tail[0] ? ui_wrap(ui, (Rect){rx, y, rw, sh * 3}, FONT_SMALL, t->ink_soft, tail,
                                       3, false)
                             : 0;
            int rh = h1 + h2 + p->pad / 2;
            if (rh < r * 2 + p->pad / 2) rh = r * 2 + p->pad / 2;
            if (draw) {
                draw_rect(&ui->dl, (Rect){x - p->pad / 2, y - p->pad / 4, w + p->pad, rh},
                          p->radius / 2, t->bg);
                const Person *q = plan_person(plan, a->people[0]);
                if (q) ui_avatar(ui, (Point){ui->rtl ? x + w - r : x + r, y + r}, r, q);
                ui_wrap(ui, (Rect){rx, y, rw, h1}, FONT_BODY, t->ink, line, 6, true);
                if (h2)
                    ui_wrap(ui, (Rect){rx, y + h1, rw, h2}, FONT_SMALL, t->ink_soft, tail, 3, true);
            }
            y += rh + p->pad / 3;
        }
    }
    /* plan B, help, and when we look again */
    const int after[2] = {SECTION_SAFETY, SECTION_HELP};
    for (int k = 0; k < 2; k++) {
        const ItemList *l = &plan->section[after[k]];
        if (!l->n) continue;
        const SectionInfo *si = section_info(after[k]);
        y = doc_heading(ui, p, x, w, y, si->picto, ui_tr(ui, si->title), draw);
        for (int i = 0; i < l->n; i++)
            y = doc_item(ui, p, x, w, y, l->items[i].text, t->mark, draw);
    }
    y = doc_heading(ui, p, x, w, y, "\xF0\x9F\x97\x93\xEF\xB8\x8F", ui_tr(ui, "Evaluatie"), draw);
    const Evaluation *e = &plan->eval;
    char day[16];
    export_date(ui->cat, e->date, day);
    if (!day[0] && !e->place[0]) {
        y = doc_item(ui, p, x, w, y, ui_tr(ui, "Nog niet afgesproken."), t->mark, draw);
    } else {
        snprintf(line, sizeof line, "%s%s%s%s%s%s%s", day, e->start[0] && day[0] ? ", " : "",
                 e->start, e->start[0] && e->end[0] ? "\xE2\x80\x93" : "",
                 e->start[0] ? e->end : "", e->place[0] && (day[0] || e->start[0]) ? ", " : "",
                 e->place);
        y = doc_item(ui, p, x, w, y, line, t->present, draw);
        if (e->convener) {
            const Person *c = plan_person(plan, e->convener);
            tr_fill(line, sizeof line, ui_tr(ui, "%s nodigt iedereen uit."), c ? c->name : "?");
            y = doc_item(ui, p, x, w, y, line, t->present, draw);
        }
    }
    return y - paper.y + p->pad;
}

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
    /* the plan, as it will be shared: a page to read, not a form */
    kit_heading(p, "\xF0\x9F\x93\x84", ui_tr(ui, "Het hele plan"), NULL);
    int y0 = p->y;
    int paper_h = document(p, plan, (Rect){p->col.x, y0, p->col.w, 0}, false);
    Rect paper = {p->col.x, y0, p->col.w, paper_h};
    draw_rect(&ui->dl, (Rect){paper.x + 2, paper.y + 3, paper.w, paper.h}, p->radius / 2,
              0x00000014);
    draw_rect(&ui->dl, paper, p->radius / 2, t->card);
    document(p, plan, paper, true);
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
