/* utf8: decoding, validation, repair and character boundaries. */
#include "core/utf8.h"

#include "core/mem.h"

#include <stdlib.h>
#include <string.h>

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned char c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

int utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A decoded U+FFFD is genuine only when the bytes really spell it. */
static bool is_real_replacement(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0;
}

bool utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (cp == 0 || (cp == 0xFFFD && !is_real_replacement(s + i, n - i))) return false;
        i += (size_t)len;
    }
    return true;
}

char *utf8_repair(const char *s, size_t n)
{
    char *out = mem_alloc(n * 3 + 1); /* every byte may become U+FFFD */
    if (!out) return NULL;
    size_t o = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        bool keep =
            !(cp < 0x20 && cp != '\t' && cp != '\n') && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0);
        if (keep) o += (size_t)utf8_encode(cp, out + o);
        i += (size_t)len;
    }
    out[o] = '\0';
    return out;
}

/* Code points that attach to the character before them. */
static bool is_extender(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || /* combining diacritics */
           (cp >= 0x0610 && cp <= 0x061A) || /* Arabic marks */
           (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors */
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || /* skin tones */
           (cp >= 0xE0020 && cp <= 0xE007F) || /* tag characters */
           cp == 0x200D;                       /* zero-width joiner */
}

static bool is_regional_indicator(uint32_t cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

static size_t prev_cp(const char *s, size_t at, uint32_t *cp)
{
    size_t i = at;
    do {
        i--;
    } while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && at - i < 4);
    utf8_decode(s + i, at - i, cp);
    return i;
}

size_t utf8_prev_char(const char *s, size_t at)
{
    if (at == 0) return 0;
    uint32_t cp;
    size_t i = prev_cp(s, at, &cp);
    /* Walk back over marks, and over whatever a ZWJ glues on. */
    for (;;) {
        if (i == 0) return 0;
        uint32_t before;
        size_t j = prev_cp(s, i, &before);
        if (is_extender(cp)) {
            i = j;
            cp = before;
            continue;
        }
        if (before == 0x200D) { /* X ZWJ cp: cp belongs to X */
            i = j;
            cp = before;
            continue;
        }
        if (is_regional_indicator(cp) && is_regional_indicator(before)) {
            /* Flags are pairs: cp ends one when an odd number of
             * indicators stands right before it. */
            int count = 0;
            size_t k = i;
            while (k > 0) {
                uint32_t c2;
                size_t m = prev_cp(s, k, &c2);
                if (!is_regional_indicator(c2)) break;
                count++;
                k = m;
            }
            if (count % 2 == 1) i = j;
        }
        return i;
    }
}

size_t utf8_next_char(const char *s, size_t n, size_t at)
{
    if (at >= n) return n;
    uint32_t cp;
    size_t i = at + (size_t)utf8_decode(s + at, n - at, &cp);
    bool ri = is_regional_indicator(cp);
    while (i < n) {
        uint32_t next;
        int len = utf8_decode(s + i, n - i, &next);
        if (is_extender(next)) {
            i += (size_t)len;
            if (next == 0x200D && i < n) /* ZWJ takes the next one too */
                i += (size_t)utf8_decode(s + i, n - i, &next);
            continue;
        }
        if (ri && is_regional_indicator(next)) {
            i += (size_t)len;
            ri = false;
            continue;
        }
        break;
    }
    return i;
}

bool utf8_is_arabic(uint32_t cp)
{
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

bool utf8_is_rtl(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

bool utf8_is_emoji(uint32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x2764 || cp == 0x231A || cp == 0x231B ||
           (cp >= 0x23E9 && cp <= 0x23FA) || cp == 0x2B50 || cp == 0x2B55;
}

bool utf8_is_emoji_joiner(uint32_t cp)
{
    return cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3 ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
}

bool utf8_is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool invisible(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0xAD ||
           cp == 0x061C || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
           cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool utf8_has_visible(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (!invisible(cp)) return true;
    }
    return false;
}

void utf8_strip_bidi_controls(char *s)
{
    size_t n = strlen(s), o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (!utf8_is_bidi_control(cp)) memmove(s + o, s + i, (size_t)k), o += (size_t)k;
        i += (size_t)k;
    }
    s[o] = '\0';
}
