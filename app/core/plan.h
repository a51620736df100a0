/* plan: the family group plan (familiegroepsplan) in memory.
 *
 * Plain C, no SDL. Covers every part a family group plan has (README.md: Using Kring). The Plan
 * owns every string and array in it. Objects refer to each other by id (never by pointer); ids are
 * unique across the plan and never reused. Positions are exact integers (per mille) so a plan
 * written to a file and read back is identical. Changes go through plan_apply() (core/edit.h); the
 * functions here build and look up. */
#ifndef KRING_PLAN_H
#define KRING_PLAN_H

#include <stdbool.h>
#include <stdint.h>

enum {
    TEXT_MAX = 40000, /* bytes in any one text: 10,000 characters */
    /* the most of each a plan holds: what the touchscreen can add and a
     * plan file may hold are the same, so what is stored reads back */
    PLAN_PEOPLE_MAX = 500,
    PLAN_GOALS_MAX = 200,
    PLAN_AGREEMENTS_MAX = 2000,
    PLAN_ITEMS_MAX = 500, /* per list */
    PLAN_VOICES_MAX = 200,
    AGREEMENT_PEOPLE_MAX = 8, /* people sharing one agreement */
    /* the most a plan holds in all, as stored (its plan file): every tap
     * stores the whole plan, and the paper of one this full runs to some
     * 70 pages; the store keeps nothing larger and the reader reads
     * nothing larger (planfile_size) */
    PLAN_BYTES_MAX = 256 << 10,
    SCALE_NONE = -1, /* a person without a marker on the scale */
};

typedef enum Sector {
    SECTOR_FAMILY,        /* familie */
    SECTOR_FRIENDS,       /* vrienden & buren */
    SECTOR_SCHOOL,        /* school, werk & clubs */
    SECTOR_PROFESSIONALS, /* professionals */
    SECTOR_COUNT
} Sector;

enum { RING_TRAY = 0, RING_COUNT = 3 }; /* rings 1 (very close) .. 3 */

/* Life areas a goal may carry a pictogram of. */
typedef enum Area {
    AREA_NONE,
    AREA_SCHOOL,
    AREA_HOME,
    AREA_MONEY,
    AREA_HEALTH,
    AREA_WORK,
    AREA_SAFETY,
    AREA_COUNT
} Area;

/* The plan's lists of short items. */
typedef enum Section {
    SECTION_CONCERNS,   /* zorgen */
    SECTION_CONDITIONS, /* ondergrenzen, set by the referrer */
    SECTION_GOING_WELL, /* wat gaat goed */
    SECTION_STRENGTHS,  /* krachten */
    SECTION_DREAM,      /* droom en wensen */
    SECTION_HELP,       /* hulp gevraagd aan professionals */
    SECTION_SAFETY,     /* veiligheid en plan B */
    SECTION_COUNT
} Section;

/* The plan's single texts. */
typedef enum PlanField {
    FIELD_FAMILY,
    FIELD_CHILDREN,
    FIELD_DATE,
    FIELD_PLACE,
    FIELD_QUESTION,
    FIELD_COUNT
} PlanField;

/* Where a card lies: its ring and sector, and where inside that piece of
 * ring (u along the sector, v from the inner to the outer edge, both per
 * mille). Ring 0 means the card waits in the tray. */
typedef struct Place {
    int sector, ring;
    int u, v;
} Place;

typedef struct Item {
    uint32_t id;
    char *text;
} Item;

typedef struct ItemList {
    Item *items;
    int n, cap;
} ItemList;

typedef struct Person {
    uint32_t id;
    char *name;
    char *relation; /* in the family's words: "oma", "juf van Sam" */
    char *picto;    /* key of a relation pictogram, "" for none */
    Place place;
    bool present;      /* in the room */
    int scale;         /* own marker on the 0..10 scale, or SCALE_NONE */
    int64_t agreed_at; /* when they tapped their name to agree; 0: not yet */
    bool renew;        /* had agreed, and the plan changed since: ask again */
    bool child;        /* a child the plan is about: in the centre of the map, not on a
                          ring; on the scale, agreeing, checking like everyone */
} Person;

typedef struct Goal {
    uint32_t id;
    char *text;
    int area; /* Area */
} Goal;

/* How often an agreement comes back, as tapped (so a phone can remind). */
typedef enum Repeat {
    REPEAT_NONE,        /* only the words in Agreement.when */
    REPEAT_ONCE,        /* on Schedule.date */
    REPEAT_DAILY,       /* every day */
    REPEAT_SCHOOLDAYS,  /* Monday to Friday */
    REPEAT_WEEKLY,      /* every week on Schedule.days */
    REPEAT_FORTNIGHTLY, /* every other week on Schedule.days */
    REPEAT_MONTHLY,     /* every month on the day of Schedule.date */
    REPEAT_COUNT
} Repeat;

enum { WEEK_DAYS = 7, ALL_DAYS = 0x7F }; /* Schedule.days: bit 0 Monday .. bit 6 Sunday */

typedef struct Schedule {
    int repeat;    /* Repeat */
    unsigned days; /* REPEAT_WEEKLY, REPEAT_FORTNIGHTLY: which days (at least one) */
    char date[11]; /* "YYYY-MM-DD": the day (REPEAT_ONCE), the first day (REPEAT_MONTHLY:
                      needed, and its day of the month), "" for from the meeting's date */
    char time[6];  /* "HH:MM", or "" when it has no time of day */
} Schedule;

