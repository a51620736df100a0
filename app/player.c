/* player: script steps into timed SDL events. */
#include "player.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

#include "core/geom.h"
#include "core/utf8.h"

enum { MAX_PENDING = 4096, FRAME_MS = 16, TAP_MS = 60, AWAIT_MS = 60000 };

typedef struct Pending {
    uint32_t at;
    SDL_Event ev;
} Pending;

struct Player {
    Script *script;
    char name[256];
    int pc; /* next step */
    Pending pending[MAX_PENDING];
    int n_pending, next_pending;
    bool waiting;
    uint32_t wait_until;
    uint64_t frames_mark;
    int redraw_waits; /* waits for a frame memory was short for */
    int reveal_tries; /* drags made looking for a widget (reveal) */
    Point last[10];   /* where each scripted finger was last */
    char msg[1024];
};

Player *player_create(Script *script, const char *name)
{
    Player *p = calloc(1, sizeof *p);
    if (!p) {
        script_destroy(script);
        return NULL;
    }
    p->script = script;
    snprintf(p->name, sizeof p->name, "%s", name);
    return p;
}

void player_destroy(Player *p)
{
    if (!p) return;
    script_destroy(p->script);
    free(p);
}

static const char *player_message(const void *ctx)
{
    return ((const Player *)ctx)->msg;
}

static InputStatus failf(Player *p, const ScriptStep *st, const char *what, const char *arg)
{
    snprintf(p->msg, sizeof p->msg, "%s line %d: %s%s%s", p->name, st->line, what, arg ? " " : "",
             arg ? arg : "");
    return INPUT_FAILED;
}

static bool resolve(Player *p, App *app, const ScriptStep *st, const ScriptTarget *t, int *x,
                    int *y)
{
    if (!t->is_id) {
        *x = t->x;
        *y = t->y;
        return true;
    }
    const Ui *ui = app_ui(app);
    const Widget *w = ui_find(ui, t->id);
    if (!w) {
        char id[SCRIPT_ID_LEN + 40];
        snprintf(id, sizeof id, "@%s", t->id);
        failf(p, st, "no widget on screen with id", id);
        return false;
    }
    *x = w->anchor.x;
    *y = w->anchor.y;
    return true;
}

static void add(Player *p, uint32_t at, const SDL_Event *ev)
{
    if (p->n_pending < MAX_PENDING) p->pending[p->n_pending++] = (Pending){at, *ev};
}

static void finger(Player *p, App *app, uint32_t at, Uint32 type, int f, int x, int y)
{
    if (f >= 0 && f < 10) {
        if (type == SDL_FINGERUP && x < 0 && y < 0) { /* "up F": where it was */
            x = p->last[f].x;
            y = p->last[f].y;
        }
        p->last[f] = (Point){x, y};
    }
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.tfinger.touchId = 1;
    ev.tfinger.fingerId = f + 1;
    app_touch_from_frame(app, x, y, &ev.tfinger.x, &ev.tfinger.y);
    ev.tfinger.pressure = 1.0f;
    ev.tfinger.windowID = app_window_id(app);
    add(p, at, &ev);
}

static void text_events(Player *p, App *app, const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t end = i;
        while (end < n) {
            size_t next = utf8_next_char(s, n, end);
            if (next - i >= SDL_TEXTINPUTEVENT_TEXT_SIZE) break;
            end = next;
        }
        if (end == i) /* one character longer than an event holds */
            end = i + (size_t)utf8_decode(s + i, n - i, &(uint32_t){0});
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_TEXTINPUT;
        ev.text.windowID = app_window_id(app);
        memcpy(ev.text.text, s + i,
               end - i < SDL_TEXTINPUTEVENT_TEXT_SIZE - 1 ? end - i
                                                          : SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
        add(p, app_now(app), &ev);
        i = end;
    }
}

