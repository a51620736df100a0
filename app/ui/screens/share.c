/* share: layout and drawing of the share screen. */
#include "ui/screens/share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/relations.h"
#include "core/bidi.h"
#include "core/share.h"
#include "core/redact.h"
#include "core/textexport.h"
#include "ui/kit.h"

#define ID_COPIES "copies" /* "copies-minus", "copies-plus" */
#define ID_NO_CONCERNS "print-no-concerns"
#define ID_INITIALS "print-initials"
#define ID_PRINT "print-start"
#define ID_CODE "code"               /* "code:print", "code:plan", "code:person-7" ... */
#define ID_SHOW "show"               /* "show:PERSON": their code on or off */
#define ID_SHOW_PLAN "show-plan"     /* the whole plan to phones, on or off */
#define ID_SHOW_SAFETY "show-safety" /* plan B on each person's page */
#define ID_QR "qr"
#define ID_CODE_TEXT "code-text" /* what a code holds: dragged, it scrolls */
#define ID_PREV "part-prev"
#define ID_NEXT "part-next"
#define ID_BIG "code-big"   /* a code too small on this screen: shown large */
#define ID_BACK "code-back" /* from a code shown large back to the list */

void share_view_open(ShareView *v)
{
    v->open = true;
    snprintf(v->chosen, sizeof v->chosen, "plan");
    v->part = 1;
    v->big = false;
    v->scroll = (FormScroll){0};
    if (v->copies < 1) v->copies = 1;
}

/* Printing: how many copies, what leaves the room, a large button, and
 * how it goes. Where the panel is short (the 7-inch panel) the words
 * about it give way and the button stands beside the copies. */
static void print_panel(Ui *ui, ShareView *v, Rect inner, PrintProgress progress, const char *words)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm), target = ui_px(ui, t->target_mm);
    int th = ui_line_height(ui, FONT_TITLE), lh = ui_line_height(ui, FONT_BODY);
    int bw = target * 2 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Printen"));
    int full = th + pad + lh * 3 + pad * 2 + lh + pad / 2 + target + pad + 2 * target + pad +
               target + pad * 3 + lh * 4;
    bool short_panel = inner.h < full;
    int y = inner.y;
    ui_text(ui, (Rect){inner.x, y, inner.w, th}, FONT_TITLE, ALIGN_LEFT, t->ink,
            ui_tr(ui, "Het plan op papier"));
    y += th + pad;
    if (!short_panel) {
        y += ui_wrap(ui, (Rect){inner.x, y, inner.w, lh * 3}, FONT_BODY, t->ink_soft,
                     ui_tr(ui, "Iedereen krijgt het hele plan mee, met een plek om te tekenen."), 3,
                     true);
        y += pad * 2;
    }
    int qw = ui_text_width(ui, FONT_BODY, ui_tr(ui, "Hoeveel?")) + pad;
    int sx = inner.x;
    if (short_panel) { /* "Hoeveel?" before the copies, on their line */
        ui_text(ui, (Rect){inner.x, y, qw, target}, FONT_BODY, ALIGN_LEFT | ALIGN_MIDDLE, t->ink,
                ui_tr(ui, "Hoeveel?"));
        sx += qw;
    } else {
        ui_text(ui, (Rect){inner.x, y, inner.w, lh}, FONT_BODY, ALIGN_LEFT, t->ink,
                ui_tr(ui, "Hoeveel?"));
        y += lh + pad / 2;
    }
    char n[8];
    snprintf(n, sizeof n, "%d", v->copies);
    kit_stepper(ui, sx, y, ID_COPIES, n, target * 2, v->copies > 1, v->copies < 99);
    Rect go = {inner.x, 0, bw, target + pad};
    bool beside = short_panel && sx + target * 4 + pad * 2 + bw <= inner.x + inner.w;
    if (beside) go = (Rect){inner.x + inner.w - bw, y - pad / 2, bw, target + pad};
    y += target + pad;
    /* what leaves the room: the family may ask for less */
    const struct {
        const char *id, *label;
        bool on;
    } opts[2] = {
        {ID_NO_CONCERNS, N_("Zonder de zorgen"), v->no_concerns},
        {ID_INITIALS, N_("Voorletters in plaats van namen"), v->initials},
    };
    for (int i = 0; i < 2; i++) {
        Rect r = {inner.x, y, inner.w, target};
        Rect box = {inner.x, y + target / 6, target * 2 / 3, target * 2 / 3};
        draw_rect(&ui->dl, box, pad / 2, opts[i].on ? t->accent : t->card);
        draw_frame(&ui->dl, box, pad / 2, ui_px(ui, 0.5f), opts[i].on ? t->accent : t->line);
        if (opts[i].on) {
            Point c = rect_center(box);
            int a = box.w / 4, lw2 = ui_px(ui, 0.6f) + 1;
            draw_line(&ui->dl, (Point){c.x - a, c.y}, (Point){c.x - a / 3, c.y + a * 2 / 3}, lw2,
                      t->card);
            draw_line(&ui->dl, (Point){c.x - a / 3, c.y + a * 2 / 3},
                      (Point){c.x + a, c.y - a * 2 / 3}, lw2, t->card);
        }
        ui_text(ui, (Rect){box.x + box.w + pad, y, inner.w - box.w - pad, target}, FONT_BODY,
                ALIGN_LEFT | ALIGN_MIDDLE | TEXT_SHRINK, t->ink, ui_tr(ui, opts[i].label));
        ui_widget(ui, opts[i].id, r, rect_center(r), GRAB_TAP);
        y += target;
    }
    y += pad;
    if (!beside) {
        go.y = y;
        y += go.h + pad * 2;
    }
    bool busy = progress == PRINT_BUSY;
    KitGeo G = kit_geo(ui);
    kit_big_button(ui, &G, ID_PRINT, go, "\xF0\x9F\x96\xA8\xEF\xB8\x8F", /* 🖨️ */
                   ui_tr(ui, "Printen"), true, !busy);
    if (progress != PRINT_IDLE && words) {
        static const char *const ids[] = {"", "print-busy", "print-done", "print-problem"};
        Color c = progress == PRINT_PROBLEM ? ui->theme->warn
                  : progress == PRINT_OK    ? t->present
                                            : t->ink;
        int lines = (inner.y + inner.h - y) / lh;
        if (lines > 4) lines = 4;
        if (lines < 1) lines = 1;
        int h =
            ui_wrap(ui, (Rect){inner.x, y, inner.w, lh * lines}, FONT_BODY, c, words, lines, true);
        ui_widget(ui, ids[progress], (Rect){inner.x, y, inner.w, h > 0 ? h : lh},
                  (Point){inner.x + 4, y + lh / 2}, 0);
    }
}

