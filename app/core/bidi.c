/* bidi: levels from FriBidi, runs, and Unicode's rule L2 to order them. */
#include "core/bidi.h"

#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "core/mem.h"
#include "core/utf8.h"

enum { STACK_CHARS = 256 };

int bidi_visual_runs(const char *s, size_t n, bool rtl, BidiRun *runs, int max)
{
    if (n == 0 || max < 1) return 0;
    /* one code point per byte at most: small lines need no heap */
    FriBidiChar cp_s[STACK_CHARS];
    FriBidiCharType type_s[STACK_CHARS];
    FriBidiBracketType bracket_s[STACK_CHARS];
    FriBidiLevel level_s[STACK_CHARS];
    size_t off_s[STACK_CHARS];
    FriBidiChar *cp = cp_s;
    FriBidiCharType *type = type_s;
    FriBidiBracketType *bracket = bracket_s;
    FriBidiLevel *level = level_s;
    size_t *off = off_s;
    void *heap = NULL;
    if (n > STACK_CHARS) {
        size_t each = sizeof *cp + sizeof *type + sizeof *bracket + sizeof *level + sizeof *off;
        heap = mem_alloc(n * each);
        if (!heap) return -1;
        off = heap; /* the widest first, so every array is aligned */
        cp = (FriBidiChar *)(off + n);
        type = (FriBidiCharType *)(cp + n);
        bracket = (FriBidiBracketType *)(type + n);
        level = (FriBidiLevel *)(bracket + n);
    }
    int len = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        int k = utf8_decode(s + i, n - i, &c);
        cp[len] = c;
        off[len++] = i;
        i += (size_t)k;
    }
    fribidi_get_bidi_types(cp, len, type);
    fribidi_get_bracket_types(cp, len, type, bracket);
    /* the line's own first strong letter sets its direction (a Dutch
     * sentence in an Arabic screen still ends in its full stop); only a
     * line without one takes the screen's */
    FriBidiParType dir = rtl ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
    if (!fribidi_get_par_embedding_levels_ex(type, bracket, len, &dir, level)) {
        for (int i = 0; i < len; i++) /* FriBidi could not: one run, as written */
            level[i] = rtl ? 1 : 0;
    }
    /* joiners and selectors stay in the run of the letter before them, so
     * an emoji sequence (woman, joiner, curly hair) is never cut apart */
    for (int i = 1; i < len; i++)
        if (type[i] == FRIBIDI_TYPE_BN || type[i] == FRIBIDI_TYPE_NSM) level[i] = level[i - 1];
    /* runs of one level, in logical order */
    int count = 0;
    for (int i = 0; i < len; i++) {
        if (count && runs[count - 1].level == level[i]) {
            continue;
        }
        if (count == max) /* the rest joins the last run */
            break;
        runs[count++] = (BidiRun){off[i], 0, level[i]};
    }
    for (int i = 0; i < count; i++)
        runs[i].len = (i + 1 < count ? runs[i + 1].off : n) - runs[i].off;
    free(heap);
    /* L2: from the highest level down to the lowest odd one, reverse
     * every stretch of runs at that level or higher */
    int highest = 0, lowest_odd = 127;
    for (int i = 0; i < count; i++) {
        if (runs[i].level > highest) highest = runs[i].level;
        if ((runs[i].level & 1) && runs[i].level < lowest_odd) lowest_odd = runs[i].level;
    }
    for (int lv = highest; lv >= lowest_odd && lv > 0; lv--) {
        for (int i = 0; i < count;) {
            if (runs[i].level < lv) {
                i++;
                continue;
            }
            int j = i;
            while (j < count && runs[j].level >= lv)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                BidiRun t = runs[a];
                runs[a] = runs[b];
                runs[b] = t;
            }
            i = j;
        }
    }
    return count;
}

uint32_t bidi_mirror(uint32_t cp)
{
    FriBidiChar m;
    return fribidi_get_mirror_char(cp, &m) ? m : cp;
}

bool bidi_is_rtl(const char *s, size_t n, bool fallback)
{
    int isolated = 0; /* words set in an isolate do not count (Unicode's P2) */
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)utf8_decode(s + i, n - i, &c);
        if (c >= 0x2066 && c <= 0x2068) { /* LRI, RLI, FSI */
            isolated++;
            continue;
        }
        if (c == 0x2069) { /* PDI */
            isolated -= isolated > 0;
            continue;
        }
        if (isolated) continue;
        FriBidiCharType t = fribidi_get_bidi_type(c);
        if (t == FRIBIDI_TYPE_LTR) return false;
        if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) return true;
    }
    return fallback;
}

bool bidi_has_rtl(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)utf8_decode(s + i, n - i, &c);
        FriBidiCharType t = fribidi_get_bidi_type(c);
        if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) return true;
    }
    return false;
}

bool bidi_isolates(const char *s, bool rtl)
{
    return s[0] && (rtl || bidi_has_rtl(s));
}

bool bidi_is_control(uint32_t cp)
{
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}
