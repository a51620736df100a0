/* render: shapes through SDL_RenderGeometry, text through SDL_ttf. */
#include "platform/render.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "core/bidi.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "export/qr.h"

#define PI_F 3.14159265f

enum { TEX_SLOTS = 2048, MEASURE_SLOTS = 8192, MAX_RUNS = 64 };
/* Text textures kept between frames, at most (bytes of pixels): enough for
 * every text of a busy screen at 4K, and no more, in a kiosk that runs for
 * months. */
enum { TEX_BYTES_MAX = 8 << 20 };

typedef struct TexEntry {
    uint64_t hash; /* 0: empty */
    int font;
    bool rtl;
    Color color;
    char *text;
    SDL_Texture *tex;
    int w, h;
    uint32_t used; /* frame number of the last use */
} TexEntry;

typedef struct MeasureEntry {
    uint64_t hash;
    int font;
    char *text;
    int w;
} MeasureEntry;

/* A run of pixels on one row, to be blended at a coverage level. */
typedef struct SpanRect {
    SDL_FRect rect;
    int level;
} SpanRect;

struct Render {
    SDL_Renderer *sdl;
    char font_dir[1024];
    TTF_Font *latin[FONT_COUNT], *arabic[FONT_COUNT];
    TTF_Font *emoji; /* one size: its glyphs are 109-pixel bitmaps */
    int px[FONT_COUNT];
    TexEntry tex[TEX_SLOTS];
    int n_tex;
    size_t tex_bytes; /* pixels held by the cached text textures */
    MeasureEntry measure[MEASURE_SLOTS];
    int n_measure;
    uint32_t frame;
    SDL_Vertex *verts;
    int n_verts, cap_verts;
    int *idx;
    int n_idx, cap_idx;
    bool batch_opaque; /* the pending triangles need no blending */
    char *scratch;
    size_t scratch_cap;
    SDL_Texture *qr; /* the last QR code drawn, one pixel a module */
    uint64_t qr_hash;
    int qr_width;
    SpanRect *spans;       /* translucent fills, as blended runs */
    SDL_FRect *span_batch; /* the same, grouped by coverage level */
    int n_spans, cap_spans;
    SDL_Texture *target; /* where frames go: NULL, the window */
    int target_w, target_h;
    SDL_Texture *layer; /* the still background, as last drawn */
    int layer_w, layer_h;
    DrawList layer_cmds;  /* the commands it was drawn from */
    bool geo_short;       /* memory ran short for the pending triangles */
    bool short_of_memory; /* this frame was not drawn whole */
};

/* ------------------------------------------------------------------ */
/* Fonts                                                                */
/* ------------------------------------------------------------------ */

static void close_fonts(Render *r)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (r->latin[i]) TTF_CloseFont(r->latin[i]);
        if (r->arabic[i]) TTF_CloseFont(r->arabic[i]);
        r->latin[i] = r->arabic[i] = NULL;
        r->px[i] = 0;
    }
}

static void clear_caches(Render *r)
{
    for (int i = 0; i < TEX_SLOTS; i++) {
        if (r->tex[i].hash) {
            SDL_DestroyTexture(r->tex[i].tex);
            free(r->tex[i].text);
        }
    }
    memset(r->tex, 0, sizeof r->tex);
    r->n_tex = 0;
    r->tex_bytes = 0;
    for (int i = 0; i < MEASURE_SLOTS; i++)
        free(r->measure[i].text);
    memset(r->measure, 0, sizeof r->measure);
    r->n_measure = 0;
}

static TTF_Font *open_font(Render *r, const char *file, int px, char *err, size_t errlen)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", r->font_dir, file);
    TTF_Font *f = TTF_OpenFont(path, px);
    if (!f) snprintf(err, errlen, "font %s: %s", path, TTF_GetError());
    return f;
}

int render_set_scale(Render *r, const Theme *theme, float mm, char *err, size_t errlen)
{
    int px[FONT_COUNT];
    bool same = true;
    for (int i = 0; i < FONT_COUNT; i++) {
        px[i] = (int)(theme->font_mm[i] * mm + 0.5f);
        if (px[i] < 8) px[i] = 8;
        same = same && px[i] == r->px[i];
    }
    if (same) return 0;
    clear_caches(r);
    close_fonts(r);
    for (int i = 0; i < FONT_COUNT; i++) {
        bool bold = theme->font_bold[i];
        r->latin[i] =
            open_font(r, bold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf", px[i], err, errlen);
        r->arabic[i] = open_font(r, bold ? "NotoSansArabic-Bold.ttf" : "NotoSansArabic-Regular.ttf",
                                 px[i], err, errlen);
        if (!r->latin[i] || !r->arabic[i]) {
            close_fonts(r);
            return -1;
        }
        TTF_SetFontHinting(r->latin[i], TTF_HINTING_LIGHT);
        TTF_SetFontHinting(r->arabic[i], TTF_HINTING_LIGHT);
        TTF_SetFontDirection(r->arabic[i], TTF_DIRECTION_RTL);
        TTF_SetFontScriptName(r->arabic[i], "Arab");
        r->px[i] = px[i];
    }
    return 0;
}

Render *render_create(SDL_Renderer *sdl, const char *font_dir, char *err, size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    Render *r = mem_calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->sdl = sdl;
    snprintf(r->font_dir, sizeof r->font_dir, "%s", font_dir);
    r->emoji = open_font(r, "NotoColorEmoji.ttf", 109, err, errlen);
    if (!r->emoji) {
        render_destroy(r);
        return NULL;
    }
    /* Check every font now, so a missing file is reported at start. */
    if (render_set_scale(r, &theme_default, 96.0f / 25.4f, err, errlen) != 0) {
        render_destroy(r);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND);
    return r;
}

void render_destroy(Render *r)
{
    if (!r) return;
    if (r->emoji) TTF_CloseFont(r->emoji);
    if (r->layer) SDL_DestroyTexture(r->layer);
    if (r->qr) SDL_DestroyTexture(r->qr);
    draw_fini(&r->layer_cmds);
    clear_caches(r);
    close_fonts(r);
    free(r->verts);
    free(r->spans);
    free(r->span_batch);
    free(r->idx);
    free(r->scratch);
    free(r);
    TTF_Quit();
}

/* ------------------------------------------------------------------ */
/* Text runs and measuring                                              */
/* ------------------------------------------------------------------ */

typedef enum RunKind { RUN_LATIN, RUN_ARABIC, RUN_EMOJI } RunKind;

typedef struct Run {
    size_t off, len;
    RunKind kind;
    int level; /* bidi level: odd reads right to left */
} Run;

static bool is_neutral(uint32_t cp)
{
    return cp < 0x41 || (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0xBF) ||
           (cp >= 0x2000 && cp <= 0x206F && cp != 0x200D) || cp == 0x00D7;
}

/* Splits s into runs each drawn with one font: Latin (and the rest),
 * Arabic, emoji. Neutral characters (spaces, digits, punctuation) join
 * the run they stand in, unless its font lacks them (the ellipsis in
 * Arabic). At most max runs. */
static int font_runs(Render *r, int font, const char *s, size_t n, Run *runs, int max)
{
    int count = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        RunKind cur = count ? runs[count - 1].kind : RUN_LATIN;
        RunKind kind;
        if (utf8_is_emoji(cp) || (cur == RUN_EMOJI && utf8_is_emoji_joiner(cp)) ||
            (cp >= 0x1F1E6 && cp <= 0x1F1FF))
            kind = RUN_EMOJI;
        else if (utf8_is_arabic(cp))
            kind = RUN_ARABIC;
        else if (is_neutral(cp) && count &&
                 (cur == RUN_LATIN ||
                  (cur == RUN_ARABIC && TTF_GlyphIsProvided32(r->arabic[font], cp)))) {
            kind = cur;
        } else {
            kind = RUN_LATIN;
        }
        if (count == 0 || kind != cur) {
            if (count == max) { /* too many: the rest goes in the last run */
                runs[count - 1].len += n - i;
                break;
            }
            runs[count++] = (Run){i, 0, kind};
        }
        runs[count - 1].len += (size_t)len;
        i += (size_t)len;
    }
    return count;
}

