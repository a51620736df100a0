/* kit: the pieces every screen is built from, drawn one way each. */
#include "ui/kit.h"

#include <stdio.h>
#include <string.h>

#include "core/gesture.h"

KitGeo kit_geo(const Ui *ui)
{
    const Theme *t = ui->theme;
    return (KitGeo){ui_px(ui, t->pad_mm),           ui_px(ui, t->target_mm),
                    ui_px(ui, t->radius_mm) * 2,    ui_line_height(ui, FONT_BODY),
                    ui_line_height(ui, FONT_SMALL), ui_line_height(ui, FONT_TITLE)};
}

void kit_backdrop(Ui *ui)
{
    ui_cover(ui);
    draw_rect(&ui->dl, (Rect){0, 0, ui->w, ui->h}, 0, ui->theme->dim);
}

void kit_plus(Ui *ui, Point c, int a, int lw, Color col, bool minus_only)
{
    draw_line(&ui->dl, (Point){c.x - a, c.y}, (Point){c.x + a, c.y}, lw, col);
    if (!minus_only) draw_line(&ui->dl, (Point){c.x, c.y - a}, (Point){c.x, c.y + a}, lw, col);
}

void kit_cross(Ui *ui, Point c, int a, int lw, Color col)
{
    draw_line(&ui->dl, (Point){c.x - a, c.y - a}, (Point){c.x + a, c.y + a}, lw, col);
    draw_line(&ui->dl, (Point){c.x - a, c.y + a}, (Point){c.x + a, c.y - a}, lw, col);
}

void kit_button(Ui *ui, const char *id, Rect r, const char *label, bool primary, bool plus)
{
    const Theme *t = ui->theme;
    int target = ui_px(ui, t->target_mm), pad = ui_px(ui, t->pad_mm);
    Color ink = primary ? t->card : t->accent;
    draw_rect(&ui->dl, r, r.h / 2, primary ? t->accent : t->card);
    draw_frame(&ui->dl, r, r.h / 2, ui_px(ui, 0.5f), t->accent);
    if (plus) {
        Point c = {ui->rtl ? r.x + r.w - target / 2 : r.x + target / 2, r.y + r.h / 2};
        kit_plus(ui, c, target / 5, ui_px(ui, 0.7f) + 1, ink, false);
        ui_text(ui,
                (Rect){ui->rtl ? r.x + pad / 2 : r.x + target, r.y, r.w - target - pad / 2, r.h},
                FONT_BOLD, (ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT) | ALIGN_MIDDLE, ink, label);
    } else {
        ui_text(ui, r, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, ink, label);
    }
    ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
}

void kit_big_button(Ui *ui, const KitGeo *G, const char *id, Rect r, const char *picto,
                    const char *label, bool primary, bool enabled)
{
    const Theme *t = ui->theme;
    Color fill = !enabled ? t->disabled : primary ? t->accent : t->card;
    Color ink = primary || !enabled ? t->card : t->accent;
    draw_rect(&ui->dl, (Rect){r.x, r.y + ui_px(ui, 0.6f), r.w, r.h}, G->radius, 0x00000018);
    draw_rect(&ui->dl, r, G->radius, fill);
    if (!primary && enabled) draw_frame(&ui->dl, r, G->radius, ui_px(ui, 0.5f), t->accent);
    int pw = picto ? r.h : 0;
    Rect pr = {r.x + G->pad / 2, r.y, pw, r.h},
         tr_ = {r.x + pw + G->pad / 2, r.y, r.w - pw - G->pad * 3 / 2, r.h};
    if (ui->rtl) {
        pr.x = r.x + r.w - G->pad / 2 - pw;
        tr_.x = r.x + G->pad;
    }
    if (picto) ui_text(ui, pr, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, ink, picto);
    ui_text(ui, tr_, FONT_BOLD,
            (picto ? (ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT) : ALIGN_CENTER) | ALIGN_MIDDLE |
                TEXT_SHRINK,
            ink, label);
    ui_widget(ui, id, r, rect_center(r), enabled ? GRAB_TAP : 0);
}

int kit_panel_width(const Ui *ui, const KitGeo *G, int mm)
{
    int w = ui_px(ui, mm);
    return w < ui->w - 2 * G->pad ? w : ui->w - 2 * G->pad;
}

