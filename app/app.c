/* app: the App, its event-driven loop, and the edge where SDL events
 * become Kring's own finger events. */
#include "app.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "core/edit.h"
#include "core/gesture.h"
#include "core/i18n.h"
#include "core/planfile.h"
#include "core/share.h"
#include "export/image.h"
#include "export/pdf.h"
#include "export/print.h"
#include "export/qr.h"
#include "platform/paths.h"
#include "platform/render.h"
#include "player.h"
#include "store/pin.h"
#include "store/store.h"
#include "ui/board.h"

enum {
    MOUSE_FINGER = -1,     /* the mouse counts as one more finger */
    LONG_PRESS_MS = 600,
    RETRY_SAVE_MS = 2000,
};

struct App {
    const AppOptions *opt;
    SDL_Window *win;
    SDL_Renderer *sdl;
    Render *render;
    Ui ui;
    BoardState board;      /* selection, sheet, keyboard: screen state */
    Gestures gestures;
    DrawList shown;        /* the list on screen now */
    Catalog *cat;
    Store *store;
    int64_t meeting;
    Plan *plan;
    bool unsaved;          /* the plan on screen is not stored yet */
    char notice[1200];     /* something the facilitator must read, or "" */
    uint32_t retry_at;
    char problem[300];
    PrintJob job;          /* the print job being followed */
    bool job_active;
    uint32_t job_poll_at, job_started;
    PrintProgress printing;
    char print_words[400];
    int w, h;              /* frame size in pixels */
    float dpi;
    bool dirty;            /* something may look different: build a frame */
    bool force;            /* present even if the list did not change */
    bool virtual_clock;
    bool sleeps_in_wait;     /* the video driver can sleep until input comes */
    uint32_t now;
    uint64_t frames;       /* frames presented */
    bool quit;
};

/* ------------------------------------------------------------------ */
/* Clock and accessors for the player                                   */
/* ------------------------------------------------------------------ */

uint32_t app_now(const App *app)
{
    return app->virtual_clock ? app->now : SDL_GetTicks();
}

uint32_t app_deadline(const App *app)
{
    uint32_t d = gestures_deadline(&app->gestures);
    if (app->unsaved && app->retry_at < d)
        d = app->retry_at;
    if (app->job_active && app->job_poll_at < d)
        d = app->job_poll_at;
    return d;
}

void app_advance_to(App *app, uint32_t t)
{
    uint32_t d = app_deadline(app);
    app->now = d > app->now && d < t ? d : t;
}

const Ui *app_ui(const App *app) { return &app->ui; }
uint64_t app_frames(const App *app) { return app->frames; }
uint32_t app_window_id(const App *app) { return SDL_GetWindowID(app->win); }

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

static void save(App *app)
{
    if (store_commit(app->store, app->meeting, app->plan, (int64_t)time(NULL)) == STORE_OK) {
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
    app->dirty = true;
}

static void undo(App *app, bool redo)
{
    if (app->unsaved) /* first store what is on screen */
        save(app);
    if (app->unsaved)
        return;
    bool can = redo ? store_can_redo(app->store, app->meeting)
                    : store_can_undo(app->store, app->meeting);
    if (can)
        replace_plan(app, redo ? store_redo(app->store, app->meeting)
                               : store_undo(app->store, app->meeting));
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
        if (store_meeting_create(app->store, plan, (int64_t)time(NULL), &app->meeting) != STORE_OK) {
            fprintf(stderr, "kring: %s\n", store_message(app->store));
            return -1;
        }
        return 0;
    }
    app->meeting = store_meeting_latest(app->store);
    if (app->meeting) {
        app->plan = store_meeting_load(app->store, app->meeting);
        if (app->plan)
            return 0;
        /* Leave that meeting as it is (it can still be rescued) and begin
         * a new one. */
        fprintf(stderr, "kring: meeting %lld could not be read: %s\n", (long long)app->meeting,
                store_message(app->store));
        snprintf(app->notice, sizeof app->notice, "%s",
                 tr(app->cat, "Het laatste plan kon niet worden gelezen. Het is niet gewist. "
                              "Kring begint met een nieuw plan. Vraag de beheerder om hulp."));
    }
    app->plan = plan_create();
    if (store_meeting_create(app->store, app->plan, (int64_t)time(NULL), &app->meeting) != STORE_OK) {
        fprintf(stderr, "kring: %s\n", store_message(app->store));
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
    EditResult r = plan_apply(app->plan, e, NULL, &why);
    app->dirty = true;
    bool from_sheet = app->board.sheet_edit;
    board_edit_result(&app->board, app->plan, r, why);
    if (r != EDIT_OK) {
        if (!from_sheet) /* the sheet shows its own reasons */
            set_problem(app, tr(app->cat, why));
        return;
    }
    save(app);
}

static void on_board(App *app, BoardResult r, const Edit *edit);

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
static int send_plan(App *app, int copies, PrintJob *job, const char **why, char *detail,
                     size_t n)
{
    char fonts[1200];
    paths_fonts_dir(fonts, sizeof fonts);
    unsigned char *pdf = NULL;
    size_t size = 0;
    *why = NULL;
    if (pdf_render(app->plan, app->cat, fonts, &pdf, &size, detail, n) != 0)
        return -1;
    int rc = print_send(app->opt->printer, pdf, size, copies, tr(app->cat, "Familiegroepsplan"),
                        job, why, detail, n);
    free(pdf);
    return rc;
}

/* The family tapped "Printen": send the job now, follow it in tick(). */
static void start_print(App *app)
{
    char detail[600];
    const char *why;
    if (send_plan(app, app->board.share.copies, &app->job, &why, detail, sizeof detail) != 0) {
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
            print_said(app, PRINT_PROBLEM,
                       "De printer drukt niet af. Kijk of hij aan staat en papier heeft.");
        } else {
            app->job_poll_at = app_now(app) + PRINT_POLL_MS;
        }
        break;
    }
}

