/* pdf: a small flow layout over cairo and pango. */
#include "export/pdf.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "core/bidi.h"
#include "core/i18n.h"
#include "core/lang.h"
#include "core/netmap.h"
#include "core/relations.h"
#include "core/textexport.h"
#include "core/utf8.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.0
#define GAP 10.0

typedef struct Doc {
    cairo_t *cr; /* NULL while measuring */
    PangoContext *ctx;
    const Plan *plan;
    const Catalog *cat;
    double y;        /* where the next block goes */
    int page, pages; /* pages: known after the measuring pass */
    char title[512];
    bool rtl; /* the language reads right to left: tables too */
} Doc;

static const char *T(const Doc *d, const char *msgid)
{
    return tr(d->cat, msgid);
}

/* ---- text ---- */

/* The family's words s set into a line of the paper's, in an isolate when
 * bidi_isolates says so: ISO(d, s) opens it, END(d, s) closes it. */
#define ISO(d, s) (bidi_isolates(s, (d)->rtl) ? BIDI_FSI : "")
#define END(d, s) (bidi_isolates(s, (d)->rtl) ? BIDI_PDI : "")

/* A pango layout of text in the given size and weight, width w points. */
/* A noncharacter (U+FDD0..U+FDEF, and the last two of every plane) puts
 * cairo in an error state that ends the document after its first page;
 * each becomes U+FFFD, the sign for "a character that cannot be shown".
 * The caller frees the copy; NULL when memory is short. */
static char *printable(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1); /* U+FFFD is never longer than what it replaces */
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(text + i, n - i, &cp);
        if (k <= 0) break;
        bool non = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
        if (non)
            o += (size_t)utf8_encode(0xFFFD, out + o);
        else
            memcpy(out + o, text + i, (size_t)k), o += (size_t)k;
        i += (size_t)k;
    }
    out[o] = '\0';
    return out;
}

