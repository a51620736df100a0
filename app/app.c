/* app: the App, its event-driven loop, and the edge where SDL events
 * become Kring's own finger events. */
#include "app.h"

#include <dirent.h>
#include <malloc.h>
#include <errno.h>
#include <signal.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <sodium.h>
#include <systemd/sd-daemon.h>

#include "core/calib.h"
#include "core/change.h"
#include "core/edit.h"
#include "core/flow.h"
#include "core/gesture.h"
#include "core/i18n.h"
#include "core/lang.h"
#include "core/planfile.h"
#include "core/redact.h"
#include "core/share.h"
#include "export/image.h"
#include "export/pdf.h"
#include "export/print.h"
#include "export/qr.h"
#include "export/sharing.h"
#include "platform/drm.h"
#include "platform/paths.h"
#include "platform/render.h"
#include "platform/wifi.h"
#include "store/pin.h"
#include "store/store.h"
#include "ui/flow.h"

enum {
    MOUSE_FINGER = -1, /* the mouse counts as one more finger */
    LONG_PRESS_MS = 600,
    RETRY_SAVE_MS = 2000,
    REDRAW_SHORT_MS = 250, /* a frame that memory was short for is tried again */
};

struct App {
    const AppOptions *opt;
    SDL_Window *win;
    SDL_Renderer *sdl;
    Render *render;
    Ui ui;
    FlowState flow;                       /* steps, pages, board, PIN pad: screen state */
    FlowView lists;                       /* what the start screen's panels list */
    char plan_paths[FLOW_LIST_MAX][4400]; /* the prepared plan files listed */
    int64_t meeting_ids[FLOW_LIST_MAX];   /* the meetings listed */
    char printer_names[FLOW_LIST_MAX][128];
    char lang_codes[FLOW_LIST_MAX][16];
    char settings_said[300];
    unsigned char *kek; /* sodium-locked: the PIN's key, while a facilitator's panel is open */
    bool have_kek;
    char kept_words[400]; /* what the start screen says is kept (no names) */
    uint32_t expire_at;   /* when to look for kept meetings past their date */
    uint32_t last_touch;  /* for covering the plan when nobody is there */
    uint32_t covered_at;  /* when it was covered: the family's grace runs from then */
    bool resumed;         /* the meeting was going on when Kring started */
    int cover_minutes;    /* 0: never */
    int retention_days;
    int keep_margin_days; /* kept meetings outlive their evaluation by this */
    Gestures gestures;
    DrawList shown; /* the list on screen now */
    Catalog *cat;
    Store *store;
    int64_t meeting;
    Plan *plan;
    bool unsaved;      /* the plan on screen is not stored yet */
    bool pin_set;      /* the facilitator has chosen a PIN (kept, not asked each frame) */
    char notice[1200]; /* something the facilitator must read, or "" */
    uint32_t retry_at;
    uint32_t redraw_at; /* a frame short of memory is built again then; 0: none */
    char lang[16];      /* the language on screen now (ui_language() shows it) */
    char problem[300];
    char said[700]; /* a short line for the family, until the next touch */
    bool said_undo; /* ... that offers undo */
    PrintJob job;   /* the print job being followed */
    bool job_active;
    uint32_t job_poll_at, job_started;
    PrintProgress printing;
    char print_words[400];
    int w, h;             /* frame size in pixels, as the UI lays it out */
    int out_w, out_h;     /* the screen's size in pixels */
    int rotation;         /* the screen turned: 0, 90, 180 or 270 degrees */
    SDL_Texture *turned;  /* a turned screen's frame, before it is turned */
    Calib calib;          /* the panel's touch calibration */
    uint32_t watchdog_ms; /* how often to tell systemd Kring is alive; 0: never */
    uint32_t ping_at;     /* when next */
    float dpi;            /* --dpi, or 0 */
    float display_dpi;    /* what the display says (its EDID), else 96 */
    int screen_tenths;    /* the screen's diagonal as set, in tenths of an inch; 0: as it says */
    bool dirty;           /* something may look different: build a frame */
    bool force;           /* present even if the list did not change */
    bool virtual_clock;
    bool sleeps_in_wait; /* the video driver can sleep until input comes */
    uint32_t now;
    uint64_t frames; /* frames presented */
    bool quit;
    bool left;                 /* the facilitator left the kiosk with the PIN */
    unsigned plan_gen;         /* counts changes of the plan on screen */
    Sharing *sharing;          /* the phones' pages, while the share step is open */
    unsigned shared_gen;       /* ... of the plan as it was then */
    unsigned share_failed_gen; /* 1 + the plan that could not be served: not tried again */
    uint32_t shared_choice;    /* what the family chose to share, as served (choice_sign) */
    ShareLinks links;          /* the served pages' links, for the share screen */
    int share_network;         /* ShareNetwork, as set */
    Wifi wifi;                 /* Kring's own Wi-Fi, while a sharing has it */
    bool wifi_refused;         /* NetworkManager said no: not again until the step reopens */
    char share_said[400];      /* why phones get no pages now, for the share screen */
    char wifi_join[128];       /* the code that joins the Wi-Fi */
    uint32_t wifi_look_at;     /* while it is up: when to ask whether it still is; 0: not */
};

/* ------------------------------------------------------------------ */
/* Clock and accessors for an input source (the script player)        */
/* ------------------------------------------------------------------ */

uint32_t app_now(const App *app)
{
    return app->virtual_clock ? app->now : SDL_GetTicks();
}

static void expire_kept(App *app);
static int64_t wall_ms(const App *app);

/* How long after the plan is covered the family may still lift the cover
 * themselves ("we are still here"); after that only the PIN does. */
enum { COVER_GRACE_MS = 120000 };

/* When the family's grace under the cover ends; 0: not now. */
static uint32_t grace_due(const App *app)
{
    if (!flow_covered(&app->flow) || app->flow.cover_pin_only) return 0;
    return app->covered_at + COVER_GRACE_MS;
}

/* When the plan is to be covered if nobody touches the screen; 0: not. */
static uint32_t cover_due(const App *app)
{
    if (!app->cover_minutes || !flow_in_meeting(&app->flow) || flow_covered(&app->flow)) return 0;
    return app->last_touch + (uint32_t)app->cover_minutes * 60000u;
}

/* The phones' pages end after this long untouched. */
enum { SHARE_IDLE_MS = 15 * 60000 };

uint32_t app_deadline(const App *app)
{
    uint32_t d = gestures_deadline(&app->gestures);
    if (app->unsaved && app->retry_at < d) d = app->retry_at;
    if (app->job_active && app->job_poll_at < d) d = app->job_poll_at;
    if (app->watchdog_ms && app->ping_at < d) d = app->ping_at;
    if (app->expire_at && app->expire_at < d) d = app->expire_at;
    uint32_t cover = cover_due(app);
    if (cover && cover < d) d = cover;
    uint32_t grace = grace_due(app);
    if (grace && grace < d) d = grace;
    if (app->redraw_at && app->redraw_at < d) d = app->redraw_at;
    if (app->wifi_look_at && app->wifi_look_at < d) d = app->wifi_look_at;
    uint32_t share_end = app->last_touch + SHARE_IDLE_MS;
    if (app->sharing && share_end < d) d = share_end;
    return d;
}

void app_advance_to(App *app, uint32_t t)
{
    uint32_t d = app_deadline(app);
    app->now = d > app->now && d < t ? d : t;
}

const Ui *app_ui(const App *app)
{
    return &app->ui;
}
uint64_t app_frames(const App *app)
{
    return app->frames;
}
uint32_t app_redraw_at(const App *app)
{
    return app->redraw_at;
}
uint32_t app_window_id(const App *app)
{
    return SDL_GetWindowID(app->win);
}

void app_frame_size(const App *app, int *w, int *h)
{
    *w = app->w;
    *h = app->h;
}

void app_resize(App *app, int w, int h)
{
    SDL_SetWindowSize(app->win, w, h);
}

/* ------------------------------------------------------------------ */
/* Plan, storing and undo                                               */
/* ------------------------------------------------------------------ */

static void set_problem(App *app, const char *msg)
{
    snprintf(app->problem, sizeof app->problem, "%s", msg ? msg : "");
    app->dirty = true;
}

static void replace_plan(App *app, Plan *plan);

static void save(App *app)
{
    StoreStatus r = store_commit(app->store, app->meeting, app->plan, wall_ms(app) / 1000);
    if (r == STORE_FULL) { /* the change does not fit: the plan as it was stored */
        fprintf(stderr, "kring: %s\n", store_message(app->store));
        app->unsaved = false;
        replace_plan(app, store_meeting_load(app->store, app->meeting));
        set_problem(app, tr(app->cat, plan_full_why));
        return;
    }
    if (r == STORE_OK) {
        set_problem(app, NULL);
        app->unsaved = false;
        if (app->opt->verbose)
            fprintf(stderr, "kring: stored meeting %lld step %lld\n", (long long)app->meeting,
                    (long long)store_meeting_cursor(app->store, app->meeting));
        return;
    }
    fprintf(stderr, "kring: %s\n", store_message(app->store));
    app->unsaved = true;
    app->retry_at = app_now(app) + RETRY_SAVE_MS;
    set_problem(app, tr(app->cat, "Opslaan lukt nu niet. Uw wijziging blijft staan en wordt "
                                  "bewaard zodra het weer kan."));
}

static void replace_plan(App *app, Plan *plan)
{
    if (!plan) {
        set_problem(app, tr(app->cat, "Dat lukte niet. Probeer het nog eens."));
        fprintf(stderr, "kring: %s\n", store_message(app->store));
        return;
    }
    plan_destroy(app->plan);
    app->plan = plan;
    app->plan_gen++;
    app->dirty = true;
}

/* A short line for the family (what undo took back, what went with a
 * person), shown until the next touch; with_undo: it offers undo. */
static void say(App *app, const char *line, bool with_undo)
{
    snprintf(app->said, sizeof app->said, "%s", line ? line : "");
    app->said_undo = with_undo && line && line[0];
    app->dirty = true;
}

/* Takes one step back (or forward again) in the meeting's history, as the
 * conference's rules allow: what needed the facilitator's PIN (the
 * referrer's conditions, the approval) needs it to be taken back or done
 * again (pin_given: it was just given for this); in family time it is
 * only said; an approval is never given back by redo. Says what changed. */