/* The family's switch beside a row: "aan" or "uit". */
static void switch_at(Ui *ui, Rect sw, const char *id, bool off)
{
    const Theme *t = ui->theme;
    int target = sw.h;
    draw_rect(&ui->dl, sw, target / 2, off ? t->card : t->present);
    draw_frame(&ui->dl, sw, target / 2, ui_px(ui, 0.5f), off ? t->line : t->present);
    ui_text(ui, sw, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK,
            off ? t->ink_soft : t->card, off ? ui_tr(ui, "uit") : ui_tr(ui, "aan"));
    ui_widget(ui, id, sw, rect_center(sw), GRAB_TAP | GRAB_DRAG);
}

static bool is_hidden(const ShareView *v, uint32_t person)
{
    for (int i = 0; i < v->n_hidden; i++)
        if (v->hidden[i] == person) return true;
    return false;
}

/* True when code c is (a part of) the chosen one: "plan-2-of-6" is part
 * of "plan", "person-7-1-of-2" of "person-7" (but "person-71" is not). */
static bool same_code(const ShareCode *c, const char *chosen)
{
    size_t n = strlen(chosen);
    return strncmp(c->name, chosen, n) == 0 &&
           (c->name[n] == '\0' || strncmp(c->name + n, "-", 1) == 0) &&
           (c->name[n] == '\0' || c->parts > 1);
}

static const ShareCode *find(const ShareSet *set, const char *chosen, int part)
{
    for (int i = 0; i < set->n; i++)
        if (same_code(&set->codes[i], chosen) && set->codes[i].part == part) return &set->codes[i];
    return NULL;
}

static void list_item(Ui *ui, Rect r, const char *id, const char *picto, const char *label,
                      const char *note, bool chosen, bool off)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm);
    draw_rect(&ui->dl, r, ui_px(ui, t->radius_mm), chosen ? t->sector_tint[1] : t->card);
    draw_frame(&ui->dl, r, ui_px(ui, t->radius_mm), ui_px(ui, chosen ? 0.7f : 0.35f),
               chosen ? t->accent : t->line);
    int pw = r.h;
    ui_text(ui, (Rect){r.x + pad / 2, r.y, pw, r.h}, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE,
            t->ink, picto);
    int lh = ui_line_height(ui, FONT_BOLD), sh = ui_line_height(ui, FONT_SMALL);
    int ty = r.y + (r.h - lh - (note ? sh : 0)) / 2;
    ui_text(ui, (Rect){r.x + pw + pad / 2, ty, r.w - pw - pad * 3 / 2, lh}, FONT_BOLD,
            ALIGN_LEFT | TEXT_SHRINK, off ? t->ink_soft : t->ink, label);
    if (note)
        ui_text(ui, (Rect){r.x + pw + pad / 2, ty + lh, r.w - pw - pad * 3 / 2, sh}, FONT_SMALL,
                ALIGN_LEFT, t->ink_soft, note);
    ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
}

/* What a code holds, line after line in r, scrolled up by offset (a
 * finger drags it: the code holds more than the panel shows); returns
 * the height of it all. */
