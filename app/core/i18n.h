/* i18n: translation catalogues in gettext's .po format.
 *
 * Dutch is Kring's source language: every user-visible string in the code
 * is Dutch, wrapped in tr(), and a catalogue maps it to another language.
 * A Catalog is immutable after loading and owns all its strings. A NULL
 * catalogue means Dutch (tr returns its argument). */
#ifndef KRING_I18N_H
#define KRING_I18N_H

#include <stddef.h>

typedef struct Catalog Catalog;

/* Parses .po text. On failure returns NULL and writes a one-line reason
 * (with the line number) to err. */
Catalog *catalog_parse(const char *text, size_t n, char *err, size_t errlen);

/* Reads and parses a .po file. */
Catalog *catalog_load(const char *path, char *err, size_t errlen);

void catalog_destroy(Catalog *cat);

/* The translation of msgid, or msgid itself when there is none (or the
 * entry is untranslated or fuzzy). */
const char *tr(const Catalog *cat, const char *msgid);

/* The form of msgid (singular) and plural for the number n, by the
 * catalogue's plural rule (Arabic has six forms, Polish three); Dutch
 * and untranslated words: msgid for 1, plural otherwise. */
const char *trn(const Catalog *cat, const char *msgid, const char *plural, long n);

/* Marks a word in a table as a msgid, for the catalogue check
 * (assets/po/msgids.py): it is translated where it is shown. */
#define N_(s) s

/* Fills a translated template: copies tmpl to out (size n, always
 * terminated), replacing the first "%s" with arg. Other '%' characters are
 * copied as they are, so a broken translation can never misuse printf.
 * When either holds right-to-left letters, arg is set in a first-strong
 * isolate (core/bidi.h) so both read in their own direction. */
void tr_fill(char *out, size_t n, const char *tmpl, const char *arg);

/* A date the way the catalogue's language writes it: by the translation
 * of the pattern "dd-mm-jjjj" (day, month, year; "dd/mm/yyyy" in English,
 * "dd.mm.yyyy" in Polish and Turkish). Always terminated. */
void tr_date(const Catalog *cat, int year, int month, int day, char *out, size_t n);

/* The language the catalogue is in, from its header ("ar"): "nl" for
 * none (Dutch), "" when the header names no language. */
const char *catalog_language(const Catalog *cat);

/* Number of translated entries. */
int catalog_count(const Catalog *cat);

/* The i-th msgid in sorted order (for checking catalogues in tests). */
const char *catalog_msgid(const Catalog *cat, int i);

#endif
