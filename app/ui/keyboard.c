/* keyboard: layout tables, drawing and key presses. */
#include "ui/keyboard.h"

#define KEYBOARD_ID "keyboard" /* the keyboard itself: taps between keys go nowhere */
#define KEY_ID "key"           /* "key:a", "key:shift" */
#define ACCENT_ID "accent"     /* "accent:é": on a letter's accent row */

#include <stdio.h>
#include <string.h>

typedef enum KeyKind {
    K_CHAR,
    K_SHIFT,
    K_BACK,
    K_SPACE,
    K_PAGE,
    K_DONE,
    K_LEFT,
    K_RIGHT,
    K_LAYOUT,
} KeyKind;

typedef struct KeyDef {
    KeyKind kind;
    const char *text;    /* what it types (lower case) */
    const char *upper;   /* with shift */
    const char *accents; /* long-press choices, space separated */
    const char *accents_upper;
    float width; /* in key widths */
} KeyDef;

/* The keys in rows, as they stand on the screen. */
/* clang-format off */
#define C(t, u) { K_CHAR, t, u, NULL, NULL, 1 }
#define A(t, u, a, au) { K_CHAR, t, u, a, au, 1 }
#define SHIFT { K_SHIFT, "shift", NULL, NULL, NULL, 1.5f }
#define BACK { K_BACK, "backspace", NULL, NULL, NULL, 1.5f }
#define BOTTOM                                                                                     \
    { { K_PAGE, "page", NULL, NULL, NULL, 1.5f }, { K_LAYOUT, "layout", NULL, NULL, NULL, 1.5f },  \
      C(",", ","), { K_SPACE, "space", NULL, NULL, NULL, 4 }, C(".", "."),                         \
      { K_DONE, "done", NULL, NULL, NULL, 2 }, { 0 } }
/* clang-format on */

enum { ROW_KEYS = 15 };
typedef const KeyDef Rows[4][ROW_KEYS];

/* clang-format off */
/* Letters: QWERTY, with the accents of Dutch, Turkish, Polish, French,
 * Spanish, German and the Nordic languages on long press. */
static Rows latin = {
    { C("q", "Q"), C("w", "W"),
      A("e", "E", "é è ê ë ę ē", "É È Ê Ë Ę Ē"), C("r", "R"), C("t", "T"),
      A("y", "Y", "ý ÿ", "Ý Ÿ"), A("u", "U", "ú ù û ü", "Ú Ù Û Ü"),
      A("i", "I", "í ì î ï ı", "Í Ì Î Ï İ"), A("o", "O", "ó ò ô ö ø œ", "Ó Ò Ô Ö Ø Œ"),
      C("p", "P"), { 0 } },
    { A("a", "A", "à á â ä å ą æ", "À Á Â Ä Å Ą Æ"), A("s", "S", "ş ś š ß", "Ş Ś Š ẞ"),
      C("d", "D"), C("f", "F"), A("g", "G", "ğ", "Ğ"), C("h", "H"), C("j", "J"), C("k", "K"),
      A("l", "L", "ł", "Ł"), { 0 } },
    { SHIFT, A("z", "Z", "ż ź ž", "Ż Ź Ž"), C("x", "X"),
      A("c", "C", "ç ć č", "Ç Ć Č"), C("v", "V"), C("b", "B"), A("n", "N", "ñ ń", "Ñ Ń"),
      C("m", "M"), BACK, { 0 } },
    BOTTOM,
};

/* Turkish Q: its own letters on their own keys (ı and i both, İ and I). */
static Rows turkish = {
    { C("q", "Q"), C("w", "W"), C("e", "E"), C("r", "R"), C("t", "T"), C("y", "Y"),
      C("u", "U"), C("\xC4\xB1", "I"), C("o", "O"), C("p", "P"), C("\xC4\x9F", "\xC4\x9E"),
      C("\xC3\xBC", "\xC3\x9C"), { 0 } },
    { C("a", "A"), C("s", "S"), C("d", "D"), C("f", "F"), C("g", "G"), C("h", "H"),
      C("j", "J"), C("k", "K"), C("l", "L"), C("\xC5\x9F", "\xC5\x9E"), C("i", "\xC4\xB0"),
      { 0 } },
    { SHIFT, C("z", "Z"), C("x", "X"), C("c", "C"), C("v", "V"), C("b", "B"), C("n", "N"),
      C("m", "M"), C("\xC3\xB6", "\xC3\x96"), C("\xC3\xA7", "\xC3\x87"), BACK, { 0 } },
    BOTTOM,
};

