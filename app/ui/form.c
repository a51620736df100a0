/* form: fields, chips, labels and buttons of the sheets. */
#include "ui/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"

FormGeo form_geo(const Ui *ui, int bottom)
{
    FormGeo g;
    g.pad = ui_px(ui, ui->theme->pad_mm);
    g.target = ui_px(ui, ui->theme->target_mm);
    g.radius = ui_px(ui, ui->theme->radius_mm) * 2;
    int w = ui->w - 2 * g.pad;
    if (w > ui_px(ui, 210)) w = ui_px(ui, 210);
    g.panel = (Rect){(ui->w - w) / 2, g.pad, w, bottom - 2 * g.pad};
    return g;
}

/* A text field: its text, a caret when focused, scrolled so the caret
 * shows. The text runs in its own direction (its first strong letter):
 * Arabic from the right edge, Dutch from the left, in either screen.
 * Registers `id`. Drawn in final coordinates (see ui_mirror_begin). */
void form_field(Ui *ui, const FormGeo *g, const char *id, Rect r, const TextEdit *te, bool focused,
                const char *hint)
{
    const Theme *t = ui->theme;
    UiMark m = ui_mark(ui);
    bool screen_rtl = ui->rtl || ui->mirror_pending;
    r = ui_final(ui, r);
    draw_rect(&ui->dl, r, g->radius / 2, t->card);
    draw_frame(&ui->dl, r, g->radius / 2, ui_px(ui, focused ? 0.7f : 0.35f),
               focused ? t->accent : t->line);
    Rect in = rect_inset(r, g->pad);
    int lh = ui_line_height(ui, FONT_BODY);
    in.y = r.y + (r.h - lh) / 2;
    in.h = lh;
    const char *text = textedit_text(te);
    if (!text[0] && !focused) {
        ui_text(ui, in, FONT_BODY, screen_rtl ? ALIGN_RIGHT : ALIGN_LEFT, t->ink_soft, hint);
    } else {
        bool rtl = bidi_is_rtl(text, strlen(text), screen_rtl);
        char before[4096];
        size_t n = te->cursor < sizeof before ? te->cursor : sizeof before - 1;
        memcpy(before, text, n);
        before[n] = '\0';
        int caret = ui_text_width(ui, FONT_BODY, before);
        int shift = caret > in.w - 4 ? caret - (in.w - 4) : 0;
        Rect clip = in;
        if (ui->clipping) { /* inside scrolled content: both clips at once */
            Rect c = ui_final(ui, ui->clip);
            int x0 = in.x > c.x ? in.x : c.x, y0 = in.y > c.y ? in.y : c.y;
            int x1 = in.x + in.w < c.x + c.w ? in.x + in.w : c.x + c.w;
            int y1 = in.y + in.h < c.y + c.h ? in.y + in.h : c.y + c.h;
            clip = (Rect){x0, y0, x1 > x0 ? x1 - x0 : 1, y1 > y0 ? y1 - y0 : 1};
        }
        draw_clip(&ui->dl, clip);
        enum { FAR = 100000 };
        if (rtl) /* right-aligned; scrolled the other way */
            draw_text(&ui->dl, (Rect){in.x + in.w + shift - FAR, in.y, FAR, lh}, FONT_BODY,
                      ALIGN_RIGHT | TEXT_RTL, t->ink, text, strlen(text));
        else
            draw_text(&ui->dl, (Rect){in.x - shift, in.y, in.w + shift + FAR, lh}, FONT_BODY,
                      ALIGN_LEFT, t->ink, text, strlen(text));
        int cw = ui_px(ui, 0.5f) + 1;
        int cx = rtl ? in.x + in.w - caret + shift - cw : in.x + caret - shift;
        if (focused) draw_rect(&ui->dl, (Rect){cx, in.y, cw, lh}, 0, t->accent);
        draw_clip(&ui->dl, ui->clipping ? ui_final(ui, ui->clip) : (Rect){0, 0, 0, 0});
    }
    ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
    if (ui->mirror_pending) /* placed as it ends up: undo the mirror to come */
        ui_mirror_since(ui, m);
}

/* A chip: a pill with an optional pictogram and a label. Returns its
 * width. */
int form_chip(Ui *ui, const FormGeo *g, const char *id, int x, int y, const char *picto,
              const char *label, bool chosen, Color tint, bool measure_only)
{
    const Theme *t = ui->theme;
    int pw = picto && picto[0] ? ui_text_width(ui, FONT_TITLE, picto) + g->pad / 2 : 0;
    int w = pw + ui_text_width(ui, FONT_BOLD, label) + 2 * g->pad;
    if (measure_only) return w;
    Rect r = {x, y, w, g->target};
    draw_rect(&ui->dl, r, g->target / 2, chosen ? tint : t->card);
    draw_frame(&ui->dl, r, g->target / 2, ui_px(ui, chosen ? 0.7f : 0.35f),
               chosen ? t->accent : t->line);
    if (pw)
        ui_text(ui, (Rect){x + g->pad, y, pw, g->target}, FONT_TITLE, ALIGN_LEFT | ALIGN_MIDDLE,
                t->ink, picto);
    ui_text(ui, (Rect){x + g->pad + pw, y, w - 2 * g->pad - pw, g->target}, FONT_BOLD,
            ALIGN_LEFT | ALIGN_MIDDLE, t->ink, label);
    ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
    return w;
}

