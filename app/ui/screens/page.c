/* page: the pages of the steps that are not the board. */
#include "ui/screens/page.h"
#include "ui/screens/sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "core/mentions.h"

#define ID_PAGE "page"     /* the page itself: dragging it scrolls */
#define ID_ADD "add"       /* "add:SECTION" */
#define ID_ASK "ask"       /* "ask:SECTION": an empty list's question, a tap answers it */
#define ID_ITEM "item"     /* "item:ID" */
#define ID_REMOVE "remove" /* "remove:ID" */
#define ID_FIELD "field"   /* "field:FIELD" */

void page_init(PageState *ps)
{
    memset(ps, 0, sizeof *ps);
    typing_init(&ps->typing);
    voice_init(&ps->voice);
}

void page_fini(PageState *ps)
{
    typing_fini(&ps->typing);
    voice_fini(&ps->voice);
}

void page_reset(PageState *ps)
{
    page_typing_closed(ps);
    typing_close(&ps->typing);
    voice_reset(&ps->voice);
    ps->scale = (ScaleState){0};
    ps->eval.cal_year = ps->eval.cal_month = 0;
    memset(ps->scroll, 0, sizeof ps->scroll);
}

void page_typing_closed(PageState *ps)
{
    /* something typed may have filled what agreeing missed: the review's
     * refusal is not said again until it is true again */
    ps->review.why = NULL;
}

void page_leave_step(PageState *ps)
{
    ps->scale.pick = 0;
}

/* ------------------------------------------------------------------ */
/* What the lists are                                                   */
/* ------------------------------------------------------------------ */

static const struct {
    int field;
    const char *title, *prompt;
} fields[] = {
    {FIELD_FAMILY, "Familie", N_("Hoe heet de familie?")},
    {FIELD_CHILDREN, N_("Over wie gaat het plan"),
     N_("Over welk kind of welke kinderen gaat het plan?")},
    {FIELD_PLACE, N_("Plaats"), N_("Waar is het gesprek?")},
    {FIELD_QUESTION, N_("De centrale vraag"), N_("Welke vraag beantwoordt dit plan?")},
};

static const char *field_prompt(int field)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].field == field) return fields[i].prompt;
    return "";
}

static bool locked(bool conditions_open, int section)
{
    return section == SECTION_CONDITIONS && !conditions_open;
}

static void list_block(KitColumn *p, const Plan *plan, int section, bool family_time,
                       bool conditions_open)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    const SectionInfo *si = section_info(section);
    bool lock = locked(conditions_open, section);
    const char *note = NULL;
    KitPanel panel = kit_panel_begin(p, t->section_tint[section]);
    if (section == SECTION_CONDITIONS)
        note = ui_tr(ui, lock ? "Alleen de coördinator kan deze veranderen."
                              : "De coördinator verandert deze nu.");
    kit_heading(p, si->picto, ui_tr(ui, si->title), note);
    const ItemList *l = &plan->section[section];
    for (int i = 0; i < l->n; i++) {
        char id[UI_ID_LEN], rid[UI_ID_LEN];
        ui_id_make(id, ID_ITEM, (unsigned)l->items[i].id);
        ui_id_make(rid, ID_REMOVE, (unsigned)l->items[i].id);
        bool fam = family_time && section == SECTION_CONDITIONS;
        uint32_t who[MENTIONS_MAX];
        int n_who = plan_mentions(plan, ui->cat, l->items[i].text, who, MENTIONS_MAX);
        kit_item_card(p, fam ? NULL : id, si->picto, l->items[i].text, plan, who, n_who,
                      lock ? NULL : rid);
    }
    if (!l->n) { /* empty: its question, softly, in the family's words; a tap answers it */
        char ask[UI_ID_LEN];
        snprintf(ask, sizeof ask, "%s:%s", ID_ASK, section_key(section));
        bool can = !(family_time && section == SECTION_CONDITIONS);
        kit_text_card(p, can ? ask : NULL, NULL, ui_tr(ui, si->prompt), NULL, t->panel);
    }
    if (!(family_time && section == SECTION_CONDITIONS)) {
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_ADD, section_key(section));
        kit_pill(p, id, ui_tr(ui, lock ? "Veranderen (pincode)" : "Toevoegen"), true);
    }
    kit_panel_end(p, panel);
}

