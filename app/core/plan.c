/* plan: creating, filling and looking up the plan. */
#include "core/plan.h"

#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROW(arr, n, cap)                                                     \
    do {                                                                      \
        if ((n) == (cap)) {                                                   \
            (cap) = (cap) ? (cap) * 2 : 16;                                   \
            (arr) = xrealloc((arr), sizeof *(arr) * (size_t)(cap));           \
        }                                                                     \
    } while (0)

Plan *plan_create(void)
{
    Plan *plan = xrealloc(NULL, sizeof *plan);
    memset(plan, 0, sizeof *plan);
    plan->family = xstrdup("");
    plan->question = xstrdup("");
    plan->children = xstrdup("");
    plan->next_id = 1;
    return plan;
}

void plan_destroy(Plan *plan)
{
    if (!plan)
        return;
    for (int i = 0; i < plan->n_people; i++) {
        free(plan->people[i].name);
        free(plan->people[i].relation);
    }
    for (int i = 0; i < plan->n_goals; i++)
        free(plan->goals[i].text);
    for (int i = 0; i < plan->n_agreements; i++) {
        free(plan->agreements[i].what);
        free(plan->agreements[i].when);
    }
    free(plan->people);
    free(plan->goals);
    free(plan->agreements);
    free(plan->family);
    free(plan->question);
    free(plan->children);
    free(plan);
}

void plan_set_family(Plan *plan, const char *family)
{
    free(plan->family);
    plan->family = xstrdup(family);
}

void plan_set_children(Plan *plan, const char *children)
{
    free(plan->children);
    plan->children = xstrdup(children);
}

void plan_set_question(Plan *plan, const char *question)
{
    free(plan->question);
    plan->question = xstrdup(question);
}

Place place_clamp(Place p)
{
    Place c = p;
    c.sector = c.sector < 0 ? 0 : c.sector >= SECTOR_COUNT ? SECTOR_COUNT - 1 : c.sector;
    c.ring = c.ring < 0 ? 0 : c.ring > RING_COUNT ? RING_COUNT : c.ring;
    c.u = c.u < 0 ? 0 : c.u > 1000 ? 1000 : c.u;
    c.v = c.v < 0 ? 0 : c.v > 1000 ? 1000 : c.v;
    return c;
}

bool plan_id_used(const Plan *plan, uint32_t id)
{
    for (int i = 0; i < plan->n_people; i++)
        if (plan->people[i].id == id)
            return true;
    for (int i = 0; i < plan->n_goals; i++)
        if (plan->goals[i].id == id)
            return true;
    for (int i = 0; i < plan->n_agreements; i++)
        if (plan->agreements[i].id == id)
            return true;
    return false;
}

static uint32_t take_id(Plan *plan, uint32_t wanted)
{
    uint32_t id = wanted && !plan_id_used(plan, wanted) ? wanted : plan->next_id;
    if (id >= plan->next_id)
        plan->next_id = id + 1;
    return id;
}

uint32_t plan_add_person(Plan *plan, const Person *t)
{
    GROW(plan->people, plan->n_people, plan->cap_people);
    Person *p = &plan->people[plan->n_people];
    *p = (Person){ .id = take_id(plan, t->id), .name = xstrdup(t->name),
                   .relation = xstrdup(t->relation), .place = place_clamp(t->place),
                   .present = t->present };
    plan->n_people++;
    return p->id;
}

uint32_t plan_add_goal(Plan *plan, const Goal *t)
{
    GROW(plan->goals, plan->n_goals, plan->cap_goals);
    Goal *g = &plan->goals[plan->n_goals];
    *g = (Goal){ .id = take_id(plan, t->id), .text = xstrdup(t->text) };
    plan->n_goals++;
    return g->id;
}

uint32_t plan_add_agreement(Plan *plan, const Agreement *t)
{
    GROW(plan->agreements, plan->n_agreements, plan->cap_agreements);
    Agreement *a = &plan->agreements[plan->n_agreements];
    *a = (Agreement){ .id = take_id(plan, t->id), .goal = t->goal,
                      .person = t->person, .what = xstrdup(t->what),
                      .when = xstrdup(t->when), .checker = t->checker };
    plan->n_agreements++;
    return a->id;
}

Person *plan_person(const Plan *plan, uint32_t id)
{
    for (int i = 0; i < plan->n_people; i++)
        if (plan->people[i].id == id)
            return &plan->people[i];
    return NULL;
}

Goal *plan_goal(const Plan *plan, uint32_t id)
{
    for (int i = 0; i < plan->n_goals; i++)
        if (plan->goals[i].id == id)
            return &plan->goals[i];
    return NULL;
}

bool plan_move_person(Plan *plan, uint32_t id, Place place)
{
    Person *p = plan_person(plan, id);
    if (!p)
        return false;
    p->place = place_clamp(place);
    return true;
}
