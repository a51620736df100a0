/* render: plays a draw list on an SDL_Renderer, with SDL_ttf for text.
 *
 * The one module that draws pixels. It owns the fonts (from Kring's own
 * fonts/ folder, never the system's) and a cache of text textures, and
 * measures text for the UI. Text mixing Latin and Arabic script is split
 * into runs, each drawn with a font that covers it. */
#ifndef KRING_RENDER_H
#define KRING_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "core/draw.h"
#include "ui/theme.h"
#include "ui/ui.h"

typedef struct Render Render;

/* NULL with a reason in err when a font is missing or broken. */
Render *render_create(SDL_Renderer *sdl, const char *font_dir, char *err, size_t errlen);
void render_destroy(Render *r);

/* Opens the fonts at the pixel sizes for this scale (px per mm). Cheap
 * when nothing changed. 0 on success. */
int render_set_scale(Render *r, const Theme *theme, float mm, char *err, size_t errlen);

TextMeasure render_measure(Render *r);

/* Where render_draw draws: a target texture of w x h (a turned screen
 * draws into one and copies it turned), or NULL for the window. */
void render_set_target(Render *r, SDL_Texture *target, int w, int h);

/* Draws the list into the target (does not present). */
void render_draw(Render *r, const DrawList *dl);
/* True when memory ran short in the last render_draw: the picture is not
 * whole, and the frame should be drawn again. */
bool render_short_of_memory(const Render *r);
/* Caches the still background of dl now (after the first frame shows),
 * so the first touch does not wait for it. */
void render_warm(Render *r, const DrawList *dl);

#endif
