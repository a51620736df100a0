/* flow: the start screen, the step bar, the PIN pad, the facilitator's
 * menu and private family time; the pages of the steps are in pages.c. */
#include "ui/flow.h"

#include <stdio.h>
#include <string.h>

#include "ui/pages.h"

void flow_init(FlowState *f)
{
    memset(f, 0, sizeof *f);
    board_state_init(&f->board);
    pages_init(&f->page);
}

void flow_fini(FlowState *f)
{
    board_state_fini(&f->board);
    pages_fini(&f->page);
}

static void clear_pin(PinPad *p)
{
    memset(p, 0, sizeof *p);
}

static void leave_meeting_state(FlowState *f)
{
    f->family_time = false;
    f->conditions_open = false;
    f->panel = PANEL_NONE;
    f->scale_pick = 0;
    f->cal_year = f->cal_month = 0;
    memset(f->scroll, 0, sizeof f->scroll);
    pages_close(&f->page);
    board_state_fini(&f->board);
    board_state_init(&f->board);
}

void flow_to_start(FlowState *f, bool pin_set)
{
    leave_meeting_state(f);
    f->screen = SCREEN_START;
    clear_pin(&f->pin);
    if (!pin_set)
        flow_ask_pin(f, PIN_FOR_SETUP);
}

void flow_to_meeting(FlowState *f)
{
    leave_meeting_state(f);
    f->screen = SCREEN_MEETING;
    f->step = STEP_NETWORK;
    clear_pin(&f->pin);
}

void flow_cover(FlowState *f)
{
    f->covered = true;
    f->panel = PANEL_NONE;
    clear_pin(&f->pin);
}

void flow_ask_pin(FlowState *f, PinFor purpose)
{
    clear_pin(&f->pin);
    f->pin.purpose = purpose;
}

bool flow_wants_text(const FlowState *f)
{
    return f->pin.purpose != PIN_FOR_NONE || f->page.typing != TYPING_NONE ||
           board_wants_text(&f->board);
}

/* ------------------------------------------------------------------ */
/* Pieces                                                               */
/* ------------------------------------------------------------------ */

typedef struct Geo {
    int pad, target, radius, lh, sh, th;
} Geo;

static Geo geo(const Ui *ui)
{
    const Theme *t = ui->theme;
    return (Geo){ ui_px(ui, t->pad_mm), ui_px(ui, t->target_mm), ui_px(ui, t->radius_mm) * 2,
                  ui_line_height(ui, FONT_BODY), ui_line_height(ui, FONT_SMALL),
                  ui_line_height(ui, FONT_TITLE) };
}

/* A big button with a pictogram beside its words. */
static void big_button(Ui *ui, const Geo *G, const char *id, Rect r, const char *picto,
                       const char *label, bool primary, bool enabled)
{
    const Theme *t = ui->theme;
    Color fill = !enabled ? t->disabled : primary ? t->accent : t->card;
    Color ink = primary || !enabled ? t->card : t->accent;
    draw_rect(&ui->dl, (Rect){ r.x, r.y + ui_px(ui, 0.6f), r.w, r.h }, G->radius, 0x00000018);
    draw_rect(&ui->dl, r, G->radius, fill);
    if (!primary && enabled)
        draw_frame(&ui->dl, r, G->radius, ui_px(ui, 0.5f), t->accent);
    int pw = picto ? r.h : 0;
    Rect pr = { r.x + G->pad / 2, r.y, pw, r.h }, tr_ = { r.x + pw + G->pad / 2, r.y,
                                                          r.w - pw - G->pad * 3 / 2, r.h };
    if (ui->rtl) {
        pr.x = r.x + r.w - G->pad / 2 - pw;
        tr_.x = r.x + G->pad;
    }
    if (picto)
        ui_text(ui, pr, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, ink, picto);
    ui_text(ui, tr_, FONT_BOLD, (picto ? (ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT) : ALIGN_CENTER) |
                                    ALIGN_MIDDLE | TEXT_SHRINK, ink, label);
    ui_widget(ui, id, r, rect_center(r), enabled ? GRAB_TAP : 0);
}

/* A panel over everything, the screen dimmed behind it. Returns the
 * panel's inside. */
static Rect overlay(Ui *ui, const Geo *G, int w, int h)
{
    const Theme *t = ui->theme;
    draw_rect(&ui->dl, (Rect){ 0, 0, ui->w, ui->h }, 0, 0x2A263070);
    if (w > ui->w - 2 * G->pad)
        w = ui->w - 2 * G->pad;
    if (h > ui->h - 2 * G->pad)
        h = ui->h - 2 * G->pad;
    Rect p = { (ui->w - w) / 2, (ui->h - h) / 2, w, h };
    draw_rect(&ui->dl, (Rect){ p.x, p.y + ui_px(ui, 1), p.w, p.h }, G->radius, 0x00000030);
    draw_rect(&ui->dl, p, G->radius, t->panel);
    /* catches taps beside the buttons, so nothing behind is reached */
    ui_widget(ui, "panel", p, rect_center(p), GRAB_TAP);
    return rect_inset(p, G->pad * 3 / 2);
}

/* A close button in the panel's top corner. */
static void close_button(Ui *ui, const Geo *G, const char *id, Rect inner)
{
    const Theme *t = ui->theme;
    Rect r = { ui->rtl ? inner.x : inner.x + inner.w - G->target, inner.y, G->target, G->target };
    draw_disc(&ui->dl, rect_center(r), G->target / 2, t->card);
    draw_arc(&ui->dl, rect_center(r), G->target / 2 - ui_px(ui, 0.5f), G->target / 2, 0, 36000,
             t->line);
    int a = G->target / 6, lw = ui_px(ui, 0.7f) + 1;
    Point c = rect_center(r);
    draw_line(&ui->dl, (Point){ c.x - a, c.y - a }, (Point){ c.x + a, c.y + a }, lw, t->ink);
    draw_line(&ui->dl, (Point){ c.x - a, c.y + a }, (Point){ c.x + a, c.y - a }, lw, t->ink);
    ui_widget(ui, id, r, c, GRAB_TAP);
}

static int title_in(Ui *ui, const Geo *G, Rect inner, int y, const char *text, int right_gap)
{
    Rect r = { inner.x + (ui->rtl ? right_gap : 0), y, inner.w - right_gap, G->th * 2 };
    return y + ui_wrap(ui, r, FONT_TITLE, ui->theme->ink, text, 2, true);
}

/* ------------------------------------------------------------------ */
/* The PIN pad                                                          */
/* ------------------------------------------------------------------ */

