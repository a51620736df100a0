/* edit: validating and applying edits. */
#include "core/edit.h"
#include "core/planfile.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/utf8.h"

/* A clean copy of s: repaired and no longer than TEXT_MAX bytes. Leading
 * and trailing spaces are dropped. NULL when memory is short. */
static char *clean(const char *s)
{
    if (!s) return mem_strdup("");
    size_t n = strlen(s);
    char *r = utf8_repair(s, n);
    if (!r) return NULL;
    size_t len = strlen(r);
    if (len > TEXT_MAX) { /* cut on a character boundary */
        len = TEXT_MAX;
        while (len > 0 && ((unsigned char)r[len] & 0xC0) == 0x80)
            len--;
        r[len] = '\0';
    }
    size_t start = 0;
    while (r[start] == ' ' || r[start] == '\t' || r[start] == '\n')
        start++;
    while (len > start && (r[len - 1] == ' ' || r[len - 1] == '\t' || r[len - 1] == '\n'))
        len--;
    memmove(r, r + start, len - start);
    r[len - start] = '\0';
    return r;
}

static void replace(char **slot, char *value)
{
    free(*slot);
    *slot = value;
}

typedef struct Ctx {
    Plan *plan;
    const Edit *e;
    const char **why;
} Ctx;

static EditResult invalid(Ctx *c, const char *why)
{
    if (c->why) *c->why = why;
    return EDIT_INVALID;
}

static EditResult no_memory(Ctx *c)
{
    if (c->why)
        *c->why = N_("Er is nu te weinig geheugen. Uw wijziging is niet gedaan; "
                     "probeer het zo nog eens.");
    return EDIT_NO_MEMORY;
}

static EditResult not_found(Ctx *c)
{
    if (c->why) *c->why = N_("Dit staat niet meer in het plan.");
    return EDIT_NOT_FOUND;
}

/* Moves element `from` of an array of `size`-byte elements to `to`. */
static void move_elem(void *arr, int n, size_t size, int from, int to)
{
    if (to < 0) to = 0;
    if (to >= n) to = n - 1;
    if (from == to) return;
    unsigned char tmp[128];
    unsigned char *a = arr;
    memcpy(tmp, a + (size_t)from * size, size);
    if (from < to)
        memmove(a + (size_t)from * size, a + (size_t)(from + 1) * size, (size_t)(to - from) * size);
    else
        memmove(a + (size_t)(to + 1) * size, a + (size_t)to * size, (size_t)(from - to) * size);
    memcpy(a + (size_t)to * size, tmp, size);
}

static bool person_ok(const Plan *p, uint32_t id)
{
    return id == 0 || plan_person(p, id) != NULL;
}

/* ---- people ---- */

static EditResult person_add_or_set(Ctx *c, uint32_t *new_id)
{
    const Edit *e = c->e;
    char *name = clean(e->text);
    if (!name) return no_memory(c);
    utf8_strip_bidi_controls(name); /* a name shows as itself, not turned into another */
    if (!utf8_has_visible(name)) {
        free(name);
        return invalid(c, "Een naam is nodig.");
    }
    Person *p = e->kind == EDIT_PERSON_SET ? plan_person(c->plan, e->id) : NULL;
    if (e->kind == EDIT_PERSON_SET && !p) {
        free(name);
        return not_found(c);
    }
    char *rel = clean(e->text2), *picto = clean(e->text3);
    EditResult r = EDIT_OK;
    if (!rel || !picto) {
        r = no_memory(c);
    } else if (e->kind == EDIT_PERSON_ADD) {
        uint32_t id = plan_add_person(c->plan, &(Person){.name = name,
                                                         .relation = rel,
                                                         .picto = picto,
                                                         .place = e->place,
                                                         .present = e->flag,
                                                         .scale = SCALE_NONE});
        if (!id) r = no_memory(c);
        if (new_id) *new_id = id;
    } else {
        replace(&p->name, name);
        replace(&p->relation, rel);
        replace(&p->picto, picto);
        p->present = e->flag;
        return EDIT_OK;
    }
    free(name);
    free(rel);
    free(picto);
    return r;
}