static void on_gesture(App *app, const Gesture *g)
{
    Edit edit;
    on_board(app, board_gesture(&app->ui, &app->board, app->plan, &app->gestures, g, &edit),
             &edit);
}

static void on_board(App *app, BoardResult r, const Edit *edit)
{
    switch (r) {
    case BOARD_NOTHING: break;
    case BOARD_REDRAW: app->dirty = true; break;
    case BOARD_EDIT: apply(app, edit); break;
    case BOARD_UNDO: undo(app, false); break;
    case BOARD_REDO: undo(app, true); break;
    case BOARD_DISMISS: app->notice[0] = '\0'; app->dirty = true; break;
    case BOARD_PRINT: start_print(app); break;
    }
}

static void finger_down(App *app, int64_t id, Point p)
{
    const Widget *w = ui_hit(&app->ui, p, GRAB_TAP | GRAB_DRAG | GRAB_LONGPRESS);
    gestures_down(&app->gestures, id, p, app_now(app), w ? w->id : NULL, w ? w->grab : 0);
}

static void finger_move(App *app, int64_t id, Point p)
{
    Gesture g;
    if (gestures_move(&app->gestures, id, p, app_now(app), &g))
        on_gesture(app, &g);
}

static void finger_up(App *app, int64_t id, Point p)
{
    Gesture g;
    if (gestures_up(&app->gestures, id, p, app_now(app), &g))
        on_gesture(app, &g);
    app->dirty = true;
}

static Point touch_point(const App *app, float x, float y)
{
    return (Point){ (int)(x * (float)app->w), (int)(y * (float)app->h) };
}

/* Mouse coordinates are in window points; frames may have more pixels. */
static Point mouse_point(const App *app, int x, int y)
{
    int ww, wh;
    SDL_GetWindowSize(app->win, &ww, &wh);
    return (Point){ ww > 0 ? x * app->w / ww : x, wh > 0 ? y * app->h / wh : y };
}

static void update_size(App *app)
{
    int w, h;
    SDL_GetRendererOutputSize(app->sdl, &w, &h);
    if (w != app->w || h != app->h) {
        app->w = w;
        app->h = h;
        app->dirty = app->force = true;
    }
}

static void on_key(App *app, const SDL_KeyboardEvent *k)
{
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    static const struct { SDL_Keycode sym; SheetKey key; } keys[] = {
        { SDLK_BACKSPACE, SKEY_BACKSPACE }, { SDLK_DELETE, SKEY_DELETE }, { SDLK_LEFT, SKEY_LEFT },
        { SDLK_RIGHT, SKEY_RIGHT }, { SDLK_HOME, SKEY_HOME }, { SDLK_END, SKEY_END },
        { SDLK_RETURN, SKEY_RETURN }, { SDLK_KP_ENTER, SKEY_RETURN }, { SDLK_ESCAPE, SKEY_ESCAPE },
    };
    if (app->board.sheet.open || app->board.goals.open) {
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (keys[i].sym == k->keysym.sym) {
                Edit edit;
                on_board(app, board_key(&app->board, keys[i].key, &edit), &edit);
                return;
            }
        return;
    }
    if (ctrl && k->keysym.sym == SDLK_z)
        undo(app, shift);
    else if (ctrl && k->keysym.sym == SDLK_y)
        undo(app, true);
}