static const char *pin_question(const PinPad *p)
{
    switch (p->purpose) {
    case PIN_FOR_SETUP:
        return p->confirming ? N_("Typ dezelfde pincode nog een keer.")
                             : N_("Welkom bij Kring. Kies een pincode voor de coördinator: 6 "
                                  "cijfers of meer.");
    case PIN_FOR_CHANGE:
        return p->confirming ? N_("Typ de nieuwe pincode nog een keer.")
                             : N_("Kies een nieuwe pincode: 6 cijfers of meer.");
    case PIN_FOR_NEW: return N_("Pincode om een nieuw gesprek te beginnen");
    case PIN_FOR_CONTINUE: return N_("Pincode om verder te gaan met een gesprek");
    case PIN_FOR_SETTINGS: return N_("Pincode voor de instellingen");
    case PIN_FOR_LEAVE: return N_("Pincode om Kring af te sluiten");
    case PIN_FOR_MENU: return N_("Pincode van de coördinator");
    case PIN_FOR_FAMILY_TIME: return N_("Pincode om de familie alleen te laten werken");
    case PIN_FOR_RETURN: return N_("Pincode van de coördinator om terug te komen");
    case PIN_FOR_CONDITIONS: return N_("Pincode om de ondergrenzen te veranderen");
    case PIN_FOR_APPROVE: return N_("Pincode om het plan goed te keuren");
    case PIN_FOR_UNCOVER: return N_("Pincode van de coördinator");
    case PIN_FOR_NONE: break;
    }
    return "";
}

/* Choosing the very first PIN cannot be put off on the start screen;
 * anywhere else (a meeting begun before any PIN) it can. */
static bool pin_can_cancel(const FlowState *f)
{
    return f->pin.purpose != PIN_FOR_SETUP || f->screen == SCREEN_MEETING;
}

static void pin_draw(Ui *ui, const PinPad *p, bool can_cancel)
{
    const Theme *t = ui->theme;
    Geo G = geo(ui);
    int key = G.target * 5 / 4;
    int head = G.th * 2 + G.pad * 2 + G.target + G.sh * 3 + G.pad;
    int keys_h = ui->h - 4 * G.pad - head;
    if (key * 4 + G.pad * 3 / 2 > keys_h)
        key = (keys_h - G.pad * 3 / 2) * 2 / 9;
    if (key < G.target * 3 / 4)
        key = G.target * 3 / 4;
    int gap = key / 8;
    int w = key * 3 + gap * 2 + G.pad * 3;
    if (w < ui_px(ui, 120))
        w = ui_px(ui, 120);
    Rect in = overlay(ui, &G, w, head + key * 4 + gap * 3 + G.pad * 3);

    if (can_cancel)
        close_button(ui, &G, "pin-cancel", in);
    int y = in.y;
    Rect q = { in.x + (ui->rtl && can_cancel ? G.target + G.pad : 0), y,
               in.w - (can_cancel ? G.target + G.pad : 0), G.th * 2 };
    ui_wrap(ui, q, FONT_BOLD, t->ink, ui_tr(ui, pin_question(p)), 2, true);
    y += G.th * 2 + G.pad;
    /* a dot per digit typed; room for the 6 needed */
    int dots = p->n > 6 ? p->n : 6, dr = G.target / 6, step = dr * 3;
    int x0 = in.x + (in.w - step * dots) / 2 + step / 2;
    for (int i = 0; i < dots; i++) {
        Point c = { x0 + i * step, y + G.target / 2 };
        if (i < p->n)
            draw_disc(&ui->dl, c, dr, t->ink);
        else
            draw_arc(&ui->dl, c, dr - ui_px(ui, 0.4f), dr, 0, 36000, t->line);
    }
    ui_widget(ui, "pin-dots", (Rect){ in.x, y, in.w, G.target }, (Point){ in.x + in.w / 2, y + 2 },
              0);
    y += G.target + G.pad / 2;
    if (p->msg[0]) {
        ui_wrap(ui, (Rect){ in.x, y, in.w, G.sh * 3 }, FONT_SMALL, p->msg_bad ? ui->theme->warn : t->ink_soft,
                p->msg, 3, true);
        ui_widget(ui, "pin-message", (Rect){ in.x, y, in.w, G.sh * 3 }, (Point){ in.x + 1, y + 1 }, 0);
    }
    y += G.sh * 3 + G.pad;
    int kx = in.x + (in.w - (key * 3 + gap * 2)) / 2;
    const char *const labels[12] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "",
                                     "0", ui_tr(ui, "OK") };
    static const char *const ids[12] = { "pin:1", "pin:2", "pin:3", "pin:4", "pin:5", "pin:6",
                                         "pin:7", "pin:8", "pin:9", "pin:back", "pin:0", "pin:ok" };
    for (int i = 0; i < 12; i++) {
        int col = i % 3, row = i / 3;
        if (ui->rtl && i >= 9)
            col = 2 - col; /* the back key on the reading side */
        Rect r = { kx + col * (key + gap), y + row * (key + gap), key, key };
        bool ok = i == 11;
        bool enabled = ok ? p->n >= 6 : i == 9 ? p->n > 0 : p->n < PINPAD_MAX;
        Color fill = ok ? (enabled ? t->accent : t->disabled) : t->card;
        draw_rect(&ui->dl, r, key / 2, fill);
        if (!ok)
            draw_frame(&ui->dl, r, key / 2, ui_px(ui, 0.4f), enabled ? t->line : t->bg);
        Color ink = ok ? t->card : enabled ? t->ink : t->disabled;
        if (i == 9) { /* back: an arrow pointing against the reading way */
            Point c = rect_center(r);
            int a = key / 5, lw = ui_px(ui, 0.7f) + 1, dir = ui->rtl ? -1 : 1;
            draw_line(&ui->dl, (Point){ c.x - a * dir, c.y }, (Point){ c.x + a * dir, c.y }, lw, ink);
            draw_line(&ui->dl, (Point){ c.x - a * dir, c.y }, (Point){ c.x - a * dir / 2 * 2 + a / 2 * dir, c.y - a / 2 }, lw, ink);
            draw_line(&ui->dl, (Point){ c.x - a * dir, c.y }, (Point){ c.x - a * dir / 2 * 2 + a / 2 * dir, c.y + a / 2 }, lw, ink);
        } else {
            ui_text(ui, r, ok ? FONT_BOLD : FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, ink,
                    labels[i]);
        }
        ui_widget(ui, ids[i], r, rect_center(r), enabled ? GRAB_TAP : 0);
    }
}

