/* pinpad: the facilitator's PIN pad. */
#include "ui/screens/pinpad.h"

#include <stdio.h>
#include <string.h>

#include "core/pinrule.h"
#include "ui/kit.h"

/* The pad's widgets: "pin:0".."pin:9", "pin:back", "pin:ok". */
#define ID_KEY "pin"
#define ID_CANCEL "pin-cancel"
#define ID_DOTS "pin-dots"
#define ID_MESSAGE "pin-message"
#define ID_FORGOT "pin-forgot"
enum { KEY_BACK = 9, KEY_OK = 11 };
static const char *const key_ids[12] = {"pin:1", "pin:2", "pin:3", "pin:4",    "pin:5", "pin:6",
                                        "pin:7", "pin:8", "pin:9", "pin:back", "pin:0", "pin:ok"};

bool pinpad_checks(PinFor purpose)
{
    return purpose != PIN_FOR_NONE && purpose != PIN_FOR_SETUP && purpose != PIN_FOR_CHANGE &&
           purpose != PIN_FOR_RESET && purpose != PIN_FOR_RECOVER;
}

/* How many digits may be typed now. */
static int pinpad_room(const PinPad *p)
{
    return p->purpose == PIN_FOR_RECOVER ? PINPAD_RECOVERY : PIN_DIGITS_MAX;
}

void pinpad_clear(PinPad *p)
{
    memset(p, 0, sizeof *p);
}

void pinpad_ask(PinPad *p, PinFor purpose)
{
    pinpad_clear(p);
    p->purpose = purpose;
}

static const char *pin_question(const PinPad *p)
{
    switch (p->purpose) {
    case PIN_FOR_SETUP:
        return p->confirming ? N_("Typ dezelfde pincode nog een keer.")
                             : N_("Welkom bij Kring. Kies een pincode voor de coördinator: 6 "
                                  "cijfers of meer.");
    case PIN_FOR_CHANGE:
    case PIN_FOR_RESET:
        return p->confirming ? N_("Typ de nieuwe pincode nog een keer.")
                             : N_("Kies een nieuwe pincode: 6 cijfers of meer.");
    case PIN_FOR_RECOVER:
        return N_("Pincode vergeten: typ de herstelcode van papier, 20 cijfers.");
    case PIN_FOR_NEW:
        return N_("Pincode om een nieuw gesprek te beginnen");
    case PIN_FOR_CONTINUE:
        return N_("Pincode om verder te gaan met een gesprek");
    case PIN_FOR_SETTINGS:
        return N_("Pincode voor de instellingen");
    case PIN_FOR_LEAVE:
        return N_("Pincode om Kring af te sluiten");
    case PIN_FOR_MENU:
        return N_("Pincode van de coördinator");
    case PIN_FOR_FAMILY_TIME:
        return N_("Pincode om de familie alleen te laten werken");
    case PIN_FOR_RETURN:
        return N_("Pincode van de coördinator om terug te komen");
    case PIN_FOR_CONDITIONS:
        return N_("Pincode om de ondergrenzen te veranderen");
    case PIN_FOR_APPROVE:
        return N_("Pincode om het plan goed te keuren");
    case PIN_FOR_UNCOVER:
        return N_("Pincode van de coördinator");
    case PIN_FOR_UNDO:
        return N_("Dit deed de coördinator met de pincode. Pincode om het terug te zetten");
    case PIN_FOR_REDO:
        return N_("Dit deed de coördinator met de pincode. Pincode om het opnieuw te doen");
    case PIN_FOR_NONE:
        break;
    }
    return "";
}

