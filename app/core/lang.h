/* lang: the languages Kring speaks, in one table.
 *
 * Each row is what a language is to Kring: its code, its name in its own
 * words (as the language button and the settings show it), whether its
 * screens and tables read right to left, and the on-screen keyboard it
 * starts with. Dutch is the source language; every other row has its
 * catalogue in assets/po/CODE.po, which also holds its plural rule. The
 * help text, the settings, the keyboard and the PDF all read this table. */
#ifndef KRING_LANG_H
#define KRING_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* The on-screen keyboard's layouts, in the order ui/keyboard.c draws them. */
typedef enum KeyboardLayout {
    KEYBOARD_LATIN,
    KEYBOARD_TURKISH,
    KEYBOARD_POLISH,
    KEYBOARD_ARABIC,
} KeyboardLayout;

typedef struct Language {
    const char *code; /* "nl", "en", "ar", "tr", "pl" */
    const char *name; /* in its own words: "Nederlands", "العربية" */
    bool rtl;         /* screens mirror, tables run right to left */
    KeyboardLayout keyboard;
} Language;

enum { LANG_COUNT = 5 };
extern const Language lang_table[LANG_COUNT];

/* The row for code, or NULL when Kring does not speak it. */
const Language *lang_find(const char *code);

/* The row for code; Dutch's when code is NULL or unknown. */
const Language *lang_of(const char *code);

/* Every code, Dutch first, joined by ", " ("nl, en, ar, tr, pl"). */
void lang_codes(char *out, size_t n);

#endif