static FlowOut pin_submit(FlowState *f)
{
    PinPad *p = &f->pin;
    if (p->purpose == PIN_FOR_SETUP || p->purpose == PIN_FOR_CHANGE) {
        if (!p->confirming) {
            memcpy(p->first, p->digits, sizeof p->first);
            p->confirming = true;
            p->n = 0;
            p->digits[0] = '\0';
            p->msg[0] = '\0';
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        if (strcmp(p->first, p->digits) != 0) {
            PinFor purpose = p->purpose;
            flow_ask_pin(f, purpose);
            snprintf(p->msg, sizeof p->msg, "%s", N_("Twee keer een andere pincode. Begin opnieuw."));
            p->msg_bad = true;
            return (FlowOut){ .act = FLOW_REDRAW, .pin_for = purpose };
        }
    }
    return (FlowOut){ .act = FLOW_PIN, .pin_for = p->purpose, .pin = p->digits };
}

static FlowOut pin_gesture(FlowState *f, const Gesture *ev)
{
    PinPad *p = &f->pin;
    if (ev->kind != GESTURE_TAP)
        return (FlowOut){ .act = FLOW_NOTHING };
    const char *id = ev->widget;
    if (!strcmp(id, "pin-cancel") && pin_can_cancel(f)) {
        clear_pin(p);
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    if (!strcmp(id, "pin:back")) {
        if (p->n > 0)
            p->digits[--p->n] = '\0';
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    if (!strcmp(id, "pin:ok"))
        return p->n >= 6 ? pin_submit(f) : (FlowOut){ .act = FLOW_NOTHING };
    if (!strncmp(id, "pin:", 4) && id[4] >= '0' && id[4] <= '9' && !id[5] && p->n < PINPAD_MAX) {
        p->digits[p->n++] = id[4];
        p->digits[p->n] = '\0';
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    return (FlowOut){ .act = FLOW_NOTHING };
}

void flow_pin_result(FlowState *f, bool ok, const char *said)
{
    PinFor purpose = f->pin.purpose;
    if (ok) {
        clear_pin(&f->pin);
        return;
    }
    bool setting = purpose == PIN_FOR_SETUP || purpose == PIN_FOR_CHANGE;
    if (setting) /* the PIN was refused as a new PIN: start again */
        flow_ask_pin(f, purpose);
    else
        memset(f->pin.digits, 0, sizeof f->pin.digits), f->pin.n = 0;
    snprintf(f->pin.msg, sizeof f->pin.msg, "%s", said ? said : "");
    f->pin.msg_bad = true;
}

/* ------------------------------------------------------------------ */
/* The step bar                                                         */
/* ------------------------------------------------------------------ */

/* The width of one step's button in the bar. */
static int step_width(const Ui *ui, int tail)
{
    Geo G = geo(ui);
    return (ui->w - tail - G.pad * 3 / 2) / STEP_COUNT;
}

static int bar_icon(const Geo *G)
{
    return G->target + G->pad / 2;
}

/* True when a step's label does not fit on one line of its button: the
 * labels then take two. */
static bool bar_two_lines(const Ui *ui)
{
    Geo G = geo(ui);
    int room = step_width(ui, bar_icon(&G) * 3 + G.pad * 3) - 4;
    for (int s = 0; s < STEP_COUNT; s++)
        if (ui_text_width(ui, FONT_SMALL, ui_tr(ui, step_label(s))) > room)
            return true;
    return false;
}

int flow_bar_height(const Ui *ui)
{
    Geo G = geo(ui);
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
        ui_text(ui, (Rect){ r.x, r.y, r.w, sh }, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, c, label);
        return;
    }
    char first[128];
    snprintf(first, sizeof first, "%.*s", (int)cut, label);
    ui_text(ui, (Rect){ r.x, r.y, r.w, sh }, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, c, first);
    ui_text(ui, (Rect){ r.x, r.y + sh, r.w, sh }, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, c,
            label + cut + 1);
}

static void draw_undo_icon(Ui *ui, Rect box, Color c, bool redo)
{
    /* a curved arrow: three quarters of a circle and an arrow head */
    int r = box.h * 30 / 100, th = ui_px(ui, 0.7f) + 1;
    Point m = { box.x + box.w / 2, box.y + box.h / 2 + r / 4 };
    draw_arc(&ui->dl, m, r - th, r, 18000, 36000, c); /* the upper half */
    int hx = (redo != ui->rtl) ? m.x + r - th / 2 : m.x - r + th / 2;
    int head = r * 6 / 10;
    draw_line(&ui->dl, (Point){ hx, m.y + 1 }, (Point){ hx - head, m.y - head }, th, c);
    draw_line(&ui->dl, (Point){ hx, m.y + 1 }, (Point){ hx + head, m.y - head }, th, c);
}

static void bar_draw(Ui *ui, FlowState *f, const Plan *plan, const FlowView *view)
{
    const Theme *t = ui->theme;
    Geo G = geo(ui);
    int h = flow_bar_height(ui);
    draw_rect(&ui->dl, (Rect){ 0, 0, ui->w, h }, 0, t->panel);
    draw_rect(&ui->dl, (Rect){ 0, h - 1, ui->w, 1 }, 0, t->line);
    int bh = h - G.pad;
    int y = G.pad / 2;
    /* at the end: undo, redo, and the facilitator (or, in family time,
     * the button that calls them back) */
    int icon = bar_icon(&G);
    int call_w = f->family_time
                     ? G.pad + ui_text_width(ui, FONT_SMALL, ui_tr(ui, "Coördinator"))
                     : icon;
    int tail = icon * 2 + call_w + G.pad * 3;
    int x = ui->rtl ? tail + G.pad : G.pad / 2;
    int sw = step_width(ui, tail);
    for (int s = 0; s < STEP_COUNT; s++) {
        int i = ui->rtl ? STEP_COUNT - 1 - s : s;
        Rect r = { x + i * sw, y, sw - 2, bh };
        bool on = f->step == s;
        if (on)
            draw_rect(&ui->dl, r, G.radius, t->accent);
        Color ink = on ? t->card : t->ink;
        ui_text(ui, (Rect){ r.x, r.y + G.pad / 4, r.w, G.lh }, FONT_BODY,
                ALIGN_CENTER | ALIGN_MIDDLE, ink, step_picto(s));
        step_label_draw(ui, (Rect){ r.x + 2, r.y + G.pad / 4 + G.lh, r.w - 4, r.h - G.pad / 4 - G.lh },
                        G.sh, on ? t->card : t->ink_soft, ui_tr(ui, step_label(s)));
        const char *gaps[FLOW_GAPS_MAX];
        if (step_gaps(plan, s, gaps, FLOW_GAPS_MAX) > 0) { /* still empty parts: a soft dot */
            int dr = ui_px(ui, 1.1f);
            Point d = { r.x + r.w / 2 + G.lh * 3 / 4, r.y + G.pad / 4 + G.lh / 4 };
            draw_disc(&ui->dl, d, dr + 1, on ? t->accent : t->panel);
            draw_disc(&ui->dl, d, dr, ui->theme->mark);
        }
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "step:%s", step_key(s));
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
    }
    int tx = ui->rtl ? G.pad / 2 : ui->w - tail;
    int iy = (h - icon) / 2; /* the square buttons, in the middle of the bar */
    Rect undo = { tx, iy, icon, icon }, redo = { tx + icon + G.pad / 2, iy, icon, icon };
    Rect fac = { redo.x + icon + G.pad * 3 / 2, f->family_time ? y : iy, call_w,
                 f->family_time ? bh : icon };
    if (ui->rtl) {
        fac.x = G.pad / 2;
        redo.x = fac.x + call_w + G.pad * 3 / 2;
        undo.x = redo.x + icon + G.pad / 2;
    }
    struct { Rect r; const char *id; bool on, redo; } ur[2] = {
        { undo, "undo", view->can_undo, false }, { redo, "redo", view->can_redo, true } };
    for (int i = 0; i < 2; i++) {
        Color c = ur[i].on ? t->accent : t->disabled;
        draw_rect(&ui->dl, ur[i].r, G.radius, t->card);
        draw_frame(&ui->dl, ur[i].r, G.radius, ui_px(ui, 0.5f), c);
        draw_undo_icon(ui, ur[i].r, c, ur[i].redo);
        ui_widget(ui, ur[i].id, ur[i].r, rect_center(ur[i].r), ur[i].on ? GRAB_TAP : 0);
    }
    if (f->family_time) {
        /* as the steps: a pictogram over a word, but in the accent colour */
        draw_rect(&ui->dl, fac, G.radius, t->accent);
        ui_text(ui, (Rect){ fac.x, fac.y + G.pad / 4, fac.w, G.lh }, FONT_BODY,
                ALIGN_CENTER | ALIGN_MIDDLE, t->card, "\xF0\x9F\x94\x94"); /* 🔔 */
        ui_text(ui, (Rect){ fac.x + 2, fac.y + G.pad / 4 + G.lh, fac.w - 4, G.sh }, FONT_SMALL,
                ALIGN_CENTER | ALIGN_MIDDLE, t->card, ui_tr(ui, "Coördinator"));
        ui_widget(ui, "call-back", fac, rect_center(fac), GRAB_TAP);
    } else {
        draw_rect(&ui->dl, fac, G.radius, t->card);
        draw_frame(&ui->dl, fac, G.radius, ui_px(ui, 0.5f), t->line);
        ui_text(ui, fac, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\x94\x91"); /* 🔑 */
        ui_widget(ui, "coordinator", fac, rect_center(fac), GRAB_TAP);
    }
}

/* ------------------------------------------------------------------ */
/* The start screen and its panels                                      */
/* ------------------------------------------------------------------ */

/* Kring's sign: three rings in the sectors' colours around a dot. */
static void sign(Ui *ui, Point c, int r)
{
    const Theme *t = ui->theme;
    for (int i = 0; i < 3; i++) {
        int rr = r * (3 - i) / 3, w = r / 9;
        for (int s = 0; s < SECTOR_COUNT; s++)
            draw_arc(&ui->dl, c, rr - w, rr, s * 9000 + 600, s * 9000 + 8400,
                     i == 0 ? t->sector_tint[s] : i == 1 ? t->sector[s] : t->sector_tint[s]);
    }
    draw_disc(&ui->dl, c, r / 6, t->accent);
}

/* The very first start: the PIN is being chosen on the start screen. The
 * language button then lies over the PIN pad (flow_draw), not under it. */
static bool at_first_start(const FlowState *f)
{
    return f->screen == SCREEN_START && f->pin.purpose == PIN_FOR_SETUP;
}

int flow_language_width(const Ui *ui)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm), target = ui_px(ui, t->target_mm);
    int w = target + pad * 2 + ui_text_width(ui, FONT_BOLD, "Nederlands");
    return w;
}

void flow_language_button(Ui *ui, Rect r)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm);
    const char *name = ui->language_name ? ui->language_name : "";
    draw_rect(&ui->dl, r, r.h / 2, t->card);
    draw_frame(&ui->dl, r, r.h / 2, ui_px(ui, 0.4f), t->line);
    Rect globe = { ui->rtl ? r.x + r.w - r.h : r.x, r.y, r.h, r.h };
    ui_text(ui, globe, FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\x8C\x90"); /* 🌐 */
    Rect words = { ui->rtl ? r.x + pad : r.x + r.h, r.y, r.w - r.h - pad, r.h };
    ui_text(ui, words, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->ink, name);
    ui_widget(ui, "language", r, rect_center(r), GRAB_TAP);
}

