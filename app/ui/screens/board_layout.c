/* board_layout: where everything on the board goes. */
#include "ui/screens/board_layout.h"

#include <stdio.h>
#include <string.h>

#include "core/relations.h"

static void settle(Layout *L, const Ui *ui, const Plan *plan);

/* What the resting cards' places depend on: the screen, and each
 * person's place and the words on their card. */
static uint64_t settle_key(const Ui *ui, const Plan *plan, bool compact, int top)
{
    uint64_t h = 1469598103934665603ull;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ull)
    MIX(ui->w);
    MIX(ui->h);
    MIX((int)(ui->mm * 1000));
    MIX(ui->rtl);
    MIX(compact);
    MIX(top);
    MIX(plan->n_people);
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        MIX(p->id);
        MIX(p->place.sector);
        MIX(p->place.ring);
        MIX(p->place.u);
        MIX(p->place.v);
        for (const char *c = p->name; *c; c++)
            MIX(*c);
        MIX(0);
        for (const char *c = relation_words(p, ui->cat); *c; c++)
            MIX(*c);
        MIX(0);
    }
#undef MIX
    return h;
}

static Layout layout_uncached(const Ui *ui, const Plan *plan, int top);

Layout board_layout(const Ui *ui, BoardSettled *st, const Plan *plan, int top)
{
    Layout L = layout_uncached(ui, plan, top);
    uint64_t key = settle_key(ui, plan, L.compact, top);
    if (key == st->key && st->n == L.n_home) {
        memcpy(L.home, st->home, sizeof L.home[0] * (size_t)L.n_home);
        return L;
    }
    settle(&L, ui, plan);
    st->key = key;
    st->n = L.n_home;
    memcpy(st->home, L.home, sizeof L.home[0] * (size_t)L.n_home);
    return L;
}

static Layout layout_uncached(const Ui *ui, const Plan *plan, int top_h)
{
    const Theme *t = ui->theme;
    Layout L;
    L.pad = ui_px(ui, t->pad_mm);
    L.radius = ui_px(ui, t->radius_mm);
    L.target = ui_px(ui, t->target_mm);
    L.top = (Rect){0, 0, ui->w, top_h};

    Rect body = {L.pad, top_h, ui->w - 2 * L.pad, ui->h - top_h - L.pad};
    bool portrait = ui->h > ui->w;
    if (portrait) {
        int goals_h = body.h * 36 / 100;
        L.goals = (Rect){body.x, body.y + body.h - goals_h, body.w, goals_h};
        body.h -= goals_h + L.pad;
    } else {
        int goals_w = clampi(body.w * 30 / 100, ui_px(ui, 56), ui_px(ui, 130));
        L.goals = (Rect){body.x + body.w - goals_w, body.y, goals_w, body.h};
        if (ui->rtl) L.goals.x = body.x;
        body.w -= goals_w + L.pad;
        if (ui->rtl) body.x += goals_w + L.pad;
    }
    int card_h = clampi(ui_line_height(ui, FONT_BOLD) + ui_line_height(ui, FONT_SMALL) + L.pad / 2,
                        ui_px(ui, 9), ui_px(ui, 16));
    int on_map = 0;
    for (int i = 0; i < plan->n_people; i++)
        on_map += plan->people[i].place.ring != RING_TRAY;
    /* a crowded map, or a small one, gets one-line cards */
    L.compact = on_map > 24 || body.h < card_h * 9;
    if (L.compact) card_h = ui_line_height(ui, FONT_BOLD) + L.pad / 2;
    int tray_h = card_h + L.pad * 3 / 2 + ui_line_height(ui, FONT_SMALL);
    L.tray = (Rect){body.x, body.y + body.h - tray_h, body.w, tray_h};
    {
        int bw = L.target + L.pad * 3 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Persoon"));
        int bh = tray_h - L.pad * 2;
        L.add = (Rect){L.tray.x + L.pad, L.tray.y + L.pad, bw, bh};
        int binw = L.target + L.pad + ui_text_width(ui, FONT_SMALL, ui_tr(ui, "Weghalen"));
        L.bin = (Rect){L.tray.x + L.tray.w - L.pad - binw, L.tray.y + L.pad, binw, bh};
        if (ui->rtl) {
            L.add.x = L.tray.x + L.tray.w - L.pad - bw;
            L.bin.x = L.tray.x + L.pad;
        }
    }
    L.map = (Rect){body.x, body.y, body.w, body.h - tray_h - L.pad};

    /* Rings inside the map, leaving room for the sector labels. */
    int label = ui_line_height(ui, FONT_SMALL);
    Rect rings = {L.map.x + L.pad, L.map.y + label / 2 + L.pad / 2, L.map.w - 2 * L.pad,
                  L.map.h - label - L.pad};
    L.net = netmap_make(rings, ui->rtl);

    L.card_w = clampi(L.net.rx * 50 / 100, ui_px(ui, 30), ui_px(ui, 60));
    L.card_h = card_h;
    if (L.compact) /* the fuller the map, the narrower the cards */
        L.card_w = clampi(L.net.rx * 45 / 100, ui_px(ui, on_map > 40 ? 22 : 29), ui_px(ui, 40));

    L.n_home = plan->n_people < BOARD_PEOPLE_MAX ? plan->n_people : BOARD_PEOPLE_MAX;
    return L;
}