static void remove_person_refs(Plan *plan, uint32_t id)
{
    for (int i = 0; i < plan->n_agreements;) {
        Agreement *a = &plan->agreements[i];
        int k = 0;
        for (int j = 0; j < a->n_people; j++)
            if (a->people[j] != id) a->people[k++] = a->people[j];
        a->n_people = k;
        if (a->checker == id) a->checker = 0;
        if (a->n_people == 0) { /* nobody left to do it */
            free(a->what);
            free(a->when);
            memmove(a, a + 1, sizeof *a * (size_t)(plan->n_agreements - i - 1));
            plan->n_agreements--;
            continue;
        }
        i++;
    }
    for (int i = 0; i < plan->n_voices; i++)
        if (plan->voices[i].support == id) plan->voices[i].support = 0;
    if (plan->eval.convener == id) plan->eval.convener = 0;
}

static EditResult person_remove(Ctx *c)
{
    Plan *plan = c->plan;
    for (int i = 0; i < plan->n_people; i++) {
        if (plan->people[i].id != c->e->id) continue;
        free(plan->people[i].name);
        free(plan->people[i].relation);
        free(plan->people[i].picto);
        memmove(&plan->people[i], &plan->people[i + 1],
                sizeof plan->people[0] * (size_t)(plan->n_people - i - 1));
        plan->n_people--;
        remove_person_refs(plan, c->e->id);
        return EDIT_OK;
    }
    return not_found(c);
}

/* ---- goals and agreements ---- */

static int goal_index(const Plan *plan, uint32_t id)
{
    for (int i = 0; i < plan->n_goals; i++)
        if (plan->goals[i].id == id) return i;
    return -1;
}

static EditResult goal_remove(Ctx *c)
{
    Plan *plan = c->plan;
    int i = goal_index(plan, c->e->id);
    if (i < 0) return not_found(c);
    free(plan->goals[i].text);
    memmove(&plan->goals[i], &plan->goals[i + 1],
            sizeof plan->goals[0] * (size_t)(plan->n_goals - i - 1));
    plan->n_goals--;
    for (int k = 0; k < plan->n_agreements;) {
        Agreement *a = &plan->agreements[k];
        if (a->goal != c->e->id) {
            k++;
            continue;
        }
        free(a->what);
        free(a->when);
        memmove(a, a + 1, sizeof *a * (size_t)(plan->n_agreements - k - 1));
        plan->n_agreements--;
    }
    return EDIT_OK;
}

static EditResult agreement_add_or_set(Ctx *c, uint32_t *new_id)
{
    const Edit *e = c->e;
    Plan *plan = c->plan;
    if (!plan_goal(plan, e->goal)) return not_found(c);
    if (e->n_people < 1 || e->n_people > AGREEMENT_PEOPLE_MAX)
        return invalid(c, "Kies wie het doet.");
    Agreement t = {.goal = e->goal, .checker = e->checker, .n_people = 0};
    for (int i = 0; i < e->n_people; i++) {
        if (!plan_person(plan, e->people[i])) return not_found(c);
        bool dup = false;
        for (int k = 0; k < t.n_people; k++)
            dup = dup || t.people[k] == e->people[i];
        if (!dup) t.people[t.n_people++] = e->people[i];
    }
    if (!person_ok(plan, e->checker)) return not_found(c);
    const char *bad_schedule = schedule_problem(&e->schedule);
    if (bad_schedule) return invalid(c, bad_schedule);
    t.schedule = e->schedule;
    char *what = clean(e->text), *when = clean(e->text2);
    if (!what || !when) {
        free(what);
        free(when);
        return no_memory(c);
    }
    if (e->kind == EDIT_AGREEMENT_ADD) {
        t.what = what;
        t.when = when;
        uint32_t id = plan_add_agreement(plan, &t);
        free(what);
        free(when);
        if (new_id) *new_id = id;
        return id ? EDIT_OK : no_memory(c);
    }
    Agreement *a = plan_agreement(plan, e->id);
    if (!a) {
        free(what);
        free(when);
        return not_found(c);
    }
    a->goal = t.goal;
    a->checker = t.checker;
    a->schedule = t.schedule;
    a->n_people = t.n_people;
    memcpy(a->people, t.people, sizeof a->people);
    replace(&a->what, what);
    replace(&a->when, when);
    return EDIT_OK;
}

static EditResult agreement_remove(Ctx *c)
{
    Plan *plan = c->plan;
    for (int i = 0; i < plan->n_agreements; i++) {
        if (plan->agreements[i].id != c->e->id) continue;
        free(plan->agreements[i].what);
        free(plan->agreements[i].when);
        memmove(&plan->agreements[i], &plan->agreements[i + 1],
                sizeof plan->agreements[0] * (size_t)(plan->n_agreements - i - 1));
        plan->n_agreements--;
        return EDIT_OK;
    }
    return not_found(c);
}