typedef struct Agreement {
    uint32_t id;
    uint32_t goal;
    uint32_t people[AGREEMENT_PEOPLE_MAX]; /* who does it: at least one */
    int n_people;
    char *what;
    char *when;        /* when or how often, in the family's words (beside the schedule) */
    Schedule schedule; /* when, as tapped */
    uint32_t checker;  /* who checks that it happened; 0: nobody named */
} Agreement;

/* What the child says, in its own words, with a support person. */
typedef struct Voice {
    uint32_t id;
    char *child; /* the child's name */
    char *text;
    uint32_t support; /* person id, 0 for none */
} Voice;

typedef struct Evaluation {
    char *date;        /* "YYYY-MM-DD" or "" */
    char *start, *end; /* "HH:MM" or "" */
    char *place;
    uint32_t convener; /* person id, 0 for none */
} Evaluation;

typedef struct Plan {
    char *field[FIELD_COUNT]; /* family, children, date, place, question */
    ItemList section[SECTION_COUNT];
    Person *people;
    int n_people, cap_people;
    Goal *goals; /* in order of importance */
    int n_goals, cap_goals;
    Agreement *agreements;
    int n_agreements, cap_agreements;
    Voice *voices;
    int n_voices, cap_voices;
    Evaluation eval;
    int64_t approved_at; /* facilitator's approval; 0: not yet */
    bool approval_renew; /* was approved, and the plan changed since */
    uint32_t next_id;
} Plan;

/* An empty plan; NULL when memory is short. */
Plan *plan_create(void);
void plan_destroy(Plan *plan);
/* Empties the plan in place, as plan_create() makes it; needs no memory. */
void plan_reset(Plan *plan);
/* A deep copy (caller destroys); NULL when memory is short. */
Plan *plan_clone(const Plan *plan);

/* Adders copy the template and its strings (NULL strings become "") and
 * return the new object's id: the template's id when it is non-zero and
 * unused, else a fresh one. They do not validate: plan_apply() does.
 * When memory is short they return 0 (ids start at 1) and the setters
 * false, and the plan is unchanged. */
uint32_t plan_add_person(Plan *plan, const Person *tmpl);
uint32_t plan_add_goal(Plan *plan, const Goal *tmpl);
uint32_t plan_add_agreement(Plan *plan, const Agreement *tmpl);
uint32_t plan_add_voice(Plan *plan, const Voice *tmpl);
uint32_t plan_add_item(Plan *plan, int section, uint32_t id, const char *text);
bool plan_set_field(Plan *plan, int field, const char *text);
bool plan_set_evaluation(Plan *plan, const Evaluation *e);

/* A person's name, "?" when nobody has that id (a reference to someone
 * taken out meanwhile). */
const char *plan_person_name(const Plan *plan, uint32_t id);
/* True when person is one of those who do a. */
bool agreement_does(const Agreement *a, uint32_t person);

/* Lookups: NULL when no object has that id. */
Person *plan_person(const Plan *plan, uint32_t id);
Goal *plan_goal(const Plan *plan, uint32_t id);
Agreement *plan_agreement(const Plan *plan, uint32_t id);
Voice *plan_voice(const Plan *plan, uint32_t id);
/* The item with that id in any section; *section gets its section. */
Item *plan_item(const Plan *plan, uint32_t id, int *section);
bool plan_id_used(const Plan *plan, uint32_t id);

/* Makes every child named in the "children" field ("Sam en Noor", "Sam,
 * Noor & Eva") a person of the plan (Person.child) unless someone of that
 * name is one already. All or nothing: false when memory is short, and
 * the plan is as it was. */
bool plan_children_as_people(Plan *plan);

/* Convenience accessors for the single texts. */
static inline const char *plan_family(const Plan *p)
{
    return p->field[FIELD_FAMILY];
}
static inline const char *plan_children(const Plan *p)
{
    return p->field[FIELD_CHILDREN];
}
static inline const char *plan_question(const Plan *p)
{
    return p->field[FIELD_QUESTION];
}

/* Clamps a place into range: sector 0..3, ring 0..3, u and v 0..1000. */
Place place_clamp(Place p);

/* A sector's name as a family says it, in Dutch (to translate:
 * "Vrienden & buren"). */
const char *sector_name(int sector);

/* Stable names used in files and widget ids. NULL/-1 when unknown. */
const char *sector_key(int sector);
int sector_from_key(const char *key);
const char *area_key(int area);
int area_from_key(const char *key);
const char *section_key(int section);
int section_from_key(const char *key);
const char *field_key(int field);

/* Stable names of repeats and week days in files ("weekly", "mon"). */
const char *repeat_key(int repeat);
int repeat_from_key(const char *key);
const char *weekday_key(int day);
int weekday_from_key(const char *key);
/* NULL when the schedule is whole (a day for ONCE and MONTHLY, days for WEEKLY and
 * FORTNIGHTLY, a real date and time where given), else why not (a msgid). */
const char *schedule_problem(const Schedule *s);

/* True for a real calendar date "YYYY-MM-DD" (years 1900..2999). */
bool plan_valid_date(const char *s);
/* Days since 1970-01-01 of a real date "YYYY-MM-DD" (or of y-m-d), and
 * back; its day of the week (0 Monday .. 6 Sunday). */
long plan_day_number(const char *iso);
long plan_days_from_civil(int y, int m, int d);
void plan_day_date(long day, char out[11]);
int plan_weekday(const char *iso);
/* True for a time of day "HH:MM". */
bool plan_valid_time(const char *s);

#endif