int form_label(Ui *ui, const FormGeo *g, int y, const char *text)
{
    int lh = ui_line_height(ui, FONT_SMALL);
    ui_text(ui, (Rect){g->panel.x + 2 * g->pad, y, g->panel.w - 4 * g->pad, lh}, FONT_SMALL,
            ALIGN_LEFT, ui->theme->ink_soft, text);
    return y + lh + g->pad / 3;
}

/* Puts the caret where the finger tapped in the field. */
void form_caret_at(Ui *ui, TextEdit *te, const Gesture *ev)
{
    const Widget *w = ui_find(ui, ev->widget);
    if (!w) return;
    int pad = ui_px(ui, ui->theme->pad_mm);
    const char *text = textedit_text(te);
    int x = bidi_is_rtl(text, strlen(text), ui->rtl) ? w->rect.x + w->rect.w - pad - ev->pos.x
                                                     : ev->pos.x - (w->rect.x + pad);
    size_t best = 0;
    int best_d = 1 << 30;
    char buf[4096];
    for (size_t at = 0;;) {
        size_t n = at < sizeof buf ? at : sizeof buf - 1;
        memcpy(buf, text, n);
        buf[n] = '\0';
        int d = abs(ui_text_width(ui, FONT_BODY, buf) - x);
        if (d < best_d) {
            best_d = d;
            best = at;
        }
        if (at >= te->len) break;
        textedit_set_cursor(te, at + 1);
        if (te->cursor <= at) break;
        at = te->cursor;
    }
    textedit_set_cursor(te, best);
}

bool form_scroll_gesture(FormScroll *sc, const Gesture *ev)
{
    switch (ev->kind) {
    case GESTURE_DRAG_START:
        sc->offset -= ev->pos.y - ev->start.y;
        sc->last_y = ev->pos.y;
        return true;
    case GESTURE_DRAG_MOVE:
    case GESTURE_DROP:
        sc->offset -= ev->pos.y - sc->last_y;
        sc->last_y = ev->pos.y;
        return true;
    default:
        return false;
    }
}

void form_scroll_clamp(FormScroll *sc, int content, int view)
{
    int max = content - view;
    if (sc->offset > max) sc->offset = max;
    if (sc->offset < 0) sc->offset = 0;
}

bool form_edit_key(TextEdit *te, SheetKey key)
{
    switch (key) {
    case SKEY_BACKSPACE:
        textedit_backspace(te);
        return true;
    case SKEY_DELETE:
        textedit_delete(te);
        return true;
    case SKEY_LEFT:
        textedit_left(te);
        return true;
    case SKEY_RIGHT:
        textedit_right(te);
        return true;
    case SKEY_HOME:
        textedit_home(te);
        return true;
    case SKEY_END:
        textedit_end(te);
        return true;
    case SKEY_RETURN:
    case SKEY_ESCAPE:
        break;
    }
    return false;
}

bool form_apply_keyboard(TextEdit *te, KeyResult r, const char *text, bool *leave)
{
    *leave = false;
    switch (r) {
    case KEY_TEXT:
        textedit_insert(te, text);
        return true;
    case KEY_BACKSPACE:
        textedit_backspace(te);
        return true;
    case KEY_LEFT:
        textedit_left(te);
        return false;
    case KEY_RIGHT:
        textedit_right(te);
        return false;
    case KEY_DONE:
        *leave = true;
        return false;
    case KEY_REDRAW:
    case KEY_NOTHING:
        break;
    }
    return false;
}

void form_typing(Ui *ui, const char *label, const char *field_id, const TextEdit *te,
                 const char *why, const Keyboard *kb)
{
    const Theme *t = ui->theme;
    int kh = keyboard_height(ui);
    UiMark m = ui_mirror_begin(ui);
    FormGeo g = form_geo(ui, ui->h - kh);
    int lh = ui_line_height(ui, FONT_SMALL);
    int h = g.pad * 3 + lh + g.target + (why ? lh + g.pad : 0);
    Rect panel = {g.panel.x, g.pad, g.panel.w, h};
    draw_rect(&ui->dl, panel, g.radius, t->panel);
    int y = form_label(ui, &g, panel.y + g.pad, label);
    Rect field = {panel.x + 2 * g.pad, y, panel.w - 4 * g.pad, g.target};
    form_field(ui, &g, field_id, field, te, true, "");
    if (why)
        ui_text(ui, (Rect){field.x, field.y + field.h + g.pad / 2, field.w, lh}, FONT_SMALL,
                ALIGN_LEFT, ui->theme->warn, ui_tr(ui, why));
    ui_mirror_end(ui, m);
    keyboard_draw(ui, kb, (Rect){0, ui->h - kh, ui->w, kh});
}