static int payload_text(Ui *ui, Rect r, const char *payload, int offset)
{
    const Theme *t = ui->theme;
    int sl = ui_line_height(ui, FONT_SMALL), y = r.y - offset;
    ui_clip(ui, r);
    for (const char *line = payload; *line;) {
        size_t n = strcspn(line, "\n");
        char buf[1024];
        snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf - 1 ? n : sizeof buf - 1), line);
        int h = buf[0] ? ui_wrap(ui, (Rect){r.x, y, r.w, 0}, FONT_SMALL, t->ink, buf, 40, false)
                       : sl / 2;
        if (buf[0] && y + h > r.y && y < r.y + r.h) /* only what is in view is drawn */
            ui_wrap(ui, (Rect){r.x, y, r.w, h}, FONT_SMALL, t->ink, buf, 40, true);
        y += h;
        line = line[n] ? line + n + 1 : line + n;
    }
    ui_unclip(ui);
    int height = y + offset - r.y;
    kit_scroll_edges(ui, r, offset, height);
    ui_widget(ui, ID_CODE_TEXT, r, rect_center(r), GRAB_DRAG);
    return height;
}

/* A person's link (0: the whole plan's) while the pages are served. */
static const char *link_of(const ShareLinks *links, uint32_t person)
{
    for (int i = 0; links && links->serving && i < links->n; i++)
        if (links->person[i] == person) return links->url[i];
    return NULL;
}

/* A code that opens a page: large, and beside it what to do and where. */
/* A code taking `percent` of the panel's long side (as much as the short
 * side allows), on white; returns the room beside it (or below it when
 * the panel stands upright) for its words. */
/* A code `side` on a side at the start of inner, on white; returns the
 * room beside it (or below it, `below` further down, when the panel stands
 * upright) for its words. */
static Rect code_at(Ui *ui, Rect inner, const char *payload, int side, int below)
{
    int pad = ui_px(ui, ui->theme->pad_mm);
    Rect code = {inner.x, inner.y, side, side};
    draw_rect(&ui->dl, code, 0, 0xFFFFFFFF);
    draw_qr(&ui->dl, code, payload, strlen(payload));
    ui_widget(ui, ID_QR, code, rect_center(code), 0);
    return inner.w > inner.h
               ? (Rect){code.x + code.w + pad * 2, inner.y, inner.w - code.w - pad * 2, inner.h}
               : (Rect){inner.x, code.y + code.h + below + pad, inner.w,
                        inner.y + inner.h - (code.y + code.h + below + pad)};
}

static Rect code_with_room(Ui *ui, Rect inner, const char *payload, int percent)
{
    bool wide = inner.w > inner.h;
    int side = wide ? (inner.w * percent / 100 < inner.h ? inner.w * percent / 100 : inner.h)
                    : (inner.w < inner.h * percent / 100 ? inner.w : inner.h * percent / 100);
    return code_at(ui, inner, payload, side, 0);
}

/* A code shown large: the button back to the list, at the foot of the
 * room for its words (which it takes from *text). */
static void back_button(Ui *ui, Rect *text)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm), target = ui_px(ui, t->target_mm);
    const char *back = ui_tr(ui, "Terug naar de lijst");
    int bw = ui_text_width(ui, FONT_BOLD, back) + 2 * target;
    Rect r = {text->x, text->y + text->h - target, bw < text->w ? bw : text->w, target};
    draw_rect(&ui->dl, r, target / 2, t->accent);
    ui_text(ui, r, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->card, back);
    ui_widget(ui, ID_BACK, r, rect_center(r), GRAB_TAP);
    text->h -= target + pad;
}

/* A code that opens something (a page, the Wi-Fi): as large as it can
 * be, with whose it is, how to use it (how: NULL for a page's) and, where
 * there is room, what it holds written out (shown: NULL for the code's
 * own text). */
static void link_code(Ui *ui, Rect inner, const char *url, const char *whose, const char *how,
                      const char *shown)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm);
    /* as large as the panel lets it be: the larger each square, the
     * farther a phone reads it */
    Rect text = code_with_room(ui, inner, url, 70);
    int lh = ui_line_height(ui, FONT_BODY), sl = ui_line_height(ui, FONT_SMALL), y = text.y;
    /* beside a code that fills the 7-inch panel the column is narrow: the
     * name whole, the how-to short, and no link written out */
    bool narrow = text.w < ui_px(ui, 45);
    if (narrow && shown) { /* a network's name: one line, never broken (it is typed) */
        ui_text(ui, (Rect){text.x, y, text.w, lh}, FONT_BODY, ALIGN_LEFT | TEXT_SHRINK, t->ink,
                whose);
        y += lh + pad;
    } else {
        y +=
            ui_wrap(ui, (Rect){text.x, y, text.w, lh * 4}, FONT_BOLD, t->ink, whose, 4, true) + pad;
    }
    if (!how)
        how = narrow ? ui_tr(ui, "Scan de code met de camera van je telefoon.")
                     : ui_tr(ui, "Richt de camera van je telefoon op de code en tik op de link. "
                                 "Je eigen pagina opent, met je afspraken en een knop voor je "
                                 "agenda.");
    if (narrow && shown) { /* (what can be typed, the password, before the how-to) */
        y += ui_wrap(ui, (Rect){text.x, y, text.w, sl * 3}, FONT_SMALL, t->ink, shown, 3, true) +
             pad;
        shown = NULL;
    }
    int bottom = text.y + text.h - (narrow ? 0 : sl * 3); /* the link stays in view below */
    int lines = (bottom - y) / lh;
    if (lines > 0) /* as much of the how-to as there is room for, whole lines */
        y += ui_wrap(ui, (Rect){text.x, y, text.w, lh * lines}, FONT_BODY, t->ink, how, lines,
                     true) +
             pad;
    if (!narrow)
        ui_wrap(ui, (Rect){text.x, y, text.w, sl * 3}, FONT_SMALL, t->ink_soft, shown ? shown : url,
                3, true);
}