/* The language button in the start screen's top corner. */
static void language_corner(Ui *ui, const Geo *G)
{
    int gw = flow_language_width(ui);
    flow_language_button(ui, (Rect){ ui->rtl ? G->pad : ui->w - G->pad - gw, G->pad, gw, G->target });
}

static void start_draw(Ui *ui, FlowState *f, const FlowView *view)
{
    const Theme *t = ui->theme;
    Geo G = geo(ui);
    draw_rect(&ui->dl, (Rect){ 0, 0, ui->w, ui->h }, 0, t->bg);
    bool wide = ui->w > ui->h * 5 / 4;
    int bw = ui_px(ui, 110), bh = G.target * 3 / 2;
    if (bw > ui->w - 4 * G.pad)
        bw = ui->w - 4 * G.pad;
    int r = ui->h / 5;
    Point c;
    Rect col;
    if (wide) {
        c = (Point){ ui->w * 3 / 10, ui->h / 2 - G.th };
        col = (Rect){ ui->w * 55 / 100, 0, bw, 0 };
        if (ui->rtl) {
            c.x = ui->w - c.x;
            col.x = ui->w * 45 / 100 - bw;
        }
    } else {
        c = (Point){ ui->w / 2, ui->h / 4 };
        col = (Rect){ (ui->w - bw) / 2, 0, bw, 0 };
    }
    sign(ui, c, r);
    ui_text(ui, (Rect){ c.x - r * 2, c.y + r + G.pad, r * 4, G.th }, FONT_TITLE,
            ALIGN_CENTER, t->ink, "Kring");
    ui_text(ui, (Rect){ c.x - r * 3, c.y + r + G.pad + G.th, r * 6, G.lh }, FONT_BODY,
            ALIGN_CENTER, t->ink_soft, ui_tr(ui, "Samen een plan voor de familie"));
    int total = bh * 3 + G.pad * 2 * 2;
    int y = wide ? (ui->h - total) / 2 : c.y + r + G.pad * 3 + G.th + G.lh;
    big_button(ui, &G, "new-meeting", (Rect){ col.x, y, bw, bh }, "\xE2\x9E\x95",
               ui_tr(ui, "Nieuw gesprek"), true, view->pin_set); /* ➕ */
    y += bh + G.pad * 2;
    big_button(ui, &G, "continue-meeting", (Rect){ col.x, y, bw, bh }, "\xF0\x9F\x93\x82",
               ui_tr(ui, "Verder met een gesprek"), false, view->pin_set); /* 📂 */
    y += bh + G.pad * 2;
    big_button(ui, &G, "settings", (Rect){ col.x, y, bw, bh }, "\xE2\x9A\x99\xEF\xB8\x8F",
               ui_tr(ui, "Instellingen"), false, view->pin_set); /* ⚙️ */
    /* leaving the kiosk: small, in the corner */
    int lw = G.target + G.pad * 2 + ui_text_width(ui, FONT_SMALL, ui_tr(ui, "Kring afsluiten"));
    Rect leave = { ui->rtl ? G.pad : ui->w - G.pad - lw, ui->h - G.pad - G.target, lw, G.target };
    draw_frame(&ui->dl, leave, G.radius, ui_px(ui, 0.35f), t->line);
    ui_text(ui, leave, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft,
            ui_tr(ui, "Kring afsluiten"));
    ui_widget(ui, "leave", leave, rect_center(leave), view->pin_set ? GRAB_TAP : 0);
    /* the language, for anyone: in the other top corner */
    if (!at_first_start(f))
        language_corner(ui, &G);
    if (view->kept_words && view->kept_words[0]) { /* what is kept, never whose */
        int kw = ui->w - lw - 4 * G.pad;
        Rect k = { ui->rtl ? leave.x + lw + G.pad : G.pad * 2, ui->h - G.pad - G.sh * 2, kw, G.sh * 2 };
        ui_wrap(ui, k, FONT_SMALL, t->ink_soft, view->kept_words, 2, true);
        ui_widget(ui, "kept", k, (Point){ k.x + 1, k.y + 1 }, 0);
    }
    (void)f;
}

