/* board: drawing and gestures of the network map screen; where things go
 * is board_layout.c. */
#include "ui/screens/board.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/netmap.h"
#include "core/relations.h"
#include "core/textexport.h"
#include "ui/kit.h"

#define ID_CENTRE "centre"
#define ID_MAP "map"
#define ID_ADD_PERSON "add-person"
#define ID_BIN "bin"
#define ID_TRAY "tray"
#define ID_ADD_GOAL "add-goal"
#define ID_GOALS_UP "goals-up"
#define ID_GOALS_DOWN "goals-down"
#define ID_GOALS_AREA "goals-area" /* on a small screen: the goals, to scroll with a finger */
#define ID_GOAL "goal"             /* "goal:ID" */
#define ID_AGREEMENT "agreement"   /* "agreement:ID" */
#define ID_PERSON "person"         /* "person:ID": a card */
#define ID_EDIT_PERSON "edit-person"
#define ID_FLIP "board-flip"             /* on a small screen: to the goals, or the map */
#define ID_ADD_AGREEMENT "add-agreement" /* "add-agreement:GOAL": who does what for it */

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */

static Color with_alpha(Color c, unsigned a)
{
    return (c & 0xFFFFFF00u) | (a & 0xFF);
}

/* `over` laid on the opaque `under` with opacity a (0..255), as one
 * opaque colour: cheaper to draw than blending it on screen. */
static Color mix(Color over, Color under, unsigned a)
{
    Color out = 0xFF;
    for (int shift = 8; shift <= 24; shift += 8) {
        unsigned o = (over >> shift) & 0xFF, u = (under >> shift) & 0xFF;
        out |= ((o * a + u * (255 - a) + 127) / 255) << shift;
    }
    return out;
}

/* The outline of a ring piece; `grow` widens it (for highlights). */
static void draw_ring_piece(Ui *ui, const NetMap *m, int ring, int sector, Color c)
{
    int r0 = (int)(netmap_ring_edge[ring - 1] * m->rx);
    int r1 = (int)(netmap_ring_edge[ring] * m->rx);
    int a0, a1;
    netmap_sector_span(sector, &a0, &a1);
    if (m->mirrored) { /* mirror the angles left to right */
        int b0 = 18000 - a1, b1 = 18000 - a0;
        a0 = (b0 + 36000) % 36000;
        a1 = a0 + (b1 - b0);
    }
    int before = ui->dl.n;
    draw_arc(&ui->dl, m->centre, r0, r1, a0, a1, c);
    if (ui->dl.n != before) /* ellipse: y radius per mille of x */
        ui->dl.cmds[ui->dl.n - 1].w = m->ry * 1000 / (m->rx ? m->rx : 1);
}

static void draw_map(Ui *ui, const Layout *L, const Plan *plan)
{
    const Theme *t = ui->theme;
    const NetMap *m = &L->net;
    draw_rect(&ui->dl, L->map, L->radius * 2, t->panel);
    /* a tap on the map puts a chosen card there (or lets go of it) */
    ui_widget(ui, ID_MAP, L->map, rect_center(L->map), GRAB_TAP);

    /* Sector fields, ring by ring, darker towards the centre. Each piece is
     * registered so scripts can aim at "ring:R:SECTOR". */
    static const unsigned ring_alpha[RING_COUNT + 1] = {0, 255, 190, 120};
    for (int ring = RING_COUNT; ring >= 1; ring--) {
        for (int s = 0; s < SECTOR_COUNT; s++) {
            draw_ring_piece(ui, m, ring, s, mix(t->sector_tint[s], t->panel, ring_alpha[ring]));
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "ring:%d:%s", ring, sector_key(s));
            Point anchor = netmap_anchor(m, ring, s);
            ui_widget(
                ui, id,
                (Rect){anchor.x - L->card_w / 2, anchor.y - L->card_h / 2, L->card_w, L->card_h},
                anchor, 0);
        }
    }
    /* ring edges and sector borders */
    int thin = ui_px(ui, 0.35f);
    for (int ring = 1; ring <= RING_COUNT; ring++) {
        int r = (int)(netmap_ring_edge[ring] * m->rx);
        draw_arc(&ui->dl, m->centre, r - thin, r, 0, 36000, with_alpha(t->line, 255));
        ui->dl.cmds[ui->dl.n - 1].w = m->ry * 1000 / (m->rx ? m->rx : 1);
    }
    draw_line(&ui->dl, (Point){m->centre.x - m->rx, m->centre.y},
              (Point){m->centre.x + m->rx, m->centre.y}, thin, t->line);
    draw_line(&ui->dl, (Point){m->centre.x, m->centre.y - m->ry},
              (Point){m->centre.x, m->centre.y + m->ry}, thin, t->line);

    /* the centre: whose plan it is */
    /* an ellipse as the map is, so a wide map holds wide names */
    int cr = (int)(netmap_ring_edge[0] * m->ry), crx = (int)(netmap_ring_edge[0] * m->rx);
    int per_mille = m->ry * 1000 / (m->rx ? m->rx : 1);
    draw_arc(&ui->dl, m->centre, 0, crx, 0, 36000, t->card);
    ui->dl.cmds[ui->dl.n - 1].w = per_mille;
    draw_arc(&ui->dl, m->centre, crx - thin * 2, crx, 0, 36000, t->accent);
    ui->dl.cmds[ui->dl.n - 1].w = per_mille;
    const char *who = plan_children(plan)[0] ? plan_children(plan) : plan_family(plan);
    Rect cbox = {m->centre.x - crx * 8 / 10, m->centre.y - cr, crx * 8 / 5, cr * 2};
    /* bold on two lines if it fits, else smaller on three */
    int font = FONT_BOLD, lines = 2;
    if (ui_wrap(ui, cbox, FONT_BOLD, t->ink, who, 9, false) > 2 * ui_line_height(ui, FONT_BOLD)) {
        font = FONT_SMALL;
        lines = 3;
    }
    int used = ui_wrap(ui, cbox, font, t->ink, who, lines, false);
    Rect tb = {cbox.x, m->centre.y - used / 2, cbox.w, used};
    int before = ui->dl.n; /* centre each wrapped line */
    ui_wrap(ui, tb, font, t->ink, who, lines, true);
    for (int i = before; i < ui->dl.n; i++)
        if (ui->dl.cmds[i].kind == DRAW_TEXT) ui->dl.cmds[i].b = ALIGN_CENTER | ALIGN_MIDDLE;
    ui_widget(ui, ID_CENTRE, (Rect){m->centre.x - crx, m->centre.y - cr, 2 * crx, 2 * cr},
              m->centre, 0);

    /* sector labels in the corners of the map */
    int sh = ui_line_height(ui, FONT_SMALL);
    for (int s = 0; s < SECTOR_COUNT; s++) {
        bool left = (s == SECTOR_FAMILY || s == SECTOR_SCHOOL) != ui->rtl;
        Rect box = board_sector_label(ui, L, s);
        int dot = sh / 4;
        Point dp = {left ? box.x + dot : box.x + box.w - dot, box.y + sh / 2};
        draw_disc(&ui->dl, dp, dot, t->sector[s]);
        Rect text = box;
        text.w -= dot * 3;
        if (left) text.x += dot * 3;
        ui_text(ui, text, FONT_SMALL, (left ? ALIGN_LEFT : ALIGN_RIGHT) | ALIGN_MIDDLE,
                t->sector[s], ui_tr(ui, sector_name(s)));
    }
}