Rect kit_overlay(Ui *ui, const KitGeo *G, int w, int h)
{
    const Theme *t = ui->theme;
    kit_backdrop(ui);
    if (w > ui->w - 2 * G->pad) w = ui->w - 2 * G->pad;
    if (h > ui->h - 2 * G->pad) h = ui->h - 2 * G->pad;
    Rect p = {(ui->w - w) / 2, (ui->h - h) / 2, w, h};
    draw_rect(&ui->dl, (Rect){p.x, p.y + ui_px(ui, 1), p.w, p.h}, G->radius, 0x00000030);
    draw_rect(&ui->dl, p, G->radius, t->panel);
    /* catches taps beside the buttons, so nothing behind is reached */
    ui_widget(ui, "panel", p, rect_center(p), GRAB_TAP);
    return rect_inset(p, G->pad * 3 / 2);
}

void kit_close_button(Ui *ui, const KitGeo *G, const char *id, Rect inner)
{
    const Theme *t = ui->theme;
    Rect r = {ui->rtl ? inner.x : inner.x + inner.w - G->target, inner.y, G->target, G->target};
    draw_disc(&ui->dl, rect_center(r), G->target / 2, t->card);
    draw_arc(&ui->dl, rect_center(r), G->target / 2 - ui_px(ui, 0.5f), G->target / 2, 0, 36000,
             t->line);
    Point c = rect_center(r);
    kit_cross(ui, c, G->target / 6, ui_px(ui, 0.7f) + 1, t->ink);
    ui_widget(ui, id, r, c, GRAB_TAP);
}

int kit_title(Ui *ui, const KitGeo *G, Rect inner, int y, const char *text, int right_gap)
{
    Rect r = {inner.x + (ui->rtl ? right_gap : 0), y, inner.w - right_gap, G->th * 2};
    return y + ui_wrap(ui, r, FONT_TITLE, ui->theme->ink, text, 2, true);
}

void kit_sign(Ui *ui, Point c, int r)
{
    const Theme *t = ui->theme;
    for (int i = 0; i < 3; i++) {
        int rr = r * (3 - i) / 3, w = r / 9;
        for (int s = 0; s < SECTOR_COUNT; s++)
            draw_arc(&ui->dl, c, rr - w, rr, s * 9000 + 600, s * 9000 + 8400,
                     i == 0   ? t->sector_tint[s]
                     : i == 1 ? t->sector[s]
                              : t->sector_tint[s]);
    }
    draw_disc(&ui->dl, c, r / 6, t->accent);
}

int kit_language_width(const Ui *ui)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm), target = ui_px(ui, t->target_mm);
    int w = target + pad * 2 + ui_text_width(ui, FONT_BOLD, "Nederlands");
    return w;
}

void kit_language_button(Ui *ui, Rect r)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm);
    const char *name = ui->language_name ? ui->language_name : "";
    draw_rect(&ui->dl, r, r.h / 2, t->card);
    draw_frame(&ui->dl, r, r.h / 2, ui_px(ui, 0.4f), t->line);
    if (r.w < r.h * 2) { /* no room for the name: the globe alone */
        ui_text(ui, r, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\x8C\x90");
        ui_widget(ui, KIT_ID_LANGUAGE, r, rect_center(r), GRAB_TAP);
        return;
    }
    Rect globe = {ui->rtl ? r.x + r.w - r.h : r.x, r.y, r.h, r.h};
    ui_text(ui, globe, FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\x8C\x90"); /* 🌐 */
    Rect words = {ui->rtl ? r.x + pad : r.x + r.h, r.y, r.w - r.h - pad, r.h};
    ui_text(ui, words, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->ink, name);
    ui_widget(ui, KIT_ID_LANGUAGE, r, rect_center(r), GRAB_TAP);
}

int kit_list_row_height(const KitGeo *G, const FlowList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->note[i][0]) return G->lh + G->sh + G->pad;
    return G->target + G->pad / 2;
}