static void undo(App *app, bool redo, bool pin_given)
{
    if (app->unsaved) /* first store what is on screen */
        save(app);
    if (app->unsaved) return;
    Plan *to = store_meeting_peek_step(app->store, app->meeting, redo);
    if (!to) { /* nothing there, or it could not be read (memory, disk): say so */
        bool could = redo ? store_can_redo(app->store, app->meeting)
                          : store_can_undo(app->store, app->meeting);
        if (could) replace_plan(app, NULL);
        return;
    }
    Change c = redo ? change_between(app->plan, to) : change_between(to, app->plan);
    if (redo && c.approval) {
        plan_destroy(to);
        say(app,
            tr(app->cat, "Een goedkeuring komt niet terug met opnieuw doen: de coördinator keurt "
                         "het plan opnieuw goed, met de pincode."),
            false);
        return;
    }
    if (c.pin && !pin_given) {
        plan_destroy(to);
        if (flow_family_time(&app->flow))
            say(app,
                tr(app->cat, "Dit deed de coördinator met de pincode. Alleen de coördinator kan "
                             "het terugzetten."),
                false);
        else
            flow_ask_pin(&app->flow, redo ? PIN_FOR_REDO : PIN_FOR_UNDO);
        app->dirty = true;
        return;
    }
    char what[400], line[700];
    change_words(app->plan, to, app->cat, what, sizeof what);
    if (store_meeting_take_step(app->store, app->meeting, redo) != STORE_OK) {
        plan_destroy(to);
        replace_plan(app, NULL); /* says it did not work */
        return;
    }
    replace_plan(app, to);
    tr_fill(line, sizeof line,
            redo ? tr(app->cat, "Opnieuw gedaan: %s") : tr(app->cat, "Teruggezet: %s"), what);
    if (c.step != flow_step(&app->flow)) { /* it happened on another page: which */
        char where[200];
        size_t at = strlen(line);
        tr_fill(where, sizeof where, tr(app->cat, "op de pagina %s"),
                tr(app->cat, step_label(c.step)));
        snprintf(line + at, sizeof line - at, " (%s)", where);
    }
    say(app, line, false);
}

static int open_meeting(App *app)
{
    char err[1400];
    const char *data = paths_data_dir();
    if (app->opt->demo || app->opt->import) {
        char path[1200];
        snprintf(path, sizeof path, "%s/assets/plans/jansen.json", data);
        const char *file = app->opt->import ? app->opt->import : path;
        Plan *plan = planfile_read(file, err, sizeof err);
        if (!plan) {
            fprintf(stderr, "kring: %s could not be read: %s\n",
                    app->opt->import ? "the plan file" : "the sample plan", err);
            return -1;
        }
        app->plan = plan;
        app->plan_gen++;
        if (store_meeting_create(app->store, plan, wall_ms(app) / 1000, &app->meeting) !=
            STORE_OK) {
            fprintf(stderr, "kring: %s\n", store_message(app->store));
            return -1;
        }
        return 0;
    }
    app->meeting = store_meeting_latest(app->store);
    if (app->meeting) { /* a meeting was going on: carry on with it */
        app->plan = store_meeting_load(app->store, app->meeting);
        app->plan_gen++;
        app->resumed = app->plan != NULL;
        if (app->plan) return 0;
        /* Leave that meeting as it is (it can still be rescued). */
        fprintf(stderr, "kring: meeting %lld could not be read: %s\n", (long long)app->meeting,
                store_message(app->store));
        snprintf(app->notice, sizeof app->notice, "%s",
                 tr(app->cat, "Het laatste plan kon niet worden gelezen. Het is niet gewist. "
                              "Vraag de beheerder om hulp."));
        app->meeting = 0;
    }
    app->plan = plan_create(); /* the start screen: no meeting open */
    app->plan_gen++;
    if (!app->plan) {
        fprintf(stderr, "kring: not enough memory to start\n");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Input: SDL events to fingers to gestures                             */
/* ------------------------------------------------------------------ */

/* The one path of every change: apply it to the plan, then store it (which
 * also makes it one step of undo). */
static void apply(App *app, const Edit *e)
{
    const char *why = NULL;
    char gone[700] = ""; /* a person taken out: what goes with them */
    if (e->kind == EDIT_PERSON_REMOVE)
        change_removal_words(app->plan, e->id, app->cat, gone, sizeof gone);
    say(app, NULL, false);
    EditResult r = plan_apply(app->plan, e, NULL, &why);
    app->dirty = true;
    if (r == EDIT_OK) app->plan_gen++;
    bool in_sheet = flow_in_sheet(&app->flow);
    flow_edit_result(&app->flow, app->plan, r, why);
    if (r != EDIT_OK) {
        if (!in_sheet) /* a sheet shows its own reasons */
            set_problem(app, tr(app->cat, why));
        return;
    }
    save(app);
    if (gone[0] && !app->unsaved) say(app, gone, true); /* and undo right there */
}

static void on_flow(App *app, FlowOut o);

enum { PRINT_POLL_MS = 500, PRINT_GIVE_UP_MS = 120000 };

static void print_said(App *app, PrintProgress p, const char *msgid)
{
    app->printing = p;
    snprintf(app->print_words, sizeof app->print_words, "%s", tr(app->cat, msgid));
    app->dirty = true;
}

/* Makes the plan's PDF and sends it to the printer chosen on the command
 * line (or the default one). 0 and *job, or -1 with *why (a msgid; NULL
 * when the PDF itself could not be made) and detail. */
static int send_plan(App *app, int copies, int redact, PrintJob *job, const char **why,
                     char *detail, size_t n)
{
    char fonts[1200];
    paths_fonts_dir(fonts, sizeof fonts);
    unsigned char *pdf = NULL;
    size_t size = 0;
    *why = NULL;
    Plan *paper = plan_redacted(app->plan, redact); /* what the family lets leave the room */
    if (!paper) {
        snprintf(detail, n, "not enough memory");
        return -1;
    }
    int made = pdf_render(paper, app->cat, fonts, &pdf, &size, detail, n);
    plan_destroy(paper);
    if (made != 0) return -1;
    char chosen[128] = "";
    const char *printer = app->opt->printer;
    if (!printer && store_setting(app->store, "printer", chosen, sizeof chosen) && chosen[0])
        printer = chosen; /* the facilitator's choice in settings */
    int rc = print_send(printer, pdf, size, copies, tr(app->cat, "Familiegroepsplan"), job, why,
                        detail, n);
    free(pdf);
    return rc;
}

/* The family tapped "Printen": send the job now, follow it in tick(). */
static void start_print(App *app, int copies, int redact)
{
    char detail[600];
    const char *why;
    if (send_plan(app, copies, redact, &app->job, &why, detail, sizeof detail) != 0) {
        if (!why) {
            fprintf(stderr, "kring: %s\n", detail);
            print_said(app, PRINT_PROBLEM, "Het printen lukte niet. Probeer het nog eens.");
        } else {
            fprintf(stderr, "kring: %s (%s)\n", why, detail);
            print_said(app, PRINT_PROBLEM, why);
        }
        return;
    }
    app->job_active = true;
    app->job_started = app_now(app);
    app->job_poll_at = app_now(app) + PRINT_POLL_MS;
    print_said(app, PRINT_BUSY, "Het plan wordt geprint\xE2\x80\xA6");
}

static void follow_print(App *app)
{
    const char *why = NULL;
    switch (print_poll(&app->job, &why)) {
    case PRINT_DONE:
        app->job_active = false;
        print_said(app, PRINT_OK, "Klaar. Het plan ligt bij de printer.");
        break;
    case PRINT_FAILED:
        app->job_active = false;
        print_said(app, PRINT_PROBLEM, why);
        break;
    case PRINT_WAITING:
        if (app_now(app) - app->job_started > PRINT_GIVE_UP_MS) {
            app->job_active = false;
            /* given up: the job goes too, so the plan does not wait in the
             * spool and print once the family has left */
            if (print_cancel(&app->job) != 0)
                fprintf(stderr, "kring: a print job Kring gave up on could not be cancelled\n");
            print_said(app, PRINT_PROBLEM,
                       "De printer drukte niet af, dus het printen is gestopt. Kijk of hij aan "
                       "staat en papier heeft, en probeer het opnieuw.");
        } else {
            app->job_poll_at = app_now(app) + PRINT_POLL_MS;
        }
        break;
    }
}

static void on_gesture(App *app, const Gesture *g)
{
    on_flow(app, flow_gesture(&app->ui, &app->flow, app->plan, &app->gestures, g, &app->lists));
}

static void finger_down(App *app, int64_t id, Point p)
{
    app->last_touch = app_now(app);
    const Widget *w = ui_hit(&app->ui, p, GRAB_TAP | GRAB_DRAG | GRAB_LONGPRESS);
    if (app->said[0] && !(w && ui_id_is(w->id, "said-undo"))) /* read: the next touch lets it go */
        say(app, NULL, false);
    gestures_down(&app->gestures, id, p, app_now(app), w ? w->id : NULL, w ? w->grab : 0);
}

static void finger_move(App *app, int64_t id, Point p)
{
    Gesture g;
    if (gestures_move(&app->gestures, id, p, app_now(app), &g)) on_gesture(app, &g);
}

static void finger_up(App *app, int64_t id, Point p)
{
    Gesture g;
    if (gestures_up(&app->gestures, id, p, app_now(app), &g)) on_gesture(app, &g);
    app->dirty = true;
}

/* A point on the screen (output pixels) to the frame the UI lays out:
 * the inverse of the turn the frame is shown with. */
static Point to_frame(const App *app, int x, int y)
{
    switch (app->rotation) {
    case 90:
        return (Point){y, app->out_w - 1 - x};
    case 180:
        return (Point){app->out_w - 1 - x, app->out_h - 1 - y};
    case 270:
        return (Point){app->out_h - 1 - y, x};
    default:
        return (Point){x, y};
    }
}

void app_touch_from_frame(const App *app, int x, int y, float *tx, float *ty)
{
    int sx = x, sy = y;
    switch (app->rotation) {
    case 90:
        sx = app->out_w - 1 - y;
        sy = x;
        break;
    case 180:
        sx = app->out_w - 1 - x;
        sy = app->out_h - 1 - y;
        break;
    case 270:
        sx = y;
        sy = app->out_h - 1 - x;
        break;
    default:
        break;
    }
    Calib undo = calib_inverse(&app->calib);
    calib_apply(&undo, (float)sx / (float)(app->out_w > 0 ? app->out_w : 1),
                (float)sy / (float)(app->out_h > 0 ? app->out_h : 1), tx, ty);
}

static Point touch_point(const App *app, float x, float y)
{
    calib_apply(&app->calib, x, y, &x, &y);
    return to_frame(app, (int)(x * (float)app->out_w), (int)(y * (float)app->out_h));
}

/* Mouse coordinates are in window points; the screen may have more pixels. */
static Point mouse_point(const App *app, int x, int y)
{
    int ww, wh;
    SDL_GetWindowSize(app->win, &ww, &wh);
    return to_frame(app, ww > 0 ? x * app->out_w / ww : x, wh > 0 ? y * app->out_h / wh : y);
}

static void update_size(App *app)
{
    int ow, oh;
    SDL_GetRendererOutputSize(app->sdl, &ow, &oh);
    bool side = app->rotation == 90 || app->rotation == 270;
    int w = side ? oh : ow, h = side ? ow : oh;
    if (w != app->w || h != app->h || ow != app->out_w || oh != app->out_h) {
        app->w = w;
        app->h = h;
        app->out_w = ow;
        app->out_h = oh;
        app->dirty = app->force = true;
    }
}

/* Draws dl onto the screen, turned as the facilitator set it. */
static void show(App *app, const DrawList *dl)
{
    if (app->rotation) {
        int tw = 0, th = 0;
        if (app->turned) SDL_QueryTexture(app->turned, NULL, NULL, &tw, &th);
        if (!app->turned || tw != app->w || th != app->h) {
            if (app->turned) SDL_DestroyTexture(app->turned);
            app->turned = SDL_CreateTexture(app->sdl, SDL_PIXELFORMAT_ARGB8888,
                                            SDL_TEXTUREACCESS_TARGET, app->w, app->h);
            if (!app->turned) {
                fprintf(stderr, "kring: the screen cannot be turned: %s\n", SDL_GetError());
                app->rotation = 0;
                update_size(app);
            }
        }
    }
    if (!app->rotation) {
        render_set_target(app->render, NULL, 0, 0);
        render_draw(app->render, dl);
        return;
    }
    render_set_target(app->render, app->turned, app->w, app->h);
    render_draw(app->render, dl);
    SDL_SetRenderTarget(app->sdl, NULL);
    SDL_SetRenderDrawColor(app->sdl, 0, 0, 0, 255);
    SDL_RenderClear(app->sdl);
    SDL_Rect dst = {(app->out_w - app->w) / 2, (app->out_h - app->h) / 2, app->w, app->h};
    SDL_RenderCopyEx(app->sdl, app->turned, NULL, &dst, app->rotation, NULL, SDL_FLIP_NONE);
}

static void set_rotation(App *app, int degrees)
{
    app->rotation = degrees == 90 || degrees == 180 || degrees == 270 ? degrees : 0;
    if (app->sdl) update_size(app);
}

static void on_key(App *app, const SDL_KeyboardEvent *k)
{
    app->last_touch = app_now(app);
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    static const struct {
        SDL_Keycode sym;
        SheetKey key;
    } keys[] = {
        {SDLK_BACKSPACE, SKEY_BACKSPACE}, {SDLK_DELETE, SKEY_DELETE},   {SDLK_LEFT, SKEY_LEFT},
        {SDLK_RIGHT, SKEY_RIGHT},         {SDLK_HOME, SKEY_HOME},       {SDLK_END, SKEY_END},
        {SDLK_RETURN, SKEY_RETURN},       {SDLK_KP_ENTER, SKEY_RETURN}, {SDLK_ESCAPE, SKEY_ESCAPE},
    };
    if (flow_wants_keys(&app->flow)) {
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (keys[i].sym == k->keysym.sym) {
                on_flow(app, flow_key(&app->flow, app->plan, keys[i].key));
                return;
            }
        return;
    }
    if (!flow_in_meeting(&app->flow)) return;
    if (ctrl && k->keysym.sym == SDLK_z)
        undo(app, shift, false);
    else if (ctrl && k->keysym.sym == SDLK_y)
        undo(app, true, false);
}

static void handle(App *app, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_FINGERDOWN:
        finger_down(app, (int64_t)e->tfinger.fingerId,
                    touch_point(app, e->tfinger.x, e->tfinger.y));
        break;
    case SDL_FINGERMOTION:
        finger_move(app, (int64_t)e->tfinger.fingerId,
                    touch_point(app, e->tfinger.x, e->tfinger.y));
        break;
    case SDL_FINGERUP:
        finger_up(app, (int64_t)e->tfinger.fingerId, touch_point(app, e->tfinger.x, e->tfinger.y));
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
            finger_down(app, MOUSE_FINGER, mouse_point(app, e->button.x, e->button.y));
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID && (e->motion.state & SDL_BUTTON_LMASK))
            finger_move(app, MOUSE_FINGER, mouse_point(app, e->motion.x, e->motion.y));
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
            finger_up(app, MOUSE_FINGER, mouse_point(app, e->button.x, e->button.y));
        break;
    case SDL_KEYDOWN:
        on_key(app, &e->key);
        break;
    case SDL_TEXTINPUT:
        on_flow(app, flow_text(&app->flow, e->text.text));
        break;
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            update_size(app);
            break;
        case SDL_WINDOWEVENT_EXPOSED:
            app->dirty = app->force = true;
            break;
        case SDL_WINDOWEVENT_FOCUS_LOST: {
            Gesture g;
            while (gestures_cancel_all(&app->gestures, &g))
                on_gesture(app, &g);
            app->dirty = true;
            break;
        }
        default:
            break;
        }
        break;
    default:
        break;
    }
}

