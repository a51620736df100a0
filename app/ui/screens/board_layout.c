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
    int goals_w = clampi(body.w * 30 / 100, ui_px(ui, 68), ui_px(ui, 130));
    /* too small for the map and the goals side by side, each whole */
    L.split = !portrait && (body.w - goals_w < ui_px(ui, 120) || body.h < ui_px(ui, 100));
    L.flip = (Rect){0, 0, 0, 0};
    if (L.split) {
        /* the goals where the map is, a tap apart (board.c picks) */
    } else if (portrait) {
        int goals_h = body.h * 36 / 100;
        L.goals = (Rect){body.x, body.y + body.h - goals_h, body.w, goals_h};
        body.h -= goals_h + L.pad;
    } else {
        L.goals = (Rect){body.x + body.w - goals_w, body.y, goals_w, body.h};
        if (ui->rtl) L.goals.x = body.x;
        body.w -= goals_w + L.pad;
        if (ui->rtl) body.x += goals_w + L.pad;
    }
    int card_h = clampi(ui_line_height(ui, FONT_BOLD) + ui_line_height(ui, FONT_SMALL) + L.pad / 2,
                        L.target, ui_px(ui, 16));
    int on_map = 0;
    for (int i = 0; i < plan->n_people; i++)
        on_map += plan->people[i].place.ring != RING_TRAY;
    /* a crowded map, or a small one, gets one-line cards */
    L.compact = on_map > 24 || body.h < card_h * 9;
    if (L.compact) /* still a finger's size */
        card_h = clampi(ui_line_height(ui, FONT_BOLD) + L.pad / 2, L.target, ui_px(ui, 16));
    int tray_h = card_h + L.pad * 3 / 2 + ui_line_height(ui, FONT_SMALL);
    L.tray = (Rect){body.x, body.y + body.h - tray_h, body.w, tray_h};
    {
        int bw = L.target + L.pad * 3 + ui_text_width(ui, FONT_BOLD, ui_tr(ui, "Persoon"));
        int bh = tray_h - L.pad * 2;
        L.add = (Rect){L.tray.x + L.pad, L.tray.y + L.pad, bw, bh};
        int binw = L.target + L.pad + ui_text_width(ui, FONT_SMALL, ui_tr(ui, "Weghalen"));
        L.bin = (Rect){L.tray.x + L.tray.w - L.pad - binw, L.tray.y + L.pad, binw, bh};
        if (L.split) { /* the other view, at the end of the tray: a pictogram over its word */
            char goals[120];
            snprintf(goals, sizeof goals, "%s %d", board_flip_label(ui, true), plan->n_goals);
            int fw = L.pad + ui_text_width(ui, FONT_SMALL, goals);
            int mw = L.pad + ui_text_width(ui, FONT_SMALL, board_flip_label(ui, false));
            if (mw > fw) fw = mw;
            if (fw < L.target * 3 / 2) fw = L.target * 3 / 2;
            L.flip = (Rect){L.tray.x + L.tray.w - L.pad - fw, L.tray.y + L.pad, fw, bh};
            L.bin.x = L.flip.x - L.pad - binw;
        }
        if (ui->rtl) {
            L.add.x = L.tray.x + L.tray.w - L.pad - bw;
            L.bin.x = L.tray.x + L.tray.x + L.tray.w - L.bin.x - L.bin.w;
            L.flip.x = L.tray.x + L.tray.x + L.tray.w - L.flip.x - L.flip.w;
        }
    }
    L.map = (Rect){body.x, body.y, body.w, body.h - tray_h - L.pad};
    if (L.split) L.goals = L.map;

    /* Rings inside the map, leaving room for the sector labels. */
    int label = ui_line_height(ui, FONT_SMALL);
    Rect rings = {L.map.x + L.pad, L.map.y + label / 2 + L.pad / 2, L.map.w - 2 * L.pad,
                  L.map.h - label - L.pad};
    L.net = netmap_make(rings, ui->rtl);

    L.card_w = clampi(L.net.rx * 50 / 100, ui_px(ui, 30), ui_px(ui, 60));
    L.card_h = card_h;
    L.faces = false;
    if (L.compact) { /* the fuller the map, the narrower the cards; but a name whole */
        L.card_w = clampi(L.net.rx * 60 / 100, ui_px(ui, on_map > 40 ? 22 : 29), ui_px(ui, 48));
        L.card_h = card_h;
        int need = 0;
        for (int i = 0; i < plan->n_people && on_map <= 40; i++) {
            char first[200];
            const Person *p = &plan->people[i];
            int w = card_h - L.pad + L.pad * 2 +
                    ui_text_width(ui, FONT_BOLD, board_card_name(&L, p, first, sizeof first));
            if (w > need) need = w;
        }
        if (need > L.card_w) L.card_w = need < ui_px(ui, 48) ? need : ui_px(ui, 48);
    }
    long room = (long)L.map.w * L.map.h;
    if (!L.compact) { /* room to spare (a large screen): every name whole */
        long whole = 0;
        int widest = 0, avatar = L.card_h - L.pad, cap = ui_px(ui, 120);
        for (int i = 0; i < plan->n_people; i++) {
            const Person *p = &plan->people[i];
            if (p->place.ring == RING_TRAY || p->child) continue;
            int text = ui_text_width(ui, FONT_BOLD, p->name);
            int rel = ui_text_width(ui, FONT_SMALL, relation_words(p, ui->cat));
            int w = clampi(avatar + (rel > text ? rel : text) + L.pad * 2, L.card_h * 2, cap);
            whole += (long)w * L.card_h;
            if (w > widest) widest = w;
        }
        if (widest > L.card_w && whole * 4 <= room) L.card_w = widest;
    }
    /* cards that would fill more than a third of the map: faces instead */
    long cards = 0;
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        if (p->place.ring == RING_TRAY || p->child) continue;
        cards += (long)board_card_at(ui, &L, p, (Point){0, 0}).w * L.card_h;
    }
    if (cards * 3 > room) {
        L.faces = true;
        L.card_w = L.card_h;
    }

    L.n_home = plan->n_people < BOARD_PEOPLE_MAX ? plan->n_people : BOARD_PEOPLE_MAX;
    return L;
}

