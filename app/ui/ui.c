/* ui: widget registry, scale and text fitting. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/mem.h"
#include "core/relations.h"
#include "core/utf8.h"

static const char ELLIPSIS[] = "\xE2\x80\xA6"; /* … */

void ui_init(Ui *ui, const Theme *theme, TextMeasure tm)
{
    memset(ui, 0, sizeof *ui);
    draw_init(&ui->dl);
    ui->theme = theme;
    ui->tm = tm;
    ui->mm = 96.0f / 25.4f;
}

void ui_fini(Ui *ui)
{
    draw_fini(&ui->dl);
    free(ui->widgets);
    memset(ui, 0, sizeof *ui);
}

float ui_scale_for(int w, int h, float dpi)
{
    float s = (dpi > 0 ? dpi : 96.0f) / 25.4f;
    /* the smallest screen the layout is drawn for, in the theme's mm */
    float fit = (float)w / UI_MIN_W_MM;
    if ((float)h / UI_MIN_H_MM < fit) fit = (float)h / UI_MIN_H_MM;
    float least = s * UI_MIN_SHRINK;
    if (fit < s) s = fit > least ? fit : least;
    float side = (float)w < (float)h * 1.6f ? (float)w : (float)h * 1.6f;
    float island = side / 420.0f;
    if (s < island) s = island;
    return s;
}

void ui_begin(Ui *ui, int w, int h, float mm)
{
    draw_clear(&ui->dl);
    ui->n_widgets = 0;
    ui->n_cuts = 0;
    ui->clipping = false;
    ui->layer = 0;
    ui->w = w;
    ui->h = h;
    ui->mm = mm;
}

int ui_px(const Ui *ui, float mm)
{
    int px = (int)(mm * ui->mm + 0.5f);
    return px < 1 ? 1 : px;
}

void ui_clip(Ui *ui, Rect r)
{
    ui->clipping = true;
    ui->clip = r;
    draw_clip(&ui->dl, r);
}

void ui_unclip(Ui *ui)
{
    ui->clipping = false;
    draw_clip(&ui->dl, (Rect){0, 0, 0, 0});
}

void ui_widget(Ui *ui, const char *id, Rect r, Point anchor, uint32_t grab)
{
    Rect whole = r;
    if (ui->clipping) { /* only the visible part of a scrolled widget counts */
        Rect c = ui->clip;
        int x0 = r.x > c.x ? r.x : c.x, y0 = r.y > c.y ? r.y : c.y;
        int x1 = r.x + r.w < c.x + c.w ? r.x + r.w : c.x + c.w;
        int y1 = r.y + r.h < c.y + c.h ? r.y + r.h : c.y + c.h;
        if (x1 <= x0 || y1 <= y0) return;
        r = (Rect){x0, y0, x1 - x0, y1 - y0};
        if (!rect_contains(r, anchor)) anchor = rect_center(r);
    }
    if (ui->n_widgets == ui->cap_widgets) {
        int cap = ui->cap_widgets ? ui->cap_widgets * 2 : 128;
        Widget *grown = mem_realloc(ui->widgets, sizeof *ui->widgets * (size_t)cap);
        if (!grown) { /* the frame is not whole: it is built again */
            ui->dl.short_of_memory = true;
            return;
        }
        ui->widgets = grown;
        ui->cap_widgets = cap;
    }
    Widget *w = &ui->widgets[ui->n_widgets++];
    memset(w, 0, sizeof *w);
    snprintf(w->id, sizeof w->id, "%s", id);
    w->rect = r;
    w->anchor = anchor;
    w->grab = grab;
    w->whole = whole;
    w->layer = ui->layer;
}

void ui_cover(Ui *ui)
{
    ui->layer++;
}

UiMark ui_mark(const Ui *ui)
{
    return (UiMark){ui->dl.n, ui->n_widgets, false};
}

UiMark ui_mirror_begin(Ui *ui)
{
    UiMark m = ui_mark(ui);
    m.active = ui->rtl && !ui->mirror_pending;
    if (m.active) {
        ui->rtl = false;
        ui->mirror_pending = true;
    }
    return m;
}

