/* panels: the facilitator's panels over the start screen and the meeting. */
#include "ui/screens/panels.h"

#include <stdio.h>
#include <string.h>

#include "ui/kit.h"
#include "ui/screens/settings.h"

#define ID_PLAN "plan"       /* "plan:0" an empty plan, "plan:N" a plan file */
#define ID_MEETING "meeting" /* "meeting:N": a kept meeting */
#define ID_FAMILY_TIME "family-time"
#define ID_MENU_SETTINGS "menu-settings"
#define ID_KEEP "keep-meeting"
#define ID_CLOSE_MEETING "close-meeting"
#define ID_CLOSE_NO "close-no"
#define ID_CLOSE_YES "close-yes"
#define ID_TALK "talk" /* "talk:N": the language to talk in now */
#define ID_RETURN "return"

/* A panel of a title and a few lines of words above one row of buttons,
 * with its close button: returns where the buttons go. */
static Rect message_panel(Ui *ui, const KitGeo *G, const char *title, const char *words)
{
    const Theme *t = ui->theme;
    int w = kit_panel_width(ui, G, 140), bh = G->target * 5 / 4;
    int words_h =
        ui_wrap(ui, (Rect){0, 0, w - G->pad * 3, G->lh * 4}, FONT_BODY, t->ink, words, 4, false);
    Rect in = kit_overlay(ui, G, w, G->th * 2 + G->pad * 4 + words_h + bh + G->pad * 3);
    kit_close_button(ui, G, KIT_ID_CLOSE, in);
    int y = kit_title(ui, G, in, in.y, title, G->target + G->pad) + G->pad;
    y += ui_wrap(ui, (Rect){in.x, y, in.w, G->lh * 4}, FONT_BODY, t->ink, words, 4, true);
    return (Rect){in.x, y + G->pad * 2, in.w, bh};
}

void panels_draw(Ui *ui, FlowPanel panel, const FlowView *view, PanelScroll *scroll)
{
    if (scroll->panel != panel) *scroll = (PanelScroll){.panel = panel};
    const Theme *t = ui->theme;
    KitGeo G = kit_geo(ui);
    int w = ui_px(ui, 150);
    Rect in;
    int y;
    switch (panel) {
    case PANEL_NEW: {
        in = kit_overlay(ui, &G, w,
                         G.th * 2 + G.target * 5 / 4 + G.sh + G.pad * 7 +
                             view->plans.n * kit_list_row_height(&G, &view->plans));
        kit_close_button(ui, &G, KIT_ID_CLOSE, in);
        y = kit_title(ui, &G, in, in.y, ui_tr(ui, "Nieuw gesprek"), G.target + G.pad) + G.pad;
        kit_big_button(ui, &G, ID_PLAN ":0", (Rect){in.x, y, in.w, G.target * 5 / 4},
                       "\xF0\x9F\x93\x84", ui_tr(ui, "Een leeg plan"), true, true); /* 📄 */
        y += G.target * 5 / 4 + G.pad * 2;
        if (view->plans.n) {
            ui_text(ui, (Rect){in.x, y, in.w, G.sh}, FONT_SMALL, ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT,
                    t->ink_soft, ui_tr(ui, "Of begin met een voorbereid plan:"));
            y += G.sh + G.pad / 2;
            kit_list_rows(ui, &G, in, y, &view->plans, ID_PLAN, 1);
        }
        break;
    }
    case PANEL_CONTINUE:
        in = kit_overlay(ui, &G, w,
                         G.th * 2 + G.pad * 5 + (view->meetings.n ? 0 : G.lh * 3) +
                             view->meetings.n * kit_list_row_height(&G, &view->meetings));
        kit_close_button(ui, &G, KIT_ID_CLOSE, in);
        y = kit_title(ui, &G, in, in.y, ui_tr(ui, "Verder met een gesprek"), G.target + G.pad) +
            G.pad;
        if (!view->meetings.n)
            ui_wrap(ui, (Rect){in.x, y, in.w, G.lh * 3}, FONT_BODY, t->ink_soft,
                    ui_tr(ui, "Er zijn geen bewaarde gesprekken."), 3, true);
        kit_list_rows(ui, &G, in, y, &view->meetings, ID_MEETING, 0);
        break;
    case PANEL_SETTINGS:
        settings_draw(ui, view, &scroll->sc);
        break;
    case PANEL_MENU: {
        in = kit_overlay(ui, &G, ui_px(ui, 130),
                         G.th * 2 + G.pad * 5 + 4 * (G.target * 5 / 4 + G.pad));
        kit_close_button(ui, &G, KIT_ID_CLOSE, in);
        y = kit_title(ui, &G, in, in.y, ui_tr(ui, "Coördinator"), G.target + G.pad) + G.pad;
        int bh = G.target * 5 / 4, gap = G.pad;
        struct {
            const char *id, *picto, *label;
            bool primary;
        } items[] = {
            {ID_FAMILY_TIME, "\xF0\x9F\x8F\xA1", N_("Familietijd: de familie werkt alleen"),
             true},                                                                 /* 🏡 */
            {ID_MENU_SETTINGS, "\xE2\x9A\x99\xEF\xB8\x8F", "Instellingen", false},  /* ⚙️ */
            {ID_KEEP, "\xE2\x8F\xB8\xEF\xB8\x8F", N_("Bewaren en stoppen"), false}, /* ⏸️ */
            {ID_CLOSE_MEETING, "\xF0\x9F\x97\x91\xEF\xB8\x8F", N_("Gesprek afsluiten en wissen"),
             false}, /* 🗑️ */
        };
        for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
            kit_big_button(ui, &G, items[i].id, (Rect){in.x, y, in.w, bh}, items[i].picto,
                           ui_tr(ui, items[i].label), items[i].primary, true);
            y += bh + gap;
        }
        break;
    }
    case PANEL_LANGUAGE: {
        int lrh = kit_list_row_height(&G, &view->languages);
        in = kit_overlay(ui, &G, ui_px(ui, 110), G.target + G.pad * 4 + view->languages.n * lrh);
        kit_close_button(ui, &G, KIT_ID_CLOSE, in);
        y = kit_title(ui, &G, in, in.y, "\xF0\x9F\x8C\x90 " /* 🌐 */, G.target + G.pad) + G.pad;
        FlowList now = view->languages; /* each in its own name; the one on screen marked */
        now.chosen = view->language_now;
        kit_list_rows(ui, &G, in, y, &now, ID_TALK, 0);
        break;
    }
    case PANEL_CALLED: {
        Rect b = message_panel(ui, &G, ui_tr(ui, "Klaar met de familietijd?"),
                               ui_tr(ui, "Haal de coördinator erbij. De coördinator tikt "
                                         "hieronder de pincode in."));
        kit_big_button(ui, &G, ID_RETURN, b, "\xF0\x9F\x94\x91",
                       ui_tr(ui, "Coördinator: terugkomen"), true, true);
        break;
    }
    case PANEL_CLOSE: {
        Rect b = message_panel(ui, &G, ui_tr(ui, "Gesprek afsluiten?"),
                               ui_tr(ui, "Het plan wordt van dit apparaat gewist en is niet "
                                         "terug te halen. Is het geprint of gedeeld?"));
        int bw = (b.w - G.pad) / 2;
        Rect no = {b.x, b.y, bw, b.h}, yes = {b.x + bw + G.pad, b.y, bw, b.h};
        if (ui->rtl) {
            no.x = yes.x;
            yes.x = b.x;
        }
        kit_big_button(ui, &G, ID_CLOSE_NO, no, NULL, ui_tr(ui, "Nee, terug"), true, true);
        kit_big_button(ui, &G, ID_CLOSE_YES, yes, NULL, ui_tr(ui, "Ja, wissen"), false, true);
        break;
    }
    case PANEL_NONE:
        break;
    }
}

