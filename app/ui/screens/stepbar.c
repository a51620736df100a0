/* stepbar: the bar of steps at the top of a meeting. */
#include "ui/screens/stepbar.h"

#include <stdio.h>
#include <string.h>

#include "core/flow.h"
#include "ui/kit.h"
#include "ui/screens/panels.h"

#define ID_STEP "step" /* "step:network", "step:well" ... */
#define ID_UNDO "undo"
#define ID_REDO "redo"
#define ID_COORDINATOR "coordinator"
#define ID_CALL_BACK "call-back"

/* The width of one step's button in the bar. */
static int step_width(const Ui *ui, int tail)
{
    KitGeo G = kit_geo(ui);
    return (ui->w - tail - G.pad * 3 / 2) / STEP_COUNT;
}

static int bar_icon(const KitGeo *G)
{
    return G->target + G->pad / 2;
}

/* True when a step's label does not fit on one line of its button: the
 * labels then take two. */
static bool bar_two_lines(const Ui *ui)
{
    KitGeo G = kit_geo(ui);
    int room = step_width(ui, bar_icon(&G) * 3 + G.pad * 3) - 4;
    for (int s = 0; s < STEP_COUNT; s++)
        if (ui_text_width(ui, FONT_SMALL, ui_tr(ui, step_label(s))) > room) return true;
    return false;
}

int stepbar_height(const Ui *ui)
{
    KitGeo G = kit_geo(ui);
    int h = G.pad + G.lh + G.sh * (bar_two_lines(ui) ? 2 : 1) + G.pad / 2;
    return h > G.target + G.pad ? h : G.target + G.pad;
}

/* A step's label in r: on one line, or broken at the space nearest its
 * middle when it does not fit. */
static void step_label_draw(Ui *ui, Rect r, int sh, Color c, const char *label)
{
    size_t n = strlen(label), cut = 0;
    if (ui_text_width(ui, FONT_SMALL, label) > r.w)
        for (size_t i = 1; i + 1 < n; i++)
            if (label[i] == ' ' && (!cut || (i > n / 2 ? i - n / 2 : n / 2 - i) <
                                                (cut > n / 2 ? cut - n / 2 : n / 2 - cut)))
                cut = i;
    if (!cut || r.h < sh * 2) {
        ui_text(ui, (Rect){r.x, r.y, r.w, sh}, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, c, label);
        return;
    }
    char first[128];
    snprintf(first, sizeof first, "%.*s", (int)cut, label);
    ui_text(ui, (Rect){r.x, r.y, r.w, sh}, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, c, first);
    ui_text(ui, (Rect){r.x, r.y + sh, r.w, sh}, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, c,
            label + cut + 1);
}

static void draw_undo_icon(Ui *ui, Rect box, Color c, bool redo)
{
    /* a curved arrow: three quarters of a circle and an arrow head */
    int r = box.h * 30 / 100, th = ui_px(ui, 0.7f) + 1;
    Point m = {box.x + box.w / 2, box.y + box.h / 2 + r / 4};
    draw_arc(&ui->dl, m, r - th, r, 18000, 36000, c); /* the upper half */
    int hx = (redo != ui->rtl) ? m.x + r - th / 2 : m.x - r + th / 2;
    int head = r * 6 / 10;
    draw_line(&ui->dl, (Point){hx, m.y + 1}, (Point){hx - head, m.y - head}, th, c);
    draw_line(&ui->dl, (Point){hx, m.y + 1}, (Point){hx + head, m.y - head}, th, c);
}

