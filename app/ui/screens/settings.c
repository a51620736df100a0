/* settings: the facilitator's settings panel. */
#include "ui/screens/settings.h"

#include <stdio.h>
#include <string.h>

#include "ui/kit.h"

#define ID_SAID "settings-said"
#define ID_LANGUAGE "language" /* "language:N": the language Kring starts in */
#define ID_PRINTER "printer"   /* "printer:NAME" (kit_list_rows) */
#define ID_PRINTER_DEFAULT "printer-default"
#define ID_ROTATION "rotation"   /* "rotation:90" */
#define ID_RETENTION "retention" /* "retention:120": days */
#define ID_COVER "cover"         /* "cover:10": minutes */
#define ID_CHANGE_PIN "change-pin"

void settings_draw(Ui *ui, const FlowView *view)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    Rect in;
    int y;
    /* the language, the screen's turn and the PIN on one side; the
     * printer and how long things stay on the other */
    enum { PRINTERS_SHOWN = 3 };
    int lrh = kit_list_row_height(&G, &view->languages),
        prh = kit_list_row_height(&G, &view->printers);
    int np = view->printers.n < PRINTERS_SHOWN ? view->printers.n : PRINTERS_SHOWN;
    int choice_h = 2 * G.lh + G.pad / 2 + G.target + G.pad; /* a title of two lines at most */
    int left_h = G.lh + G.pad / 2 + view->languages.n * lrh + G.pad + choice_h + G.target;
    int right_h = G.lh + G.pad / 2 + np * prh + G.pad + 2 * choice_h;
    int body = left_h > right_h ? left_h : right_h;
    in = kit_overlay(ui, &G, ui_px(ui, 190), G.th * 2 + G.sh + G.pad * 5 + body);
    kit_close_button(ui, &G, KIT_ID_CLOSE, in);
    y = kit_title(ui, &G, in, in.y, ui_tr(ui, "Instellingen"), G.target + G.pad) + G.pad / 2;
    if (view->settings_said) {
        ui_text(ui, (Rect){in.x, y, in.w - G.target, G.sh}, FONT_SMALL,
                ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT, t->present, view->settings_said);
        ui_widget(ui, ID_SAID, (Rect){in.x, y, in.w, G.sh}, (Point){in.x + 1, y + 1}, 0);
    }
    y += G.sh + G.pad / 2;
    int cw = (in.w - G.pad * 2) / 2;
    Rect left = {in.x, y, cw, in.y + in.h - y}, right = {in.x + cw + G.pad * 2, y, cw, left.h};
    if (ui->rtl) {
        Rect tmp = left;
        left = right;
        right = tmp;
    }
    int al = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
    ui_text(ui, (Rect){left.x, y, cw, G.lh}, FONT_BOLD, al, t->ink,
            ui_tr(ui, "Taal als Kring begint"));
    int ly = kit_list_rows(ui, &G, (Rect){left.x, y + G.lh + G.pad / 2, cw, left.h},
                           y + G.lh + G.pad / 2, &view->languages, ID_LANGUAGE, 0);
    ly += G.pad;
    ui_text(ui, (Rect){right.x, y, cw, G.lh}, FONT_BOLD, al, t->ink, ui_tr(ui, "Printer"));
    int ry = y + G.lh + G.pad / 2;
    kit_list_rows(ui, &G, (Rect){right.x, ry, cw, np * prh}, ry, &view->printers, ID_PRINTER, 0);
    ry += np * prh + G.pad;
    /* rows of four choices: the screen's turn, how long kept meetings
     * stay, how long untouched before the plan is covered */
    static const int turns[4] = {0, 90, 180, 270}, days[4] = {30, 60, 120, 365},
                     minutes[4] = {5, 10, 20, 30};
    const struct {
        const char *title, *id, *unit;
        const int *v;
        int now;
    } rows[3] = {
        {N_("Scherm draaien"), ID_ROTATION, "\xC2\xB0", turns, view->rotation},
        {N_("Bewaren na het gesprek (dagen)"), ID_RETENTION, "", days, view->retention_days},
        {N_("Afdekken als niemand iets doet (minuten)"), ID_COVER, "", minutes,
         view->cover_minutes},
    };
    int tw = (cw - G.pad / 2 * 3) / 4;
    for (int k = 0; k < 3; k++) {
        Rect side = k == 0 ? left : right;
        int *at = k == 0 ? &ly : &ry;
        int wrote = ui_wrap(ui, (Rect){side.x, *at, cw, 2 * G.lh}, FONT_BOLD, t->ink,
                            ui_tr(ui, rows[k].title), 2, true);
        *at += wrote + G.pad / 2;
        for (int i = 0; i < 4; i++) {
            int col = ui->rtl ? 3 - i : i;
            Rect r = {side.x + col * (tw + G.pad / 2), *at, tw, G.target};
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
    kit_big_button(ui, &G, ID_CHANGE_PIN, (Rect){left.x, ly, cw, G.target}, "\xF0\x9F\x94\x91",
                   ui_tr(ui, "Pincode veranderen"), false, true);
}

FlowOut settings_gesture(const Gesture *ev, const FlowView *view)
{
    if (ev->kind != GESTURE_TAP) return (FlowOut){.act = FLOW_NOTHING};
    const char *id = ev->widget;
    unsigned i;
    if (ui_id_is(id, ID_PRINTER_DEFAULT)) return (FlowOut){.act = FLOW_PRINTER, .index = 0};
    const char *printer = ui_id_arg(id, ID_PRINTER);
    for (int k = 1; printer && k < view->printers.n; k++)
        if (!strcmp(printer, view->printers.text[k]))
            return (FlowOut){.act = FLOW_PRINTER, .index = k};
    if (ui_id_num(id, ID_LANGUAGE, &i) && (int)i < view->languages.n)
        return (FlowOut){.act = FLOW_LANGUAGE, .index = (int)i};
    if (ui_id_num(id, ID_ROTATION, &i) && i <= 270 && i % 90 == 0)
        return (FlowOut){.act = FLOW_ROTATION, .index = (int)i / 90};
    if (ui_id_num(id, ID_RETENTION, &i) && i > 0)
        return (FlowOut){.act = FLOW_RETENTION, .index = (int)i};
    if (ui_id_num(id, ID_COVER, &i) && i > 0) return (FlowOut){.act = FLOW_COVER, .index = (int)i};
    if (ui_id_is(id, ID_CHANGE_PIN))
        return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_CHANGE};
    return (FlowOut){.act = FLOW_NOTHING};
}