/* ---- items and voices ---- */

static EditResult item_edit(Ctx *c, uint32_t *new_id)
{
    const Edit *e = c->e;
    Plan *plan = c->plan;
    if (e->kind == EDIT_ITEM_ADD) {
        if (e->field < 0 || e->field >= SECTION_COUNT)
            return invalid(c, "Dit onderdeel bestaat niet.");
        char *text = clean(e->text);
        if (!text) return no_memory(c);
        if (!text[0]) {
            free(text);
            return invalid(c, "Schrijf eerst iets op.");
        }
        uint32_t id = plan_add_item(plan, e->field, 0, text);
        free(text);
        if (new_id) *new_id = id;
        return id ? EDIT_OK : no_memory(c);
    }
    int s;
    Item *it = plan_item(plan, e->id, &s);
    if (!it) return not_found(c);
    ItemList *l = &plan->section[s];
    int i = (int)(it - l->items);
    if (e->kind == EDIT_ITEM_SET) {
        char *text = clean(e->text);
        if (!text) return no_memory(c);
        if (!text[0]) {
            free(text);
            return invalid(c, "Schrijf eerst iets op.");
        }
        replace(&it->text, text);
    } else if (e->kind == EDIT_ITEM_MOVE) {
        move_elem(l->items, l->n, sizeof l->items[0], i, e->index);
    } else {
        free(it->text);
        memmove(&l->items[i], &l->items[i + 1], sizeof l->items[0] * (size_t)(l->n - i - 1));
        l->n--;
    }
    return EDIT_OK;
}

static EditResult voice_edit(Ctx *c, uint32_t *new_id)
{
    const Edit *e = c->e;
    Plan *plan = c->plan;
    if (e->kind == EDIT_VOICE_REMOVE) {
        for (int i = 0; i < plan->n_voices; i++) {
            if (plan->voices[i].id != e->id) continue;
            free(plan->voices[i].child);
            free(plan->voices[i].text);
            memmove(&plan->voices[i], &plan->voices[i + 1],
                    sizeof plan->voices[0] * (size_t)(plan->n_voices - i - 1));
            plan->n_voices--;
            return EDIT_OK;
        }
        return not_found(c);
    }
    if (!person_ok(plan, e->support)) return not_found(c);
    char *child = clean(e->text), *text = clean(e->text2);
    if (!child || !text) {
        free(child);
        free(text);
        return no_memory(c);
    }
    if (!text[0]) {
        free(child);
        free(text);
        return invalid(c, "Schrijf eerst iets op.");
    }
    if (e->kind == EDIT_VOICE_ADD) {
        uint32_t id =
            plan_add_voice(plan, &(Voice){.child = child, .text = text, .support = e->support});
        free(child);
        free(text);
        if (new_id) *new_id = id;
        return id ? EDIT_OK : no_memory(c);
    }
    Voice *v = plan_voice(plan, e->id);
    if (!v) {
        free(child);
        free(text);
        return not_found(c);
    }
    replace(&v->child, child);
    replace(&v->text, text);
    v->support = e->support;
    return EDIT_OK;
}

static EditResult evaluation(Ctx *c)
{
    const Edit *e = c->e;
    const char *date = e->text ? e->text : "", *start = e->text2 ? e->text2 : "";
    const char *end = e->text3 ? e->text3 : "";
    if (date[0] && !plan_valid_date(date)) return invalid(c, "Deze datum bestaat niet.");
    if ((start[0] && !plan_valid_time(start)) || (end[0] && !plan_valid_time(end)))
        return invalid(c, "Deze tijd bestaat niet.");
    if (start[0] && end[0] && strcmp(end, start) <= 0)
        return invalid(c, "De eindtijd moet na de begintijd liggen.");
    if (!person_ok(c->plan, e->support)) return not_found(c);
    char *place = clean(e->text4);
    if (!place) return no_memory(c);
    bool ok = plan_set_evaluation(
        c->plan, &(Evaluation){(char *)date, (char *)start, (char *)end, place, e->support});
    free(place);
    return ok ? EDIT_OK : no_memory(c);
}

