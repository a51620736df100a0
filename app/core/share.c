/* share: building the payloads and cutting long text. */
#include "core/share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/calendar.h"
#include "core/textexport.h"
#include "core/utf8.h"

/* The last cut point in text[from, limit] just after `sep`, or 0. */
static size_t last_after(const char *text, size_t from, size_t limit, const char *sep)
{
    size_t k = strlen(sep), best = 0;
    for (size_t i = from; i + k <= limit; i++)
        if (memcmp(text + i, sep, k) == 0) best = i + k;
    return best > from ? best : 0;
}

int share_split(const char *text, size_t max, size_t *ends, int cap)
{
    size_t n = strlen(text), pos = 0;
    int count = 0;
    while (pos < n) {
        size_t end;
        if (n - pos <= max) {
            end = n;
        } else {
            /* at the end of a paragraph or a line when that fills at least
             * half of the part (else each short code holds one line) */
            size_t limit = pos + max, half = pos + max / 2;
            end = last_after(text, pos, limit, "\n\n");
            if (end < half) {
                size_t line = last_after(text, pos, limit, "\n");
                if (line > end) end = line;
            }
            if (end < half) {
                size_t space = last_after(text, pos, limit, " ");
                if (space > end) end = space;
            }
            if (!end) { /* one long word: cut between characters */
                end = limit;
                while (end > pos && ((unsigned char)text[end] & 0xC0) == 0x80)
                    end--;
                if (end == pos) end = utf8_next_char(text, n, pos);
            }
        }
        if (count < cap) ends[count] = end;
        count++;
        pos = end;
    }
    return count;
}

/* Takes c into the set; false (c's payload freed) when memory is short. */
static bool add(ShareSet *set, ShareCode c)
{
    ShareCode *codes = mem_realloc(set->codes, sizeof *set->codes * (size_t)(set->n + 1));
    if (!codes) {
        free(c.payload);
        return false;
    }
    set->codes = codes;
    set->codes[set->n++] = c;
    return true;
}

enum { ADDED, TOO_LONG, NO_MEMORY };

/* Adds text as one code, or as numbered parts "(1/3)" when it is longer
 * than one code should hold. TOO_LONG when it would need too many. */
static int add_parts(ShareSet *set, ShareKind kind, uint32_t person, const char *stem,
                     const char *text, size_t part_bytes, int max_parts)
{
    size_t ends[SHARE_PLAN_PARTS];
    if (max_parts > SHARE_PLAN_PARTS) max_parts = SHARE_PLAN_PARTS;
    /* room for the part number line "(8/8)\n" */
    if (part_bytes < 16 + 24) return TOO_LONG; /* a code too small for a line of text */
    int parts =
        strlen(text) <= part_bytes ? 1 : share_split(text, part_bytes - 16, ends, max_parts);
    if (parts == 1) ends[0] = strlen(text);
    if (parts > max_parts) return TOO_LONG;
    size_t from = 0;
    for (int i = 0; i < parts; i++) {
        ShareCode c = {.kind = kind, .person = person, .part = i + 1, .parts = parts};
        if (parts == 1) {
            c.payload = mem_strdup(text);
            snprintf(c.name, sizeof c.name, "%s", stem);
        } else {
            char head[32];
            snprintf(head, sizeof head, "(%d/%d)\n", i + 1, parts);
            size_t len = ends[i] - from, hl = strlen(head);
            c.payload = mem_alloc(hl + len + 1);
            if (!c.payload) return NO_MEMORY;
            memcpy(c.payload, head, hl);
            memcpy(c.payload + hl, text + from, len);
            c.payload[hl + len] = '\0';
            snprintf(c.name, sizeof c.name, "%s-%d-of-%d", stem, i + 1, parts);
        }
        if (!c.payload || !add(set, c)) return NO_MEMORY;
        from = ends[i];
    }
    return ADDED;
}

const char *const share_event_too_big =
    N_("Deze code past niet leesbaar op dit scherm. De datum van de evaluatie staat in ieders "
       "eigen code.");

size_t share_bytes_for(int side_px)
{
    /* bytes a code of each version holds (ISO/IEC 18004, level M, byte
     * mode), less 2 for the UTF-8 mark in front (ECI) */
    static const short bytes[41] = {
        0,    14,   26,   42,   62,   84,   106,  122,  152,  180,  213,  251,  287,  331,
        362,  412,  450,  504,  560,  624,  666,  711,  779,  857,  911,  997,  1059, 1125,
        1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331};
    size_t best = 0;
    for (int v = 1; v <= 40; v++)
        if ((17 + 4 * v + 2 * SHARE_SCREEN_QUIET) * SHARE_MODULE_PX <= side_px)
            best = (size_t)bytes[v] - 2;
    return best;
}

ShareSet *share_build(const Plan *plan, const Catalog *cat, int64_t now, size_t part_bytes)
{
    ShareSet *set = mem_calloc(1, sizeof *set);
    if (!set) return NULL;
    char *text = export_plan_brief(plan, cat);
    int r = text ? add_parts(set, SHARE_PLAN, 0, "plan", text, part_bytes, SHARE_PLAN_PARTS)
                 : NO_MEMORY;
    free(text);
    if (r == TOO_LONG)
        set->plan_problem = N_("Het plan is te lang voor QR-codes. Print het plan: dan heeft "
                               "iedereen het op papier.");
    for (int i = 0; r != NO_MEMORY && i < plan->n_people; i++) {
        char *t = export_person_text(plan, plan->people[i].id, cat);
        if (!t) {
            r = NO_MEMORY;
            break;
        }
        char stem[32];
        snprintf(stem, sizeof stem, "person-%u", (unsigned)plan->people[i].id);
        if (t[0] && (r = add_parts(set, SHARE_PERSON, plan->people[i].id, stem, t, part_bytes,
                                   SHARE_PERSON_PARTS)) == TOO_LONG) {
            set->person_problem = N_("De afspraken van iemand zijn te lang voor QR-codes. Print "
                                     "het plan voor deze persoon.");
            uint32_t *grown =
                mem_realloc(set->too_long, sizeof *grown * (size_t)(set->n_too_long + 1));
            if (!grown) {
                r = NO_MEMORY;
            } else {
                set->too_long = grown;
                set->too_long[set->n_too_long++] = plan->people[i].id;
            }
        }
        free(t);
    }
    const char *why = NULL;
    char *ev = r == NO_MEMORY ? NULL : export_vevent(plan, cat, now, &why);
    if (ev && strlen(ev) > part_bytes) { /* one event is one code, or none */
        free(ev);
        ev = NULL;
        why = share_event_too_big;
    }
    if (ev) {
        ShareCode c = {.kind = SHARE_EVENT, .part = 1, .parts = 1, .payload = ev};
        snprintf(c.name, sizeof c.name, "evaluation");
        if (!add(set, c)) r = NO_MEMORY;
    } else if (why) {
        set->event_problem = why;
    } else {
        r = NO_MEMORY;
    }
    if (r == NO_MEMORY) {
        share_destroy(set);
        return NULL;
    }
    return set;
}

void share_destroy(ShareSet *set)
{
    if (!set) return;
    for (int i = 0; i < set->n; i++)
        free(set->codes[i].payload);
    free(set->codes);
    free(set->too_long);
    free(set);
}