FlowOut panels_gesture(FlowPanel *panel, const Gesture *ev, const FlowView *view,
                       PanelScroll *scroll)
{
    FlowOut o = {.act = FLOW_NOTHING};
    if (*panel == PANEL_SETTINGS && ev->kind != GESTURE_TAP) /* its columns scroll */
        return settings_gesture(ev, view, &scroll->sc);
    if (ev->kind != GESTURE_TAP) return o;
    const char *id = ev->widget;
    unsigned i;
    if (ui_id_is(id, KIT_ID_CLOSE)) {
        *panel = PANEL_NONE;
        return (FlowOut){.act = FLOW_REDRAW};
    }
    switch (*panel) {
    case PANEL_NEW:
        if (ui_id_num(id, ID_PLAN, &i) && (int)i <= view->plans.n) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_NEW, .index = (int)i};
        }
        break;
    case PANEL_CONTINUE:
        if (ui_id_num(id, ID_MEETING, &i) && (int)i < view->meetings.n) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_CONTINUE, .index = (int)i};
        }
        break;
    case PANEL_SETTINGS:
        return settings_gesture(ev, view, &scroll->sc);
    case PANEL_MENU:
        if (ui_id_is(id, ID_FAMILY_TIME)) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_FAMILY_TIME};
        }
        if (ui_id_is(id, ID_MENU_SETTINGS)) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_SETTINGS};
        }
        if (ui_id_is(id, ID_KEEP)) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_KEEP};
        }
        if (ui_id_is(id, ID_CLOSE_MEETING)) {
            *panel = PANEL_CLOSE;
            return (FlowOut){.act = FLOW_REDRAW};
        }
        break;
    case PANEL_CLOSE:
        if (ui_id_is(id, ID_CLOSE_NO)) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_REDRAW};
        }
        if (ui_id_is(id, ID_CLOSE_YES)) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_CLOSE};
        }
        break;
    case PANEL_LANGUAGE:
        if (ui_id_num(id, ID_TALK, &i) && (int)i < view->languages.n) {
            *panel = PANEL_NONE;
            return (FlowOut){.act = FLOW_LANGUAGE_NOW, .index = (int)i};
        }
        break;
    case PANEL_CALLED:
        if (ui_id_is(id, ID_RETURN)) {
            return (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_RETURN};
        }
        break;
    case PANEL_NONE:
        break;
    }
    return o;
}