/* A round picture of the person: their relation's pictogram on the
 * sector's colour, or their initials; a green check when they are in the
 * room. */
static void draw_card(Ui *ui, const Layout *L, const Person *p, Point c, bool lifted)
{
    const Theme *t = ui->theme;
    Rect r = board_card_at(ui, L, p, c);
    if (L->faces) { /* a crowded map: the face alone (a tap says who) */
        int fr = r.w / 2;
        draw_disc(&ui->dl, (Point){c.x + 1, c.y + (lifted ? 4 : 1)}, fr, 0x00000030);
        draw_disc(&ui->dl, c, fr, lifted ? t->sector[p->place.sector] : t->card);
        ui_avatar(ui, c, fr - ui_px(ui, 0.6f), p);
        return;
    }
    int sh = lifted ? ui_px(ui, 1.6f) : ui_px(ui, 0.5f);
    draw_rect(&ui->dl, (Rect){r.x + sh / 2, r.y + sh, r.w, r.h}, L->radius,
              lifted ? 0x00000040 : 0x00000022);
    draw_rect(&ui->dl, r, L->radius, t->card);
    draw_frame(&ui->dl, r, L->radius, ui_px(ui, lifted ? 0.6f : 0.35f),
               lifted ? t->sector[p->place.sector] : t->line);
    int ar = (r.h - L->pad) / 2;
    if (ar > r.h * 4 / 10) ar = r.h * 4 / 10;
    int ax = ui->rtl ? r.x + r.w - L->pad / 2 - ar : r.x + L->pad / 2 + ar;
    ui_avatar(ui, (Point){ax, c.y}, ar, p);
    int tx = ui->rtl ? r.x + L->pad / 2 : r.x + L->pad + 2 * ar;
    int tw = r.w - 2 * ar - L->pad * 3 / 2;
    int bh = ui_line_height(ui, FONT_BOLD), sh2 = L->compact ? 0 : ui_line_height(ui, FONT_SMALL);
    int ty = c.y - (bh + sh2) / 2;
    int align = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
    char first[200];
    ui_text(ui, (Rect){tx, ty, tw, bh}, FONT_BOLD, align, t->ink,
            board_card_name(L, p, first, sizeof first));
    if (!L->compact)
        ui_text(ui, (Rect){tx, ty + bh, tw, sh2}, FONT_SMALL, align, t->ink_soft,
                relation_words(p, ui->cat));
}