int kit_list_rows(Ui *ui, const KitGeo *G, Rect in, int y, const FlowList *l, const char *prefix,
                  int first_index)
{
    const Theme *t = ui->theme;
    int rh = kit_list_row_height(G, l);
    for (int i = 0; i < l->n && y + rh <= in.y + in.h; i++) {
        Rect r = {in.x, y, in.w, rh - G->pad / 3};
        bool chosen = l->chosen == i;
        draw_rect(&ui->dl, r, G->radius / 2, chosen ? t->sector_tint[1] : t->card);
        draw_frame(&ui->dl, r, G->radius / 2, ui_px(ui, chosen ? 0.7f : 0.35f),
                   chosen ? t->accent : t->line);
        /* the words, and a note under them */
        int al = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
        bool note = l->note[i][0] != '\0';
        int top = r.y + (r.h - G->lh - (note ? G->sh : 0)) / 2;
        ui_text(ui, (Rect){r.x + G->pad, top, r.w - 2 * G->pad, G->lh}, FONT_BOLD,
                al | ALIGN_MIDDLE, t->ink, l->text[i]);
        if (note)
            ui_text(ui, (Rect){r.x + G->pad, top + G->lh, r.w - 2 * G->pad, G->sh}, FONT_SMALL,
                    al | ALIGN_MIDDLE, t->ink_soft, l->note[i]);
        char id[UI_ID_LEN];
        if (!strcmp(prefix, "printer")) /* printers by name; the first is the default */
            snprintf(id, sizeof id, i ? "printer:%.39s" : "printer-default", l->text[i]);
        else
            snprintf(id, sizeof id, "%s:%d", prefix, i + first_index);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
        y += rh;
    }
    return y;
}

/* ---- a column of blocks (the pages) ---- */

KitColumn kit_column(Ui *ui)
{
    const Theme *t = ui->theme;
    return (KitColumn){.ui = ui,
                       .pad = ui_px(ui, t->pad_mm),
                       .target = ui_px(ui, t->target_mm),
                       .radius = ui_px(ui, t->radius_mm) * 2,
                       .lh = ui_line_height(ui, FONT_BODY),
                       .sh = ui_line_height(ui, FONT_SMALL),
                       .th = ui_line_height(ui, FONT_TITLE),
                       .align = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT};
}

int kit_reading_x(const KitColumn *p, int w)
{
    return p->ui->rtl ? p->col.x + p->col.w - w : p->col.x;
}

void kit_heading(KitColumn *p, const char *picto, const char *title, const char *note)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    p->y += p->pad;
    int pw = p->th + p->pad / 2;
    Rect pr = {kit_reading_x(p, pw), p->y, pw, p->th};
    Rect tr_ = {p->ui->rtl ? p->col.x : p->col.x + pw, p->y, p->col.w - pw, p->th};
    ui_text(ui, pr, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, picto);
    ui_text(ui, tr_, FONT_TITLE, p->align | ALIGN_MIDDLE, t->ink, title);
    p->y += p->th;
    if (note) {
        ui_text(ui, (Rect){p->col.x, p->y, p->col.w, p->sh}, FONT_SMALL, p->align, t->ink_soft,
                note);
        p->y += p->sh;
    }
    p->y += p->pad / 2;
}

void kit_remove_button(KitColumn *p, const char *id, Rect r)
{
    const Theme *t = p->ui->theme;
    Point c = rect_center(r);
    draw_disc(&p->ui->dl, c, r.w / 3, t->bg);
    kit_cross(p->ui, c, r.w / 6, ui_px(p->ui, 0.5f) + 1, t->ink_soft);
    ui_widget(p->ui, id, r, c, GRAB_TAP);
}

void kit_text_card(KitColumn *p, const char *id, const char *text, const char *hint,
                   const char *remove_id, Color fill)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int rw = remove_id ? p->target : 0;
    int tw = p->col.w - 2 * p->pad - rw;
    bool empty = !text || !text[0];
    int h =
        ui_wrap(ui, (Rect){0, 0, tw, p->lh * 4}, FONT_BODY, t->ink, empty ? hint : text, 4, false);
    if (!empty && hint && hint[0]) { /* as high as its question: filling it in moves nothing */
        int hh = ui_wrap(ui, (Rect){0, 0, tw, p->lh * 4}, FONT_BODY, t->ink, hint, 4, false);
        if (hh > h) h = hh;
    }
    if (h < p->lh) h = p->lh;
    Rect r = {p->col.x, p->y, p->col.w, h + p->pad};
    if (r.h < p->target) r.h = p->target;
    draw_rect(&ui->dl, r, p->radius / 2, fill);
    draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.3f), t->line);
    Rect tr_ = {r.x + p->pad + (ui->rtl ? rw : 0), r.y + (r.h - h) / 2, tw, h};
    ui_wrap(ui, tr_, FONT_BODY, empty ? t->ink_soft : t->ink, empty ? hint : text, 4, true);
    if (id) ui_widget(ui, id, r, (Point){r.x + p->pad * 2, r.y + r.h / 2}, GRAB_TAP | GRAB_DRAG);
    if (remove_id)
        kit_remove_button(p, remove_id,
                          (Rect){ui->rtl ? r.x : r.x + r.w - rw, r.y, rw, r.h < rw ? r.h : rw});
    p->y += r.h + p->pad / 3;
}