/* "Backspace", "Return", "Ctrl+Z", "Shift+Tab" ... */
static bool key_events(Player *p, App *app, const char *name)
{
    Uint16 mod = KMOD_NONE;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", name);
    char *key = buf;
    for (char *plus; (plus = strchr(key, '+')) && plus[1];) {
        *plus = '\0';
        if (!SDL_strcasecmp(key, "ctrl"))
            mod |= KMOD_LCTRL;
        else if (!SDL_strcasecmp(key, "shift"))
            mod |= KMOD_LSHIFT;
        else if (!SDL_strcasecmp(key, "alt"))
            mod |= KMOD_LALT;
        else
            return false;
        key = plus + 1;
    }
    SDL_Keycode code = SDL_GetKeyFromName(key);
    if (code == SDLK_UNKNOWN) return false;
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.windowID = app_window_id(app);
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = code;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(code);
    ev.key.keysym.mod = mod;
    add(p, app_now(app), &ev);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    add(p, app_now(app), &ev);
    return true;
}

static InputStatus dump(Player *p, App *app, const ScriptStep *st)
{
    FILE *f = fopen(st->text, "w");
    if (!f) return failf(p, st, "cannot write", st->text);
    const Ui *ui = app_ui(app);
    fprintf(f, "~screen %d %d\n", ui->w, ui->h); /* as laid out: turned, it is h×w */
    for (int i = 0; i < ui->n_widgets; i++) {
        const Widget *w = &ui->widgets[i];
        fprintf(f, "%s %d %d %d %d grab=%u layer=%d whole=%d,%d,%d,%d\n", w->id, w->rect.x,
                w->rect.y, w->rect.w, w->rect.h, (unsigned)w->grab, w->layer, w->whole.x,
                w->whole.y, w->whole.w, w->whole.h);
    }
    /* texts shortened to fit, and texts running off the screen's sides */
    for (int i = 0; i < ui->n_cuts; i++)
        fprintf(f, "~cut %s\n", ui->cuts[i]);
    bool clipped = false; /* a scrolled list: a line half out of it is scrolled, not off */
    for (int i = 0; i < ui->dl.n; i++) {
        const DrawCmd *c = &ui->dl.cmds[i];
        if (c->kind == DRAW_CLIP) clipped = c->w > 0;
        if (c->kind != DRAW_TEXT || c->w > 4 * ui->w) /* a field's scrolled text */
            continue;
        const char *text = draw_cmd_text(&ui->dl, c);
        int tw = ui_text_width(ui, c->a, text);
        int h = c->b & (ALIGN_CENTER | ALIGN_RIGHT);
        int x0 = h == ALIGN_RIGHT    ? c->x + c->w - tw
                 : h == ALIGN_CENTER ? c->x + (c->w - tw) / 2
                                     : c->x;
        /* the line as it is painted: from the box's top, or in its middle */
        int lh = ui_line_height(ui, c->a);
        int y0 = c->b & ALIGN_MIDDLE ? c->y + (c->h - lh) / 2 : c->y;
        if (x0 < 0 || x0 + tw > ui->w || (!clipped && (y0 < 0 || y0 + lh > ui->h)))
            fprintf(f, "~off %s\n", text);
        else if (tw > c->w + 1)
            fprintf(f, "~over %s\n", text);
        else if (lh > c->h + c->h / 4)
            fprintf(f, "~tall %s\n", text);
    }
    if (fclose(f) != 0) return failf(p, st, "cannot write", st->text);
    return INPUT_GOING;
}

