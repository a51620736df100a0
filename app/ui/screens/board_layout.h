/* board_layout: where everything on the board goes — the map with its
 * rings and sectors, the goals column, the tray with "+ person" and the
 * bin — and where each person's card rests: where it was dropped, unless
 * it would hide too much of the cards before it (settling moves only the
 * picture, never the stored place). Geometry only; board.c draws. */
#ifndef KRING_BOARD_LAYOUT_H
#define KRING_BOARD_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/gesture.h"
#include "core/netmap.h"
#include "core/plan.h"
#include "ui/ui.h"

enum { BOARD_PEOPLE_MAX = 512 }; /* cards placed with care; more are placed as dropped */

typedef struct Layout {
    int pad, radius, target;
    Rect top, map, goals, tray;
    Rect add, bin; /* in the tray: "+ person", and the bin */
    bool split;    /* a small screen: the map and the goals are two views a tap apart */
    Rect flip;     /* then, in the tray: the button to the other view */
    NetMap net;
    int card_w, card_h;
    bool compact; /* a crowded map: one-line cards */
    bool faces;   /* too crowded even for those: round faces, the name on a tap */
    int n_home;
    Point home[BOARD_PEOPLE_MAX]; /* where each person's card rests (plan order) */
} Layout;

/* Where the cards rest, kept while nothing they depend on changes
 * (settling them is the costly part). */
typedef struct BoardSettled {
    uint64_t key;
    int n;
    Point home[BOARD_PEOPLE_MAX];
} BoardSettled;

/* The board's layout below `top` (the step bar), with the cards' resting
 * places from st when nothing they depend on has changed. On a small
 * screen (split) the map and the goals take the same place, one at a
 * time. */
Layout board_layout(const Ui *ui, BoardSettled *st, const Plan *plan, int top);

/* Where a sector's name stands: in its corner of the map (cards keep
 * clear of it). */
Rect board_sector_label(const Ui *ui, const Layout *L, int sector);

/* The words on the button to the other view: to the goals, or the map. */
const char *board_flip_label(const Ui *ui, bool to_goals);

/* What a card says: the whole name, or on one-line cards the first name
 * (how the family calls each other; "(oma Jamila)" counts as a name). */
const char *board_card_name(const Layout *L, const Person *p, char *buf, size_t n);
/* A card centred at c, as wide as its name and relation need (up to L->card_w). */
Rect board_card_at(const Ui *ui, const Layout *L, const Person *p, Point c);
/* Centre of a person's card when nobody is dragging it. */
Point board_person_home(const Layout *L, const Ui *ui, const Plan *plan, const Person *p);
/* A point of card i that no card drawn after it covers: where a finger
 * (or a script) should aim at it. */
Point board_visible_point(const Ui *ui, const Layout *L, const Plan *plan, int i);

/* The drop a dragging finger would make now: a place on the map, the
 * tray, the bin, or nothing. */
typedef struct Drop {
    bool valid;
    bool bin; /* onto the bin: take the person out */
    Place place;
} Drop;
Point board_drag_centre(const Layout *L, const Ui *ui, const Plan *plan, const Finger *f,
                        const Person *p);
Drop board_drop_for(const Layout *L, Point c, Point finger);

#endif
