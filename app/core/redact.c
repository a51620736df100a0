/* redact: initials and a plan without concerns. */
#include "core/redact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

static bool is_join(const char *w, size_t n)
{
    return (n == 2 && !strncmp(w, "en", 2)) || (n == 1 && (*w == '&' || *w == ',')) ||
           (n == 3 && !strncmp(w, "and", 3));
}

void redact_initials(const char *name, char *out, size_t out_n)
{
    size_t o = 0;
    if (!out_n) return;
    out[0] = '\0';
    const char *p = name;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p) break;
        const char *w = p;
        while (*p && *p != ' ' && *p != ',')
            p++;
        size_t n = (size_t)(p - w);
        if (n == 0) { /* a comma */
            n = 1;
            p++;
        }
        char piece[64];
        if (is_join(w, n)) {
            snprintf(piece, sizeof piece, "%s%.*s ", o && out[o - 1] != ' ' ? " " : "", (int)n, w);
        } else {
            uint32_t cp;
            int len = utf8_decode(w, n, &cp);
            if (len <= 0) len = 1;
            snprintf(piece, sizeof piece, "%.*s.", len, w);
        }
        size_t pl = strlen(piece);
        if (o + pl + 1 > out_n) break;
        memcpy(out + o, piece, pl + 1);
        o += pl;
    }
    while (o && out[o - 1] == ' ')
        out[--o] = '\0';
}

/* Puts the initials of *name in its place; false when memory is short. */
static bool to_initials(char **name)
{
    char ini[256];
    redact_initials(*name, ini, sizeof ini);
    char *t = mem_strdup(ini);
    if (!t) return false;
    free(*name);
    *name = t;
    return true;
}

Plan *plan_redacted(const Plan *plan, int flags)
{
    Plan *p = plan_clone(plan);
    if (!p) return NULL;
    if (flags & REDACT_CONCERNS) {
        ItemList *l = &p->section[SECTION_CONCERNS];
        for (int i = 0; i < l->n; i++)
            free(l->items[i].text);
        l->n = 0;
    }
    if (flags & REDACT_NAMES) {
        for (int i = 0; i < p->n_people; i++)
            if (!to_initials(&p->people[i].name)) goto short_of_memory;
        for (int i = 0; i < p->n_voices; i++)
            if (!to_initials(&p->voices[i].child)) goto short_of_memory;
        if (!to_initials(&p->field[FIELD_FAMILY]) || !to_initials(&p->field[FIELD_CHILDREN]))
            goto short_of_memory;
    }
    return p;
short_of_memory:
    plan_destroy(p);
    return NULL;
}