const char *board_card_name(const Layout *L, const Person *p, char *buf, size_t n)
{
    if (!L->compact) return p->name;
    const char *s = p->name;
    const char *paren = strchr(s, '(');
    if (paren) { /* "جميلة العمراني (oma Jamila)": the words in brackets */
        const char *end = strchr(paren, ')');
        size_t len = end ? (size_t)(end - paren - 1) : strlen(paren + 1);
        snprintf(buf, n, "%.*s", (int)len, paren + 1);
        return buf;
    }
    size_t len = strcspn(s, " ");
    snprintf(buf, n, "%.*s", (int)len, s);
    return buf;
}

Rect board_card_at(const Ui *ui, const Layout *L, const Person *p, Point c)
{
    int avatar = L->card_h - L->pad;
    char first[200];
    int text = ui_text_width(ui, FONT_BOLD, board_card_name(L, p, first, sizeof first));
    int rel = L->compact ? 0 : ui_text_width(ui, FONT_SMALL, relation_words(p, ui->cat));
    if (rel > text) text = rel;
    int w = clampi(avatar + text + L->pad * 2, L->card_h * 2, L->card_w);
    return (Rect){c.x - w / 2, c.y - L->card_h / 2, w, L->card_h};
}

/* Where the tray shows its i-th card. */
static Point tray_slot(const Layout *L, const Ui *ui, int i)
{
    int label = ui_line_height(ui, FONT_SMALL);
    int x = L->add.x + L->add.w + L->pad + i * (L->card_w + L->pad) + L->card_w / 2;
    if (ui->rtl) x = L->tray.x + L->tray.w - (x - L->tray.x);
    return (Point){x, L->tray.y + label + L->pad / 2 + L->card_h / 2};
}

/* Keeps a card whole inside the map. */
static Point inside_map(const Layout *L, Rect r, Point c)
{
    c.x = clampi(c.x, L->map.x + r.w / 2 + 1, L->map.x + L->map.w - (r.w - r.w / 2) - 1);
    c.y = clampi(c.y, L->map.y + r.h / 2 + 1, L->map.y + L->map.h - (r.h - r.h / 2) - 1);
    return c;
}

static int overlap_area(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 0;
}

/* Where every card rests. A card lies where it was dropped unless it
 * would hide too much of the cards drawn before it (or they of it): then
 * it takes the nearest place, on a spiral around that spot, where every
 * card placed so far stays at least half uncovered. This moves only the
 * picture, never the stored place; no card leaves the map. */