static PangoLayout *layout(Doc *d, const char *text, double size, bool bold, double w)
{
    PangoLayout *l = pango_layout_new(d->ctx);
    PangoFontDescription *f = pango_font_description_new();
    pango_font_description_set_family(f, "Noto Sans");
    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    pango_layout_set_width(l, (int)(w * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_auto_dir(l, FALSE);
    char *shown = printable(text);
    pango_layout_set_text(l, shown ? shown : "", -1);
    free(shown);
    return l;
}

static double height_of(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void show(Doc *d, PangoLayout *l, double x, double y, double grey)
{
    if (!d->cr) return;
    cairo_set_source_rgb(d->cr, grey, grey, grey);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
}

/* ---- pages ---- */

static void page_frame(Doc *d)
{
    if (!d->cr) return;
    char foot[64];
    snprintf(foot, sizeof foot, "%d / %d", d->page, d->pages);
    PangoLayout *h = layout(d, d->title, 8, false, PAGE_W - 2 * MARGIN);
    show(d, h, MARGIN, MARGIN / 2, 0.35);
    g_object_unref(h);
    PangoLayout *f = layout(d, foot, 8, false, PAGE_W - 2 * MARGIN);
    pango_layout_set_alignment(f, PANGO_ALIGN_RIGHT);
    show(d, f, MARGIN, PAGE_H - MARGIN / 2 - 10, 0.35);
    g_object_unref(f);
    cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, MARGIN, MARGIN / 2 + 14);
    cairo_line_to(d->cr, PAGE_W - MARGIN, MARGIN / 2 + 14);
    cairo_stroke(d->cr);
}

static void new_page(Doc *d)
{
    if (d->cr && d->page > 0) /* the page before is done */
        cairo_show_page(d->cr);
    d->page++;
    d->y = MARGIN;
    page_frame(d);
}

/* Makes room for a block of height h: a new page when it would not fit
 * (a block is never cut in half). */
static void room_for(Doc *d, double h)
{
    if (d->y + h > PAGE_H - MARGIN && d->y > MARGIN + 1) new_page(d);
}

/* ---- blocks ---- */

static void heading(Doc *d, const char *text, double follow)
{
    PangoLayout *l = layout(d, text, 13, true, PAGE_W - 2 * MARGIN);
    double h = height_of(l);
    room_for(d, GAP + h + follow); /* keep a heading with what follows it */
    d->y += GAP;
    show(d, l, MARGIN, d->y, 0.1);
    d->y += h + 4;
    g_object_unref(l);
}

static void paragraph(Doc *d, const char *text, double size, double indent, double grey)
{
    PangoLayout *l = layout(d, text, size, false, PAGE_W - 2 * MARGIN - indent);
    double h = height_of(l);
    room_for(d, h);
    show(d, l, MARGIN + indent, d->y, grey);
    d->y += h + 3;
    g_object_unref(l);
}

static void bullets(Doc *d, const char *title, const ItemList *list)
{
    if (list->n == 0) return;
    heading(d, title, 20);
    for (int i = 0; i < list->n; i++) {
        const char *item = list->items[i].text;
        char line[TEXT_MAX + 16];
        snprintf(line, sizeof line, "\xE2\x80\xA2  %s%s%s", ISO(d, item), item, END(d, item));
        paragraph(d, line, 10.5, 8, 0.1);
    }
}

static const char *name_of(const Plan *p, uint32_t id)
{
    const Person *q = plan_person(p, id);
    return q ? q->name : "";
}

/* The network map: rings of closeness, four sectors, every name. */
static void network_map(Doc *d)
{
    const Plan *p = d->plan;
    double size = 300;
    heading(d, T(d, "Het netwerk"), size);
    room_for(d, size);
    double cx = PAGE_W / 2, cy = d->y + size / 2, R = size / 2;
    NetMap m = netmap_make((Rect){(int)(cx - R), (int)(cy - R), (int)(2 * R), (int)(2 * R)}, false);
    if (d->cr) {
        cairo_t *cr = d->cr;
        static const double tint[RING_COUNT + 1] = {1, 0.86, 0.91, 0.96};
        for (int r = RING_COUNT; r >= 1; r--) {
            cairo_set_source_rgb(cr, tint[r], tint[r], tint[r]);
            cairo_new_path(cr);
            cairo_arc(cr, cx, cy, netmap_ring_edge[r] * m.rx, 0, 2 * G_PI);
            cairo_fill(cr);
        }
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_new_path(cr);
        cairo_arc(cr, cx, cy, netmap_ring_edge[0] * m.rx, 0, 2 * G_PI);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
        cairo_set_line_width(cr, 0.6);
        for (int r = 0; r <= RING_COUNT; r++) {
            cairo_new_path(cr);
            cairo_arc(cr, cx, cy, netmap_ring_edge[r] * m.rx, 0, 2 * G_PI);
            cairo_stroke(cr);
        }
        cairo_move_to(cr, cx - m.rx, cy);
        cairo_line_to(cr, cx + m.rx, cy);
        cairo_move_to(cr, cx, cy - m.ry);
        cairo_line_to(cr, cx, cy + m.ry);
        cairo_stroke(cr);
    }
    /* the child, the sectors' names in the corners, and the people */
    PangoLayout *c = layout(d, plan_children(p)[0] ? plan_children(p) : plan_family(p), 9, true,
                            netmap_ring_edge[0] * m.rx * 2);
    pango_layout_set_alignment(c, PANGO_ALIGN_CENTER);
    show(d, c, cx - netmap_ring_edge[0] * m.rx, cy - height_of(c) / 2, 0.1);
    g_object_unref(c);
    for (int s = 0; s < SECTOR_COUNT; s++) {
        PangoLayout *l = layout(d, T(d, sector_name(s)), 8, true, 150);
        bool top = s == SECTOR_FAMILY || s == SECTOR_FRIENDS;
        bool left = s == SECTOR_FAMILY || s == SECTOR_SCHOOL;
        if (!left) pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
        show(d, l, left ? MARGIN : PAGE_W - MARGIN - 150, top ? cy - R : cy + R - 12, 0.3);
        g_object_unref(l);
    }
    for (int i = 0; i < p->n_people; i++) {
        const Person *q = &p->people[i];
        if (q->place.ring == RING_TRAY) continue;
        Point pt = netmap_point(&m, q->place);
        PangoLayout *l = layout(d, q->name, 7, false, 90);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        if (d->cr) {
            cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
            cairo_new_path(d->cr); /* not joined to what was drawn before */
            cairo_arc(d->cr, pt.x, pt.y, q->present ? 2.6 : 2.0, 0, 2 * G_PI);
            if (q->present)
                cairo_fill(d->cr);
            else
                cairo_stroke(d->cr);
        }
        show(d, l, pt.x - 45, pt.y + 2, 0.1);
        g_object_unref(l);
    }
    d->y += size + 6;
}

/* A row of the agreements table: cells side by side; the row moves to
 * the next page whole when it does not fit. */
static void table_row(Doc *d, const char *const cells[4], bool head)
{
    static const double widths[4] = {0.24, 0.38, 0.20, 0.18};
    double total = PAGE_W - 2 * MARGIN, h = 0;
    PangoLayout *l[4];
    for (int k = 0; k < 4; k++) {
        l[k] = layout(d, cells[k], head ? 9 : 9.5, head, total * widths[k] - 6);
        if (height_of(l[k]) > h) h = height_of(l[k]);
    }
    room_for(d, h + 6);
    double x = d->rtl ? MARGIN + total : MARGIN; /* the first column on the reading side */
    if (d->cr && head) {
        cairo_set_source_rgb(d->cr, 0.9, 0.9, 0.9);
        cairo_rectangle(d->cr, MARGIN, d->y - 2, total, h + 5);
        cairo_fill(d->cr);
    }
    for (int k = 0; k < 4; k++) {
        if (d->rtl) x -= total * widths[k];
        show(d, l[k], x + 3, d->y, head ? 0.15 : 0.1);
        if (!d->rtl) x += total * widths[k];
        g_object_unref(l[k]);
    }
    d->y += h + 5;
    if (d->cr) {
        cairo_set_source_rgb(d->cr, 0.8, 0.8, 0.8);
        cairo_set_line_width(d->cr, 0.5);
        cairo_move_to(d->cr, MARGIN, d->y - 1);
        cairo_line_to(d->cr, MARGIN + total, d->y - 1);
        cairo_stroke(d->cr);
    }
}

static void agreements(Doc *d)
{
    const Plan *p = d->plan;
    if (p->n_goals == 0) return;
    heading(d, T(d, "Doelen en afspraken"), 60);
    for (int gi = 0; gi < p->n_goals; gi++) {
        const Goal *g = &p->goals[gi];
        char title[TEXT_MAX + 40];
        snprintf(title, sizeof title, "%d. %s%s%s", gi + 1, ISO(d, g->text), g->text,
                 END(d, g->text));
        PangoLayout *l = layout(d, title, 11, true, PAGE_W - 2 * MARGIN);
        room_for(d, height_of(l) + 40); /* a goal with at least its first row */
        d->y += 4;
        show(d, l, MARGIN, d->y, 0.1);
        d->y += height_of(l) + 3;
        g_object_unref(l);
        const char *head[4] = {T(d, N_("Wie")), T(d, N_("Wat")), T(d, N_("Wanneer")),
                               T(d, N_("Wie checkt"))};
        table_row(d, head, true);
        for (int k = 0; k < p->n_agreements; k++) {
            const Agreement *a = &p->agreements[k];
            if (a->goal != g->id) continue;
            char who[2048] = "";
            for (int j = 0; j < a->n_people; j++) { /* one name as it is, more set in words */
                size_t n = strlen(who);
                const char *name = name_of(p, a->people[j]);
                bool iso = a->n_people > 1 && bidi_isolates(name, d->rtl); /* one name as it is */
                snprintf(who + n, sizeof who - n, "%s%s%s%s",
                         j == 0                 ? ""
                         : j == a->n_people - 1 ? T(d, " en ")
                                                : ", ",
                         iso ? BIDI_FSI : "", name, iso ? BIDI_PDI : "");
            }
            char *when = export_when(a, d->cat);
            const char *row[4] = {who, a->what, when ? when : a->when, name_of(p, a->checker)};
            table_row(d, row, false);
            free(when);
        }
    }
}

static void scale(Doc *d)
{
    const Plan *p = d->plan;
    int marked = 0;
    for (int i = 0; i < p->n_people; i++)
        marked += p->people[i].scale != SCALE_NONE;
    if (!marked) return;
    heading(d, T(d, N_("De schaal: hoe gaat het, van 0 tot 10?")), 70);
    room_for(d, 70);
    double x0 = MARGIN + 10, x1 = PAGE_W - MARGIN - 10, y = d->y + 30;
    if (d->cr) {
        cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
        cairo_set_line_width(d->cr, 1);
        cairo_move_to(d->cr, x0, y);
        cairo_line_to(d->cr, x1, y);
        cairo_stroke(d->cr);
    }
    for (int v = 0; v <= 10; v++) {
        char num[4];
        snprintf(num, sizeof num, "%d", v);
        double x = x0 + (x1 - x0) * v / 10;
        PangoLayout *l = layout(d, num, 8, false, 20);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        show(d, l, x - 10, y + 4, 0.3);
        g_object_unref(l);
    }
    int stack[11] = {0};
    for (int i = 0; i < p->n_people; i++) {
        const Person *q = &p->people[i];
        if (q->scale == SCALE_NONE) continue;
        double x = x0 + (x1 - x0) * q->scale / 10;
        if (d->cr) {
            cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
            cairo_new_path(d->cr);
            cairo_arc(d->cr, x, y, 3, 0, 2 * G_PI);
            cairo_fill(d->cr);
        }
        char first[64];
        snprintf(first, sizeof first, "%.*s", (int)strcspn(q->name, " "), q->name);
        PangoLayout *l = layout(d, first, 7, false, 60);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        show(d, l, x - 30, y - 14 - 9 * stack[q->scale]++, 0.1);
        g_object_unref(l);
    }
    d->y += 60;
}

static void signatures(Doc *d)
{
    const Plan *p = d->plan;
    heading(d, T(d, N_("Akkoord")), 40);
    paragraph(d, T(d, N_("Met onze handtekening zeggen we dat we met dit plan meedoen.")), 10, 0,
              0.25);
    PangoLayout *sig = layout(d, T(d, N_("Handtekening")), 8, false, 200);
    PangoLayout *day = layout(d, T(d, N_("Datum")), 8, false, 80);
    room_for(d, 50);
    show(d, sig, MARGIN + 210, d->y + 4, 0.4);
    show(d, day, PAGE_W - MARGIN - 80, d->y + 4, 0.4);
    g_object_unref(sig);
    g_object_unref(day);
    d->y += 8;
    for (int i = 0; i < p->n_people; i++) {
        const Person *q = &p->people[i];
        PangoLayout *l = layout(d, q->name, 9.5, false, 200);
        double row = height_of(l) + 18 > 32 ? height_of(l) + 18 : 32;
        room_for(d, row + 2);
        show(d, l, MARGIN, d->y + 14, 0.1);
        g_object_unref(l);
        if (d->cr) {
            cairo_set_source_rgb(d->cr, 0.35, 0.35, 0.35);
            cairo_set_line_width(d->cr, 0.6);
            double line = d->y + row - 6;
            cairo_new_path(d->cr);
            cairo_move_to(d->cr, MARGIN + 210, line);
            cairo_line_to(d->cr, PAGE_W - MARGIN - 90, line);
            cairo_move_to(d->cr, PAGE_W - MARGIN - 80, line);
            cairo_line_to(d->cr, PAGE_W - MARGIN, line);
            cairo_stroke(d->cr);
        }
        d->y += row;
    }
}

/* The whole document, in reading order. */
static void document(Doc *d)
{
    const Plan *p = d->plan;
    d->page = 0;
    new_page(d);
    PangoLayout *t = layout(d, d->title, 20, true, PAGE_W - 2 * MARGIN);
    show(d, t, MARGIN, d->y, 0.05);
    d->y += height_of(t) + 4;
    g_object_unref(t);
    char date[16], line[2048];
    export_date(d->cat, p->field[FIELD_DATE], date);
    const char *kids = plan_children(p), *where = p->field[FIELD_PLACE];
    snprintf(line, sizeof line, "%s%s%s%s%s%s%s%s%s", ISO(d, kids), kids, END(d, kids),
             plan_children(p)[0] && date[0] ? "  \xC2\xB7  " : "", date,
             p->field[FIELD_PLACE][0] ? "  \xC2\xB7  " : "", ISO(d, where), where, END(d, where));
    paragraph(d, line, 10.5, 0, 0.3);
    if (plan_question(p)[0]) {
        heading(d, T(d, "Centrale vraag"), 20);
        paragraph(d, plan_question(p), 12, 0, 0.05);
    }
    static const char *const titles[SECTION_COUNT] = {
        N_("Zorgen"), N_("Ondergrenzen"),           N_("Wat gaat goed"),       N_("Krachten"),
        N_("Droom"),  N_("Hulp van professionals"), N_("Veiligheid en plan B")};
    for (int s = SECTION_CONCERNS; s <= SECTION_DREAM; s++)
        bullets(d, T(d, titles[s]), &p->section[s]);
    if (p->n_voices) {
        heading(d, T(d, "Wat de kinderen zeggen"), 20);
        for (int i = 0; i < p->n_voices; i++) {
            const Voice *v = &p->voices[i];
            char text[2 * TEXT_MAX + 512];
            snprintf(text, sizeof text, "%s%s%s%s\xE2\x80\x9C%s%s%s\xE2\x80\x9D", ISO(d, v->child),
                     v->child, END(d, v->child), v->child[0] ? ": " : "", ISO(d, v->text), v->text,
                     END(d, v->text));
            paragraph(d, text, 10.5, 8, 0.1);
        }
    }
    network_map(d);
    agreements(d);
    bullets(d, T(d, titles[SECTION_HELP]), &p->section[SECTION_HELP]);
    bullets(d, T(d, titles[SECTION_SAFETY]), &p->section[SECTION_SAFETY]);
    scale(d);
    heading(d, T(d, "Evaluatie"), 20);
    const Evaluation *e = &p->eval;
    char ev[2048];
    export_date(d->cat, e->date, date);
    if (date[0] || e->place[0])
        snprintf(ev, sizeof ev, "%s%s%s%s%s%s%s%s%s", date, e->start[0] ? ", " : "", e->start,
                 e->end[0] ? "\xE2\x80\x93" : "", e->end, e->place[0] ? ", " : "", ISO(d, e->place),
                 e->place, END(d, e->place));
    else
        snprintf(ev, sizeof ev, "%s", T(d, "Nog niet afgesproken."));
    paragraph(d, ev, 10.5, 0, 0.1);
    if (e->convener) {
        char who[1024];
        tr_fill(who, sizeof who, T(d, N_("%s nodigt iedereen uit.")), name_of(p, e->convener));
        paragraph(d, who, 10.5, 0, 0.1);
    }
    signatures(d);
}

/* Growing memory for a PDF written to a stream. */
typedef struct Bytes {
    unsigned char *data;
    size_t size, cap;
} Bytes;

static cairo_status_t to_memory(void *closure, const unsigned char *data, unsigned int length)
{
    Bytes *b = closure;
    if (b->size + length > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (b->size + length > cap)
            cap *= 2;
        unsigned char *d = realloc(b->data, cap);
        if (!d) return CAIRO_STATUS_NO_MEMORY;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->size, data, length);
    b->size += length;
    return CAIRO_STATUS_SUCCESS;
}

/* Pango's view of Kring's fonts, and nothing else: made once and kept for
 * the life of the process (a font map per PDF would load every font again
 * and leave a trail of caches behind in a kiosk that prints for months). */
static PangoFontMap *font_map(const char *fonts_dir, char *err, size_t errlen)
{
    static PangoFontMap *fm;
    static char dir[1024];
    if (fm && !strcmp(dir, fonts_dir)) return fm;
    FcConfig *fc = FcConfigCreate();
    static const char cache[] = /* fontconfig's usual per-user cache */
        "<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
    if (fc) FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)cache, FcFalse);
    if (!fc || !FcConfigAppFontAddDir(fc, (const FcChar8 *)fonts_dir)) {
        snprintf(err, errlen, "the fonts in %s could not be loaded", fonts_dir);
        if (fc) FcConfigDestroy(fc);
        return NULL;
    }
    if (fm) g_object_unref(fm);
    fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), fc);
    FcConfigDestroy(fc);
    snprintf(dir, sizeof dir, "%s", fonts_dir);
    return fm;
}