/* Whether person has a code in the list: 1 (a page while served, else a
 * code of their own), -1 (their agreements are too long for codes here),
 * 0 (nothing to take: no agreements). */
static int has_code(const ShareSet *set, const ShareLinks *links, uint32_t person)
{
    if (links) return 1; /* served: everyone has a page (switched off: shown as off) */
    for (int k = 0; k < set->n; k++)
        if (set->codes[k].kind == SHARE_PERSON && set->codes[k].person == person) return 1;
    for (int k = 0; k < set->n_too_long; k++)
        if (set->too_long[k] == person) return -1;
    return 0;
}

/* Whose a code is, a person's name put into tmpl (a msgid with one %s),
 * the name isolated so that a name in Arabic keeps its place; false when
 * person is none of the plan's. */
static bool whose_code(Ui *ui, const Plan *plan, uint32_t person, const char *tmpl, char *out,
                       size_t n)
{
    const Person *p = person ? plan_person(plan, person) : NULL;
    if (!p) return false;
    char name[300];
    snprintf(name, sizeof name, BIDI_FSI "%s" BIDI_PDI, p->name);
    tr_fill(out, n, ui_tr(ui, tmpl), name);
    return true;
}

/* Codes that hold fewer bytes than this: a person's agreements often take
 * more than one, and the screen says why. */
enum { FEW_BYTES = 400 };

/* A code that holds the text itself, `side` on a side at the start of
 * inner: its parts one after another (beside it, or under it when the
 * panel stands upright), and exactly what it holds, scrolling. With
 * `whose` (the code shown large, the list hidden): whose code it is and a
 * button that goes back to the list. */
static void text_code(Ui *ui, ShareView *v, const ShareCode *c, Rect inner, int side,
                      size_t part_bytes, const char *whose)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm), target = ui_px(ui, t->target_mm);
    bool wide = inner.w > inner.h;
    Rect code = {inner.x, inner.y, side, side};
    Rect text = code_at(ui, inner, c->payload, side, wide ? 0 : target + pad);
    if (whose) {
        back_button(ui, &text);
        /* one line, smaller when it must: a name is never broken in two (a
         * name in Arabic broken over lines loses its order) */
        int bl = ui_line_height(ui, FONT_BOLD);
        ui_text(ui, (Rect){text.x, text.y, text.w, bl}, FONT_BOLD, ALIGN_LEFT | TEXT_SHRINK, t->ink,
                whose);
        text.y += bl + pad / 2;
        text.h -= bl + pad / 2;
    }
    if (c->parts > 1) { /* one part after another: under the code, or above its words */
        Rect row = wide ? (Rect){text.x, text.y, text.w, target}
                        : (Rect){code.x, code.y + code.h + pad, code.w, target};
        int pw = target + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "volgende"));
        if (pw > row.w * 4 / 10) pw = row.w * 4 / 10;
        char count[32];
        /* "1 / 6" read left to right in every language (isolated: a
         * right-to-left screen would turn it to "6 / 1") */
        snprintf(count, sizeof count, "\xE2\x81\xA6%d / %d\xE2\x81\xA9", c->part, c->parts);
        int cw = ui_text_width(ui, FONT_TITLE, count) + pad;
        bool apart = wide && row.w - 2 * pw < cw; /* no room between: the count above them */
        if (apart) {
            ui_text(ui, row, FONT_TITLE, ALIGN_LEFT | ALIGN_MIDDLE, t->ink, count);
            row.y += target + pad / 2;
            text.y += target + pad / 2;
            text.h -= target + pad / 2;
        } else { /* between the buttons, never under them */
            ui_text(ui, (Rect){row.x + pw, row.y, row.w - 2 * pw, target}, FONT_TITLE,
                    ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->ink, count);
        }
        Rect prev = {row.x, row.y, pw, target}, next = {row.x + row.w - pw, row.y, pw, target};
        if (c->part > 1) {
            draw_rect(&ui->dl, prev, target / 2, t->accent);
            ui_text(ui, prev, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->card,
                    ui_tr(ui, "vorige"));
            ui_widget(ui, ID_PREV, prev, rect_center(prev), GRAB_TAP);
        }
        if (c->part < c->parts) {
            draw_rect(&ui->dl, next, target / 2, t->accent);
            ui_text(ui, next, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->card,
                    ui_tr(ui, "volgende"));
            ui_widget(ui, ID_NEXT, next, rect_center(next), GRAB_TAP);
        }
        if (wide) {
            text.y += target + pad;
            text.h -= target + pad;
        }
    }
    int sl = ui_line_height(ui, FONT_SMALL);
    int head = ui_wrap(ui, (Rect){text.x, text.y, text.w, 2 * sl}, FONT_SMALL, t->accent,
                       ui_tr(ui, "Precies dit staat in de code:"), 2, true);
    Rect box = {text.x, text.y + head + pad / 2, text.w, text.h - head - pad / 2};
    if (part_bytes < FEW_BYTES) { /* why so many codes: said under the words */
        const char *few = ui_tr(ui, "Op dit scherm past weinig tekst in een code. Met een "
                                    "netwerk krijgt ieder een eigen pagina met één code: de "
                                    "begeleider zet dat aan in de instellingen.");
        int fh = ui_wrap(ui, (Rect){box.x, 0, box.w, 0}, FONT_SMALL, t->ink_soft, few, 5, false);
        if (fh < box.h / 2) {
            ui_wrap(ui, (Rect){box.x, box.y + box.h - fh, box.w, fh}, FONT_SMALL, t->ink_soft, few,
                    5, true);
            box.h -= fh + pad / 2;
        }
    }
    int all = payload_text(ui, box, c->payload, v->text_scroll.offset);
    form_scroll_clamp(&v->text_scroll, all, box.h);
}

