/* Every character Kring may show has a font in fonts/: every character of
 * every catalogue (the words), of the sample plan (the family's words), of
 * the relations' and steps' pictograms; in the regular and the bold face
 * (the bold falls back the same way). Joiners and variation selectors are
 * not drawn on their own and are skipped. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "check.h"
#include "core/flow.h"
#include "core/i18n.h"
#include "core/planfile.h"
#include "core/relations.h"
#include "core/utf8.h"

static TTF_Font *faces[2][3]; /* regular, bold x Latin, Arabic, emoji */
static int missing;

static void need(const char *s, const char *where)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        i += len > 0 ? (size_t)len : 1;
        if (cp < 0x20 || cp == 0x200D || cp == 0x200C || (cp >= 0xFE00 && cp <= 0xFE0F) ||
            cp == 0x200E || cp == 0x200F || (cp >= 0xE0020 && cp <= 0xE007F))
            continue;
        for (int b = 0; b < 2; b++) {
            bool ok = false;
            for (int f = 0; f < 3 && !ok; f++)
                ok = faces[b][f] && TTF_GlyphIsProvided32(faces[b][f], cp);
            if (!ok) {
                if (missing++ < 30)
                    fprintf(stderr, "no %s glyph for U+%04X in %s: \"%.60s\"\n",
                            b ? "bold" : "regular", (unsigned)cp, where, s);
                CHECK(ok);
            }
        }
    }
}

int main(void)
{
    if (TTF_Init() != 0) {
        fprintf(stderr, "SDL_ttf: %s\n", TTF_GetError());
        return 1;
    }
    static const char *const files[2][3] = {
        {"NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoColorEmoji.ttf"},
        {"NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoColorEmoji.ttf"},
    };
    for (int b = 0; b < 2; b++)
        for (int f = 0; f < 3; f++) {
            char path[600];
            snprintf(path, sizeof path, "%s/fonts/%s", KRING_SOURCE_DIR, files[b][f]);
            faces[b][f] = TTF_OpenFont(path, f == 2 ? 109 : 20);
            CHECK(faces[b][f] != NULL);
        }
    /* the check itself bites: a Chinese character is in none of them */
    bool any = false;
    for (int f = 0; f < 3; f++)
        any = any || (faces[0][f] && TTF_GlyphIsProvided32(faces[0][f], 0x6F22));
    CHECK(!any);
    CHECK(faces[0][1] && TTF_GlyphIsProvided32(faces[0][1], 0x062C)); /* and Arabic is there */
    /* the catalogues */
    char dirpath[600];
    snprintf(dirpath, sizeof dirpath, "%s/assets/po", KRING_SOURCE_DIR);
    DIR *d = opendir(dirpath);
    struct dirent *e;
    int catalogues = 0;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".po")) continue;
        char path[900], err[300];
        snprintf(path, sizeof path, "%s/%s", dirpath, e->d_name);
        Catalog *c = catalog_load(path, err, sizeof err);
        CHECK(c != NULL);
        for (int i = 0; c && i < catalog_count(c); i++) {
            need(catalog_msgid(c, i), "a msgid");
            need(tr(c, catalog_msgid(c, i)), e->d_name);
        }
        catalog_destroy(c);
        catalogues++;
    }
    if (d) closedir(d);
    CHECK(catalogues >= 1);
    /* the sample plan, through its plan file text */
    char path[600], err[300];
    snprintf(path, sizeof path, "%s/assets/plans/jansen.json", KRING_SOURCE_DIR);
    Plan *p = planfile_read(path, err, sizeof err);
    CHECK(p != NULL);
    char *text = p ? planfile_format(p) : NULL;
    if (text) need(text, "the sample plan");
    free(text);
    plan_destroy(p);
    /* pictograms */
    for (int i = 0; i < relation_count; i++) {
        need(relations[i].picto, relations[i].key);
        need(relations[i].label, relations[i].key);
    }
    for (int s = 0; s < STEP_COUNT; s++) {
        need(step_picto(s), step_key(s));
        need(step_label(s), step_key(s));
        need(step_title(s), step_key(s));
    }
    printf(
        "fonts: %d catalogues, the sample plan and the pictograms; %d characters without a font\n",
        catalogues, missing);
    for (int b = 0; b < 2; b++)
        for (int f = 0; f < 3; f++)
            if (faces[b][f]) TTF_CloseFont(faces[b][f]);
    TTF_Quit();
    return check_done("fonts");
}