/* A list's rows: two lines high when any row has a note. */
static int list_row_height(const Geo *G, const FlowList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->note[i][0])
            return G->lh + G->sh + G->pad;
    return G->target + G->pad / 2;
}

/* A list of choices on a panel, as large rows. */
static int list_rows(Ui *ui, const Geo *G, Rect in, int y, const FlowList *l, const char *prefix,
                     int first_index)
{
    const Theme *t = ui->theme;
    int rh = list_row_height(G, l);
    for (int i = 0; i < l->n && y + rh <= in.y + in.h; i++) {
        Rect r = { in.x, y, in.w, rh - G->pad / 3 };
        bool chosen = l->chosen == i;
        draw_rect(&ui->dl, r, G->radius / 2, chosen ? t->sector_tint[1] : t->card);
        draw_frame(&ui->dl, r, G->radius / 2, ui_px(ui, chosen ? 0.7f : 0.35f),
                   chosen ? t->accent : t->line);
        /* the words, and a note under them */
        int al = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
        bool note = l->note[i][0] != '\0';
        int top = r.y + (r.h - G->lh - (note ? G->sh : 0)) / 2;
        ui_text(ui, (Rect){ r.x + G->pad, top, r.w - 2 * G->pad, G->lh }, FONT_BOLD, al | ALIGN_MIDDLE,
                t->ink, l->text[i]);
        if (note)
            ui_text(ui, (Rect){ r.x + G->pad, top + G->lh, r.w - 2 * G->pad, G->sh }, FONT_SMALL,
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

static void panel_draw(Ui *ui, FlowState *f, const FlowView *view)
{
    const Theme *t = ui->theme;
    Geo G = geo(ui);
    int w = ui_px(ui, 150);
    Rect in;
    int y;
    switch (f->panel) {
    case PANEL_NEW: {
        in = overlay(ui, &G, w, G.th * 2 + G.target * 5 / 4 + G.sh + G.pad * 7 +
                                    view->plans.n * list_row_height(&G, &view->plans));
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, ui_tr(ui, "Nieuw gesprek"), G.target + G.pad) + G.pad;
        big_button(ui, &G, "plan:0", (Rect){ in.x, y, in.w, G.target * 5 / 4 }, "\xF0\x9F\x93\x84",
                   ui_tr(ui, "Een leeg plan"), true, true); /* 📄 */
        y += G.target * 5 / 4 + G.pad * 2;
        if (view->plans.n) {
            ui_text(ui, (Rect){ in.x, y, in.w, G.sh }, FONT_SMALL, ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT,
                    t->ink_soft, ui_tr(ui, "Of begin met een voorbereid plan:"));
            y += G.sh + G.pad / 2;
            list_rows(ui, &G, in, y, &view->plans, "plan", 1);
        }
        break;
    }
    case PANEL_CONTINUE:
        in = overlay(ui, &G, w, G.th * 2 + G.pad * 5 + (view->meetings.n ? 0 : G.lh * 3) +
                                    view->meetings.n * list_row_height(&G, &view->meetings));
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, ui_tr(ui, "Verder met een gesprek"), G.target + G.pad) + G.pad;
        if (!view->meetings.n)
            ui_wrap(ui, (Rect){ in.x, y, in.w, G.lh * 3 }, FONT_BODY, t->ink_soft,
                    ui_tr(ui, "Er zijn geen bewaarde gesprekken."), 3, true);
        list_rows(ui, &G, in, y, &view->meetings, "meeting", 0);
        break;
    case PANEL_SETTINGS: {
        /* the language, the screen's turn and the PIN on one side; the
         * printer and how long things stay on the other */
        enum { PRINTERS_SHOWN = 3 };
        int lrh = list_row_height(&G, &view->languages), prh = list_row_height(&G, &view->printers);
        int np = view->printers.n < PRINTERS_SHOWN ? view->printers.n : PRINTERS_SHOWN;
        int choice_h = 2 * G.lh + G.pad / 2 + G.target + G.pad; /* a title of two lines at most */
        int left_h = G.lh + G.pad / 2 + view->languages.n * lrh + G.pad + choice_h + G.target;
        int right_h = G.lh + G.pad / 2 + np * prh + G.pad + 2 * choice_h;
        int body = left_h > right_h ? left_h : right_h;
        in = overlay(ui, &G, ui_px(ui, 190), G.th * 2 + G.sh + G.pad * 5 + body);
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, ui_tr(ui, "Instellingen"), G.target + G.pad) + G.pad / 2;
        if (view->settings_said) {
            ui_text(ui, (Rect){ in.x, y, in.w - G.target, G.sh }, FONT_SMALL,
                    ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT, t->present, view->settings_said);
            ui_widget(ui, "settings-said", (Rect){ in.x, y, in.w, G.sh }, (Point){ in.x + 1, y + 1 }, 0);
        }
        y += G.sh + G.pad / 2;
        int cw = (in.w - G.pad * 2) / 2;
        Rect left = { in.x, y, cw, in.y + in.h - y }, right = { in.x + cw + G.pad * 2, y, cw, left.h };
        if (ui->rtl) {
            Rect tmp = left;
            left = right;
            right = tmp;
        }
        int al = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
        ui_text(ui, (Rect){ left.x, y, cw, G.lh }, FONT_BOLD, al, t->ink,
                ui_tr(ui, "Taal als Kring begint"));
        int ly = list_rows(ui, &G, (Rect){ left.x, y + G.lh + G.pad / 2, cw, left.h }, y + G.lh + G.pad / 2,
                           &view->languages, "language", 0);
        ly += G.pad;
        ui_text(ui, (Rect){ right.x, y, cw, G.lh }, FONT_BOLD, al, t->ink, ui_tr(ui, "Printer"));
        int ry = y + G.lh + G.pad / 2;
        list_rows(ui, &G, (Rect){ right.x, ry, cw, np * prh }, ry, &view->printers, "printer", 0);
        ry += np * prh + G.pad;
        /* rows of four choices: the screen's turn, how long kept meetings
         * stay, how long untouched before the plan is covered */
        static const int turns[4] = { 0, 90, 180, 270 }, days[4] = { 30, 60, 120, 365 },
                         minutes[4] = { 5, 10, 20, 30 };
        const struct { const char *title, *id, *unit; const int *v; int now; } rows[3] = {
            { N_("Scherm draaien"), "rotation", "\xC2\xB0", turns, view->rotation },
            { N_("Bewaren na het gesprek (dagen)"), "retention", "", days, view->retention_days },
            { N_("Afdekken als niemand iets doet (minuten)"), "cover", "", minutes, view->cover_minutes },
        };
        int tw = (cw - G.pad / 2 * 3) / 4;
        for (int k = 0; k < 3; k++) {
            Rect side = k == 0 ? left : right;
            int *at = k == 0 ? &ly : &ry;
            int wrote = ui_wrap(ui, (Rect){ side.x, *at, cw, 2 * G.lh }, FONT_BOLD, t->ink,
                                ui_tr(ui, rows[k].title), 2, true);
            *at += wrote + G.pad / 2;
            for (int i = 0; i < 4; i++) {
                int col = ui->rtl ? 3 - i : i;
                Rect r = { side.x + col * (tw + G.pad / 2), *at, tw, G.target };
                bool on = rows[k].now == rows[k].v[i];
                draw_rect(&ui->dl, r, G.target / 2, on ? t->accent : t->card);
                draw_frame(&ui->dl, r, G.target / 2, ui_px(ui, 0.4f), on ? t->accent : t->line);
                char label[24], id[UI_ID_LEN];
                snprintf(label, sizeof label, "%d%s", rows[k].v[i], rows[k].unit);
                ui_text(ui, r, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, on ? t->card : t->ink, label);
                snprintf(id, sizeof id, "%s:%d", rows[k].id, rows[k].v[i]);
                ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
            }
            *at += G.target + G.pad;
        }
        big_button(ui, &G, "change-pin", (Rect){ left.x, ly, cw, G.target }, "\xF0\x9F\x94\x91",
                   ui_tr(ui, "Pincode veranderen"), false, true);
        break;
    }
    case PANEL_MENU: {
        in = overlay(ui, &G, ui_px(ui, 130), G.th * 2 + G.pad * 5 + 4 * (G.target * 5 / 4 + G.pad));
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, ui_tr(ui, "Coördinator"), G.target + G.pad) + G.pad;
        int bh = G.target * 5 / 4, gap = G.pad;
        struct { const char *id, *picto, *label; bool primary; } items[] = {
            { "family-time", "\xF0\x9F\x8F\xA1", N_("Familietijd: de familie werkt alleen"), true }, /* 🏡 */
            { "menu-settings", "\xE2\x9A\x99\xEF\xB8\x8F", "Instellingen", false },            /* ⚙️ */
            { "keep-meeting", "\xE2\x8F\xB8\xEF\xB8\x8F", N_("Bewaren en stoppen"), false },        /* ⏸️ */
            { "close-meeting", "\xF0\x9F\x97\x91\xEF\xB8\x8F", N_("Gesprek afsluiten en wissen"), false }, /* 🗑️ */
        };
        for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
            big_button(ui, &G, items[i].id, (Rect){ in.x, y, in.w, bh }, items[i].picto,
                       ui_tr(ui, items[i].label), items[i].primary, true);
            y += bh + gap;
        }
        break;
    }
    case PANEL_LANGUAGE: {
        int lrh = list_row_height(&G, &view->languages);
        in = overlay(ui, &G, ui_px(ui, 110), G.target + G.pad * 4 + view->languages.n * lrh);
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, "\xF0\x9F\x8C\x90 " /* 🌐 */, G.target + G.pad) + G.pad;
        FlowList now = view->languages; /* each in its own name; the one on screen marked */
        now.chosen = view->language_now;
        list_rows(ui, &G, in, y, &now, "talk", 0);
        break;
    }
    case PANEL_CALLED: {
        const char *words = ui_tr(ui, "Haal de coördinator erbij. De coördinator tikt hieronder de "
                                      "pincode in.");
        int pw = ui_px(ui, 140) < ui->w - 2 * G.pad ? ui_px(ui, 140) : ui->w - 2 * G.pad;
        int bh = ui_wrap(ui, (Rect){ 0, 0, pw - G.pad * 3, G.lh * 4 }, FONT_BODY, t->ink, words, 4, false);
        in = overlay(ui, &G, pw, G.th * 2 + G.pad * 4 + bh + G.target * 5 / 4 + G.pad * 3);
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, ui_tr(ui, "Klaar met de familietijd?"), G.target + G.pad);
        y += G.pad;
        y += ui_wrap(ui, (Rect){ in.x, y, in.w, G.lh * 4 }, FONT_BODY, t->ink, words, 4, true);
        y += G.pad * 2;
        big_button(ui, &G, "return", (Rect){ in.x, y, in.w, G.target * 5 / 4 }, "\xF0\x9F\x94\x91",
                   ui_tr(ui, "Coördinator: terugkomen"), true, true);
        break;
    }
    case PANEL_CLOSE: {
        const char *words = ui_tr(ui, "Het plan wordt van dit apparaat gewist en is niet terug te "
                                      "halen. Is het geprint of gedeeld?");
        int pw = ui_px(ui, 140) < ui->w - 2 * G.pad ? ui_px(ui, 140) : ui->w - 2 * G.pad;
        int bh = ui_wrap(ui, (Rect){ 0, 0, pw - G.pad * 3, G.lh * 4 }, FONT_BODY, t->ink, words, 4, false);
        in = overlay(ui, &G, pw, G.th * 2 + G.pad * 5 + bh + G.target * 5 / 4 + G.pad * 3);
        close_button(ui, &G, "panel-close", in);
        y = title_in(ui, &G, in, in.y, ui_tr(ui, "Gesprek afsluiten?"), G.target + G.pad) + G.pad;
        y += ui_wrap(ui, (Rect){ in.x, y, in.w, G.lh * 4 }, FONT_BODY, t->ink, words, 4, true);
        y += G.pad * 2;
        int bw = (in.w - G.pad) / 2;
        Rect no = { in.x, y, bw, G.target * 5 / 4 }, yes = { in.x + bw + G.pad, y, bw, G.target * 5 / 4 };
        if (ui->rtl) {
            no.x = yes.x;
            yes.x = in.x;
        }
        big_button(ui, &G, "close-no", no, NULL, ui_tr(ui, "Nee, terug"), true, true);
        big_button(ui, &G, "close-yes", yes, NULL, ui_tr(ui, "Ja, wissen"), false, true);
        break;
    }
    case PANEL_NONE:
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */

