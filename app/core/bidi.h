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
    size_t off, len; /* bytes of the line */
    int level;       /* odd: reads right to left */
} BidiRun;

/* Runs of s (UTF-8, n bytes) in visual order, left to right. The line
 * reads in the direction of its first strong letter (Unicode's rule P2);
 * a line without one (digits, signs, emoji) reads right to left when rtl.
 * At most max runs (the rest joins the last). Returns the count; -1 when
 * memory is short. */
int bidi_visual_runs(const char *s, size_t n, bool rtl, BidiRun *runs, int max);

/* True when s reads right to left: its first strong letter outside any
 * isolate is Arabic or Hebrew; fallback when it has none. */
bool bidi_is_rtl(const char *s, size_t n, bool fallback);

/* True when s holds a letter that reads right to left. */
bool bidi_has_rtl(const char *s);

/* True for the invisible marks that steer the algorithm (LRM, RLM, the
 * embeddings and the isolates): kept in the text, never drawn. */
bool bidi_is_control(uint32_t cp);

/* Unicode's first-strong isolate around a family's words set into Kring's
 * own sentence, "FSI words PDI", so each keeps its own direction: an
 * Arabic name in "Voor %s" or before ": brengt Sam". */
#define BIDI_FSI "\xE2\x81\xA8"
#define BIDI_PDI "\xE2\x81\xA9"
/* True when the family's words s, set into a line of Kring's that reads
 * right to left (rtl) or not, go in an isolate: when either side reads
 * right to left, so both keep their direction. */
bool bidi_isolates(const char *s, bool rtl);
/* The right-to-left mark: a line of Kring's own words in a language that
 * reads right to left begins with it, so the line reads so on a phone too. */
#define BIDI_RLM "\xE2\x80\x8F"

/* The character a bracket or other mirrored sign shows as in a run that
 * reads right to left: "(" -> ")". Others as they are. */
uint32_t bidi_mirror(uint32_t cp);

#endif
