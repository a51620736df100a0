/* draw: appending to and comparing draw lists. When memory is short a
 * command is dropped and the list marked short_of_memory: the app then
 * keeps the picture it has and builds the frame again a little later,
 * rather than show half a frame. */
#include "core/draw.h"

#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void draw_init(DrawList *dl)
{
    memset(dl, 0, sizeof *dl);
}

void draw_fini(DrawList *dl)
{
    free(dl->cmds);
    free(dl->text);
    memset(dl, 0, sizeof *dl);
}

void draw_clear(DrawList *dl)
{
    dl->n = 0;
    dl->text_n = 0;
    dl->short_of_memory = false;
}

bool draw_copy(DrawList *dst, const DrawList *src)
{
    if (dst->cap < src->n) {
        DrawCmd *cmds = mem_realloc(dst->cmds, sizeof(DrawCmd) * (size_t)src->cap);
        if (!cmds) return false;
        dst->cmds = cmds;
        dst->cap = src->cap;
    }
    if (dst->text_cap < src->text_n) {
        char *text = mem_realloc(dst->text, src->text_cap);
        if (!text) return false;
        dst->text = text;
        dst->text_cap = src->text_cap;
    }
    if (src->n) memcpy(dst->cmds, src->cmds, sizeof(DrawCmd) * (size_t)src->n);
    if (src->text_n) memcpy(dst->text, src->text, src->text_n);
    dst->n = src->n;
    dst->text_n = src->text_n;
    dst->short_of_memory = src->short_of_memory;
    return true;
}

bool draw_equal(const DrawList *a, const DrawList *b)
{
    return a->n == b->n && a->text_n == b->text_n &&
           (a->n == 0 || memcmp(a->cmds, b->cmds, sizeof(DrawCmd) * (size_t)a->n) == 0) &&
           (a->text_n == 0 || memcmp(a->text, b->text, a->text_n) == 0);
}

/* A new command, or NULL (and the list marked) when memory is short. */
static DrawCmd *push(DrawList *dl, DrawKind kind, Color c)
{
    if (dl->n == dl->cap) {
        int cap = dl->cap ? dl->cap * 2 : 256;
        DrawCmd *cmds = mem_realloc(dl->cmds, sizeof(DrawCmd) * (size_t)cap);
        if (!cmds) {
            dl->short_of_memory = true;
            return NULL;
        }
        dl->cmds = cmds;
        dl->cap = cap;
    }
    DrawCmd *cmd = &dl->cmds[dl->n++];
    memset(cmd, 0, sizeof *cmd);
    cmd->kind = kind;
    cmd->color = c;
    return cmd;
}

void draw_rect(DrawList *dl, Rect r, int radius, Color c)
{
    if (r.w <= 0 || r.h <= 0 || (c & 0xFF) == 0) return;
    DrawCmd *d = push(dl, DRAW_RECT, c);
    if (!d) return;
    d->x = r.x;
    d->y = r.y;
    d->w = r.w;
    d->h = r.h;
    d->a = radius;
}

void draw_frame(DrawList *dl, Rect r, int radius, int thickness, Color c)
{
    if (r.w <= 0 || r.h <= 0 || (c & 0xFF) == 0) return;
    DrawCmd *d = push(dl, DRAW_FRAME, c);
    if (!d) return;
    d->x = r.x;
    d->y = r.y;
    d->w = r.w;
    d->h = r.h;
    d->a = radius;
    d->b = thickness;
}

void draw_disc(DrawList *dl, Point centre, int radius, Color c)
{
    if (radius <= 0 || (c & 0xFF) == 0) return;
    DrawCmd *d = push(dl, DRAW_DISC, c);
    if (!d) return;
    d->x = centre.x;
    d->y = centre.y;
    d->a = radius;
}

void draw_arc(DrawList *dl, Point centre, int r_in, int r_out, int a0_cdeg, int a1_cdeg, Color c)
{
    if (r_out <= r_in || a1_cdeg <= a0_cdeg || (c & 0xFF) == 0) return;
    DrawCmd *d = push(dl, DRAW_ARC, c);
    if (!d) return;
    d->x = centre.x;
    d->y = centre.y;
    d->a = r_in;
    d->b = r_out;
    d->c = a0_cdeg;
    d->d = a1_cdeg;
}

void draw_line(DrawList *dl, Point a, Point b, int thickness, Color c)
{
    DrawCmd *d = push(dl, DRAW_LINE, c);
    if (!d) return;
    d->x = a.x;
    d->y = a.y;
    d->w = b.x;
    d->h = b.y;
    d->a = thickness;
}

static void push_text(DrawList *dl, DrawKind kind, Rect box, int font, int align, Color c,
                      const char *s, size_t n);

void draw_qr(DrawList *dl, Rect box, const char *text, size_t n)
{
    push_text(dl, DRAW_QR, box, 0, 0, 0x000000FF, text, n);
}

void draw_text(DrawList *dl, Rect box, int font, int align, Color c, const char *s, size_t n)
{
    push_text(dl, DRAW_TEXT, box, font, align, c, s, n);
}

static void push_text(DrawList *dl, DrawKind kind, Rect box, int font, int align, Color c,
                      const char *s, size_t n)
{
    if (n == 0 || box.w <= 0) return;
    if (!mem_reserve(&dl->text, &dl->text_cap, dl->text_n + n + 1, 4096)) {
        dl->short_of_memory = true;
        return;
    }
    DrawCmd *d = push(dl, kind, c);
    if (!d) return;
    d->x = box.x;
    d->y = box.y;
    d->w = box.w;
    d->h = box.h;
    d->a = font;
    d->b = align;
    d->text_off = (uint32_t)dl->text_n;
    d->text_len = (uint32_t)n;
    memcpy(dl->text + dl->text_n, s, n);
    dl->text_n += n;
    dl->text[dl->text_n++] = '\0';
}

void draw_clip(DrawList *dl, Rect r)
{
    DrawCmd *d = push(dl, DRAW_CLIP, 0xFFFFFFFF);
    if (!d) return;
    d->x = r.x;
    d->y = r.y;
    d->w = r.w;
    d->h = r.h;
}

void draw_layer(DrawList *dl)
{
    push(dl, DRAW_LAYER, 0xFFFFFFFF);
}
