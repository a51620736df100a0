/* textexport: building texts with a growing buffer. */
#include "core/textexport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/i18n.h"
#include "core/lang.h"
#include "core/mem.h"
#include "core/relations.h"
#include "core/textbuf.h"
#include "core/utf8.h"

typedef TextBuf Out;

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
    if (o->short_of_memory || !o->s || !o->rtl) return tb_finish(o);
    Out r = {0};
    for (const char *line = o->s; *line;) {
        size_t len = strcspn(line, "\n");
        if (len) tb_puts(&r, BIDI_RLM);
        tb_put(&r, line, len + (line[len] == '\n'));
        line += len + (line[len] == '\n');
    }
    free(o->s);
    return tb_finish(&r);
}

/* The family's own words set into a line of Kring's: isolated (bidi.h)
 * when either reads right to left, so each keeps its direction and the
 * line reads in the direction of its language. */
static void word(Out *o, const char *s)
{
    bool isolate = bidi_isolates(s, o->rtl);
    if (isolate) tb_puts(o, BIDI_FSI);
    tb_puts(o, s);
    if (isolate) tb_puts(o, BIDI_PDI);
}

void export_names(TextBuf *o, const Plan *plan, const Agreement *a, uint32_t but,
                  const Catalog *cat, void (*name)(TextBuf *o, const char *s))
{
    int n = 0, total = 0;
    for (int k = 0; k < a->n_people; k++)
        total += a->people[k] != but;
    for (int k = 0; k < a->n_people; k++) {
        if (a->people[k] == but) continue;
        if (n > 0) tb_puts(o, n == total - 1 ? tr(cat, " en ") : ", ");
        name(o, plan_person_name(plan, a->people[k]));
        n++;
    }
}

void export_date(const Catalog *cat, const char *iso, char out[16])
{
    if (plan_valid_date(iso))
        tr_date(cat, atoi(iso), atoi(iso + 5), atoi(iso + 8), out, 16);
    else
        out[0] = '\0';
}

static const char *const day_names[WEEK_DAYS] = {N_("maandag"),   N_("dinsdag"), N_("woensdag"),
                                                 N_("donderdag"), N_("vrijdag"), N_("zaterdag"),
                                                 N_("zondag")};

void export_schedule(const Schedule *s, const Catalog *cat, char *out, size_t n)
{
    char days[256] = "", date[16], what[512];
    int last = -1;
    for (int d = 0; d < WEEK_DAYS; d++)
        if (s->days & (1u << d)) last = d;
    for (int d = 0, k = 0; d < WEEK_DAYS; d++) {
        if (!(s->days & (1u << d))) continue;
        size_t len = strlen(days);
        snprintf(days + len, sizeof days - len, "%s%s",
                 k++ == 0    ? ""
                 : d == last ? tr(cat, " en ")
                             : ", ",
                 tr(cat, day_names[d]));
    }
    export_date(cat, s->date, date);
    switch (s->repeat) {
    case REPEAT_ONCE:
        tr_fill(what, sizeof what, tr(cat, "op %s"), date);
        break;
    case REPEAT_DAILY:
        snprintf(what, sizeof what, "%s", tr(cat, "elke dag"));
        break;
    case REPEAT_SCHOOLDAYS:
        snprintf(what, sizeof what, "%s", tr(cat, "elke schooldag"));
        break;
    case REPEAT_WEEKLY:
        tr_fill(what, sizeof what, tr(cat, "elke %s"), days);
        break;
    case REPEAT_FORTNIGHTLY:
        tr_fill(what, sizeof what, tr(cat, "om de week op %s"), days);
        break;
    case REPEAT_MONTHLY: {
        char day[8];
        snprintf(day, sizeof day, "%d", s->date[0] ? atoi(s->date + 8) : 1);
        tr_fill(what, sizeof what, tr(cat, "op de %se van elke maand"), day);
        break;
    }
    default:
        what[0] = '\0';
    }
    if (what[0] && s->time[0]) {
        char at[64];
        tr_fill(at, sizeof at, tr(cat, "om %s"), s->time);
        snprintf(out, n, "%s, %s", what, at);
    } else {
        snprintf(out, n, "%s", what);
    }
}