/* The tray: "+ person", the hint, the bin. */
static void draw_tray(Ui *ui, const Layout *L, const Plan *plan, bool show_goals, const Person *sel,
                      bool dragging)
{
    const Theme *t = ui->theme;
    draw_rect(&ui->dl, L->tray, L->radius * 2, t->panel);
    draw_frame(&ui->dl, L->tray, L->radius * 2, ui_px(ui, 0.35f), t->line);
    int sh = ui_line_height(ui, FONT_SMALL);
    bool add_first = L->add.x < L->bin.x; /* mirrored on a right-to-left screen */
    Rect first = add_first ? L->add : L->bin, second = add_first ? L->bin : L->add;
    int lx = first.x + first.w + L->pad;
    Rect label = {lx, L->tray.y + L->pad / 2, second.x - L->pad - lx, L->tray.h - L->pad};
    /* "+ person": large, always there */
    draw_rect(&ui->dl, L->add, L->radius * 2, t->accent);
    int plus = L->add.h / 3, th = ui_px(ui, 0.8f) + 1;
    Point pc = {L->add.x + L->pad + plus / 2 + th, L->add.y + L->add.h / 2};
    kit_plus(ui, pc, plus / 2, th, t->card, false);
    ui_text(ui, (Rect){pc.x + plus, L->add.y, L->add.w - plus - L->pad * 2, L->add.h}, FONT_BOLD,
            ALIGN_CENTER | ALIGN_MIDDLE, t->card, ui_tr(ui, "Persoon"));
    ui_widget(ui, ID_ADD_PERSON, L->add, rect_center(L->add), GRAB_TAP);
    if (sel && !dragging) { /* a card chosen: in the bin's place (only a drag needs it), "change" */
        draw_rect(&ui->dl, L->bin, L->radius * 2, t->card);
        draw_frame(&ui->dl, L->bin, L->radius * 2, ui_px(ui, 0.5f), t->accent);
        ui_text(ui, (Rect){L->bin.x, L->bin.y, L->bin.w, L->bin.h * 6 / 10}, FONT_TITLE,
                ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xE2\x9C\x8F\xEF\xB8\x8F"); /* ✏️ */
        ui_text(ui, (Rect){L->bin.x, L->bin.y + L->bin.h * 6 / 10, L->bin.w, L->bin.h * 4 / 10},
                FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->accent, ui_tr(ui, "Aanpassen"));
        ui_widget(ui, ID_EDIT_PERSON, L->bin, rect_center(L->bin), GRAB_TAP);
    } else {
        /* the bin: drop a card here to take the person out (undo brings them back) */
        draw_rect(&ui->dl, L->bin, L->radius * 2, 0xF3E4DEFF);
        draw_frame(&ui->dl, L->bin, L->radius * 2, ui_px(ui, 0.35f), 0xC9A89BFF);
        ui_text(ui, (Rect){L->bin.x, L->bin.y, L->bin.w, L->bin.h * 6 / 10}, FONT_TITLE,
                ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\x97\x91\xEF\xB8\x8F"); /* 🗑️ */
        ui_text(ui, (Rect){L->bin.x, L->bin.y + L->bin.h * 6 / 10, L->bin.w, L->bin.h * 4 / 10},
                FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft, ui_tr(ui, "Weghalen"));
        ui_widget(ui, ID_BIN, L->bin, rect_center(L->bin), 0);
    }
    if (L->split) { /* the other view: the goals, or the map */
        draw_rect(&ui->dl, L->flip, L->radius * 2, t->card);
        draw_frame(&ui->dl, L->flip, L->radius * 2, ui_px(ui, 0.5f), t->accent);
        const char *picto = show_goals ? "\xF0\x9F\x97\xBA\xEF\xB8\x8F" /* 🗺️ */
                                       : "\xF0\x9F\x8E\xAF";            /* 🎯 */
        Rect pic = {L->flip.x, L->flip.y, L->flip.w, L->flip.h * 6 / 10};
        ui_text(ui, pic, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, picto);
        Rect words = {L->flip.x + L->pad / 2, L->flip.y + L->flip.h * 6 / 10, L->flip.w - L->pad,
                      L->flip.h * 4 / 10};
        char flip[120];
        if (!show_goals && plan->n_goals > 0)
            snprintf(flip, sizeof flip, "%s %d", board_flip_label(ui, true), plan->n_goals);
        else
            snprintf(flip, sizeof flip, "%s", board_flip_label(ui, !show_goals));
        ui_text(ui, words, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->accent, flip);
        ui_widget(ui, ID_FLIP, L->flip, rect_center(L->flip), GRAB_TAP);
    }
    int waiting = 0;
    for (int i = 0; i < plan->n_people; i++)
        waiting += plan->people[i].place.ring == RING_TRAY && !plan->people[i].child;
    if (sel) { /* the chosen card whole: the name, who they are, where a tap puts them */
        int bh = ui_line_height(ui, FONT_BOLD);
        ui_text(ui, (Rect){label.x, label.y, label.w, bh}, FONT_BOLD,
                ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT, t->ink, sel->name);
        char more[400];
        snprintf(more, sizeof more, "%s \xC2\xB7 %s", relation_words(sel, ui->cat),
                 ui_tr(ui, "tik op een plek in de kring"));
        ui_wrap(ui, (Rect){label.x, label.y + bh, label.w, label.h - bh}, FONT_SMALL, t->ink_soft,
                more, (label.h - bh) / sh, true);
    } else {
        ui_wrap(ui, label, FONT_SMALL, t->ink_soft,
                waiting ? ui_tr(ui, "Tik op een kaart en dan op een plek")
                        : ui_tr(ui, "Nieuwe mensen wachten hier op hun plek"),
                waiting ? 1 : label.h / sh, true); /* the waiting cards below one line */
    }
    ui_widget(ui, ID_TRAY, L->tray, rect_center(L->tray), 0);
}

/* A chevron pointing up (dir -1) or down (dir 1). */
static void chevron(Ui *ui, Point c, int size, int dir, Color col)
{
    int th = ui_px(ui, 0.7f) + 1;
    draw_line(&ui->dl, (Point){c.x - size, c.y - dir * size / 2},
              (Point){c.x, c.y + dir * size / 2}, th, col);
    draw_line(&ui->dl, (Point){c.x, c.y + dir * size / 2},
              (Point){c.x + size, c.y - dir * size / 2}, th, col);
}

/* One agreement's words on the board, on one line: "Jamila en Henk:
 * what — when", with the names the family calls each other by (the
 * sheet shows it all). */
static void agreement_line(const Ui *ui, const Plan *plan, const Agreement *a, char *line, size_t n)
{
    char who[400];
    kit_doers(ui, plan, a, true, who, sizeof who);
    char *when = export_when(a, ui->cat); /* NULL when memory is short: the words alone */
    const char *w = when ? when : a->when;
    bool mixed = bidi_has_rtl(who) || bidi_has_rtl(a->what) || bidi_has_rtl(w);
    snprintf(line, n, "%s%s%s: %s%s%s", mixed ? BIDI_FSI : "", who, mixed ? BIDI_PDI : "", a->what,
             w[0] ? " \xE2\x80\x94 " : "", w);
    free(when);
}

/* One agreement's row in a goal's card: the first doer's picture and the
 * line, a finger's size; a tap opens it. */
static void agreement_row(Ui *ui, const Layout *L, const Plan *plan, const Agreement *a, Rect row)
{
    const Theme *t = ui->theme;
    int sh = ui_line_height(ui, FONT_SMALL);
    char line[900];
    agreement_line(ui, plan, a, line, sizeof line);
    draw_rect(&ui->dl, row, L->radius, t->bg);
    const Person *p = plan_person(plan, a->people[0]);
    int dot = sh / 2;
    Point dp = {ui->rtl ? row.x + row.w - L->pad / 2 - dot : row.x + L->pad / 2 + dot,
                row.y + row.h / 2};
    if (p && relation_find(p->picto)) {
        draw_disc(&ui->dl, dp, dot, t->sector_tint[p->place.sector]);
        ui_text(ui, (Rect){dp.x - 2 * dot, dp.y - dot, 4 * dot, 2 * dot}, FONT_SMALL,
                ALIGN_CENTER | ALIGN_MIDDLE, t->ink, relation_find(p->picto)->picto);
    } else {
        draw_disc(&ui->dl, dp, dot / 2, p ? t->sector[p->place.sector] : t->ink_soft);
    }
    int lw = row.w - dot * 2 - L->pad;
    Rect lb = {ui->rtl ? row.x + L->pad / 2 : row.x + L->pad / 2 + dot * 2 + L->pad / 2, row.y, lw,
               row.h};
    ui_text(ui, lb, FONT_SMALL, (ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT) | ALIGN_MIDDLE, t->ink_soft,
            line);
    char aid[UI_ID_LEN];
    ui_id_make(aid, ID_AGREEMENT, (unsigned)a->id);
    ui_widget(ui, aid, row, rect_center(row), GRAB_TAP);
}

/* "+ Afspraak" at (x, y) within w: who does what for the goal, without
 * dragging anyone. `hidden` agreements that did not fit are counted
 * beside it. */
static void add_agreement(Ui *ui, const Layout *L, const Goal *g, int x, int y, int w, int hidden)
{
    const Theme *t = ui->theme;
    const char *label = ui_tr(ui, "Afspraak");
    int aw = L->target + L->pad + ui_text_width(ui, FONT_BOLD, label);
    if (aw > w) aw = w;
    Rect add = {ui->rtl ? x + w - aw : x, y, aw, L->target};
    draw_frame(&ui->dl, add, L->target / 2, ui_px(ui, 0.5f), t->accent);
    int plus = L->target / 3, pth = ui_px(ui, 0.7f) + 1;
    Point pc = {ui->rtl ? add.x + add.w - L->pad - plus / 2 : add.x + L->pad + plus / 2,
                add.y + add.h / 2};
    kit_plus(ui, pc, plus / 2, pth, t->accent, false);
    Rect words = {ui->rtl ? add.x + L->pad / 2 : pc.x + plus / 2 + L->pad / 2, add.y,
                  add.w - plus - L->pad * 2, add.h};
    ui_text(ui, words, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->accent, label);
    char id[UI_ID_LEN];
    ui_id_make(id, ID_ADD_AGREEMENT, (unsigned)g->id);
    ui_widget(ui, id, add, rect_center(add), GRAB_TAP);
    if (hidden > 0) { /* more than the card shows: how many */
        char more[32];
        snprintf(more, sizeof more, "+%d", hidden);
        Rect m = {ui->rtl ? x : add.x + add.w + L->pad / 2, y, w - aw - L->pad / 2, L->target};
        ui_text(ui, m, FONT_BOLD, (ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT) | ALIGN_MIDDLE, t->ink_soft,
                more);
    }
}

/* A goal's card: its number, words and life area; each agreement as a
 * row a finger can tap; and "+ Afspraak". On a wide card (the goals in
 * the map's place) the words beside the rows. With draw false, only its
 * height; drawn in a card lower than that, rows give way so that
 * "+ Afspraak" stays. */
static int goal_card(Ui *ui, const Layout *L, const Plan *plan, int gi, Rect card, bool draw)
{
    const Theme *t = ui->theme;
    const Goal *g = &plan->goals[gi];
    int bh = ui_line_height(ui, FONT_BOLD);
    int num_r = bh / 2;
    bool wide = card.w >= ui_px(ui, 140);
    int words_w = wide ? card.w * 38 / 100 : card.w;
    int icon_w = g->area != AREA_NONE ? bh : 0; /* the pictogram's corner is not text */
    int text_w = words_w - 2 * num_r - L->pad * 3 / 2 - icon_w;
    int text_h = ui_wrap(ui, (Rect){0, 0, text_w, 0}, FONT_BOLD, t->ink, g->text, 3, false);
    int n_agr = 0;
    for (int k = 0; k < plan->n_agreements; k++)
        n_agr += plan->agreements[k].goal == g->id;
    int row_step = L->target + L->pad / 3;
    int rows_h = n_agr * row_step + L->target; /* and "+ Afspraak" */
    int words_h = L->pad + text_h + L->pad / 2;
    int h = wide ? (words_h > rows_h + L->pad ? words_h : rows_h + L->pad)
                 : words_h + rows_h + L->pad / 2;
    if (!draw) return h;
    /* the rows: below the words, or beside them */
    int rx = wide ? (ui->rtl ? card.x + L->pad / 2 : card.x + words_w) : card.x + L->pad / 2;
    int rw = wide ? card.w - words_w - L->pad / 2 : card.w - L->pad;
    int ry = wide ? card.y + L->pad / 2 : card.y + words_h;
    int bottom = card.y + card.h - L->pad / 2 - L->target; /* where "+ Afspraak" must start */
    int shown = 0;
    for (int k = 0; k < plan->n_agreements; k++) {
        const Agreement *a = &plan->agreements[k];
        if (a->goal != g->id) continue;
        if (ry + L->target > bottom - L->pad / 3) break;
        agreement_row(ui, L, plan, a, (Rect){rx, ry, rw, L->target});
        ry += row_step;
        shown++;
    }
    add_agreement(ui, L, g, rx, ry < bottom ? ry : bottom, rw, n_agr - shown);
    /* the card's words over the widgets of its rows: those are its parts */
    int wx = wide && ui->rtl ? card.x + card.w - words_w : card.x;
    if (g->area != AREA_NONE) /* the life area's pictogram, in the corner */
        ui_text(ui,
                (Rect){ui->rtl ? wx + L->pad / 2 : wx + words_w - L->pad / 2 - bh,
                       card.y + L->pad / 2, bh, bh},
                FONT_BODY, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, area_picto(g->area));
    Point nc = {ui->rtl ? wx + words_w - L->pad / 2 - num_r : wx + L->pad / 2 + num_r,
                card.y + L->pad + bh / 2};
    draw_disc(&ui->dl, nc, num_r, t->accent);
    char num[12];
    snprintf(num, sizeof num, "%d", gi + 1);
    ui_text(ui, (Rect){nc.x - num_r, nc.y - num_r, 2 * num_r, 2 * num_r}, FONT_SMALL,
            ALIGN_CENTER | ALIGN_MIDDLE, t->card, num);
    int tx = ui->rtl ? wx + L->pad / 2 + icon_w : nc.x + num_r + L->pad / 2;
    ui_wrap(ui, (Rect){tx, card.y + L->pad, text_w, text_h}, FONT_BOLD, t->ink, g->text, 3, true);
    return h;
}

/* A goal's card at `card`: the card, its widget, then its rows on top
 * (clipped to it when it is lower than it needs). */
static void goal_card_drawn(Ui *ui, const Layout *L, const Plan *plan, int gi, Rect card, bool clip)
{
    const Theme *t = ui->theme;
    draw_rect(&ui->dl, card, L->radius, t->card);
    draw_frame(&ui->dl, card, L->radius, ui_px(ui, 0.35f), t->line);
    char id[UI_ID_LEN];
    ui_id_make(id, ID_GOAL, (unsigned)plan->goals[gi].id);
    ui_widget(ui, id, card, (Point){card.x + card.w / 2, card.y + L->pad * 2},
              GRAB_TAP | GRAB_DRAG);
    if (clip) ui_clip(ui, card);
    goal_card(ui, L, plan, gi, card, true);
    if (clip) ui_unclip(ui);
}

static void draw_goals(Ui *ui, BoardState *st, const Layout *L, const Plan *plan)
{
    const Theme *t = ui->theme;
    draw_rect(&ui->dl, L->goals, L->radius * 2, t->panel);
    int x = L->goals.x + L->pad, w = L->goals.w - 2 * L->pad;
    int y = L->goals.y + L->pad;
    int th = ui_line_height(ui, FONT_TITLE), sh = ui_line_height(ui, FONT_SMALL);
    int align = ui->rtl ? ALIGN_RIGHT : ALIGN_LEFT;
    int aw = L->target + L->pad * 2 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Doel"));
    Rect add = {ui->rtl ? x : x + w - aw, y, aw, L->target};
    int hy = y + (L->target - th) / 2;
    ui_text(ui, (Rect){ui->rtl ? x + aw : x, hy, w - aw - L->pad, th}, FONT_TITLE,
            align | TEXT_SHRINK, t->ink, ui_tr(ui, "Doelen"));
    draw_rect(&ui->dl, add, L->target / 2, t->accent);
    int plus = L->target / 3, pth = ui_px(ui, 0.8f) + 1;
    Point pc = {add.x + L->pad + plus / 2, add.y + add.h / 2};
    kit_plus(ui, pc, plus / 2, pth, t->card, false);
    ui_text(ui, (Rect){pc.x + plus, add.y, add.w - plus - L->pad * 2, add.h}, FONT_BOLD,
            ALIGN_CENTER | ALIGN_MIDDLE, t->card, ui_tr(ui, "Doel"));
    ui_widget(ui, ID_ADD_GOAL, add, rect_center(add), GRAB_TAP);
    y += L->target + L->pad / 2;
    if (plan->n_goals > 0 && plan->n_agreements == 0) { /* how an agreement is made */
        int used = ui_wrap(
            ui, (Rect){x, y, w, sh * 2}, FONT_SMALL, t->ink_soft,
            ui_tr(ui, "Wie doet wat? Tik op + Afspraak, of sleep iemand op een doel."), 2, true);
        y += used + L->pad / 2;
    }
    int bottom = L->goals.y + L->goals.h - L->pad;
    if (L->split && plan->n_goals > 0) { /* in the map's place: every goal whole, scrolled */
        Rect area = {L->goals.x, y, L->goals.w, bottom - y + L->pad};
        ui_widget(ui, ID_GOALS_AREA, area, rect_center(area), GRAB_TAP | GRAB_DRAG);
        st->area_at = area;
        enum { KEPT = 256 }; /* each card measured once (a plan with more measures again) */
        int heights[KEPT], content = 0;
        for (int gi = 0; gi < plan->n_goals; gi++) {
            int h = goal_card(ui, L, plan, gi, (Rect){x, 0, w, 0}, false);
            if (gi < KEPT) heights[gi] = h;
            content += h + L->pad / 2;
        }
        form_scroll_clamp(&st->goals_scroll, content, area.h);
        ui_clip(ui, area);
        int gy = area.y - st->goals_scroll.offset;
        for (int gi = 0; gi < plan->n_goals; gi++) {
            int card_h =
                gi < KEPT ? heights[gi] : goal_card(ui, L, plan, gi, (Rect){x, 0, w, 0}, false);
            Rect card = {x, gy, w, card_h};
            if (gy + card_h > area.y && gy < area.y + area.h)
                goal_card_drawn(ui, L, plan, gi, card, false);
            gy += card_h + L->pad / 2;
        }
        ui_unclip(ui);
        int fade = L->pad; /* where more goals are, above or below: the edge darker */
        if (st->goals_scroll.offset > 0)
            draw_rect(&ui->dl, (Rect){area.x, area.y, area.w, fade}, 0, 0x2A263030);
        if (st->goals_scroll.offset < content - area.h)
            draw_rect(&ui->dl, (Rect){area.x, area.y + area.h - fade, area.w, fade}, 0, 0x2A263030);
        st->goals_shown = st->goals_folded = plan->n_goals;
        return;
    }
    if (st->goal_first >= plan->n_goals) st->goal_first = plan->n_goals > 0 ? plan->n_goals - 1 : 0;
    if (st->goal_first < 0) st->goal_first = 0;
    int scroll_h = L->target;
    if (st->goal_first > 0) { /* earlier goals: a button to go back up */
        Rect up = {x, y, w, scroll_h};
        draw_rect(&ui->dl, up, L->radius, t->sector_tint[1]);
        chevron(ui, rect_center(up), scroll_h / 4, -1, t->accent);
        ui_widget(ui, ID_GOALS_UP, up, rect_center(up), GRAB_TAP);
        y += scroll_h + L->pad / 2;
    }
    st->goals_shown = 0;
    if (plan->n_goals == 0)
        ui_wrap(ui, (Rect){x, y, w, bottom - y}, FONT_BODY, t->ink_soft,
                ui_tr(ui, "Nog geen doelen. Wat wil de familie bereiken?"), 3, true);
    bool folded = false; /* goals that no longer fit whole: one line each */
    st->goals_folded = plan->n_goals;
    for (int gi = st->goal_first; gi < plan->n_goals; gi++) {
        int card_h = goal_card(ui, L, plan, gi, (Rect){x, y, w, 0}, false);
        bool last = gi == plan->n_goals - 1;
        int room = bottom - (last ? 0 : scroll_h + L->pad / 2);
        if (!folded && y + card_h > room && st->goals_shown > 0) {
            folded = true;
            st->goals_folded = gi;
        }
        if (folded && y + L->target <= room) { /* its number and first words: tap or drop on it */
            const Goal *goal = &plan->goals[gi];
            Rect row = {x, y, w, L->target};
            draw_rect(&ui->dl, row, L->radius, t->card);
            draw_frame(&ui->dl, row, L->radius, ui_px(ui, 0.35f), t->line);
            int num_r = ui_line_height(ui, FONT_BOLD) / 2;
            Point nc = {ui->rtl ? row.x + row.w - L->pad / 2 - num_r : row.x + L->pad / 2 + num_r,
                        row.y + row.h / 2};
            draw_disc(&ui->dl, nc, num_r, t->accent);
            char num[12];
            snprintf(num, sizeof num, "%d", gi + 1);
            ui_text(ui, (Rect){nc.x - num_r, nc.y - num_r, 2 * num_r, 2 * num_r}, FONT_SMALL,
                    ALIGN_CENTER | ALIGN_MIDDLE, t->card, num);
            Rect words = {ui->rtl ? row.x + L->pad / 2 : nc.x + num_r + L->pad / 2, row.y,
                          row.w - 2 * num_r - L->pad * 3 / 2, row.h};
            ui_text(ui, words, FONT_BOLD, align | ALIGN_MIDDLE, t->ink, goal->text);
            char id[UI_ID_LEN];
            ui_id_make(id, ID_GOAL, (unsigned)goal->id);
            ui_widget(ui, id, row, rect_center(row), GRAB_TAP | GRAB_DRAG);
            st->goals_shown++;
            y += L->target + L->pad / 2;
            continue;
        }
        if (y + card_h > room && st->goals_shown > 0) {
            /* later goals: a button to see them, saying how many */
            Rect down = {x, bottom - scroll_h, w, scroll_h};
            draw_rect(&ui->dl, down, L->radius, t->sector_tint[1]);
            chevron(ui, (Point){down.x + down.w / 2 - scroll_h, down.y + down.h / 2}, scroll_h / 4,
                    1, t->accent);
            char more[64];
            snprintf(more, sizeof more, "%d", plan->n_goals - gi);
            ui_text(ui, (Rect){down.x + down.w / 2, down.y, down.w / 2, down.h}, FONT_BOLD,
                    ALIGN_LEFT | ALIGN_MIDDLE, t->accent, more);
            ui_widget(ui, ID_GOALS_DOWN, down, rect_center(down), GRAB_TAP);
            st->down_at = down;
            break;
        }
        if (y + card_h > room) card_h = room - y; /* one goal taller than the column */
        st->goals_shown++;
        goal_card_drawn(ui, L, plan, gi, (Rect){x, y, w, card_h}, true);
        y += card_h + L->pad / 2;
    }
}

static Person *dragged_person(const Plan *plan, const Finger *f)
{
    unsigned id;
    if (!f->down || !f->dragging || !ui_id_num(f->widget, ID_PERSON, &id)) return NULL;
    return plan_person(plan, id);
}

void board_state_init(BoardState *st)
{
    memset(st, 0, sizeof *st);
    st->goals_folded = INT_MAX; /* none, until drawn */
    sheet_init(&st->sheet);
    goalsheet_init(&st->goals);
}

void board_state_fini(BoardState *st)
{
    sheet_fini(&st->sheet);
    goalsheet_fini(&st->goals);
}

bool board_wants_text(const BoardState *st)
{
    return (st->sheet.open && st->sheet.focus != FOCUS_NONE) ||
           (st->goals.open && st->goals.focus != 0);
}

/* The widget "prefix:N" under point p (the topmost), N in *id; NULL when
 * there is none. `skip` is left out. */
static const Widget *numbered_at(const Ui *ui, const char *prefix, Point p, const char *skip,
                                 unsigned *id)
{
    for (int i = ui->n_widgets - 1; i >= 0; i--) {
        const Widget *w = &ui->widgets[i];
        if (rect_contains(w->rect, p) && (!skip || strcmp(w->id, skip) != 0) &&
            ui_id_num(w->id, prefix, id))
            return w;
    }
    return NULL;
}

/* A card held at the edge of the goals scrolls them, to be dropped on
 * one out of sight: over the column's "more" button, one goal further
 * each time it comes there; in the goals' own view, at its top or bottom
 * edge, a little with every move. Uses where the goals were last drawn. */
static void hover_scroll(BoardState *st, const Layout *L, const Plan *plan, const Gestures *g)
{
    bool over_down = false;
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Finger *f = &g->f[i];
        if (!dragged_person(plan, f)) continue;
        if (st->down_at.w && rect_contains(st->down_at, f->pos)) over_down = true;
        Rect a = st->area_at;
        if (a.w && L->split && st->show_goals && rect_contains(a, f->pos)) {
            int band = L->target;
            if (f->pos.y < a.y + band) st->goals_scroll.offset -= L->target / 3;
            if (f->pos.y > a.y + a.h - band)
                st->goals_scroll.offset += L->target / 3; /* kept within when drawn */
        }
    }
    if (over_down && !st->hover_down) st->goal_first++;
    st->hover_down = over_down;
}

void board_draw(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g, int top)
{
    const Theme *t = ui->theme;
    st->top = top;
    Layout L = board_layout(ui, &st->settled, plan, st->top);
    draw_rect(&ui->dl, (Rect){0, top, ui->w, ui->h - top}, 0, t->bg);

    if (st->selected && !plan_person(plan, st->selected))
        st->selected = 0; /* undone or removed meanwhile */
    if (!L.split) st->show_goals = false;
    bool goals_only = L.split && st->show_goals;
    hover_scroll(st, &L, plan, g);
    st->down_at = st->area_at = (Rect){0, 0, 0, 0}; /* drawn again below */
    const Person *sel = st->selected ? plan_person(plan, st->selected) : NULL;
    if (!goals_only) draw_map(ui, &L, plan);
    bool dragging = false;
    for (int i = 0; i < GESTURE_FINGERS; i++)
        dragging = dragging || dragged_person(plan, &g->f[i]);
    draw_tray(ui, &L, plan, st->show_goals, sel, dragging);
    if (!L.split || goals_only) draw_goals(ui, st, &L, plan);

    /* Cards at rest, every one of them: a card under a finger stays drawn
     * at home here, so lifting it does not change this still layer. */
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        if (p->child) continue;                                 /* the children are the centre */
        if (goals_only && p->place.ring != RING_TRAY) continue; /* the map is the other view */
        char id[UI_ID_LEN];
        ui_id_make(id, ID_PERSON, (unsigned)p->id);
        Point c = board_person_home(&L, ui, plan, p);
        draw_card(ui, &L, p, c, false);
        if (gestures_dragging(g, id) < 0)
            ui_widget(ui, id, board_card_at(ui, &L, p, c), board_visible_point(ui, &L, plan, i),
                      GRAB_TAP | GRAB_DRAG | GRAB_LONGPRESS);
    }
    /* the selected card: a ring (the tray says who it is, and changes it) */
    if (sel && !(goals_only && sel->place.ring != RING_TRAY)) {
        Rect r = board_card_at(ui, &L, sel, board_person_home(&L, ui, plan, sel));
        draw_frame(&ui->dl, rect_inset(r, -ui_px(ui, 0.8f)), L.radius + ui_px(ui, 0.8f),
                   ui_px(ui, 0.7f), t->accent);
    }

    /* What moves with the fingers, and what lies over everything. */
    draw_layer(&ui->dl);
    bool lit[RING_COUNT + 1][SECTOR_COUNT] = {{false}};
    bool tray_lit = false;
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Person *p = dragged_person(plan, &g->f[i]);
        if (!p) continue;
        /* the empty place it came from, faded */
        Rect home = board_card_at(ui, &L, p, board_person_home(&L, ui, plan, p));
        draw_rect(&ui->dl, rect_inset(home, -1), L.radius, with_alpha(t->bg, 200));
        draw_frame(&ui->dl, home, L.radius, ui_px(ui, 0.35f), t->line);
        /* where it would land */
        Drop d = board_drop_for(&L, board_drag_centre(&L, ui, plan, &g->f[i], p), g->f[i].pos);
        if (d.bin) {
            draw_frame(&ui->dl, L.bin, L.radius * 2, ui_px(ui, 0.8f), ui->theme->warn);
        } else if (d.valid && d.place.ring == RING_TRAY && !tray_lit) {
            draw_frame(&ui->dl, L.tray, L.radius * 2, ui_px(ui, 0.8f), t->sector[1]);
            tray_lit = true;
        } else if (d.valid && d.place.ring != RING_TRAY && !lit[d.place.ring][d.place.sector]) {
            draw_ring_piece(ui, &L.net, d.place.ring, d.place.sector,
                            with_alpha(t->sector[d.place.sector], 56));
            lit[d.place.ring][d.place.sector] = true;
        }
    }
    /* goals under fingers: the place they left, a goal they would trade
     * places with, and the card itself */
    for (int i = 0; i < GESTURE_FINGERS && !L.split; i++) { /* (there a drag scrolls them) */
        const Finger *f = &g->f[i];
        unsigned gid;
        if (!f->down || !f->dragging || !ui_id_num(f->widget, ID_GOAL, &gid)) continue;
        const Widget *home = ui_find(ui, f->widget);
        const Goal *goal = plan_goal(plan, gid);
        if (!home || !goal) continue;
        draw_rect(&ui->dl, home->rect, L.radius, with_alpha(t->bg, 200));
        unsigned other;
        const Widget *target = numbered_at(ui, ID_GOAL, f->pos, f->widget, &other);
        if (!target) target = numbered_at(ui, ID_PERSON, f->pos, NULL, &other);
        if (target)
            draw_frame(&ui->dl, rect_inset(target->rect, -2), L.radius, ui_px(ui, 0.8f), t->accent);
        Rect r = home->rect;
        r.x += f->pos.x - f->start.x;
        r.y += f->pos.y - f->start.y;
        draw_rect(&ui->dl, (Rect){r.x + 3, r.y + 6, r.w, r.h}, L.radius, 0x00000040);
        draw_rect(&ui->dl, r, L.radius, t->card);
        draw_frame(&ui->dl, r, L.radius, ui_px(ui, 0.6f), t->accent);
        ui_wrap(ui, (Rect){r.x + L.pad, r.y + L.pad, r.w - 2 * L.pad, r.h - 2 * L.pad}, FONT_BOLD,
                t->ink, goal->text, 3, true);
    }
    /* a goal a dragged person would make an agreement for */
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        unsigned gid;
        const Widget *target;
        if (dragged_person(plan, &g->f[i]) &&
            (target = numbered_at(ui, ID_GOAL, g->f[i].pos, NULL, &gid)))
            draw_frame(&ui->dl, rect_inset(target->rect, -2), L.radius, ui_px(ui, 0.8f), t->accent);
    }
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Person *p = dragged_person(plan, &g->f[i]);
        if (!p) continue;
        Point c = board_drag_centre(&L, ui, plan, &g->f[i], p);
        draw_card(ui, &L, p, c, true);
        ui_widget(ui, g->f[i].widget, board_card_at(ui, &L, p, c), c, GRAB_TAP | GRAB_DRAG);
    }
    if (st->sheet.open) sheet_draw(ui, &st->sheet, &st->kb);
    if (st->goals.open) goalsheet_draw(ui, &st->goals, plan, &st->kb);
}