void ui_mirror_end(Ui *ui, UiMark m)
{
    if (!m.active) return;
    ui->rtl = true;
    ui->mirror_pending = false;
    ui_mirror_since(ui, m);
}

Rect ui_final(const Ui *ui, Rect r)
{
    if (ui->mirror_pending) r.x = ui->w - r.x - r.w;
    return r;
}

void ui_mirror_since(Ui *ui, UiMark m)
{
    int w = ui->w;
    for (int i = m.cmds; i < ui->dl.n; i++) {
        DrawCmd *c = &ui->dl.cmds[i];
        switch ((DrawKind)c->kind) {
        case DRAW_RECT:
        case DRAW_FRAME:
        case DRAW_QR:
            c->x = w - c->x - c->w;
            break;
        case DRAW_CLIP:
            if (c->w > 0) c->x = w - c->x - c->w;
            break;
        case DRAW_TEXT: {
            c->x = w - c->x - c->w;
            int h = c->b & (ALIGN_CENTER | ALIGN_RIGHT);
            c->b = (c->b & ~(ALIGN_CENTER | ALIGN_RIGHT)) | TEXT_RTL |
                   (h == ALIGN_LEFT    ? ALIGN_RIGHT
                    : h == ALIGN_RIGHT ? ALIGN_LEFT
                                       : h);
            break;
        }
        case DRAW_DISC:
            c->x = w - c->x;
            break;
        case DRAW_ARC: { /* an angle a becomes 180° - a: the range turns round */
            int a0 = 18000 - c->d, a1 = 18000 - c->c;
            while (a0 < 0) {
                a0 += 36000;
                a1 += 36000;
            }
            c->x = w - c->x;
            c->c = a0;
            c->d = a1;
            break;
        }
        case DRAW_LINE:
            c->x = w - c->x;
            c->w = w - c->w;
            break;
        case DRAW_LAYER:
            break;
        }
    }
    for (int i = m.widgets; i < ui->n_widgets; i++) {
        Widget *g = &ui->widgets[i];
        g->rect.x = w - g->rect.x - g->rect.w;
        g->whole.x = w - g->whole.x - g->whole.w;
        g->anchor.x = w - g->anchor.x - 1;
    }
}

bool ui_id_is(const char *id, const char *name)
{
    return id && strcmp(id, name) == 0;
}

const char *ui_id_arg(const char *id, const char *prefix)
{
    size_t n = strlen(prefix);
    return id && strncmp(id, prefix, n) == 0 && id[n] == ':' ? id + n + 1 : NULL;
}

bool ui_id_num(const char *id, const char *prefix, unsigned *n)
{
    const char *d = ui_id_arg(id, prefix);
    if (!d || !*d || strlen(d) > 9 || strspn(d, "0123456789") != strlen(d)) return false;
    *n = (unsigned)strtoul(d, NULL, 10);
    return true;
}

void ui_id_make(char out[UI_ID_LEN], const char *prefix, unsigned n)
{
    snprintf(out, UI_ID_LEN, "%s:%u", prefix, n);
}

const Widget *ui_find(const Ui *ui, const char *id)
{
    for (int i = 0; i < ui->n_widgets; i++)
        if (strcmp(ui->widgets[i].id, id) == 0) return &ui->widgets[i];
    return NULL;
}

const Widget *ui_hit(const Ui *ui, Point p, uint32_t grab)
{
    for (int i = ui->n_widgets - 1; i >= 0; i--)
        if ((ui->widgets[i].grab & grab) && rect_contains(ui->widgets[i].rect, p))
            return &ui->widgets[i];
    return NULL;
}

static int measure(const Ui *ui, int font, const char *s, size_t n)
{
    return n ? ui->tm.width(ui->tm.ctx, font, s, n) : 0;
}

int ui_text_width(const Ui *ui, int font, const char *s)
{
    return measure(ui, font, s, strlen(s));
}

int ui_line_height(const Ui *ui, int font)
{
    return ui->tm.height(ui->tm.ctx, font);
}

/* Longest prefix of s[0..n), ending on a character boundary, that fits
 * `room` pixels. Only the first 1024 characters are considered: no line
 * on any screen holds more. */
