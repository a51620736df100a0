/* textexport: building texts with a growing buffer. */
#include "core/textexport.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/bidi.h"
#include "core/i18n.h"
#include "core/lang.h"
#include "core/mem.h"
#include "core/relations.h"
#include "core/utf8.h"

typedef struct Out {
    char *s;
    size_t n, cap;
    bool short_of_memory; /* a put failed: the text is not whole */
    bool rtl;             /* Kring's words read right to left */
} Out;

static void put(Out *o, const char *s, size_t n)
{
    if (o->short_of_memory) return;
    if (!mem_reserve(&o->s, &o->cap, o->n + n + 1, 1024)) {
        o->short_of_memory = true;
        return;
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
}

static void puts_(Out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* A text in Kring's words, in the catalogue's language. */
static Out out_for(const Catalog *cat)
{
    return (Out){.rtl = lang_of(catalog_language(cat))->rtl};
}

/* The text made, the caller's to free; NULL when memory ran short. In a
 * language that reads right to left every line begins with the RLM, so it
 * reads that way wherever it is shown. */
static char *finish(Out *o)
{
    if (o->short_of_memory || !o->s) {
        free(o->s);
        return o->short_of_memory ? NULL : mem_strdup("");
    }
    if (!o->rtl) return o->s;
    Out r = {0};
    for (const char *line = o->s; *line;) {
        size_t len = strcspn(line, "\n");
        if (len) puts_(&r, BIDI_RLM);
        put(&r, line, len + (line[len] == '\n'));
        line += len + (line[len] == '\n');
    }
    free(o->s);
    return finish(&r);
}

/* The family's own words set into a line of Kring's: isolated (bidi.h)
 * when either reads right to left, so each keeps its direction and the
 * line reads in the direction of its language. */
static void word(Out *o, const char *s)
{
    bool isolate = bidi_isolates(s, o->rtl);
    if (isolate) puts_(o, BIDI_FSI);
    puts_(o, s);
    if (isolate) puts_(o, BIDI_PDI);
}

/* Appends translated template tmpl with "%s" filled by arg. */
static void fill(Out *o, const Catalog *cat, const char *tmpl, const char *arg)
{
    char buf[2048];
    tr_fill(buf, sizeof buf, tr(cat, tmpl), arg);
    puts_(o, buf);
}

void export_date(const Catalog *cat, const char *iso, char out[16])
{
    if (plan_valid_date(iso))
        tr_date(cat, atoi(iso), atoi(iso + 5), atoi(iso + 8), out, 16);
    else
        out[0] = '\0';
}

static const char *person_name(const Plan *plan, uint32_t id)
{
    const Person *p = plan_person(plan, id);
    return p ? p->name : "?";
}

/* "Esther Jansen en Ruud van 't Hof" */
static void people_of(Out *o, const Plan *plan, const Agreement *a, const Catalog *cat)
{
    for (int k = 0; k < a->n_people; k++) {
        if (k > 0) puts_(o, k == a->n_people - 1 ? tr(cat, " en ") : ", ");
        word(o, person_name(plan, a->people[k]));
    }
}

/* "— wanneer (checkt: naam)" after an agreement's what */
static void agreement_tail(Out *o, const Plan *plan, const Agreement *a, const Catalog *cat)
{
    if (a->when[0]) {
        puts_(o, " \xE2\x80\x94 ");
        word(o, a->when);
    }
    if (a->checker) {
        puts_(o, " (");
        fill(o, cat, N_("checkt: %s"), person_name(plan, a->checker));
        puts_(o, ")");
    }
}

static void evaluation_line(Out *o, const Plan *plan, const Catalog *cat)
{
    const Evaluation *e = &plan->eval;
    char date[16];
    export_date(cat, e->date, date);
    if (!date[0] && !e->place[0]) {
        puts_(o, tr(cat, "Nog niet afgesproken."));
        puts_(o, "\n");
        return;
    }
    puts_(o, date);
    if (e->start[0]) {
        puts_(o, date[0] ? ", " : "");
        puts_(o, e->start);
        if (e->end[0]) {
            puts_(o, "\xE2\x80\x93");
            puts_(o, e->end);
        }
    }
    if (e->place[0]) {
        puts_(o, date[0] || e->start[0] ? ", " : "");
        word(o, e->place);
    }
    puts_(o, "\n");
    if (e->convener) {
        fill(o, cat, N_("%s nodigt iedereen uit."), person_name(plan, e->convener));
        puts_(o, "\n");
    }
}

static const char *const section_titles[SECTION_COUNT] = {
    N_("Zorgen"), N_("Ondergrenzen"),           N_("Wat gaat goed"),        N_("Krachten"),
    N_("Droom"),  N_("Hulp van professionals"), N_("Veiligheid en plan B"),
};

static const char *const ring_words[RING_COUNT + 1] = {
    N_("nog geen plek"),
    N_("heel dichtbij"),
    N_("dichtbij"),
    N_("verder weg"),
};

static const char *const sector_words[SECTOR_COUNT] = {
    N_("familie"),
    N_("vrienden en buren"),
    N_("school, werk en clubs"),
    N_("professionals"),
};

static void section(Out *o, const Plan *plan, int s, const Catalog *cat)
{
    if (plan->section[s].n == 0) return;
    puts_(o, "\n");
    puts_(o, tr(cat, section_titles[s]));
    puts_(o, "\n");
    for (int i = 0; i < plan->section[s].n; i++) {
        puts_(o, "- ");
        word(o, plan->section[s].items[i].text);
        puts_(o, "\n");
    }
}

char *export_plan_text(const Plan *plan, const Catalog *cat)
{
    Out o = out_for(cat);
    if (plan_family(plan)[0])
        fill(&o, cat, "Plan van de familie %s", plan_family(plan));
    else
        puts_(&o, tr(cat, "Ons plan"));
    puts_(&o, "\n");
    char date[16];
    export_date(cat, plan->field[FIELD_DATE], date);
    const char *parts[3] = {plan_children(plan), date, plan->field[FIELD_PLACE]};
    bool first = true;
    for (int i = 0; i < 3; i++) {
        if (!parts[i][0]) continue;
        puts_(&o, first ? "" : " \xC2\xB7 ");
        word(&o, parts[i]);
        first = false;
    }
    if (!first) puts_(&o, "\n");
    if (plan_question(plan)[0]) {
        puts_(&o, "\n");
        puts_(&o, tr(cat, "Centrale vraag"));
        puts_(&o, "\n");
        word(&o, plan_question(plan));
        puts_(&o, "\n");
    }
    for (int s = SECTION_CONCERNS; s <= SECTION_DREAM; s++)
        section(&o, plan, s, cat);
    if (plan->n_voices) {
        puts_(&o, "\n");
        puts_(&o, tr(cat, "Wat de kinderen zeggen"));
        puts_(&o, "\n");
        for (int i = 0; i < plan->n_voices; i++) {
            const Voice *v = &plan->voices[i];
            puts_(&o, "- ");
            if (v->child[0]) {
                word(&o, v->child);
                puts_(&o, ": ");
            }
            puts_(&o, "\xE2\x80\x9C");
            word(&o, v->text);
            puts_(&o, "\xE2\x80\x9D");
            if (v->support) {
                puts_(&o, " (");
                fill(&o, cat, N_("steun: %s"), person_name(plan, v->support));
                puts_(&o, ")");
            }
            puts_(&o, "\n");
        }
    }
    if (plan->n_people) {
        puts_(&o, "\n");
        puts_(&o, tr(cat, "Het netwerk"));
        puts_(&o, "\n");
        for (int i = 0; i < plan->n_people; i++) {
            const Person *p = &plan->people[i];
            puts_(&o, "- ");
            word(&o, p->name);
            if (relation_words(p, cat)[0]) {
                puts_(&o, " (");
                word(&o, relation_words(p, cat));
                puts_(&o, ")");
            }
            puts_(&o, ": ");
            if (p->child) { /* whom the plan is about */
                puts_(&o, tr(cat, "in het midden: het plan gaat over hen"));
                puts_(&o, "\n");
                continue;
            }
            puts_(&o, tr(cat, sector_words[p->place.sector]));
            puts_(&o, ", ");
            puts_(&o, tr(cat, ring_words[p->place.ring]));
            puts_(&o, "\n");
        }
    }
    bool scaled = false; /* the 0-10 scale: where each one put themselves */
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        if (p->scale == SCALE_NONE) continue;
        if (!scaled) {
            puts_(&o, "\n");
            puts_(&o, tr(cat, "Hoe gaat het nu? Van 0 tot 10"));
            puts_(&o, "\n");
            scaled = true;
        }
        char n[16];
        snprintf(n, sizeof n, "%d", p->scale);
        puts_(&o, "- ");
        word(&o, p->name);
        puts_(&o, ": ");
        puts_(&o, n);
        puts_(&o, "\n");
    }
    if (plan->n_goals) {
        puts_(&o, "\n");
        puts_(&o, tr(cat, "Doelen en afspraken"));
        puts_(&o, "\n");
        for (int gi = 0; gi < plan->n_goals; gi++) {
            const Goal *g = &plan->goals[gi];
            char num[16];
            snprintf(num, sizeof num, "%d. ", gi + 1);
            puts_(&o, num);
            word(&o, g->text);
            puts_(&o, "\n");
            for (int k = 0; k < plan->n_agreements; k++) {
                const Agreement *a = &plan->agreements[k];
                if (a->goal != g->id) continue;
                puts_(&o, "   - ");
                people_of(&o, plan, a, cat);
                puts_(&o, ": ");
                word(&o, a->what);
                agreement_tail(&o, plan, a, cat);
                puts_(&o, "\n");
            }
        }
    }
    section(&o, plan, SECTION_HELP, cat);
    section(&o, plan, SECTION_SAFETY, cat);
    puts_(&o, "\n");
    puts_(&o, tr(cat, "Evaluatie"));
    puts_(&o, "\n");
    evaluation_line(&o, plan, cat);
    return finish(&o);
}

static bool does(const Agreement *a, uint32_t person)
{
    for (int k = 0; k < a->n_people; k++)
        if (a->people[k] == person) return true;
    return false;
}

char *export_person_text(const Plan *plan, uint32_t person, const Catalog *cat)
{
    const Person *p = plan_person(plan, person);
    if (!p) return NULL;
    int mine = 0, checks = 0;
    for (int k = 0; k < plan->n_agreements; k++) {
        mine += does(&plan->agreements[k], person);
        checks += plan->agreements[k].checker == person;
    }
    if (!mine && !checks) return mem_strdup("");
    Out o = out_for(cat);
    fill(&o, cat, N_("Voor %s"), p->name);
    puts_(&o, "\n");
    if (plan_family(plan)[0])
        fill(&o, cat, "Plan van de familie %s", plan_family(plan));
    else
        puts_(&o, tr(cat, "Ons plan"));
    puts_(&o, "\n");
    if (mine) {
        puts_(&o, "\n");
        puts_(&o, tr(cat, "Jouw afspraken"));
        puts_(&o, "\n");
        for (int k = 0; k < plan->n_agreements; k++) {
            const Agreement *a = &plan->agreements[k];
            if (!does(a, person)) continue;
            const Goal *g = plan_goal(plan, a->goal);
            puts_(&o, "- ");
            word(&o, a->what);
            agreement_tail(&o, plan, a, cat);
            puts_(&o, "\n  ");
            fill(&o, cat, N_("Voor het doel: %s"), g ? g->text : "?");
            puts_(&o, "\n");
            if (a->n_people > 1) {
                Out with = {0};
                for (int j = 0, n = 0; j < a->n_people; j++) {
                    if (a->people[j] == person) continue;
                    puts_(&with, n++ ? ", " : "");
                    puts_(&with, person_name(plan, a->people[j]));
                }
                puts_(&o, "  ");
                if (with.short_of_memory) o.short_of_memory = true;
                fill(&o, cat, N_("Samen met: %s"), with.s ? with.s : "");
                puts_(&o, "\n");
                free(with.s);
            }
        }
    }
    if (checks) {
        puts_(&o, "\n");
        puts_(&o, tr(cat, "Jij kijkt of dit gebeurt"));
        puts_(&o, "\n");
        for (int k = 0; k < plan->n_agreements; k++) {
            const Agreement *a = &plan->agreements[k];
            if (a->checker != person) continue;
            puts_(&o, "- ");
            people_of(&o, plan, a, cat);
            puts_(&o, ": ");
            word(&o, a->what);
            if (a->when[0]) {
                puts_(&o, " \xE2\x80\x94 ");
                word(&o, a->when);
            }
            puts_(&o, "\n");
        }
    }
    puts_(&o, "\n");
    puts_(&o, tr(cat, "Evaluatie"));
    puts_(&o, "\n");
    evaluation_line(&o, plan, cat);
    return finish(&o);
}

/* ---- iCalendar ---- */

/* Appends an iCalendar TEXT value, escaped (RFC 5545 3.3.11). */
static void ical_text(Out *o, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\':
            puts_(o, "\\\\");
            break;
        case ';':
            puts_(o, "\\;");
            break;
        case ',':
            puts_(o, "\\,");
            break;
        case '\n':
            puts_(o, "\\n");
            break;
        case '\r':
            break;
        default:
            put(o, s, 1);
        }
    }
}