/* What the family chose to share, in one number: a change serves anew. */
static uint32_t choice_sign(const ShareView *v)
{
    uint32_t h = 2166136261u ^ (uint32_t)v->plan_off ^ ((uint32_t)v->with_safety << 1);
    for (int i = 0; i < v->n_hidden; i++)
        h = (h ^ v->hidden[i]) * 16777619u;
    return h ^ (uint32_t)v->n_hidden;
}

/* Where the pages are served, as the settings (or --share-on) say: false,
 * with the reason in app->share_said, when not now. */
static bool share_where(App *app, char address[64], int *port)
{
    const AppOptions *o = app->opt;
    app->share_said[0] = '\0';
    if (o->share_address[0]) {
        snprintf(address, 64, "%s", o->share_address);
        *port = o->share_port;
        return true;
    }
    if (app->share_network == SHARE_NET_ROOM) {
        wifi_room_address(address);
        *port = 8080;
        if (!address[0])
            snprintf(app->share_said, sizeof app->share_said, "%s",
                     tr(app->cat, "Dit apparaat is op geen enkel netwerk. De codes werken ook "
                                  "zonder: ze houden de tekst zelf."));
        return address[0] != '\0';
    }
    if (app->share_network != SHARE_NET_OWN) return false;
    if (app->wifi.state == WIFI_OFF && !app->wifi_refused) wifi_start(&app->wifi);
    switch (wifi_poll(&app->wifi)) {
    case WIFI_UP:
        snprintf(address, 64, "%s", app->wifi.address);
        *port = 80;
        if (!app->wifi_join[0] && !strcmp(app->flow.share.chosen, "plan"))
            snprintf(app->flow.share.chosen, sizeof app->flow.share.chosen, "wifi"); /* first */
        wifi_join_code(&app->wifi, app->wifi_join, sizeof app->wifi_join);
        app->wifi_look_at = app_now(app) + 1000; /* is it still up? (no frame drawn for it) */
        return true;
    case WIFI_LOST:
        if (!app->wifi_refused) {
            fprintf(stderr, "kring: the Wi-Fi of its own went away: %s\n", app->wifi.said);
            app->wifi_join[0] = '\0';
            if (!strcmp(app->flow.share.chosen, "wifi"))
                snprintf(app->flow.share.chosen, sizeof app->flow.share.chosen, "plan");
            app->dirty = true;
        }
        app->wifi_refused = true;
        app->wifi_look_at = 0;
        snprintf(app->share_said, sizeof app->share_said, "%s",
                 tr(app->cat, "De wifi van Kring is weggevallen. De codes werken ook zonder "
                              "netwerk: ze houden de tekst zelf."));
        return false;
    case WIFI_STARTING:
        snprintf(app->share_said, sizeof app->share_said, "%s",
                 tr(app->cat, "De wifi van Kring gaat aan..."));
        app->redraw_at = app_now(app) + 250; /* look again soon */
        return false;
    default:
        if (!app->wifi_refused) /* NetworkManager's words go to the log, not to the family */
            fprintf(stderr, "kring: no Wi-Fi of its own: %s\n", app->wifi.said);
        app->wifi_refused = true;
        snprintf(app->share_said, sizeof app->share_said, "%s",
                 tr(app->cat, "Kring kon geen eigen wifi maken (is er wifi op dit apparaat?). "
                              "De codes werken ook zonder netwerk: ze houden de tekst zelf."));
        return false;
    }
}

/* The phones' pages are served while, and only while, the share step is
 * open on an uncovered meeting that someone touched in the last quarter
 * of an hour; a plan or a choice changed meanwhile is served anew (with
 * the same links). */