Rect board_sector_label(const Ui *ui, const Layout *L, int s)
{
    int sh = ui_line_height(ui, FONT_SMALL);
    bool top = s == SECTOR_FAMILY || s == SECTOR_FRIENDS;
    bool left = (s == SECTOR_FAMILY || s == SECTOR_SCHOOL) != ui->rtl;
    int w = ui_text_width(ui, FONT_SMALL, ui_tr(ui, sector_name(s))) + sh;
    if (w > L->map.w / 2 - L->pad) w = L->map.w / 2 - L->pad;
    return (Rect){left ? L->map.x + L->pad : L->map.x + L->map.w - L->pad - w,
                  top ? L->map.y + L->pad / 2 : L->map.y + L->map.h - sh - L->pad / 2, w, sh};
}

const char *board_flip_label(const Ui *ui, bool to_goals)
{
    return to_goals ? ui_tr(ui, "Doelen") : ui_tr(ui, "Kaart");
}

const char *board_card_name(const Layout *L, const Person *p, char *buf, size_t n)
{
    return L->compact ? ui_first_name(p->name, buf, n) : p->name;
}

Rect board_card_at(const Ui *ui, const Layout *L, const Person *p, Point c)
{
    if (L->faces) return (Rect){c.x - L->card_h / 2, c.y - L->card_h / 2, L->card_h, L->card_h};
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

/* The k-th point of a square spiral around the origin (k = 0 is the
 * origin), in steps. */
static void spiral(int k, int *dx, int *dy)
{
    *dx = *dy = 0;
    if (k == 0) return;
    int ring = 1;
    while ((2 * ring + 1) * (2 * ring + 1) <= k)
        ring++;
    int pos = k - (2 * ring - 1) * (2 * ring - 1);
    int side = pos / (2 * ring), along = pos % (2 * ring);
    switch (side) {
    case 0:
        *dx = -ring + along;
        *dy = -ring;
        break;
    case 1:
        *dx = ring;
        *dy = -ring + along;
        break;
    case 2:
        *dx = ring - along;
        *dy = ring;
        break;
    default:
        *dx = -ring;
        *dy = ring - along;
        break;
    }
}

/* The sector a point of the map lies in: its quarter around the centre. */
static int quadrant(const Layout *L, Point c)
{
    bool top = c.y < L->net.centre.y, left = (c.x < L->net.centre.x) != L->net.mirrored;
    return top ? (left ? SECTOR_FAMILY : SECTOR_FRIENDS)
               : (left ? SECTOR_SCHOOL : SECTOR_PROFESSIONALS);
}

/* What a card settles against: the cards already placed, the centre and
 * the sectors' names. */
typedef struct Settling {
    const Layout *L;
    int n;
    Rect rect[BOARD_PEOPLE_MAX];
    Rect fixed[SECTOR_COUNT + 1]; /* the sectors' names and the centre */
    int tries;
    bool crowd;
} Settling;

/* The place nearest `want` for a card of r's size where it covers the
 * least of any card (card `self` left out) and of itself, in its own
 * sector if it can: a free place there ends the search. Hiding less
 * matters most (1% less is worth two hundred steps of the spiral), then
 * the sector (a card with its middle across the line says the wrong
 * thing: four hundred steps), then staying near. */
static Point best_spot(const Settling *S, Rect r, Point want, int self, Place home)
{
    const Layout *L = S->L;
    int area = r.w * r.h > 0 ? r.w * r.h : 1;
    Point best = inside_map(L, r, want);
    long best_score = -1;
    int step = L->card_h / 3 > 2 ? L->card_h / 3 : 2;
    for (int k = 0; k < S->tries; k++) {
        int dx, dy;
        spiral(k, &dx, &dy);
        Point c = inside_map(L, r, (Point){want.x + dx * step, want.y + dy * step});
        Rect cr = {c.x - r.w / 2, c.y - r.h / 2, r.w, r.h};
        long worst = 0; /* the most any card would then be covered, in % */
        int own = 0;
        for (int j = 0; j < S->n; j++) {
            if (j == self || !S->rect[j].w) continue;
            int ov = overlap_area(S->rect[j], cr);
            own += ov;
            long rj = (long)S->rect[j].w * S->rect[j].h;
            long pct = ((long)ov * 100 + rj - 1) / rj; /* any touch counts */
            if (pct > worst) worst = pct;
        }
        for (int f = 0; f < SECTOR_COUNT + 1; f++)
            own += overlap_area(S->fixed[f], cr) * 4;
        long own_pct = ((long)own * 100 + area - 1) / area;
        if (own_pct > worst) worst = own_pct;
        /* and stays in its sector (a card across the line says the wrong
         * thing), and near its ring */
        long away = 0;
        if (quadrant(L, c) != home.sector)
            away += 400;
        else if (quadrant(L, (Point){cr.x, cr.y}) != home.sector ||
                 quadrant(L, (Point){cr.x + cr.w - 1, cr.y + cr.h - 1}) != home.sector)
            away += 100; /* across the line, a little */
        Place at;
        if (netmap_place_at(&L->net, c, &at))
            away += 40L * (at.ring > home.ring ? at.ring - home.ring : home.ring - at.ring);
        long score = worst * 200 + k + away;
        if (best_score < 0 || score < best_score) {
            best_score = score;
            best = c;
        }
        /* a free place in its own quarter is the one; and nothing further
         * out (each step costs one) can beat the best so far */
        if ((worst == 0 && away == 0) || (S->crowd && worst <= 12) || k + 1 >= best_score) break;
    }
    return best;
}

/* Where every card rests. A card lies where it was dropped unless it
 * would cover a card placed before it (or they it), the centre or a
 * sector's name: then it takes the nearest place, on a spiral around that
 * spot, where it covers none — or, on a map too full for that, where the
 * least of any card is hidden. Rounds after move the cards still
 * covering another to a free place if there is one. This moves only the
 * picture, never the stored place; no card leaves the map. */
static void settle(Layout *L, const Ui *ui, const Plan *plan)
{
    int n = plan->n_people < BOARD_PEOPLE_MAX ? plan->n_people : BOARD_PEOPLE_MAX;
    L->n_home = n;
    static Settling S; /* large; the board is drawn from one thread */
    memset(&S, 0, sizeof S);
    S.L = L;
    S.crowd = n > 80; /* a crowd: a shorter search, each card mostly seen */
    S.tries = S.crowd ? 400 : 3000;
    int crx = (int)(netmap_ring_edge[0] * L->net.rx), cry = (int)(netmap_ring_edge[0] * L->net.ry);
    S.fixed[SECTOR_COUNT] = (Rect){L->net.centre.x - crx * 8 / 10, L->net.centre.y - cry * 8 / 10,
                                   crx * 8 / 5, cry * 8 / 5};
    for (int s = 0; s < SECTOR_COUNT; s++)
        S.fixed[s] = board_sector_label(ui, L, s);
    Point want[BOARD_PEOPLE_MAX];
    int tray = 0;
    for (int i = 0; i < n; i++) {
        const Person *p = &plan->people[i];
        S.n = i;
        if (p->child) { /* the children: in the centre, no card of their own */
            L->home[i] = L->net.centre;
            S.rect[i] = (Rect){0, 0, 0, 0};
            continue;
        }
        if (p->place.ring == RING_TRAY) {
            L->home[i] = tray_slot(L, ui, tray++);
            S.rect[i] = (Rect){0, 0, 0, 0};
            continue;
        }
        want[i] = netmap_point(&L->net, p->place);
        Rect r = board_card_at(ui, L, p, want[i]);
        Point best = best_spot(&S, r, want[i], -1, p->place);
        L->home[i] = best;
        S.rect[i] = (Rect){best.x - r.w / 2, best.y - r.h / 2, r.w, r.h};
    }
    S.n = n;
    for (int round = 0; round < 3 && !S.crowd; round++) /* rounds more, for those still covering */
        for (int i = 0; i < n; i++) {
            if (!S.rect[i].w) continue;
            bool covers = false;
            for (int j = 0; j < n && !covers; j++)
                covers = j != i && S.rect[j].w && overlap_area(S.rect[i], S.rect[j]) > 0;
            if (!covers) continue;
            Point best = best_spot(&S, S.rect[i], want[i], i, plan->people[i].place);
            L->home[i] = best;
            S.rect[i].x = best.x - S.rect[i].w / 2;
            S.rect[i].y = best.y - S.rect[i].h / 2;
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