/* Appends one content line folded at 75 octets (never inside a UTF-8
 * character), ending in CRLF. */
static void ical_line(Out *o, const char *line)
{
    size_t n = strlen(line), pos = 0, room = 75;
    while (pos < n) {
        size_t take = n - pos <= room ? n - pos : room;
        while (take > 0 && pos + take < n && ((unsigned char)line[pos + take] & 0xC0) == 0x80)
            take--;
        put(o, line + pos, take);
        pos += take;
        puts_(o, "\r\n");
        if (pos < n) puts_(o, " ");
        room = 74; /* continuation lines begin with the space */
    }
}

/* Texts in the event are kept short, so the event fits one code that a
 * phone reads from a screen (an event cannot be split over codes). */
enum { ICAL_TEXT_MAX = 240 };

static void ical_prop(Out *o, const char *name, const char *value, bool text)
{
    Out line = {0};
    puts_(&line, name);
    puts_(&line, ":");
    if (text && strlen(value) > ICAL_TEXT_MAX) {
        size_t n = ICAL_TEXT_MAX;
        while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
            n--;
        char *cut = mem_alloc(n + 4);
        if (!cut) {
            line.short_of_memory = true;
        } else {
            memcpy(cut, value, n);
            memcpy(cut + n, "\xE2\x80\xA6", 4); /* … and its NUL */
            ical_text(&line, cut);
            free(cut);
        }
    } else if (text) {
        ical_text(&line, value);
    } else {
        puts_(&line, value);
    }
    if (line.short_of_memory)
        o->short_of_memory = true;
    else
        ical_line(o, line.s);
    free(line.s);
}

