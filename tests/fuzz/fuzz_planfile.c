/* Fuzz target: plan files (outside input: a file on a USB stick, an
 * export of another device). Whatever the bytes, reading must not crash
 * or leak; a plan that is read must write back and read back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/planfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[300];
    Plan *p = planfile_parse((const char *)data, size, err, sizeof err);
    if (!p) return 0;
    char *a = planfile_format(p);
    Plan *q = a ? planfile_parse(a, strlen(a), err, sizeof err) : NULL;
    char *b = q ? planfile_format(q) : NULL;
    if (!a || !q || !b || strcmp(a, b) != 0)
        abort(); /* what Kring writes it must read back unchanged */
    free(a);
    free(b);
    plan_destroy(q);
    plan_destroy(p);
    return 0;
}