/* What a sheet's answer means for the board. `which` is 1 for the person
 * sheet, 2 for the goal sheet; removal is the edit its "Weghalen" makes. */
typedef enum BoardResult { BOARD_NOTHING, BOARD_REDRAW, BOARD_EDIT } BoardResult;

static BoardResult from_sheet(BoardState *st, int which, SheetResult r, Edit *edit, Edit removal)
{
    switch (r) {
    case SHEET_REMOVE:
        *edit = removal;
        /* fall through */
    case SHEET_EDIT:
        st->sheet_edit = which;
        return BOARD_EDIT;
    case SHEET_REDRAW:
    case SHEET_CLOSED:
        return BOARD_REDRAW;
    case SHEET_NOTHING:
        break;
    }
    return BOARD_NOTHING;
}

static Edit person_removal(const BoardState *st)
{
    return (Edit){.kind = EDIT_PERSON_REMOVE, .id = st->sheet.person};
}

void board_edit_result(BoardState *st, const Plan *plan, EditResult r, const char *why)
{
    int from = st->sheet_edit;
    st->sheet_edit = 0;
    if (from == 2) {
        bool added = r == EDIT_OK && st->goals.kind == GOALSHEET_GOAL && st->goals.id == 0;
        goalsheet_taken(&st->goals, r == EDIT_OK, why);
        if (added && plan->n_goals > st->goal_first + st->goals_shown) /* show the new goal */
            st->goal_first = plan->n_goals - (st->goals_shown > 1 ? st->goals_shown : 1);
    }
    if (from != 1) return;
    bool added = r == EDIT_OK && st->sheet.person == 0 && plan->n_people > 0;
    sheet_taken(&st->sheet, r == EDIT_OK, why);
    if (added && !st->sheet.open) /* the new card chosen: a tap on a place puts it there */
        st->selected = plan->people[plan->n_people - 1].id;
    if (st->selected && !plan_person(plan, st->selected)) st->selected = 0;
}

