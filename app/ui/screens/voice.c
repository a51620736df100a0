/* voice: the child's voice, on the dream page. */
#include "ui/screens/voice.h"

#include <stdio.h>
#include <string.h>

#include "core/mentions.h"

#define ID_ADD "add-voice"
#define ID_VOICE "voice"         /* "voice:ID": change it */
#define ID_REMOVE "remove-voice" /* "remove-voice:ID" */
#define ID_SUPPORT "support"     /* "support:ID": choose its support person */
#define ID_PICK "pick"           /* "pick:PERSON", "pick:0" nobody */
#define ID_PICKER_CLOSE "support-close"

void voice_init(VoiceState *vs)
{
    memset(vs, 0, sizeof *vs);
    textedit_init(&vs->child, "", 400);
}

void voice_fini(VoiceState *vs)
{
    textedit_fini(&vs->child);
}

void voice_reset(VoiceState *vs)
{
    vs->support_for = 0;
    textedit_set(&vs->child, "");
}

void voice_draw(KitColumn *p, const Plan *plan)
{
    Ui *ui = p->ui;
    const Theme *t = ui->theme;
    KitPanel panel = kit_panel_begin(p, t->voice_tint);
    kit_heading(p, "\xF0\x9F\xA7\x92", ui_tr(ui, "De stem van het kind"),
                ui_tr(ui, "Wat het kind zelf zegt, in eigen woorden."));
    for (int i = 0; i < plan->n_voices; i++) {
        const Voice *v = &plan->voices[i];
        char id[UI_ID_LEN], rid[UI_ID_LEN], words[TEXT_MAX / 8];
        ui_id_make(id, ID_VOICE, (unsigned)v->id);
        ui_id_make(rid, ID_REMOVE, (unsigned)v->id);
        snprintf(words, sizeof words, "%s: \xE2\x80\x9C%s\xE2\x80\x9D", v->child, v->text);
        uint32_t who[MENTIONS_MAX]; /* the child, and whom the child speaks of */
        int n_who = plan_mentions(plan, ui->cat, words, who, MENTIONS_MAX);
        kit_item_card(p, id, "\xF0\x9F\x92\xAC", words, plan, who, n_who, rid); /* 💬 */
        /* the support person, chosen from the map */
        const Person *s = v->support ? plan_person(plan, v->support) : NULL;
        char label[300];
        if (s)
            tr_fill(label, sizeof label, ui_tr(ui, "Steun: %s"), s->name);
        else
            snprintf(label, sizeof label, "%s", ui_tr(ui, "Kies iemand die steunt"));
        int w = p->target + p->pad + ui_text_width(ui, FONT_BOLD, label);
        if (w > p->col.w) w = p->col.w;
        Rect r = {kit_reading_x(p, w), p->y, w, p->target};
        draw_rect(&ui->dl, r, p->target / 2, s ? t->sector_tint[s->place.sector] : t->card);
        draw_frame(&ui->dl, r, p->target / 2, ui_px(ui, 0.35f), t->line);
        Point c = {ui->rtl ? r.x + r.w - p->target / 2 : r.x + p->target / 2, r.y + r.h / 2};
        if (s)
            ui_avatar(ui, c, p->target * 2 / 5, s);
        else
            ui_text(ui, (Rect){c.x - p->target / 2, r.y, p->target, r.h}, FONT_BODY,
                    ALIGN_CENTER | ALIGN_MIDDLE, t->ink, "\xF0\x9F\xA4\x9D");
        ui_text(ui,
                (Rect){ui->rtl ? r.x + p->pad / 2 : r.x + p->target, r.y,
                       r.w - p->target - p->pad / 2, r.h},
                FONT_BOLD, p->align | ALIGN_MIDDLE, t->ink, label);
        ui_id_make(id, ID_SUPPORT, (unsigned)v->id);
        ui_widget(ui, id, r, rect_center(r), GRAB_TAP | GRAB_DRAG);
        p->y += r.h + p->pad;
    }
    kit_pill(p, ID_ADD, ui_tr(ui, "Wat zegt het kind?"), true);
    kit_panel_end(p, panel);
}