/* A message over everything that waits for the facilitator's OK. */
/* The plan covered: nothing of it on screen, a way back for the family and
 * one for the facilitator. */
static void cover_draw(Ui *ui)
{
    const Theme *t = ui->theme;
    Geo G = geo(ui);
    draw_rect(&ui->dl, (Rect){ 0, 0, ui->w, ui->h }, 0, t->bg);
    ui_widget(ui, "cover", (Rect){ 0, 0, ui->w, ui->h }, (Point){ 2, 2 }, 0);
    int r = ui->h / 7;
    Point c = { ui->w / 2, ui->h / 4 };
    sign(ui, c, r);
    int w = ui_px(ui, 150) < ui->w - 4 * G.pad ? ui_px(ui, 150) : ui->w - 4 * G.pad;
    int x = (ui->w - w) / 2, y = c.y + r + G.pad * 2;
    ui_text(ui, (Rect){ x, y, w, G.th }, FONT_TITLE, ALIGN_CENTER, t->ink,
            ui_tr(ui, "Het plan is even afgedekt"));
    y += G.th + G.pad / 2;
    y += ui_wrap(ui, (Rect){ x, y, w, G.lh * 3 }, FONT_BODY, t->ink_soft,
                 ui_tr(ui, "Niemand raakte het scherm een tijd aan. Zo leest niemand mee die "
                           "langsloopt."), 3, true);
    y += G.pad * 2;
    int bh = G.target * 3 / 2;
    big_button(ui, &G, "uncover", (Rect){ x, y, w, bh }, "\xF0\x9F\x91\x8B", /* 👋 */
               ui_tr(ui, "Wij zijn er nog: verder"), true, true);
    y += bh + G.pad;
    big_button(ui, &G, "uncover-pin", (Rect){ x, y, w, G.target }, "\xF0\x9F\x94\x91",
               ui_tr(ui, "Coördinator"), false, true);
}

