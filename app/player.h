/* player: plays a test script against the running App.
 *
 * Touches become SDL events pushed into SDL's own queue, so they travel
 * the same path a real finger does. Time is virtual: a 300 ms drag takes
 * 300 ms of the App's clock, not of the wall clock, so scripts are fast
 * and repeatable. */
#ifndef KRING_PLAYER_H
#define KRING_PLAYER_H

#include <stddef.h>

#include "app.h"
#include "core/script.h"

typedef struct Player Player;

Player *player_create(Script *script, const char *name); /* takes the script */
void player_destroy(Player *p);

/* The player as the App's input (app_run): each step pushes due events,
 * advances the clock, or runs the next step of the script. On failure the
 * reason is in the input's message(). */
AppInput player_input(Player *p);

#endif
