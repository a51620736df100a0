/* sheet: layout, drawing and input of the person sheet. */
#include "ui/screens/person_sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/relations.h"
#include "ui/form.h"
#include "ui/kit.h"

#define ID_NAME "field:name"
#define ID_RELATION_FIELD "field:relation"
#define ID_RELATION "relation" /* "relation:grandmother", "relation:other" */
#define ID_SECTOR "sector"     /* "sector:family" */
#define ID_PRESENT "present"

void sheet_init(PersonSheet *s)
{
    memset(s, 0, sizeof *s);
    textedit_init(&s->name, "", TEXT_MAX);
    textedit_init(&s->relation, "", TEXT_MAX);
}

void sheet_fini(PersonSheet *s)
{
    textedit_fini(&s->name);
    textedit_fini(&s->relation);
}

void sheet_open(PersonSheet *s, const Plan *plan, uint32_t id, int sector)
{
    const Person *p = id ? plan_person(plan, id) : NULL;
    s->open = true;
    s->person = p ? p->id : 0;
    textedit_set(&s->name, p ? p->name : "");
    textedit_set(&s->relation, p ? p->relation : "");
    snprintf(s->picto, sizeof s->picto, "%s", p ? p->picto : "");
    s->sector = p ? p->place.sector : sector;
    s->present = p ? p->present : true;
    s->focus = p ? FOCUS_NONE : FOCUS_NAME; /* a new person starts with the name */
    s->why = NULL;
    s->scroll = (FormScroll){0};
}

void sheet_close(PersonSheet *s)
{
    s->open = false;
    s->focus = FOCUS_NONE;
    s->why = NULL;
}

/* ---- drawing ---- */

