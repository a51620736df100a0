/* planfile: a plan as a versioned JSON document (assets/plans/README.md).
 *
 * The only module that uses jansson. Reading validates strictly: a file
 * that is not JSON, of another format or version, with missing or wrong
 * fields, absurd sizes, or ids that point nowhere is refused whole with a
 * one-line reason, and no Plan is made. */
#ifndef KRING_PLANFILE_H
#define KRING_PLANFILE_H

#include <stddef.h>

#include "core/plan.h"

/* Version 2: the children the plan is about are people ("child": true).
 * A version 1 file is read as it was, its children made people.
 * Version 3: an agreement may have a "schedule" (how often, as tapped);
 * agreements of older files have only their words. */
enum { PLANFILE_VERSION = 3 };

/* Reads a plan from JSON text; NULL and a reason in err on failure. */
Plan *planfile_parse(const char *text, size_t n, char *err, size_t errlen);
Plan *planfile_read(const char *path, char *err, size_t errlen);

/* The plan as JSON text (caller frees), or NULL when out of memory. */
char *planfile_format(const Plan *plan);

/* The length of planfile_format(plan): what storing it takes; 0 when out
 * of memory. A plan the reader makes is never longer than PLAN_BYTES_MAX. */
size_t planfile_size(const Plan *plan);

/* Writes the plan to path (through a temporary file and a rename, so a
 * crash never leaves half a file). 0 on success, else -1 and a reason. */
int planfile_write(const Plan *plan, const char *path, char *err, size_t errlen);

#endif
