/* textexport: the plan as plain text, for QR codes (and for anyone who
 * wants to read it without Kring).
 *
 * Plain C. Every label goes through the catalogue; the family's own words
 * are copied as they are (any script, emoji included). Returned strings
 * are the caller's to free; NULL means memory ran short. */
#ifndef KRING_TEXTEXPORT_H
#define KRING_TEXTEXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/i18n.h"
#include "core/plan.h"

/* The whole plan, section by section. */
char *export_plan_text(const Plan *plan, const Catalog *cat);

/* What one person needs and nothing else: their own agreements (what, for
 * which goal, when), what they check, and the evaluation. "" when the
 * person has no agreements and checks none (then there is no code). */
char *export_person_text(const Plan *plan, uint32_t person, const Catalog *cat);

/* The evaluation meeting as an iCalendar VEVENT (RFC 5545: escaped,
 * folded at 75 octets, CRLF), the bare form phone cameras accept best.
 * `now` is the DTSTAMP (seconds since 1970). NULL when the evaluation has
 * no date; *why (when not NULL) then says so, as a msgid. */
char *export_vevent(const Plan *plan, const Catalog *cat, int64_t now, const char **why);

/* A date "YYYY-MM-DD" the way the plan shows it in the catalogue's
 * language ("20-02-2027", "20/02/2027"; tr_date). */
void export_date(const Catalog *cat, const char *iso, char out[16]);

#endif