/* Polish: QWERTY with ą ć ę ł ń ó ś ź ż beside their plain letters. */
static Rows polish = {
    { C("q", "Q"), C("w", "W"), C("e", "E"), C("\xC4\x99", "\xC4\x98"), C("r", "R"),
      C("t", "T"), C("y", "Y"), C("u", "U"), C("i", "I"), C("o", "O"),
      C("\xC3\xB3", "\xC3\x93"), C("p", "P"), { 0 } },
    { C("a", "A"), C("\xC4\x85", "\xC4\x84"), C("s", "S"), C("\xC5\x9B", "\xC5\x9A"),
      C("d", "D"), C("f", "F"), C("g", "G"), C("h", "H"), C("j", "J"), C("k", "K"),
      C("l", "L"), C("\xC5\x82", "\xC5\x81"), { 0 } },
    { SHIFT, C("z", "Z"), C("\xC5\xBC", "\xC5\xBB"), C("\xC5\xBA", "\xC5\xB9"), C("x", "X"),
      C("c", "C"), C("\xC4\x87", "\xC4\x86"), C("v", "V"), C("b", "B"), C("n", "N"),
      C("\xC5\x84", "\xC5\x83"), C("m", "M"), BACK, { 0 } },
    BOTTOM,
};

/* Arabic: the usual layout of Arabic keyboards, in the order the keys
 * stand from left to right (never mirrored); the hamza forms of alif,
 * ya and waw on long press. No shift: Arabic has no capitals. */
#define AR(t) C(t, t)
static Rows arabic = {
    { AR("ض"), AR("ص"), AR("ث"), AR("ق"), AR("ف"), AR("غ"), AR("ع"), AR("ه"), AR("خ"),
      AR("ح"), AR("ج"), { 0 } },
    { AR("ش"), AR("س"), A("ي", "ي", "ى ئ", "ى ئ"), AR("ب"), AR("ل"),
      A("ا", "ا", "أ إ آ ء", "أ إ آ ء"), AR("ت"), AR("ن"), AR("م"), AR("ك"), AR("ط"), { 0 } },
    { AR("ذ"), AR("ء"), AR("ؤ"), AR("ر"), AR("ى"), AR("ة"), A("و", "و", "ؤ", "ؤ"), AR("ز"),
      AR("ظ"), AR("د"), BACK, { 0 } },
    { { K_PAGE, "page", NULL, NULL, NULL, 1.5f }, { K_LAYOUT, "layout", NULL, NULL, NULL, 1.5f },
      AR("\xD8\x8C"), { K_SPACE, "space", NULL, NULL, NULL, 4 }, C(".", "."),
      { K_DONE, "done", NULL, NULL, NULL, 2 }, { 0 } },
};

static Rows symbols = {
    { C("1", "1"), C("2", "2"), C("3", "3"), C("4", "4"), C("5", "5"), C("6", "6"),
      C("7", "7"), C("8", "8"), C("9", "9"), C("0", "0"), { 0 } },
    { C("/", "/"), C(":", ":"), C(";", ";"), C("(", "("), C(")", ")"),
      C("\xE2\x82\xAC", "\xE2\x82\xAC"), C("&", "&"), C("@", "@"), C("\"", "\""),
      C("+", "+"), { 0 } },
    { C("?", "?"), C("!", "!"), C("#", "#"), C("%", "%"), C("=", "="), C("*", "*"),
      C("-", "-"), C("'", "'"), C("\xD8\x9F", "\xD8\x9F"), BACK, { 0 } },
    { { K_PAGE, "page", NULL, NULL, NULL, 1.5f }, { K_LEFT, "left", NULL, NULL, NULL, 1.25f },
      { K_SPACE, "space", NULL, NULL, NULL, 4 }, { K_RIGHT, "right", NULL, NULL, NULL, 1.25f },
      C(".", "."), { K_DONE, "done", NULL, NULL, NULL, 2 }, { 0 } },
};

/* The layouts one key goes through, with the name on that key. */
static const struct { const char *name; Rows *rows; } layouts[KEYBOARD_LAYOUTS] = {
    { "abc", &latin }, { "T\xC3\xBCrk\xC3\xA7" "e", &turkish }, { "Polski", &polish },
    { "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A", &arabic },
};
/* clang-format on */

