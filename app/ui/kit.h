/* kit: the pieces every screen is built from, one way each, drawn from the
 * theme: the modal panel over a dimmed screen (with the close button and
 * its title), big buttons with a pictogram, rows of choices, Kring's sign
 * and the language button. A piece registers the widget ids it is given;
 * the screen that uses it handles them. No state of its own. */
#ifndef KRING_KIT_H
#define KRING_KIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan.h"
#include "ui/ui.h"
#include "ui/view.h"

/* The theme's sizes in pixels on this screen. */
typedef struct KitGeo {
    int pad, target, radius, lh, sh, th;
} KitGeo;

KitGeo kit_geo(const Ui *ui);

/* The screen dimmed behind a panel, a sheet or a notice. */
void kit_backdrop(Ui *ui);

/* Icons drawn as lines: a plus (or a minus) and a cross, a lines of lw
 * pixels reaching a from the centre c. */
void kit_plus(Ui *ui, Point c, int a, int lw, Color col, bool minus_only);
void kit_cross(Ui *ui, Point c, int a, int lw, Color col);

/* A pill button in r: primary filled in the accent colour, else outlined;
 * with plus, a "+" before its words on the reading side. */
void kit_button(Ui *ui, const char *id, Rect r, const char *label, bool primary, bool plus);

/* A big button with a pictogram (or none) beside its words; primary in
 * the accent colour; a disabled one is grey and cannot be tapped. */
void kit_big_button(Ui *ui, const KitGeo *G, const char *id, Rect r, const char *picto,
                    const char *label, bool primary, bool enabled);

/* A panel of w×h over everything (never larger than the screen), the
 * screen dimmed behind it; taps beside its buttons reach nothing behind.
 * Returns the panel's inside. */
Rect kit_overlay(Ui *ui, const KitGeo *G, int w, int h);
/* The width of a panel `mm` wide (ui_px), as kit_overlay will draw it:
 * never wider than the screen. For measuring its words first. */
int kit_panel_width(const Ui *ui, const KitGeo *G, int mm);

/* A close button in the top corner (on the reading side's end) of the
 * panel's inside; a panel's is KIT_ID_CLOSE. */
#define KIT_ID_CLOSE "panel-close"
void kit_close_button(Ui *ui, const KitGeo *G, const char *id, Rect inner);

/* A panel's title at y, on at most two lines, leaving right_gap for the
 * close button; returns the y below it. */
int kit_title(Ui *ui, const KitGeo *G, Rect inner, int y, const char *text, int right_gap);

/* Kring's sign: three rings in the sectors' colours around a dot. */
void kit_sign(Ui *ui, Point c, int r);

/* Rows of choices on a panel, as large rows; the chosen one marked. Each
 * is "prefix:N" (N from first_index), except printers: "printer-default",
 * then "printer:NAME". Rows two lines high when any has a note. Returns
 * the y below the last row that fits. */
int kit_list_row_height(const KitGeo *G, const FlowList *l);
int kit_list_rows(Ui *ui, const KitGeo *G, Rect in, int y, const FlowList *l, const char *prefix,
                  int first_index);

/* The language button: 🌐 and the language on screen (ui->language_name)
 * in its own name (the globe alone when r is not twice as wide as it is
 * high); anyone may change the language. */
#define KIT_ID_LANGUAGE "language"
int kit_language_width(const Ui *ui);
void kit_language_button(Ui *ui, Rect r);

/* The edges of a scrolled view where more lies beyond (content higher
 * than view, scrolled down by offset): a soft dark band at the top when
 * scrolled, at the bottom while more follows. Nothing needed hides below
 * the fold without this cue. */
void kit_scroll_edges(Ui *ui, Rect view, int offset, int content);

/* ---- a column of blocks, as the pages are laid out ---- */

/* Where the next block goes in a column (col.x, col.w; y grows as
 * blocks are added), with the theme's sizes in pixels. */
typedef struct KitColumn {
    Ui *ui;
    int pad, target, radius, lh, sh, th;
    Rect col;
    int y;
    int align; /* the reading side: ALIGN_LEFT, or ALIGN_RIGHT right to left */
} KitColumn;

KitColumn kit_column(Ui *ui);
/* The x where a block of width w starts on the reading side. */
int kit_reading_x(const KitColumn *p, int w);
/* A block's heading: a pictogram and a title, and an optional note. */
void kit_heading(KitColumn *p, const char *picto, const char *title, const char *note);
/* A small round "remove" button in r. */
void kit_remove_button(KitColumn *p, const char *id, Rect r);
/* A card with wrapped text (or the hint, soft, when empty); id makes it
 * tappable; remove_id adds a remove button. */
void kit_text_card(KitColumn *p, const char *id, const char *text, const char *hint,
                   const char *remove_id, Color fill);
/* A card of a list: a small pictogram on the reading side, the text
 * wrapped beside it, and under it the faces of the people it names
 * (who, n_who of plan's people); id makes it tappable, remove_id adds a
 * remove button. */
void kit_item_card(KitColumn *p, const char *id, const char *picto, const char *text,
                   const Plan *plan, const uint32_t *who, int n_who, const char *remove_id);
/* A soft panel of colour `tint` behind the blocks that follow, as high as
 * they turn out to be: kit_panel_begin narrows the column inside it,
 * kit_panel_end closes it (and the column) below the last block. */
typedef struct KitPanel {
    int cmd; /* the panel's command in the draw list */
    Rect outer;
} KitPanel;
KitPanel kit_panel_begin(KitColumn *p, Color tint);
void kit_panel_end(KitColumn *p, KitPanel k);
/* A pill at the reading side: "+ label" with plus, else the label. */
void kit_pill(KitColumn *p, const char *id, const char *label, bool plus);
/* Buttons "−" and "+" ("ID-minus", "ID-plus") around a value vw wide at
 * (x, y), itself a target ("ID-value"); less, more: grey when the value
 * can go no further that way. */
void kit_stepper(Ui *ui, int x, int y, const char *id, const char *value, int vw, bool less,
                 bool more);
/* Who does an agreement, as one says it: "Jamila en Henk", "A, B en C";
 * with first, by the names the family calls each other (ui_first_name). */
void kit_doers(const Ui *ui, const Plan *plan, const Agreement *a, bool first, char *out, size_t n);
/* The plan's people as chips ("PREFIX:ID"), the chosen one marked. */
void kit_people_chips(KitColumn *p, const Plan *plan, const char *prefix, uint32_t chosen);

#endif
