/* Fuzz target: the script language of the test harness (a file given
 * with --script). Bad scripts are refused with a line number, never a
 * crash. */
#include <stdint.h>
#include <stdlib.h>

#include "core/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[300];
    Script *s = script_parse((const char *)data, size, err, sizeof err);
    script_destroy(s);
    return 0;
}
