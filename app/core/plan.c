/* plan: building, copying and looking up the plan. */
#include "core/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/utf8.h"

/* Room for one more element of size bytes in *arr (n used of *cap); false
 * when memory is short, the array then as it was. */
static bool grow(void *arr, int n, int *cap, size_t size)
{
    if (n < *cap) return true;
    int c = *cap ? *cap * 2 : 16;
    void *p = mem_realloc(*(void **)arr, size * (size_t)c);
    if (!p) return false;
    *(void **)arr = p;
    *cap = c;
    return true;
}

#define GROW(arr, n, cap) grow(&(arr), (n), &(cap), sizeof *(arr))

static const char *const sector_keys[SECTOR_COUNT] = {
    "family",
    "friends",
    "school",
    "professionals",
};
static const char *const area_keys[AREA_COUNT] = {
    "", "school", "home", "money", "health", "work", "safety",
};
static const char *const section_keys[SECTION_COUNT] = {
    "concerns", "conditions", "going_well", "strengths", "dream", "help", "safety",
};
static const char *const field_keys[FIELD_COUNT] = {
    "family", "children", "date", "place", "question",
};

static int key_index(const char *const *keys, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (key && strcmp(keys[i], key) == 0) return i;
    return -1;
}

const char *sector_name(int s)
{
    static const char *const names[SECTOR_COUNT] = {
        N_("Familie"),
        N_("Vrienden & buren"),
        N_("School, werk & clubs"),
        N_("Professionals"),
    };
    return names[s >= 0 && s < SECTOR_COUNT ? s : 0];
}

const char *sector_key(int s)
{
    return s >= 0 && s < SECTOR_COUNT ? sector_keys[s] : NULL;
}
int sector_from_key(const char *k)
{
    return key_index(sector_keys, SECTOR_COUNT, k);
}
const char *area_key(int a)
{
    return a >= 0 && a < AREA_COUNT ? area_keys[a] : NULL;
}
int area_from_key(const char *k)
{
    return key_index(area_keys, AREA_COUNT, k);
}
const char *section_key(int s)
{
    return s >= 0 && s < SECTION_COUNT ? section_keys[s] : NULL;
}
int section_from_key(const char *k)
{
    return key_index(section_keys, SECTION_COUNT, k);
}
const char *field_key(int f)
{
    return f >= 0 && f < FIELD_COUNT ? field_keys[f] : NULL;
}

Plan *plan_create(void)
{
    Plan *plan = mem_calloc(1, sizeof *plan);
    if (!plan) return NULL;
    bool ok = true;
    for (int i = 0; i < FIELD_COUNT; i++)
        ok = (plan->field[i] = mem_strdup("")) && ok;
    plan->eval = (Evaluation){mem_strdup(""), mem_strdup(""), mem_strdup(""), mem_strdup(""), 0};
    ok = ok && plan->eval.date && plan->eval.start && plan->eval.end && plan->eval.place;
    plan->next_id = 1;
    if (!ok) {
        plan_destroy(plan);
        return NULL;
    }
    return plan;
}

static void free_person(Person *p)
{
    free(p->name);
    free(p->relation);
    free(p->picto);
}

static void free_agreement(Agreement *a)
{
    free(a->what);
    free(a->when);
}

static void free_voice(Voice *v)
{
    free(v->child);
    free(v->text);
}

/* Frees the lists and everything in them, leaving them empty; the single
 * texts stay. */
static void free_lists(Plan *plan)
{
    for (int s = 0; s < SECTION_COUNT; s++) {
        for (int i = 0; i < plan->section[s].n; i++)
            free(plan->section[s].items[i].text);
        free(plan->section[s].items);
        plan->section[s] = (ItemList){0};
    }
    for (int i = 0; i < plan->n_people; i++)
        free_person(&plan->people[i]);
    for (int i = 0; i < plan->n_goals; i++)
        free(plan->goals[i].text);
    for (int i = 0; i < plan->n_agreements; i++)
        free_agreement(&plan->agreements[i]);
    for (int i = 0; i < plan->n_voices; i++)
        free_voice(&plan->voices[i]);
    free(plan->people);
    free(plan->goals);
    free(plan->agreements);
    free(plan->voices);
    plan->people = NULL;
    plan->goals = NULL;
    plan->agreements = NULL;
    plan->voices = NULL;
    plan->n_people = plan->cap_people = plan->n_goals = plan->cap_goals = 0;
    plan->n_agreements = plan->cap_agreements = plan->n_voices = plan->cap_voices = 0;
}