static void sync_sharing(App *app)
{
    const AppOptions *o = app->opt;
    bool open = app->meeting && flow_in_meeting(&app->flow) && !flow_covered(&app->flow) &&
                flow_step(&app->flow) == STEP_SHARE &&
                app_now(app) - app->last_touch < SHARE_IDLE_MS;
    char address[64] = "";
    int port = 0;
    if (!open) { /* the step closed: the Wi-Fi goes, and may be tried again next time */
        if (app->wifi.state != WIFI_OFF) wifi_stop(&app->wifi);
        app->wifi_refused = false;
        app->share_said[0] = '\0';
        app->wifi_join[0] = '\0';
        app->wifi_look_at = 0;
    }
    bool want = open && share_where(app, address, &port);
    const ShareView *v = &app->flow.share;
    uint32_t sign = choice_sign(v);
    Sharing *before = NULL; /* served anew in the same share step: the links stay */
    if (app->sharing && (!want || app->shared_gen != app->plan_gen || app->shared_choice != sign ||
                         !sharing_alive(app->sharing))) {
        sharing_end(app->sharing); /* the port closes, so the next can take it */
        if (want)
            before = app->sharing;
        else
            sharing_stop(app->sharing);
        app->sharing = NULL;
        app->links.serving = false;
        app->dirty = true;
        if (o->verbose) fprintf(stderr, "kring: the phones' pages are no longer served\n");
    }
    if (!want || app->sharing ||
        (app->share_failed_gen == app->plan_gen + 1 && app->shared_choice == sign)) {
        sharing_stop(before);
        return;
    }
    char fonts[1200], serve[4200], err[300];
    paths_fonts_dir(fonts, sizeof fonts);
    paths_beside_program("kring-serve", serve, sizeof serve);
    SharingChoice choice = {.hidden = v->hidden,
                            .n_hidden = v->n_hidden,
                            .whole_plan = !v->plan_off,
                            .safety = v->with_safety};
    if (before && !port) port = sharing_port(before); /* the same address, the same links */
    app->sharing = sharing_start(app->plan, app->cat, fonts, &choice, serve, address, port, before,
                                 wall_ms(app) / 1000, err, sizeof err);
    sharing_stop(before);
    app->shared_gen = app->plan_gen;
    app->shared_choice = sign;
    app->dirty = true;
    ShareLinks *l = &app->links;
    l->n = 0;
    l->serving = app->sharing != NULL;
    for (int i = -2; app->sharing && i < app->plan->n_people && l->n < SHARE_LINKS_MAX; i++) {
        uint32_t who = i == -2 ? SHARING_EVALUATION : i < 0 ? 0 : app->plan->people[i].id;
        if (sharing_link(app->sharing, who, l->url[l->n], sizeof l->url[l->n]))
            l->person[l->n++] = who;
    }
    if (!app->sharing) {
        app->share_failed_gen = app->plan_gen + 1; /* not again for this plan */
        fprintf(stderr, "kring: the phones' pages cannot be served: %s\n", err);
        snprintf(app->share_said, sizeof app->share_said, "%s",
                 tr(app->cat, "De pagina's voor telefoons lukken nu niet. De codes werken ook "
                              "zonder netwerk: ze houden de tekst zelf."));
    } else if (o->verbose) {
        fprintf(stderr, "kring: serving the phones' pages on %s:%d\n", address,
                sharing_port(app->sharing));
    }
}

/* Fires what has come due: long presses, a retry of a failed save. */
static void tick(App *app)
{
    Gesture g;
    while (gestures_tick(&app->gestures, app_now(app), &g))
        on_gesture(app, &g);
    if (app->unsaved && app_now(app) >= app->retry_at) save(app);
    if (app->job_active && app_now(app) >= app->job_poll_at) follow_print(app);
    if (app->redraw_at && app_now(app) >= app->redraw_at) {
        app->redraw_at = 0;
        app->dirty = true;
    }
    if (app->expire_at && app_now(app) >= app->expire_at) {
        expire_kept(app);
        app->expire_at = app_now(app) + 3600000u; /* and again in an hour */
    }
    uint32_t cover = cover_due(app);
    if (cover && app_now(app) >= cover) { /* nobody here: cover the plan */
        flow_cover(&app->flow);
        app->covered_at = app_now(app);
        app->dirty = true;
    }
    uint32_t grace = grace_due(app);
    if (grace && app_now(app) >= grace) { /* still nobody: only the PIN lifts it now */
        flow_cover_pin_only(&app->flow);
        app->dirty = true;
    }
    sync_sharing(app);
    if (app->watchdog_ms && app_now(app) >= app->ping_at) { /* alive: the loop turns */
        sd_notify(0, "WATCHDOG=1");
        app->ping_at = app_now(app) + app->watchdog_ms;
    }
}

/* ------------------------------------------------------------------ */
/* The conference: meetings, the PIN, settings                          */
/* ------------------------------------------------------------------ */

/* Wall-clock time in milliseconds. Under a script the clock is virtual:
 * it starts at KRING_EPOCH (seconds; default 2026-11-23 09:00 UTC), so
 * PIN waits, agreement times and "today" are the same on every run. */
static int64_t wall_ms(const App *app)
{
    const char *e = getenv("KRING_EPOCH");
    if (app->virtual_clock) {
        int64_t base = e && e[0] ? atoll(e) : 1795424400LL;
        return base * 1000 + (int64_t)app->now - 1000;
    }
    if (e && e[0]) /* a test that runs no script: Kring's clock starts there too */
        return atoll(e) * 1000 + (int64_t)SDL_GetTicks();
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Today's date, "YYYY-MM-DD", on Kring's clock. */
static void today(const App *app, char out[11])
{
    time_t t = (time_t)(wall_ms(app) / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    char d[40];
    snprintf(d, sizeof d, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    snprintf(out, 11, "%.10s", d);
}

static void flow_view_update(App *app)
{
    FlowView *v = &app->lists;
    bool meeting = flow_in_meeting(&app->flow) && app->meeting;
    v->can_undo = meeting && (app->unsaved || store_can_undo(app->store, app->meeting));
    v->can_redo = meeting && !app->unsaved && store_can_redo(app->store, app->meeting);
    v->problem = app->problem[0] ? app->problem : NULL;
    v->said = app->said[0] ? app->said : NULL;
    v->said_undo = app->said_undo;
    v->notice = app->notice[0] ? app->notice : NULL;
    v->printing = app->printing;
    v->print_words = app->print_words;
    v->now = wall_ms(app) / 1000;
    today(app, v->today);
    v->pin_set = app->pin_set;
    v->settings_said = app->settings_said[0] ? app->settings_said : NULL;
    v->rotation = app->rotation;
    v->retention_days = app->retention_days;
    v->keep_margin_days = app->keep_margin_days;
    v->cover_minutes = app->cover_minutes;
    v->screen_tenths = app->screen_tenths;
    v->kept_words = app->kept_words;
    v->links = app->links.serving ? &app->links : NULL;
    v->share_network = app->share_network;
    v->share_said = app->share_said[0] ? app->share_said : NULL;
    v->wifi_join = app->wifi.state == WIFI_UP && app->wifi_join[0] ? app->wifi_join : NULL;
    v->wifi_name = v->wifi_join ? app->wifi.ssid : NULL;
    v->wifi_password = v->wifi_join ? app->wifi.password : NULL;
}

/* The prepared plan files: the sample, and any *.json in the folder
 * "plans" beside the database (where a facilitator puts them). */
static void list_plans(App *app)
{
    FlowList *l = &app->lists.plans;
    l->n = 0;
    l->chosen = -1;
    snprintf(app->plan_paths[0], sizeof app->plan_paths[0], "%s/assets/plans/jansen.json",
             paths_data_dir());
    snprintf(l->text[0], sizeof l->text[0], "%s", tr(app->cat, "Voorbeeld: de familie Jansen"));
    snprintf(l->note[0], sizeof l->note[0], "%s", tr(app->cat, "om te oefenen"));
    l->n = 1;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", app->opt->db ? app->opt->db : "");
    if (!dir[0]) paths_default_db(dir, sizeof dir);
    char *slash = strrchr(dir, '/');
    snprintf(slash ? slash + 1 : dir, sizeof dir - (size_t)(slash ? slash + 1 - dir : 0), "plans");
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) && l->n < FLOW_LIST_MAX) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0 || e->d_name[0] == '.') continue;
        if ((size_t)snprintf(app->plan_paths[l->n], sizeof app->plan_paths[0], "%s/%s", dir,
                             e->d_name) >= sizeof app->plan_paths[0])
            continue;
        snprintf(l->text[l->n], sizeof l->text[0], "%.*s", (int)(n - 5), e->d_name);
        l->note[l->n][0] = '\0';
        l->n++;
    }
    closedir(d);
}

/* The meetings kept on the device, each with its family and last use. */
static void list_meetings(App *app)
{
    FlowList *l = &app->lists.meetings;
    MeetingInfo m[FLOW_LIST_MAX];
    int n = store_meetings(app->store, m, FLOW_LIST_MAX);
    l->n = 0;
    l->chosen = -1;
    for (int i = 0; i < n; i++) {
        Plan *p = app->have_kek ? store_meeting_peek(app->store, m[i].id, app->kek) : NULL;
        app->meeting_ids[l->n] = m[i].id;
        if (p && plan_family(p)[0])
            tr_fill(l->text[l->n], sizeof l->text[0], tr(app->cat, "Familie %s"), plan_family(p));
        else
            snprintf(l->text[l->n], sizeof l->text[0], "%s", tr(app->cat, "Gesprek zonder naam"));
        time_t t = (time_t)m[i].used;
        struct tm tm;
        localtime_r(&t, &tm);
        tr_date(app->cat, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, l->note[l->n],
                sizeof l->note[0]);
        plan_destroy(p);
        l->n++;
    }
}

/* The screens follow app->lang: mirrored or not, the keyboard it starts
 * with, its name on the language button. */
static void ui_language(App *app)
{
    const Language *l = lang_find(app->lang);
    app->ui.rtl = l && l->rtl;
    app->ui.language_name = l ? l->name : "";
    app->ui.keyboard_layout = lang_of(app->lang)->keyboard;
}

/* The languages there are catalogues for, by their own names: the start
 * language (stored) chosen, and which one is on screen now. */