void voice_draw_picker(Ui *ui, VoiceState *vs, const Plan *plan)
{
    if (!vs->support_for) return;
    KitColumn col = kit_column(ui), *p = &col;
    const Theme *t = ui->theme;
    const Voice *v = plan_voice(plan, vs->support_for);
    if (!v) {
        vs->support_for = 0;
        return;
    }
    /* as high as its chips need: measure them as kit_people_chips lays them */
    int w = ui->w - p->pad * 4, x = 0, rows = 1;
    if (w > ui_px(ui, 200)) w = ui_px(ui, 200);
    int inner_w = w - p->pad * 3;
    for (int i = 0; i < plan->n_people; i++) {
        int cw = p->target + p->pad + ui_text_width(ui, FONT_BOLD, plan->people[i].name);
        cw = cw > inner_w ? inner_w : cw;
        if (x > 0 && x + cw > inner_w) {
            x = 0;
            rows++;
        }
        x += cw + p->pad / 2;
    }
    char title[300];
    tr_fill(title, sizeof title, ui_tr(ui, "Wie steunt %s?"), v->child);
    int title_h = ui_wrap(ui, (Rect){0, 0, inner_w - p->target - p->pad, p->th * 2}, FONT_TITLE,
                          t->ink, title, 2, false);
    KitGeo G = kit_geo(ui);
    int h = p->pad * 3 + title_h + p->pad + rows * (p->target + p->pad / 2) + p->pad + p->target +
            p->pad * 2;
    Rect in = kit_overlay(ui, &G, w, h);
    kit_close_button(ui, &G, ID_PICKER_CLOSE, in);
    kit_title(ui, &G, in, in.y, title, p->target + p->pad);
    KitColumn q = *p;
    q.col = (Rect){in.x, in.y + title_h + p->pad, in.w, in.h};
    q.y = q.col.y;
    kit_people_chips(&q, plan, ID_PICK, v->support);
    kit_pill(&q, ID_PICK ":0", ui_tr(ui, "Niemand"), false);
}

/* The first name in the plan's "children" ("Sam en Noor" -> "Sam"). */
static void first_child(const Plan *plan, char *out, size_t n)
{
    snprintf(out, n, "%s", plan_children(plan));
    size_t cut = strcspn(out, ",&");
    out[cut] = '\0';
    char *en = strstr(out, " en ");
    if (en) *en = '\0';
    size_t len = strlen(out);
    while (len && out[len - 1] == ' ')
        out[--len] = '\0';
}

static FlowOut edit(Edit e)
{
    return (FlowOut){.act = FLOW_EDIT, .edit = e};
}

bool voice_tap(VoiceState *vs, TypingState *ts, const Plan *plan, const char *id, FlowOut *out)
{
    unsigned u;
    FlowOut redraw = {.act = FLOW_REDRAW};
    *out = (FlowOut){.act = FLOW_NOTHING};
    if (vs->support_for) { /* the picker lies over everything */
        if (ui_id_is(id, ID_PICKER_CLOSE)) {
            vs->support_for = 0;
            *out = redraw;
        } else if (ui_id_num(id, ID_PICK, &u)) {
            const Voice *v = plan_voice(plan, vs->support_for);
            vs->support_for = 0;
            *out = !v ? redraw
                      : edit((Edit){.kind = EDIT_VOICE_SET,
                                    .id = v->id,
                                    .text = v->child,
                                    .text2 = v->text,
                                    .support = u});
        }
        return true;
    }
    if (ui_id_is(id, ID_ADD)) {
        char child[200];
        first_child(plan, child, sizeof child);
        typing_start(ts, TYPING_VOICE_CHILD, 0, 0, child);
        *out = redraw;
        return true;
    }
    if (ui_id_num(id, ID_VOICE, &u)) {
        const Voice *v = plan_voice(plan, u);
        if (v) {
            typing_start(ts, TYPING_VOICE_CHILD, 0, u, v->child);
            *out = redraw;
        }
        return true;
    }
    if (ui_id_num(id, ID_REMOVE, &u)) {
        *out = edit((Edit){.kind = EDIT_VOICE_REMOVE, .id = u});
        return true;
    }
    if (ui_id_num(id, ID_SUPPORT, &u)) {
        vs->support_for = u;
        *out = redraw;
        return true;
    }
    return false;
}

FlowOut voice_typed(VoiceState *vs, TypingState *ts, const Plan *plan)
{
    const char *text = textedit_text(&ts->te);
    const Voice *v = ts->id ? plan_voice(plan, ts->id) : NULL;
    if (ts->kind == TYPING_VOICE_CHILD) { /* whose words: then the words */
        textedit_set(&vs->child, text);
        typing_start(ts, TYPING_VOICE_WORDS, 0, ts->id, v ? v->text : "");
        return (FlowOut){.act = FLOW_REDRAW};
    }
    bool empty = typing_empty(ts);
    if (empty && !ts->id) {
        typing_close(ts);
        return (FlowOut){.act = FLOW_REDRAW};
    }
    if (empty) return edit((Edit){.kind = EDIT_VOICE_REMOVE, .id = ts->id});
    return edit((Edit){.kind = ts->id ? EDIT_VOICE_SET : EDIT_VOICE_ADD,
                       .id = ts->id,
                       .text = textedit_text(&vs->child),
                       .text2 = text,
                       .support = v ? v->support : 0});
}
