/* textedit: one line or paragraph of text being typed, with a cursor.
 *
 * Plain C. Works in user-perceived characters: backspace removes a whole
 * letter with its accents, a whole emoji sequence, a whole flag. What is
 * typed is repaired (broken UTF-8, control characters) and never grows
 * past the limit. The TextEdit owns its buffer. */
#ifndef KRING_TEXTEDIT_H
#define KRING_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct TextEdit {
    char *buf; /* NUL-terminated; NULL while empty and never grown */
    size_t len, cap;
    size_t cursor; /* byte offset, always on a character boundary */
    size_t max;    /* bytes at most */
} TextEdit;

void textedit_init(TextEdit *t, const char *initial, size_t max);
void textedit_fini(TextEdit *t);
void textedit_set(TextEdit *t, const char *text); /* cursor to the end */

/* Inserts text at the cursor. False (and nothing changes) when it would
 * not fit, or memory is short. */
bool textedit_insert(TextEdit *t, const char *text);
void textedit_backspace(TextEdit *t);
void textedit_delete(TextEdit *t);
void textedit_left(TextEdit *t);
void textedit_right(TextEdit *t);
void textedit_home(TextEdit *t);
void textedit_end(TextEdit *t);

/* Puts the cursor at the character boundary nearest to byte offset at. */
void textedit_set_cursor(TextEdit *t, size_t at);

static inline const char *textedit_text(const TextEdit *t)
{
    return t->buf ? t->buf : "";
}

#endif