static void handle(App *app, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_FINGERDOWN:
        finger_down(app, (int64_t)e->tfinger.fingerId, touch_point(app, e->tfinger.x, e->tfinger.y));
        break;
    case SDL_FINGERMOTION:
        finger_move(app, (int64_t)e->tfinger.fingerId, touch_point(app, e->tfinger.x, e->tfinger.y));
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
        on_board(app, board_text(&app->board, e->text.text), NULL);
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

/* Fires what has come due: long presses, a retry of a failed save. */
static void tick(App *app)
{
    Gesture g;
    while (gestures_tick(&app->gestures, app_now(app), &g))
        on_gesture(app, &g);
    if (app->unsaved && app_now(app) >= app->retry_at)
        save(app);
    if (app->job_active && app_now(app) >= app->job_poll_at)
        follow_print(app);
}

/* ------------------------------------------------------------------ */
/* Frames                                                               */
/* ------------------------------------------------------------------ */

static void build(App *app)
{
    float mm = ui_scale_for(app->w, app->h, app->dpi);
    char err[300];
    if (render_set_scale(app->render, app->ui.theme, mm, err, sizeof err) != 0)
        fprintf(stderr, "kring: %s\n", err);
    ui_begin(&app->ui, app->w, app->h, mm);
    BoardView view = {
        .can_undo = app->unsaved || store_can_undo(app->store, app->meeting),
        .can_redo = !app->unsaved && store_can_redo(app->store, app->meeting),
        .problem = app->problem[0] ? app->problem : NULL,
        .notice = app->notice[0] ? app->notice : NULL,
        .printing = app->printing,
        .print_words = app->print_words,
    };
    board_draw(&app->ui, &app->board, app->plan, &app->gestures, &view);
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
    if (!app->dirty)
        return;
    app->dirty = false;
    build(app);
    if (!app->force && draw_equal(&app->ui.dl, &app->shown))
        return;
    render_draw(app->render, &app->ui.dl);
    SDL_RenderPresent(app->sdl);
    app->frames++;
    if (app->frames == 1) { /* the first frame is on screen */
        report("KRING_FIRST_FRAME_FD", "f");
        render_warm(app->render, &app->ui.dl);
    }
    app->force = false;
    draw_copy(&app->shown, &app->ui.dl);
}

int app_screenshot(App *app, const char *path, char *err, size_t errlen)
{
    render_draw(app->render, &app->shown);
    size_t pitch = (size_t)app->w * 4;
    uint32_t *pixels = malloc(pitch * (size_t)app->h);
    if (!pixels) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = SDL_RenderReadPixels(app->sdl, NULL, SDL_PIXELFORMAT_ARGB8888, pixels, (int)pitch);
    if (rc != 0)
        snprintf(err, errlen, "could not read the screen: %s", SDL_GetError());
    else
        rc = image_write_png(path, pixels, app->w, app->h, (int)pitch, err, errlen);
    free(pixels);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Start, loop, stop                                                    */
/* ------------------------------------------------------------------ */

static int start_video(App *app)
{
    const AppOptions *o = app->opt;
    if (o->headless && !getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "offscreen", 1);
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "kring: the screen could not be opened: %s\n", SDL_GetError());
        return -1;
    }
    const char *driver = SDL_GetCurrentVideoDriver();
    bool kms = driver && strcmp(driver, "KMSDRM") == 0;
    app->sleeps_in_wait = driver && (!strcmp(driver, "x11") || !strcmp(driver, "wayland"));
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
    if (o->fullscreen || kms)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    int w = o->width > 0 ? o->width : 1280, h = o->height > 0 ? o->height : 800;
    app->win = SDL_CreateWindow("Kring", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!app->win) {
        fprintf(stderr, "kring: no window: %s\n", SDL_GetError());
        return -1;
    }
    bool software = o->headless || (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")));
    app->sdl = SDL_CreateRenderer(app->win, -1, software ? SDL_RENDERER_SOFTWARE : 0);
    if (!app->sdl)
        app->sdl = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_SOFTWARE);
    if (!app->sdl) {
        fprintf(stderr, "kring: no renderer: %s\n", SDL_GetError());
        return -1;
    }
    if (kms || o->fullscreen)
        SDL_ShowCursor(SDL_DISABLE);
    app->dpi = o->dpi;
    if (app->dpi <= 0) {
        float ddpi = 0;
        if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(app->win), &ddpi, NULL, NULL) != 0 ||
            ddpi < 50 || ddpi > 600)
            ddpi = 96;
        app->dpi = ddpi;
    }
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
    gestures_init(&app->gestures, (int)(2.5f * ui_scale_for(app->w, app->h, app->dpi)),
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
    ShareSet *set = share_build(app->plan, app->cat, (int64_t)time(NULL));
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
    if (set->plan_problem)
        fprintf(stderr, "kring: %s\n", tr(app->cat, set->plan_problem));
    if (set->person_problem)
        fprintf(stderr, "kring: %s\n", tr(app->cat, set->person_problem));
    if (set->event_problem)
        fprintf(stderr, "kring: %s\n", tr(app->cat, set->event_problem));
    share_destroy(set);
    return rc;
}

