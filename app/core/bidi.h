/* bidi: the order in which a line of mixed scripts is seen.
 *
 * Plain C over FriBidi (Unicode's bidirectional algorithm, UAX #9). A
 * line such as "جميلة العمراني (oma Jamila)" holds runs that read right
 * to left and runs that read left to right; this cuts a line into runs
 * of one embedding level and puts them in the order they stand on the
 * screen, from left to right. Shaping inside a run (joining Arabic
 * letters) is HarfBuzz's, in the renderer; PDFs get the same from Pango. */
#ifndef KRING_BIDI_H
#define KRING_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct BidiRun {
    size_t off, len;   /* bytes of the line */
    int level;         /* odd: reads right to left */
} BidiRun;

/* Runs of s (UTF-8, n bytes) in visual order, left to right, for a line
 * whose paragraph runs right to left when rtl. At most max runs (the
 * rest joins the last). Returns the count; -1 when memory is short. */
int bidi_visual_runs(const char *s, size_t n, bool rtl, BidiRun *runs, int max);

/* The character a bracket or other mirrored sign shows as in a run that
 * reads right to left: "(" -> ")". Others as they are. */
uint32_t bidi_mirror(uint32_t cp);

#endif
