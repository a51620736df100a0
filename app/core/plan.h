/* plan: the family group plan (familiegroepsplan) in memory.
 *
 * Plain C, no SDL. The Plan owns every string and array in it. Objects
 * refer to each other by id (never by pointer); ids are never reused
 * within a plan. Positions are stored as exact integers (per mille) so a
 * plan written to a file and read back is identical. */
#ifndef KRING_PLAN_H
#define KRING_PLAN_H

#include <stdbool.h>
#include <stdint.h>

typedef enum Sector {
    SECTOR_FAMILY,        /* familie */
    SECTOR_FRIENDS,       /* vrienden & buren */
    SECTOR_SCHOOL,        /* school, werk & clubs */
    SECTOR_PROFESSIONALS, /* professionals */
    SECTOR_COUNT
} Sector;

enum { RING_TRAY = 0, RING_COUNT = 3 }; /* rings 1 (very close) .. 3 */

/* Where a card lies: its ring and sector, and where inside that piece of
 * ring (u along the sector, v from the inner to the outer edge, both per
 * mille). Ring 0 means the card waits in the tray. */
typedef struct Place {
    int sector, ring;
    int u, v;
} Place;

typedef struct Person {
    uint32_t id;
    char *name;
    char *relation;
    Place place;
    bool present;
} Person;

typedef struct Goal {
    uint32_t id;
    char *text;
} Goal;

typedef struct Agreement {
    uint32_t id;
    uint32_t goal;
    uint32_t person;  /* who does it */
    char *what;
    char *when;
    uint32_t checker; /* person id, 0 when nobody is named */
} Agreement;

typedef struct Plan {
    char *family;   /* "Jansen" */
    char *children; /* the child or children the plan is about */
    char *question; /* the central question */
    Person *people;
    int n_people, cap_people;
    Goal *goals;    /* in order of importance */
    int n_goals, cap_goals;
    Agreement *agreements;
    int n_agreements, cap_agreements;
    uint32_t next_id;
} Plan;

Plan *plan_create(void);
void plan_destroy(Plan *plan);

/* Setters copy their strings. */
void plan_set_family(Plan *plan, const char *family);
void plan_set_children(Plan *plan, const char *children);
void plan_set_question(Plan *plan, const char *question);

/* Adders copy the template (and its strings; NULL strings become "") and
 * return the new object's id: the template's id when it is non-zero and
 * unused, else a fresh one. */
uint32_t plan_add_person(Plan *plan, const Person *tmpl);
uint32_t plan_add_goal(Plan *plan, const Goal *tmpl);
uint32_t plan_add_agreement(Plan *plan, const Agreement *tmpl);

/* True when any object in the plan has this id. */
bool plan_id_used(const Plan *plan, uint32_t id);

/* NULL when no object has that id. */
Person *plan_person(const Plan *plan, uint32_t id);
Goal *plan_goal(const Plan *plan, uint32_t id);

/* Moves a person to a place (clamped to valid values). False if no such
 * person. */
bool plan_move_person(Plan *plan, uint32_t id, Place place);

/* Clamps a place into range: sector 0..3, ring 0..3, u and v 0..1000. */
Place place_clamp(Place p);

#endif
