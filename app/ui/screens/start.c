/* start: the start screen. */
#include "ui/screens/start.h"

#include <stdio.h>
#include <string.h>

#include "ui/kit.h"

#define ID_NEW "new-meeting"
#define ID_CONTINUE "continue-meeting"
#define ID_SETTINGS "settings"
#define ID_LEAVE "leave"
#define ID_KEPT "kept"

/* The language button in the start screen's top corner. */
void start_language_corner(Ui *ui)
{
    KitGeo g = kit_geo(ui);
    const KitGeo *G = &g;
    int gw = kit_language_width(ui);
    kit_language_button(ui, (Rect){ui->rtl ? G->pad : ui->w - G->pad - gw, G->pad, gw, G->target});
}

void start_draw(Ui *ui, const FlowView *view, bool first_start)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    ui_cover(ui);
    draw_rect(&ui->dl, (Rect){0, 0, ui->w, ui->h}, 0, t->bg);
    bool wide = ui->w > ui->h * 5 / 4;
    int bw = ui_px(ui, 110), bh = G.target * 3 / 2;
    if (bw > ui->w - 4 * G.pad) bw = ui->w - 4 * G.pad;
    if (wide && bw > ui->w * 45 / 100 - 2 * G.pad) bw = ui->w * 45 / 100 - 2 * G.pad;
    int r = ui->h / 5;
    Point c;
    Rect col;
    if (wide) {
        c = (Point){ui->w * 3 / 10, ui->h / 2 - G.th};
        col = (Rect){ui->w * 55 / 100, 0, bw, 0};
        if (ui->rtl) {
            c.x = ui->w - c.x;
            col.x = ui->w * 45 / 100 - bw;
        }
    } else {
        c = (Point){ui->w / 2, ui->h / 4};
        col = (Rect){(ui->w - bw) / 2, 0, bw, 0};
    }
    kit_sign(ui, c, r);
    ui_text(ui, (Rect){c.x - r * 2, c.y + r + G.pad, r * 4, G.th}, FONT_TITLE, ALIGN_CENTER, t->ink,
            "Kring");
    ui_text(ui, (Rect){c.x - r * 3, c.y + r + G.pad + G.th, r * 6, G.lh}, FONT_BODY, ALIGN_CENTER,
            t->ink_soft, ui_tr(ui, "Samen een plan voor de familie"));
    int total = bh * 3 + G.pad * 2 * 2;
    int y = wide ? (ui->h - total) / 2 : c.y + r + G.pad * 3 + G.th + G.lh;
    kit_big_button(ui, &G, ID_NEW, (Rect){col.x, y, bw, bh}, "\xE2\x9E\x95",
                   ui_tr(ui, "Nieuw gesprek"), true, view->pin_set); /* ➕ */
    y += bh + G.pad * 2;
    kit_big_button(ui, &G, ID_CONTINUE, (Rect){col.x, y, bw, bh}, "\xF0\x9F\x93\x82",
                   ui_tr(ui, "Verder met een gesprek"), false, view->pin_set); /* 📂 */
    y += bh + G.pad * 2;
    kit_big_button(ui, &G, ID_SETTINGS, (Rect){col.x, y, bw, bh}, "\xE2\x9A\x99\xEF\xB8\x8F",
                   ui_tr(ui, "Instellingen"), false, view->pin_set); /* ⚙️ */
    /* leaving the kiosk: small, in the corner */
    int lw = G.target + G.pad * 2 + ui_text_width(ui, FONT_SMALL, ui_tr(ui, "Kring afsluiten"));
    Rect leave = {ui->rtl ? G.pad : ui->w - G.pad - lw, ui->h - G.pad - G.target, lw, G.target};
    draw_frame(&ui->dl, leave, G.radius, ui_px(ui, 0.35f), t->line);
    ui_text(ui, leave, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft,
            ui_tr(ui, "Kring afsluiten"));
    ui_widget(ui, ID_LEAVE, leave, rect_center(leave), view->pin_set ? GRAB_TAP : 0);
    /* the language, for anyone: in the other top corner */
    if (!first_start) start_language_corner(ui);
    if (view->kept_words && view->kept_words[0]) { /* what is kept, never whose */
        int kw = ui->w - lw - 4 * G.pad;
        Rect k = {ui->rtl ? leave.x + lw + G.pad : G.pad * 2, ui->h - G.pad - G.sh * 2, kw,
                  G.sh * 2};
        ui_wrap(ui, k, FONT_SMALL, t->ink_soft, view->kept_words, 2, true);
        ui_widget(ui, ID_KEPT, k, (Point){k.x + 1, k.y + 1}, 0);
    }
}

FlowOut start_gesture(const Gesture *ev)
{
    if (ev->kind != GESTURE_TAP) return (FlowOut){.act = FLOW_NOTHING};
    static const struct {
        const char *id;
        PinFor purpose;
    } asks[] = {
        {ID_NEW, PIN_FOR_NEW},
        {ID_CONTINUE, PIN_FOR_CONTINUE},
        {ID_SETTINGS, PIN_FOR_SETTINGS},
        {ID_LEAVE, PIN_FOR_LEAVE},
    };
    for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++)
        if (ui_id_is(ev->widget, asks[i].id))
            return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = asks[i].purpose};
    return (FlowOut){.act = FLOW_NOTHING};
}
