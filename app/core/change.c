/* change: the difference between two plans, in words. */
#include "core/change.h"

#include <stdio.h>
#include <string.h>

#include "core/flow.h"

static bool same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_list(const ItemList *a, const ItemList *b)
{
    if (a->n != b->n) return false;
    for (int i = 0; i < a->n; i++)
        if (a->items[i].id != b->items[i].id || !same(a->items[i].text, b->items[i].text))
            return false;
    return true;
}

/* The step each section is filled in on. */
static int section_step(int s)
{
    switch (s) {
    case SECTION_DREAM:
        return STEP_DREAM;
    case SECTION_SAFETY:
    case SECTION_HELP:
        return STEP_SAFETY;
    default:
        return STEP_WELL;
    }
}

typedef enum What {
    WHAT_NONE,
    WHAT_PERSON_BACK,
    WHAT_PERSON_GONE,
    WHAT_PERSON_MOVED,
    WHAT_PERSON_CHANGED,
    WHAT_PERSON_SCALE,
    WHAT_PERSON_AGREED,
    WHAT_PERSON_PRESENT,
    WHAT_ITEM_BACK,
    WHAT_ITEM_GONE,
    WHAT_ITEM_CHANGED,
    WHAT_GOAL_BACK,
    WHAT_GOAL_GONE,
    WHAT_GOAL_CHANGED,
    WHAT_GOALS_ORDER,
    WHAT_AGREEMENT_BACK,
    WHAT_AGREEMENT_GONE,
    WHAT_AGREEMENT_CHANGED,
    WHAT_VOICE,
    WHAT_FIELD,
    WHAT_EVALUATION,
    WHAT_APPROVAL,
} What;

typedef struct Found {
    What what;
    int step;
    const char *name; /* the family's words it names */
    int field;
} Found;

static Found people(const Plan *from, const Plan *to)
{
    for (int i = 0; i < to->n_people; i++) {
        const Person *b = &to->people[i], *a = plan_person(from, b->id);
        int step = STEP_NETWORK;
        if (!a) return (Found){WHAT_PERSON_BACK, step, b->name, 0};
        if (memcmp(&a->place, &b->place, sizeof a->place) != 0)
            return (Found){WHAT_PERSON_MOVED, step, b->name, 0};
        if (!same(a->name, b->name) || !same(a->relation, b->relation) || !same(a->picto, b->picto))
            return (Found){WHAT_PERSON_CHANGED, step, b->name, 0};
        if (a->present != b->present) return (Found){WHAT_PERSON_PRESENT, step, b->name, 0};
        if (a->scale != b->scale) return (Found){WHAT_PERSON_SCALE, STEP_WELL, b->name, 0};
        if ((a->agreed_at != 0) != (b->agreed_at != 0))
            return (Found){WHAT_PERSON_AGREED, STEP_REVIEW, b->name, 0};
    }
    for (int i = 0; i < from->n_people; i++)
        if (!plan_person(to, from->people[i].id))
            return (Found){WHAT_PERSON_GONE, STEP_NETWORK, from->people[i].name, 0};
    return (Found){WHAT_NONE, 0, NULL, 0};
}

static Found items(const Plan *from, const Plan *to)
{
    for (int s = 0; s < SECTION_COUNT; s++) {
        const ItemList *a = &from->section[s], *b = &to->section[s];
        if (same_list(a, b)) continue;
        int step = section_step(s);
        for (int i = 0; i < b->n; i++) {
            int in;
            const Item *old = plan_item(from, b->items[i].id, &in);
            if (!old) return (Found){WHAT_ITEM_BACK, step, b->items[i].text, 0};
            if (!same(old->text, b->items[i].text))
                return (Found){WHAT_ITEM_CHANGED, step, b->items[i].text, 0};
        }
        for (int i = 0; i < a->n; i++) {
            int in;
            if (!plan_item(to, a->items[i].id, &in))
                return (Found){WHAT_ITEM_GONE, step, a->items[i].text, 0};
        }
    }
    return (Found){WHAT_NONE, 0, NULL, 0};
}