static void field_block(KitColumn *p, const Plan *plan, int field, const char *picto, bool big)
{
    Ui *ui = p->ui;
    const char *title = "";
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].field == field) title = fields[i].title;
    char id[UI_ID_LEN];
    snprintf(id, sizeof id, "%s:%s", ID_FIELD, field_key(field));
    if (big) {
        kit_heading(p, picto, ui_tr(ui, title), NULL);
    } else {
        ui_text(ui, (Rect){p->col.x, p->y, p->col.w, p->sh}, FONT_SMALL, p->align,
                ui->theme->ink_soft, ui_tr(ui, title));
        p->y += p->sh + p->pad / 4;
    }
    /* empty: its question, softly, not a form's "fill in" */
    kit_text_card(p, id, plan->field[field], ui_tr(ui, field_prompt(field)), NULL, ui->theme->card);
}

/* What is still empty in a step, in a fixed place under its title: two
 * lines, always (so filling something in moves nothing under a finger),
 * the first two gaps or the first and how many more, or that all is
 * filled in. */
static void gaps_block(KitColumn *p, const Plan *plan, int step)
{
    Ui *ui = p->ui;
    const char *gaps[FLOW_GAPS_MAX];
    int n = step_gaps(plan, step, gaps, FLOW_GAPS_MAX);
    char more[160] = "";
    if (n > 2) {
        char count[16];
        snprintf(count, sizeof count, "%d", n - 1);
        tr_fill(more, sizeof more,
                trn(ui->cat, "Nog %s ding is leeg.", "Nog %s dingen zijn leeg.", n - 1), count);
    }
    const char *lines[2] = {n > 0 ? ui_tr(ui, gaps[0]) : ui_tr(ui, "Alles is ingevuld."),
                            n == 2 ? ui_tr(ui, gaps[1]) : more};
    for (int i = 0; i < 2; i++) {
        int dr = ui_px(ui, 1.1f);
        int dx = ui->rtl ? p->col.x + p->col.w - dr * 2 : p->col.x + dr * 2;
        if (lines[i][0])
            draw_disc(&ui->dl, (Point){dx, p->y + p->sh / 2}, dr,
                      n > 0 ? ui->theme->mark : ui->theme->present);
        ui_text(ui, (Rect){ui->rtl ? p->col.x : p->col.x + dr * 5, p->y, p->col.w - dr * 5, p->sh},
                FONT_SMALL, p->align, ui->theme->ink_soft, lines[i]);
        p->y += p->sh;
    }
    p->y += p->pad / 2; /* clear of what follows, whatever the script's height */
}

/* The typing view over the keyboard. */
static const char *typing_label(const TypingState *e)
{
    switch (e->kind) {
    case TYPING_ITEM:
        return section_info(e->section)->prompt;
    case TYPING_FIELD:
        return field_prompt(e->section);
    case TYPING_VOICE_CHILD:
        return N_("Wie zegt het? De naam van het kind.");
    case TYPING_VOICE_WORDS:
        return N_("Wat zegt het kind? Schrijf het op in de eigen woorden van het kind.");
    case TYPING_EVAL_PLACE:
        return N_("Waar is de evaluatie?");
    case TYPING_NONE:
        break;
    }
    return "";
}

