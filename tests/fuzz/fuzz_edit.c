/* Fuzz target: edits with any text in them (what a family types, or a
 * physical keyboard sends): broken UTF-8, control characters, huge
 * texts, ids that do not exist. The plan must stay valid: it writes to a
 * plan file that reads back the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/edit.h"
#include "core/planfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Plan *p = plan_create();
    size_t at = 0;
    /* each edit: a kind, an id, a number and a text of up to 255 bytes */
    while (at + 4 <= size) {
        Edit e = {.kind = (EditKind)(data[at] % EDIT_KIND_COUNT),
                  .id = data[at + 1] % 24,
                  .number = (int8_t)data[at + 2],
                  .field = data[at + 2] % 8,
                  .index = data[at + 2] % 6};
        size_t n = data[at + 3];
        at += 4;
        if (n > size - at) n = size - at;
        char *text = malloc(n + 1);
        if (!text) break;
        memcpy(text, data + at, n);
        text[n] = '\0';
        at += n;
        e.text = e.text2 = e.text3 = e.text4 = text;
        e.place = (Place){e.number & 3, (e.number >> 2) & 3, (uint8_t)e.number * 4, n * 3};
        e.goal = e.checker = e.support = (uint32_t)(e.id ^ 1);
        e.people[0] = e.id;
        e.n_people = 1 + (data[at - n - 2] & 1);
        e.people[1] = e.id + 1;
        e.time = (int64_t)n * 1000;
        plan_apply(p, &e, NULL, NULL);
        free(text);
    }
    char err[300];
    char *a = planfile_format(p);
    Plan *q = a ? planfile_parse(a, strlen(a), err, sizeof err) : NULL;
    if (!q) { /* every plan Kring can make, it can read back */
        fprintf(stderr, "not read back: %s\n%s\n", err, a ? a : "");
        abort();
    }
    plan_destroy(q);
    free(a);
    plan_destroy(p);
    return 0;
}
