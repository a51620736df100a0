/* textbuf: a text that grows as it is written (plain texts, iCalendar
 * files, web pages). A put that finds memory short marks the whole text
 * as not whole; nothing after it is written, and textbuf_finish() then
 * gives NULL, never a text with a part missing. */
#ifndef KRING_TEXTBUF_H
#define KRING_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/i18n.h"

typedef struct TextBuf {
    char *s;
    size_t n, cap;
    bool short_of_memory; /* a put failed: the text is not whole */
    bool rtl;             /* Kring's words read right to left (textexport) */
} TextBuf;

void tb_put(TextBuf *o, const char *s, size_t n);
void tb_puts(TextBuf *o, const char *s);
/* Appends translated template tmpl with "%s" filled by arg (tr_fill). */
void tb_fill(TextBuf *o, const Catalog *cat, const char *tmpl, const char *arg);
/* Takes in what `part` holds (or its shortness of memory), and frees it. */
void tb_take(TextBuf *o, TextBuf *part);
/* The text, the caller's to free: "" for nothing written, NULL when
 * memory ran short. The buffer is empty again afterwards. */
char *tb_finish(TextBuf *o);

#endif