static EditResult apply_edit(Plan *plan, const Edit *e, uint32_t *new_id, const char **why)
{
    Ctx c = {plan, e, why};
    if (new_id) *new_id = 0;
    switch (e->kind) {
    case EDIT_SET_FIELD:
        if (e->field < 0 || e->field >= FIELD_COUNT)
            return invalid(&c, "Dit onderdeel bestaat niet.");
        if (e->field == FIELD_DATE && e->text && e->text[0] && !plan_valid_date(e->text))
            return invalid(&c, "Deze datum bestaat niet.");
        {
            char *text = clean(e->text);
            if (!text) return no_memory(&c);
            char *old = plan->field[e->field];
            plan->field[e->field] = text;
            /* the children it names become people of the plan */
            if (e->field == FIELD_CHILDREN && !plan_children_as_people(plan)) {
                plan->field[e->field] = old;
                free(text);
                return no_memory(&c);
            }
            free(old);
            return EDIT_OK;
        }
    case EDIT_PERSON_ADD:
    case EDIT_PERSON_SET:
        return person_add_or_set(&c, new_id);
    case EDIT_PERSON_MOVE: {
        Person *p = plan_person(plan, e->id);
        if (!p) return not_found(&c);
        p->place = place_clamp(e->place);
        return EDIT_OK;
    }
    case EDIT_PERSON_REMOVE:
        return person_remove(&c);
    case EDIT_PERSON_SCALE: {
        Person *p = plan_person(plan, e->id);
        if (!p) return not_found(&c);
        if (e->number != SCALE_NONE && (e->number < 0 || e->number > 10))
            return invalid(&c, "Kies een getal van 0 tot 10.");
        p->scale = e->number;
        return EDIT_OK;
    }
    case EDIT_PERSON_AGREE: {
        Person *p = plan_person(plan, e->id);
        if (!p) return not_found(&c);
        p->agreed_at = e->time < 0 ? 0 : e->time;
        if (p->agreed_at) p->renew = false;
        return EDIT_OK;
    }
    case EDIT_GOAL_ADD:
    case EDIT_GOAL_SET: {
        if (e->number < 0 || e->number >= AREA_COUNT)
            return invalid(&c, "Dit levensgebied bestaat niet.");
        Goal *g = e->kind == EDIT_GOAL_SET ? plan_goal(plan, e->id) : NULL;
        if (e->kind == EDIT_GOAL_SET && !g) return not_found(&c);
        char *text = clean(e->text);
        if (!text) return no_memory(&c);
        if (!text[0]) {
            free(text);
            return invalid(&c, "Schrijf het doel op.");
        }
        if (g) {
            replace(&g->text, text);
            g->area = e->number;
            return EDIT_OK;
        }
        uint32_t id = plan_add_goal(plan, &(Goal){.text = text, .area = e->number});
        free(text);
        if (new_id) *new_id = id;
        return id ? EDIT_OK : no_memory(&c);
    }
    case EDIT_GOAL_MOVE: {
        int i = goal_index(plan, e->id);
        if (i < 0) return not_found(&c);
        move_elem(plan->goals, plan->n_goals, sizeof plan->goals[0], i, e->index);
        return EDIT_OK;
    }
    case EDIT_GOAL_REMOVE:
        return goal_remove(&c);
    case EDIT_AGREEMENT_ADD:
    case EDIT_AGREEMENT_SET:
        return agreement_add_or_set(&c, new_id);
    case EDIT_AGREEMENT_REMOVE:
        return agreement_remove(&c);
    case EDIT_ITEM_ADD:
    case EDIT_ITEM_SET:
    case EDIT_ITEM_MOVE:
    case EDIT_ITEM_REMOVE:
        return item_edit(&c, new_id);
    case EDIT_VOICE_ADD:
    case EDIT_VOICE_SET:
    case EDIT_VOICE_REMOVE:
        return voice_edit(&c, new_id);
    case EDIT_EVALUATION:
        return evaluation(&c);
    case EDIT_APPROVE:
        plan->approved_at = e->time < 0 ? 0 : e->time;
        if (plan->approved_at) plan->approval_renew = false;
        return EDIT_OK;
    case EDIT_KIND_COUNT:
        break;
    }
    return invalid(&c, "Dat kan niet.");
}

/* True when e changes what the plan says (and so what was agreed to):
 * everything but agreeing, approving, a card moved within its own ring
 * and sector, and a person only marked as in the room or not. */