static size_t fit_prefix(const Ui *ui, int font, const char *s, size_t n, int room)
{
    enum { MAX_CHARS = 1024 };
    size_t ends[MAX_CHARS];
    int count = 0;
    for (size_t at = 0; at < n && count < MAX_CHARS;) {
        at = utf8_next_char(s, n, at);
        ends[count++] = at;
    }
    int lo = -1, hi = count - 1; /* ends[lo] fits; -1 stands for nothing */
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (measure(ui, font, s, ends[mid]) <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo < 0 ? 0 : ends[lo];
}

/* Draws s[0..n) in box; shortens it with an ellipsis if it is too wide. */
static void text_fitted(Ui *ui, Rect box, int font, int align, Color c, const char *s, size_t n,
                        bool force_ellipsis)
{
    if (box.w <= 0 || n == 0) return;
    if (ui->rtl) align |= TEXT_RTL;
    if (align & TEXT_SHRINK) { /* a label: the next smaller font while it does not fit */
        align &= ~TEXT_SHRINK;
        while (font > FONT_SMALL && measure(ui, font, s, n) > box.w)
            font--;
    }
    if (!force_ellipsis && measure(ui, font, s, n) <= box.w) {
        draw_text(&ui->dl, box, font, align, c, s, n);
        return;
    }
    if (ui->n_cuts < UI_CUTS) { /* noted whole, for the tests */
        size_t k = n < UI_CUT_LEN - 1 ? n : UI_CUT_LEN - 1;
        while (k > 0 && k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        memcpy(ui->cuts[ui->n_cuts], s, k);
        ui->cuts[ui->n_cuts++][k] = '\0';
    }
    int ew = measure(ui, font, ELLIPSIS, sizeof ELLIPSIS - 1);
    size_t keep = fit_prefix(ui, font, s, n, box.w - ew);
    while (keep > 0 && s[keep - 1] == ' ')
        keep--;
    char buf[1024];
    if (keep > sizeof buf - sizeof ELLIPSIS) keep = utf8_prev_char(s, sizeof buf - sizeof ELLIPSIS);
    memcpy(buf, s, keep);
    memcpy(buf + keep, ELLIPSIS, sizeof ELLIPSIS - 1);
    draw_text(&ui->dl, box, font, align, c, buf, keep + sizeof ELLIPSIS - 1);
}

void ui_text(Ui *ui, Rect box, int font, int align, Color c, const char *s)
{
    text_fitted(ui, box, font, align, c, s, strlen(s), false);
}

int ui_wrap(Ui *ui, Rect box, int font, Color c, const char *s, int max_lines, bool draw)
{
    int lh = ui_line_height(ui, font);
    bool screen_rtl = ui->rtl || ui->mirror_pending;
    size_t n = strlen(s), pos = 0;
    int lines = 0;
    bool right = false;
    while (pos < n && s[pos] == ' ')
        pos++;
    while (pos < n && lines < max_lines) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t para = nl ? (size_t)(nl - (s + pos)) : n - pos;
        /* each paragraph from the side it reads from, all its lines: a
         * Dutch one on an Arabic screen from the left (placed now as it
         * will end up when the screen is mirrored after) */
        bool starts = pos == 0 || s[pos - 1] == '\n' || lines == 0;
        if (starts) right = bidi_is_rtl(s + pos, para, screen_rtl);
        int align =
            (right != ui->mirror_pending ? ALIGN_RIGHT : ALIGN_LEFT) | (right ? TEXT_RTL : 0);
        size_t end = para;
        if (measure(ui, font, s + pos, para) > box.w) {
            size_t fit = fit_prefix(ui, font, s + pos, para, box.w);
            end = fit;
            while (end > 0 && s[pos + end] != ' ')
                end--;
            if (end == 0) end = fit ? fit : utf8_next_char(s + pos, para, 0);
        }
        size_t next = pos + end;
        while (next < n && s[next] == ' ')
            next++;
        if (next < n && s[next] == '\n') next++;
        bool cut = lines == max_lines - 1 && next < n;
        Rect line = {box.x, box.y + lines * lh, box.w, lh};
        if (draw && cut)
            text_fitted(ui, line, font, align, c, s + pos, para, true);
        else if (draw)
            draw_text(&ui->dl, line, font, align, c, s + pos, end);
        lines++;
        pos = next;
    }
    return lines * lh;
}

void ui_first_word(const char *name, char *out, size_t n)
{
    snprintf(out, n, "%s", name);
    char *sp = strchr(out, ' ');
    if (sp && sp != out) *sp = '\0';
}

const char *ui_first_name(const char *name, char *buf, size_t n)
{
    const char *paren = strchr(name, '(');
    if (paren) { /* "جميلة العمراني (oma Jamila)": the words in brackets */
        const char *end = strchr(paren, ')');
        size_t len = end ? (size_t)(end - paren - 1) : strlen(paren + 1);
        snprintf(buf, n, "%.*s", (int)len, paren + 1);
        return buf;
    }
    size_t len = strcspn(name, " ");
    snprintf(buf, n, "%.*s", (int)len, name);
    return buf;
}

void ui_initials(const char *name, char out[16])
{
    size_t n = strlen(name), o = 0;
    size_t first = 0, last_start = n;
    while (first < n && (name[first] == ' ' || name[first] == '('))
        first++;
    /* the last word that starts with a letter (skip "(oma Jamila)") */
    size_t i = first;
    bool in_paren = false;
    while (i < n) {
        if (name[i] == '(') in_paren = true;
        if (!in_paren && name[i] != ' ' && (i == 0 || name[i - 1] == ' ')) last_start = i;
        if (name[i] == ')') in_paren = false;
        i++;
    }
    if (first < n) {
        size_t e = utf8_next_char(name, n, first);
        memcpy(out + o, name + first, e - first);
        o += e - first;
    }
    if (last_start < n && last_start != first) {
        uint32_t cp;
        utf8_decode(name + last_start, n - last_start, &cp);
        /* skip Dutch name particles written in lower case: "van", "de" */
        if (!(cp >= 'a' && cp <= 'z')) {
            size_t e = utf8_next_char(name, n, last_start);
            if (o + (e - last_start) < 15) {
                memcpy(out + o, name + last_start, e - last_start);
                o += e - last_start;
            }
        }
    }
    out[o] = '\0';
}

/* A person's round avatar: the relation's pictogram on the sector's tint,
 * or initials; a check mark when they are in the room. */
void ui_avatar(Ui *ui, Point c, int r, const Person *p)
{
    const Theme *t = ui->theme;
    Color sc = t->sector[p->place.sector];
    Rect box = {c.x - r, c.y - r, 2 * r, 2 * r};
    const Relation *rel = relation_find(p->picto);
    if (rel) {
        draw_disc(&ui->dl, c, r, t->sector_tint[p->place.sector]);
        draw_arc(&ui->dl, c, r - ui_px(ui, 0.4f), r, 0, 36000, sc);
        /* the largest pictogram that fits the disc */
        int font = r > ui_line_height(ui, FONT_TITLE) * 6 / 10  ? FONT_TITLE
                   : r > ui_line_height(ui, FONT_BODY) * 6 / 10 ? FONT_BODY
                                                                : FONT_SMALL;
        ui_text(ui, (Rect){c.x - 2 * r, c.y - r, 4 * r, 2 * r}, font, ALIGN_CENTER | ALIGN_MIDDLE,
                t->ink, rel->picto);
    } else {
        char ini[16];
        ui_initials(p->name, ini);
        draw_disc(&ui->dl, c, r, sc);
        ui_text(ui, box, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->card, ini);
    }
    if (p->present) {
        int br = r * 38 / 100, th = br / 3 > 1 ? br / 3 : 2;
        Point b = {c.x + r * 7 / 10, c.y + r * 7 / 10};
        draw_disc(&ui->dl, b, br + th / 2 + 1, t->card);
        draw_disc(&ui->dl, b, br, t->present);
        draw_line(&ui->dl, (Point){b.x - br / 2, b.y}, (Point){b.x - br / 8, b.y + br / 3}, th,
                  t->card);
        draw_line(&ui->dl, (Point){b.x - br / 8, b.y + br / 3}, (Point){b.x + br / 2, b.y - br / 3},
                  th, t->card);
    }
}
