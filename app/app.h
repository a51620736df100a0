/* app: the App that owns everything — window, renderer, plan, store,
 * fingers — and the main loop. One App per process, made in main.c. */
#ifndef KRING_APP_H
#define KRING_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/ui.h"

typedef struct AppOptions {
    const char *db;    /* database file; NULL: the default */
    const char *lang;  /* "nl" (default), "en", ... */
    int width, height; /* window size; 0: 1280×800 */
    float dpi;         /* 0: ask the display (96 when it cannot tell) */
    bool fullscreen;
    bool headless;           /* SDL's offscreen driver, no display needed */
    bool kiosk;              /* the device: only the PIN (or SIGTERM) ends Kring */
    bool demo;               /* start a new meeting with the sample plan */
    const char *script;      /* play this script, then exit */
    const char *screenshot;  /* write the last frame here, then exit */
    const char *import;      /* start a new meeting from this plan file */
    const char *export_json; /* write the open meeting's plan here, then exit */
    const char *export_qr;   /* write the share codes into this folder, then exit */
    const char *export_pdf;  /* write the plan as PDF here, then exit */
    bool print;              /* print the plan, then exit */
    const char *printer;     /* on this printer; NULL: the default one */
    int copies;              /* 0: one */
    int redact;              /* REDACT_* for --export-pdf and --print */
    bool verbose;            /* say on stderr when each action is stored */
    bool unlock_pin;         /* lift the PIN lockout, then exit */
    char share_address[64];  /* --share-on: serve the phones' pages there; "" for not */
    int share_port;
} AppOptions;

typedef struct App App;

/* The exit status when the facilitator leaves the kiosk with the PIN:
 * the service then gives tty1 its login prompt instead of restarting. */
enum { KRING_LEFT_KIOSK = 3 };

/* Where the loop's input comes from, as main.c chooses: NULL for real
 * events (a finger, the mouse, a keyboard), or a source such as the script
 * player, which runs the App on a virtual clock and pushes its events into
 * SDL's own queue, so they travel the path a real finger does. */
typedef enum InputStatus { INPUT_GOING, INPUT_DONE, INPUT_FAILED } InputStatus;
typedef struct AppInput {
    void *ctx;
    /* Does the next bit of work (push due events, move the clock, run a
     * step); the loop then handles what is queued and draws a frame. */
    InputStatus (*step)(void *ctx, App *app);
    /* Why it failed, in one line. */
    const char *(*message)(const void *ctx);
} AppInput;

/* Runs Kring with input from `input` (NULL: real events); returns the
 * process exit status (0 ok, 1 failure, KRING_LEFT_KIOSK). */
int app_run(const AppOptions *opt, const AppInput *input);

/* --- for an input source (the script player, app/player.c) --- */
uint32_t app_now(const App *app);
/* Moves the virtual clock forward, stopping at the next deadline. */
void app_advance_to(App *app, uint32_t t);
uint32_t app_deadline(const App *app);
const Ui *app_ui(const App *app);
void app_frame_size(const App *app, int *w, int *h);
/* Where a touch lands (0..1 of the screen) for point (x, y) of the frame,
 * through the screen's turn. */
void app_touch_from_frame(const App *app, int x, int y, float *tx, float *ty);
uint32_t app_window_id(const App *app);
uint64_t app_frames(const App *app);
/* When a frame that memory was short for is built again; 0: none pending. */
uint32_t app_redraw_at(const App *app);
int app_screenshot(App *app, const char *path, char *err, size_t errlen);
void app_resize(App *app, int w, int h);

#endif
