/* textedit: a growing buffer and grapheme-aware cursor moves. */
#include "core/textedit.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

/* The buffer is made on the first insert, so a TextEdit short of memory
 * is simply empty (buf NULL reads as ""). */
void textedit_init(TextEdit *t, const char *initial, size_t max)
{
    memset(t, 0, sizeof *t);
    t->max = max;
    textedit_set(t, initial);
}

void textedit_fini(TextEdit *t)
{
    free(t->buf);
    memset(t, 0, sizeof *t);
}

void textedit_set(TextEdit *t, const char *text)
{
    t->len = t->cursor = 0;
    if (t->buf) t->buf[0] = '\0';
    if (text && !textedit_insert(t, text)) { /* too long: keep what fits */
        char *r = utf8_repair(text, strlen(text));
        if (!r) return;
        size_t n = strlen(r);
        while (n > t->max)
            n = utf8_prev_char(r, n);
        r[n] = '\0';
        textedit_insert(t, r);
        free(r);
    }
}

bool textedit_insert(TextEdit *t, const char *text)
{
    char *clean = utf8_repair(text, strlen(text));
    if (!clean) return false;
    size_t n = strlen(clean);
    if (t->len + n > t->max) {
        free(clean);
        return false;
    }
    bool fresh = !t->buf;
    if (!mem_reserve(&t->buf, &t->cap, t->len + n + 1, 64)) {
        free(clean);
        return false;
    }
    if (fresh) t->buf[0] = '\0';
    memmove(t->buf + t->cursor + n, t->buf + t->cursor, t->len - t->cursor + 1);
    memcpy(t->buf + t->cursor, clean, n);
    t->len += n;
    t->cursor += n;
    free(clean);
    return true;
}

void textedit_backspace(TextEdit *t)
{
    if (t->cursor == 0) return;
    size_t start = utf8_prev_char(t->buf, t->cursor);
    memmove(t->buf + start, t->buf + t->cursor, t->len - t->cursor + 1);
    t->len -= t->cursor - start;
    t->cursor = start;
}

void textedit_delete(TextEdit *t)
{
    if (t->cursor >= t->len) return;
    size_t end = utf8_next_char(t->buf, t->len, t->cursor);
    memmove(t->buf + t->cursor, t->buf + end, t->len - end + 1);
    t->len -= end - t->cursor;
}

void textedit_left(TextEdit *t)
{
    if (t->cursor == 0) return;
    t->cursor = utf8_prev_char(t->buf, t->cursor);
}

void textedit_right(TextEdit *t)
{
    if (t->cursor >= t->len) return;
    t->cursor = utf8_next_char(t->buf, t->len, t->cursor);
}

void textedit_home(TextEdit *t)
{
    t->cursor = 0;
}
void textedit_end(TextEdit *t)
{
    t->cursor = t->len;
}

void textedit_set_cursor(TextEdit *t, size_t at)
{
    size_t best = 0, pos = 0;
    while (pos < t->len) {
        size_t next = utf8_next_char(t->buf, t->len, pos);
        if (next > at) {
            best = at - pos < next - at ? pos : next;
            t->cursor = best;
            return;
        }
        pos = next;
    }
    t->cursor = t->len;
}