static bool changes_content(const Plan *plan, const Edit *e)
{
    const Person *p;
    switch (e->kind) {
    case EDIT_PERSON_AGREE:
    case EDIT_APPROVE:
        return false;
    case EDIT_PERSON_MOVE:
        p = plan_person(plan, e->id);
        return !p || p->place.ring != e->place.ring || p->place.sector != e->place.sector;
    case EDIT_PERSON_SET: {
        p = plan_person(plan, e->id);
        if (!p) return true;
        char *t[3] = {clean(e->text), clean(e->text2), clean(e->text3)};
        bool same = t[0] && t[1] && t[2] && !strcmp(p->name, t[0]) && !strcmp(p->relation, t[1]) &&
                    !strcmp(p->picto, t[2]);
        for (int i = 0; i < 3; i++)
            free(t[i]);
        return !same;
    }
    default:
        return true;
    }
}

/* A plan that is full says so in plain words: nothing is added that a
 * plan file could not hold (and the store could not read back). */
static const char *full(const Plan *plan, const Edit *e)
{
    switch (e->kind) {
    case EDIT_PERSON_ADD:
        return plan->n_people >= PLAN_PEOPLE_MAX
                   ? N_("Er passen niet meer dan 500 mensen in één plan.")
                   : NULL;
    case EDIT_GOAL_ADD:
        return plan->n_goals >= PLAN_GOALS_MAX
                   ? N_("Er passen niet meer dan 200 doelen in één plan.")
                   : NULL;
    case EDIT_AGREEMENT_ADD:
        return plan->n_agreements >= PLAN_AGREEMENTS_MAX
                   ? N_("Er passen niet meer dan 2000 afspraken in één plan.")
                   : NULL;
    case EDIT_ITEM_ADD:
        return e->field >= 0 && e->field < SECTION_COUNT &&
                       plan->section[e->field].n >= PLAN_ITEMS_MAX
                   ? N_("Er passen niet meer dan 500 dingen in één lijst.")
                   : NULL;
    case EDIT_VOICE_ADD:
        return plan->n_voices >= PLAN_VOICES_MAX
                   ? N_("Er passen niet meer dan 200 uitspraken van kinderen in één plan.")
                   : NULL;
    default:
        return NULL;
    }
}

const char *const plan_full_why = N_("Het plan is vol: deze wijziging past er niet meer in. "
                                     "Maak een tekst korter of haal iets weg.");

/* Whether the plan, with e applied, would be larger than a plan may be
 * as stored (PLAN_BYTES_MAX): then the store could not keep it and the
 * reader would not read it. Measured exactly only near the limit; else
 * the most e can add is counted (every byte of its texts escaped, and
 * room for the new thing's own fields). */
static bool too_big_after(const Plan *plan, const Edit *e)
{
    size_t now = planfile_size(plan);
    if (now == 0) return false; /* out of memory: the store says so */
    size_t most = 1024;
    const char *texts[4] = {e->text, e->text2, e->text3, e->text4};
    for (int i = 0; i < 4; i++)
        if (texts[i]) most += 6 * strnlen(texts[i], TEXT_MAX + 1);
    if (now + most <= PLAN_BYTES_MAX) return false;
    Plan *after = plan_clone(plan);
    if (!after) return false;
    bool big = apply_edit(after, e, NULL, NULL) == EDIT_OK && planfile_size(after) > PLAN_BYTES_MAX;
    plan_destroy(after);
    return big;
}

EditResult plan_apply(Plan *plan, const Edit *e, uint32_t *new_id, const char **why)
{
    const char *no_room = full(plan, e);
    if (no_room) {
        if (why) *why = no_room;
        if (new_id) *new_id = 0;
        return EDIT_INVALID;
    }
    bool content = changes_content(plan, e);
    if (content && too_big_after(plan, e)) {
        if (why) *why = plan_full_why;
        if (new_id) *new_id = 0;
        return EDIT_INVALID;
    }
    EditResult r = apply_edit(plan, e, new_id, why);
    if (r != EDIT_OK || !content) return r;
    /* What was agreed to is not what the plan says any more. */
    for (int i = 0; i < plan->n_people; i++) {
        Person *p = &plan->people[i];
        if (p->agreed_at) {
            p->agreed_at = 0;
            p->renew = true;
        }
    }
    if (plan->approved_at) {
        plan->approved_at = 0;
        plan->approval_renew = true;
    }
    return r;
}
