/* textbuf: a growing text. */
#include "core/textbuf.h"

#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/mem.h"

void tb_put(TextBuf *o, const char *s, size_t n)
{
    if (o->short_of_memory) return;
    if (!mem_reserve(&o->s, &o->cap, o->n + n + 1, 1024)) {
        o->short_of_memory = true;
        return;
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
}

void tb_puts(TextBuf *o, const char *s)
{
    tb_put(o, s, strlen(s));
}

void tb_fill(TextBuf *o, const Catalog *cat, const char *tmpl, const char *arg)
{
    /* as tr_fill(), but whole however long the argument is */
    const char *t = tr(cat, tmpl), *at = strstr(t, "%s");
    if (!at) {
        tb_puts(o, t);
        return;
    }
    bool isolate = bidi_has_rtl(arg) || bidi_has_rtl(t); /* each part in its own direction */
    tb_put(o, t, (size_t)(at - t));
    if (isolate) tb_puts(o, BIDI_FSI);
    tb_puts(o, arg);
    if (isolate) tb_puts(o, BIDI_PDI);
    tb_puts(o, at + 2);
}

void tb_take(TextBuf *o, TextBuf *part)
{
    if (part->short_of_memory)
        o->short_of_memory = true;
    else if (part->s)
        tb_put(o, part->s, part->n);
    free(part->s);
    *part = (TextBuf){0};
}

char *tb_finish(TextBuf *o)
{
    char *s = o->s;
    bool short_of_memory = o->short_of_memory;
    *o = (TextBuf){.rtl = o->rtl}; /* empty, to be written again */
    if (short_of_memory || !s) {
        free(s);
        return short_of_memory ? NULL : mem_strdup("");
    }
    return s;
}