void kit_item_card(KitColumn *p, const char *id, const char *picto, const char *text,
                   const Plan *plan, const uint32_t *who, int n_who, const char *remove_id)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int rw = remove_id ? p->target : 0;
    int pw = picto && picto[0] ? p->lh : 0; /* the pictogram, as high as a line */
    int tw = p->col.w - 2 * p->pad - rw - pw - (pw ? p->pad / 2 : 0);
    int h = ui_wrap(ui, (Rect){0, 0, tw, p->lh * 4}, FONT_BODY, t->ink, text, 4, false);
    if (h < p->lh) h = p->lh;
    int fr = p->sh * 7 / 10, fy = 0; /* the faces: discs a small line high */
    if (n_who > 0) fy = h + p->pad / 3, h = fy + 2 * fr;
    Rect r = {p->col.x, p->y, p->col.w, h + p->pad};
    if (r.h < p->target) r.h = p->target;
    draw_rect(&ui->dl, r, p->radius / 2, t->card);
    draw_frame(&ui->dl, r, p->radius / 2, ui_px(ui, 0.3f), t->line);
    int top = r.y + (r.h - h) / 2;
    int tx = ui->rtl ? r.x + p->pad + rw : r.x + p->pad + pw + (pw ? p->pad / 2 : 0);
    if (pw)
        ui_text(ui, (Rect){ui->rtl ? r.x + r.w - p->pad - pw : r.x + p->pad, top, pw, p->lh},
                FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, picto);
    ui_wrap(ui, (Rect){tx, top, tw, fy ? fy : h}, FONT_BODY, t->ink, text, 4, true);
    /* the faces, from the reading side, as many as fit */
    int step = fr * 2 + p->pad / 3, fit = step > 0 ? (tw + p->pad / 3) / step : 0;
    for (int i = 0; i < n_who && i < fit; i++) {
        const Person *q = plan_person(plan, who[i]);
        if (!q) continue;
        int cx = ui->rtl ? tx + tw - fr - i * step : tx + fr + i * step;
        ui_avatar(ui, (Point){cx, top + fy + fr}, fr, q);
    }
    if (id) ui_widget(ui, id, r, (Point){r.x + p->pad * 2, r.y + r.h / 2}, GRAB_TAP | GRAB_DRAG);
    if (remove_id)
        kit_remove_button(p, remove_id,
                          (Rect){ui->rtl ? r.x : r.x + r.w - rw, r.y, rw, r.h < rw ? r.h : rw});
    p->y += r.h + p->pad / 3;
}

KitPanel kit_panel_begin(KitColumn *p, Color tint)
{
    p->y += p->pad / 3;
    KitPanel k = {.cmd = p->ui->dl.n, .outer = p->col};
    k.outer.y = p->y;
    draw_rect(&p->ui->dl, (Rect){k.outer.x, k.outer.y, k.outer.w, 1}, p->radius, tint);
    int in = p->pad;
    p->col.x += in;
    p->col.w -= 2 * in;
    return k;
}

void kit_panel_end(KitColumn *p, KitPanel k)
{
    DrawList *dl = &p->ui->dl;
    p->y += p->pad / 2;
    if (k.cmd < dl->n && dl->cmds[k.cmd].kind == DRAW_RECT) dl->cmds[k.cmd].h = p->y - k.outer.y;
    p->col.x = k.outer.x;
    p->col.w = k.outer.w;
    p->y += p->pad * 3 / 4;
}

