/* cover: the covered plan, the notice that waits for OK, the problem bar. */
#include "ui/screens/cover.h"

#include <stdio.h>
#include <string.h>

#include "ui/kit.h"

#define ID_COVER "cover"
#define ID_UNCOVER "uncover"
#define ID_UNCOVER_PIN "uncover-pin"
#define ID_NOTICE "notice"
#define ID_NOTICE_OK "notice-ok"
#define ID_PROBLEM "problem"
#define ID_SAID "said"
#define ID_SAID_UNDO "said-undo"

/* The plan covered: nothing of it on screen, a way back for the family and
 * one for the facilitator. */
void cover_draw(Ui *ui, bool pin_only)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    ui_cover(ui);
    draw_rect(&ui->dl, (Rect){0, 0, ui->w, ui->h}, 0, t->bg);
    ui_widget(ui, ID_COVER, (Rect){0, 0, ui->w, ui->h}, (Point){2, 2}, 0);
    int r = ui->h / 7;
    Point c = {ui->w / 2, ui->h / 4};
    int w = ui_px(ui, 150) < ui->w - 4 * G.pad ? ui_px(ui, 150) : ui->w - 4 * G.pad;
    int bh = G.target * 3 / 2;
    int words_h = G.th + G.pad / 2 + G.lh * 3 + G.pad * 2 + bh + G.pad + G.target;
    int x = (ui->w - w) / 2, y = c.y + r + G.pad * 2;
    if (y + words_h > ui->h - G.pad && ui->w > ui->h) { /* short and wide: the sign beside */
        r = ui->h / 5;
        c = (Point){ui->rtl ? ui->w - ui->w / 6 : ui->w / 6, ui->h / 2};
        w = ui->w * 2 / 3 - 2 * G.pad;
        x = ui->rtl ? G.pad : ui->w / 3 + G.pad;
        y = (ui->h - words_h) / 2;
        if (y < G.pad) y = G.pad;
    }
    kit_sign(ui, c, r);
    ui_text(ui, (Rect){x, y, w, G.th}, FONT_TITLE, ALIGN_CENTER | TEXT_SHRINK, t->ink,
            ui_tr(ui, "Het plan is even afgedekt"));
    y += G.th + G.pad / 2;
    y += ui_wrap(ui, (Rect){x, y, w, G.lh * 3}, FONT_BODY, t->ink_soft,
                 pin_only ? ui_tr(ui, "Het scherm bleef lang onaangeraakt, of Kring is opnieuw "
                                      "gestart. De coördinator maakt het plan weer open.")
                          : ui_tr(ui, "Niemand raakte het scherm een tijd aan. Zo leest niemand "
                                      "mee die langsloopt."),
                 3, true);
    y += G.pad * 2;
    if (!pin_only) {
        kit_big_button(ui, &G, ID_UNCOVER, (Rect){x, y, w, bh}, "\xF0\x9F\x91\x8B", /* 👋 */
                       ui_tr(ui, "Wij zijn er nog: verder"), true, true);
        y += bh + G.pad;
    }
    kit_big_button(ui, &G, ID_UNCOVER_PIN, (Rect){x, y, w, pin_only ? bh : G.target},
                   "\xF0\x9F\x94\x91", ui_tr(ui, "Coördinator"), pin_only, true);
}