/* s as a C string in the renderer's scratch buffer; NULL when memory is
 * short. */
static char *scratch(Render *r, const char *s, size_t n)
{
    if (n + 1 > r->scratch_cap) {
        char *grown = mem_realloc(r->scratch, n + 1 + 256);
        if (!grown) {
            r->short_of_memory = true;
            return NULL;
        }
        r->scratch = grown;
        r->scratch_cap = n + 1 + 256;
    }
    memcpy(r->scratch, s, n);
    r->scratch[n] = '\0';
    return r->scratch;
}

/* The runs of a line as they stand on the screen, left to right: the
 * bidirectional algorithm's runs (core/bidi), each cut by font; inside a
 * run that reads right to left, its pieces stand right to left too. */
static int split_runs(Render *r, int font, bool rtl, const char *s, size_t n, Run *runs)
{
    BidiRun b[MAX_RUNS];
    int nb = bidi_visual_runs(s, n, rtl, b, MAX_RUNS);
    if (nb < 0) { /* short of memory: the line as written */
        r->short_of_memory = true;
        nb = 1;
        b[0] = (BidiRun){0, n, rtl};
    }
    int count = 0;
    for (int k = 0; k < nb && count < MAX_RUNS; k++) {
        Run sub[MAX_RUNS];
        int m = font_runs(r, font, s + b[k].off, b[k].len, sub, MAX_RUNS - count);
        for (int j = 0; j < m; j++) {
            Run x = sub[(b[k].level & 1) ? m - 1 - j : j];
            x.off += b[k].off;
            x.level = b[k].level;
            runs[count++] = x;
        }
    }
    return count;
}

/* The text of a run as its font is to draw it. In a run that reads right
 * to left, brackets and other mirrored signs are mirrored ("(" shows as
 * ")"; SDL_ttf's shaping does not do it); a Latin-font piece of such a
 * run (brackets, dashes, spaces between Arabic words) is also turned
 * around, since only the Arabic font is shaped right to left. NULL when
 * memory is short. */
static const char *run_text(Render *r, const char *s, const Run *run)
{
    char *out = scratch(r, s + run->off, run->len); /* mirrors are as long here */
    if (!out) return NULL;
    bool odd = run->level & 1, turn = odd && run->kind == RUN_LATIN;
    const char *in = s + run->off;
    size_t o = 0;
    for (size_t done = 0; done < run->len;) {
        size_t start, end;
        if (turn) { /* the last character not yet taken */
            end = run->len - done;
            start = end - 1;
            while (start > 0 && ((unsigned char)in[start] & 0xC0) == 0x80)
                start--;
        } else {
            start = done;
            end = utf8_next_char(in, run->len, start);
        }
        done += end - start;
        uint32_t cp;
        utf8_decode(in + start, end - start, &cp);
        if (bidi_is_control(cp)) /* steers the order; no glyph */
            continue;
        char buf[4];
        int k = odd && run->kind != RUN_EMOJI ? utf8_encode(bidi_mirror(cp), buf) : 0;
        if (k > 0 && (size_t)k == end - start) {
            memcpy(out + o, buf, (size_t)k);
        } else { /* as it is (a mirror of another length, a broken byte) */
            memcpy(out + o, in + start, end - start);
            k = (int)(end - start);
        }
        o += (size_t)k;
    }
    out[o] = '\0';
    return out;
}

static TTF_Font *run_font(Render *r, int font, const Run *run)
{
    return run->kind == RUN_EMOJI    ? r->emoji
           : run->kind == RUN_ARABIC ? r->arabic[font]
                                     : r->latin[font];
}

/* The height emoji are drawn at beside text of this font. */
static int emoji_height(Render *r, int font)
{
    return TTF_FontAscent(r->latin[font]) * 11 / 10;
}

/* Width of one run as drawn. */
static int run_width(Render *r, int font, const char *s, const Run *run)
{
    int w = 0, h = 0;
    const char *text = run_text(r, s, run);
    if (!text) return 0;
    TTF_SizeUTF8(run_font(r, font, run), text, &w, &h);
    if (run->kind == RUN_EMOJI && h > 0) w = w * emoji_height(r, font) / TTF_FontHeight(r->emoji);
    return w;
}

/* A smaller copy of an ARGB surface, each pixel the average of the box
 * it covers (weighted by alpha, so edges stay clean). */
static SDL_Surface *shrink(SDL_Surface *src, int dw, int dh)
{
    if (dw < 1) dw = 1;
    if (dh < 1) dh = 1;
    SDL_Surface *in = SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!in || !out) {
        SDL_FreeSurface(in);
        SDL_FreeSurface(out);
        return NULL;
    }
    int sw = in->w, sh = in->h;
    for (int y = 0; y < dh; y++) {
        int y0 = y * sh / dh, y1 = (y + 1) * sh / dh;
        if (y1 <= y0) y1 = y0 + 1;
        Uint32 *row = (Uint32 *)((Uint8 *)out->pixels + y * out->pitch);
        for (int x = 0; x < dw; x++) {
            int x0 = x * sw / dw, x1 = (x + 1) * sw / dw;
            if (x1 <= x0) x1 = x0 + 1;
            unsigned long a = 0, rr = 0, g = 0, b = 0, cnt = 0;
            for (int sy = y0; sy < y1 && sy < sh; sy++) {
                const Uint32 *sp = (const Uint32 *)((const Uint8 *)in->pixels + sy * in->pitch);
                for (int sx = x0; sx < x1 && sx < sw; sx++) {
                    Uint32 px = sp[sx];
                    unsigned pa = px >> 24;
                    a += pa;
                    rr += ((px >> 16) & 0xFF) * pa;
                    g += ((px >> 8) & 0xFF) * pa;
                    b += (px & 0xFF) * pa;
                    cnt++;
                }
            }
            Uint32 v = 0;
            if (a > 0) v = (Uint32)((a / cnt) << 24 | (rr / a) << 16 | (g / a) << 8 | (b / a));
            row[x] = v;
        }
    }
    SDL_FreeSurface(in);
    return out;
}

