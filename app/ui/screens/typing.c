/* typing: the typing view of the pages. */
#include "ui/screens/typing.h"

#include <string.h>

#include "core/plan.h"

#define ID_FIELD "field:typing"

void typing_init(TypingState *ts)
{
    memset(ts, 0, sizeof *ts);
    textedit_init(&ts->te, "", TEXT_MAX);
}

void typing_fini(TypingState *ts)
{
    textedit_fini(&ts->te);
}

void typing_start(TypingState *ts, PageTyping kind, int section, uint32_t id, const char *text)
{
    ts->kind = kind;
    ts->section = section;
    ts->id = id;
    ts->why = NULL;
    textedit_set(&ts->te, text ? text : "");
    ts->kb = (Keyboard){.shift = !text || !text[0]};
}

void typing_close(TypingState *ts)
{
    ts->kind = TYPING_NONE;
    ts->why = NULL;
    ts->id = 0;
    textedit_set(&ts->te, "");
}

void typing_draw(Ui *ui, TypingState *ts, const char *label)
{
    ui_cover(ui);
    draw_rect(&ui->dl, (Rect){0, 0, ui->w, ui->h}, 0, ui->theme->bg);
    form_typing(ui, label, ID_FIELD, &ts->te, ts->why, &ts->kb);
}

bool typing_empty(const TypingState *ts)
{
    bool empty = true;
    for (const char *c = textedit_text(&ts->te); *c; c++)
        empty = empty && (*c == ' ' || *c == '\n' || *c == '\t');
    return empty;
}

FlowOut typing_gesture(Ui *ui, TypingState *ts, const Gesture *ev, bool *done)
{
    FlowOut nothing = {.act = FLOW_NOTHING}, redraw = {.act = FLOW_REDRAW};
    *done = false;
    if (keyboard_owns(ev)) {
        char text[16];
        bool leave;
        KeyResult k = keyboard_gesture(&ts->kb, ui, ev, text);
        bool changed = form_apply_keyboard(&ts->te, k, text, &leave);
        if (changed) ts->why = NULL;
        if (leave) {
            *done = true;
            return nothing;
        }
        return k == KEY_NOTHING && !changed ? nothing : redraw;
    }
    if (ev->kind == GESTURE_TAP && ui_id_is(ev->widget, ID_FIELD)) {
        form_caret_at(ui, &ts->te, ev);
        return redraw;
    }
    return nothing;
}

FlowOut typing_text(TypingState *ts, const char *text)
{
    textedit_insert(&ts->te, text);
    ts->why = NULL;
    return (FlowOut){.act = FLOW_REDRAW};
}

FlowOut typing_key(TypingState *ts, SheetKey key, bool *done)
{
    *done = false;
    if (key == SKEY_ESCAPE) {
        typing_close(ts);
        return (FlowOut){.act = FLOW_REDRAW};
    }
    if (key == SKEY_RETURN) {
        *done = true;
        return (FlowOut){.act = FLOW_NOTHING};
    }
    return form_edit_key(&ts->te, key) ? (FlowOut){.act = FLOW_REDRAW}
                                       : (FlowOut){.act = FLOW_NOTHING};
}
