/* script: the scripted-touch language of the headless harness.
 *
 * A script is a list of steps, one per line, that drive the real program
 * the way a person would (see tests/README.md for the format). This
 * module only parses; app/player.c plays the steps. A Script owns
 * its steps and their strings. */
#ifndef KRING_SCRIPT_H
#define KRING_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ScriptOp {
    OP_TAP,
    OP_LONGPRESS,
    OP_DRAG,
    OP_DOWN,
    OP_MOVE,
    OP_UP,
    OP_TYPE,
    OP_KEY,
    OP_WAIT,
    OP_SHOT,
    OP_DUMP,
    OP_EXPECT,
    OP_ABSENT,
    OP_FRAMES,
    OP_RESIZE,
    OP_AWAIT,
    OP_PAUSE,
    OP_REVEAL, /* scroll with a finger until the widget is on screen */
    OP_TAP_IF, /* a tap on the widget when it is on screen, else nothing */
} ScriptOp;

enum { SCRIPT_ID_LEN = 64 };

/* A place on screen: a widget id ("@person:3") or pixel coordinates. */
typedef struct ScriptTarget {
    bool is_id;
    char id[SCRIPT_ID_LEN]; /* without the '@' */
    int x, y;
} ScriptTarget;

typedef struct ScriptStep {
    ScriptOp op;
    int line;
    ScriptTarget a, b;
    int finger; /* down/move/up */
    int ms;     /* wait, drag and longpress durations; frames count;
                   resize width (with b.x as height) */
    char *text; /* type, key, shot, dump, await */
} ScriptStep;

typedef struct Script {
    ScriptStep *steps;
    int n, cap;
} Script;

/* Parses script text. On failure returns NULL and writes "line N: why". */
Script *script_parse(const char *text, size_t n, char *err, size_t errlen);
Script *script_load(const char *path, char *err, size_t errlen);
void script_destroy(Script *s);

#endif