static InputStatus run_step(Player *p, App *app, const ScriptStep *st)
{
    uint32_t now = app_now(app);
    int ax, ay, bx, by;
    switch (st->op) {
    case OP_TAP_IF:
        if (st->a.is_id && !ui_find(app_ui(app), st->a.id)) break; /* not there: nothing */
        /* fall through */
    case OP_TAP:
        if (!resolve(p, app, st, &st->a, &ax, &ay)) return INPUT_FAILED;
        finger(p, app, now, SDL_FINGERDOWN, 0, ax, ay);
        finger(p, app, now + TAP_MS, SDL_FINGERUP, 0, ax, ay);
        break;
    case OP_LONGPRESS:
        if (!resolve(p, app, st, &st->a, &ax, &ay)) return INPUT_FAILED;
        finger(p, app, now, SDL_FINGERDOWN, 0, ax, ay);
        finger(p, app, now + (uint32_t)st->ms, SDL_FINGERUP, 0, ax, ay);
        break;
    case OP_DRAG: {
        if (!resolve(p, app, st, &st->a, &ax, &ay) || !resolve(p, app, st, &st->b, &bx, &by))
            return INPUT_FAILED;
        finger(p, app, now, SDL_FINGERDOWN, 0, ax, ay);
        int steps = st->ms / FRAME_MS;
        if (steps < 2) steps = 2;
        for (int i = 1; i <= steps; i++) {
            uint32_t t = now + (uint32_t)(st->ms * i / steps);
            finger(p, app, t, SDL_FINGERMOTION, 0, ax + (bx - ax) * i / steps,
                   ay + (by - ay) * i / steps);
        }
        finger(p, app, now + (uint32_t)st->ms + FRAME_MS, SDL_FINGERUP, 0, bx, by);
        break;
    }
    case OP_DOWN:
    case OP_MOVE:
        if (!resolve(p, app, st, &st->a, &ax, &ay)) return INPUT_FAILED;
        finger(p, app, now, st->op == OP_DOWN ? SDL_FINGERDOWN : SDL_FINGERMOTION, st->finger, ax,
               ay);
        break;
    case OP_UP:
        finger(p, app, now, SDL_FINGERUP, st->finger, -1, -1);
        break;
    case OP_TYPE:
        text_events(p, app, st->text);
        break;
    case OP_KEY:
        if (!key_events(p, app, st->text)) return failf(p, st, "unknown key", st->text);
        break;
    case OP_WAIT:
        p->waiting = true;
        p->wait_until = now + (uint32_t)st->ms;
        break;
    case OP_SHOT: {
        char err[300];
        if (app_screenshot(app, st->text, err, sizeof err) != 0)
            return failf(p, st, "screenshot failed:", err);
        break;
    }
    case OP_DUMP:
        return dump(p, app, st);
    case OP_REVEAL: { /* as a person looks for it: drag the content up, then down */
        const Ui *ui = app_ui(app);
        const Widget *w = ui_find(ui, st->a.id);
        int fw, fh;
        app_frame_size(app, &fw, &fh);
        const Widget *top = w ? ui_hit(ui, w->anchor, ~0u) : NULL; /* nothing lies over it */
        if (w && w->anchor.y >= 0 && w->anchor.y < fh && top && !strcmp(top->id, w->id)) {
            p->reveal_tries = 0;
            break;
        }
        const Widget *flip = ui_find(ui, "board-flip");
        const Widget *over_flip = flip ? ui_hit(ui, flip->anchor, ~0u) : NULL;
        if (!w && flip && over_flip == flip &&
            p->reveal_tries == 0) { /* a small board: the other view first */
            p->reveal_tries = 1;
            Point c = flip->anchor;
            finger(p, app, now, SDL_FINGERDOWN, 0, c.x, c.y);
            finger(p, app, now + 80, SDL_FINGERUP, 0, c.x, c.y);
            p->pc--;
            break;
        }
        if (p->reveal_tries >= 16) {
            p->reveal_tries = 0;
            char id[SCRIPT_ID_LEN + 2];
            snprintf(id, sizeof id, "@%s", st->a.id);
            return failf(p, st, "scrolled and did not find", id);
        }
        int up = p->reveal_tries++ < 8 ? 1 : -1;
        int x = fw / 2, y0 = fh / 2 + up * fh / 6, y1 = fh / 2 - up * fh / 6;
        /* as a person would: a finger on the page itself (or the settings'
         * scrolled columns, or another item of the list the widget is in:
         * "code:person-5" among "code:...") where there is room for one,
         * not on a picture that would be dragged instead */
        size_t kin = strcspn(st->a.id, ":");
        bool found = false;
        for (int k = 1; k <= 9 && !found; k++) {
            int cx = fw * (k % 2 ? 10 - k : k) / 20 + (k % 2 ? fw / 2 : 0);
            for (int d = 0; d < 3 && !found; d++) { /* (a little higher or lower: not in a gap) */
                int cy = y0 + (d == 1 ? fh / 24 : d == 2 ? -fh / 24 : 0);
                const Widget *under = ui_hit(ui, (Point){cx, cy}, ~0u);
                found =
                    under && (!strcmp(under->id, "page") || !strcmp(under->id, "settings-scroll") ||
                              (st->a.id[kin] == ':' && !strncmp(under->id, st->a.id, kin + 1)));
                if (found) {
                    x = cx;
                    y1 += cy - y0;
                    y0 = cy;
                }
            }
        }
        finger(p, app, now, SDL_FINGERDOWN, 0, x, y0);
        for (int i = 1; i <= 6; i++)
            finger(p, app, now + (uint32_t)(50 * i), SDL_FINGERMOTION, 0, x,
                   y0 + (y1 - y0) * i / 6);
        finger(p, app, now + 320, SDL_FINGERUP, 0, x, y1);
        p->pc--; /* look again once the drag is done */
        break;
    }
    case OP_EXPECT:
    case OP_ABSENT: {
        bool found = ui_find(app_ui(app), st->a.id) != NULL;
        if (found != (st->op == OP_EXPECT)) {
            char id[SCRIPT_ID_LEN + 2];
            snprintf(id, sizeof id, "@%s", st->a.id);
            return failf(
                p, st,
                found ? "widget is on screen but should not be:" : "widget is not on screen:", id);
        }
        break;
    }
    case OP_FRAMES: {
        uint64_t drawn = app_frames(app) - p->frames_mark;
        p->frames_mark = app_frames(app);
        if (drawn != (uint64_t)st->ms) {
            char got[64];
            snprintf(got, sizeof got, "expected %d, drawn %llu", st->ms, (unsigned long long)drawn);
            return failf(p, st, "frames:", got);
        }
        break;
    }
    case OP_RESIZE:
        app_resize(app, st->ms, st->b.x);
        break;
    case OP_PAUSE: /* real time passes, the program's clock stands still */
        SDL_Delay((Uint32)st->ms);
        break;
    case OP_AWAIT: { /* real time: the test outside does something first */
        uint32_t start = SDL_GetTicks();
        while (access(st->text, F_OK) != 0) {
            if (SDL_GetTicks() - start > AWAIT_MS)
                return failf(p, st, "gave up waiting for", st->text);
            SDL_Delay(10);
        }
        break;
    }
    }
    return INPUT_GOING;
}