static Found goals(const Plan *from, const Plan *to)
{
    for (int i = 0; i < to->n_goals; i++) {
        const Goal *b = &to->goals[i], *a = plan_goal(from, b->id);
        if (!a) return (Found){WHAT_GOAL_BACK, STEP_GOALS, b->text, 0};
        if (!same(a->text, b->text) || a->area != b->area)
            return (Found){WHAT_GOAL_CHANGED, STEP_GOALS, b->text, 0};
    }
    for (int i = 0; i < from->n_goals; i++)
        if (!plan_goal(to, from->goals[i].id))
            return (Found){WHAT_GOAL_GONE, STEP_GOALS, from->goals[i].text, 0};
    for (int i = 0; i < to->n_goals && i < from->n_goals; i++)
        if (to->goals[i].id != from->goals[i].id)
            return (Found){WHAT_GOALS_ORDER, STEP_GOALS, NULL, 0};
    for (int i = 0; i < to->n_agreements; i++) {
        const Agreement *b = &to->agreements[i], *a = plan_agreement(from, b->id);
        if (!a) return (Found){WHAT_AGREEMENT_BACK, STEP_GOALS, b->what, 0};
        if (!same(a->what, b->what) || !same(a->when, b->when) || a->checker != b->checker ||
            a->n_people != b->n_people ||
            memcmp(a->people, b->people, sizeof a->people[0] * (size_t)a->n_people) != 0)
            return (Found){WHAT_AGREEMENT_CHANGED, STEP_GOALS, b->what, 0};
    }
    for (int i = 0; i < from->n_agreements; i++)
        if (!plan_agreement(to, from->agreements[i].id))
            return (Found){WHAT_AGREEMENT_GONE, STEP_GOALS, from->agreements[i].what, 0};
    return (Found){WHAT_NONE, 0, NULL, 0};
}

static Found rest(const Plan *from, const Plan *to)
{
    for (int f = 0; f < FIELD_COUNT; f++)
        if (!same(from->field[f], to->field[f])) return (Found){WHAT_FIELD, STEP_WELL, NULL, f};
    bool voices = from->n_voices != to->n_voices;
    for (int i = 0; !voices && i < to->n_voices; i++) {
        const Voice *a = &from->voices[i], *b = &to->voices[i];
        voices = a->id != b->id || !same(a->child, b->child) || !same(a->text, b->text) ||
                 a->support != b->support;
    }
    if (voices) return (Found){WHAT_VOICE, STEP_DREAM, NULL, 0};
    const Evaluation *a = &from->eval, *b = &to->eval;
    if (!same(a->date, b->date) || !same(a->start, b->start) || !same(a->end, b->end) ||
        !same(a->place, b->place) || a->convener != b->convener)
        return (Found){WHAT_EVALUATION, STEP_EVALUATION, NULL, 0};
    if ((from->approved_at != 0) != (to->approved_at != 0))
        return (Found){WHAT_APPROVAL, STEP_REVIEW, NULL, 0};
    return (Found){WHAT_NONE, 0, NULL, 0};
}

static Found find(const Plan *from, const Plan *to)
{
    /* the referrer's conditions and the approval first: they decide the PIN */
    if (!same_list(&from->section[SECTION_CONDITIONS], &to->section[SECTION_CONDITIONS])) {
        Plan a = *from, b = *to; /* only that section looked at */
        for (int s = 0; s < SECTION_COUNT; s++)
            if (s != SECTION_CONDITIONS) a.section[s] = b.section[s] = (ItemList){0};
        return items(&a, &b);
    }
    Found f = items(from, to);
    if (f.what == WHAT_NONE) f = people(from, to);
    if (f.what == WHAT_NONE) f = goals(from, to);
    if (f.what == WHAT_NONE) f = rest(from, to);
    return f;
}

Change change_between(const Plan *from, const Plan *to)
{
    Found f = find(from, to);
    bool conditions =
        !same_list(&from->section[SECTION_CONDITIONS], &to->section[SECTION_CONDITIONS]);
    bool approval = to->approved_at != 0 && from->approved_at == 0;
    bool unapproval = from->approved_at != 0 && to->approved_at == 0 && f.what == WHAT_APPROVAL;
    return (Change){
        .pin = conditions || approval || unapproval, .approval = approval, .step = f.step};
}