static uint64_t hash_text(int font, const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(font + 1);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

static int width_uncached(Render *r, int font, const char *s, size_t n)
{
    Run runs[MAX_RUNS];
    int count = split_runs(r, font, false, s, n, runs);
    int total = 0;
    for (int i = 0; i < count; i++)
        total += run_width(r, font, s, &runs[i]);
    return total;
}

static int measure_width(void *ctx, int font, const char *s, size_t n)
{
    Render *r = ctx;
    if (font < 0 || font >= FONT_COUNT || n == 0) return 0;
    uint64_t h = hash_text(font, s, n);
    size_t slot = h % MEASURE_SLOTS;
    for (int probe = 0; probe < 32; probe++, slot = (slot + 1) % MEASURE_SLOTS) {
        MeasureEntry *e = &r->measure[slot];
        if (!e->hash) break;
        if (e->hash == h && e->font == font && strlen(e->text) == n && memcmp(e->text, s, n) == 0)
            return e->w;
    }
    int w = width_uncached(r, font, s, n);
    if (r->n_measure > MEASURE_SLOTS * 3 / 4) {
        for (int i = 0; i < MEASURE_SLOTS; i++)
            free(r->measure[i].text);
        memset(r->measure, 0, sizeof r->measure);
        r->n_measure = 0;
    }
    slot = h % MEASURE_SLOTS;
    for (int probe = 0; probe < 32; probe++, slot = (slot + 1) % MEASURE_SLOTS) {
        MeasureEntry *e = &r->measure[slot];
        if (!e->hash) {
            e->text = mem_strndup(s, n);
            if (!e->text) /* not kept: measured again next time */
                break;
            e->hash = h;
            e->font = font;
            e->w = w;
            r->n_measure++;
            break;
        }
    }
    return w;
}

static int measure_height(void *ctx, int font)
{
    Render *r = ctx;
    if (font < 0 || font >= FONT_COUNT) return 0;
    return TTF_FontLineSkip(r->latin[font]);
}

TextMeasure render_measure(Render *r)
{
    return (TextMeasure){r, measure_width, measure_height};
}

/* ------------------------------------------------------------------ */
/* Text textures                                                        */
/* ------------------------------------------------------------------ */

static SDL_Surface *render_runs(Render *r, int font, bool rtl, Color color, const char *s, size_t n)
{
    Run runs[MAX_RUNS];
    int count = split_runs(r, font, rtl, s, n, runs);
    SDL_Surface *parts[MAX_RUNS] = {0};
    int top[MAX_RUNS] = {0};
    int total_w = 0, ascent = TTF_FontAscent(r->latin[font]), below = 0;
    SDL_Color fg = {(Uint8)(color >> 24), (Uint8)(color >> 16), (Uint8)(color >> 8), 255};
    for (int i = 0; i < count; i++) {
        TTF_Font *f = run_font(r, font, &runs[i]);
        const char *text = run_text(r, s, &runs[i]);
        SDL_Surface *part = text ? TTF_RenderUTF8_Blended(f, text, fg) : NULL;
        if (!part) continue;
        if (runs[i].kind == RUN_EMOJI) {
            int h = emoji_height(r, font);
            SDL_Surface *small = shrink(part, part->w * h / (part->h ? part->h : 1), h);
            SDL_FreeSurface(part);
            part = small;
            if (!part) continue;
            top[i] = ascent - h * 9 / 10; /* sits on the baseline, like a capital */
        } else {
            top[i] = ascent - TTF_FontAscent(f);
        }
        parts[i] = part;
        total_w += part->w;
        if (top[i] + part->h - ascent > below) below = top[i] + part->h - ascent;
    }
    int min_top = 0;
    for (int i = 0; i < count; i++)
        if (parts[i] && top[i] < min_top) min_top = top[i];
    SDL_Surface *out = NULL;
    if (total_w > 0) {
        out = SDL_CreateRGBSurfaceWithFormat(0, total_w, ascent + below - min_top, 32,
                                             SDL_PIXELFORMAT_ARGB8888);
        if (out) {
            SDL_FillRect(out, NULL, 0);
            int x = 0; /* the runs come in the order they are seen */
            for (int i = 0; i < count; i++) {
                if (!parts[i]) continue;
                SDL_Rect dst = {x, top[i] - min_top, parts[i]->w, parts[i]->h};
                SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
                SDL_BlitSurface(parts[i], NULL, out, &dst);
                x += parts[i]->w;
            }
        }
    }
    for (int i = 0; i < count; i++)
        if (parts[i]) SDL_FreeSurface(parts[i]);
    return out;
}

static TexEntry *text_texture(Render *r, int font, bool rtl, Color color, const char *s, size_t n)
{
    uint64_t h = hash_text(font + (rtl ? FONT_COUNT : 0), s, n) ^ ((uint64_t)color << 17);
    if (!h) h = 1;
    size_t slot = h % TEX_SLOTS;
    TexEntry *free_slot = NULL;
    for (int probe = 0; probe < TEX_SLOTS; probe++, slot = (slot + 1) % TEX_SLOTS) {
        TexEntry *e = &r->tex[slot];
        if (!e->hash) {
            free_slot = e;
            break;
        }
        if (e->hash == h && e->font == font && e->rtl == rtl && e->color == (color | 0xFF) &&
            strlen(e->text) == n && memcmp(e->text, s, n) == 0) {
            e->used = r->frame;
            return e;
        }
    }
    if (!free_slot) return NULL;
    SDL_Surface *surf = render_runs(r, font, rtl, color, s, n);
    if (!surf) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) return NULL;
    char *text = mem_strndup(s, n);
    if (!text) {
        SDL_DestroyTexture(tex);
        r->short_of_memory = true;
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    free_slot->hash = h;
    free_slot->font = font;
    free_slot->rtl = rtl;
    free_slot->color = color | 0xFF;
    free_slot->text = text;
    free_slot->tex = tex;
    free_slot->w = w;
    free_slot->h = hh;
    free_slot->used = r->frame;
    r->n_tex++;
    r->tex_bytes += (size_t)w * (size_t)hh * 4;
    return free_slot;
}

/* Drops textures not used in the last two frames once the table fills,
 * or holds more pixels than it may. */
static void trim_textures(Render *r)
{
    if (r->n_tex < TEX_SLOTS / 2 && r->tex_bytes <= TEX_BYTES_MAX) return;
    TexEntry keep[TEX_SLOTS];
    int k = 0;
    for (int i = 0; i < TEX_SLOTS; i++) {
        TexEntry *e = &r->tex[i];
        if (!e->hash) continue;
        if (r->frame - e->used <= 1) {
            keep[k++] = *e;
        } else {
            SDL_DestroyTexture(e->tex);
            free(e->text);
        }
    }
    memset(r->tex, 0, sizeof r->tex);
    r->n_tex = 0;
    r->tex_bytes = 0;
    for (int i = 0; i < k; i++) {
        size_t slot = keep[i].hash % TEX_SLOTS;
        while (r->tex[slot].hash)
            slot = (slot + 1) % TEX_SLOTS;
        r->tex[slot] = keep[i];
        r->n_tex++;
        r->tex_bytes += (size_t)keep[i].w * (size_t)keep[i].h * 4;
    }
}

static void draw_text_cmd(Render *r, const DrawList *dl, const DrawCmd *c)
{
    if (c->a < 0 || c->a >= FONT_COUNT) return;
    TexEntry *e = text_texture(r, c->a, (c->b & TEXT_RTL) != 0, c->color | 0xFF,
                               draw_cmd_text(dl, c), c->text_len);
    if (!e) return;
    int h_align = c->b & 3;
    int x = c->x, y = c->y;
    if (h_align == ALIGN_CENTER)
        x = c->x + (c->w - e->w) / 2;
    else if (h_align == ALIGN_RIGHT)
        x = c->x + c->w - e->w;
    if (c->b & ALIGN_MIDDLE) y = c->y + (c->h - e->h) / 2;
    SDL_SetTextureAlphaMod(e->tex, (Uint8)c->color);
    SDL_Rect dst = {x, y, e->w, e->h};
    SDL_RenderCopy(r->sdl, e->tex, NULL, &dst);
}

/* ------------------------------------------------------------------ */
/* Shapes: triangles with a one-pixel feathered edge (anti-aliasing)    */
/* ------------------------------------------------------------------ */

static SDL_Color color_of(Color c)
{
    return (SDL_Color){(Uint8)(c >> 24), (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c};
}

static void geo_reset(Render *r)
{
    r->n_verts = 0;
    r->n_idx = 0;
    r->geo_short = false;
}

/* Triangles are built a shape at a time; when memory runs short the
 * pending ones are dropped whole at the next flush (geo_short), never
 * drawn with indices that point nowhere. */
static int vert(Render *r, float x, float y, SDL_Color c)
{
    if (r->geo_short) return 0;
    if (r->n_verts == r->cap_verts) {
        int cap = r->cap_verts ? r->cap_verts * 2 : 1024;
        SDL_Vertex *grown = mem_realloc(r->verts, sizeof *r->verts * (size_t)cap);
        if (!grown) {
            r->geo_short = r->short_of_memory = true;
            return 0;
        }
        r->verts = grown;
        r->cap_verts = cap;
    }
    r->verts[r->n_verts] = (SDL_Vertex){{x, y}, c, {0, 0}};
    return r->n_verts++;
}

static void tri(Render *r, int a, int b, int c)
{
    if (r->geo_short) return;
    if (r->n_idx + 3 > r->cap_idx) {
        int cap = r->cap_idx ? r->cap_idx * 2 : 3072;
        int *grown = mem_realloc(r->idx, sizeof *r->idx * (size_t)cap);
        if (!grown) {
            r->geo_short = r->short_of_memory = true;
            return;
        }
        r->idx = grown;
        r->cap_idx = cap;
    }
    r->idx[r->n_idx++] = a;
    r->idx[r->n_idx++] = b;
    r->idx[r->n_idx++] = c;
}

static void geo_flush(Render *r)
{
    if (r->n_idx && !r->geo_short) {
        /* Opaque fills skip SDL's per-pixel blending, which is many times
         * slower on the software renderer. */
        SDL_SetRenderDrawBlendMode(r->sdl,
                                   r->batch_opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_RenderGeometry(r->sdl, NULL, r->verts, r->n_verts, r->idx, r->n_idx);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
    }
    geo_reset(r);
}

/* Starts triangles that need (or need not) blending; flushes the others. */
static void geo_begin(Render *r, bool opaque)
{
    if (r->n_idx && r->batch_opaque != opaque) geo_flush(r);
    r->batch_opaque = opaque;
}

/* A plain rectangle through SDL's fast fill. */
static void fill_rect(Render *r, float x, float y, float w, float h, Color color)
{
    if (w <= 0 || h <= 0) return;
    geo_flush(r);
    SDL_Color k = color_of(color);
    SDL_SetRenderDrawBlendMode(r->sdl, k.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r->sdl, k.r, k.g, k.b, k.a);
    SDL_FRect rect = {x, y, w, h};
    SDL_RenderFillRectF(r->sdl, &rect);
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
}

enum { MAX_PTS = 1024 };

/* The solid body of an edge point (half a pixel in) and its clear rim
 * (half a pixel out): the one-pixel feather that smooths the edge. */
typedef struct Edge {
    float in_x, in_y, out_x, out_y;
} Edge;

static void feather_strip(Render *r, const Edge *e, int n, bool closed, SDL_Color solid)
{
    SDL_Color clear = solid;
    clear.a = 0;
    geo_begin(r, false);
    /* A sloping sliver costs its bounding box, which grows with the square
     * of its length: long pieces are cut into short ones. */
    enum { PIECE = 6 };
    int segs = closed ? n : n - 1;
    int prev_in = vert(r, e[0].in_x, e[0].in_y, solid);
    int prev_out = vert(r, e[0].out_x, e[0].out_y, clear);
    int start_in = prev_in, start_out = prev_out;
    for (int i = 0; i < segs; i++) {
        const Edge *p = &e[i], *q = &e[(i + 1) % n];
        float dx = q->in_x - p->in_x, dy = q->in_y - p->in_y;
        float len = fabsf(dx) < 0.5f || fabsf(dy) < 0.5f ? 0 : sqrtf(dx * dx + dy * dy);
        int pieces = len > PIECE ? (int)ceilf(len / PIECE) : 1;
        for (int k = 1; k <= pieces; k++) {
            int in, out;
            if (k == pieces && closed && i == n - 1) {
                in = start_in;
                out = start_out;
            } else {
                float f = (float)k / (float)pieces;
                in = vert(r, p->in_x + (q->in_x - p->in_x) * f, p->in_y + (q->in_y - p->in_y) * f,
                          solid);
                out = vert(r, p->out_x + (q->out_x - p->out_x) * f,
                           p->out_y + (q->out_y - p->out_y) * f, clear);
            }
            tri(r, prev_in, prev_out, out);
            tri(r, prev_in, out, in);
            prev_in = in;
            prev_out = out;
        }
    }
}

/* Fills a convex polygon given clockwise or counter-clockwise. The body
 * goes unblended when the colour is opaque; the feather always blends. */
static void fill_convex(Render *r, const float *xy, int n, Color color)
{
    SDL_Color solid = color_of(color);
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += xy[2 * i];
        cy += xy[2 * i + 1];
    }
    cx /= (float)n;
    cy /= (float)n;
    static Edge e[MAX_PTS];
    for (int i = 0; i < n; i++) {
        int p = (i + n - 1) % n, q = (i + 1) % n;
        float x = xy[2 * i], y = xy[2 * i + 1];
        /* outward normal: average of the two edges' normals */
        float e1x = x - xy[2 * p], e1y = y - xy[2 * p + 1];
        float e2x = xy[2 * q] - x, e2y = xy[2 * q + 1] - y;
        float l1 = sqrtf(e1x * e1x + e1y * e1y), l2 = sqrtf(e2x * e2x + e2y * e2y);
        float nx = 0, ny = 0;
        if (l1 > 0) {
            nx += e1y / l1;
            ny -= e1x / l1;
        }
        if (l2 > 0) {
            nx += e2y / l2;
            ny -= e2x / l2;
        }
        float nl = sqrtf(nx * nx + ny * ny);
        if (nl > 0) {
            nx /= nl;
            ny /= nl;
        }
        if (nx * (x - cx) + ny * (y - cy) < 0) {
            nx = -nx;
            ny = -ny;
        }
        e[i] = (Edge){x - nx * 0.5f, y - ny * 0.5f, x + nx * 0.5f, y + ny * 0.5f};
    }
    geo_begin(r, solid.a == 255);
    int centre = vert(r, cx, cy, solid);
    for (int i = 0; i < n; i++)
        vert(r, e[i].in_x, e[i].in_y, solid);
    for (int i = 0; i < n; i++)
        tri(r, centre, centre + 1 + i, centre + 1 + (i + 1) % n);
    feather_strip(r, e, n, true, solid);
}

/* Fills the band between two polylines of n points each (inner[i] faces
 * outer[i]); closed joins the ends. Both edges are feathered. */
static void fill_band(Render *r, const float *outer, const float *inner, int n, bool closed,
                      Color color)
{
    SDL_Color solid = color_of(color);
    static Edge eo[MAX_PTS], ei[MAX_PTS];
    for (int i = 0; i < n; i++) {
        float ox = outer[2 * i], oy = outer[2 * i + 1];
        float ix = inner[2 * i], iy = inner[2 * i + 1];
        float dx = ox - ix, dy = oy - iy;
        float l = sqrtf(dx * dx + dy * dy);
        if (l > 0) {
            dx /= l;
            dy /= l;
        }
        float f = l < 1.0f ? l * 0.5f : 0.5f;
        eo[i] = (Edge){ox - dx * f, oy - dy * f, ox + dx * 0.5f, oy + dy * 0.5f};
        ei[i] = (Edge){ix + dx * f, iy + dy * f, ix - dx * 0.5f, iy - dy * 0.5f};
    }
    /* The software renderer walks each triangle's bounding box, so a wide
     * band is cut into rows as deep as its pieces are long: near-square
     * pieces, not long thin slivers that cost a hundred times their area. */
    float depth = 0, step = 1;
    for (int i = 0; i < n; i++) {
        float dx = eo[i].in_x - ei[i].in_x, dy = eo[i].in_y - ei[i].in_y;
        depth = fmaxf(depth, sqrtf(dx * dx + dy * dy));
    }
    if (n > 1) {
        float dx = eo[1].in_x - eo[0].in_x, dy = eo[1].in_y - eo[0].in_y;
        step = fmaxf(1.0f, sqrtf(dx * dx + dy * dy));
    }
    int rows = (int)ceilf(depth / step);
    rows = rows < 1 ? 1 : rows > 64 ? 64 : rows;
    geo_begin(r, solid.a == 255);
    int first = r->n_verts;
    for (int i = 0; i < n; i++)
        for (int k = 0; k <= rows; k++) {
            float f = (float)k / (float)rows;
            vert(r, ei[i].in_x + (eo[i].in_x - ei[i].in_x) * f,
                 ei[i].in_y + (eo[i].in_y - ei[i].in_y) * f, solid);
        }
    int segs = closed ? n : n - 1;
    for (int i = 0; i < segs; i++) {
        int a = first + (rows + 1) * i, b = first + (rows + 1) * ((i + 1) % n);
        for (int k = 0; k < rows; k++) {
            tri(r, a + k, a + k + 1, b + k + 1);
            tri(r, a + k, b + k + 1, b + k);
        }
    }
    feather_strip(r, eo, n, closed, solid);
    feather_strip(r, ei, n, closed, solid);
}

static void shape_arc(Render *r, const DrawCmd *c);

/* ------------------------------------------------------------------ */
/* Translucent fills as spans                                          */
/* ------------------------------------------------------------------ */

/* The software renderer blends a see-through triangle by making a
 * surface of its bounding box, filling and blitting it: for large
 * translucent shapes (drop-target highlights, shadows) that costs many
 * times their area. Such shapes are therefore cut into runs of pixels on
 * each row, which SDL blends directly. Edges are smoothed from four
 * sub-rows per row and the exact ends of each run. */

enum { SUB_ROWS = 4, LEVELS = 16, ROW_RUNS = 4 };

static bool see_through(Color color)
{
    return (color & 0xFF) != 0xFF;
}

/* The parts of the row at height y (a sub-row) inside the shape, as
 * [x0, x1) pairs; returns how many. */
typedef int (*RowFn)(const void *shape, float y, float *xs);

static void span_add(Render *r, float x, float y, float w, int level)
{
    if (w <= 0 || level <= 0) return;
    if (r->n_spans == r->cap_spans) {
        int cap = r->cap_spans ? r->cap_spans * 2 : 4096;
        SpanRect *spans = mem_realloc(r->spans, sizeof *r->spans * (size_t)cap);
        if (spans) r->spans = spans;
        SDL_FRect *batch =
            spans ? mem_realloc(r->span_batch, sizeof *r->span_batch * (size_t)cap) : NULL;
        if (!batch) { /* a bigger spans array alone is harmless */
            r->short_of_memory = true;
            return;
        }
        r->span_batch = batch;
        r->cap_spans = cap;
    }
    r->spans[r->n_spans++] = (SpanRect){{x, y, w, 1}, level > LEVELS ? LEVELS : level};
}

static float covered(const float *xs, const int *n, float x0, float x1)
{
    float sum = 0;
    for (int k = 0; k < SUB_ROWS; k++)
        for (int i = 0; i < n[k]; i++) {
            float a = fmaxf(xs[(k * ROW_RUNS + i) * 2], x0);
            float b = fminf(xs[(k * ROW_RUNS + i) * 2 + 1], x1);
            if (b > a) sum += b - a;
        }
    return sum / (SUB_ROWS * (x1 - x0));
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

/* Fills rows y0..y1 of a shape given row by row, blended in `color`. */
static void fill_spans(Render *r, int y0, int y1, RowFn rows, const void *shape, Color color)
{
    geo_flush(r);
    r->n_spans = 0;
    for (int y = y0; y < y1; y++) {
        float xs[SUB_ROWS * ROW_RUNS * 2];
        int n[SUB_ROWS], cols[SUB_ROWS * ROW_RUNS * 2], n_cols = 0;
        for (int k = 0; k < SUB_ROWS; k++) {
            n[k] = rows(shape, (float)y + ((float)k + 0.5f) / SUB_ROWS, &xs[k * ROW_RUNS * 2]);
            for (int i = 0; i < 2 * n[k]; i++)
                cols[n_cols++] = (int)floorf(xs[k * ROW_RUNS * 2 + i]);
        }
        if (!n_cols) continue;
        /* Between two columns where a run ends the coverage is even: one
         * span; the end columns get their own exact coverage. */
        qsort(cols, (size_t)n_cols, sizeof *cols, cmp_int);
        int m = 0;
        for (int i = 0; i < n_cols; i++)
            if (m == 0 || cols[i] != cols[m - 1]) cols[m++] = cols[i];
        for (int j = 0; j < m; j++) {
            float c0 = (float)cols[j];
            span_add(r, c0, (float)y, 1, (int)lroundf(covered(xs, n, c0, c0 + 1) * LEVELS));
            if (j + 1 < m && cols[j + 1] > cols[j] + 1) {
                float g0 = c0 + 1, g1 = (float)cols[j + 1];
                span_add(r, g0, (float)y, g1 - g0, (int)lroundf(covered(xs, n, g0, g1) * LEVELS));
            }
        }
    }
    /* one blended fill call per coverage level */
    int start[LEVELS + 2] = {0};
    for (int i = 0; i < r->n_spans; i++)
        start[r->spans[i].level + 1]++;
    for (int level = 1; level <= LEVELS + 1; level++)
        start[level] += start[level - 1];
    int at[LEVELS + 1];
    memcpy(at, start, sizeof at);
    for (int i = 0; i < r->n_spans; i++)
        r->span_batch[at[r->spans[i].level]++] = r->spans[i].rect;
    SDL_Color k = color_of(color);
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
    for (int level = 1; level <= LEVELS; level++) {
        int m = start[level + 1] - start[level];
        if (!m) continue;
        SDL_SetRenderDrawColor(r->sdl, k.r, k.g, k.b, (Uint8)((k.a * level + LEVELS / 2) / LEVELS));
        SDL_RenderFillRectsF(r->sdl, r->span_batch + start[level], m);
    }
}

/* A piece of a ring (or of a disc, inner 0), at most half a turn, with
 * its height scaled by sy. */
typedef struct RingPiece {
    float cx, cy, inner, outer, sy;
    float c0, s0, c1, s1; /* the directions it starts and ends at */
    bool whole;
} RingPiece;

static int clip_run(const RingPiece *p, float v, float u0, float u1, float *xs)
{
    if (!p->whole) {
        /* in the wedge: cross(d0, P) >= 0 and cross(P, d1) >= 0 */
        if (fabsf(p->s0) < 1e-6f) {
            if (p->c0 * v < 0) return 0;
        } else if (p->s0 > 0) {
            u1 = fminf(u1, p->c0 * v / p->s0);
        } else {
            u0 = fmaxf(u0, p->c0 * v / p->s0);
        }
        if (fabsf(p->s1) < 1e-6f) {
            if (p->c1 * v > 0) return 0;
        } else if (p->s1 > 0) {
            u0 = fmaxf(u0, p->c1 * v / p->s1);
        } else {
            u1 = fminf(u1, p->c1 * v / p->s1);
        }
    }
    if (u1 <= u0) return 0;
    xs[0] = p->cx + u0;
    xs[1] = p->cx + u1;
    return 1;
}

static int ring_rows(const void *shape, float y, float *xs)
{
    const RingPiece *p = shape;
    float v = (y - p->cy) / p->sy;
    if (fabsf(v) >= p->outer) return 0;
    float xo = sqrtf(p->outer * p->outer - v * v);
    if (fabsf(v) >= p->inner) {
        return clip_run(p, v, -xo, xo, xs);
    }
    float xi = sqrtf(p->inner * p->inner - v * v);
    int n = clip_run(p, v, -xo, -xi, xs);
    return n + clip_run(p, v, xi, xo, xs + 2 * n);
}

/* A see-through ring piece (or pie slice) as blended spans. */
static void span_arc(Render *r, const DrawCmd *c)
{
    float a0 = (float)c->c / 100.0f * PI_F / 180.0f;
    float a1 = (float)c->d / 100.0f * PI_F / 180.0f;
    if (c->d - c->c < 36000 && a1 - a0 > PI_F + 1e-4f) { /* halves of at most half a turn */
        DrawCmd half = *c;
        half.d = c->c + (c->d - c->c) / 2;
        span_arc(r, &half);
        half.c = half.d;
        half.d = c->d;
        span_arc(r, &half);
        return;
    }
    RingPiece p = {(float)c->x,
                   (float)c->y,
                   (float)(c->a > 0 ? c->a : 0),
                   (float)c->b,
                   c->w > 0 ? (float)c->w / 1000.0f : 1.0f,
                   cosf(a0),
                   sinf(a0),
                   cosf(a1),
                   sinf(a1),
                   c->d - c->c >= 36000};
    int y0 = (int)floorf(p.cy - p.outer * p.sy), y1 = (int)ceilf(p.cy + p.outer * p.sy);
    fill_spans(r, y0, y1, ring_rows, &p, c->color);
}

typedef struct RoundBox {
    float x, y, w, h, rad;
} RoundBox;

static int box_rows(const void *shape, float y, float *xs)
{
    const RoundBox *b = shape;
    if (y < b->y || y >= b->y + b->h) return 0;
    float inset = 0, dy = 0;
    if (y < b->y + b->rad)
        dy = b->y + b->rad - y;
    else if (y > b->y + b->h - b->rad)
        dy = y - (b->y + b->h - b->rad);
    if (dy > 0) inset = b->rad - sqrtf(fmaxf(0, b->rad * b->rad - dy * dy));
    xs[0] = b->x + inset;
    xs[1] = b->x + b->w - inset;
    return 1;
}

/* A see-through rounded box as blended spans. */
static void span_box(Render *r, float x, float y, float w, float h, float rad, Color color)
{
    RoundBox b = {x, y, w, h, rad};
    fill_spans(r, (int)floorf(y), (int)ceilf(y + h), box_rows, &b, color);
}

/* Outline of a rounded rectangle, clockwise; returns the point count. */
static int rounded_outline(float x, float y, float w, float h, float rad, float *xy)
{
    float maxr = (w < h ? w : h) / 2;
    if (rad > maxr) rad = maxr;
    if (rad < 0.5f) {
        float pts[8] = {x, y, x + w, y, x + w, y + h, x, y + h};
        memcpy(xy, pts, sizeof pts);
        return 4;
    }
    int seg = (int)(rad / 2);
    seg = seg < 3 ? 3 : seg > 12 ? 12 : seg;
    int n = 0;
    const float cx[4] = {x + w - rad, x + w - rad, x + rad, x + rad};
    const float cy[4] = {y + rad, y + h - rad, y + h - rad, y + rad};
    for (int c = 0; c < 4; c++) {
        float a0 = -PI_F / 2 + (float)c * PI_F / 2;
        for (int i = 0; i <= seg; i++) {
            float a = a0 + (PI_F / 2) * (float)i / (float)seg;
            xy[2 * n] = cx[c] + cosf(a) * rad;
            xy[2 * n + 1] = cy[c] + sinf(a) * rad;
            n++;
        }
    }
    return n;
}

static void shape_rect(Render *r, const DrawCmd *c)
{
    float x = (float)c->x, y = (float)c->y, w = (float)c->w, h = (float)c->h;
    float rad = (float)c->a, maxr = (w < h ? w : h) / 2;
    if (rad > maxr) rad = maxr;
    if (rad < 1.0f) {
        fill_rect(r, x, y, w, h, c->color);
        return;
    }
    if (see_through(c->color)) {
        span_box(r, x, y, w, h, rad, c->color);
        return;
    }
    if (w * h < 40000.0f) { /* small */
        float xy[2 * MAX_PTS];
        int n = rounded_outline(x, y, w, h, rad, xy);
        fill_convex(r, xy, n, c->color);
        return;
    }
    /* A large opaque box: the middle through fast fills, only the four
     * corners as (small) shapes. */
    const float cx[4] = {x + rad, x + w - rad, x + w - rad, x + rad};
    const float cy[4] = {y + rad, y + rad, y + h - rad, y + h - rad};
    for (int k = 0; k < 4; k++) {
        DrawCmd corner = {.kind = DRAW_ARC,
                          .x = (int32_t)cx[k],
                          .y = (int32_t)cy[k],
                          .a = 0,
                          .b = (int32_t)rad,
                          .c = 18000 + 9000 * k,
                          .d = 27000 + 9000 * k,
                          .color = c->color};
        shape_arc(r, &corner);
    }
    /* drawn after the corners and a pixel into them, so no seam shows */
    fill_rect(r, x + rad - 1, y, w - 2 * rad + 2, h, c->color);
    fill_rect(r, x, y + rad - 1, rad, h - 2 * rad + 2, c->color);
    fill_rect(r, x + w - rad, y + rad - 1, rad, h - 2 * rad + 2, c->color);
    /* straight edges: feathered lines along the four sides */
    SDL_Color solid = color_of(c->color);
    Edge top[2] = {{x + rad, y + 0.5f, x + rad, y - 0.5f},
                   {x + w - rad, y + 0.5f, x + w - rad, y - 0.5f}};
    Edge bot[2] = {{x + rad, y + h - 0.5f, x + rad, y + h + 0.5f},
                   {x + w - rad, y + h - 0.5f, x + w - rad, y + h + 0.5f}};
    Edge lft[2] = {{x + 0.5f, y + rad, x - 0.5f, y + rad},
                   {x + 0.5f, y + h - rad, x - 0.5f, y + h - rad}};
    Edge rgt[2] = {{x + w - 0.5f, y + rad, x + w + 0.5f, y + rad},
                   {x + w - 0.5f, y + h - rad, x + w + 0.5f, y + h - rad}};
    feather_strip(r, top, 2, false, solid);
    feather_strip(r, bot, 2, false, solid);
    feather_strip(r, lft, 2, false, solid);
    feather_strip(r, rgt, 2, false, solid);
}

static void shape_frame(Render *r, const DrawCmd *c)
{
    float outer[2 * MAX_PTS], inner[2 * MAX_PTS];
    float t = (float)(c->b > 0 ? c->b : 1);
    int n = rounded_outline((float)c->x, (float)c->y, (float)c->w, (float)c->h, (float)c->a, outer);
    int m = rounded_outline((float)c->x + t, (float)c->y + t, (float)c->w - 2 * t,
                            (float)c->h - 2 * t, (float)c->a - t > 0 ? (float)c->a - t : 0, inner);
    if (n != m) { /* inner corners degenerate: keep the same point count */
        m = n;
        for (int i = 0; i < n; i++) {
            float cx = (float)c->x + (float)c->w / 2, cy = (float)c->y + (float)c->h / 2;
            float dx = outer[2 * i] - cx, dy = outer[2 * i + 1] - cy;
            float l = sqrtf(dx * dx + dy * dy);
            inner[2 * i] = outer[2 * i] - (l > 0 ? dx / l * t : 0);
            inner[2 * i + 1] = outer[2 * i + 1] - (l > 0 ? dy / l * t : 0);
        }
    }
    fill_band(r, outer, inner, n, true, c->color);
}

static int arc_points(float cx, float cy, float rad, float ry_scale, float a0, float a1, int segs,
                      float *xy)
{
    for (int i = 0; i <= segs; i++) {
        float a = a0 + (a1 - a0) * (float)i / (float)segs;
        xy[2 * i] = cx + cosf(a) * rad;
        xy[2 * i + 1] = cy + sinf(a) * rad * ry_scale;
    }
    return segs + 1;
}

static void shape_arc(Render *r, const DrawCmd *c)
{
    if (see_through(c->color)) {
        span_arc(r, c);
        return;
    }
    float a0 = (float)c->c / 100.0f * PI_F / 180.0f;
    float a1 = (float)c->d / 100.0f * PI_F / 180.0f;
    float scale = c->w > 0 ? (float)c->w / 1000.0f : 1.0f;
    float outer_r = (float)c->b;
    /* Chords whose middle strays a quarter pixel from the true curve. */
    float chord = fmaxf(5.0f, sqrtf(2.0f * outer_r));
    int segs = (int)(outer_r * (a1 - a0) / chord);
    segs = segs < 8 ? 8 : segs > MAX_PTS - 2 ? MAX_PTS - 2 : segs;
    bool closed = c->d - c->c >= 36000;
    if (closed) segs--; /* the last point would repeat the first */
    float outer[2 * MAX_PTS], inner[2 * MAX_PTS];
    float span = closed ? (a1 - a0) * (float)segs / (float)(segs + 1) : a1 - a0;
    int n = arc_points((float)c->x, (float)c->y, outer_r, scale, a0, a0 + span, segs, outer);
    if (c->a <= 0) { /* a pie slice: fill from the centre */
        if (closed) {
            fill_convex(r, outer, n, c->color);
            return;
        }
        for (int i = 0; i < n; i++) {
            inner[2 * i] = (float)c->x;
            inner[2 * i + 1] = (float)c->y;
        }
    } else {
        arc_points((float)c->x, (float)c->y, (float)c->a, scale, a0, a0 + span, segs, inner);
    }
    fill_band(r, outer, inner, n, closed, c->color);
}

static void shape_disc(Render *r, const DrawCmd *c)
{
    float rad = (float)c->a;
    int segs = (int)(rad * 2 * PI_F / 4.0f);
    segs = segs < 12 ? 12 : segs > 256 ? 256 : segs;
    float xy[2 * 257];
    arc_points((float)c->x, (float)c->y, rad, 1.0f, 0, 2 * PI_F * (float)(segs - 1) / (float)segs,
               segs - 1, xy);
    fill_convex(r, xy, segs, c->color);
}

static void shape_line(Render *r, const DrawCmd *c)
{
    float x0 = (float)c->x, y0 = (float)c->y, x1 = (float)c->w, y1 = (float)c->h;
    float t = (float)(c->a > 0 ? c->a : 1) / 2.0f;
    if (x0 == x1 || y0 == y1) { /* axis-aligned: a plain rectangle */
        fill_rect(r, fminf(x0, x1) - (x0 == x1 ? t : 0), fminf(y0, y1) - (y0 == y1 ? t : 0),
                  fabsf(x1 - x0) + (x0 == x1 ? 2 * t : 0), fabsf(y1 - y0) + (y0 == y1 ? 2 * t : 0),
                  c->color);
        return;
    }
    float dx = x1 - x0, dy = y1 - y0, l = sqrtf(dx * dx + dy * dy);
    float nx = -dy / l * t, ny = dx / l * t;
    float xy[8] = {x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny};
    fill_convex(r, xy, 4, c->color);
}

/* A QR code: encoded once into a texture of one pixel a module, then
 * scaled by a whole number with nearest-neighbour, so modules stay crisp. */
static void draw_qr_cmd(Render *r, const DrawList *dl, const DrawCmd *c)
{
    const char *text = draw_cmd_text(dl, c);
    uint64_t h = hash_text(-1, text, c->text_len);
    if (!r->qr || r->qr_hash != h) {
        if (r->qr) SDL_DestroyTexture(r->qr);
        r->qr = NULL;
        QrImage q;
        char err[200];
        if (qr_make(text, &q, err, sizeof err) != 0) return;
        /* on the screen the code lies in a white box on a light panel: a
         * quiet zone of two modules there leaves each square larger (and
         * reads from farther) than the standard four of a printed code */
        enum { SCREEN_QUIET = 2 };
        int side = q.width + 2 * SCREEN_QUIET;
        SDL_Surface *s =
            SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888);
        if (s) {
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++) {
                    int mx = x - SCREEN_QUIET, my = y - SCREEN_QUIET;
                    bool dark = mx >= 0 && my >= 0 && mx < q.width && my < q.width &&
                                q.dark[my * q.width + mx];
                    ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] =
                        dark ? 0xFF000000 : 0xFFFFFFFF;
                }
            r->qr = SDL_CreateTextureFromSurface(r->sdl, s);
            SDL_FreeSurface(s);
            if (r->qr) SDL_SetTextureScaleMode(r->qr, SDL_ScaleModeNearest);
        }
        r->qr_hash = h;
        r->qr_width = side;
        qr_free(&q);
    }
    if (!r->qr) return;
    int room = c->w < c->h ? c->w : c->h;
    int px = room / r->qr_width; /* whole pixels a module */
    if (px < 1) px = 1;
    int side = px * r->qr_width;
    SDL_Rect dst = {c->x + (c->w - side) / 2, c->y + (c->h - side) / 2, side, side};
    SDL_RenderCopy(r->sdl, r->qr, NULL, &dst);
}

