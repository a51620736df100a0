/* settings: the facilitator's settings panel. */
#include "ui/screens/settings.h"

#include <stdio.h>
#include <string.h>

#include "ui/kit.h"

#define ID_SAID "settings-said"
#define ID_LANGUAGE "language" /* "language:N": the language Kring starts in */
#define ID_PRINTER "printer"   /* "printer:NAME" (kit_list_rows) */
#define ID_PRINTER_DEFAULT "printer-default"
#define ID_ROTATION "rotation"       /* "rotation:90" */
#define ID_RETENTION "retention"     /* "retention:120": days */
#define ID_KEEP_MARGIN "keep-margin" /* "keep-margin:30": days after the evaluation */
#define ID_COVER "cover"             /* "cover:10": minutes */
#define ID_CHANGE_PIN "change-pin"

typedef struct Choice {
    const char *title, *id, *unit;
    const int *v;
    int now;
} Choice;

/* A row of four choices under its title (one or two lines) at y in the
 * column x..x+cw; returns the y below it. With draw false, only measures. */
static int choice_row(Ui *ui, const KitGeo *G, int x, int cw, int y, const Choice *c, bool draw)
{
    const Theme *t = ui->theme;
    y += ui_wrap(ui, (Rect){x, y, cw, 2 * G->lh}, FONT_BOLD, t->ink, ui_tr(ui, c->title), 2, draw);
    y += G->pad / 2;
    int tw = (cw - G->pad / 2 * 3) / 4;
    for (int i = 0; i < 4 && draw; i++) {
        int col = ui->rtl ? 3 - i : i;
        Rect r = {x + col * (tw + G->pad / 2), y, tw, G->target};
        bool on = c->now == c->v[i];
        draw_rect(&ui->dl, r, G->target / 2, on ? t->accent : t->card);
        draw_frame(&ui->dl, r, G->target / 2, ui_px(ui, 0.4f), on ? t->accent : t->line);
        char label[24], id[UI_ID_LEN];
        snprintf(label, sizeof label, "%d%s", c->v[i], c->unit);
        ui_text(ui, r, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE, on ? t->card : t->ink, label);
        snprintf(id, sizeof id, "%s:%d", c->id, c->v[i]);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
    }
    return y + G->target + G->pad;
}

/* The languages Kring may start in, two to a row; returns the y below. */
static int language_grid(Ui *ui, const KitGeo *G, int x, int cw, int y, const FlowList *l,
                         bool draw)
{
    const Theme *t = ui->theme;
    int w = (cw - G->pad / 2) / 2, rows = (l->n + 1) / 2;
    for (int i = 0; i < l->n && draw; i++) {
        int col = ui->rtl ? 1 - i % 2 : i % 2;
        Rect r = {x + col * (w + G->pad / 2), y + i / 2 * (G->target + G->pad / 2), w, G->target};
        bool on = l->chosen == i;
        draw_rect(&ui->dl, r, G->target / 2, on ? t->accent : t->card);
        draw_frame(&ui->dl, r, G->target / 2, ui_px(ui, 0.4f), on ? t->accent : t->line);
        ui_text(ui, rect_inset(r, G->pad / 2), FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK,
                on ? t->card : t->ink, l->text[i]);
        char id[UI_ID_LEN];
        ui_id_make(id, ID_LANGUAGE, (unsigned)i);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP);
    }
    return y + rows * (G->target + G->pad / 2);
}

enum { PRINTERS_SHOWN = 3 };

