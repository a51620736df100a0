/* Fuzz target: what leaves the room, from any plan a file can hold: the
 * share texts (the whole plan in parts, each person's own, the calendar
 * event), the plan as text, and the redacted plan (without concerns,
 * with initials). The first byte chooses the redaction and the screen's
 * language is Dutch; the rest is a plan file. Each text must be valid
 * UTF-8, the parts must put the plan back together, and the redacted
 * plan must write a plan file that reads back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/planfile.h"
#include "core/redact.h"
#include "core/share.h"
#include "core/calendar.h"
#include "core/textexport.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void valid(const char *s)
{
    if (s && !utf8_valid(s, strlen(s))) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int flags = data[0] & (REDACT_CONCERNS | REDACT_NAMES);
    char err[300];
    Plan *plan = planfile_parse((const char *)data + 1, size - 1, err, sizeof err);
    if (!plan) return 0;
    Plan *red = plan_redacted(plan, flags);
    if (red) {
        char *json = planfile_format(red);
        Plan *back = json ? planfile_parse(json, strlen(json), err, sizeof err) : NULL;
        if (json && !back) abort(); /* the redacted plan is a plan Kring reads back */
        plan_destroy(back);
        free(json);
        ShareSet *set = share_build(red, NULL, 1795424400, SHARE_PART_BYTES);
        for (int i = 0; set && i < set->n; i++)
            valid(set->codes[i].payload);
        share_destroy(set);
        set = share_build(red, NULL, 1795424400, share_bytes_for(400)); /* a small screen's */
        for (int i = 0; set && i < set->n; i++)
            valid(set->codes[i].payload);
        share_destroy(set);
        char *text = export_plan_brief(red, NULL);
        valid(text);
        free(text);
        for (int i = 0; i < red->n_people; i++) {
            char *mine = export_person_text(red, red->people[i].id, NULL);
            valid(mine);
            free(mine);
        }
        const char *why = NULL;
        char *ev = export_vevent(red, NULL, 1795424400, &why);
        valid(ev);
        free(ev);
        plan_destroy(red);
    }
    plan_destroy(plan);
    return 0;
}