/* The twelve keys, key × key with gap between, from (kx, ky). */
static void draw_keys(Ui *ui, const PinPad *p, int kx, int ky, int key, int gap)
{
    const Theme *t = ui->theme;
    bool recovering = p->purpose == PIN_FOR_RECOVER;
    const char *const labels[12] = {"1", "2", "3", "4", "5", "6",
                                    "7", "8", "9", "",  "0", ui_tr(ui, "OK")};
    for (int i = 0; i < 12; i++) {
        int col = i % 3, row = i / 3;
        if (ui->rtl && i >= 9) col = 2 - col; /* the back key on the reading side */
        Rect r = {kx + col * (key + gap), ky + row * (key + gap), key, key};
        bool ok = i == 11;
        bool enabled = ok       ? p->n >= (recovering ? PINPAD_RECOVERY : 6)
                       : i == 9 ? p->n > 0
                                : p->n < (recovering ? PINPAD_RECOVERY : PIN_DIGITS_MAX);
        Color fill = ok ? (enabled ? t->accent : t->disabled) : t->card;
        draw_rect(&ui->dl, r, key / 2, fill);
        if (!ok) draw_frame(&ui->dl, r, key / 2, ui_px(ui, 0.4f), enabled ? t->line : t->bg);
        Color ink = ok ? t->card : enabled ? t->ink : t->disabled;
        if (i == 9) { /* back: an arrow pointing against the reading way */
            Point c = rect_center(r);
            int a = key / 5, lw = ui_px(ui, 0.7f) + 1, dir = ui->rtl ? -1 : 1;
            draw_line(&ui->dl, (Point){c.x - a * dir, c.y}, (Point){c.x + a * dir, c.y}, lw, ink);
            draw_line(&ui->dl, (Point){c.x - a * dir, c.y},
                      (Point){c.x - a * dir / 2 * 2 + a / 2 * dir, c.y - a / 2}, lw, ink);
            draw_line(&ui->dl, (Point){c.x - a * dir, c.y},
                      (Point){c.x - a * dir / 2 * 2 + a / 2 * dir, c.y + a / 2}, lw, ink);
        } else {
            ui_text(ui, r, ok ? FONT_BOLD : FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK,
                    ink, labels[i]);
        }
        ui_widget(ui, key_ids[i], r, rect_center(r), enabled ? GRAB_TAP : 0);
    }
}

/* The question, what was typed, a message and the way in when the PIN
 * is forgotten, down a column of width in.w from in.y. */
static void draw_words(Ui *ui, const KitGeo *G, const PinPad *p, Rect in, int close_gap,
                       int msg_lines)
{
    const Theme *t = ui->theme;
    bool recovering = p->purpose == PIN_FOR_RECOVER;
    int y = in.y;
    Rect q = {in.x + (ui->rtl ? close_gap : 0), y, in.w - close_gap, G->th * 2};
    ui_wrap(ui, q, FONT_BOLD, t->ink, ui_tr(ui, pin_question(p)), 2, true);
    y += G->th * 2 + G->pad;
    if (recovering) { /* the code from paper, in its groups of four, to check by eye */
        char shown[64] = "";
        for (int i = 0; i < p->n; i++) {
            size_t at = strlen(shown);
            snprintf(shown + at, sizeof shown - at, "%s%c", i && i % 4 == 0 ? " " : "",
                     p->digits[i]);
        }
        ui_text(ui, (Rect){in.x, y, in.w, G->target}, FONT_TITLE,
                ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->ink, shown);
    }
    /* a dot per digit typed; room for the 6 needed */
    int dots = recovering ? 0 : p->n > 6 ? p->n : 6, dr = G->target / 6, step = dr * 3;
    int x0 = in.x + (in.w - step * dots) / 2 + step / 2;
    for (int i = 0; i < dots; i++) {
        Point c = {x0 + i * step, y + G->target / 2};
        if (i < p->n)
            draw_disc(&ui->dl, c, dr, t->ink);
        else
            draw_arc(&ui->dl, c, dr - ui_px(ui, 0.4f), dr, 0, 36000, t->line);
    }
    ui_widget(ui, ID_DOTS, (Rect){in.x, y, in.w, G->target}, (Point){in.x + in.w / 2, y + 2}, 0);
    y += G->target + G->pad / 2;
    if (p->msg[0]) {
        ui_wrap(ui, (Rect){in.x, y, in.w, G->sh * msg_lines}, FONT_SMALL,
                p->msg_bad ? ui->theme->warn : t->ink_soft, ui_tr(ui, p->msg), msg_lines, true);
        ui_widget(ui, ID_MESSAGE, (Rect){in.x, y, in.w, G->sh * msg_lines},
                  (Point){in.x + 1, y + 1}, 0);
    }
    y += G->sh * msg_lines + G->pad;
    if (pinpad_checks(p->purpose)) { /* the PIN forgotten: a way in with the recovery code */
        Rect f = {in.x, y, in.w, G->target};
        ui_wrap(ui, (Rect){f.x, f.y + (f.h - G->sh * 2) / 2, f.w, G->sh * 2}, FONT_SMALL, t->accent,
                ui_tr(ui, "Pincode vergeten? Met de herstelcode"), 2, true);
        ui_widget(ui, ID_FORGOT, f, rect_center(f), GRAB_TAP);
    }
}

