/* Fuzz target: translation catalogues (.po files a translator sends).
 * A bad catalogue is refused, never a crash; every entry of one that is
 * read translates to itself through tr(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[300];
    Catalog *c = catalog_parse((const char *)data, size, err, sizeof err);
    if (!c) return 0;
    for (int i = 0; i < catalog_count(c); i++) {
        const char *id = catalog_msgid(c, i);
        if (!id || !tr(c, id)) abort();
    }
    char out[64];
    tr_fill(out, sizeof out, tr(c, "%s en %s"), "a");
    catalog_destroy(c);
    return 0;
}