static int layout_of(const Ui *ui, const Keyboard *kb)
{
    int l = kb->layout > 0 ? kb->layout - 1 : ui->keyboard_layout;
    return l >= 0 && l < KEYBOARD_LAYOUTS ? l : 0;
}

static Rows *page_rows(const Ui *ui, const Keyboard *kb)
{
    return kb->page == 1 ? &symbols : layouts[layout_of(ui, kb)].rows;
}

static int row_len(const KeyDef *row)
{
    int n = 0;
    while (n < ROW_KEYS && row[n].text)
        n++;
    return n;
}

static float row_units(const KeyDef *row)
{
    float u = 0;
    for (int i = 0; i < row_len(row); i++)
        u += row[i].width;
    return u;
}

int keyboard_height(const Ui *ui)
{
    int key = ui_px(ui, ui->theme->target_mm);
    if (key < ui->h / 12) key = ui->h / 12;
    return 4 * key + 5 * ui_px(ui, 1.2f);
}

static const KeyDef *find_key(Rows *rows, const char *text)
{
    for (int r = 0; r < 4; r++)
        for (int i = 0; i < row_len((*rows)[r]); i++)
            if (strcmp((*rows)[r][i].text, text) == 0) return &(*rows)[r][i];
    return NULL;
}

static const char *key_label(const Ui *ui, const Keyboard *kb, const KeyDef *k)
{
    bool up = kb->shift || kb->caps;
    switch (k->kind) {
    case K_LAYOUT: { /* the globe and the layout typed in now: a tap goes to the next */
        static char globe[64];
        snprintf(globe, sizeof globe, "\xF0\x9F\x8C\x90 %s", layouts[layout_of(ui, kb)].name);
        return globe;
    }
    case K_CHAR:
        return up ? k->upper : k->text;
    case K_SPACE:
        return ui_tr(ui, "spatie");
    case K_PAGE:
        return kb->page == 1 ? layouts[layout_of(ui, kb)].name : "123";
    case K_DONE:
        return ui_tr(ui, "Klaar");
    case K_SHIFT:
    case K_BACK:
    case K_LEFT:
    case K_RIGHT:
        return NULL; /* drawn as icons */
    }
    return "";
}

/* Shift, backspace and the arrows as line drawings (the text fonts have
 * no such signs). */
static void draw_icon(Ui *ui, const Keyboard *kb, KeyKind kind, Rect r, Color c)
{
    int s = r.h * 22 / 100, th = ui_px(ui, 0.5f) + 1;
    Point m = rect_center(r);
    DrawList *dl = &ui->dl;
    switch (kind) {
    case K_SHIFT:
        draw_line(dl, (Point){m.x, m.y - s}, (Point){m.x - s, m.y}, th, c);
        draw_line(dl, (Point){m.x, m.y - s}, (Point){m.x + s, m.y}, th, c);
        draw_line(dl, (Point){m.x, m.y - s}, (Point){m.x, m.y + s}, th, c);
        if (kb->caps)
            draw_line(dl, (Point){m.x - s, m.y + s + th * 2}, (Point){m.x + s, m.y + s + th * 2},
                      th, c);
        break;
    case K_BACK: {
        Point a = {m.x - s * 3 / 2, m.y}, b = {m.x - s / 2, m.y - s},
              e = {m.x + s * 3 / 2, m.y - s}, f = {m.x + s * 3 / 2, m.y + s},
              g = {m.x - s / 2, m.y + s};
        draw_line(dl, a, b, th, c);
        draw_line(dl, b, e, th, c);
        draw_line(dl, e, f, th, c);
        draw_line(dl, f, g, th, c);
        draw_line(dl, g, a, th, c);
        int k = s / 2;
        Point x = {m.x + s / 2, m.y};
        draw_line(dl, (Point){x.x - k, x.y - k}, (Point){x.x + k, x.y + k}, th, c);
        draw_line(dl, (Point){x.x - k, x.y + k}, (Point){x.x + k, x.y - k}, th, c);
        break;
    }
    case K_LEFT:
    case K_RIGHT: {
        int d = kind == K_LEFT ? -1 : 1;
        draw_line(dl, (Point){m.x - s, m.y}, (Point){m.x + s, m.y}, th, c);
        draw_line(dl, (Point){m.x + d * s, m.y}, (Point){m.x + d * s / 3, m.y - s * 2 / 3}, th, c);
        draw_line(dl, (Point){m.x + d * s, m.y}, (Point){m.x + d * s / 3, m.y + s * 2 / 3}, th, c);
        break;
    }
    default:
        break;
    }
}

