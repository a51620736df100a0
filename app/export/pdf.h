/* pdf: the plan on paper. A4 portrait, vector (real, selectable text with
 * the fonts embedded), drawn with cairo and shaped with pango, so every
 * script and right-to-left text comes out right. Pango sees only Kring's
 * own fonts/ folder, never the system's. Calm and printable in black and
 * white: greys, lines, no colour needed. */
#ifndef KRING_PDF_H
#define KRING_PDF_H

#include <stddef.h>

#include "core/i18n.h"
#include "core/plan.h"

/* Writes the plan to path. 0 on success, else -1 with a reason. */
int pdf_write(const Plan *plan, const Catalog *cat, const char *fonts_dir, const char *path,
              char *err, size_t errlen);

/* The plan as PDF bytes in memory (*data is the caller's to free), for
 * printing without a file on disk. 0 on success. */
int pdf_render(const Plan *plan, const Catalog *cat, const char *fonts_dir, unsigned char **data,
               size_t *size, char *err, size_t errlen);

#endif