static void notice_draw(Ui *ui, const char *text)
{
    const Theme *t = ui->theme;
    Geo G = geo(ui);
    const Geo *L = &G;
    Rect all = { 0, 0, ui->w, ui->h };
    draw_rect(&ui->dl, all, 0, 0x2A263099);
    ui_widget(ui, "notice", all, rect_center(all), GRAB_TAP | GRAB_DRAG);
    int w = ui->w * 2 / 3 < ui_px(ui, 80) ? ui_px(ui, 80) : ui->w * 2 / 3 > ui_px(ui, 180) ? ui_px(ui, 180) : ui->w * 2 / 3;
    if (w > ui->w - 2 * L->pad)
        w = ui->w - 2 * L->pad;
    Rect inner = { 0, 0, w - 4 * L->pad, 0 };
    int text_h = ui_wrap(ui, inner, FONT_BODY, t->ink, text, 8, false);
    int h = L->pad * 2 + text_h + L->pad + L->target + L->pad * 2;
    Rect card = { (ui->w - w) / 2, (ui->h - h) / 2, w, h };
    draw_rect(&ui->dl, card, L->radius, t->panel);
    draw_frame(&ui->dl, card, L->radius, ui_px(ui, 0.8f), t->accent);
    ui_wrap(ui, (Rect){ card.x + 2 * L->pad, card.y + L->pad * 2, w - 4 * L->pad, text_h },
            FONT_BODY, t->ink, text, 8, true);
    int bw = L->target * 2;
    Rect ok = { card.x + (card.w - bw) / 2, card.y + card.h - L->pad * 2 - L->target, bw,
                L->target };
    draw_rect(&ui->dl, ok, L->radius, t->accent);
    ui_text(ui, ok, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->card, ui_tr(ui, "OK"));
    ui_widget(ui, "notice-ok", ok, rect_center(ok), GRAB_TAP);
}

static void problem_draw(Ui *ui, const char *text)
{
    Geo G = geo(ui);
    Rect bar = { G.pad * 2, ui->h - G.lh * 2 - G.pad * 2, ui->w - 4 * G.pad, G.lh * 2 };
    draw_rect(&ui->dl, bar, G.radius / 2, ui->theme->problem);
    ui_text(ui, rect_inset(bar, G.pad / 2), FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE, 0xFFFFFFFF, text);
    ui_widget(ui, "problem", bar, rect_center(bar), 0);
}

static bool on_board(const FlowState *f)
{
    return f->step == STEP_NETWORK || f->step == STEP_GOALS;
}

void flow_draw(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g, const FlowView *view)
{
    if (f->covered) {
        cover_draw(ui);
        if (f->pin.purpose)
            pin_draw(ui, &f->pin, pin_can_cancel(f));
        return;
    }
    if (f->screen == SCREEN_START) {
        start_draw(ui, f, view);
    } else {
        int top = flow_bar_height(ui);
        if (on_board(f)) {
            /* the bar first, into the still background the board caches:
             * dragging cards does not redraw it */
            bar_draw(ui, f, plan, view);
            board_draw(ui, &f->board, plan, g, top);
        } else if (f->step == STEP_SHARE) {
            share_view_draw(ui, &f->board.share, plan, view->printing, view->print_words, view->now,
                            top);
        } else {
            pages_draw(ui, f, plan, g, view, top);
        }
        /* elsewhere the bar last: it lies over a page that scrolls beneath
         * it; but not over the typing view, which takes the whole screen */
        if (!on_board(f) && !f->page.typing) {
            bar_draw(ui, f, plan, view);
            if (f->page.support_for) /* the support picker lies over the bar too */
                pages_draw_over(ui, f, plan, view);
        }
    }
    bool first_start = at_first_start(f);
    if (f->panel && !first_start)
        panel_draw(ui, f, view);
    if (f->pin.purpose)
        pin_draw(ui, &f->pin, pin_can_cancel(f));
    if (first_start) { /* the very first screen: its language can be chosen too */
        Geo G = geo(ui);
        language_corner(ui, &G);
        if (f->panel == PANEL_LANGUAGE)
            panel_draw(ui, f, view);
    }
    if (view->problem)
        problem_draw(ui, view->problem);
    if (view->notice)
        notice_draw(ui, view->notice);
}

/* ------------------------------------------------------------------ */
/* Gestures                                                             */
/* ------------------------------------------------------------------ */

static FlowOut from_board(FlowState *f, BoardResult r, const Edit *edit)
{
    FlowOut o = { .act = FLOW_NOTHING };
    switch (r) {
    case BOARD_NOTHING: break;
    case BOARD_REDRAW: o.act = FLOW_REDRAW; break;
    case BOARD_EDIT: o.act = FLOW_EDIT; o.edit = *edit; break;
    }
    (void)f;
    return o;
}

static FlowOut panel_gesture(FlowState *f, const Gesture *ev, const FlowView *view)
{
    FlowOut o = { .act = FLOW_NOTHING };
    if (ev->kind != GESTURE_TAP)
        return o;
    const char *id = ev->widget;
    int i;
    if (!strcmp(id, "panel-close")) {
        f->panel = PANEL_NONE;
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    switch (f->panel) {
    case PANEL_NEW:
        if (sscanf(id, "plan:%d", &i) == 1 && i >= 0 && i <= view->plans.n) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_NEW, .index = i };
        }
        break;
    case PANEL_CONTINUE:
        if (sscanf(id, "meeting:%d", &i) == 1 && i >= 0 && i < view->meetings.n) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_CONTINUE, .index = i };
        }
        break;
    case PANEL_SETTINGS:
        if (!strcmp(id, "printer-default"))
            return (FlowOut){ .act = FLOW_PRINTER, .index = 0 };
        for (i = 1; i < view->printers.n; i++)
            if (!strncmp(id, "printer:", 8) && !strcmp(id + 8, view->printers.text[i]))
                return (FlowOut){ .act = FLOW_PRINTER, .index = i };
        if (sscanf(id, "language:%d", &i) == 1 && i >= 0 && i < view->languages.n)
            return (FlowOut){ .act = FLOW_LANGUAGE, .index = i };
        if (sscanf(id, "rotation:%d", &i) == 1 && i >= 0 && i <= 270 && i % 90 == 0)
            return (FlowOut){ .act = FLOW_ROTATION, .index = i / 90 };
        if (sscanf(id, "retention:%d", &i) == 1 && i > 0)
            return (FlowOut){ .act = FLOW_RETENTION, .index = i };
        if (sscanf(id, "cover:%d", &i) == 1 && i > 0)
            return (FlowOut){ .act = FLOW_COVER, .index = i };
        if (!strcmp(id, "change-pin")) {
            flow_ask_pin(f, PIN_FOR_CHANGE);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        break;
    case PANEL_MENU:
        if (!strcmp(id, "family-time")) {
            f->panel = PANEL_NONE;
            f->family_time = true;
            f->conditions_open = false;
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        if (!strcmp(id, "menu-settings")) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_SETTINGS };
        }
        if (!strcmp(id, "keep-meeting")) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_KEEP };
        }
        if (!strcmp(id, "close-meeting")) {
            f->panel = PANEL_CLOSE;
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        break;
    case PANEL_CLOSE:
        if (!strcmp(id, "close-no")) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        if (!strcmp(id, "close-yes")) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_CLOSE };
        }
        break;
    case PANEL_LANGUAGE:
        if (sscanf(id, "talk:%d", &i) == 1 && i >= 0 && i < view->languages.n) {
            f->panel = PANEL_NONE;
            return (FlowOut){ .act = FLOW_LANGUAGE_NOW, .index = i };
        }
        break;
    case PANEL_CALLED:
        if (!strcmp(id, "return")) {
            flow_ask_pin(f, PIN_FOR_RETURN);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        break;
    case PANEL_NONE:
        break;
    }
    return o;
}