void keyboard_draw(Ui *ui, const Keyboard *kb, Rect area)
{
    const Theme *t = ui->theme;
    UiMark mark = ui_mark(ui);
    int gap = ui_px(ui, 1.2f);
    draw_rect(&ui->dl, area, 0, 0xE9E2D6FF);
    ui_widget(ui, KEYBOARD_ID, area, rect_center(area), GRAB_TAP | GRAB_DRAG);
    Rows *rows = page_rows(ui, kb);
    int key_h = (area.h - 5 * gap) / 4;
    float widest = 10.0f; /* key widths: the widest row fills the screen */
    for (int r = 0; r < 4; r++)
        if (row_units((*rows)[r]) > widest) widest = row_units((*rows)[r]);
    float unit = (float)(area.w - gap) / widest;
    float max_unit = (float)ui_px(ui, 22.0f);
    if (unit > max_unit) unit = max_unit;
    Rect popup_key = {0};
    const KeyDef *popup_def = NULL;
    for (int r = 0; r < 4; r++) {
        const KeyDef *row = (*rows)[r];
        float total = row_units(row) * unit;
        float x = (float)area.x + ((float)area.w - total) / 2.0f;
        int y = area.y + gap + r * (key_h + gap);
        for (int i = 0; i < row_len(row); i++) {
            const KeyDef *k = &row[i];
            Rect kr = {(int)x + gap / 2, y, (int)(k->width * unit) - gap, key_h};
            x += k->width * unit;
            bool special = k->kind != K_CHAR && k->kind != K_SPACE;
            Color bg = k->kind == K_DONE                                 ? t->accent
                       : (k->kind == K_SHIFT && (kb->shift || kb->caps)) ? t->sector_tint[1]
                       : special                                         ? 0xD5CCBEFF
                                                                         : t->card;
            draw_rect(&ui->dl, (Rect){kr.x, kr.y + 2, kr.w, kr.h}, ui_px(ui, 1.2f), 0x00000030);
            draw_rect(&ui->dl, kr, ui_px(ui, 1.2f), bg);
            const char *label = key_label(ui, kb, k);
            int font = k->kind == K_CHAR     ? FONT_TITLE
                       : k->kind == K_LAYOUT ? FONT_SMALL
                                             : FONT_BOLD;
            if (label)
                ui_text(ui, kr, font, ALIGN_CENTER | ALIGN_MIDDLE,
                        k->kind == K_DONE ? t->card : t->ink, label);
            else
                draw_icon(ui, kb, k->kind, kr, t->ink);
            if (k->accents && k->kind == K_CHAR) { /* a dot: more is under this key */
                Point d = {kr.x + kr.w - ui_px(ui, 1.6f), kr.y + ui_px(ui, 1.6f)};
                draw_disc(&ui->dl, d, ui_px(ui, 0.45f), t->ink_soft);
            }
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "%s:%s", KEY_ID, k->text);
            ui_widget(ui, id, kr, rect_center(kr),
                      GRAB_TAP | (k->accents || k->kind == K_SHIFT ? GRAB_LONGPRESS : 0));
            if (kb->popup[0] && strcmp(kb->popup, k->text) == 0) {
                popup_key = kr;
                popup_def = k;
            }
        }
    }
    if (!popup_def && ui->mirror_pending) /* keys stand as they are, in any screen */
        ui_mirror_since(ui, mark);
    if (popup_def) { /* the accents, in a row above the key */
        const char *list = kb->shift || kb->caps ? popup_def->accents_upper : popup_def->accents;
        int n = 1;
        for (const char *p = list; *p; p++)
            n += *p == ' ';
        int w = popup_key.w, h = popup_key.h;
        int total = n * (w + gap) + gap;
        int x0 = clampi(popup_key.x + w / 2 - total / 2, area.x, area.x + area.w - total);
        Rect bar = {x0, popup_key.y - h - 2 * gap, total, h + 2 * gap};
        if (bar.y < 0) bar.y = 0;
        draw_rect(&ui->dl, (Rect){bar.x, bar.y + 3, bar.w, bar.h}, ui_px(ui, 1.5f), 0x00000040);
        draw_rect(&ui->dl, bar, ui_px(ui, 1.5f), t->panel);
        const char *p = list;
        for (int i = 0; i < n; i++) {
            size_t len = strcspn(p, " ");
            char acc[8];
            snprintf(acc, sizeof acc, "%.*s", (int)len, p);
            Rect kr = {bar.x + gap + i * (w + gap), bar.y + gap, w, h};
            draw_rect(&ui->dl, kr, ui_px(ui, 1.2f), t->card);
            ui_text(ui, kr, FONT_TITLE, ALIGN_CENTER | ALIGN_MIDDLE, t->ink, acc);
            char id[UI_ID_LEN];
            snprintf(id, sizeof id, "%s:%s", ACCENT_ID, acc);
            ui_widget(ui, id, kr, rect_center(kr), GRAB_TAP);
            p += len + (p[len] == ' ');
        }
        if (ui->mirror_pending) ui_mirror_since(ui, mark);
    }
}

