/* calendar: iCalendar files and events. */
#include "core/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/textbuf.h"
#include "core/textexport.h"

/* An iCalendar text being written; `cut` keeps texts short (0: whole). */
typedef struct Ical {
    TextBuf b;
    size_t cut;
} Ical;

/* Appends an iCalendar TEXT value, escaped (RFC 5545 3.3.11). */
static void ical_text(TextBuf *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '\\':
            tb_puts(o, "\\\\");
            break;
        case ';':
            tb_puts(o, "\\;");
            break;
        case ',':
            tb_puts(o, "\\,");
            break;
        case '\n':
            tb_puts(o, "\\n");
            break;
        case '\r':
            break;
        default:
            tb_put(o, s + i, 1);
        }
    }
}

/* Appends one content line folded at 75 octets (never inside a UTF-8
 * character), ending in CRLF. */
static void ical_line(Ical *o, const char *line)
{
    size_t n = strlen(line), pos = 0, room = 75;
    while (pos < n) {
        size_t take = n - pos <= room ? n - pos : room;
        while (take > 0 && pos + take < n && ((unsigned char)line[pos + take] & 0xC0) == 0x80)
            take--;
        tb_put(&o->b, line + pos, take);
        pos += take;
        tb_puts(&o->b, "\r\n");
        if (pos < n) tb_puts(&o->b, " ");
        room = 74; /* continuation lines begin with the space */
    }
}

/* NAME:value, the value escaped as TEXT when text is true. */
static void ical_prop(Ical *o, const char *name, const char *value, bool text)
{
    TextBuf line = {0};
    tb_puts(&line, name);
    tb_puts(&line, ":");
    size_t n = strlen(value);
    if (text && o->cut && n > o->cut) {
        n = o->cut;
        while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
            n--;
        ical_text(&line, value, n);
        tb_puts(&line, "\xE2\x80\xA6"); /* … */
    } else if (text) {
        ical_text(&line, value, n);
    } else {
        tb_puts(&line, value);
    }
    if (line.short_of_memory)
        o->b.short_of_memory = true;
    else
        ical_line(o, line.s);
    free(line.s);
}

/* A property whose text is built in part (freed here). */
static void ical_prop_buf(Ical *o, const char *name, TextBuf *part)
{
    if (part->short_of_memory)
        o->b.short_of_memory = true;
    else
        ical_prop(o, name, part->s ? part->s : "", true);
    free(part->s);
    *part = (TextBuf){0};
}

static void stamp_of(int64_t now, char out[32])
{
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y%m%dT%H%M%SZ", &tm);
}

/* The same plan gives the same UIDs, so a phone updates rather than
 * doubles its events. */