void plan_destroy(Plan *plan)
{
    if (!plan) return;
    free_lists(plan);
    for (int i = 0; i < FIELD_COUNT; i++)
        free(plan->field[i]);
    free(plan->eval.date);
    free(plan->eval.start);
    free(plan->eval.end);
    free(plan->eval.place);
    free(plan);
}

void plan_reset(Plan *plan)
{
    free_lists(plan);
    for (int i = 0; i < FIELD_COUNT; i++)
        plan->field[i][0] = '\0';
    plan->eval.date[0] = plan->eval.start[0] = plan->eval.end[0] = plan->eval.place[0] = '\0';
    plan->eval.convener = 0;
    plan->approved_at = 0;
    plan->approval_renew = false;
    plan->next_id = 1;
}

Plan *plan_clone(const Plan *src)
{
    Plan *p = plan_create();
    if (!p) return NULL;
    bool ok = true;
    for (int i = 0; ok && i < FIELD_COUNT; i++)
        ok = plan_set_field(p, i, src->field[i]);
    for (int s = 0; ok && s < SECTION_COUNT; s++)
        for (int i = 0; ok && i < src->section[s].n; i++)
            ok = plan_add_item(p, s, src->section[s].items[i].id, src->section[s].items[i].text);
    for (int i = 0; ok && i < src->n_people; i++)
        ok = plan_add_person(p, &src->people[i]);
    for (int i = 0; ok && i < src->n_goals; i++)
        ok = plan_add_goal(p, &src->goals[i]);
    for (int i = 0; ok && i < src->n_agreements; i++)
        ok = plan_add_agreement(p, &src->agreements[i]);
    for (int i = 0; ok && i < src->n_voices; i++)
        ok = plan_add_voice(p, &src->voices[i]);
    if (!ok || !plan_set_evaluation(p, &src->eval)) {
        plan_destroy(p);
        return NULL;
    }
    p->approved_at = src->approved_at;
    p->approval_renew = src->approval_renew;
    p->next_id = src->next_id;
    return p;
}

bool plan_set_field(Plan *plan, int field, const char *text)
{
    if (field < 0 || field >= FIELD_COUNT) return true;
    char *t = mem_strdup(text);
    if (!t) return false;
    free(plan->field[field]);
    plan->field[field] = t;
    return true;
}