void stepbar_draw(Ui *ui, int step, bool family_time, const Plan *plan, const FlowView *view)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    int h = stepbar_height(ui);
    draw_rect(&ui->dl, (Rect){0, 0, ui->w, h}, 0, t->panel);
    draw_rect(&ui->dl, (Rect){0, h - 1, ui->w, 1}, 0, t->line);
    int bh = h - G.pad;
    int y = G.pad / 2;
    /* at the end: undo, redo, and the facilitator (or, in family time,
     * the button that calls them back) */
    int icon = bar_icon(&G);
    int call_w =
        family_time ? G.pad + ui_text_width(ui, FONT_SMALL, ui_tr(ui, "Coördinator")) : icon;
    int tail = icon * 2 + call_w + G.pad * 3;
    int x = ui->rtl ? tail + G.pad : G.pad / 2;
    int sw = step_width(ui, tail);
    for (int s = 0; s < STEP_COUNT; s++) {
        int i = ui->rtl ? STEP_COUNT - 1 - s : s;
        Rect r = {x + i * sw, y, sw - 2, bh};
        bool on = step == s;
        if (on) draw_rect(&ui->dl, r, G.radius, t->accent);
        Color ink = on ? t->card : t->ink;
        ui_text(ui, (Rect){r.x, r.y + G.pad / 4, r.w, G.lh}, FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE,
                ink, step_picto(s));
        step_label_draw(ui,
                        (Rect){r.x + 2, r.y + G.pad / 4 + G.lh, r.w - 4, r.h - G.pad / 4 - G.lh},
                        G.sh, on ? t->card : t->ink_soft, ui_tr(ui, step_label(s)));
        const char *gaps[FLOW_GAPS_MAX];
        if (step_gaps(plan, s, gaps, FLOW_GAPS_MAX) > 0) { /* still empty parts: a soft dot */
            int dr = ui_px(ui, 1.1f);
            Point d = {r.x + r.w / 2 + G.lh * 3 / 4, r.y + G.pad / 4 + G.lh / 4};
            draw_disc(&ui->dl, d, dr + 1, on ? t->accent : t->panel);
            draw_disc(&ui->dl, d, dr, ui->theme->mark);
        }
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_STEP, step_key(s));
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
    }
    int tx = ui->rtl ? G.pad / 2 : ui->w - tail;
    int iy = (h - icon) / 2; /* the square buttons, in the middle of the bar */
    Rect undo = {tx, iy, icon, icon}, redo = {tx + icon + G.pad / 2, iy, icon, icon};
    Rect fac = {redo.x + icon + G.pad * 3 / 2, family_time ? y : iy, call_w,
                family_time ? bh : icon};
    if (ui->rtl) {
        fac.x = G.pad / 2;
        redo.x = fac.x + call_w + G.pad * 3 / 2;
        undo.x = redo.x + icon + G.pad / 2;
    }
    struct {
        Rect r;
        const char *id;
        bool on, redo;
    } ur[2] = {{undo, ID_UNDO, view->can_undo, false}, {redo, ID_REDO, view->can_redo, true}};
    for (int i = 0; i < 2; i++) {
        Color c = ur[i].on ? t->accent : t->disabled;
        draw_rect(&ui->dl, ur[i].r, G.radius, t->card);
        draw_frame(&ui->dl, ur[i].r, G.radius, ui_px(ui, 0.5f), c);
        draw_undo_icon(ui, ur[i].r, c, ur[i].redo);
        ui_widget(ui, ur[i].id, ur[i].r, rect_center(ur[i].r), ur[i].on ? GRAB_TAP : 0);
    }
    if (family_time) {
        /* as the steps: a pictogram over a word, but in the accent colour */
        draw_rect(&ui->dl, fac, G.radius, t->accent);
        ui_text(ui, (Rect){fac.x, fac.y + G.pad / 4, fac.w, G.lh}, FONT_BODY,
                ALIGN_CENTER | ALIGN_MIDDLE, t->card, "\xF0\x9F\x94\x94"); /* 🔔 */
        ui_text(ui, (Rect){fac.x + 2, fac.y + G.pad / 4 + G.lh, fac.w - 4, G.sh}, FONT_SMALL,
                ALIGN_CENTER | ALIGN_MIDDLE, t->card, ui_tr(ui, "Coördinator"));
        ui_widget(ui, ID_CALL_BACK, fac, rect_center(fac), GRAB_TAP);
    } else {
        draw_rect(&ui->dl, fac, G.radius, t->card);
        draw_frame(&ui->dl, fac, G.radius, ui_px(ui, 0.5f), t->line);
        ui_text(ui, fac, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink,
                "\xF0\x9F\x94\x91"); /* 🔑 */
        ui_widget(ui, ID_COORDINATOR, fac, rect_center(fac), GRAB_TAP);
    }
}

FlowOut stepbar_gesture(const Gesture *ev, bool family_time, bool pin_set)
{
    FlowOut nothing = {.act = FLOW_NOTHING};
    if (ev->kind != GESTURE_TAP) return nothing;
    const char *id = ev->widget, *key = ui_id_arg(id, ID_STEP);
    if (key) return (FlowOut){.act = FLOW_STEP, .index = step_from_key(key)};
    if (ui_id_is(id, ID_UNDO)) return (FlowOut){.act = FLOW_UNDO};
    if (ui_id_is(id, ID_REDO)) return (FlowOut){.act = FLOW_REDO};
    if (ui_id_is(id, ID_COORDINATOR) && !family_time) /* a meeting begun from the command
                                                          line, before any PIN: choose one */
        return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = pin_set ? PIN_FOR_MENU : PIN_FOR_SETUP};
    if (ui_id_is(id, ID_CALL_BACK) && family_time)
        return (FlowOut){.act = FLOW_PANEL, .index = PANEL_CALLED};
    return nothing;
}