char *export_when(const Agreement *a, const Catalog *cat)
{
    char sched[640];
    export_schedule(&a->schedule, cat, sched, sizeof sched);
    Out o = {0};
    tb_puts(&o, sched);
    if (sched[0] && a->when[0]) tb_puts(&o, " (");
    tb_puts(&o, a->when);
    if (sched[0] && a->when[0]) tb_puts(&o, ")");
    return tb_finish(&o);
}

/* "Esther Jansen en Ruud van 't Hof" */
static void people_of(Out *o, const Plan *plan, const Agreement *a, const Catalog *cat)
{
    for (int k = 0; k < a->n_people; k++) {
        if (k > 0) tb_puts(o, k == a->n_people - 1 ? tr(cat, " en ") : ", ");
        word(o, plan_person_name(plan, a->people[k]));
    }
}

/* "— wanneer (checkt: naam)" after an agreement's what */
/* " — elke vrijdag (niet in de vakantie)" */
static void when_tail(Out *o, const Agreement *a, const Catalog *cat)
{
    char *when = export_when(a, cat);
    if (!when) {
        o->short_of_memory = true;
    } else if (when[0]) {
        tb_puts(o, " \xE2\x80\x94 ");
        word(o, when);
    }
    free(when);
}

/* "- Henk Jansen: brengt Sam naar school — elke vrijdag", a line. */
static void who_what_when(Out *o, const Plan *plan, const Agreement *a, const Catalog *cat)
{
    tb_puts(o, "- ");
    people_of(o, plan, a, cat);
    tb_puts(o, ": ");
    word(o, a->what);
    when_tail(o, a, cat);
    tb_puts(o, "\n");
}

static void agreement_tail(Out *o, const Plan *plan, const Agreement *a, const Catalog *cat)
{
    when_tail(o, a, cat);
    if (a->checker) {
        tb_puts(o, " (");
        tb_fill(o, cat, N_("checkt: %s"), plan_person_name(plan, a->checker));
        tb_puts(o, ")");
    }
}

static void evaluation_line(Out *o, const Plan *plan, const Catalog *cat)
{
    const Evaluation *e = &plan->eval;
    char date[16];
    export_date(cat, e->date, date);
    if (!date[0] && !e->place[0]) {
        tb_puts(o, tr(cat, "Nog niet afgesproken."));
        tb_puts(o, "\n");
        return;
    }
    tb_puts(o, date);
    if (e->start[0]) {
        tb_puts(o, date[0] ? ", " : "");
        tb_puts(o, e->start);
        if (e->end[0]) {
            tb_puts(o, "\xE2\x80\x93");
            tb_puts(o, e->end);
        }
    }
    if (e->place[0]) {
        tb_puts(o, date[0] || e->start[0] ? ", " : "");
        word(o, e->place);
    }
    tb_puts(o, "\n");
    if (e->convener) {
        tb_fill(o, cat, N_("%s nodigt iedereen uit."), plan_person_name(plan, e->convener));
        tb_puts(o, "\n");
    }
}

char *export_evaluation(const Plan *plan, const Catalog *cat)
{
    Out o = {0}; /* for a page that sets its own direction: no marks */
    evaluation_line(&o, plan, cat);
    return tb_finish(&o);
}

const char *export_section_title(int section)
{
    static const char *const titles[SECTION_COUNT] = {
        N_("Zorgen"), N_("Ondergrenzen"),           N_("Wat gaat goed"),        N_("Krachten"),
        N_("Droom"),  N_("Hulp van professionals"), N_("Veiligheid en plan B"),
    };
    return section >= 0 && section < SECTION_COUNT ? titles[section] : "";
}