char *export_vevent(const Plan *plan, const Catalog *cat, int64_t now, const char **why)
{
    const Evaluation *e = &plan->eval;
    if (!plan_valid_date(e->date)) {
        if (why) *why = N_("Er is nog geen datum voor de evaluatie.");
        return NULL;
    }
    Out o = {0};
    char d[9], stamp[32], uid[96], v[64];
    snprintf(d, sizeof d, "%.4s%.2s%.2s", e->date, e->date + 5, e->date + 8);
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    /* the same plan gives the same UID, so a phone updates rather than
     * doubles the event */
    uint32_t h = 2166136261u;
    for (const char *s = plan_family(plan); *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    snprintf(uid, sizeof uid, "evaluatie-%s-%08x@kring", d, h);
    ical_line(&o, "BEGIN:VEVENT");
    ical_prop(&o, "UID", uid, false);
    ical_prop(&o, "DTSTAMP", stamp, false);
    if (plan_valid_time(e->start)) {
        snprintf(v, sizeof v, "%sT%.2s%.2s00", d, e->start, e->start + 3);
        ical_prop(&o, "DTSTART", v, false);
        const char *end = plan_valid_time(e->end) ? e->end : NULL;
        if (end) {
            snprintf(v, sizeof v, "%sT%.2s%.2s00", d, end, end + 3);
            ical_prop(&o, "DTEND", v, false);
        } else {
            ical_prop(&o, "DURATION", "PT2H", false);
        }
    } else { /* a day without a time: an all-day event */
        ical_prop(&o, "DTSTART;VALUE=DATE", d, false);
    }
    Out summary = {0};
    if (plan_family(plan)[0])
        fill(&summary, cat, N_("Evaluatie plan familie %s"), plan_family(plan));
    else
        puts_(&summary, tr(cat, "Evaluatie van ons plan"));
    if (summary.short_of_memory)
        o.short_of_memory = true;
    else
        ical_prop(&o, "SUMMARY", summary.s, true);
    free(summary.s);
    if (e->place[0]) ical_prop(&o, "LOCATION", e->place, true);
    Out desc = {0};
    puts_(&desc, tr(cat, "We kijken samen hoe het gaat met de afspraken uit het plan."));
    if (e->convener) {
        puts_(&desc, "\n");
        fill(&desc, cat, N_("%s nodigt iedereen uit."), person_name(plan, e->convener));
    }
    if (desc.short_of_memory)
        o.short_of_memory = true;
    else
        ical_prop(&o, "DESCRIPTION", desc.s, true);
    free(desc.s);
    ical_line(&o, "END:VEVENT");
    return finish(&o);
}