static InputStatus player_step(void *ctx, App *app)
{
    Player *p = ctx;
    if (p->next_pending < p->n_pending) {
        uint32_t at = p->pending[p->next_pending].at;
        if (at > app_now(app)) {
            app_advance_to(app, at);
            return INPUT_GOING;
        }
        while (p->next_pending < p->n_pending && p->pending[p->next_pending].at <= app_now(app)) {
            SDL_Event ev = p->pending[p->next_pending++].ev;
            SDL_PushEvent(&ev);
        }
        if (p->next_pending == p->n_pending) p->n_pending = p->next_pending = 0;
        return INPUT_GOING;
    }
    if (p->waiting) {
        if (app_now(app) < p->wait_until) {
            app_advance_to(app, p->wait_until);
            return INPUT_GOING;
        }
        p->waiting = false;
    }
    /* A person waits for the screen to be whole before the next touch
     * (a frame memory was short for is built again soon); a while at most. */
    uint32_t redraw = app_redraw_at(app);
    if (redraw && p->redraw_waits < 40) {
        p->redraw_waits++;
        app_advance_to(app, redraw);
        return INPUT_GOING;
    }
    p->redraw_waits = 0;
    if (p->pc >= p->script->n) return INPUT_DONE;
    const ScriptStep *st = &p->script->steps[p->pc++];
    if (p->pc == 1) p->frames_mark = 0;
    return run_step(p, app, st);
}

AppInput player_input(Player *p)
{
    return (AppInput){.ctx = p, .step = player_step, .message = player_message};
}