void change_words(const Plan *from, const Plan *to, const Catalog *cat, char *out, size_t n)
{
    static const char *const templates[] = {
        [WHAT_NONE] = N_("de laatste stap"),
        [WHAT_PERSON_BACK] = N_("%s weer op de kaart"),
        [WHAT_PERSON_GONE] = N_("%s niet meer op de kaart"),
        [WHAT_PERSON_MOVED] = N_("de plek van %s"),
        [WHAT_PERSON_CHANGED] = N_("de naam of relatie van %s"),
        [WHAT_PERSON_SCALE] = N_("%s op de schaal"),
        [WHAT_PERSON_AGREED] = N_("het akkoord van %s"),
        [WHAT_PERSON_PRESENT] = N_("of %s er is"),
        [WHAT_ITEM_BACK] = N_("weer erbij: %s"),
        [WHAT_ITEM_GONE] = N_("weggehaald: %s"),
        [WHAT_ITEM_CHANGED] = N_("weer zo: %s"),
        [WHAT_GOAL_BACK] = N_("het doel %s"),
        [WHAT_GOAL_GONE] = N_("weggehaald: het doel %s"),
        [WHAT_GOAL_CHANGED] = N_("het doel %s"),
        [WHAT_GOALS_ORDER] = N_("de volgorde van de doelen"),
        [WHAT_AGREEMENT_BACK] = N_("de afspraak %s"),
        [WHAT_AGREEMENT_GONE] = N_("weggehaald: de afspraak %s"),
        [WHAT_AGREEMENT_CHANGED] = N_("de afspraak %s"),
        [WHAT_VOICE] = N_("de stem van het kind"),
        [WHAT_FIELD] = N_("over wie en waar het plan gaat"),
        [WHAT_EVALUATION] = N_("de evaluatie"),
        [WHAT_APPROVAL] = N_("de goedkeuring"),
    };
    Found f = find(from, to);
    const char *t = tr(cat, templates[f.what]);
    if (f.what == WHAT_FIELD && f.field == FIELD_QUESTION) t = tr(cat, "de centrale vraag");
    char name[160];
    snprintf(name, sizeof name, "%s", f.name ? f.name : "");
    if (strlen(f.name ? f.name : "") >= sizeof name - 1) /* long words: their start */
        snprintf(name + sizeof name - 5, 5, "\xE2\x80\xA6");
    tr_fill(out, n, t, name);
}

void change_removal_words(const Plan *plan, uint32_t id, const Catalog *cat, char *out, size_t n)
{
    const Person *p = plan_person(plan, id);
    if (!p) {
        out[0] = '\0';
        return;
    }
    int does = 0, checks = 0;
    for (int i = 0; i < plan->n_agreements; i++) {
        const Agreement *a = &plan->agreements[i];
        for (int k = 0; k < a->n_people; k++)
            does += a->people[k] == id;
        checks += a->checker == id;
    }
    char parts[3][200], count[16];
    int np = 0;
    if (does) {
        snprintf(count, sizeof count, "%d", does);
        tr_fill(parts[np++], sizeof parts[0], trn(cat, "%s afspraak", "%s afspraken", does), count);
    }
    if (checks) {
        snprintf(count, sizeof count, "%d", checks);
        tr_fill(parts[np++], sizeof parts[0],
                trn(cat, "wie kijkt bij %s afspraak", "wie kijkt bij %s afspraken", checks), count);
    }
    if (p->scale != SCALE_NONE)
        snprintf(parts[np++], sizeof parts[0], "%s", tr(cat, "de plek op de schaal"));
    char with[700] = "";
    for (int i = 0; i < np; i++) {
        size_t at = strlen(with);
        snprintf(with + at, sizeof with - at, "%s%s",
                 i == 0        ? ""
                 : i == np - 1 ? tr(cat, " en ")
                               : ", ",
                 parts[i]);
    }
    char head[700];
    tr_fill(head, sizeof head, tr(cat, "%s is weggehaald."), p->name);
    if (!np) {
        snprintf(out, n, "%s", head);
        return;
    }
    char tail[800];
    tr_fill(tail, sizeof tail, tr(cat, "Met: %s."), with);
    snprintf(out, n, "%s %s", head, tail);
}