/* A section under its title, one item a line (nothing when empty). */
static void section(Out *o, const Plan *plan, int s, const Catalog *cat)
{
    if (plan->section[s].n == 0) return;
    tb_puts(o, tr(cat, export_section_title(s)));
    tb_puts(o, "\n");
    for (int i = 0; i < plan->section[s].n; i++) {
        tb_puts(o, "- ");
        word(o, plan->section[s].items[i].text);
        tb_puts(o, "\n");
    }
}

/* "Evaluatie: 20-02-2027, 10:00–12:00, Wijkcentrum" on one line. */
static void evaluation_brief(Out *o, const Plan *plan, const Catalog *cat)
{
    tb_puts(o, tr(cat, "Evaluatie"));
    tb_puts(o, ": ");
    char *when = export_evaluation(plan, cat);
    if (!when) {
        o->short_of_memory = true;
        return;
    }
    when[strcspn(when, "\n")] = '\0'; /* who invites is for the page, not the code */
    tb_puts(o, when);
    tb_puts(o, "\n");
    free(when);
}

char *export_person_text(const Plan *plan, uint32_t person, const Catalog *cat)
{
    const Person *p = plan_person(plan, person);
    if (!p) return NULL;
    int mine = 0, checks = 0;
    for (int k = 0; k < plan->n_agreements; k++) {
        mine += agreement_does(&plan->agreements[k], person);
        checks += plan->agreements[k].checker == person;
    }
    if (!mine && !checks) return mem_strdup("");
    Out o = out_for(cat);
    tb_fill(&o, cat, N_("Voor %s"), p->name);
    tb_puts(&o, "\n");
    if (mine) {
        tb_puts(&o, tr(cat, "Jouw afspraken"));
        tb_puts(&o, "\n");
        for (int k = 0; k < plan->n_agreements; k++) {
            const Agreement *a = &plan->agreements[k];
            if (!agreement_does(a, person)) continue;
            tb_puts(&o, "- ");
            word(&o, a->what);
            agreement_tail(&o, plan, a, cat);
            tb_puts(&o, "\n");
        }
    }
    if (checks) {
        tb_puts(&o, tr(cat, "Jij kijkt of dit gebeurt"));
        tb_puts(&o, "\n");
        for (int k = 0; k < plan->n_agreements; k++)
            if (plan->agreements[k].checker == person)
                who_what_when(&o, plan, &plan->agreements[k], cat);
    }
    evaluation_brief(&o, plan, cat);
    return finish(&o);
}

char *export_plan_brief(const Plan *plan, const Catalog *cat)
{
    Out o = out_for(cat);
    if (plan_family(plan)[0])
        tb_fill(&o, cat, "Plan van de familie %s", plan_family(plan));
    else
        tb_puts(&o, tr(cat, "Ons plan"));
    char date[16];
    export_date(cat, plan->field[FIELD_DATE], date);
    if (date[0]) {
        tb_puts(&o, " \xC2\xB7 ");
        tb_puts(&o, date);
    }
    tb_puts(&o, "\n");
    for (int gi = 0; gi < plan->n_goals; gi++) {
        const Goal *g = &plan->goals[gi];
        char num[16];
        snprintf(num, sizeof num, "%d. ", gi + 1);
        tb_puts(&o, num);
        word(&o, g->text);
        tb_puts(&o, "\n");
        for (int k = 0; k < plan->n_agreements; k++)
            if (plan->agreements[k].goal == g->id)
                who_what_when(&o, plan, &plan->agreements[k], cat);
    }
    if (plan->n_people) { /* the circle: who is in it */
        tb_puts(&o, tr(cat, "Onze kring"));
        tb_puts(&o, "\n");
        for (int i = 0; i < plan->n_people; i++) {
            const Person *p = &plan->people[i];
            tb_puts(&o, "- ");
            word(&o, p->name);
            if (relation_words(p, cat)[0]) {
                tb_puts(&o, " (");
                word(&o, relation_words(p, cat));
                tb_puts(&o, ")");
            }
            tb_puts(&o, "\n");
        }
    }
    section(&o, plan, SECTION_SAFETY, cat);
    evaluation_brief(&o, plan, cat);
    return finish(&o);
}