void page_draw(Ui *ui, PageState *ps, int step, const Plan *plan, const Gestures *g,
               const FlowView *view, int top, bool family_time, bool conditions_open)
{
    const Theme *t = ui->theme;
    if (ps->typing.kind) {
        typing_draw(ui, &ps->typing, ui_tr(ui, typing_label(&ps->typing)));
        return;
    }
    KitColumn p = kit_column(ui);
    Rect body = {0, top, ui->w, ui->h - top};
    draw_rect(&ui->dl, body, 0, t->bg);
    int w = ui->w - 4 * p.pad;
    if (w > ui_px(ui, 200)) w = ui_px(ui, 200);
    FormScroll *sc = &ps->scroll[step];
    form_scroll_clamp(sc, ps->content[step], body.h);
    p.col = (Rect){(ui->w - w) / 2, top + p.pad - sc->offset, w, 0};
    p.y = p.col.y;
    /* dragging anywhere scrolls the page */
    ui_widget(ui, ID_PAGE, body, (Point){body.x + 2, body.y + 2}, GRAB_DRAG);
    ui_clip(ui, body);
    /* the step's title */
    ui_text(ui, (Rect){p.col.x, p.y, p.col.w, p.th}, FONT_TITLE, p.align, t->accent,
            ui_tr(ui, step_title(step)));
    p.y += p.th + p.pad / 3;
    gaps_block(&p, plan, step);
    switch (step) {
    case STEP_WELL: {
        KitPanel about = kit_panel_begin(&p, t->about_tint);
        kit_heading(&p, "\xF0\x9F\x8F\xA0", ui_tr(ui, "Over dit plan"), NULL);
        field_block(&p, plan, FIELD_FAMILY, NULL, false);
        field_block(&p, plan, FIELD_CHILDREN, NULL, false);
        field_block(&p, plan, FIELD_PLACE, NULL, false);
        field_block(&p, plan, FIELD_QUESTION, "\xE2\x9D\x93", true); /* ❓ */
        kit_panel_end(&p, about);
    }
        scale_draw(&p, &ps->scale, plan, g);
        list_block(&p, plan, SECTION_GOING_WELL, family_time, conditions_open);
        list_block(&p, plan, SECTION_CONCERNS, family_time, conditions_open);
        list_block(&p, plan, SECTION_CONDITIONS, family_time, conditions_open);
        list_block(&p, plan, SECTION_STRENGTHS, family_time, conditions_open);
        break;
    case STEP_DREAM:
        list_block(&p, plan, SECTION_DREAM, family_time, conditions_open);
        voice_draw(&p, plan);
        break;
    case STEP_SAFETY:
        list_block(&p, plan, SECTION_SAFETY, family_time, conditions_open);
        list_block(&p, plan, SECTION_HELP, family_time, conditions_open);
        break;
    case STEP_EVALUATION:
        evaluation_draw(&p, &ps->eval, plan, view);
        break;
    case STEP_REVIEW:
        review_draw(&p, &ps->review, plan, family_time);
        break;
    default:
        break;
    }
    p.y += p.pad * 2;
    ps->content[step] = p.y - p.col.y;
    ui_unclip(ui);
    kit_scroll_edges(ui, body, sc->offset, ps->content[step]);
    scale_draw_lifted(ui, plan, g);
}

void page_draw_over(Ui *ui, PageState *ps, const Plan *plan)
{
    voice_draw_picker(ui, &ps->voice, plan);
    evaluation_draw_over(ui, &ps->eval, plan);
}

/* ------------------------------------------------------------------ */
/* Gestures                                                             */
/* ------------------------------------------------------------------ */

static FlowOut edit_out(Edit e)
{
    return (FlowOut){.act = FLOW_EDIT, .edit = e};
}

/* "Klaar": what was typed becomes an edit, or the next question. */
static FlowOut typed(PageState *ps, const Plan *plan)
{
    TypingState *ts = &ps->typing;
    const char *text = textedit_text(&ts->te);
    bool empty = typing_empty(ts);
    FlowOut o = {.act = FLOW_NOTHING};
    switch (ts->kind) {
    case TYPING_ITEM:
        if (empty && !ts->id) {
            typing_close(ts);
            o = (FlowOut){.act = FLOW_REDRAW};
        } else if (empty) {
            o = edit_out((Edit){.kind = EDIT_ITEM_REMOVE, .id = ts->id});
        } else {
            o = edit_out(ts->id
                             ? (Edit){.kind = EDIT_ITEM_SET, .id = ts->id, .text = text}
                             : (Edit){.kind = EDIT_ITEM_ADD, .field = ts->section, .text = text});
        }
        break;
    case TYPING_FIELD:
        o = edit_out((Edit){.kind = EDIT_SET_FIELD, .field = ts->section, .text = text});
        break;
    case TYPING_VOICE_CHILD:
    case TYPING_VOICE_WORDS:
        o = voice_typed(&ps->voice, ts, plan);
        break;
    case TYPING_EVAL_PLACE:
        o = edit_out(evaluation_place(&ps->eval, plan, text));
        break;
    case TYPING_NONE:
        break;
    }
    if (!ts->kind) page_typing_closed(ps);
    return o;
}