/* Lays out and draws the plan onto a PDF surface made by make(). */
static int render(const Plan *plan, const Catalog *cat, const char *fonts_dir,
                  cairo_surface_t *(*make)(void *), void *arg, char *err, size_t errlen)
{
    PangoFontMap *fm = font_map(fonts_dir, err, errlen);
    if (!fm) return -1;
    PangoContext *ctx = pango_font_map_create_context(fm);
    pango_cairo_context_set_resolution(ctx, 72); /* sizes in points */

    Doc d = {.ctx = ctx, .plan = plan, .cat = cat, .rtl = lang_of(catalog_language(cat))->rtl};
    /* every paragraph reads in the direction of the paper's language; the
     * family's words in it keep their own (their isolates, FriBidi's order) */
    pango_context_set_base_dir(ctx, d.rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    if (plan_family(plan)[0])
        tr_fill(d.title, sizeof d.title, tr(cat, "Plan van de familie %s"), plan_family(plan));
    else
        snprintf(d.title, sizeof d.title, "%s", tr(cat, "Ons plan"));
    cairo_surface_t *s = make(arg);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d.title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Kring");
    /* dated by the plan, not by the clock: the same plan gives the same
     * bytes, on paper, on a phone and in a file */
    char made[40] = "";
    if (plan->approved_at > 0) {
        time_t t = (time_t)plan->approved_at;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(made, sizeof made, "%Y-%m-%dT%H:%M:%SZ", &tm);
    } else if (plan_valid_date(plan->field[FIELD_DATE])) {
        snprintf(made, sizeof made, "%.10sT00:00:00", plan->field[FIELD_DATE]);
    } else {
        snprintf(made, sizeof made, "2026-01-01T00:00:00");
    }
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, made);
    cairo_t *cr = cairo_create(s);
    /* measured as it is drawn: the surface's font options change how
     * lines break, and a count from other options names pages that are
     * not there */
    pango_cairo_update_context(cr, ctx);
    document(&d); /* measuring: how many pages? */
    d.pages = d.page;
    d.cr = cr;
    document(&d);
    cairo_show_page(d.cr);
    /* the drawing's own state too, not only the surface's: an error there
     * ends the document silently */
    cairo_status_t drawn = cairo_status(d.cr);
    cairo_destroy(d.cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    if (st == CAIRO_STATUS_SUCCESS) st = drawn;
    cairo_surface_destroy(s);
    g_object_unref(ctx);
    if (st != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errlen, "%s", cairo_status_to_string(st));
        return -1;
    }
    return 0;
}

static cairo_surface_t *make_file(void *path)
{
    return cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
}

static cairo_surface_t *make_memory(void *bytes)
{
    return cairo_pdf_surface_create_for_stream(to_memory, bytes, PAGE_W, PAGE_H);
}

int pdf_write(const Plan *plan, const Catalog *cat, const char *fonts_dir, const char *path,
              char *err, size_t errlen)
{
    char inner[300];
    if (render(plan, cat, fonts_dir, make_file, (void *)path, inner, sizeof inner) != 0) {
        snprintf(err, errlen, "%s: %s", path, inner);
        remove(path);
        return -1;
    }
    return 0;
}

int pdf_render(const Plan *plan, const Catalog *cat, const char *fonts_dir, unsigned char **data,
               size_t *size, char *err, size_t errlen)
{
    Bytes b = {0};
    if (render(plan, cat, fonts_dir, make_memory, &b, err, errlen) != 0) {
        free(b.data);
        return -1;
    }
    *data = b.data;
    *size = b.size;
    return 0;
}