static void draw_ltr(Ui *ui, PersonSheet *s, const Keyboard *kb)
{
    const Theme *t = ui->theme;
    Rect all = {0, 0, ui->w, ui->h};
    kit_backdrop(ui);
    ui_widget(ui, SHEET_ID, all, rect_center(all), GRAB_TAP | GRAB_DRAG);
    if (s->focus != FOCUS_NONE) {
        form_typing(ui,
                    s->focus == FOCUS_NAME ? ui_tr(ui, "Naam")
                                           : ui_tr(ui, "Wie is het voor de familie?"),
                    s->focus == FOCUS_NAME ? ID_NAME : ID_RELATION_FIELD,
                    s->focus == FOCUS_NAME ? &s->name : &s->relation, s->why, kb);
        return;
    }
    FormGeo g = form_geo(ui, ui->h);
    int lh = ui_line_height(ui, FONT_SMALL), th = ui_line_height(ui, FONT_TITLE);
    int inner_x = g.panel.x + 2 * g.pad, inner_w = g.panel.w - 4 * g.pad;
    /* measure the relation chips' rows first, to size the panel */
    int rows = 1, x = 0;
    for (int i = 0; i <= relation_count; i++) {
        const char *label =
            i < relation_count ? ui_tr(ui, relations[i].label) : ui_tr(ui, "anders");
        int w = form_chip(ui, &g, "", 0, 0, i < relation_count ? relations[i].picto : "", label,
                          false, 0, true);
        if (x > 0 && x + w > inner_w) {
            rows++;
            x = 0;
        }
        x += w + g.pad / 2;
    }
    int sector_rows = 1;
    x = 0;
    for (int i = 0; i < SECTOR_COUNT; i++) {
        int w = form_chip(ui, &g, "", 0, 0, "", ui_tr(ui, sector_name(i)), false, 0, true);
        if (x > 0 && x + w > inner_w) {
            sector_rows++;
            x = 0;
        }
        x += w + g.pad / 2;
    }
    int step = g.target + g.pad / 2;
    /* a new person's sector is asked; a person on the map moves there */
    bool ask_sector = s->person == 0;
    int content = g.pad + th + g.pad / 2 + lh + g.target + g.pad + lh + rows * step + g.pad / 2 +
                  (ask_sector ? lh + sector_rows * step + g.pad / 2 : 0) + step + (s->why ? lh : 0);
    int bar = g.target + g.pad * 2; /* the buttons, always in view */
    Rect panel = g.panel;
    panel.h = content + bar < ui->h - 2 * g.pad ? content + bar : ui->h - 2 * g.pad;
    panel.y = (ui->h - panel.h) / 2;
    draw_rect(&ui->dl, panel, g.radius, t->panel);
    Rect view = {panel.x, panel.y, panel.w, panel.h - bar};
    form_scroll_clamp(&s->scroll, content, view.h);
    ui_clip(ui, view);
    int y = panel.y + g.pad - s->scroll.offset;
    ui_text(ui, (Rect){inner_x, y, inner_w, th}, FONT_TITLE, ALIGN_LEFT, t->ink,
            s->person ? ui_tr(ui, "Persoon aanpassen") : ui_tr(ui, "Nieuwe persoon"));
    y += th + g.pad / 2;
    y = form_label(ui, &g, y, ui_tr(ui, "Naam"));
    form_field(ui, &g, ID_NAME, (Rect){inner_x, y, inner_w, g.target}, &s->name, false,
               ui_tr(ui, "Tik hier om de naam te typen"));
    y += g.target + g.pad / 2;
    /* in the room or not: asked next to the name, never below the fold */
    form_chip(ui, &g, ID_PRESENT, inner_x, y,
              s->present ? "\xE2\x9C\x85" : "\xE2\xAC\x9C", /* ✅ ⬜ */
              ui_tr(ui, "Is hier in de kamer"), s->present, t->sector_tint[2], false);
    y += step + g.pad / 2;
    y = form_label(ui, &g, y, ui_tr(ui, "Wie is het voor de familie?"));
    x = 0;
    for (int i = 0; i <= relation_count; i++) {
        bool other = i == relation_count;
        const char *label = other ? ui_tr(ui, "anders") : ui_tr(ui, relations[i].label);
        const char *picto = other ? "" : relations[i].picto;
        bool chosen = other ? (!s->picto[0] && textedit_text(&s->relation)[0])
                            : strcmp(s->picto, relations[i].key) == 0;
        if (other && chosen) /* the typed relation is the chip's label */
            label = textedit_text(&s->relation);
        int w = form_chip(ui, &g, "", 0, 0, picto, label, false, 0, true);
        if (w > inner_w) w = inner_w;
        if (x > 0 && x + w > inner_w) {
            y += step;
            x = 0;
        }
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_RELATION, other ? "other" : relations[i].key);
        x += form_chip(ui, &g, id, inner_x + x, y, picto, label, chosen,
                       t->sector_tint[other ? s->sector : relations[i].sector], false) +
             g.pad / 2;
    }
    y += step + g.pad / 2;
    if (ask_sector) y = form_label(ui, &g, y, ui_tr(ui, "Waar hoort deze persoon bij?"));
    x = 0;
    for (int i = 0; i < SECTOR_COUNT && ask_sector; i++) {
        const char *label = ui_tr(ui, sector_name(i));
        int w = form_chip(ui, &g, "", 0, 0, "", label, false, 0, true);
        if (x > 0 && x + w > inner_w) {
            y += step;
            x = 0;
        }
        char id[UI_ID_LEN];
        snprintf(id, sizeof id, "%s:%s", ID_SECTOR, sector_key(i));
        x += form_chip(ui, &g, id, inner_x + x, y, "", label, s->sector == i, t->sector_tint[i],
                       false) +
             g.pad / 2;
    }
    if (ask_sector) y += step + g.pad / 2;
    if (s->why) {
        ui_text(ui, (Rect){inner_x, y, inner_w, lh}, FONT_SMALL, ALIGN_LEFT, ui->theme->warn,
                ui_tr(ui, s->why));
        y += lh;
    }
    ui_unclip(ui);
    kit_scroll_edges(ui, view, s->scroll.offset, content);
    int bw = (inner_w - g.pad) / 3;
    Rect done = {inner_x + inner_w - bw, panel.y + panel.h - g.pad - g.target, bw, g.target};
    Rect cancel = {inner_x, done.y, bw, g.target};
    kit_button(ui, SHEET_ID_CANCEL, cancel, ui_tr(ui, "Annuleren"), false, false);
    kit_button(ui, SHEET_ID_DONE, done, ui_tr(ui, "Klaar"), true, false);
    if (s->person) {
        Rect rm = {inner_x + (inner_w - bw) / 2, done.y, bw, g.target};
        kit_button(ui, SHEET_ID_REMOVE, rm, ui_tr(ui, "Weghalen"), false, false);
    }
}

/* Laid out left to right, and mirrored whole for a right-to-left language. */
void sheet_draw(Ui *ui, PersonSheet *s, const Keyboard *kb)
{
    UiMark m = ui_mirror_begin(ui);
    draw_ltr(ui, s, kb);
    ui_mirror_end(ui, m);
}

/* ---- input ---- */

static TextEdit *focused_text(PersonSheet *s)
{
    return s->focus == FOCUS_NAME ? &s->name : s->focus == FOCUS_RELATION ? &s->relation : NULL;
}

/* The text being typed changed: a relation typed by hand is no longer
 * the one whose pictogram was chosen. */
