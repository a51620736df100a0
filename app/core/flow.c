/* flow: steps and their gaps. */
#include "core/flow.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

static const struct {
    const char *key, *label, *title, *picto;
} steps[STEP_COUNT] = {
    [STEP_NETWORK] = {"network", N_("Wie"), N_("Wie is er: ons netwerk"),
                      "\xF0\x9F\x91\xAA"}, /* 👪 */
    [STEP_WELL] = {"well", N_("Wat goed gaat"), N_("Wat gaat goed, wat zijn de zorgen"),
                   "\xF0\x9F\x8C\xA4"}, /* 🌤 */
    [STEP_DREAM] = {"dream", N_("Droom"), N_("Onze droom en de stem van het kind"),
                    "\xF0\x9F\x8C\x88"}, /* 🌈 */
    [STEP_GOALS] = {"goals", N_("Doelen"), N_("Doelen en afspraken"), "\xF0\x9F\x8E\xAF"}, /* 🎯 */
    [STEP_SAFETY] = {"safety", N_("Veilig"), N_("Veiligheid en plan B"),
                     "\xF0\x9F\x9B\x9F"}, /* 🛟 */
    [STEP_EVALUATION] = {"evaluation", N_("Evaluatie"), N_("Wanneer kijken we hoe het gaat"),
                         "\xF0\x9F\x97\x93\xEF\xB8\x8F"}, /* 🗓️ */
    [STEP_REVIEW] = {"review", N_("Akkoord?"), N_("Het hele plan: lezen en akkoord geven"),
                     "\xE2\x9C\x8D"}, /* ✍ */
    [STEP_SHARE] = {"share", N_("Delen"), N_("Het plan mee naar huis"), "\xF0\x9F\x93\xB1"}, /* 📱 */
};

const char *step_key(int step)
{
    return step >= 0 && step < STEP_COUNT ? steps[step].key : NULL;
}

int step_from_key(const char *key)
{
    for (int i = 0; i < STEP_COUNT; i++)
        if (key && strcmp(key, steps[i].key) == 0) return i;
    return -1;
}

const char *step_label(int step)
{
    return step >= 0 && step < STEP_COUNT ? steps[step].label : "";
}
const char *step_title(int step)
{
    return step >= 0 && step < STEP_COUNT ? steps[step].title : "";
}
const char *step_picto(int step)
{
    return step >= 0 && step < STEP_COUNT ? steps[step].picto : "";
}

static bool goal_has_agreement(const Plan *plan, uint32_t goal)
{
    for (int i = 0; i < plan->n_agreements; i++)
        if (plan->agreements[i].goal == goal) return true;
    return false;
}

static bool every_goal_agreed(const Plan *plan)
{
    for (int i = 0; i < plan->n_goals; i++)
        if (!goal_has_agreement(plan, plan->goals[i].id)) return false;
    return true;
}

typedef struct Gaps {
    const char **out;
    int n, max;
} Gaps;

static void gap(Gaps *g, bool empty, const char *msgid)
{
    if (empty && g->n < g->max) g->out[g->n++] = msgid;
}

