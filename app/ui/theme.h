/* theme: Kring's look as a table: colours and sizes in millimetres.
 * Sizes become pixels through Ui.mm (pixels per millimetre). */
#ifndef KRING_THEME_H
#define KRING_THEME_H

#include <stdbool.h>

#include "core/draw.h"
#include "core/plan.h"

typedef enum FontRole { FONT_SMALL, FONT_BODY, FONT_BOLD, FONT_TITLE, FONT_COUNT } FontRole;

typedef struct Theme {
    float font_mm[FONT_COUNT]; /* pixel size of the font, in mm */
    bool font_bold[FONT_COUNT];
    float pad_mm, target_mm, radius_mm;
    Color bg, panel, ink, ink_soft, line, card, accent, disabled;
    Color sector[SECTOR_COUNT];        /* strong: text, borders, avatars */
    Color sector_tint[SECTOR_COUNT];   /* soft: the map's sector fields */
    Color section_tint[SECTION_COUNT]; /* behind each list of a page */
    Color about_tint, voice_tint;      /* behind "about this plan", the child's voice */
    Color present;
    Color warn;      /* words that warn or refuse */
    Color warn_tint; /* behind them, and behind parts still to fill in */
    Color mark;      /* the dot on a step with empty parts */
    Color done_tint; /* behind what is agreed or approved */
    Color problem;   /* the bar that says a change could not be stored (white text) */
    Color dim;       /* over the screen behind a panel, a sheet or a notice */
} Theme;

extern const Theme theme_default;

#endif