/* Plays commands [from, to) of the list. */
static void play(Render *r, const DrawList *dl, int from, int to)
{
    geo_reset(r);
    SDL_RenderSetClipRect(r->sdl, NULL);
    for (int i = from; i < to; i++) {
        const DrawCmd *c = &dl->cmds[i];
        switch (c->kind) {
        case DRAW_RECT:
            shape_rect(r, c);
            break;
        case DRAW_FRAME:
            shape_frame(r, c);
            break;
        case DRAW_DISC:
            shape_disc(r, c);
            break;
        case DRAW_ARC:
            shape_arc(r, c);
            break;
        case DRAW_LINE:
            shape_line(r, c);
            break;
        case DRAW_TEXT:
            geo_flush(r);
            draw_text_cmd(r, dl, c);
            break;
        case DRAW_QR:
            geo_flush(r);
            draw_qr_cmd(r, dl, c);
            break;
        case DRAW_CLIP: {
            geo_flush(r);
            SDL_Rect clip = {c->x, c->y, c->w, c->h};
            SDL_RenderSetClipRect(r->sdl, c->w > 0 ? &clip : NULL);
            break;
        }
        default:
            break;
        }
    }
    geo_flush(r);
    SDL_RenderSetClipRect(r->sdl, NULL);
}

/* The first n commands of dl as a list of their own (texts included). */
static void copy_prefix(DrawList *dst, const DrawList *src, int n)
{
    draw_clear(dst);
    for (int i = 0; i < n; i++) {
        const DrawCmd *c = &src->cmds[i];
        if (c->kind == DRAW_QR) {
            draw_qr(dst, (Rect){c->x, c->y, c->w, c->h}, draw_cmd_text(src, c), c->text_len);
        } else if (c->kind == DRAW_TEXT) {
            draw_text(dst, (Rect){c->x, c->y, c->w, c->h}, c->a, c->b, c->color,
                      draw_cmd_text(src, c), c->text_len);
        } else {
            if (dst->n == dst->cap) {
                int cap = dst->cap ? dst->cap * 2 : 256;
                DrawCmd *grown = mem_realloc(dst->cmds, sizeof(DrawCmd) * (size_t)cap);
                if (!grown) {
                    dst->short_of_memory = true;
                    return;
                }
                dst->cmds = grown;
                dst->cap = cap;
            }
            dst->cmds[dst->n++] = *c;
        }
    }
}

