/* scale: the 0-10 scale on the page of going well and worries. */
#include "ui/screens/scale.h"

#include <stdio.h>
#include <string.h>

#define ID_MARKER "marker" /* "marker:ID": a person's picture */
#define ID_STOP "scale"    /* "scale:0".."scale:10" */
#define ID_OFF "scale-off" /* the people not on the scale yet */

/* Where the lifted avatar of person pid is (a finger drags it), if so. */
static const Finger *lifted(const Gestures *g, uint32_t pid)
{
    char id[UI_ID_LEN];
    ui_id_make(id, ID_MARKER, (unsigned)pid);
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Finger *fi = &g->f[i];
        if (fi->down && fi->dragging && !strcmp(fi->widget, id)) return fi;
    }
    return NULL;
}

static void marker(KitColumn *p, const ScaleState *s, const Gestures *g, const Person *q, Point c,
                   int r)
{
    Ui *ui = p->ui;
    char id[UI_ID_LEN];
    ui_id_make(id, ID_MARKER, (unsigned)q->id);
    if (lifted(g, q->id)) return; /* drawn at the finger, over everything */
    if (s->pick == q->id) draw_disc(&ui->dl, c, r + ui_px(ui, 1.0f), ui->theme->accent);
    ui_avatar(ui, c, r, q);
    ui_widget(ui, id, (Rect){c.x - r, c.y - r, 2 * r, 2 * r}, c, GRAB_TAP | GRAB_DRAG);
}

void scale_draw(KitColumn *p, const ScaleState *s, const Plan *plan, const Gestures *g)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    kit_heading(p, "\xF0\x9F\x93\x8F", ui_tr(ui, "Hoe gaat het nu? Van 0 tot 10"),
                ui_tr(ui, "Ieder zet zichzelf op de schaal: sleep je plaatje naar een getal."));
    int stops = 11, sw = p->col.w / stops;
    int r = sw * 2 / 5 < p->target / 2 ? sw * 2 / 5 : p->target / 2;
    int most = 1;
    int count[11] = {0};
    for (int i = 0; i < plan->n_people; i++)
        if (plan->people[i].scale != SCALE_NONE)
            most = ++count[plan->people[i].scale] > most ? count[plan->people[i].scale] : most;
    int rise = r * 2 + p->sh + ui_px(ui, 0.5f); /* a picture and its name, one over another */
    int stack = most * rise;
    int y0 = p->y, ny = y0 + stack + p->pad / 2;
    /* the track and its numbers: 0 on the reading side's start */
    Rect track = {p->col.x + sw / 2, ny + p->target / 2 - ui_px(ui, 0.6f), sw * 10,
                  ui_px(ui, 1.2f)};
    draw_rect(&ui->dl, track, track.h / 2, t->line);
    int placed[11] = {0};
    for (int n = 0; n < stops; n++) {
        int col = ui->rtl ? 10 - n : n;
        Rect column = {p->col.x + col * sw, y0, sw, ny + p->target - y0};
        Point c = {column.x + sw / 2, ny + p->target / 2};
        Color hue = n < 4 ? 0xF3D2C8FF : n < 7 ? 0xF6E6B8FF : 0xCFEBD8FF;
        draw_disc(&ui->dl, c, p->target / 2 - 1, hue);
        char num[12];
        snprintf(num, sizeof num, "%d", n);
        ui_text(ui, (Rect){c.x - sw / 2, ny, sw, p->target}, FONT_BOLD, ALIGN_CENTER | ALIGN_MIDDLE,
                t->ink, num);
        char id[UI_ID_LEN];
        ui_id_make(id, ID_STOP, (unsigned)n);
        ui_widget(ui, id, column, c, GRAB_TAP | GRAB_DRAG);
    }
    for (int i = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        if (q->scale == SCALE_NONE) continue;
        int col = ui->rtl ? 10 - q->scale : q->scale;
        Point c = {p->col.x + col * sw + sw / 2, ny - p->sh - r - placed[q->scale]++ * rise};
        marker(p, s, g, q, c, r);
        if (!lifted(g, q->id)) { /* whose picture: two grandmothers look alike */
            char first[64];
            ui_first_word(q->name, first, sizeof first);
            ui_text(ui, (Rect){c.x - sw / 2, c.y + r, sw, p->sh}, FONT_SMALL, ALIGN_CENTER, t->ink,
                    first);
        }
    }
    p->y = ny + p->target + p->pad;
    /* the people not on the scale yet */
    int waiting = 0;
    for (int i = 0; i < plan->n_people; i++)
        waiting += plan->people[i].scale == SCALE_NONE;
    int slot = p->target * 2;
    int per_row = p->col.w / slot > 0 ? p->col.w / slot : 1;
    int rows = (waiting + per_row - 1) / per_row;
    Rect off = {p->col.x, p->y, p->col.w, rows * (r * 2 + p->sh + p->pad / 2) + p->pad};
    if (!waiting) off.h = p->target;
    draw_rect(&ui->dl, off, p->radius / 2, t->panel);
    draw_frame(&ui->dl, off, p->radius / 2, ui_px(ui, 0.3f), t->line);
    ui_widget(ui, ID_OFF, off, rect_center(off), GRAB_TAP | GRAB_DRAG);
    if (!waiting)
        ui_text(ui, off, FONT_SMALL, ALIGN_CENTER | ALIGN_MIDDLE, t->ink_soft,
                ui_tr(ui, "Iedereen staat op de schaal."));
    for (int i = 0, k = 0; i < plan->n_people; i++) {
        const Person *q = &plan->people[i];
        if (q->scale != SCALE_NONE) continue;
        int row = k / per_row, colm = k % per_row;
        k++;
        int x = ui->rtl ? off.x + off.w - (colm + 1) * slot : off.x + colm * slot;
        Point c = {x + slot / 2, off.y + p->pad / 2 + row * (r * 2 + p->sh + p->pad / 2) + r};
        marker(p, s, g, q, c, r);
        char first[64];
        ui_first_word(q->name, first, sizeof first);
        ui_text(ui, (Rect){x, c.y + r, slot, p->sh}, FONT_SMALL, ALIGN_CENTER, t->ink, first);
    }
    p->y = off.y + off.h + p->pad;
}

