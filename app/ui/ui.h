/* ui: the context every screen draws into, without SDL.
 *
 * Each frame a screen appends draw commands and registers its widgets:
 * an id (stable across layouts: "person:3", "ring:1:family", "undo"), a
 * rectangle, an anchor point, and what a finger may do with it. The
 * registry is how input finds widgets and how test scripts address them.
 * Text is measured through a callback the platform provides. */
#ifndef KRING_UI_H
#define KRING_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/draw.h"
#include "core/geom.h"
#include "core/i18n.h"
#include "core/plan.h"
#include "ui/theme.h"

enum { UI_ID_LEN = 48 };

enum { UI_CUTS = 24, UI_CUT_LEN = 240 };

typedef struct Widget {
    char id[UI_ID_LEN];
    Rect rect;
    Point anchor;  /* where a finger aims; inside the widget's shape */
    uint32_t grab; /* GRAB_* from core/gesture.h; 0: not touchable */
    Rect whole;    /* the whole widget, also where a scrolled list hides part of it */
    int layer;     /* 0, and one more for each cover drawn over the screen before it */
} Widget;

typedef struct TextMeasure {
    void *ctx;
    int (*width)(void *ctx, int font, const char *s, size_t n);
    int (*height)(void *ctx, int font);
} TextMeasure;

typedef struct Ui {
    DrawList dl;
    Widget *widgets;
    int n_widgets, cap_widgets;
    const Theme *theme;
    const Catalog *cat; /* NULL: Dutch */
    TextMeasure tm;
    float mm;                  /* pixels per millimetre */
    int w, h;                  /* frame size in pixels */
    bool rtl;                  /* mirror the layout */
    bool mirror_pending;       /* drawing left to right now, to be mirrored after */
    int keyboard_layout;       /* the on-screen keyboard's first layout (keyboard.h) */
    const char *language_name; /* the language on screen, in its own name */
    /* Texts this frame had to shorten with an ellipsis, as they were: the
     * script's `dump` lists them, so a test finds a word that does not fit. */
    int n_cuts;
    char cuts[UI_CUTS][UI_CUT_LEN];
    bool clipping; /* widgets outside `clip` are not registered */
    Rect clip;
    int layer; /* covers drawn over the screen so far this frame (ui_cover) */
} Ui;

void ui_init(Ui *ui, const Theme *theme, TextMeasure tm);
void ui_fini(Ui *ui);

/* Pixels per millimetre for a frame of w×h at the given DPI: the
 * physical size, so a target of the theme's 11 mm is 11 mm under a
 * finger. A screen smaller than UI_MIN_W_MM × UI_MIN_H_MM (the 7-inch
 * panel, 153 × 92 mm) is drawn a little smaller to hold the layout, but
 * never below UI_MIN_SHRINK of its size: targets stay at least 9 mm.
 * A big screen seen from afar (a television at 80 dpi) is drawn larger,
 * never a small island in its middle. */
#define UI_MIN_W_MM 183.0f
#define UI_MIN_H_MM 110.0f
#define UI_MIN_SHRINK (9.2f / 11.0f)
float ui_scale_for(int w, int h, float dpi);

/* Starts a frame of w×h pixels: clears the draw list and registry. */
void ui_begin(Ui *ui, int w, int h, float mm);

/* Millimetres to pixels (at least 1). */
int ui_px(const Ui *ui, float mm);

void ui_widget(Ui *ui, const char *id, Rect r, Point anchor, uint32_t grab);
/* Everything drawn from here on lies over the whole screen as it was (a
 * page, a sheet, a panel's dimmed backdrop): the widgets before are
 * covered. Widgets carry their layer, so a test knows which are seen. */
void ui_cover(Ui *ui);

/* Clips drawing, and widgets, to r (scrolled content); ui_unclip ends it. */
void ui_clip(Ui *ui, Rect r);
void ui_unclip(Ui *ui);
/* Mirrors a screen drawn left to right for a right-to-left language: every
 * command and widget since the mark is flipped across the screen's width,
 * text boxes aligned to the other side and read right to left. For screens
 * laid out once for both directions; pictures and QR codes are placed
 * mirrored but drawn as they are. */
typedef struct UiMark {
    int cmds, widgets;
    bool active; /* ui_mirror_begin: this one mirrors at its end */
} UiMark;
UiMark ui_mark(const Ui *ui);
void ui_mirror_since(Ui *ui, UiMark m);

/* A screen laid out left to right only: ui_mirror_begin, draw, then
 * ui_mirror_end mirrors it all when the language reads right to left.
 * Nested pairs do nothing more. Pieces that must stay as they are (the
 * keyboard) or place their own contents (a text field, whose text runs
 * in its own direction) draw in final coordinates and, while
 * mirror_pending, mirror themselves once in advance. */
UiMark ui_mirror_begin(Ui *ui);
void ui_mirror_end(Ui *ui, UiMark m);
/* r as it ends up on the screen (mirrored when a mirror is pending). */
Rect ui_final(const Ui *ui, Rect r);

/* Widget ids are "name", "prefix:N" (a whole number) or "prefix:TEXT".
 * Each screen names its ids once, as constants beside the code that draws
 * and handles them; these build and read them back. The ids are the
 * scripts' contract (tests/README.md): they never change for a layout. */
bool ui_id_is(const char *id, const char *name);
/* id is "prefix:N": N in *n. */
bool ui_id_num(const char *id, const char *prefix, unsigned *n);
/* id is "prefix:TEXT": TEXT, else NULL. */
const char *ui_id_arg(const char *id, const char *prefix);
/* "prefix:N" into out. */
void ui_id_make(char out[UI_ID_LEN], const char *prefix, unsigned n);

const Widget *ui_find(const Ui *ui, const char *id);
/* The topmost widget under p that allows any of `grab`, or NULL. */
const Widget *ui_hit(const Ui *ui, Point p, uint32_t grab);

/* Translates a Dutch source string. */
static inline const char *ui_tr(const Ui *ui, const char *msgid)
{
    return tr(ui->cat, msgid);
}

int ui_text_width(const Ui *ui, int font, const char *s);
int ui_line_height(const Ui *ui, int font);

/* One line of text in box, shortened with an ellipsis when too wide. */
void ui_text(Ui *ui, Rect box, int font, int align, Color c, const char *s);

/* Text wrapped at spaces into at most max_lines lines within box.w; the
 * last line is shortened with an ellipsis when text remains. Returns the
 * height used. With draw false, only measures. */
int ui_wrap(Ui *ui, Rect box, int font, Color c, const char *s, int max_lines, bool draw);

/* The first word of a name, into out ("Esther Jansen" -> "Esther"). */
void ui_first_word(const char *name, char *out, size_t n);
/* The name the family calls someone by, into buf: the words in brackets
 * ("جميلة العمراني (oma Jamila)" -> "oma Jamila"), else the first word. */
const char *ui_first_name(const char *name, char *buf, size_t n);

/* Up to two letters for an avatar: first letters of the first and last
 * words ("Esther Jansen" -> "EJ"). Writes at most 16 bytes. */
void ui_initials(const char *name, char out[16]);

/* A person's round avatar of radius r at c: their relation's pictogram,
 * or their initials, with a check mark when they are in the room. */
void ui_avatar(Ui *ui, Point c, int r, const Person *p);

#endif