/* True when commands [0, n) of dl are what the layer was drawn from. */
static bool layer_matches(const Render *r, const DrawList *dl, int n)
{
    const DrawList *l = &r->layer_cmds;
    if (l->n != n) return false;
    for (int i = 0; i < n; i++) {
        const DrawCmd *a = &l->cmds[i], *b = &dl->cmds[i];
        if (a->kind != b->kind || a->x != b->x || a->y != b->y || a->w != b->w || a->h != b->h ||
            a->a != b->a || a->b != b->b || a->c != b->c || a->d != b->d || a->color != b->color ||
            a->text_len != b->text_len)
            return false;
        if ((a->kind == DRAW_TEXT || a->kind == DRAW_QR) &&
            memcmp(draw_cmd_text(l, a), draw_cmd_text(dl, b), a->text_len) != 0)
            return false;
    }
    return true;
}

/* Where the still background ends (a DRAW_LAYER mark), or dl->n. */
static int layer_split(const DrawList *dl)
{
    for (int i = 0; i < dl->n; i++)
        if (dl->cmds[i].kind == DRAW_LAYER) return i;
    return dl->n;
}

/* Makes the layer hold commands [0, split) of dl at w x h; false when
 * there is no layer. */
static bool layer_update(Render *r, const DrawList *dl, int split, int w, int h)
{
    if (!r->layer || r->layer_w != w || r->layer_h != h) {
        if (r->layer) SDL_DestroyTexture(r->layer);
        r->layer =
            SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        /* Opaque and covering the screen: copied, never blended. */
        if (r->layer) SDL_SetTextureBlendMode(r->layer, SDL_BLENDMODE_NONE);
        r->layer_w = w;
        r->layer_h = h;
        draw_clear(&r->layer_cmds);
        r->layer_cmds.n = -1; /* matches nothing */
    }
    if (r->layer && !layer_matches(r, dl, split)) {
        SDL_SetRenderTarget(r->sdl, r->layer);
        play(r, dl, 0, split);
        SDL_SetRenderTarget(r->sdl, r->target);
        copy_prefix(&r->layer_cmds, dl, split);
        if (r->layer_cmds.short_of_memory) { /* drawn, but not known as drawn */
            draw_clear(&r->layer_cmds);
            r->layer_cmds.n = -1;
        }
    }
    return r->layer != NULL;
}