void scale_draw_lifted(Ui *ui, const Plan *plan, const Gestures *g)
{
    for (int i = 0; i < GESTURE_FINGERS; i++) {
        const Finger *fi = &g->f[i];
        unsigned pid;
        const Person *q;
        if (fi->down && fi->dragging && ui_id_num(fi->widget, ID_MARKER, &pid) &&
            (q = plan_person(plan, pid))) {
            int r = ui_px(ui, ui->theme->target_mm) * 2 / 5;
            draw_disc(&ui->dl, (Point){fi->pos.x + 2, fi->pos.y + 4}, r + 2, 0x00000030);
            ui_avatar(ui, fi->pos, r + ui_px(ui, 0.8f), q);
            ui_widget(ui, fi->widget, (Rect){fi->pos.x - r, fi->pos.y - r, 2 * r, 2 * r}, fi->pos,
                      GRAB_TAP | GRAB_DRAG);
        }
    }
}

static const Widget *widget_at(const Ui *ui, const char *prefix, Point pos)
{
    for (int i = ui->n_widgets - 1; i >= 0; i--) {
        const Widget *w = &ui->widgets[i];
        if (!strncmp(w->id, prefix, strlen(prefix)) && pos.x >= w->rect.x && pos.y >= w->rect.y &&
            pos.x < w->rect.x + w->rect.w && pos.y < w->rect.y + w->rect.h)
            return w;
    }
    return NULL;
}

static FlowOut edit(ScaleState *s, uint32_t who, int number)
{
    s->pick = 0;
    return (FlowOut){.act = FLOW_EDIT,
                     .edit = {.kind = EDIT_PERSON_SCALE, .id = who, .number = number}};
}

bool scale_gesture(Ui *ui, ScaleState *s, const Plan *plan, const Gesture *ev, FlowOut *out)
{
    const char *id = ev->widget;
    unsigned u;
    bool marker = ui_id_num(id, ID_MARKER, &u);
    *out = (FlowOut){.act = FLOW_REDRAW};
    switch (ev->kind) {
    case GESTURE_TAP:
        if (marker) {
            s->pick = s->pick == u ? 0 : u;
            return true;
        }
        if (ui_id_num(id, ID_STOP, &u) && u <= 10 && s->pick) {
            *out = edit(s, s->pick, (int)u);
            return true;
        }
        if (ui_id_is(id, ID_OFF) && s->pick) {
            *out = edit(s, s->pick, SCALE_NONE);
            return true;
        }
        return false;
    case GESTURE_DRAG_START:
    case GESTURE_DRAG_MOVE:
        return marker;
    case GESTURE_DROP: {
        if (!marker) return false;
        const Person *q = plan_person(plan, u);
        if (!q) return true;
        s->pick = 0;
        const Widget *w = widget_at(ui, ID_STOP ":", ev->pos);
        unsigned n;
        if (w && ui_id_num(w->id, ID_STOP, &n) && (int)n != q->scale)
            *out = edit(s, u, (int)n);
        else if (widget_at(ui, ID_OFF, ev->pos) && q->scale != SCALE_NONE)
            *out = edit(s, u, SCALE_NONE);
        return true;
    }
    default:
        return false;
    }
}
