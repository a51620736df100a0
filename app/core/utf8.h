/* utf8: reading and repairing UTF-8 text. Plain functions over byte
 * strings; the caller owns every buffer. */
#ifndef KRING_UTF8_H
#define KRING_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n) into *cp and returns its length in
 * bytes (1..4). Invalid or truncated sequences give U+FFFD and length 1. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the length. */
int utf8_encode(uint32_t cp, char *out);

/* True when s[0..n) is well-formed UTF-8 with no NUL byte. */
bool utf8_valid(const char *s, size_t n);

/* Copies s[0..n) to a new NUL-terminated string (caller frees) with every
 * invalid sequence replaced by U+FFFD and control characters other than
 * tab and newline removed. Returns NULL only when out of memory. */
char *utf8_repair(const char *s, size_t n);

/* Byte offset of the start of the user-perceived character that ends at
 * `at` (so backspace removes a whole letter with its combining marks, or
 * a whole emoji sequence joined with ZWJ and modifiers). */
size_t utf8_prev_char(const char *s, size_t at);

/* Byte offset just after the user-perceived character starting at `at`. */
size_t utf8_next_char(const char *s, size_t n, size_t at);

/* True for code points of right-to-left scripts (Hebrew, Arabic, ...). */
bool utf8_is_rtl(uint32_t cp);

/* The characters that turn or embed the direction of text (U+202A..U+202E,
 * U+2066..U+2069): in a name they can make it show as another. */
bool utf8_is_bidi_control(uint32_t cp);

/* Whether s shows anything: a character that is neither a space nor
 * invisible (zero-width characters, joiners, direction marks, U+FEFF). */
bool utf8_has_visible(const char *s);

/* Takes the direction controls (utf8_is_bidi_control) out of s, in place. */
void utf8_strip_bidi_controls(char *s);

/* True for letters of the Arabic script blocks (which need Arabic fonts). */
bool utf8_is_arabic(uint32_t cp);

/* True for pictographic emoji (which need the emoji font). */
bool utf8_is_emoji(uint32_t cp);

/* True for code points that join or modify the emoji before them: ZWJ,
 * variation selectors, skin tones, tags, the keycap mark. */
bool utf8_is_emoji_joiner(uint32_t cp);

#endif