/* Prints the plan and follows the job to its end (two minutes at most). */
static int print_plan(App *app)
{
    char detail[600];
    const char *why;
    PrintJob job;
    if (send_plan(app, app->opt->copies, &job, &why, detail, sizeof detail) != 0) {
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
    fprintf(stderr, "kring: %s (%s, job %d: still waiting)\n",
            tr(app->cat, "De printer drukt niet af. Kijk of hij aan staat en papier heeft."),
            job.printer, job.id);
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
        if (store_set_aside(db, (int64_t)time(NULL), moved, sizeof moved, err2, sizeof err2) != 0) {
            fprintf(stderr, "kring: %s, and %s\n", err, err2);
            return -1;
        }
        fprintf(stderr, "kring: %s; it was moved aside to %s\n", err, moved);
        const char *what = why == STORE_FOREIGN
            ? tr(app->cat, "Het bestand met de plannen hoort bij een ander programma.")
            : why == STORE_NEWER
            ? tr(app->cat, "Het bestand met de plannen is gemaakt door een nieuwere Kring.")
            : tr(app->cat, "Het bestand met de plannen is beschadigd.");
        const char *base = strrchr(moved, '/');
        char kept[1000];
        tr_fill(kept, sizeof kept,
                tr(app->cat, "Het is niet gewist maar apart gezet als %s. Kring begint met "
                             "een nieuw plan. Vraag de beheerder om hulp."),
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
    if (open_meeting(app) != 0)
        return -1;
    if (app->opt->export_json &&
        planfile_write(app->plan, app->opt->export_json, err, sizeof err) != 0) {
        fprintf(stderr, "kring: the plan could not be exported: %s\n", err);
        return -1;
    }
    if (app->opt->export_qr && export_qr(app, app->opt->export_qr) != 0)
        return -1;
    if (app->opt->print && print_plan(app) != 0)
        return -1;
    if (app->opt->export_pdf) {
        char fonts[1200];
        paths_fonts_dir(fonts, sizeof fonts);
        if (pdf_write(app->plan, app->cat, fonts, app->opt->export_pdf, err, sizeof err) != 0) {
            fprintf(stderr, "kring: the plan could not be written as PDF: %s\n", err);
            return -1;
        }
    }
    return 0;
}

static void stop(App *app)
{
    if (app->render)
        render_destroy(app->render);
    ui_fini(&app->ui);
    board_state_fini(&app->board);
    draw_fini(&app->shown);
    if (app->sdl)
        SDL_DestroyRenderer(app->sdl);
    if (app->win)
        SDL_DestroyWindow(app->win);
    if (app->win || app->sdl)
        SDL_Quit();
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
        if (d == UINT32_MAX)
            return SDL_WaitEvent(e) == 1;
        uint32_t now = app_now(app);
        int timeout = d > now ? (int)(d - now) : 0;
        return SDL_WaitEventTimeout(e, timeout) == 1;
    }
    for (;;) {
        if (SDL_PollEvent(e))
            return true;
        uint32_t now = app_now(app);
        if (d != UINT32_MAX && now >= d)
            return false;
        uint32_t nap = d != UINT32_MAX && d - now < 10 ? d - now : 10;
        SDL_Delay(nap);
    }
}

int app_run(const AppOptions *opt)
{
    App app_storage;
    App *app = &app_storage;
    memset(app, 0, sizeof *app);
    app->opt = opt;
    draw_init(&app->shown);
    board_state_init(&app->board);
    int status = 1;
    Player *player = NULL;
    if (opt->script) {
        char err[600];
        Script *s = script_load(opt->script, err, sizeof err);
        if (!s) {
            fprintf(stderr, "kring: script %s\n", err);
            goto out;
        }
        player = player_create(s, opt->script);
        if (!player)
            goto out;
        app->virtual_clock = true;
        app->now = 1000;
    }
    if (open_data(app) != 0)
        goto out;
    if (opt->export_json || opt->export_qr || opt->export_pdf || opt->print ||
        opt->unlock_pin) { /* no screen */
        status = 0;
        goto out;
    }
    if (start_video(app) != 0)
        goto out;
    app->dirty = app->force = true;
    frame(app);
    status = 0;
    while (!app->quit) {
        SDL_Event e;
        if (player) {
            PlayerStatus ps = player_step(player, app);
            if (ps == PLAYER_FAILED) {
                fprintf(stderr, "kring: %s\n", player_message(player));
                status = 1;
                break;
            }
            if (ps == PLAYER_DONE)
                break;
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
out:
    {
        char frames[48];
        snprintf(frames, sizeof frames, "frames %llu\n", (unsigned long long)app->frames);
        report("KRING_REPORT_FD", frames);
    }
    player_destroy(player);
    stop(app);
    return status;
}