static void list_languages(App *app)
{
    FlowList *l = &app->lists.languages;
    char lang[16] = "nl", stored[16]; /* never chosen: Kring starts in Dutch */
    if (store_setting(app->store, "language", stored, sizeof stored) && stored[0])
        snprintf(lang, sizeof lang, "%s", stored);
    l->n = 0;
    l->chosen = -1;
    app->lists.language_now = -1;
    for (int i = 0; i < LANG_COUNT; i++) {
        const Language *lg = &lang_table[i];
        char path[1200];
        snprintf(path, sizeof path, "%s/assets/po/%s.po", paths_data_dir(), lg->code);
        if (strcmp(lg->code, "nl") != 0 && access(path, R_OK) != 0)
            continue; /* no catalogue for it */
        snprintf(app->lang_codes[l->n], sizeof app->lang_codes[0], "%s", lg->code);
        snprintf(l->text[l->n], sizeof l->text[0], "%s", lg->name);
        l->note[l->n][0] = '\0';
        if (!strcmp(lang, lg->code)) l->chosen = l->n;
        if (!strcmp(app->lang, lg->code)) app->lists.language_now = l->n;
        l->n++;
    }
}

static void list_settings(App *app)
{
    list_languages(app);
    FlowList *p = &app->lists.printers;
    char chosen[128] = "";
    store_setting(app->store, "printer", chosen, sizeof chosen);
    char names[FLOW_LIST_MAX][128];
    int def = -1;
    int n = print_printers(names, FLOW_LIST_MAX - 1, &def);
    p->n = 0;
    snprintf(app->printer_names[0], sizeof app->printer_names[0], "%s", "");
    snprintf(p->text[0], sizeof p->text[0], "%s", tr(app->cat, "De standaardprinter"));
    snprintf(p->note[0], sizeof p->note[0], "%.79s", def >= 0 ? names[def] : tr(app->cat, "geen"));
    p->chosen = 0;
    p->n = 1;
    for (int i = 0; i < n; i++) {
        snprintf(app->printer_names[p->n], sizeof app->printer_names[0], "%.127s", names[i]);
        snprintf(p->text[p->n], sizeof p->text[0], "%.127s", names[i]);
        p->note[p->n][0] = '\0';
        if (chosen[0] && !strcmp(chosen, names[i])) p->chosen = p->n;
        p->n++;
    }
    if (!n) snprintf(p->note[0], sizeof p->note[0], "%s", tr(app->cat, "geen printer gevonden"));
}

/* Loads the catalogue for code ("nl": none); false when it cannot. */
static bool use_language(App *app, const char *code)
{
    Catalog *cat = NULL;
    if (strcmp(code, "nl") != 0) {
        char path[1200], err[600];
        snprintf(path, sizeof path, "%s/assets/po/%s.po", paths_data_dir(), code);
        cat = catalog_load(path, err, sizeof err);
        if (!cat) {
            fprintf(stderr, "kring: language '%s' is not available (%s)\n", code, err);
            return false;
        }
    }
    catalog_destroy(app->cat);
    app->cat = cat;
    app->ui.cat = cat;
    snprintf(app->lang, sizeof app->lang, "%s", code);
    ui_language(app);
    return true;
}

/* What the start screen says is kept on the device, and until when, with
 * no family's name. */
static void kept_summary(App *app)
{
    MeetingInfo m[64];
    int n = store_meetings(app->store, m, 64), kept = 0;
    int64_t first = 0;
    for (int i = 0; i < n; i++)
        if (m[i].state == MEETING_KEPT) {
            kept++;
            if (m[i].kept_until > 0 && (!first || m[i].kept_until < first)) first = m[i].kept_until;
        }
    app->kept_words[0] = '\0';
    if (!kept) return;
    char count[16], a[160], b[160] = "";
    snprintf(count, sizeof count, "%d", kept);
    tr_fill(a, sizeof a,
            trn(app->cat, "Bewaard voor de evaluatie: %s gesprek.",
                "Bewaard voor de evaluatie: %s gesprekken.", kept),
            count);
    if (first) {
        time_t t = (time_t)first;
        struct tm tm;
        localtime_r(&t, &tm);
        char date[64];
        tr_date(app->cat, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, date, sizeof date);
        tr_fill(b, sizeof b, tr(app->cat, "Het eerste wordt op %s vanzelf gewist."), date);
    }
    snprintf(app->kept_words, sizeof app->kept_words, "%s %s", a, b);
}

/* Erases kept meetings whose date has passed. */
static void expire_kept(App *app)
{
    int n = store_expire(app->store, wall_ms(app) / 1000);
    if (n < 0)
        fprintf(stderr, "kring: %s\n", store_message(app->store));
    else if (n > 0)
        fprintf(stderr, "kring: %d kept meeting(s) erased after their date\n", n);
    kept_summary(app);
    app->dirty = true;
}

/* Leaves the meeting on screen: nothing of it stays in memory. */
static void forget_meeting(App *app)
{
    plan_reset(app->plan);
    app->meeting = 0;
    app->unsaved = false;
    app->problem[0] = '\0';
    app->printing = PRINT_IDLE;
    app->print_words[0] = '\0';
    if (app->job_active && print_cancel(&app->job) != 0) /* the meeting is over: so is its job */
        fprintf(stderr, "kring: a print job of the meeting could not be cancelled\n");
    app->job_active = false;
    flow_to_start(&app->flow, app->pin_set);
    kept_summary(app);
}

/* Shows meeting id with its plan (taken over), at its first step. */
static void enter_meeting(App *app, Plan *plan, int64_t id)
{
    plan_destroy(app->plan);
    app->plan = plan;
    app->plan_gen++;
    app->meeting = id;
    flow_to_meeting(&app->flow);
}

/* Begins a meeting with plan (taken over), dated today when it has no date. */
static void begin_meeting(App *app, Plan *plan)
{
    if (!plan) {
        set_problem(app, tr(app->cat, "Dat lukte niet. Probeer het nog eens."));
        return;
    }
    if (!plan_valid_date(plan->field[FIELD_DATE])) {
        char day[11];
        today(app, day);
        if (!plan_set_field(plan, FIELD_DATE, day)) {
            set_problem(app, tr(app->cat, "Dat lukte niet. Probeer het nog eens."));
            plan_destroy(plan);
            return;
        }
    }
    int64_t id;
    if (store_meeting_create(app->store, plan, wall_ms(app) / 1000, &id) != STORE_OK) {
        fprintf(stderr, "kring: %s\n", store_message(app->store));
        set_problem(app, tr(app->cat, "Dat lukte niet. Probeer het nog eens."));
        plan_destroy(plan);
        return;
    }
    enter_meeting(app, plan, id);
}

static void new_meeting(App *app, int index)
{
    if (index == 0) {
        begin_meeting(app, plan_create());
        return;
    }
    char err[1400];
    Plan *plan = planfile_read(app->plan_paths[index - 1], err, sizeof err);
    if (!plan) {
        /* its number, not its name: a file's name is often the family's */
        fprintf(stderr, "kring: prepared plan file %d of the plans folder could not be read: %s\n",
                index, err);
        snprintf(
            app->notice, sizeof app->notice, "%s",
            tr(app->cat, "Dit plan kon niet worden gelezen. Kies een ander plan of begin leeg."));
        return;
    }
    begin_meeting(app, plan);
}

static void continue_meeting(App *app, int index)
{
    int64_t id = app->meeting_ids[index];
    Plan *plan = NULL;
    if (app->have_kek && store_meeting_reopen(app->store, id, app->kek) == STORE_OK)
        plan = store_meeting_load(app->store, id);
    if (!plan) {
        fprintf(stderr, "kring: meeting %lld: %s\n", (long long)id, store_message(app->store));
        snprintf(app->notice, sizeof app->notice, "%s",
                 tr(app->cat, "Dit gesprek kon niet worden geopend. Het is niet gewist. Vraag "
                              "de beheerder om hulp."));
        return;
    }
    enter_meeting(app, plan, id);
}

static void end_meeting(App *app, bool keep)
{
    if (app->unsaved) save(app);
    int64_t now = wall_ms(app) / 1000;
    int64_t until = flow_keep_until(app->plan, now, app->retention_days, app->keep_margin_days);
    StoreStatus st = keep && !app->have_kek ? STORE_ERROR
                     : keep ? store_meeting_keep(app->store, app->meeting, app->kek, until)
                            : store_meeting_close(app->store, app->meeting);
    if (st != STORE_OK) {
        fprintf(stderr, "kring: %s\n", store_message(app->store));
        set_problem(
            app, tr(app->cat, keep ? "Het gesprek kon niet worden bewaard. Probeer het nog eens."
                                   : "Het gesprek kon niet worden gewist. Probeer het nog eens."));
        return;
    }
    if (app->opt->verbose)
        fprintf(stderr, "kring: meeting %lld %s\n", (long long)app->meeting,
                keep ? "kept" : "closed");
    if (keep) { /* until when, and why: the facilitator reads it on the start screen */
        time_t t = (time_t)until;
        struct tm tm;
        localtime_r(&t, &tm);
        char date[64];
        tr_date(app->cat, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, date, sizeof date);
        bool for_eval =
            flow_kept_for_evaluation(app->plan, now, app->retention_days, app->keep_margin_days);
        const char *words =
            for_eval ? tr(app->cat, "Het gesprek is bewaard tot %s: tot na de evaluatie, zodat "
                                    "de familie dan verder kan.")
                     : tr(app->cat, "Het gesprek is bewaard tot %s, zoals in de instellingen "
                                    "staat.");
        tr_fill(app->notice, sizeof app->notice, words, date);
        if (app->opt->verbose)
            fprintf(stderr, "kring: kept until %04d-%02d-%02d (%s)\n", tm.tm_year + 1900,
                    tm.tm_mon + 1, tm.tm_mday, for_eval ? "after its evaluation" : "as set");
    }
    forget_meeting(app);
}

static void set_setting(App *app, const char *key, const char *value, const char *said)
{
    const char *pairs[2] = {key, value};
    if (store_set_settings(app->store, pairs, 1) != STORE_OK) {
        fprintf(stderr, "kring: %s\n", store_message(app->store));
        snprintf(app->settings_said, sizeof app->settings_said, "%s",
                 tr(app->cat, "Dit kon niet worden bewaard. Probeer het nog eens."));
        return;
    }
    snprintf(app->settings_said, sizeof app->settings_said, "%s", tr(app->cat, said));
    list_settings(app);
}

static void set_number_setting(App *app, const char *key, int value, const char *said)
{
    char v[16];
    snprintf(v, sizeof v, "%d", value);
    set_setting(app, key, v, said);
}

