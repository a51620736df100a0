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
#define ID_SCREEN "screen"           /* "screen:70": the diagonal in tenths of an inch */
#define ID_NETWORK "network"         /* "network:2": ShareNetwork */
#define ID_CHANGE_PIN "change-pin"
#define ID_SCROLL "settings-scroll" /* the columns, to drag when they scroll */

typedef struct Choice {
    const char *title, *id, *unit;
    const int *v;
    int now;
    int n;                                                   /* how many; 0: four */
    void (*label)(const Ui *ui, int v, char *out, size_t n); /* NULL: the number and unit */
    int per;                                                 /* in a row; 0: up to four */
} Choice;

/* Rows of (up to) four choices under their title (one or two lines) at y in the
 * column x..x+cw; returns the y below them. With draw false, only
 * measures. */
static int choice_row(Ui *ui, const KitGeo *G, int x, int cw, int y, const Choice *c, bool draw)
{
    const Theme *t = ui->theme;
    y += ui_wrap(ui, (Rect){x, y, cw, 2 * G->lh}, FONT_BOLD, t->ink, ui_tr(ui, c->title), 2, draw);
    y += G->pad / 2;
    int n = c->n ? c->n : 4, per = c->per ? c->per : n < 4 ? n : 4, rows = (n + per - 1) / per;
    int tw = (cw - G->pad / 2 * (per - 1)) / per; /* three choices: a third each */
    for (int i = 0; i < n && draw; i++) {
        int col = ui->rtl ? per - 1 - i % per : i % per;
        Rect r = {x + col * (tw + G->pad / 2), y + i / per * (G->target + G->pad / 2), tw,
                  G->target};
        bool on = c->now == c->v[i];
        draw_rect(&ui->dl, r, G->target / 2, on ? t->accent : t->card);
        draw_frame(&ui->dl, r, G->target / 2, ui_px(ui, 0.4f), on ? t->accent : t->line);
        char label[64], id[UI_ID_LEN];
        if (c->label)
            c->label(ui, c->v[i], label, sizeof label);
        else
            snprintf(label, sizeof label, "%d%s", c->v[i], c->unit);
        ui_text(ui, rect_inset(r, G->pad / 4), FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK,
                on ? t->card : t->ink, label);
        snprintf(id, sizeof id, "%s:%d", c->id, c->v[i]);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
    }
    return y + rows * (G->target + G->pad / 2) - G->pad / 2 + G->pad;
}

/* A screen size's words: inches as people say them ("10 inch" for a
 * 10.1-inch panel), or that the screen says it itself. */
static void inches(const Ui *ui, int tenths, char *out, size_t n)
{
    if (!tenths)
        snprintf(out, n, "%s", ui_tr(ui, "auto"));
    else
        snprintf(out, n, "%d\xE2\x80\xB3", (tenths + 4) / 10); /* ″ */
}