static void typed(PersonSheet *s)
{
    s->why = NULL;
    if (s->focus == FOCUS_RELATION) s->picto[0] = '\0';
}

/* The edit that "Klaar" makes. */
static SheetResult done(PersonSheet *s, Edit *edit)
{
    *edit = (Edit){.kind = s->person ? EDIT_PERSON_SET : EDIT_PERSON_ADD,
                   .id = s->person,
                   .text = textedit_text(&s->name),
                   .text2 = textedit_text(&s->relation),
                   .text3 = s->picto,
                   .flag = s->present,
                   .place = {.sector = s->sector, .ring = RING_TRAY, .u = 500, .v = 500}};
    return SHEET_EDIT;
}

SheetResult sheet_gesture(Ui *ui, PersonSheet *s, Keyboard *kb, const Gesture *ev, Edit *edit)
{
    const char *id = ev->widget, *key;
    if (s->focus != FOCUS_NONE && keyboard_owns(ev)) {
        char text[16];
        bool leave;
        KeyResult k = keyboard_gesture(kb, ui, ev, text);
        if (form_apply_keyboard(focused_text(s), k, text, &leave)) typed(s);
        if (leave) return sheet_key(s, SKEY_RETURN, edit);
        return k == KEY_NOTHING ? SHEET_NOTHING : SHEET_REDRAW;
    }
    if (s->focus == FOCUS_NONE && form_scroll_gesture(&s->scroll, ev)) return SHEET_REDRAW;
    if (ev->kind != GESTURE_TAP) return SHEET_NOTHING;
    if (ui_id_is(id, ID_NAME) || ui_id_is(id, ID_RELATION_FIELD)) {
        SheetFocus f = ui_id_is(id, ID_NAME) ? FOCUS_NAME : FOCUS_RELATION;
        if (s->focus == f)
            form_caret_at(ui, focused_text(s), ev);
        else
            textedit_end(f == FOCUS_NAME ? &s->name : &s->relation);
        s->focus = f;
        return SHEET_REDRAW;
    }
    if ((key = ui_id_arg(id, ID_RELATION))) {
        const Relation *r = relation_find(key);
        if (r) {
            snprintf(s->picto, sizeof s->picto, "%s", r->key);
            textedit_set(&s->relation, r->label); /* the key says what it is: shown in the
                                                    screen's language */
            if (!s->person) s->sector = r->sector;
        } else { /* "anders": the family types it (a chip's word is cleared) */
            if (s->picto[0]) textedit_set(&s->relation, "");
            s->picto[0] = '\0';
            s->focus = FOCUS_RELATION;
        }
        return SHEET_REDRAW;
    }
    if ((key = ui_id_arg(id, ID_SECTOR))) {
        int sec = sector_from_key(key);
        if (sec >= 0) s->sector = sec;
        return SHEET_REDRAW;
    }
    if (ui_id_is(id, ID_PRESENT)) {
        s->present = !s->present;
        return SHEET_REDRAW;
    }
    if (ui_id_is(id, SHEET_ID_CANCEL)) {
        sheet_close(s);
        return SHEET_CLOSED;
    }
    if (ui_id_is(id, SHEET_ID_REMOVE)) return SHEET_REMOVE;
    if (ui_id_is(id, SHEET_ID_DONE)) return done(s, edit);
    return SHEET_NOTHING;
}

SheetResult sheet_text(PersonSheet *s, const char *text)
{
    TextEdit *te = focused_text(s);
    if (!te) return SHEET_NOTHING;
    textedit_insert(te, text);
    typed(s);
    return SHEET_REDRAW;
}

SheetResult sheet_key(PersonSheet *s, SheetKey key, Edit *edit)
{
    TextEdit *te = focused_text(s);
    switch (key) {
    case SKEY_ESCAPE:
        if (te) {
            s->focus = FOCUS_NONE;
            return SHEET_REDRAW;
        }
        sheet_close(s);
        return SHEET_CLOSED;
    case SKEY_RETURN:
        if (te) { /* leave the field */
            s->focus = FOCUS_NONE;
            return SHEET_REDRAW;
        }
        return done(s, edit);
    default:
        break;
    }
    if (!te) return SHEET_NOTHING;
    if (form_edit_key(te, key) && (key == SKEY_BACKSPACE || key == SKEY_DELETE)) typed(s);
    return SHEET_REDRAW;
}

void sheet_taken(PersonSheet *s, bool ok, const char *why)
{
    if (ok) {
        sheet_close(s);
    } else {
        s->why = why;
        s->focus = FOCUS_NONE;
    }
}