/* Both columns from y; returns how high the taller one is. */
static int columns(Ui *ui, const KitGeo *G, const FlowView *view, Rect in, int y, bool draw)
{
    const Theme *t = ui->theme;
    static const int turns[4] = {0, 90, 180, 270}, days[4] = {30, 60, 120, 365},
                     margins[4] = {14, 30, 60, 90}, minutes[4] = {5, 10, 20, 30};
    const Choice turn = {N_("Scherm draaien"), ID_ROTATION, "\xC2\xB0", turns, view->rotation};
    const Choice cover = {N_("Afdekken als niemand iets doet (minuten)"), ID_COVER, "", minutes,
                          view->cover_minutes};
    const Choice keep = {N_("Bewaren na het gesprek (dagen)"), ID_RETENTION, "", days,
                         view->retention_days};
    const Choice margin = {N_("En na de evaluatie nog (dagen)"), ID_KEEP_MARGIN, "", margins,
                           view->keep_margin_days};
    int cw = (in.w - G->pad * 2) / 2;
    int lx = ui->rtl ? in.x + cw + G->pad * 2 : in.x, rx = ui->rtl ? in.x : in.x + cw + G->pad * 2;
    int al = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
    /* one side: the language Kring starts in, the screen's turn, covering */
    if (draw)
        ui_text(ui, (Rect){lx, y, cw, G->lh}, FONT_BOLD, al, t->ink,
                ui_tr(ui, "Taal als Kring begint"));
    int ly = language_grid(ui, G, lx, cw, y + G->lh + G->pad / 2, &view->languages, draw) + G->pad;
    ly = choice_row(ui, G, lx, cw, ly, &turn, draw);
    ly = choice_row(ui, G, lx, cw, ly, &cover, draw);
    /* the other: the printer, how long kept meetings stay, a new PIN */
    if (draw) ui_text(ui, (Rect){rx, y, cw, G->lh}, FONT_BOLD, al, t->ink, ui_tr(ui, "Printer"));
    int ry = y + G->lh + G->pad / 2;
    int np = view->printers.n < PRINTERS_SHOWN ? view->printers.n : PRINTERS_SHOWN;
    int prh = kit_list_row_height(G, &view->printers);
    if (draw)
        kit_list_rows(ui, G, (Rect){rx, ry, cw, np * prh}, ry, &view->printers, ID_PRINTER, 0);
    ry += np * prh + G->pad;
    ry = choice_row(ui, G, rx, cw, ry, &keep, draw);
    ry = choice_row(ui, G, rx, cw, ry, &margin, draw);
    if (draw)
        kit_big_button(ui, G, ID_CHANGE_PIN, (Rect){rx, ry, cw, G->target}, "\xF0\x9F\x94\x91",
                       ui_tr(ui, "Pincode veranderen"), false, true);
    ry += G->target;
    return (ly > ry ? ly : ry) - y;
}

void settings_draw(Ui *ui, const FlowView *view)
{
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    /* measured first, as wide as it will be, then drawn */
    int w = kit_panel_width(ui, &G, 190);
    Rect probe = {0, 0, w - G.pad * 3, 0};
    int title_h = ui_wrap(ui, (Rect){0, 0, probe.w - G.target - G.pad, G.th * 2}, FONT_TITLE,
                          t->ink, ui_tr(ui, "Instellingen"), 2, false);
    int body = columns(ui, &G, view, probe, 0, false);
    Rect in = kit_overlay(ui, &G, w, title_h + G.pad / 2 + G.sh + G.pad / 2 + body + G.pad * 3);
    kit_close_button(ui, &G, KIT_ID_CLOSE, in);
    int y = kit_title(ui, &G, in, in.y, ui_tr(ui, "Instellingen"), G.target + G.pad) + G.pad / 2;
    if (view->settings_said) {
        ui_text(ui, (Rect){in.x, y, in.w - G.target, G.sh}, FONT_SMALL,
                ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT, t->present, view->settings_said);
        ui_widget(ui, ID_SAID, (Rect){in.x, y, in.w, G.sh}, (Point){in.x + 1, y + 1}, 0);
    }
    y += G.sh + G.pad / 2;
    columns(ui, &G, view, in, y, true);
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
    if (ui_id_num(id, ID_KEEP_MARGIN, &i) && i > 0)
        return (FlowOut){.act = FLOW_KEEP_MARGIN, .index = (int)i};
    if (ui_id_num(id, ID_KEEP_MARGIN, &i) && i > 0)
        return (FlowOut){.act = FLOW_KEEP_MARGIN, .index = (int)i};
    if (ui_id_num(id, ID_COVER, &i) && i > 0) return (FlowOut){.act = FLOW_COVER, .index = (int)i};
    if (ui_id_is(id, ID_CHANGE_PIN))
        return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_CHANGE};
    return (FlowOut){.act = FLOW_NOTHING};
}