bool plan_set_evaluation(Plan *plan, const Evaluation *e)
{
    Evaluation n = {mem_strdup(e->date), mem_strdup(e->start), mem_strdup(e->end),
                    mem_strdup(e->place), e->convener};
    if (!n.date || !n.start || !n.end || !n.place) {
        free(n.date);
        free(n.start);
        free(n.end);
        free(n.place);
        return false;
    }
    free(plan->eval.date);
    free(plan->eval.start);
    free(plan->eval.end);
    free(plan->eval.place);
    plan->eval = n;
    return true;
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

Item *plan_item(const Plan *plan, uint32_t id, int *section)
{
    for (int s = 0; s < SECTION_COUNT; s++)
        for (int i = 0; i < plan->section[s].n; i++)
            if (plan->section[s].items[i].id == id) {
                if (section) *section = s;
                return &plan->section[s].items[i];
            }
    return NULL;
}

bool plan_id_used(const Plan *plan, uint32_t id)
{
    return plan_person(plan, id) || plan_goal(plan, id) || plan_agreement(plan, id) ||
           plan_voice(plan, id) || plan_item(plan, id, NULL);
}

static uint32_t take_id(Plan *plan, uint32_t wanted)
{
    uint32_t id = wanted && !plan_id_used(plan, wanted) ? wanted : plan->next_id;
    if (id >= plan->next_id) plan->next_id = id + 1;
    return id;
}

/* The adders allocate everything first and take an id last, so a plan
 * short of memory is left exactly as it was. */
uint32_t plan_add_person(Plan *plan, const Person *t)
{
    char *name = mem_strdup(t->name), *rel = mem_strdup(t->relation), *picto = mem_strdup(t->picto);
    if (!name || !rel || !picto || !GROW(plan->people, plan->n_people, plan->cap_people)) {
        free(name);
        free(rel);
        free(picto);
        return 0;
    }
    uint32_t id = take_id(plan, t->id); /* before the new slot counts */
    Person *p = &plan->people[plan->n_people++];
    *p = (Person){.id = id,
                  .name = name,
                  .relation = rel,
                  .picto = picto,
                  .place = place_clamp(t->place),
                  .present = t->present,
                  .scale = t->scale < SCALE_NONE || t->scale > 10 ? SCALE_NONE : t->scale,
                  .agreed_at = t->agreed_at,
                  .renew = t->renew,
                  .child = t->child};
    return p->id;
}

uint32_t plan_add_goal(Plan *plan, const Goal *t)
{
    char *text = mem_strdup(t->text);
    if (!text || !GROW(plan->goals, plan->n_goals, plan->cap_goals)) {
        free(text);
        return 0;
    }
    uint32_t id = take_id(plan, t->id);
    Goal *g = &plan->goals[plan->n_goals++];
    *g = (Goal){
        .id = id, .text = text, .area = t->area >= 0 && t->area < AREA_COUNT ? t->area : AREA_NONE};
    return g->id;
}

uint32_t plan_add_agreement(Plan *plan, const Agreement *t)
{
    char *what = mem_strdup(t->what), *when = mem_strdup(t->when);
    if (!what || !when || !GROW(plan->agreements, plan->n_agreements, plan->cap_agreements)) {
        free(what);
        free(when);
        return 0;
    }
    uint32_t id = take_id(plan, t->id);
    Agreement *a = &plan->agreements[plan->n_agreements++];
    *a = (Agreement){.id = id,
                     .goal = t->goal,
                     .what = what,
                     .when = when,
                     .schedule = t->schedule,
                     .checker = t->checker};
    a->n_people = t->n_people < 0                      ? 0
                  : t->n_people > AGREEMENT_PEOPLE_MAX ? AGREEMENT_PEOPLE_MAX
                                                       : t->n_people;
    memcpy(a->people, t->people, sizeof a->people[0] * (size_t)a->n_people);
    return a->id;
}

uint32_t plan_add_voice(Plan *plan, const Voice *t)
{
    char *child = mem_strdup(t->child), *text = mem_strdup(t->text);
    if (!child || !text || !GROW(plan->voices, plan->n_voices, plan->cap_voices)) {
        free(child);
        free(text);
        return 0;
    }
    uint32_t id = take_id(plan, t->id);
    Voice *v = &plan->voices[plan->n_voices++];
    *v = (Voice){.id = id, .child = child, .text = text, .support = t->support};
    return v->id;
}

uint32_t plan_add_item(Plan *plan, int section, uint32_t id, const char *text)
{
    if (section < 0 || section >= SECTION_COUNT) return 0;
    ItemList *l = &plan->section[section];
    char *t = mem_strdup(text);
    if (!t || !GROW(l->items, l->n, l->cap)) {
        free(t);
        return 0;
    }
    uint32_t got = take_id(plan, id);
    Item *it = &l->items[l->n++];
    *it = (Item){.id = got, .text = t};
    return it->id;
}

#define FIND(arr, n)                                                                               \
    for (int i = 0; i < (n); i++)                                                                  \
        if ((arr)[i].id == id) return &(arr)[i];                                                   \
    return NULL

Person *plan_person(const Plan *plan, uint32_t id)
{
    FIND(plan->people, plan->n_people);
}
Goal *plan_goal(const Plan *plan, uint32_t id)
{
    FIND(plan->goals, plan->n_goals);
}
Agreement *plan_agreement(const Plan *plan, uint32_t id)
{
    FIND(plan->agreements, plan->n_agreements);
}
Voice *plan_voice(const Plan *plan, uint32_t id)
{
    FIND(plan->voices, plan->n_voices);
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool plan_valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
        !digits(s + 8, 2))
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

static const char *const repeat_keys[REPEAT_COUNT] = {
    "none", "once", "daily", "school_days", "weekly", "fortnightly", "monthly"};
static const char *const weekday_keys[WEEK_DAYS] = {"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};

const char *repeat_key(int repeat)
{
    return repeat >= 0 && repeat < REPEAT_COUNT ? repeat_keys[repeat] : NULL;
}

int repeat_from_key(const char *key)
{
    for (int i = 0; key && i < REPEAT_COUNT; i++)
        if (strcmp(key, repeat_keys[i]) == 0) return i;
    return -1;
}

const char *weekday_key(int day)
{
    return day >= 0 && day < WEEK_DAYS ? weekday_keys[day] : NULL;
}

int weekday_from_key(const char *key)
{
    for (int i = 0; key && i < WEEK_DAYS; i++)
        if (strcmp(key, weekday_keys[i]) == 0) return i;
    return -1;
}

const char *schedule_problem(const Schedule *s)
{
    if (s->repeat < 0 || s->repeat >= REPEAT_COUNT) return N_("Kies hoe vaak het gebeurt.");
    if (memchr(s->date, '\0', sizeof s->date) == NULL ||
        memchr(s->time, '\0', sizeof s->time) == NULL ||
        (s->date[0] && !plan_valid_date(s->date)) || (s->time[0] && !plan_valid_time(s->time)))
        return N_("Die dag of tijd bestaat niet.");
    if ((s->repeat == REPEAT_ONCE || s->repeat == REPEAT_MONTHLY) && !s->date[0])
        return N_("Kies op welke dag het gebeurt.");
    if ((s->repeat == REPEAT_WEEKLY || s->repeat == REPEAT_FORTNIGHTLY) &&
        (s->days & ALL_DAYS) == 0)
        return N_("Kies op welke dag van de week het gebeurt.");
    if (s->days & ~(unsigned)ALL_DAYS) return N_("Die dag of tijd bestaat niet.");
    return NULL;
}

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's). */
long plan_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void plan_day_date(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    if (y < 0 || y > 9999) y = 9999; /* never: dates are years 1900..2999 */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

long plan_day_number(const char *iso)
{
    return plan_days_from_civil(atoi(iso), atoi(iso + 5), atoi(iso + 8));
}

int plan_weekday(const char *iso)
{
    long day = plan_day_number(iso);
    return (int)((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

const char *plan_person_name(const Plan *plan, uint32_t id)
{
    const Person *p = plan_person(plan, id);
    return p ? p->name : "?";
}

bool agreement_does(const Agreement *a, uint32_t person)
{
    for (int k = 0; k < a->n_people; k++)
        if (a->people[k] == person) return true;
    return false;
}

bool plan_valid_time(const char *s)
{
    if (!s || strlen(s) != 5 || s[2] != ':' || !digits(s, 2) || !digits(s + 3, 2)) return false;
    return atoi(s) < 24 && atoi(s + 3) < 60;
}

/* The next child's name in s from *at ("Sam en Noor": "Sam", then "Noor"),
 * into out; false when there is none. */
static bool next_child(const char *s, size_t *at, char *out, size_t n)
{
    static const char *const seps[] = {",", "&", "+", " en ", " and ", NULL};
    while (s[*at]) {
        size_t end = strlen(s + *at), skip = 0;
        for (int k = 0; seps[k]; k++) {
            const char *hit = strstr(s + *at, seps[k]);
            if (hit && (size_t)(hit - (s + *at)) < end) {
                end = (size_t)(hit - (s + *at));
                skip = strlen(seps[k]);
            }
        }
        size_t from = *at, len = end;
        *at += end + skip;
        while (len && s[from] == ' ')
            from++, len--;
        while (len && s[from + len - 1] == ' ')
            len--;
        if (len && len < n) {
            memcpy(out, s + from, len);
            out[len] = '\0';
            return true;
        }
    }
    return false;
}

bool plan_children_as_people(Plan *plan)
{
    int before = plan->n_people;
    uint32_t next = plan->next_id;
    size_t at = 0;
    char name[200];
    while (next_child(plan_children(plan), &at, name, sizeof name)) {
        utf8_strip_bidi_controls(name); /* a name as the map takes it */
        if (!utf8_has_visible(name)) continue;
        bool known = false;
        for (int i = 0; i < plan->n_people && !known; i++)
            known = strcmp(plan->people[i].name, name) == 0;
        if (known) continue;
        if (plan->n_people >= PLAN_PEOPLE_MAX) break; /* a full plan: named, not drawn */
        Person child = {.name = name,
                        .relation = "",
                        .picto = "",
                        .present = true,
                        .scale = SCALE_NONE,
                        .child = true,
                        .place = {.sector = SECTOR_FAMILY}};
        if (!plan_add_person(plan, &child)) { /* short of memory: as it was */
            while (plan->n_people > before) {
                Person *p = &plan->people[--plan->n_people];
                free(p->name);
                free(p->relation);
                free(p->picto);
            }
            plan->next_id = next;
            return false;
        }
    }
    return true;
}
