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

/* Where a label breaks into two lines: the space that makes the wider
 * line narrowest (0: no space, one line); *width gets that line's width
 * (the whole label's without a space). */
static size_t label_break(const Ui *ui, const char *label, int *width)
{
    size_t n = strlen(label), cut = 0;
    int best = ui_text_width(ui, FONT_SMALL, label);
    for (size_t i = 1; i + 1 < n; i++)
        if (label[i] == ' ') {
            char first[128];
            snprintf(first, sizeof first, "%.*s", (int)i, label);
            int a = ui_text_width(ui, FONT_SMALL, first),
                b = ui_text_width(ui, FONT_SMALL, label + i + 1);
            if ((a > b ? a : b) < best) {
                best = a > b ? a : b;
                cut = i;
            }
        }
    if (width) *width = best;
    return cut;
}

static int label_two_line_width(const Ui *ui, const char *label)
{
    int w;
    label_break(ui, label, &w);
    return w;
}

/* True when every label fits a button sw wide, on one line or two. */
static bool bar_all_words(const Ui *ui, int sw)
{
    for (int s = 0; s < STEP_COUNT; s++)
        if (label_two_line_width(ui, ui_tr(ui, step_label(s))) > sw - 6) return false;
    return true;
}

static int call_words_width(const Ui *ui);

/* The bar's end: undo, redo, the facilitator's key (in family time the
 * wider button that calls them back) and the language. The bar is laid
 * out the same in and out of family time: with room for that button. */
typedef struct BarTail {
    int icon, call_w, lang_w, gap, width;
    bool words; /* every step with its word; else (narrow) only the step the family is on */
} BarTail;

static BarTail bar_tail(const Ui *ui, bool family_time)
{
    KitGeo G = kit_geo(ui);
    int call_max = G.pad + call_words_width(ui);
    BarTail b = {
        bar_icon(&G), family_time ? call_max : bar_icon(&G), kit_language_width(ui), G.pad, 0,
        true};
    b.width = b.icon * 2 + b.call_w + b.gap * 3 + b.lang_w + G.pad;
    int widest = b.icon * 2 + call_max + b.gap * 3 + b.lang_w + G.pad;
    if (!bar_all_words(ui, step_width(ui, widest))) { /* narrow: the square buttons closer */
        b.words = false;
        b.icon = G.target;
        if (!family_time) b.call_w = b.icon;
        b.lang_w = b.icon;
        b.gap = G.pad / 2;
        b.width = b.icon * 2 + b.call_w + b.gap * 3 + b.lang_w + G.pad / 2;
    }
    return b;
}

/* True when a step's label does not fit on one line of its button: the
 * labels then take two. */
static bool bar_two_lines(const Ui *ui)
{
    BarTail b = bar_tail(ui, true);
    if (!b.words) return false; /* one word, of the step the family is on, across the button */
    int sw = step_width(ui, b.width);
    for (int s = 0; s < STEP_COUNT; s++)
        if (ui_text_width(ui, FONT_SMALL, ui_tr(ui, step_label(s))) > sw - 4) return true;
    return false;
}

int stepbar_height(const Ui *ui)
{
    KitGeo G = kit_geo(ui);
    int h = G.pad + G.lh + G.sh * (bar_two_lines(ui) ? 2 : 1) + G.pad / 2;
    return h > G.target + G.pad ? h : G.target + G.pad;
}

/* A step's label in r: on one line, or broken where its lines are
 * narrowest when it does not fit. */
