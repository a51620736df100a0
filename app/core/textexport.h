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
#include "core/textbuf.h"

/* The plan in brief, for codes that hold the text itself (a code a phone
 * reads holds a few hundred bytes): the goals with who does what and
 * when, the circle (each person with their relation), plan B, and the
 * evaluation on one line. The rest is on paper. */
char *export_plan_brief(const Plan *plan, const Catalog *cat);

/* What one person needs and nothing else, in brief: their own agreements
 * (what, when, who checks), what they check, and the evaluation on one
 * line. "" when the person has no agreements and checks none (then there
 * is no code). */
char *export_person_text(const Plan *plan, uint32_t person, const Catalog *cat);

/* An agreement's schedule in words, as a family says it ("elke maandag
 * en woensdag, om 07:45", "op 03-03-2027"); "" for REPEAT_NONE. */
void export_schedule(const Schedule *s, const Catalog *cat, char *out, size_t n);

/* An agreement's when: its schedule in words and the family's own words
 * beside it ("elke vrijdag, om 08:15 (niet in de vakantie)"), either
 * alone, or "" for neither; NULL when memory is short. */
char *export_when(const Agreement *a, const Catalog *cat);

/* When and where the evaluation is, in lines ("20-02-2027, 10:00–12:00,
 * Wijkcentrum\nEsther nodigt iedereen uit."), or that it is not agreed. */
char *export_evaluation(const Plan *plan, const Catalog *cat);

/* A section's title as the plan shows it (a msgid: "Veiligheid en plan B"). */
const char *export_section_title(int section);

/* Who does an agreement, as one says it ("Esther Jansen en Ruud van 't
 * Hof"), leaving out `but` (0: no one); each name put with `name` (which
 * may escape it), the words between in the catalogue's language. */
void export_names(TextBuf *o, const Plan *plan, const Agreement *a, uint32_t but,
                  const Catalog *cat, void (*name)(TextBuf *o, const char *s));

/* A date "YYYY-MM-DD" the way the plan shows it in the catalogue's
 * language ("20-02-2027", "20/02/2027"; tr_date). */
void export_date(const Catalog *cat, const char *iso, char out[16]);

#endif