/* A tap on the page's own lists and fields; false when it is not theirs. */
static bool tap_lists(PageState *ps, const Plan *plan, const char *id, bool family_time,
                      bool conditions_open, FlowOut *out)
{
    FlowOut redraw = {.act = FLOW_REDRAW};
    unsigned u;
    int s;
    const char *key;
    *out = (FlowOut){.act = FLOW_NOTHING};
    if ((key = ui_id_arg(id, ID_ADD)) || (key = ui_id_arg(id, ID_ASK))) {
        if ((s = section_from_key(key)) < 0) return true;
        if (locked(conditions_open, s)) {
            *out = family_time ? redraw
                               : (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_CONDITIONS};
            return true;
        }
        typing_start(&ps->typing, TYPING_ITEM, s, 0, "");
        *out = redraw;
        return true;
    }
    if (ui_id_num(id, ID_ITEM, &u)) {
        const Item *it = plan_item(plan, u, &s);
        if (!it) return true;
        if (locked(conditions_open, s)) {
            *out = family_time ? redraw
                               : (FlowOut){.act = FLOW_ASK_PIN, .pin_for = PIN_FOR_CONDITIONS};
            return true;
        }
        typing_start(&ps->typing, TYPING_ITEM, s, u, it->text);
        *out = redraw;
        return true;
    }
    if (ui_id_num(id, ID_REMOVE, &u)) {
        if (plan_item(plan, u, &s) && !locked(conditions_open, s))
            *out = edit_out((Edit){.kind = EDIT_ITEM_REMOVE, .id = u});
        return true;
    }
    if ((key = ui_id_arg(id, ID_FIELD))) {
        for (int fi = 0; fi < FIELD_COUNT; fi++)
            if (!strcmp(key, field_key(fi))) {
                typing_start(&ps->typing, TYPING_FIELD, fi, 0, plan->field[fi]);
                *out = redraw;
                return true;
            }
    }
    return false;
}

FlowOut page_gesture(Ui *ui, PageState *ps, int step, const Plan *plan, const Gesture *ev,
                     const FlowView *view, bool family_time, bool conditions_open)
{
    FlowOut out = {.act = FLOW_NOTHING};
    if (ps->typing.kind) {
        bool done;
        out = typing_gesture(ui, &ps->typing, ev, &done);
        return done ? typed(ps, plan) : out;
    }
    if (scale_gesture(ui, &ps->scale, plan, ev, &out)) return out;
    switch (ev->kind) {
    case GESTURE_TAP: {
        const char *id = ev->widget;
        if (voice_tap(&ps->voice, &ps->typing, plan, id, &out) ||
            evaluation_tap(&ps->eval, &ps->typing, plan, id, view, &out) ||
            tap_lists(ps, plan, id, family_time, conditions_open, &out) ||
            review_tap(&ps->review, &ps->scroll[STEP_REVIEW], plan, id, view, family_time, &out))
            return out;
        return (FlowOut){.act = FLOW_NOTHING};
    }
    case GESTURE_DRAG_START:
    case GESTURE_DRAG_MOVE:
    case GESTURE_DROP:
        if (ps->voice.support_for || ps->eval.picking) return out;
        return form_scroll_gesture(&ps->scroll[step], ev) ? (FlowOut){.act = FLOW_REDRAW} : out;
    case GESTURE_CANCEL:
        return (FlowOut){.act = FLOW_REDRAW};
    default:
        return out;
    }
}

FlowOut page_text(PageState *ps, const char *text)
{
    if (!ps->typing.kind) return (FlowOut){.act = FLOW_NOTHING};
    return typing_text(&ps->typing, text);
}

FlowOut page_key(PageState *ps, const Plan *plan, SheetKey key)
{
    if (!ps->typing.kind) return (FlowOut){.act = FLOW_NOTHING};
    bool done;
    FlowOut o = typing_key(&ps->typing, key, &done);
    if (done) return typed(ps, plan);
    if (!ps->typing.kind) page_typing_closed(ps);
    return o;
}

void page_edit_result(PageState *ps, EditResult r, const char *why)
{
    if (!ps->typing.kind) return;
    if (r == EDIT_OK) {
        typing_close(&ps->typing);
        page_typing_closed(ps);
    } else {
        ps->typing.why = why;
    }
}

bool page_typing(const PageState *ps)
{
    return ps->typing.kind != TYPING_NONE;
}