/* The calendar's code, `side` on a side, and beside it what a person
 * sees (not what the code is made of); with `back`, a button back to the
 * list (the code shown large). */
static void event_code(Ui *ui, const Plan *plan, const ShareCode *c, Rect inner, int side,
                       bool back)
{
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm);
    Rect text = code_at(ui, inner, c->payload, side, 0);
    if (back) back_button(ui, &text);
    char *when = export_evaluation(plan, ui->cat);
    int bl = ui_line_height(ui, FONT_BODY);
    int y2 = text.y +
             ui_wrap(ui, (Rect){text.x, text.y, text.w, bl * 2}, FONT_BOLD, t->ink,
                     ui_tr(ui, "Evaluatie in je agenda"), 2, true) +
             pad;
    int lines = (text.y + text.h - y2) / bl;
    if (when && lines > 0)
        ui_wrap(ui, (Rect){text.x, y2, text.w, bl * lines}, FONT_BODY, t->ink, when, lines, true);
    free(when);
}

static bool draw_ltr(Ui *ui, ShareView *v, const Plan *plan, const FlowView *view, int top)
{
    PrintProgress progress = view->printing;
    const char *print_words = view->print_words;
    int64_t now = view->now;
    const ShareLinks *links = view->links && view->links->serving ? view->links : NULL;
    const Theme *t = ui->theme;
    int pad = ui_px(ui, t->pad_mm), target = ui_px(ui, t->target_mm);
    int radius = ui_px(ui, t->radius_mm);
    int top_h = top, th = ui_line_height(ui, FONT_TITLE);
    draw_rect(&ui->dl, (Rect){0, top, ui->w, ui->h - top}, 0, t->bg);
    ui_text(ui, (Rect){pad, top_h + pad / 2, ui->w - 2 * pad, th}, FONT_TITLE, ALIGN_LEFT,
            t->accent, ui_tr(ui, "Neem het plan mee op je telefoon"));
    top_h += th + pad / 2;
    if (view->share_said) { /* why phones get no pages now: said once, plainly */
        int sl = ui_line_height(ui, FONT_SMALL);
        top_h += ui_wrap(ui, (Rect){pad, top_h, ui->w - 2 * pad, sl * 2}, FONT_SMALL, t->ink_soft,
                         view->share_said, 2, true);
    }

    /* the list of codes on one side, the chosen code on the other */
    int list_w = ui->w * 32 / 100 > ui_px(ui, 72) ? ui->w * 32 / 100 : ui_px(ui, 72);
    Rect list = {pad, top_h + pad, list_w, ui->h - top_h - 2 * pad};
    Rect area = {list.x + list.w + 2 * pad, top_h + pad, 0, list.h};
    area.w = ui->w - area.x - pad;
    Rect inner = rect_inset(area, pad * 2);
    /* a code that holds the text itself gets the panel's height (beside
     * it: the parts and the words), and holds no more than keeps each of
     * its squares large enough for a phone at arm's length */
    bool wide = inner.w > inner.h;
    int below = wide ? 0 : target + pad; /* upright: "2 / 6" under the code */
    int side = wide ? (inner.w * 70 / 100 < inner.h ? inner.w * 70 / 100 : inner.h)
                    : (inner.w < inner.h * 55 / 100 - below ? inner.w : inner.h * 55 / 100 - below);
    /* (served: the codes open pages; the set only names the parts) */
    size_t part_bytes = links ? SHARE_PART_BYTES : share_bytes_for(side);
    /* Where that is little (the 7-inch panel), a chosen code is shown large
     * instead, over the list, as high as the screen below the step bar. */
    bool small = !links && part_bytes < FEW_BYTES;
    Rect big = {pad / 2, pad / 2, ui->w - pad, ui->h - pad}; /* the whole screen */
    Rect big_inner = rect_inset(big, pad / 2);
    int big_side = big_inner.w * 62 / 100 < big_inner.h ? big_inner.w * 62 / 100 : big_inner.h;
    if (small) part_bytes = share_bytes_for(big_side);
    ShareSet *set = share_build(plan, ui->cat, now, part_bytes);
    if (!set) { /* short of memory: this frame is built again in a moment */
        ui->dl.short_of_memory = true;
        return false;
    }
    const ShareCode *big_code = small && v->big ? find(set, v->chosen, v->part) : NULL;
    if (!big_code && small && v->big && v->part != 1) {
        v->part = 1;
        big_code = find(set, v->chosen, 1);
    }
    uint32_t big_person = 0;
    if (big_code && sscanf(v->chosen, "person-%u", &big_person) == 1 && is_hidden(v, big_person))
        big_code = NULL;
    if (big_code) { /* the chosen code large, over the whole screen */
        draw_rect(&ui->dl, (Rect){0, 0, ui->w, ui->h}, 0, t->bg);
        draw_rect(&ui->dl, big, radius * 2, t->panel);
        if (big_code->kind == SHARE_EVENT) {
            event_code(ui, plan, big_code, big_inner, big_side, true);
        } else {
            char whose[300];
            if (!whose_code(ui, plan, big_person, N_("Voor %s"), whose, sizeof whose))
                snprintf(whose, sizeof whose, "%s", ui_tr(ui, "Het plan in het kort"));
            text_code(ui, v, big_code, big_inner, big_side, part_bytes, whose);
        }
        share_destroy(set);
        return true;
    }
    int item_h = target + pad / 2, y = list.y;
    int plan_parts = 0;
    for (int i = 0; i < set->n; i++)
        plan_parts += set->codes[i].kind == SHARE_PLAN;
    if (view->wifi_join) { /* first: onto Kring's own Wi-Fi */
        list_item(ui, (Rect){list.x, y, list.w, item_h}, ID_CODE ":wifi", "\xF0\x9F\x93\xB6",
                  ui_tr(ui, "Eerst: de wifi van Kring"), view->wifi_name,
                  !strcmp(v->chosen, "wifi"), false);
        y += item_h + pad / 2;
    }
    list_item(ui, (Rect){list.x, y, list.w, item_h}, ID_CODE ":print",
              "\xF0\x9F\x96\xA8\xEF\xB8\x8F", ui_tr(ui, "Het plan op papier"), ui_tr(ui, "printen"),
              !strcmp(v->chosen, "print"), false);
    y += item_h + pad / 2;
    char note[96];
    if (links) { /* served: the family decides whether the whole plan goes too */
        int rw = list.w - item_h - pad / 2;
        list_item(ui, (Rect){list.x, y, rw, item_h}, ID_CODE ":plan", "\xF0\x9F\x93\x84",
                  ui_tr(ui, "Het hele plan"),
                  v->plan_off ? ui_tr(ui, "niet naar telefoons")
                              : ui_tr(ui, "een pagina en de PDF"),
                  !strcmp(v->chosen, "plan"), v->plan_off);
        switch_at(ui, (Rect){list.x + rw + pad / 2, y, item_h, item_h}, ID_SHOW_PLAN, v->plan_off);
    } else if (plan_parts) {
        char count[16];
        snprintf(count, sizeof count, "%d", plan_parts);
        tr_fill(note, sizeof note, trn(ui->cat, "%s code", "%s codes, een voor een", plan_parts),
                count);
        list_item(ui, (Rect){list.x, y, list.w, item_h}, ID_CODE ":plan", "\xF0\x9F\x93\x84",
                  ui_tr(ui, "Het plan in het kort"), note, !strcmp(v->chosen, "plan"), false);
    } else {
        list_item(ui, (Rect){list.x, y, list.w, item_h}, ID_CODE ":plan",
                  "\xF0\x9F\x96\xA8\xEF\xB8\x8F", ui_tr(ui, "Het plan in het kort"),
                  ui_tr(ui, "te lang: print het"), !strcmp(v->chosen, "plan"), true);
    }
    y += item_h + pad / 2;
    char date[16];
    export_date(ui->cat, plan->eval.date, date);
    const char *ev_note = set->event_problem == share_event_too_big
                              ? ui_tr(ui, "te groot voor dit scherm")
                          : set->event_problem ? ui_tr(ui, set->event_problem)
                                               : date;
    list_item(ui, (Rect){list.x, y, list.w, item_h}, ID_CODE ":evaluation",
              "\xF0\x9F\x97\x93\xEF\xB8\x8F", ui_tr(ui, "Evaluatie in je agenda"), ev_note,
              !strcmp(v->chosen, "evaluation"), set->event_problem != NULL);
    y += item_h + pad / 2;
    if (links) { /* plan B and who to call, on everyone's page when the family says so */
        int rw = list.w - item_h - pad / 2;
        list_item(ui, (Rect){list.x, y, rw, item_h}, ID_SHOW_SAFETY "-row", "\xF0\x9F\x9B\x9F",
                  ui_tr(ui, "Plan B op ieders pagina"), NULL, false, !v->with_safety);
        switch_at(ui, (Rect){list.x + rw + pad / 2, y, item_h, item_h}, ID_SHOW_SAFETY,
                  !v->with_safety);
        y += item_h + pad / 2;
    }
    int lh = ui_line_height(ui, FONT_SMALL);
    y += ui_wrap(ui, (Rect){list.x, y, list.w, lh * 2}, FONT_SMALL, t->ink_soft,
                 ui_tr(ui, "Ieder zijn eigen afspraken:"), 2, true) +
         pad / 3;
    int step = target + pad / 3;
    /* the people scroll under the finger when they do not all fit */
    Rect people = {list.x, y, list.w, list.y + list.h - y};
    int shown = 0;
    for (int i = 0; i < plan->n_people; i++)
        shown += has_code(set, links, plan->people[i].id) != 0;
    form_scroll_clamp(&v->scroll, shown * step, people.h);
    ui_clip(ui, people);
    y -= v->scroll.offset;
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        char stem[32];
        snprintf(stem, sizeof stem, "person-%u", (unsigned)p->id);
        int has = has_code(set, links, p->id);
        if (!has) continue;
        const Relation *rel = relation_find(p->picto);
        bool off = is_hidden(v, p->id);
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_CODE, stem);
        Rect r = {list.x, y, list.w - target - pad / 2, target};
        list_item(ui, r, id, rel ? rel->picto : "\xF0\x9F\x99\x82", p->name,
                  has < 0 ? ui_tr(ui, "te lang: print het") : NULL, !strcmp(v->chosen, stem),
                  off || has < 0);
        /* the family's switch: is this code shown? */
        ui_id_make(id, ID_SHOW, (unsigned)p->id);
        switch_at(ui, (Rect){r.x + r.w + pad / 2, y, target, target}, id, off);
        y += step;
    }
    ui_unclip(ui);

    /* the chosen code, and what it holds */
    draw_rect(&ui->dl, area, radius * 2, t->panel);
    if (!strcmp(v->chosen, "print")) {
        print_panel(ui, v, rect_inset(area, pad * 2), progress, print_words);
        share_destroy(set);
        return false;
    }
    const ShareCode *c = find(set, v->chosen, v->part);
    if (!c && v->part != 1) {
        v->part = 1;
        c = find(set, v->chosen, 1);
    }
    uint32_t person = 0;
    bool off = sscanf(v->chosen, "person-%u", &person) == 1 && is_hidden(v, person);
    const char *url = !links                             ? NULL
                      : !strcmp(v->chosen, "plan")       ? link_of(links, 0)
                      : !strcmp(v->chosen, "evaluation") ? link_of(links, SHARE_LINK_EVALUATION)
                      : person && !off                   ? link_of(links, person)
                                                         : NULL;
    if (links && v->plan_off && !strcmp(v->chosen, "plan")) {
        ui_wrap(ui, inner, FONT_BODY, t->ink_soft,
                ui_tr(ui, "Het hele plan gaat niet naar de telefoons. Zet het aan als de "
                          "familie dat wil: dan krijgt ieders pagina een knop voor het plan."),
                6, true);
    } else if (!strcmp(v->chosen, "wifi") && view->wifi_join) {
        const char *whose = view->wifi_name; /* (the list above it says whose it is) */
        char password[200];
        tr_fill(password, sizeof password, ui_tr(ui, "Wachtwoord: %s"), view->wifi_password);
        link_code(ui, inner, view->wifi_join, whose,
                  ui_tr(ui, "Scan de code met de camera van je telefoon en tik op verbinden. "
                            "Kies daarna hier je naam en scan je eigen code."),
                  password);
    } else if (url) {
        char whose[300];
        if (!whose_code(ui, plan, person, N_("De pagina van %s"), whose, sizeof whose))
            snprintf(whose, sizeof whose, "%s",
                     ui_tr(ui, !strcmp(v->chosen, "evaluation") ? "Evaluatie in je agenda"
                                                                : "Het hele plan"));
        link_code(ui, inner, url, whose, NULL, NULL);
    } else if (c && c->kind == SHARE_EVENT && !off && !(small && !v->big)) {
        event_code(ui, plan, c, inner, side, false);
    } else if (!c || off) {
        const char *why =
            off ? ui_tr(ui, "Deze code staat uit. Zet hem aan als deze persoon hem wil.")
            : !strcmp(v->chosen, "evaluation") && set->event_problem ? ui_tr(ui, set->event_problem)
            : !strcmp(v->chosen, "plan") && set->plan_problem        ? ui_tr(ui, set->plan_problem)
            : person && set->person_problem ? ui_tr(ui, set->person_problem)
                                            : ui_tr(ui, "Kies links wat je wilt meenemen.");
        ui_wrap(ui, inner, FONT_BODY, t->ink_soft, why, 6, true);
    } else if (small && !v->big) { /* too small here: what it holds, and the code large */
        int bw = ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Laat de code zien")) + 2 * target;
        if (bw > inner.w) bw = inner.w;
        Rect show = {inner.x, inner.y, bw, target};
        draw_rect(&ui->dl, show, target / 2, t->accent);
        ui_text(ui, show, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE | TEXT_SHRINK, t->card,
                ui_tr(ui, "Laat de code zien"));
        ui_widget(ui, ID_BIG, show, rect_center(show), GRAB_TAP);
        /* all of it, whatever number of codes it takes */
        Rect box = {inner.x, inner.y + target + pad, inner.w, inner.h - target - pad};
        char *words = c->kind == SHARE_EVENT    ? export_evaluation(plan, ui->cat)
                      : c->kind == SHARE_PERSON ? export_person_text(plan, c->person, ui->cat)
                                                : export_plan_brief(plan, ui->cat);
        int all = payload_text(ui, box, words ? words : c->payload, v->text_scroll.offset);
        free(words);
        form_scroll_clamp(&v->text_scroll, all, box.h);
    } else {
        text_code(ui, v, c, inner, side, part_bytes, NULL);
    }
    share_destroy(set);
    return false;
}