/* The PIN was right: do what it was asked for (the screens it opens are
 * the router's). */
static void pin_granted(App *app, PinFor purpose)
{
    switch (purpose) {
    case PIN_FOR_NEW:
        list_plans(app);
        break;
    case PIN_FOR_CONTINUE:
        list_meetings(app);
        break;
    case PIN_FOR_SETTINGS:
        app->settings_said[0] = '\0';
        list_settings(app);
        break;
    case PIN_FOR_LEAVE:
        app->quit = app->left = true;
        break;
    case PIN_FOR_UNCOVER:
        app->last_touch = app_now(app);
        break;
    default:
        break;
    }
    flow_pin_granted(&app->flow, purpose);
    if (purpose == PIN_FOR_UNDO || purpose == PIN_FOR_REDO)
        undo(app, purpose == PIN_FOR_REDO, true);
    if (purpose == PIN_FOR_APPROVE) {
        Edit e = {.kind = EDIT_APPROVE, .time = wall_ms(app) / 1000};
        apply(app, &e);
    }
}

static void on_pin(App *app, PinFor purpose, const char *pin)
{
    FlowState *f = &app->flow;
    char said[400];
    if (purpose == PIN_FOR_SETUP || purpose == PIN_FOR_CHANGE || purpose == PIN_FOR_RESET) {
        PinRule rule = pin_rule(pin);
        unsigned char *fresh = sodium_malloc(STORE_KEK_BYTES);
        bool have_fresh = rule == PIN_FINE && fresh && pin_key(app->store, pin, fresh) == PIN_OK;
        /* the kept meetings follow the new PIN, in the same transaction */
        bool rekey = have_fresh && app->have_kek;
        if (pin_change(app->store, pin, rekey ? app->kek : NULL, rekey ? fresh : NULL, &rule) !=
            PIN_OK) {
            if (rule == PIN_FINE) fprintf(stderr, "kring: %s\n", store_message(app->store));
            if (fresh) sodium_free(fresh);
            flow_pin_result(f, false, tr(app->cat, pin_rule_words(rule)));
            return;
        }
        if (have_fresh && app->kek) { /* the key is the new PIN's now */
            memcpy(app->kek, fresh, STORE_KEK_BYTES);
            app->have_kek = true;
        }
        /* a recovery code for this PIN, shown once, to be kept on paper */
        char code[PIN_RECOVERY_DIGITS + 1];
        const char *chosen = NULL;
#ifdef KRING_FAULT_HOOKS
        chosen = getenv("KRING_TEST_RECOVERY_CODE"); /* tests only: a code they know */
#endif
        bool recovery = have_fresh && pin_new_recovery(app->store, fresh, chosen, code) == PIN_OK;
        if (fresh) sodium_free(fresh);
        app->pin_set = true;
        flow_pin_result(f, true, NULL);
        if (recovery) {
            char groups[32];
            snprintf(groups, sizeof groups, "%.4s %.4s %.4s %.4s %.4s", code, code + 4, code + 8,
                     code + 12, code + 16);
            sodium_memzero(code, sizeof code);
            /* the code on a line of its own, to be copied without a mistake */
            snprintf(app->notice, sizeof app->notice, "%s\n%s\n%s",
                     tr(app->cat, "Schrijf deze herstelcode op papier en bewaar hem veilig, apart "
                                  "van Kring:"),
                     groups,
                     tr(app->cat, "Vergeet u de pincode, dan kiest u met deze code op Kring zelf "
                                  "een nieuwe. Kring laat de code maar één keer zien."));
            sodium_memzero(groups, sizeof groups);
        } else {
            fprintf(stderr, "kring: no recovery code could be made: %s\n",
                    store_message(app->store));
        }
        if (purpose != PIN_FOR_SETUP)
            snprintf(app->settings_said, sizeof app->settings_said, "%s",
                     tr(app->cat, "De nieuwe pincode is bewaard."));
        return;
    }
    if (purpose == PIN_FOR_RECOVER) { /* the code from paper: then a new PIN */
        int64_t wait = 0;
        PinResult r = pin_recover(app->store, pin, wall_ms(app), &wait, app->kek);
        if (r == PIN_OK) {
            app->have_kek = true;
            flow_pin_result(f, true, NULL);
            flow_ask_pin(f, PIN_FOR_RESET);
            return;
        }
        char secs[24];
        long n_secs = (long)((wait + 999) / 1000);
        snprintf(secs, sizeof secs, "%ld", n_secs);
        if (r == PIN_WRONG || r == PIN_WAIT)
            tr_fill(said, sizeof said,
                    trn(app->cat,
                        "Deze herstelcode klopt niet, of het is te vroeg. Probeer het over %s "
                        "seconde opnieuw.",
                        "Deze herstelcode klopt niet, of het is te vroeg. Probeer het over %s "
                        "seconden opnieuw.",
                        n_secs > 0 ? n_secs : 1),
                    secs);
        else
            snprintf(said, sizeof said, "%s",
                     tr(app->cat, "Er is geen herstelcode op dit apparaat. Vraag de beheerder om "
                                  "hulp."));
        flow_pin_result(f, false, said);
        return;
    }
    int64_t wait = 0;
    PinResult r = pin_check(app->store, pin, wall_ms(app), &wait);
    char secs[24];
    long n_secs = (long)((wait + 999) / 1000);
    snprintf(secs, sizeof secs, "%ld", n_secs);
    switch (r) {
    case PIN_OK:
        flow_pin_result(f, true, NULL);
        /* the PIN's key, for keeping, opening and listing kept meetings */
        app->have_kek = app->kek && pin_key(app->store, pin, app->kek) == PIN_OK;
        pin_granted(app, purpose);
        return;
    case PIN_WRONG:
        if (wait > 0)
            tr_fill(said, sizeof said,
                    trn(app->cat, "Deze pincode klopt niet. Probeer het over %s seconde opnieuw.",
                        "Deze pincode klopt niet. Probeer het over %s seconden opnieuw.", n_secs),
                    secs);
        else
            snprintf(said, sizeof said, "%s",
                     tr(app->cat, "Deze pincode klopt niet. Probeer het opnieuw."));
        break;
    case PIN_WAIT:
        tr_fill(said, sizeof said,
                trn(app->cat, "Nog even wachten: probeer het over %s seconde opnieuw.",
                    "Nog even wachten: probeer het over %s seconden opnieuw.", n_secs),
                secs);
        break;
    case PIN_NOT_SET:
        flow_ask_pin(f, PIN_FOR_SETUP);
        return;
    case PIN_FAILED:
    default:
        fprintf(stderr, "kring: %s\n", store_message(app->store));
        snprintf(said, sizeof said, "%s",
                 tr(app->cat, "De pincode kon niet worden nagekeken. "
                              "Probeer het nog eens."));
        break;
    }
    if (app->opt->verbose) fprintf(stderr, "kring: PIN refused (%d)\n", (int)r);
    flow_pin_result(f, false, said);
}

static void on_flow(App *app, FlowOut o)
{
    switch (o.act) {
    case FLOW_NOTHING:
        return;
    case FLOW_REDRAW:
    case FLOW_ASK_PIN: /* the router's own: done before they come here */
    case FLOW_PANEL:
    case FLOW_FAMILY_TIME:
    case FLOW_STEP:
        break;
    case FLOW_EDIT:
        apply(app, &o.edit);
        break;
    case FLOW_UNDO:
        undo(app, false, false);
        break;
    case FLOW_REDO:
        undo(app, true, false);
        break;
    case FLOW_DISMISS:
        app->notice[0] = '\0';
        break;
    case FLOW_PRINT:
        start_print(app, o.index, o.redact);
        break;
    case FLOW_PIN:
        on_pin(app, o.pin_for, o.pin);
        break;
    case FLOW_NEW:
        new_meeting(app, o.index);
        break;
    case FLOW_CONTINUE:
        continue_meeting(app, o.index);
        break;
    case FLOW_KEEP:
        end_meeting(app, true);
        break;
    case FLOW_CLOSE:
        end_meeting(app, false);
        break;
    case FLOW_LEAVE:
        app->quit = true;
        break;
    case FLOW_PRINTER:
        set_setting(app, "printer", app->printer_names[o.index], N_("De printer is gekozen."));
        break;
    case FLOW_SETTINGS:
        pin_granted(app, PIN_FOR_SETTINGS);
        break;
    case FLOW_RETENTION:
        app->retention_days = o.index;
        set_number_setting(app, "retention", o.index, N_("Bewaarde gesprekken blijven zo lang."));
        break;
    case FLOW_KEEP_MARGIN:
        app->keep_margin_days = o.index;
        set_number_setting(app, "keep_margin", o.index,
                           N_("Bewaarde gesprekken blijven zo lang na hun evaluatie."));
        break;
    case FLOW_COVER:
        app->cover_minutes = o.index;
        set_number_setting(app, "cover", o.index, N_("Het plan wordt na die tijd afgedekt."));
        break;
    case FLOW_SHARE_NETWORK:
        app->share_network = o.index;
        set_number_setting(app, "share_network", o.index,
                           N_("Zo krijgen telefoons hun pagina bij het delen."));
        break;
    case FLOW_SCREEN_SIZE:
        app->screen_tenths = o.index >= 30 ? o.index : 0;
        set_number_setting(app, "screen_inches", app->screen_tenths,
                           N_("Kring tekent nu voor dit scherm."));
        app->dirty = true;
        break;
    case FLOW_UNCOVERED:
        app->last_touch = app_now(app);
        break;
    case FLOW_ROTATION: {
        static const char *const turns[4] = {"0", "90", "180", "270"};
        set_rotation(app, o.index * 90);
        set_setting(app, "rotation", turns[o.index & 3], N_("Het scherm is gedraaid."));
        break;
    }
    case FLOW_LANGUAGE_NOW: /* for this meeting; the start language stays */
        if (use_language(app, app->lang_codes[o.index])) list_languages(app);
        break;
    case FLOW_LANGUAGE:
        if (use_language(app, app->lang_codes[o.index]))
            set_setting(app, "language", app->lang_codes[o.index], N_("De taal is gekozen."));
        break;
    }
    app->dirty = true;
}