static void settle(Layout *L, const Ui *ui, const Plan *plan)
{
    int n = plan->n_people < BOARD_PEOPLE_MAX ? plan->n_people : BOARD_PEOPLE_MAX;
    L->n_home = n;
    static const int max_cover_pct = 50;
    Rect rect[BOARD_PEOPLE_MAX];
    int covered[BOARD_PEOPLE_MAX]; /* area of card i that later cards cover */
    int tray = 0;
    for (int i = 0; i < n; i++) {
        const Person *p = &plan->people[i];
        covered[i] = 0;
        if (p->child) { /* the children: in the centre, no card of their own */
            L->home[i] = L->net.centre;
            rect[i] = (Rect){0, 0, 0, 0};
            continue;
        }
        if (p->place.ring == RING_TRAY) {
            L->home[i] = tray_slot(L, ui, tray++);
            rect[i] = (Rect){0, 0, 0, 0};
            continue;
        }
        Point want = netmap_point(&L->net, p->place);
        Rect r = board_card_at(ui, L, p, want);
        int area = r.w * r.h;
        Point best = inside_map(L, r, want);
        long best_score = -1;
        int step = L->card_h / 3 > 2 ? L->card_h / 3 : 2;
        for (int k = 0; k < 400; k++) {
            /* a square spiral: k = 0 is the spot itself */
            int ring = 0, pos = 0;
            if (k > 0) {
                ring = 1;
                while ((2 * ring + 1) * (2 * ring + 1) <= k)
                    ring++;
                pos = k - (2 * ring - 1) * (2 * ring - 1);
            }
            int side = pos / (2 * ring > 0 ? 2 * ring : 1),
                along = pos % (2 * ring > 0 ? 2 * ring : 1);
            int dx = 0, dy = 0;
            if (ring) {
                switch (side) {
                case 0:
                    dx = -ring + along;
                    dy = -ring;
                    break;
                case 1:
                    dx = ring;
                    dy = -ring + along;
                    break;
                case 2:
                    dx = ring - along;
                    dy = ring;
                    break;
                default:
                    dx = -ring;
                    dy = ring - along;
                    break;
                }
            }
            Point c = inside_map(L, r, (Point){want.x + dx * step * 2, want.y + dy * step});
            Rect cr = {c.x - r.w / 2, c.y - r.h / 2, r.w, r.h};
            long worst = 0; /* the most any card would then be covered, in % */
            int own = 0;
            for (int j = 0; j < i; j++) {
                if (!rect[j].w) continue;
                int ov = overlap_area(rect[j], cr);
                own += ov;
                long pct = (long)(covered[j] + ov) * 100 / (rect[j].w * rect[j].h);
                if (pct > worst) worst = pct;
            }
            long own_pct = (long)own * 100 / (area > 0 ? area : 1);
            if (own_pct > worst) worst = own_pct;
            /* hiding less matters more than staying near: 1% less is worth
             * twenty steps of the spiral */
            long score = worst * 20 + k;
            if (best_score < 0 || score < best_score) {
                best_score = score;
                best = c;
            }
            if (worst <= max_cover_pct / 4) break;
        }
        L->home[i] = best;
        rect[i] = (Rect){best.x - r.w / 2, best.y - r.h / 2, r.w, r.h};
        for (int j = 0; j < i; j++)
            if (rect[j].w) covered[j] += overlap_area(rect[j], rect[i]);
    }
}

Point board_person_home(const Layout *L, const Ui *ui, const Plan *plan, const Person *p)
{
    int i = (int)(p - plan->people);
    if (i >= 0 && i < L->n_home) return L->home[i];
    Point c = netmap_point(&L->net, p->place);
    return inside_map(L, board_card_at(ui, L, p, c), c);
}

Point board_drag_centre(const Layout *L, const Ui *ui, const Plan *plan, const Finger *f,
                        const Person *p)
{
    Point home = board_person_home(L, ui, plan, p);
    return (Point){f->pos.x - (f->start.x - home.x), f->pos.y - (f->start.y - home.y)};
}

Drop board_drop_for(const Layout *L, Point c, Point finger)
{
    Drop d = {false, false, {0}};
    if (rect_contains(L->bin, finger)) {
        d.valid = d.bin = true;
    } else if (rect_contains(L->tray, c)) {
        d.valid = true;
        d.place = (Place){.ring = RING_TRAY};
    } else if (rect_contains(L->map, c) && netmap_place_at(&L->net, c, &d.place)) {
        d.valid = true;
    }
    return d;
}

Point board_visible_point(const Ui *ui, const Layout *L, const Plan *plan, int i)
{
    const Person *p = &plan->people[i];
    Rect r = board_card_at(ui, L, p, board_person_home(L, ui, plan, p));
    const Point cand[] = {
        rect_center(r),
        {r.x + r.w / 4, r.y + r.h / 4},
        {r.x + r.w * 3 / 4, r.y + r.h / 4},
        {r.x + r.w / 4, r.y + r.h * 3 / 4},
        {r.x + r.w * 3 / 4, r.y + r.h * 3 / 4},
        {r.x + 4, r.y + 4},
        {r.x + r.w - 5, r.y + 4},
        {r.x + 4, r.y + r.h - 5},
        {r.x + r.w - 5, r.y + r.h - 5},
    };
    for (size_t k = 0; k < sizeof cand / sizeof cand[0]; k++) {
        bool covered = false;
        for (int j = i + 1; j < plan->n_people && !covered; j++) {
            const Person *q = &plan->people[j];
            covered =
                !q->child &&
                rect_contains(board_card_at(ui, L, q, board_person_home(L, ui, plan, q)), cand[k]);
        }
        if (!covered) return cand[k];
    }
    return rect_center(r);
}