void render_set_target(Render *r, SDL_Texture *target, int w, int h)
{
    r->target = target;
    r->target_w = w;
    r->target_h = h;
}

static void target_size(Render *r, int *w, int *h)
{
    if (r->target) {
        *w = r->target_w;
        *h = r->target_h;
    } else {
        SDL_GetRendererOutputSize(r->sdl, w, h);
    }
}

bool render_short_of_memory(const Render *r)
{
    return r->short_of_memory;
}

void render_draw(Render *r, const DrawList *dl)
{
    r->frame++;
    r->short_of_memory = false;
    int split = layer_split(dl);
    int w, h;
    SDL_SetRenderTarget(r->sdl, r->target);
    target_size(r, &w, &h);
    /* The very first frame goes straight to the screen; the still
     * background is cached afterwards (render_warm), once Kring shows. */
    if (split < dl->n && w > 0 && h > 0 && (r->layer || r->frame > 1) &&
        layer_update(r, dl, split, w, h)) {
        SDL_RenderCopy(r->sdl, r->layer, NULL, NULL);
        play(r, dl, split + 1, dl->n);
    } else {
        play(r, dl, 0, dl->n);
    }
    trim_textures(r);
}

void render_warm(Render *r, const DrawList *dl)
{
    int split = layer_split(dl), w, h;
    target_size(r, &w, &h);
    if (split < dl->n && w > 0 && h > 0) layer_update(r, dl, split, w, h);
}