static void step_label_draw(Ui *ui, Rect r, int sh, Color c, const char *label)
{
    size_t cut = ui_text_width(ui, FONT_SMALL, label) > r.w ? label_break(ui, label, NULL) : 0;
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

/* The call-back button's words in family time: the wider of its lines. */
static int call_words_width(const Ui *ui)
{
    char top[120], bottom[120];
    snprintf(top, sizeof top, "\xF0\x9F\x8F\xA1 %s", ui_tr(ui, "Familietijd"));
    snprintf(bottom, sizeof bottom, "\xF0\x9F\x94\x94 %s", ui_tr(ui, "Coördinator"));
    int a = ui_text_width(ui, FONT_SMALL, top), b = ui_text_width(ui, FONT_SMALL, bottom);
    return a > b ? a : b;
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
     * the button that calls them back), and the language, for anyone */
    BarTail b = bar_tail(ui, family_time);
    int icon = b.icon, call_w = b.call_w, lang_w = b.lang_w, gap = b.gap, tail = b.width;
    int x = ui->rtl ? tail + G.pad : G.pad / 2;
    int sw = step_width(ui, tail);
    bool words = b.words;
    int on_w = sw; /* without all words: the step the family is on as wide as its word */
    if (!words && step >= 0 && step < STEP_COUNT) {
        on_w = label_two_line_width(ui, ui_tr(ui, step_label(step))) + G.pad;
        int most = sw * STEP_COUNT - (STEP_COUNT - 1) * (G.target + 2);
        if (on_w > most) on_w = most;
        if (on_w < sw) on_w = sw;
    }
    int other_w = words ? sw : (sw * STEP_COUNT - on_w) / (STEP_COUNT - 1);
    int sx = x;
    for (int k = 0; k < STEP_COUNT; k++) {
        int s = ui->rtl ? STEP_COUNT - 1 - k : k;
        bool on = step == s;
        int w = on ? on_w : other_w;
        Rect r = {sx, y, w - 2, bh};
        sx += w;
        if (on) draw_rect(&ui->dl, r, G.radius, t->accent);
        Color ink = on ? t->card : t->ink;
        if (words) {
            ui_text(ui, (Rect){r.x, r.y + G.pad / 4, r.w, G.lh}, FONT_BODY,
                    ALIGN_CENTER | ALIGN_MIDDLE, ink, step_picto(s));
            step_label_draw(
                ui, (Rect){r.x + 2, r.y + G.pad / 4 + G.lh, r.w - 4, r.h - G.pad / 4 - G.lh}, G.sh,
                on ? t->card : t->ink_soft, ui_tr(ui, step_label(s)));
        } else if (on) { /* narrow: the step the family is on by its word, on two lines */
            const char *label = ui_tr(ui, step_label(s));
            bool two = ui_text_width(ui, FONT_SMALL, label) > r.w - 4;
            int lh2 = two ? G.sh * 2 : G.sh;
            step_label_draw(ui, (Rect){r.x + 2, r.y + (r.h - lh2) / 2, r.w - 4, lh2}, G.sh, t->card,
                            label);
        } else {
            ui_text(ui, r, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, ink, step_picto(s));
        }
        const char *gaps[FLOW_GAPS_MAX];
        if (step_gaps(plan, s, gaps, FLOW_GAPS_MAX) > 0) { /* still empty parts: a soft dot */
            int dr = ui_px(ui, 1.1f);
            Point d = {r.x + r.w / 2 + G.lh * 3 / 4,
                       words ? r.y + G.pad / 4 + G.lh / 4 : r.y + r.h / 2 - G.th / 3};
            if (!words && on) d = (Point){r.x + r.w - dr * 2, r.y + dr * 2}; /* clear of its word */
            draw_disc(&ui->dl, d, dr + 1, on ? t->accent : t->panel);
            draw_disc(&ui->dl, d, dr, ui->theme->mark);
        }
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_STEP, step_key(s));
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
    }
    int tx = ui->w - tail + lang_w + gap;
    int iy = (h - icon) / 2; /* the square buttons, in the middle of the bar */
    Rect undo = {tx, iy, icon, icon}, redo = {tx + icon + gap / 2, iy, icon, icon};
    Rect fac = {redo.x + icon + gap * 3 / 2, family_time ? y : iy, call_w, family_time ? bh : icon};
    Rect lang = {ui->w - tail, iy, lang_w, icon};
    if (ui->rtl) {
        fac.x = G.pad / 2;
        redo.x = fac.x + call_w + gap * 3 / 2;
        undo.x = redo.x + icon + gap / 2;
        lang.x = undo.x + icon + gap;
    }
    kit_language_button(ui, lang);
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
        /* says family time is on, and calls the facilitator back: two
         * lines, in the accent colour */
        draw_rect(&ui->dl, fac, G.radius, t->accent);
        char top[120], bottom[120];
        snprintf(top, sizeof top, "\xF0\x9F\x8F\xA1 %s", ui_tr(ui, "Familietijd"));       /* 🏡 */
        snprintf(bottom, sizeof bottom, "\xF0\x9F\x94\x94 %s", ui_tr(ui, "Coördinator")); /* 🔔 */
        int mid = fac.y + fac.h / 2;
        ui_text(ui, (Rect){fac.x + 2, mid - G.sh, fac.w - 4, G.sh}, FONT_SMALL,
                ALIGN_CENTER | ALIGN_MIDDLE, t->card, top);
        ui_text(ui, (Rect){fac.x + 2, mid, fac.w - 4, G.sh}, FONT_SMALL,
                ALIGN_CENTER | ALIGN_MIDDLE, t->card, bottom);
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