/* Laid out left to right, and mirrored whole for a right-to-left language. */
bool share_view_draw(Ui *ui, ShareView *v, const Plan *plan, const FlowView *view, int top)
{
    UiMark m = ui_mirror_begin(ui);
    bool whole = draw_ltr(ui, v, plan, view, top);
    ui_mirror_end(ui, m);
    return whole;
}

FlowOut share_view_gesture(ShareView *v, const Gesture *ev)
{
    FlowOut redraw = {.act = FLOW_REDRAW}, nothing = {.act = FLOW_NOTHING};
    if (ev->widget && ui_id_is(ev->widget, ID_CODE_TEXT) &&
        form_scroll_gesture(&v->text_scroll, ev))
        return redraw;
    if (form_scroll_gesture(&v->scroll, ev)) return redraw;
    if (ev->kind != GESTURE_TAP) return nothing;
    const char *id = ev->widget, *code;
    unsigned n;
    if (ui_id_is(id, ID_PRINT))
        return (FlowOut){.act = FLOW_PRINT,
                         .index = v->copies,
                         .redact = (v->no_concerns ? REDACT_CONCERNS : 0) |
                                   (v->initials ? REDACT_NAMES : 0)};
    if (ui_id_is(id, ID_NO_CONCERNS) || ui_id_is(id, ID_INITIALS)) {
        bool *b = ui_id_is(id, ID_NO_CONCERNS) ? &v->no_concerns : &v->initials;
        *b = !*b;
        return redraw;
    }
    if (ui_id_is(id, ID_COPIES "-minus") || ui_id_is(id, ID_COPIES "-plus")) {
        v->copies += ui_id_is(id, ID_COPIES "-plus") ? 1 : -1;
        v->copies = v->copies < 1 ? 1 : v->copies > 99 ? 99 : v->copies;
        return redraw;
    }
    if ((code = ui_id_arg(id, ID_CODE))) {
        snprintf(v->chosen, sizeof v->chosen, "%s", code);
        v->part = 1;
        v->text_scroll = (FormScroll){0};
        v->big = true; /* where codes are too small beside the list: shown large at once */
        return redraw;
    }
    if (ui_id_is(id, ID_BIG) || ui_id_is(id, ID_BACK)) {
        v->big = ui_id_is(id, ID_BIG);
        v->text_scroll = (FormScroll){0};
        return redraw;
    }
    if (ui_id_is(id, ID_NEXT)) {
        v->part++;
        v->text_scroll = (FormScroll){0};
        return redraw;
    }
    if (ui_id_is(id, ID_PREV) && v->part > 1) {
        v->part--;
        return redraw;
    }
    if (ui_id_is(id, ID_SHOW_PLAN)) {
        v->plan_off = !v->plan_off;
        snprintf(v->chosen, sizeof v->chosen, "plan");
        return redraw;
    }
    if (ui_id_is(id, ID_SHOW_SAFETY) || ui_id_is(id, ID_SHOW_SAFETY "-row")) {
        v->with_safety = !v->with_safety;
        return redraw;
    }
    if (ui_id_num(id, ID_SHOW, &n)) {
        for (int i = 0; i < v->n_hidden; i++)
            if (v->hidden[i] == n) { /* on again */
                v->hidden[i] = v->hidden[--v->n_hidden];
                return redraw;
            }
        if (v->n_hidden < SHARE_HIDDEN_MAX) v->hidden[v->n_hidden++] = n;
        snprintf(v->chosen, sizeof v->chosen, "person-%u", n);
        return redraw;
    }
    return nothing;
}
