/* draw: the list of draw commands one frame is made of.
 *
 * Screens append commands; the platform renderer plays them. Two lists can
 * be compared, so a frame whose list did not change is not drawn again, and
 * tests can look at what a screen draws without pixels. The list owns its
 * commands and a text arena; both are reused from frame to frame. */
#ifndef KRING_DRAW_H
#define KRING_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/geom.h"

typedef uint32_t Color; /* 0xRRGGBBAA */

typedef enum DrawKind {
    DRAW_RECT = 1, /* x,y,w,h; a = corner radius */
    DRAW_FRAME,    /* outline of a rounded rect; a = radius, b = thickness */
    DRAW_DISC,     /* centre x,y; a = radius */
    DRAW_ARC,      /* centre x,y; a = inner radius, b = outer radius,
                      c..d = start..end angle in centidegrees, clockwise
                      from the positive x axis (y points down) */
    DRAW_LINE,     /* x,y to w,h (end point); a = thickness */
    DRAW_TEXT,     /* one line in box x,y,w,h; a = font, b = align flags */
    DRAW_CLIP,     /* clip later commands to x,y,w,h; w == 0 ends clipping */
    DRAW_QR,       /* a QR code of the text, in box x,y,w,h: whole modules of
                      the largest size that fits, with its quiet zone */
    DRAW_LAYER,    /* everything before is the still background: the renderer
                      keeps it as a picture and redraws it only when those
                      commands change; what follows moves (cards under fingers) */
} DrawKind;

enum {
    ALIGN_LEFT = 0,
    ALIGN_CENTER = 1,
    ALIGN_RIGHT = 2, /* horizontal */
    ALIGN_TOP = 0,
    ALIGN_MIDDLE = 4, /* vertical */
    TEXT_RTL = 8,     /* the paragraph runs right to left (the UI is mirrored) */
    TEXT_SHRINK = 16, /* for ui_text: a smaller font before an ellipsis (a word
                         on a button or key); never reaches the renderer */
};

/* Every field is 32 bits wide, so a command has no padding and two lists
 * compare with memcmp. */
typedef struct DrawCmd {
    int32_t kind;
    int32_t x, y, w, h;
    int32_t a, b, c, d;
    uint32_t color;
    uint32_t text_off, text_len;
} DrawCmd;

typedef struct DrawList {
    DrawCmd *cmds;
    int n, cap;
    char *text;
    size_t text_n, text_cap;
    bool short_of_memory; /* a command was dropped: the list is not whole */
} DrawList;

void draw_init(DrawList *dl);
void draw_fini(DrawList *dl);
void draw_clear(DrawList *dl);
/* Copies src into dst (reusing dst's memory); false, dst as it was, when
 * memory is short. */
bool draw_copy(DrawList *dst, const DrawList *src);
bool draw_equal(const DrawList *a, const DrawList *b);

void draw_rect(DrawList *dl, Rect r, int radius, Color c);
void draw_frame(DrawList *dl, Rect r, int radius, int thickness, Color c);
void draw_disc(DrawList *dl, Point centre, int radius, Color c);
void draw_arc(DrawList *dl, Point centre, int r_in, int r_out, int a0_cdeg, int a1_cdeg, Color c);
void draw_line(DrawList *dl, Point a, Point b, int thickness, Color c);
void draw_text(DrawList *dl, Rect box, int font, int align, Color c, const char *s, size_t n);
void draw_clip(DrawList *dl, Rect r);
void draw_layer(DrawList *dl);
void draw_qr(DrawList *dl, Rect box, const char *text, size_t n);

/* The text of a text command. */
static inline const char *draw_cmd_text(const DrawList *dl, const DrawCmd *c)
{
    return dl->text + c->text_off;
}

#endif
