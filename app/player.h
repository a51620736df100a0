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

typedef enum PlayerStatus { PLAYER_RUNNING, PLAYER_DONE, PLAYER_FAILED } PlayerStatus;

Player *player_create(Script *script, const char *name); /* takes the script */
void player_destroy(Player *p);

/* Does the next bit of work: pushes due events, advances the clock, or
 * runs the next step. On failure the reason is in player_message(). */
PlayerStatus player_step(Player *p, App *app);
const char *player_message(const Player *p);

#endif