/* How phones get their pages, in a word or two. */
static void network_words(const Ui *ui, int v, char *out, size_t n)
{
    static const char *const words[] = {N_("alleen codes"), N_("dit netwerk"), N_("eigen wifi")};
    snprintf(out, n, "%s", ui_tr(ui, words[v >= 0 && v < 3 ? v : 0]));
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
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
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
    /* the common panels: the 7-inch touch panel, tablets, laptops, monitors */
    static const int sizes[8] = {0, 70, 101, 133, 156, 215, 238, 270};
    const Choice screen = {
        N_("Hoe groot is het scherm?"), ID_SCREEN, "", sizes, view->screen_tenths, 8, inches};
    static const int nets[3] = {SHARE_NET_NONE, SHARE_NET_ROOM, SHARE_NET_OWN};
    const Choice network = {N_("Telefoons krijgen hun pagina via"),
                            ID_NETWORK,
                            "",
                            nets,
                            view->share_network,
                            3,
                            network_words,
                            1}; /* one to a row: words, not numbers, in every language */
    /* two columns where four choices of a finger's size fit in each, else one */
    bool one = (in.w - G->pad * 2) / 2 < 4 * (G->target * 5 / 4 + G->pad / 2);
    int cw = one ? in.w : (in.w - G->pad * 2) / 2;
    int lx = ui->rtl && !one ? in.x + cw + G->pad * 2 : in.x, rx = one ? in.x
                                                                   : ui->rtl
                                                                       ? in.x
                                                                       : in.x + cw + G->pad * 2;
    /* one side: the language Kring starts in, the screen's turn, covering */
    int th = ui_wrap(ui, (Rect){lx, y, cw, G->lh * 2}, FONT_BOLD, t->ink,
                     ui_tr(ui, "Taal als Kring begint"), 2, draw);
    int ly = language_grid(ui, G, lx, cw, y + th + G->pad / 2, &view->languages, draw) + G->pad;
    ly = choice_row(ui, G, lx, cw, ly, &turn, draw);
    ly = choice_row(ui, G, lx, cw, ly, &screen, draw);
    ly = choice_row(ui, G, lx, cw, ly, &cover, draw);
    /* the other (or below): the printer, how long kept meetings stay, a new PIN */
    int ry0 = one ? ly + G->pad : y;
    int ry = ry0 +
             ui_wrap(ui, (Rect){rx, ry0, cw, G->lh * 2}, FONT_BOLD, t->ink, ui_tr(ui, "Printer"), 2,
                     draw) +
             G->pad / 2;
    int np = view->printers.n < PRINTERS_SHOWN ? view->printers.n : PRINTERS_SHOWN;
    int prh = kit_list_row_height(G, &view->printers);
    if (draw)
        kit_list_rows(ui, G, (Rect){rx, ry, cw, np * prh}, ry, &view->printers, ID_PRINTER, 0);
    ry += np * prh + G->pad;
    ry = choice_row(ui, G, rx, cw, ry, &keep, draw);
    ry = choice_row(ui, G, rx, cw, ry, &margin, draw);
    ry = choice_row(ui, G, rx, cw, ry, &network, draw);
    if (draw)
        kit_big_button(ui, G, ID_CHANGE_PIN, (Rect){rx, ry, cw, G->target}, "\xF0\x9F\x94\x91",
                       ui_tr(ui, "Pincode veranderen"), false, true);
    ry += G->target;
    return (ly > ry ? ly : ry) - y;
}

/* The settings in a panel; taller than the screen (the 7-inch panel),
 * its columns scroll under the title, a finger's drag anywhere on them,
 * and the edge where more follows is marked. */
void settings_draw(Ui *ui, const FlowView *view, FormScroll *sc)
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
    Rect view_r = {in.x - G.pad, y, in.w + G.pad * 2, in.y + in.h - y};
    form_scroll_clamp(sc, body, view_r.h);
    bool scrolls = body > view_r.h;
    if (scrolls) { /* a finger's drag on the columns scrolls them */
        ui_widget(ui, ID_SCROLL, view_r, rect_center(view_r), GRAB_TAP | GRAB_DRAG);
        ui_clip(ui, view_r);
    }
    columns(ui, &G, view, in, y - sc->offset, true);
    if (scrolls) {
        ui_unclip(ui);
        kit_scroll_edges(ui, view_r, sc->offset, body);
    }
}

FlowOut settings_gesture(const Gesture *ev, const FlowView *view, FormScroll *sc)
{
    if (form_scroll_gesture(sc, ev)) return (FlowOut){.act = FLOW_REDRAW};
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
    if (ui_id_num(id, ID_COVER, &i) && i > 0) return (FlowOut){.act = FLOW_COVER, .index = (int)i};
    if (ui_id_num(id, ID_NETWORK, &i) && i <= SHARE_NET_OWN)
        return (FlowOut){.act = FLOW_SHARE_NETWORK, .index = (int)i};
    if (ui_id_num(id, ID_SCREEN, &i) && i <= 1000)
        return (FlowOut){.act = FLOW_SCREEN_SIZE, .index = (int)i};
    if (ui_id_is(id, ID_CHANGE_PIN))
        return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_CHANGE};
    return (FlowOut){.act = FLOW_NOTHING};
}