/* The pad stands the same for every question (the keys never move
 * between asking and checking): the words above the keys where the
 * screen is tall enough for keys of a finger's size, else beside them. */
void pinpad_draw(Ui *ui, const PinPad *p, bool can_cancel, bool leave_corner)
{
    KitGeo G = kit_geo(ui);
    int close_gap = can_cancel ? G.target + G.pad : 0;
    int msg_lines = leave_corner ? 2 : 3; /* what the pad says: a refusal, tries left */
    int words_h = G.th * 2 + G.pad * 2 + G.target + G.sh * msg_lines + G.pad + G.target;
    int room_h = ui->h - 2 * G.pad - G.pad * 3;         /* inside the panel */
    if (leave_corner) room_h -= 2 * (G.target + G.pad); /* the language button above */
    int key = G.target * 5 / 4, gap = key / 8;
    bool stacked = words_h + G.pad + key * 4 + gap * 3 <= room_h;
    if (!stacked) { /* beside: keys as large as the height allows */
        key = (room_h - 3 * (G.target / 10)) / 4;
        if (key > G.target * 5 / 4) key = G.target * 5 / 4;
        if (key < G.target) key = G.target;
        gap = G.target / 10;
    }
    int keys_w = key * 3 + gap * 2, keys_h = key * 4 + gap * 3;
    int words_w = ui_px(ui, 105);
    if (stacked) {
        int w = keys_w + G.pad * 3;
        if (w < words_w + G.pad * 3) w = words_w + G.pad * 3;
        Rect in = kit_overlay(ui, &G, w, words_h + G.pad + keys_h + G.pad * 3);
        if (can_cancel) kit_close_button(ui, &G, ID_CANCEL, in);
        draw_words(ui, &G, p, (Rect){in.x, in.y, in.w, words_h}, close_gap, msg_lines);
        draw_keys(ui, p, in.x + (in.w - keys_w) / 2, in.y + words_h + G.pad, key, gap);
        return;
    }
    int avail = ui->w - 2 * G.pad - G.pad * 3 - keys_w - G.pad * 2;
    if (words_w > avail) words_w = avail;
    int tall = keys_h > words_h ? keys_h : words_h;
    Rect in = kit_overlay(ui, &G, words_w + G.pad * 2 + keys_w + G.pad * 3, tall + G.pad * 3);
    /* the words on the reading side, the keys on the other */
    Rect words = {ui->rtl ? in.x + in.w - words_w : in.x, in.y, words_w, in.h};
    int kx = ui->rtl ? in.x : in.x + in.w - keys_w;
    if (can_cancel) { /* the close button stays in its corner, above the words */
        kit_close_button(ui, &G, ID_CANCEL, words);
    }
    draw_words(ui, &G, p, words, close_gap, msg_lines);
    draw_keys(ui, p, kx, in.y + (in.h - keys_h) / 2, key, gap);
}