void kit_pill(KitColumn *p, const char *id, const char *label, bool plus)
{
    Ui *ui = p->ui;
    int w = p->target + p->pad + ui_text_width(ui, FONT_BOLD, label);
    if (w > p->col.w) w = p->col.w;
    Rect r = {kit_reading_x(p, w), p->y + p->pad / 3, w, p->target};
    kit_button(ui, id, r, label, false, plus);
    p->y += r.h + p->pad;
}

void kit_stepper(Ui *ui, int x, int y, const char *id, const char *value, int vw, bool less,
                 bool more)
{
    const Theme *t = ui->theme;
    int target = ui_px(ui, t->target_mm);
    char mid[UI_ID_LEN], pid[UI_ID_LEN];
    snprintf(mid, sizeof mid, "%s-minus", id);
    snprintf(pid, sizeof pid, "%s-plus", id);
    Rect minus = {x, y, target, target}, plus = {x + target + vw, y, target, target};
    if (ui->rtl) {
        Rect tmp = minus;
        minus = plus;
        plus = tmp;
    }
    int a = target / 5, lw = ui_px(ui, 0.8f) + 1;
    Point mc = rect_center(minus), pc = rect_center(plus);
    draw_disc(&ui->dl, mc, target / 2, less ? t->accent : t->disabled);
    draw_disc(&ui->dl, pc, target / 2, more ? t->accent : t->disabled);
    kit_plus(ui, mc, a, lw, t->card, true);
    kit_plus(ui, pc, a, lw, t->card, false);
    ui_widget(ui, mid, minus, mc, GRAB_TAP);
    ui_widget(ui, pid, plus, pc, GRAB_TAP);
    Rect v = {x + target, y, vw, target};
    ui_text(ui, v, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, value);
    char vid[UI_ID_LEN];
    snprintf(vid, sizeof vid, "%s-value", id);
    ui_widget(ui, vid, v, rect_center(v), GRAB_TAP);
}

void kit_people_chips(KitColumn *p, const Plan *plan, const char *prefix, uint32_t chosen)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    int x = 0, h = p->target, gap = p->pad / 2;
    for (int i = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        int w = h + p->pad + ui_text_width(ui, FONT_BOLD, q->name);
        if (w > p->col.w) w = p->col.w;
        if (x > 0 && x + w > p->col.w) {
            x = 0;
            p->y += h + gap;
        }
        Rect r = {ui->rtl ? p->col.x + p->col.w - x - w : p->col.x + x, p->y, w, h};
        bool on = q->id == chosen;
        draw_rect(&ui->dl, r, h / 2, on ? t->sector_tint[q->place.sector] : t->card);
        draw_frame(&ui->dl, r, h / 2, ui_px(ui, on ? 0.8f : 0.3f), on ? t->accent : t->line);
        Point c = {ui->rtl ? r.x + r.w - h / 2 : r.x + h / 2, r.y + h / 2};
        ui_avatar(ui, c, h * 2 / 5, q);
        ui_text(ui, (Rect){ui->rtl ? r.x + p->pad / 2 : r.x + h, r.y, w - h - p->pad / 2, h},
                FONT_BOLD, p->align | ALIGN_MIDDLE, t->ink, q->name);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%u", prefix, (unsigned)q->id);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
        x += w + gap;
    }
    p->y += h + p->pad;
}

void kit_scroll_edges(Ui *ui, Rect view, int offset, int content)
{
    int fade = ui_px(ui, ui->theme->pad_mm);
    if (offset > 0) draw_rect(&ui->dl, (Rect){view.x, view.y, view.w, fade}, 0, 0x2A263028);
    if (offset < content - view.h)
        draw_rect(&ui->dl, (Rect){view.x, view.y + view.h - fade, view.w, fade}, 0, 0x2A263028);
}

void kit_doers(const Ui *ui, const Plan *plan, const Agreement *a, bool first, char *out, size_t n)
{
    out[0] = '\0';
    for (int k = 0; k < a->n_people; k++) {
        const Person *q = plan_person(plan, a->people[k]);
        char name[200];
        size_t at = strlen(out);
        snprintf(out + at, n - at, "%s%s",
                 k == 0                 ? ""
                 : k == a->n_people - 1 ? ui_tr(ui, " en ")
                                        : ", ",
                 !q      ? "?"
                 : first ? ui_first_name(q->name, name, sizeof name)
                         : q->name);
    }
}