int step_gaps(const Plan *plan, int step, const char **out, int max)
{
    Gaps g = {out, 0, max};
    int on_map = 0, present = 0, scaled = 0;
    for (int i = 0; i < plan->n_people; i++) {
        on_map += plan->people[i].place.ring != RING_TRAY;
        present += plan->people[i].present;
        scaled += plan->people[i].scale != SCALE_NONE;
    }
    switch (step) {
    case STEP_NETWORK:
        gap(&g, on_map == 0, "Er staat nog niemand op de kaart.");
        gap(&g, present == 0, "Niemand is nog als aanwezig aangegeven.");
        break;
    case STEP_WELL:
        gap(&g, !plan_question(plan)[0], "De centrale vraag is nog leeg.");
        gap(&g, plan->section[SECTION_GOING_WELL].n == 0, "Wat gaat goed is nog leeg.");
        gap(&g, plan->section[SECTION_CONCERNS].n == 0, "De zorgen zijn nog leeg.");
        gap(&g, plan->section[SECTION_STRENGTHS].n == 0, "De krachten zijn nog leeg.");
        gap(&g, scaled == 0, "Nog niemand staat op de schaal.");
        break;
    case STEP_DREAM:
        gap(&g, plan->section[SECTION_DREAM].n == 0, "De droom is nog leeg.");
        gap(&g, plan->n_voices == 0, "Het kind heeft nog niets gezegd.");
        break;
    case STEP_GOALS:
        gap(&g, plan->n_goals == 0, "Er is nog geen doel.");
        gap(&g, plan->n_goals > 0 && !every_goal_agreed(plan), "Niet elk doel heeft een afspraak.");
        break;
    case STEP_SAFETY:
        gap(&g, plan->section[SECTION_SAFETY].n == 0, "Plan B is nog leeg.");
        gap(&g, plan->section[SECTION_HELP].n == 0, "Er is nog geen hulp gevraagd.");
        break;
    case STEP_EVALUATION:
        gap(&g, !plan->eval.date[0], "De datum van de evaluatie is nog leeg.");
        gap(&g, !plan->eval.place[0], "De plaats van de evaluatie is nog leeg.");
        gap(&g, !plan->eval.convener, "Nog niemand roept de evaluatie bijeen.");
        break;
    case STEP_REVIEW: {
        AgreeCount c = flow_agree_count(plan);
        gap(&g, c.present == 0 || c.agreed < c.present, "Nog niet iedereen heeft akkoord gegeven.");
        gap(&g, !plan->approved_at, "De coördinator heeft het plan nog niet goedgekeurd.");
        break;
    }
    default:
        break;
    }
    return g.n;
}

int flow_missing(const Plan *plan, const char **out, int max)
{
    Gaps g = {out, 0, max};
    gap(&g, !plan_question(plan)[0], "De centrale vraag is nog leeg.");
    gap(&g, plan->n_goals == 0, "Er is nog geen doel.");
    gap(&g, plan->n_goals > 0 && !every_goal_agreed(plan), "Niet elk doel heeft een afspraak.");
    gap(&g, plan->section[SECTION_SAFETY].n == 0,
        "Plan B is nog leeg: wat doen we als een afspraak niet lukt?");
    gap(&g, !plan->eval.date[0], "De datum van de evaluatie is nog leeg.");
    return g.n;
}

AgreeCount flow_agree_count(const Plan *plan)
{
    AgreeCount c = {0};
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        if (!p->present) {
            c.absent++;
            continue;
        }
        c.present++;
        c.agreed += p->agreed_at != 0;
        c.renew += p->renew;
    }
    return c;
}

bool flow_can_approve(const Plan *plan)
{
    const char *unused[1];
    AgreeCount c = flow_agree_count(plan);
    return flow_missing(plan, unused, 1) == 0 && c.present > 0 && c.agreed == c.present;
}

/* The end of the evaluation day plus the margin, or 0 without a date. */
static int64_t after_evaluation(const Plan *plan, int margin_days)
{
    int y, m, d;
    if (!plan_valid_date(plan->eval.date) ||
        sscanf(plan->eval.date, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return ((int64_t)plan_days_from_civil(y, m, d) + 1 + (margin_days > 0 ? margin_days : 0)) *
           86400;
}

int64_t flow_keep_until(const Plan *plan, int64_t now, int retention_days, int margin_days)
{
    int64_t kept = now + (int64_t)(retention_days > 0 ? retention_days : 0) * 86400;
    int64_t eval = after_evaluation(plan, margin_days);
    return eval > kept ? eval : kept;
}

bool flow_kept_for_evaluation(const Plan *plan, int64_t now, int retention_days, int margin_days)
{
    return after_evaluation(plan, margin_days) >
           now + (int64_t)(retention_days > 0 ? retention_days : 0) * 86400;
}