static FlowOut submit(PinPad *p)
{
    if (p->purpose == PIN_FOR_SETUP || p->purpose == PIN_FOR_CHANGE ||
        p->purpose == PIN_FOR_RESET) {
        if (!p->confirming) {
            PinRule rule = pin_rule(p->digits);
            if (rule != PIN_FINE) { /* said now, not after it was typed twice */
                PinFor purpose = p->purpose;
                pinpad_ask(p, purpose);
                snprintf(p->msg, sizeof p->msg, "%s", pin_rule_words(rule));
                p->msg_bad = true;
                return (FlowOut){.act = FLOW_REDRAW, .pin_for = purpose};
            }
            memcpy(p->first, p->digits, sizeof p->first);
            p->confirming = true;
            p->n = 0;
            p->digits[0] = '\0';
            p->msg[0] = '\0';
            return (FlowOut){.act = FLOW_REDRAW};
        }
        if (strcmp(p->first, p->digits) != 0) {
            PinFor purpose = p->purpose;
            pinpad_ask(p, purpose);
            snprintf(p->msg, sizeof p->msg, "%s",
                     N_("Twee keer een andere pincode. Begin opnieuw."));
            p->msg_bad = true;
            return (FlowOut){.act = FLOW_REDRAW, .pin_for = purpose};
        }
    }
    return (FlowOut){.act = FLOW_PIN, .pin_for = p->purpose, .pin = p->digits};
}

FlowOut pinpad_gesture(PinPad *p, const Gesture *ev, bool can_cancel)
{
    if (ev->kind != GESTURE_TAP) return (FlowOut){.act = FLOW_NOTHING};
    const char *id = ev->widget;
    if (ui_id_is(id, ID_FORGOT) && pinpad_checks(p->purpose))
        return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_RECOVER};
    if (ui_id_is(id, ID_CANCEL) && can_cancel) {
        pinpad_clear(p);
        return (FlowOut){.act = FLOW_REDRAW};
    }
    if (ui_id_is(id, key_ids[KEY_BACK])) {
        if (p->n > 0) p->digits[--p->n] = '\0';
        return (FlowOut){.act = FLOW_REDRAW};
    }
    if (ui_id_is(id, key_ids[KEY_OK]))
        return p->n >= (p->purpose == PIN_FOR_RECOVER ? PINPAD_RECOVERY : 6)
                   ? submit(p)
                   : (FlowOut){.act = FLOW_NOTHING};
    const char *digit = ui_id_arg(id, ID_KEY);
    if (digit && digit[0] >= '0' && digit[0] <= '9' && !digit[1] && p->n < pinpad_room(p)) {
        p->digits[p->n++] = digit[0];
        p->digits[p->n] = '\0';
        return (FlowOut){.act = FLOW_REDRAW};
    }
    return (FlowOut){.act = FLOW_NOTHING};
}

void pinpad_result(PinPad *p, bool ok, const char *said)
{
    PinFor purpose = p->purpose;
    if (ok) {
        pinpad_clear(p);
        return;
    }
    bool setting =
        purpose == PIN_FOR_SETUP || purpose == PIN_FOR_CHANGE || purpose == PIN_FOR_RESET;
    if (setting) /* the PIN was refused as a new PIN: start again */
        pinpad_ask(p, purpose);
    else
        memset(p->digits, 0, sizeof p->digits), p->n = 0;
    snprintf(p->msg, sizeof p->msg, "%s", said ? said : "");
    p->msg_bad = true;
}

FlowOut pinpad_text(PinPad *p, const char *text)
{
    FlowOut o = {.act = FLOW_NOTHING};
    for (const char *c = text; *c; c++)
        if (*c >= '0' && *c <= '9' && p->n < pinpad_room(p)) {
            p->digits[p->n++] = *c;
            p->digits[p->n] = '\0';
            o.act = FLOW_REDRAW;
        }
    return o;
}

FlowOut pinpad_key(PinPad *p, SheetKey key, bool can_cancel)
{
    if (key == SKEY_BACKSPACE && p->n > 0) {
        p->digits[--p->n] = '\0';
        return (FlowOut){.act = FLOW_REDRAW};
    }
    if (key == SKEY_RETURN && p->n >= (p->purpose == PIN_FOR_RECOVER ? PINPAD_RECOVERY : 6))
        return submit(p);
    if (key == SKEY_ESCAPE && can_cancel) {
        pinpad_clear(p);
        return (FlowOut){.act = FLOW_REDRAW};
    }
    return (FlowOut){.act = FLOW_NOTHING};
}
