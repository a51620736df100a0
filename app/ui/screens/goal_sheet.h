/* goalsheet: the sheets for a goal (its words and life area) and for an
 * agreement (who does what for a goal, when, and who checks). Shown over
 * the board, with the keyboard while typing. Like the person sheet it
 * keeps what is typed until "Klaar", hands the app one Edit (borrowing
 * its texts) and stays open until the app has taken it. */
#ifndef KRING_GOALSHEET_H
#define KRING_GOALSHEET_H

#include <stdbool.h>
#include <stdint.h>

#include "core/edit.h"
#include "core/gesture.h"
#include "core/plan.h"
#include "core/textedit.h"
#include "ui/form.h"
#include "ui/keyboard.h"
#include "ui/screens/person_sheet.h"
#include "ui/ui.h"

typedef enum GoalSheetKind { GOALSHEET_GOAL = 1, GOALSHEET_AGREEMENT } GoalSheetKind;

typedef struct GoalSheet {
    bool open;
    GoalSheetKind kind;
    uint32_t id;          /* the goal or agreement; 0 for a new one */
    uint32_t goal;        /* an agreement's goal */
    TextEdit text;        /* the goal's words, or what is agreed */
    TextEdit when;        /* when or how often, in words */
    Schedule sched;       /* when, as tapped */
    char default_day[11]; /* the day a schedule starts from when one is chosen */
    int area;
    uint32_t people[AGREEMENT_PEOPLE_MAX];
    int n_people;
    uint32_t checker;
    int focus; /* 0 none, 1 text, 2 when */
    const char *why;
    FormScroll scroll;
} GoalSheet;

void goalsheet_init(GoalSheet *s);
void goalsheet_fini(GoalSheet *s);
void goalsheet_open_goal(GoalSheet *s, const Plan *plan, uint32_t goal);
/* An agreement: an existing one (id), or a new one for goal and person. */
void goalsheet_open_agreement(GoalSheet *s, const Plan *plan, uint32_t id, uint32_t goal,
                              uint32_t person);
void goalsheet_draw(Ui *ui, GoalSheet *s, const Plan *plan, const Keyboard *kb);
SheetResult goalsheet_gesture(Ui *ui, GoalSheet *s, const Plan *plan, Keyboard *kb,
                              const Gesture *ev, Edit *edit);
SheetResult goalsheet_text(GoalSheet *s, const char *text);
SheetResult goalsheet_key(GoalSheet *s, SheetKey key, Edit *edit);
/* The Edit that "Weghalen" makes. */
Edit goalsheet_removal(const GoalSheet *s);
void goalsheet_taken(GoalSheet *s, bool ok, const char *why);

#endif