static FlowOut start_gesture(FlowState *f, const Gesture *ev)
{
    if (ev->kind != GESTURE_TAP)
        return (FlowOut){ .act = FLOW_NOTHING };
    static const struct { const char *id; PinFor purpose; } asks[] = {
        { "new-meeting", PIN_FOR_NEW }, { "continue-meeting", PIN_FOR_CONTINUE },
        { "settings", PIN_FOR_SETTINGS }, { "leave", PIN_FOR_LEAVE },
    };
    for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++)
        if (!strcmp(ev->widget, asks[i].id)) {
            flow_ask_pin(f, asks[i].purpose);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
    return (FlowOut){ .act = FLOW_NOTHING };
}

FlowOut flow_gesture(Ui *ui, FlowState *f, const Plan *plan, const Gestures *g,
                     const Gesture *ev, const FlowView *view)
{
    if (view->notice)
        return ev->kind == GESTURE_TAP && !strcmp(ev->widget, "notice-ok")
                   ? (FlowOut){ .act = FLOW_DISMISS }
                   : (FlowOut){ .act = FLOW_NOTHING };
    bool first_start = at_first_start(f);
    if (first_start && f->panel == PANEL_LANGUAGE)
        return panel_gesture(f, ev, view);
    if (first_start && ev->kind == GESTURE_TAP && !strcmp(ev->widget, "language")) {
        f->panel = PANEL_LANGUAGE;
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    if (f->pin.purpose)
        return pin_gesture(f, ev);
    if (f->covered) {
        if (ev->kind == GESTURE_TAP && !strcmp(ev->widget, "uncover")) {
            f->covered = false;
            return (FlowOut){ .act = FLOW_UNCOVERED };
        }
        if (ev->kind == GESTURE_TAP && !strcmp(ev->widget, "uncover-pin")) {
            flow_ask_pin(f, PIN_FOR_UNCOVER);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        return (FlowOut){ .act = FLOW_NOTHING };
    }
    if (f->panel)
        return panel_gesture(f, ev, view);
    if (ev->kind == GESTURE_TAP && !strcmp(ev->widget, "language")) {
        f->panel = PANEL_LANGUAGE;
        return (FlowOut){ .act = FLOW_REDRAW };
    }
    if (f->screen == SCREEN_START)
        return start_gesture(f, ev);
    bool typing = f->page.typing || f->board.sheet.open || f->board.goals.open;
    if (!typing && ev->kind == GESTURE_TAP) {
        const char *id = ev->widget;
        if (!strncmp(id, "step:", 5)) {
            int s = step_from_key(id + 5);
            if (s >= 0 && s != f->step) {
                f->step = s;
                f->scale_pick = 0;
                f->board.selected = 0;
                if (s == STEP_SHARE)
                    share_view_open(&f->board.share);
                return (FlowOut){ .act = FLOW_REDRAW };
            }
            return (FlowOut){ .act = FLOW_NOTHING };
        }
        if (!strcmp(id, "undo"))
            return (FlowOut){ .act = FLOW_UNDO };
        if (!strcmp(id, "redo"))
            return (FlowOut){ .act = FLOW_REDO };
        if (!strcmp(id, "coordinator") && !f->family_time) {
            /* a meeting begun from the command line, before any PIN: choose one */
            flow_ask_pin(f, view->pin_set ? PIN_FOR_MENU : PIN_FOR_SETUP);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        if (!strcmp(id, "call-back") && f->family_time) {
            f->panel = PANEL_CALLED;
            return (FlowOut){ .act = FLOW_REDRAW };
        }
    }
    if (on_board(f)) {
        Edit edit;
        BoardResult r = board_gesture(ui, &f->board, plan, g, ev, &edit);
        return from_board(f, r, &edit);
    }
    if (f->step == STEP_SHARE) {
        ShareResult r = share_view_gesture(&f->board.share, plan, ev);
        return (FlowOut){ .act = r == SHARE_PRINT ? FLOW_PRINT
                                 : r == SHARE_REDRAW ? FLOW_REDRAW : FLOW_NOTHING };
    }
    return pages_gesture(ui, f, plan, g, ev, view);
}

FlowOut flow_text(FlowState *f, const char *text)
{
    if (f->pin.purpose) {
        FlowOut o = { .act = FLOW_NOTHING };
        for (const char *c = text; *c; c++)
            if (*c >= '0' && *c <= '9' && f->pin.n < PINPAD_MAX) {
                f->pin.digits[f->pin.n++] = *c;
                f->pin.digits[f->pin.n] = '\0';
                o.act = FLOW_REDRAW;
            }
        return o;
    }
    if (f->page.typing)
        return pages_text(f, text);
    Edit edit = { 0 };
    return from_board(f, board_text(&f->board, text), &edit);
}

FlowOut flow_key(FlowState *f, const Plan *plan, SheetKey key)
{
    if (f->pin.purpose) {
        if (key == SKEY_BACKSPACE && f->pin.n > 0) {
            f->pin.digits[--f->pin.n] = '\0';
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        if (key == SKEY_RETURN && f->pin.n >= 6)
            return pin_submit(f);
        if (key == SKEY_ESCAPE && pin_can_cancel(f)) {
            clear_pin(&f->pin);
            return (FlowOut){ .act = FLOW_REDRAW };
        }
        return (FlowOut){ .act = FLOW_NOTHING };
    }
    if (f->page.typing)
        return pages_key(f, plan, key);
    Edit edit;
    return from_board(f, board_key(&f->board, key, &edit), &edit);
}

void flow_edit_result(FlowState *f, const Plan *plan, EditResult r, const char *why)
{
    if (f->page.pending)
        pages_edit_result(f, plan, r, why);
    else
        board_edit_result(&f->board, plan, r, why);
}