void notice_draw(Ui *ui, const char *text)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    const KitGeo *L = &G;
    Rect all = {0, 0, ui->w, ui->h};
    kit_backdrop(ui);
    ui_widget(ui, ID_NOTICE, all, rect_center(all), GRAB_TAP | GRAB_DRAG);
    int w = ui->w * 2 / 3 < ui_px(ui, 80)    ? ui_px(ui, 80)
            : ui->w * 2 / 3 > ui_px(ui, 180) ? ui_px(ui, 180)
                                             : ui->w * 2 / 3;
    if (w > ui->w - 2 * L->pad) w = ui->w - 2 * L->pad;
    Rect inner = {0, 0, w - 4 * L->pad, 0};
    int text_h = ui_wrap(ui, inner, FONT_BODY, t->ink, text, 8, false);
    int h = L->pad * 2 + text_h + L->pad + L->target + L->pad * 2;
    Rect card = {(ui->w - w) / 2, (ui->h - h) / 2, w, h};
    draw_rect(&ui->dl, card, L->radius, t->panel);
    draw_frame(&ui->dl, card, L->radius, ui_px(ui, 0.8f), t->accent);
    ui_wrap(ui, (Rect){card.x + 2 * L->pad, card.y + L->pad * 2, w - 4 * L->pad, text_h}, FONT_BODY,
            t->ink, text, 8, true);
    int bw = L->target * 2;
    Rect ok = {card.x + (card.w - bw) / 2, card.y + card.h - L->pad * 2 - L->target, bw, L->target};
    draw_rect(&ui->dl, ok, L->radius, t->accent);
    ui_text(ui, ok, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, t->card, ui_tr(ui, "OK"));
    ui_widget(ui, ID_NOTICE_OK, ok, rect_center(ok), GRAB_TAP);
}

void problem_draw(Ui *ui, const char *text)
{
    KitGeo G = kit_geo(ui);
    Rect bar = {G.pad * 2, ui->h - G.lh * 2 - G.pad * 2, ui->w - 4 * G.pad, G.lh * 2};
    draw_rect(&ui->dl, bar, G.radius / 2, ui->theme->problem);
    ui_text(ui, rect_inset(bar, G.pad / 2), FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE, 0xFFFFFFFF,
            text);
    ui_widget(ui, ID_PROBLEM, bar, rect_center(bar), 0);
}

FlowOut cover_gesture(const Gesture *ev, bool pin_only)
{
    if (ev->kind == GESTURE_TAP && !pin_only && ui_id_is(ev->widget, ID_UNCOVER))
        return (FlowOut){.act = FLOW_UNCOVERED};
    if (ev->kind == GESTURE_TAP && ui_id_is(ev->widget, ID_UNCOVER_PIN))
        return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_UNCOVER};
    return (FlowOut){.act = FLOW_NOTHING};
}

FlowOut notice_gesture(const Gesture *ev)
{
    return ev->kind == GESTURE_TAP && ui_id_is(ev->widget, ID_NOTICE_OK)
               ? (FlowOut){.act = FLOW_DISMISS}
               : (FlowOut){.act = FLOW_NOTHING};
}

void said_draw(Ui *ui, const char *text, bool with_undo)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    int bw =
        with_undo ? G.target * 2 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Ongedaan maken")) : 0;
    int w = ui->w * 3 / 4, tw = w - bw - G.pad * 3;
    int th = ui_wrap(ui, (Rect){0, 0, tw, G.lh * 3}, FONT_BODY, t->ink, text, 3, false);
    int h = (th > G.target ? th : G.target) + G.pad * 2;
    Rect bar = {(ui->w - w) / 2, ui->h - h - G.pad * 3, w, h};
    draw_rect(&ui->dl, (Rect){bar.x, bar.y + ui_px(ui, 0.6f), bar.w, bar.h}, G.radius, 0x00000030);
    draw_rect(&ui->dl, bar, G.radius, t->panel);
    draw_frame(&ui->dl, bar, G.radius, ui_px(ui, 0.5f), t->accent);
    Rect words = {ui->rtl ? bar.x + bw + G.pad * 2 : bar.x + G.pad, bar.y + (h - th) / 2, tw, th};
    ui_wrap(ui, words, FONT_BODY, t->ink, text, 3, true);
    ui_widget(ui, ID_SAID, bar, (Point){bar.x + 1, bar.y + 1}, 0);
    if (with_undo) {
        Rect b = {ui->rtl ? bar.x + G.pad : bar.x + bar.w - bw - G.pad, bar.y + (h - G.target) / 2,
                  bw, G.target};
        kit_button(ui, ID_SAID_UNDO, b, ui_tr(ui, "Ongedaan maken"), true, false);
    }
}

FlowOut said_gesture(const Gesture *ev)
{
    return ev->kind == GESTURE_TAP && ui_id_is(ev->widget, ID_SAID_UNDO)
               ? (FlowOut){.act = FLOW_UNDO}
               : (FlowOut){.act = FLOW_NOTHING};
}
