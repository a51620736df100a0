/* lang: the table of languages. */
#include "core/lang.h"

#include <stdio.h>
#include <string.h>

const Language lang_table[LANG_COUNT] = {
    {"nl", "Nederlands", false, KEYBOARD_LATIN},
    {"en", "English", false, KEYBOARD_LATIN},
    {"ar", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", true, KEYBOARD_ARABIC},
    {"tr",
     "T\xC3\xBCrk\xC3\xA7"
     "e",
     false, KEYBOARD_TURKISH},
    {"pl", "Polski", false, KEYBOARD_POLISH},
};

const Language *lang_find(const char *code)
{
    for (int i = 0; code && i < LANG_COUNT; i++)
        if (!strcmp(code, lang_table[i].code)) return &lang_table[i];
    return NULL;
}

const Language *lang_of(const char *code)
{
    const Language *l = lang_find(code);
    return l ? l : &lang_table[0];
}

void lang_codes(char *out, size_t n)
{
    size_t at = 0;
    if (n) out[0] = '\0';
    for (int i = 0; i < LANG_COUNT && at < n; i++) {
        int w = snprintf(out + at, n - at, "%s%s", i ? ", " : "", lang_table[i].code);
        if (w < 0) break;
        at += (size_t)w;
    }
}