/* ------------------------------------------------------------------ */
/* Frames                                                               */
/* ------------------------------------------------------------------ */

/* The density to lay out for: --dpi; else the screen's size as set in
 * the settings (its diagonal against the pixels); else what the display
 * says. */
static float app_dpi(const App *app)
{
    if (app->dpi > 0) return app->dpi;
    if (app->screen_tenths > 0) {
        double diag = sqrt((double)app->out_w * app->out_w + (double)app->out_h * app->out_h);
        float d = (float)(diag * 10.0 / app->screen_tenths);
        if (d >= 50 && d <= 600) return d;
    }
    return app->display_dpi > 0 ? app->display_dpi : 96;
}

static void build(App *app)
{
    float mm = ui_scale_for(app->w, app->h, app_dpi(app));
    char err[300];
    if (render_set_scale(app->render, app->ui.theme, mm, err, sizeof err) != 0)
        fprintf(stderr, "kring: %s\n", err);
    ui_begin(&app->ui, app->w, app->h, mm);
    flow_view_update(app);
    flow_draw(&app->ui, &app->flow, app->plan, &app->gestures, &app->lists);
}

/* Writes a word to the file descriptor named in environment variable
 * `var`, if there is one (kring-bench listens there). */
static void report(const char *var, const char *word)
{
    const char *fd = getenv(var);
    if (fd && fd[0]) {
        ssize_t n = write(atoi(fd), word, strlen(word));
        (void)n;
    }
}

/* Builds the frame when something changed, and presents it only when it
 * differs from what is on screen. */
static void frame(App *app)
{
    if (app->have_kek && !flow_facilitator_open(&app->flow)) {
        sodium_memzero(app->kek, STORE_KEK_BYTES); /* the facilitator's panel is closed */
        app->have_kek = false;
    }
    if (!app->dirty) return;
    app->dirty = false;
    build(app);
    if (app->ui.dl.short_of_memory) { /* keep the picture there is; try again soon */
        app->redraw_at = app_now(app) + REDRAW_SHORT_MS;
        return;
    }
    if (!app->force && draw_equal(&app->ui.dl, &app->shown)) return;
    show(app, &app->ui.dl);
    SDL_RenderPresent(app->sdl);
    if (render_short_of_memory(app->render)) { /* what shows is not whole */
        app->redraw_at = app_now(app) + REDRAW_SHORT_MS;
        app->force = true;
        return;
    }
    app->frames++;
    if (app->frames == 1) { /* the first frame is on screen */
        report("KRING_FIRST_FRAME_FD", "f");
        sd_notify(0, "READY=1");
        render_warm(app->render, &app->ui.dl);
    }
    app->force = !draw_copy(&app->shown, &app->ui.dl);
}

int app_screenshot(App *app, const char *path, char *err, size_t errlen)
{
    show(app, &app->shown);
    size_t pitch = (size_t)app->out_w * 4;
    uint32_t *pixels = malloc(pitch * (size_t)app->out_h);
    if (!pixels) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = SDL_RenderReadPixels(app->sdl, NULL, SDL_PIXELFORMAT_ARGB8888, pixels, (int)pitch);
    if (rc != 0)
        snprintf(err, errlen, "could not read the screen: %s", SDL_GetError());
    else
        rc = image_write_png(path, pixels, app->out_w, app->out_h, (int)pitch, err, errlen);
    free(pixels);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Start, loop, stop                                                    */
/* ------------------------------------------------------------------ */

static int start_video(App *app)
{
    const AppOptions *o = app->opt;
    if (o->headless && !getenv("SDL_VIDEODRIVER")) SDL_setenv("SDL_VIDEODRIVER", "offscreen", 1);
    const char *want = getenv("SDL_VIDEODRIVER");
    bool console = want ? !SDL_strcasecmp(want, "kmsdrm")
                        : !o->headless && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY");
    if (console && !getenv("SDL_KMSDRM_DEVICE_INDEX")) { /* the card with the screen */
        int card = drm_pick_card("/dev/dri");
        if (card > 0) {
            char n[16];
            snprintf(n, sizeof n, "%d", card);
            SDL_setenv("SDL_KMSDRM_DEVICE_INDEX", n, 1);
            if (o->verbose) fprintf(stderr, "kring: the screen is on /dev/dri/card%d\n", card);
        }
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* a window manager's close does not end the kiosk (it ended it with
     * status 0, which a service takes as "done"): only the PIN or the
     * service manager's SIGTERM do */
    if (o->kiosk) SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "kring: the screen could not be opened: %s\n", SDL_GetError());
        return -1;
    }
    signal(SIGPIPE, SIG_IGN); /* a print server that hangs up is an error, not the end */
    if (o->kiosk) {           /* only SIGTERM (SDL makes it a quit event) ends Kring */
        static const int ignored[] = {SIGINT, SIGQUIT, SIGTSTP, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM};
        for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
            signal(ignored[i], SIG_IGN);
    }
    const char *driver = SDL_GetCurrentVideoDriver();
    bool kms = driver && strcmp(driver, "KMSDRM") == 0;
    app->sleeps_in_wait = driver && (!strcmp(driver, "x11") || !strcmp(driver, "wayland"));
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
    if (o->fullscreen || kms) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    int w = o->width > 0 ? o->width : 1280, h = o->height > 0 ? o->height : 800;
    app->win =
        SDL_CreateWindow("Kring", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!app->win) {
        fprintf(stderr, "kring: no window: %s\n", SDL_GetError());
        return -1;
    }
    bool software =
        o->headless || (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")));
    app->sdl = SDL_CreateRenderer(app->win, -1, software ? SDL_RENDERER_SOFTWARE : 0);
    if (!app->sdl) app->sdl = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_SOFTWARE);
    if (!app->sdl) {
        fprintf(stderr, "kring: no renderer: %s\n", SDL_GetError());
        return -1;
    }
    if (kms || o->fullscreen || o->kiosk) SDL_ShowCursor(SDL_DISABLE);
    app->calib = calib_identity();
    const char *matrix = getenv("KRING_TOUCH_MATRIX");
    if (matrix && matrix[0] && !calib_parse(matrix, &app->calib))
        fprintf(stderr, "kring: KRING_TOUCH_MATRIX is not six numbers that can be undone; "
                        "touches are taken as they come\n");
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        app->watchdog_ms = usec / 2000 > 0 ? (uint32_t)(usec / 2000) : 1;
        app->ping_at = app_now(app);
    }
    app->dpi = o->dpi > 0 ? o->dpi : 0;
    float ddpi = 0;
    if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(app->win), &ddpi, NULL, NULL) != 0 ||
        ddpi < 50 || ddpi > 600)
        ddpi = 96;
    app->display_dpi = ddpi;
    update_size(app);
    char err[1300], fonts[1100];
    paths_fonts_dir(fonts, sizeof fonts);
    app->render = render_create(app->sdl, fonts, err, sizeof err);
    if (!app->render) {
        fprintf(stderr, "kring: %s\n", err);
        return -1;
    }
    ui_init(&app->ui, &theme_default, render_measure(app->render));
    app->ui.cat = app->cat;
    ui_language(app);
    list_languages(app);
    gestures_init(&app->gestures, (int)(2.5f * ui_scale_for(app->w, app->h, app_dpi(app))),
                  LONG_PRESS_MS);
    SDL_StartTextInput();
    return 0;
}

/* Writes each share code as DIR/NAME.png with its payload as NAME.txt. */
static int export_qr(App *app, const char *dir)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "kring: cannot make the folder %s: %s\n", dir, strerror(errno));
        return -1;
    }
    ShareSet *set = share_build(app->plan, app->cat, wall_ms(app) / 1000, SHARE_PART_BYTES);
    if (!set) {
        fprintf(stderr, "kring: not enough memory to make the codes\n");
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < set->n && rc == 0; i++) {
        const ShareCode *c = &set->codes[i];
        char path[4200], err[600];
        QrImage q;
        if (qr_make(c->payload, &q, err, sizeof err) != 0) {
            fprintf(stderr, "kring: %s: %s\n", c->name, err);
            rc = -1;
            break;
        }
        snprintf(path, sizeof path, "%s/%s.png", dir, c->name);
        if (qr_write_png(&q, path, 6, err, sizeof err) != 0) {
            fprintf(stderr, "kring: %s\n", err);
            rc = -1;
        }
        qr_free(&q);
        snprintf(path, sizeof path, "%s/%s.txt", dir, c->name);
        FILE *f = fopen(path, "wb");
        if (!f || fputs(c->payload, f) == EOF || fclose(f) != 0) {
            fprintf(stderr, "kring: %s could not be written: %s\n", path, strerror(errno));
            rc = -1;
        }
    }
    if (set->plan_problem) fprintf(stderr, "kring: %s\n", tr(app->cat, set->plan_problem));
    if (set->person_problem) fprintf(stderr, "kring: %s\n", tr(app->cat, set->person_problem));
    if (set->event_problem) fprintf(stderr, "kring: %s\n", tr(app->cat, set->event_problem));
    share_destroy(set);
    return rc;
}

/* Prints the plan and follows the job to its end (two minutes at most). */
static int print_plan(App *app)
{
    char detail[600];
    const char *why;
    PrintJob job;
    if (send_plan(app, app->opt->copies, app->opt->redact, &job, &why, detail, sizeof detail) !=
        0) {
        if (!why)
            fprintf(stderr, "kring: the plan could not be made ready for printing: %s\n", detail);
        else
            fprintf(stderr, "kring: %s (%s)\n", tr(app->cat, why), detail);
        return -1;
    }
    for (int i = 0; i < 600; i++) {
        PrintState st = print_poll(&job, &why);
        if (st == PRINT_DONE) {
            if (app->opt->verbose)
                fprintf(stderr, "kring: printed on %s (job %d)\n", job.printer, job.id);
            return 0;
        }
        if (st == PRINT_FAILED) {
            fprintf(stderr, "kring: %s (%s, job %d)\n", tr(app->cat, why), job.printer, job.id);
            return -1;
        }
        SDL_Delay(200);
    }
    bool cancelled = print_cancel(&job) == 0; /* no plan left waiting in the spool */
    fprintf(stderr, "kring: %s (%s, job %d: still waiting, %s)\n",
            tr(app->cat, "De printer drukt niet af. Kijk of hij aan staat en papier heeft."),
            job.printer, job.id, cancelled ? "cancelled" : "could not be cancelled");
    return -1;
}

