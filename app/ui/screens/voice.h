/* voice: the child's voice, on the dream page — what the child says in
 * its own words (the child's name typed first, then the words), each with
 * a support person chosen from the people on the map in a picker over
 * everything. */
#ifndef KRING_VOICE_H
#define KRING_VOICE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan.h"
#include "core/textedit.h"
#include "ui/action.h"
#include "ui/kit.h"
#include "ui/screens/typing.h"

typedef struct VoiceState {
    uint32_t support_for; /* the voice whose support person is being chosen; 0: none */
    TextEdit child;       /* whose words: typed first, kept while the words are typed */
} VoiceState;

void voice_init(VoiceState *vs);
void voice_fini(VoiceState *vs);
/* Closes the picker and forgets what was typed. */
void voice_reset(VoiceState *vs);

/* The voices as a block of the page's column. */
void voice_draw(KitColumn *p, const Plan *plan);
/* The support person's picker, over everything (the step bar too). */
void voice_draw_picker(Ui *ui, VoiceState *vs, const Plan *plan);

/* True when the tap was the voices' (while the picker is open, every tap
 * is); *out then says what to do. Typing the child's name and words goes
 * through ts. */
bool voice_tap(VoiceState *vs, TypingState *ts, const Plan *plan, const char *id, FlowOut *out);

/* "Klaar" while typing a voice (TYPING_VOICE_CHILD, _WORDS): the words
 * come next, or the edit. */
FlowOut voice_typed(VoiceState *vs, TypingState *ts, const Plan *plan);

#endif