static BoardResult on_text(BoardState *st, const char *text)
{
    Edit unused;
    if (st->goals.open)
        return from_sheet(st, 2, goalsheet_text(&st->goals, text), &unused,
                          goalsheet_removal(&st->goals));
    return st->sheet.open
               ? from_sheet(st, 1, sheet_text(&st->sheet, text), &unused, person_removal(st))
               : BOARD_NOTHING;
}

static BoardResult on_key(BoardState *st, SheetKey key, Edit *edit)
{
    if (st->goals.open)
        return from_sheet(st, 2, goalsheet_key(&st->goals, key, edit), edit,
                          goalsheet_removal(&st->goals));
    return st->sheet.open
               ? from_sheet(st, 1, sheet_key(&st->sheet, key, edit), edit, person_removal(st))
               : BOARD_NOTHING;
}

static BoardResult on_gesture(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g,
                              const Gesture *ev, Edit *edit)
{
    Layout L = board_layout(ui, &st->settled, plan, st->top);
    if (st->sheet.open)
        return from_sheet(st, 1, sheet_gesture(ui, &st->sheet, &st->kb, ev, edit), edit,
                          person_removal(st));
    if (st->goals.open)
        return from_sheet(st, 2, goalsheet_gesture(ui, &st->goals, plan, &st->kb, ev, edit), edit,
                          goalsheet_removal(&st->goals));
    unsigned pid, gid, aid;
    bool scroll_goals =
        L.split && st->show_goals &&
        (ui_id_is(ev->widget, ID_GOALS_AREA) || ui_id_num(ev->widget, ID_GOAL, &gid));
    if (scroll_goals && ev->kind != GESTURE_TAP && form_scroll_gesture(&st->goals_scroll, ev))
        return BOARD_REDRAW; /* there a drag on the goals scrolls them */
    switch (ev->kind) {
    case GESTURE_TAP:
        if (ui_id_is(ev->widget, ID_ADD_PERSON)) {
            st->selected = 0;
            sheet_open(&st->sheet, plan, 0, SECTOR_FAMILY);
            st->kb = (Keyboard){.shift = true}; /* names start with a capital */
            return BOARD_REDRAW;
        }
        if (ui_id_is(ev->widget, ID_EDIT_PERSON) && st->selected) {
            sheet_open(&st->sheet, plan, st->selected, 0);
            st->kb = (Keyboard){0};
            return BOARD_REDRAW;
        }
        if (ui_id_num(ev->widget, ID_PERSON, &pid)) {
            st->selected = st->selected == pid ? 0 : pid;
            return BOARD_REDRAW;
        }
        if (ui_id_is(ev->widget, ID_FLIP)) { /* the chosen card stays chosen, for + Afspraak */
            st->show_goals = !st->show_goals;
            return BOARD_REDRAW;
        }
        if (ui_id_num(ev->widget, ID_ADD_AGREEMENT, &gid) && plan_goal(plan, gid)) {
            /* who does it: the chosen card, if there is one */
            goalsheet_open_agreement(&st->goals, plan, 0, gid, st->selected);
            st->selected = 0;
            st->kb = (Keyboard){.shift = true};
            return BOARD_REDRAW;
        }
        if (ui_id_is(ev->widget, ID_GOALS_UP)) {
            st->goal_first = st->goal_first > 0 ? st->goal_first - 1 : 0;
            return BOARD_REDRAW;
        }
        if (ui_id_is(ev->widget, ID_GOALS_DOWN)) {
            st->goal_first++;
            return BOARD_REDRAW;
        }
        if (ui_id_is(ev->widget, ID_ADD_GOAL)) {
            goalsheet_open_goal(&st->goals, plan, 0);
            st->kb = (Keyboard){.shift = true};
            return BOARD_REDRAW;
        }
        if (ui_id_num(ev->widget, ID_GOAL, &gid) && plan_goal(plan, gid)) {
            int gi = (int)(plan_goal(plan, gid) - plan->goals);
            if (gi >= st->goals_folded) { /* folded: first brought up whole */
                st->goal_first = gi;
                return BOARD_REDRAW;
            }
            goalsheet_open_goal(&st->goals, plan, gid);
            st->kb = (Keyboard){0};
            return BOARD_REDRAW;
        }
        if (ui_id_num(ev->widget, ID_AGREEMENT, &aid) && plan_agreement(plan, aid)) {
            goalsheet_open_agreement(&st->goals, plan, aid, 0, 0);
            st->kb = (Keyboard){0};
            return BOARD_REDRAW;
        }
        if (st->selected) { /* a tap on a place puts the chosen person there; elsewhere,
                               it lets go of them */
            const Person *p = plan_person(plan, st->selected);
            Drop d = board_drop_for(&L, ev->pos, ev->pos);
            bool on_map = !(L.split && st->show_goals) && d.valid && !d.bin;
            st->selected = 0;
            if (p && on_map && !(d.place.ring == RING_TRAY && p->place.ring == RING_TRAY)) {
                *edit = (Edit){.kind = EDIT_PERSON_MOVE, .id = p->id, .place = d.place};
                return BOARD_EDIT;
            }
            return BOARD_REDRAW;
        }
        return BOARD_NOTHING;
    case GESTURE_LONGPRESS:
        if (ui_id_num(ev->widget, ID_PERSON, &pid) && plan_person(plan, pid)) {
            st->selected = pid;
            sheet_open(&st->sheet, plan, pid, 0);
            st->kb = (Keyboard){0};
            return BOARD_REDRAW;
        }
        return BOARD_NOTHING;
    case GESTURE_DRAG_START:
    case GESTURE_DRAG_MOVE:
    case GESTURE_CANCEL:
        return BOARD_REDRAW;
    case GESTURE_DROP: {
        const Finger *f = &g->f[ev->slot];
        unsigned id;
        const Person *p;
        if (ui_id_num(ev->widget, ID_GOAL, &gid) && plan_goal(plan, gid)) {
            unsigned other;
            if (numbered_at(ui, ID_GOAL, f->pos, ev->widget, &other)) { /* trade places */
                int to = 0;
                while (to < plan->n_goals && plan->goals[to].id != other)
                    to++;
                *edit = (Edit){.kind = EDIT_GOAL_MOVE, .id = gid, .index = to};
                return BOARD_EDIT;
            }
            if (numbered_at(ui, ID_PERSON, f->pos, NULL, &other) && plan_person(plan, other)) {
                goalsheet_open_agreement(&st->goals, plan, 0, gid, other);
                st->kb = (Keyboard){.shift = true};
            }
            return BOARD_REDRAW;
        }
        if (!ui_id_num(ev->widget, ID_PERSON, &id) || !(p = plan_person(plan, id)))
            return BOARD_REDRAW;
        if (numbered_at(ui, ID_GOAL, f->pos, NULL, &gid) && plan_goal(plan, gid)) {
            goalsheet_open_agreement(&st->goals, plan, 0, gid, p->id);
            st->kb = (Keyboard){.shift = true};
            return BOARD_REDRAW;
        }
        if (L.split && rect_contains(L.flip, f->pos)) { /* dropped on "to the goals": there,
                                                           chosen for + Afspraak */
            st->show_goals = !st->show_goals;
            st->selected = p->id;
            return BOARD_REDRAW;
        }
        Drop d = board_drop_for(&L, board_drag_centre(&L, ui, plan, f, p), f->pos);
        if (d.bin) {
            if (st->selected == p->id) st->selected = 0;
            *edit = (Edit){.kind = EDIT_PERSON_REMOVE, .id = p->id};
            return BOARD_EDIT;
        }
        if (!d.valid || memcmp(&d.place, &p->place, sizeof d.place) == 0) return BOARD_REDRAW;
        if (d.place.ring == RING_TRAY && p->place.ring == RING_TRAY) return BOARD_REDRAW;
        *edit = (Edit){.kind = EDIT_PERSON_MOVE, .id = p->id, .place = d.place};
        return BOARD_EDIT;
    }
    default:
        return BOARD_NOTHING;
    }
}

/* The board's answer as an action: BOARD_EDIT's edit may borrow a sheet's
 * texts until board_edit_result(). */
static FlowOut out(BoardResult r, const Edit *edit)
{
    switch (r) {
    case BOARD_REDRAW:
        return (FlowOut){.act = FLOW_REDRAW};
    case BOARD_EDIT:
        return (FlowOut){.act = FLOW_EDIT, .edit = *edit};
    case BOARD_NOTHING:
        break;
    }
    return (FlowOut){.act = FLOW_NOTHING};
}

FlowOut board_gesture(Ui *ui, BoardState *st, const Plan *plan, const Gestures *g,
                      const Gesture *ev)
{
    Edit edit = {0};
    BoardResult r = on_gesture(ui, st, plan, g, ev, &edit);
    return out(r, &edit);
}

FlowOut board_text(BoardState *st, const char *typed)
{
    Edit edit = {0};
    return out(on_text(st, typed), &edit);
}

FlowOut board_key(BoardState *st, SheetKey k)
{
    Edit edit = {0};
    BoardResult r = on_key(st, k, &edit);
    return out(r, &edit);
}

bool board_sheet_open(const BoardState *st)
{
    return st->sheet.open || st->goals.open;
}