static int open_data(App *app)
{
    const AppOptions *o = app->opt;
    char err[1300];
    if (o->lang && strcmp(o->lang, "nl") != 0) {
        char path[1200];
        snprintf(path, sizeof path, "%s/assets/po/%s.po", paths_data_dir(), o->lang);
        app->cat = catalog_load(path, err, sizeof err);
        if (!app->cat) {
            fprintf(stderr, "kring: language '%s' is not available (%s)\n", o->lang, err);
            return -1;
        }
    }
    snprintf(app->lang, sizeof app->lang, "%s", o->lang ? o->lang : "nl");
    char db[4096];
    if (o->db)
        snprintf(db, sizeof db, "%s", o->db);
    else
        paths_default_db(db, sizeof db);
    if (paths_make_parent(db) != 0) {
        fprintf(stderr, "kring: cannot make the folder for %s: %s\n", db, strerror(errno));
        return -1;
    }
    StoreOpen why;
    app->store = store_open(db, &why, err, sizeof err);
    if (!app->store && why != STORE_UNREACHABLE) {
        /* Never overwrite it: move it aside whole and start afresh. */
        char moved[4400], err2[600];
        if (store_set_aside(db, wall_ms(app) / 1000, moved, sizeof moved, err2, sizeof err2) != 0) {
            fprintf(stderr, "kring: %s, and %s\n", err, err2);
            return -1;
        }
        fprintf(stderr, "kring: %s; it was moved aside to %s\n", err, moved);
        const char *what =
            why == STORE_FOREIGN
                ? tr(app->cat, "Het bestand met de plannen hoort bij een ander programma.")
            : why == STORE_NEWER
                ? tr(app->cat, "Het bestand met de plannen is gemaakt door een nieuwere Kring.")
                : tr(app->cat, "Het bestand met de plannen is beschadigd.");
        const char *base = strrchr(moved, '/');
        char kept[1000];
        tr_fill(kept, sizeof kept,
                tr(app->cat, "Het is niet gewist maar apart gezet als %s. Kring begint "
                             "opnieuw. Vraag de beheerder om hulp."),
                base ? base + 1 : moved);
        snprintf(app->notice, sizeof app->notice, "%s %s", what, kept);
        app->store = store_open(db, &why, err, sizeof err);
    }
    if (!app->store) {
        fprintf(stderr, "kring: the database could not be opened: %s\n", err);
        return -1;
    }
    if (o->unlock_pin) { /* the facilitator, at the device's console */
        if (pin_unlock(app->store) != PIN_OK) {
            fprintf(stderr, "kring: the lockout could not be lifted: %s\n",
                    store_message(app->store));
            return -1;
        }
        printf("kring: the PIN can be tried again; it is what it was.\n");
        return 0;
    }
    char turn[8];
    if (store_setting(app->store, "rotation", turn, sizeof turn)) set_rotation(app, atoi(turn));
    char v[16];
    app->retention_days =
        store_setting(app->store, "retention", v, sizeof v) && atoi(v) > 0 ? atoi(v) : 120;
    app->keep_margin_days =
        store_setting(app->store, "keep_margin", v, sizeof v) && atoi(v) > 0 ? atoi(v) : 30;
    app->cover_minutes =
        store_setting(app->store, "cover", v, sizeof v) && atoi(v) >= 0 ? atoi(v) : 10;
    app->share_network = store_setting(app->store, "share_network", v, sizeof v) &&
                                 atoi(v) >= SHARE_NET_NONE && atoi(v) <= SHARE_NET_OWN
                             ? atoi(v)
                             : SHARE_NET_NONE;
    app->screen_tenths =
        store_setting(app->store, "screen_inches", v, sizeof v) && atoi(v) >= 30 && atoi(v) <= 1000
            ? atoi(v)
            : 0;
    expire_kept(app); /* kept meetings past their date go before anything shows */
    app->pin_set = pin_is_set(app->store);
    char lang[16];
    if (!o->lang && store_setting(app->store, "language", lang, sizeof lang) &&
        !use_language(app, lang))
        fprintf(stderr, "kring: starting in Dutch\n");
    if (open_meeting(app) != 0) return -1;
    bool cli = o->export_json || o->export_qr || o->export_pdf || o->print;
    if (cli && !app->meeting) {
        fprintf(stderr, "kring: no meeting is open (start one with --demo or --import FILE)\n");
        return -1;
    }
    if (app->opt->export_json &&
        planfile_write(app->plan, app->opt->export_json, err, sizeof err) != 0) {
        fprintf(stderr, "kring: the plan could not be exported: %s\n", err);
        return -1;
    }
    if (app->opt->export_qr && export_qr(app, app->opt->export_qr) != 0) return -1;
    if (app->opt->print && print_plan(app) != 0) return -1;
    if (app->opt->export_pdf) {
        char fonts[1200];
        paths_fonts_dir(fonts, sizeof fonts);
        Plan *paper = plan_redacted(app->plan, app->opt->redact);
        if (!paper) {
            fprintf(stderr, "kring: not enough memory to make the PDF\n");
            return -1;
        }
        int rc = pdf_write(paper, app->cat, fonts, app->opt->export_pdf, err, sizeof err);
        plan_destroy(paper);
        if (rc != 0) {
            fprintf(stderr, "kring: the plan could not be written as PDF: %s\n", err);
            return -1;
        }
    }
    return 0;
}

static void stop(App *app)
{
    sharing_stop(app->sharing);
    wifi_stop(&app->wifi);
    if (app->kek) sodium_free(app->kek);
    if (app->turned) SDL_DestroyTexture(app->turned);
    if (app->render) render_destroy(app->render);
    ui_fini(&app->ui);
    flow_fini(&app->flow);
    draw_fini(&app->shown);
    if (app->sdl) SDL_DestroyRenderer(app->sdl);
    if (app->win) SDL_DestroyWindow(app->win);
    if (app->win || app->sdl) SDL_Quit();
    plan_destroy(app->plan);
    store_close(app->store);
    catalog_destroy(app->cat);
}

/* Waits for the next event or deadline; true when an event came. Where
 * the video driver cannot sleep until input comes (dummy, offscreen and
 * kmsdrm in SDL 2.26), SDL would look for events every millisecond;
 * Kring looks every 10 ms instead, well within a frame. */
static bool wait_event(App *app, SDL_Event *e)
{
    uint32_t d = app_deadline(app);
    if (app->sleeps_in_wait) {
        if (d == UINT32_MAX) return SDL_WaitEvent(e) == 1;
        uint32_t now = app_now(app);
        int timeout = d > now ? (int)(d - now) : 0;
        return SDL_WaitEventTimeout(e, timeout) == 1;
    }
    for (;;) {
        if (SDL_PollEvent(e)) return true;
        uint32_t now = app_now(app);
        if (d != UINT32_MAX && now >= d) return false;
        uint32_t nap = d != UINT32_MAX && d - now < 10 ? d - now : 10;
        SDL_Delay(nap);
    }
}

int app_run(const AppOptions *opt, const AppInput *input)
{
    App app_storage;
    App *app = &app_storage;
    memset(app, 0, sizeof *app);
    app->opt = opt;
    draw_init(&app->shown);
    flow_init(&app->flow);
    int status = 1;
    if (input) { /* the input's clock: virtual, the same on every run */
        app->virtual_clock = true;
        app->now = 1000;
    }
    umask(077); /* what Kring writes (the database, a PDF) is the user's alone */
    /* Large blocks (the PIN's key takes 32 MiB for a moment) always come
     * from and go back to the system: glibc would otherwise raise this
     * threshold after the first one and keep later ones in its heap, and a
     * kiosk that runs for months would hold on to them. */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    if (opt->kiosk) { /* a family's plan never lands in a core dump */
        setrlimit(RLIMIT_CORE, &(struct rlimit){0, 0});
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    if (open_data(app) != 0) goto out;
    app->kek = sodium_malloc(STORE_KEK_BYTES); /* locked memory, wiped when freed */
    if (opt->export_json || opt->export_qr || opt->export_pdf || opt->print ||
        opt->unlock_pin) { /* no screen */
        status = 0;
        goto out;
    }
    if (start_video(app) != 0) goto out;
    if (app->meeting)
        flow_to_meeting(&app->flow);
    else
        flow_to_start(&app->flow, app->pin_set);
    /* on the device, back after a power cut or a crash: the meeting is
     * there, behind the facilitator's PIN (whoever switched it on may not
     * be the family) */
    if (app->meeting && app->resumed && opt->kiosk && app->pin_set) flow_cover_pin_only(&app->flow);
    app->dirty = app->force = true;
    frame(app);
    status = 0;
    while (!app->quit) {
        SDL_Event e;
        if (input) {
            InputStatus is = input->step(input->ctx, app);
            if (is == INPUT_FAILED) {
                fprintf(stderr, "kring: %s\n", input->message(input->ctx));
                status = 1;
                break;
            }
            if (is == INPUT_DONE) break;
            while (SDL_PollEvent(&e))
                handle(app, &e);
        } else if (opt->screenshot) {
            break; /* the first frame is all that was asked for */
        } else if (wait_event(app, &e)) {
            handle(app, &e);
            while (SDL_PollEvent(&e))
                handle(app, &e);
        }
        tick(app);
        frame(app);
    }
    if (status == 0 && opt->screenshot) {
        char err[600];
        if (app_screenshot(app, opt->screenshot, err, sizeof err) != 0) {
            fprintf(stderr, "kring: %s\n", err);
            status = 1;
        }
    }
    if (status == 0 && app->unsaved) {
        fprintf(stderr, "kring: the last change could not be stored\n");
        status = 1;
    }
    if (status == 0 && app->left && opt->kiosk)
        status = KRING_LEFT_KIOSK; /* the service is not to start Kring again */
out : {
    char frames[48];
    snprintf(frames, sizeof frames, "frames %llu\n", (unsigned long long)app->frames);
    report("KRING_REPORT_FD", frames);
}
    stop(app);
    return status;
}