bool keyboard_owns(const Gesture *ev)
{
    return ui_id_arg(ev->widget, KEY_ID) || ui_id_arg(ev->widget, ACCENT_ID) ||
           ui_id_is(ev->widget, KEYBOARD_ID);
}

KeyResult keyboard_gesture(Keyboard *kb, const Ui *ui, const Gesture *ev, char out[16])
{
    out[0] = '\0';
    if (ev->kind == GESTURE_RELEASE && kb->popup[0]) { /* held, slid to an accent, let go */
        const Widget *w = ui_hit(ui, ev->pos, GRAB_TAP);
        const char *slid = w ? ui_id_arg(w->id, ACCENT_ID) : NULL;
        if (!slid) return KEY_NOTHING; /* let go elsewhere: the accents stay, to tap */
        snprintf(out, 16, "%s", slid);
        kb->popup[0] = '\0';
        if (kb->shift && !kb->caps) kb->shift = false;
        return KEY_TEXT;
    }
    const char *accent = ui_id_arg(ev->widget, ACCENT_ID), *key = ui_id_arg(ev->widget, KEY_ID);
    if (accent && ev->kind == GESTURE_TAP) {
        snprintf(out, 16, "%s", accent);
        kb->popup[0] = '\0';
        if (kb->shift && !kb->caps) kb->shift = false;
        return KEY_TEXT;
    }
    if (!key) return KEY_NOTHING;
    const KeyDef *k = find_key(page_rows(ui, kb), key);
    if (!k) return KEY_NOTHING;
    bool had_popup = kb->popup[0] != '\0';
    if (ev->kind == GESTURE_LONGPRESS) {
        if (k->kind == K_SHIFT) {
            kb->caps = !kb->caps;
            kb->shift = false;
            return KEY_REDRAW;
        }
        if (k->accents) {
            snprintf(kb->popup, sizeof kb->popup, "%s", k->text);
            return KEY_REDRAW;
        }
        return KEY_NOTHING;
    }
    if (ev->kind != GESTURE_TAP) return KEY_NOTHING;
    kb->popup[0] = '\0';
    switch (k->kind) {
    case K_CHAR:
        snprintf(out, 16, "%s", kb->shift || kb->caps ? k->upper : k->text);
        if (kb->shift && !kb->caps) kb->shift = false;
        return KEY_TEXT;
    case K_SHIFT:
        if (kb->caps)
            kb->caps = false;
        else
            kb->shift = !kb->shift;
        return KEY_REDRAW;
    case K_BACK:
        return KEY_BACKSPACE;
    case K_SPACE:
        snprintf(out, 16, " ");
        return KEY_TEXT;
    case K_PAGE:
        kb->page = !kb->page;
        return KEY_REDRAW;
    case K_LAYOUT: /* one key goes round every layout */
        kb->layout = (layout_of(ui, kb) + 1) % KEYBOARD_LAYOUTS + 1;
        kb->shift = kb->caps = false;
        return KEY_REDRAW;
    case K_DONE:
        return KEY_DONE;
    case K_LEFT:
        return KEY_LEFT;
    case K_RIGHT:
        return KEY_RIGHT;
    }
    return had_popup ? KEY_REDRAW : KEY_NOTHING;
}
