/* calendar: the plan's reminders as iCalendar (RFC 5545): escaped, folded
 * at 75 octets without splitting a character, CRLF.
 *
 * Plain C. Times are floating (the phone's own time zone, as the family
 * means "at 07:45"). An agreement repeats as its Schedule says until the
 * evaluation date, with an alarm; one with only words has no event. */
#ifndef KRING_CALENDAR_H
#define KRING_CALENDAR_H

#include <stdint.h>

#include "core/i18n.h"
#include "core/plan.h"

/* The evaluation meeting as a bare VEVENT, the form phone cameras accept
 * best from a QR code (its texts kept short). `now` is the DTSTAMP
 * (seconds since 1970). NULL when the evaluation has no date; *why (when
 * not NULL) then says so, as a msgid. */
char *export_vevent(const Plan *plan, const Catalog *cat, int64_t now, const char **why);

/* A person's calendar file: a VCALENDAR with an event for each agreement
 * they do that has a schedule, one for each they check, and the
 * evaluation meeting. "" when they do and check nothing (then there is no
 * file); NULL when memory is short or there is no such person. */
char *calendar_person(const Plan *plan, uint32_t person, const Catalog *cat, int64_t now);

/* The evaluation meeting alone, as a calendar file; NULL when it has no
 * date (*why says so) or memory is short. */
char *calendar_evaluation(const Plan *plan, const Catalog *cat, int64_t now, const char **why);

/* How many of the person's agreements (done or checked) have no schedule:
 * they are not in the calendar, and their page says so. */
int calendar_unscheduled(const Plan *plan, uint32_t person);

/* The first day an agreement happens on or after the plan's date (or the
 * schedule's own date), "YYYY-MM-DD" into out; false for REPEAT_NONE. */
bool calendar_first_day(const Plan *plan, const Schedule *s, int64_t now, char out[11]);

#endif