static uint32_t plan_hash(const Plan *plan)
{
    uint32_t h = 2166136261u;
    for (const char *s = plan_family(plan); *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    for (const char *s = plan->field[FIELD_DATE]; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* DTSTART (and DTEND or DURATION) of the evaluation. */
static void evaluation_times(Ical *o, const Evaluation *e)
{
    char d[9], v[64];
    snprintf(d, sizeof d, "%.4s%.2s%.2s", e->date, e->date + 5, e->date + 8);
    if (plan_valid_time(e->start)) {
        snprintf(v, sizeof v, "%sT%.2s%.2s00", d, e->start, e->start + 3);
        ical_prop(o, "DTSTART", v, false);
        if (plan_valid_time(e->end)) {
            snprintf(v, sizeof v, "%sT%.2s%.2s00", d, e->end, e->end + 3);
            ical_prop(o, "DTEND", v, false);
        } else {
            ical_prop(o, "DURATION", "PT2H", false);
        }
    } else { /* a day without a time: an all-day event */
        ical_prop(o, "DTSTART;VALUE=DATE", d, false);
    }
}

static void evaluation_event(Ical *o, const Plan *plan, const Catalog *cat, const char *stamp)
{
    const Evaluation *e = &plan->eval;
    char uid[96];
    snprintf(uid, sizeof uid, "evaluatie-%.4s%.2s%.2s-%08x@kring", e->date, e->date + 5,
             e->date + 8, (unsigned)plan_hash(plan));
    ical_line(o, "BEGIN:VEVENT");
    ical_prop(o, "UID", uid, false);
    ical_prop(o, "DTSTAMP", stamp, false);
    evaluation_times(o, e);
    TextBuf t = {0};
    if (plan_family(plan)[0])
        tb_fill(&t, cat, N_("Evaluatie plan familie %s"), plan_family(plan));
    else
        tb_puts(&t, tr(cat, "Evaluatie van ons plan"));
    ical_prop_buf(o, "SUMMARY", &t);
    if (e->place[0]) ical_prop(o, "LOCATION", e->place, true);
    tb_puts(&t, tr(cat, "We kijken samen hoe het gaat met de afspraken uit het plan."));
    if (e->convener) {
        tb_puts(&t, "\n");
        tb_fill(&t, cat, N_("%s nodigt iedereen uit."), plan_person_name(plan, e->convener));
    }
    ical_prop_buf(o, "DESCRIPTION", &t);
    ical_line(o, "END:VEVENT");
}

char *export_vevent(const Plan *plan, const Catalog *cat, int64_t now, const char **why)
{
    if (!plan_valid_date(plan->eval.date)) {
        if (why) *why = N_("Er is nog geen datum voor de evaluatie.");
        return NULL;
    }
    Ical o = {.cut = 240};
    char stamp[32];
    stamp_of(now, stamp);
    evaluation_event(&o, plan, cat, stamp);
    return tb_finish(&o.b);
}

/* ---- agreements ---- */

/* The days of the week it happens on (bit 0 Monday), for one that
 * repeats by week. */
static unsigned week_days(const Schedule *s)
{
    switch (s->repeat) {
    case REPEAT_SCHOOLDAYS:
        return 0x1F;
    case REPEAT_WEEKLY:
    case REPEAT_FORTNIGHTLY:
        return s->days & ALL_DAYS;
    default:
        return ALL_DAYS;
    }
}

bool calendar_first_day(const Plan *plan, const Schedule *s, int64_t now, char out[11])
{
    if (s->repeat <= REPEAT_NONE || s->repeat >= REPEAT_COUNT || schedule_problem(s)) return false;
    long day;
    if (s->date[0])
        day = plan_day_number(s->date);
    else if (plan_valid_date(plan->field[FIELD_DATE]))
        day = plan_day_number(plan->field[FIELD_DATE]);
    else
        day = (long)(now / 86400);
    unsigned days = week_days(s);
    for (int k = 0; k < WEEK_DAYS && !(days & (1u << ((day % 7 + 7 + 3) % 7))); k++)
        day++; /* 1970-01-01 was a Thursday (3, counting from Monday) */
    plan_day_date(day, out);
    return true;
}

static const char *const ical_days[WEEK_DAYS] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

/* DTSTART, DURATION, RRULE (until the evaluation) and the alarm. */
static void agreement_times(Ical *o, const Plan *plan, const Schedule *s, const char *first)
{
    char d[9], v[160];
    snprintf(d, sizeof d, "%.4s%.2s%.2s", first, first + 5, first + 8);
    bool timed = s->time[0] != '\0';
    if (timed) {
        snprintf(v, sizeof v, "%sT%.2s%.2s00", d, s->time, s->time + 3);
        ical_prop(o, "DTSTART", v, false);
        ical_prop(o, "DURATION", "PT30M", false);
    } else {
        ical_prop(o, "DTSTART;VALUE=DATE", d, false);
    }
    if (s->repeat != REPEAT_ONCE) {
        TextBuf r = {0};
        static const char *const freq[REPEAT_COUNT] = {[REPEAT_DAILY] = "DAILY",
                                                       [REPEAT_SCHOOLDAYS] = "WEEKLY",
                                                       [REPEAT_WEEKLY] = "WEEKLY",
                                                       [REPEAT_FORTNIGHTLY] = "WEEKLY",
                                                       [REPEAT_MONTHLY] = "MONTHLY"};
        tb_puts(&r, "FREQ=");
        tb_puts(&r, freq[s->repeat]);
        if (s->repeat == REPEAT_FORTNIGHTLY) tb_puts(&r, ";INTERVAL=2;WKST=MO");
        if (!strcmp(freq[s->repeat], "WEEKLY")) {
            tb_puts(&r, ";BYDAY=");
            unsigned days = week_days(s);
            for (int k = 0, n = 0; k < WEEK_DAYS; k++)
                if (days & (1u << k)) {
                    if (n++) tb_puts(&r, ",");
                    tb_puts(&r, ical_days[k]);
                }
        }
        const char *until = plan->eval.date;
        if (plan_valid_date(until) && plan_day_number(until) >= plan_day_number(first)) {
            snprintf(v, sizeof v, ";UNTIL=%.4s%.2s%.2s%s", until, until + 5, until + 8,
                     timed ? "T235959" : "");
            tb_puts(&r, v);
        }
        if (r.short_of_memory)
            o->b.short_of_memory = true;
        else
            ical_prop(o, "RRULE", r.s, false);
        free(r.s);
    }
}

static void alarm(Ical *o, bool timed, const char *summary)
{
    ical_line(o, "BEGIN:VALARM");
    ical_prop(o, "ACTION", "DISPLAY", false);
    /* a quarter of an hour before; a day without a time: at eight that morning */
    ical_prop(o, "TRIGGER", timed ? "-PT15M" : "PT8H", false);
    ical_prop(o, "DESCRIPTION", summary, true);
    ical_line(o, "END:VALARM");
}

/* The event of one agreement, for one who does it or for its checker. */
static void agreement_event(Ical *o, const Plan *plan, const Agreement *a, uint32_t person,
                            bool checking, const Catalog *cat, const char *stamp)
{
    char first[11], uid[96];
    if (!calendar_first_day(plan, &a->schedule, 0, first)) return;
    snprintf(uid, sizeof uid, "afspraak-%u-%s%u-%08x@kring", (unsigned)a->id,
             checking ? "check-" : "", (unsigned)person, (unsigned)plan_hash(plan));
    ical_line(o, "BEGIN:VEVENT");
    ical_prop(o, "UID", uid, false);
    ical_prop(o, "DTSTAMP", stamp, false);
    agreement_times(o, plan, &a->schedule, first);
    TextBuf t = {0};
    if (checking)
        tb_fill(&t, cat, N_("Kijk of het gebeurd is: %s"), a->what);
    else
        tb_puts(&t, a->what);
    char *summary = tb_finish(&t);
    if (!summary) o->b.short_of_memory = true;
    if (summary) ical_prop(o, "SUMMARY", summary, true);
    const Goal *g = plan_goal(plan, a->goal);
    if (g) tb_fill(&t, cat, N_("Voor het doel: %s"), g->text);
    if (checking) {
        tb_puts(&t, "\n");
        TextBuf who = {0};
        export_names(&who, plan, a, 0, cat, tb_puts);
        char *w = tb_finish(&who);
        if (!w) t.short_of_memory = true;
        tb_fill(&t, cat, N_("Wie het doet: %s"), w ? w : "");
        free(w);
    } else if (a->n_people > 1) {
        tb_puts(&t, "\n");
        TextBuf who = {0};
        export_names(&who, plan, a, person, cat, tb_puts);
        char *w = tb_finish(&who);
        if (!w) t.short_of_memory = true;
        tb_fill(&t, cat, N_("Samen met: %s"), w ? w : "");
        free(w);
    }
    if (!checking && a->checker && a->checker != person) {
        tb_puts(&t, "\n");
        tb_fill(&t, cat, N_("checkt: %s"), plan_person_name(plan, a->checker));
    }
    if (a->when[0]) {
        tb_puts(&t, "\n");
        tb_puts(&t, a->when);
    }
    ical_prop_buf(o, "DESCRIPTION", &t);
    if (summary) alarm(o, a->schedule.time[0] != '\0', summary);
    free(summary);
    ical_line(o, "END:VEVENT");
}

int calendar_unscheduled(const Plan *plan, uint32_t person)
{
    int n = 0;
    for (int k = 0; k < plan->n_agreements; k++) {
        const Agreement *a = &plan->agreements[k];
        if ((agreement_does(a, person) || a->checker == person) &&
            a->schedule.repeat == REPEAT_NONE)
            n++;
    }
    return n;
}

/* BEGIN:VCALENDAR and its header. */
static void calendar_head(Ical *o, const Plan *plan, const Catalog *cat)
{
    ical_line(o, "BEGIN:VCALENDAR");
    ical_line(o, "VERSION:2.0");
    ical_line(o, "PRODID:-//Kring//Kring//NL");
    ical_line(o, "CALSCALE:GREGORIAN");
    ical_line(o, "METHOD:PUBLISH");
    TextBuf name = {0};
    if (plan_family(plan)[0])
        tb_fill(&name, cat, "Plan van de familie %s", plan_family(plan));
    else
        tb_puts(&name, tr(cat, "Ons plan"));
    ical_prop_buf(o, "X-WR-CALNAME", &name);
}

char *calendar_evaluation(const Plan *plan, const Catalog *cat, int64_t now, const char **why)
{
    if (!plan_valid_date(plan->eval.date)) {
        if (why) *why = N_("Er is nog geen datum voor de evaluatie.");
        return NULL;
    }
    Ical o = {0};
    char stamp[32];
    stamp_of(now, stamp);
    calendar_head(&o, plan, cat);
    evaluation_event(&o, plan, cat, stamp);
    ical_line(&o, "END:VCALENDAR");
    return tb_finish(&o.b);
}

char *calendar_person(const Plan *plan, uint32_t person, const Catalog *cat, int64_t now)
{
    if (!plan_person(plan, person)) return NULL;
    bool any = false;
    for (int k = 0; k < plan->n_agreements && !any; k++)
        any = agreement_does(&plan->agreements[k], person) || plan->agreements[k].checker == person;
    if (!any) return tb_finish(&(TextBuf){0});
    Ical o = {0};
    char stamp[32];
    stamp_of(now, stamp);
    calendar_head(&o, plan, cat);
    for (int k = 0; k < plan->n_agreements; k++)
        if (agreement_does(&plan->agreements[k], person))
            agreement_event(&o, plan, &plan->agreements[k], person, false, cat, stamp);
    for (int k = 0; k < plan->n_agreements; k++)
        if (plan->agreements[k].checker == person && !agreement_does(&plan->agreements[k], person))
            agreement_event(&o, plan, &plan->agreements[k], person, true, cat, stamp);
    if (plan_valid_date(plan->eval.date)) evaluation_event(&o, plan, cat, stamp);
    ical_line(&o, "END:VCALENDAR");
    return tb_finish(&o.b);
}
