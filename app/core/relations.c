/* relations: the table. Pictograms are Unicode emoji, which the family
 * knows from their phones and which need no words. */
#include "core/relations.h"

#include <string.h>

#include "core/i18n.h"
#include "core/plan.h"

const Relation relations[] = {
    {"mother", N_("moeder"), "\xF0\x9F\x91\xA9", SECTOR_FAMILY},   /* 👩 */
    {"father", N_("vader"), "\xF0\x9F\x91\xA8", SECTOR_FAMILY},    /* 👨 */
    {"grandmother", N_("oma"), "\xF0\x9F\x91\xB5", SECTOR_FAMILY}, /* 👵 */
    {"grandfather", N_("opa"), "\xF0\x9F\x91\xB4", SECTOR_FAMILY}, /* 👴 */
    {"sister", N_("zus"), "\xF0\x9F\x91\xA7", SECTOR_FAMILY},      /* 👧 */
    {"brother", N_("broer"), "\xF0\x9F\x91\xA6", SECTOR_FAMILY},   /* 👦 */
    {"aunt", N_("tante"), "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\xA6\xB1",
     SECTOR_FAMILY},                                                               /* 👩‍🦱 */
    {"uncle", N_("oom"), "\xF0\x9F\xA7\x94", SECTOR_FAMILY},                       /* 🧔 */
    {"cousin", N_("neef of nicht"), "\xF0\x9F\xA7\x92", SECTOR_FAMILY},            /* 🧒 */
    {"neighbour", N_("buurman of buurvrouw"), "\xF0\x9F\x8F\xA1", SECTOR_FRIENDS}, /* 🏡 */
    {"friend", N_("vriend of vriendin"), "\xF0\x9F\xA4\x9D", SECTOR_FRIENDS},      /* 🤝 */
    {"teacher", N_("juf of meester"), "\xF0\x9F\xA7\x91\xE2\x80\x8D\xF0\x9F\x8F\xAB",
     SECTOR_SCHOOL},                                                  /* 🧑‍🏫 */
    {"coach", N_("trainer of coach"), "\xE2\x9A\xBD", SECTOR_SCHOOL}, /* ⚽ */
    {"colleague", N_("collega"), "\xF0\x9F\x92\xBC", SECTOR_SCHOOL},  /* 💼 */
    {"social-worker", N_("hulpverlener"), "\xF0\x9F\xA7\x91\xE2\x80\x8D\xF0\x9F\x92\xBC",
     SECTOR_PROFESSIONALS}, /* 🧑‍💼 */
    {"doctor", N_("dokter"), "\xF0\x9F\xA7\x91\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F",
     SECTOR_PROFESSIONALS},                                                      /* 🧑‍⚕️ */
    {"volunteer", N_("vrijwilliger"), "\xF0\x9F\x99\x8B", SECTOR_PROFESSIONALS}, /* 🙋 */
};
const int relation_count = sizeof relations / sizeof relations[0];

const Relation *relation_find(const char *key)
{
    for (int i = 0; key && key[0] && i < relation_count; i++)
        if (strcmp(relations[i].key, key) == 0) return &relations[i];
    return NULL;
}

const char *relation_words(const Person *p, const Catalog *cat)
{
    const Relation *r = relation_find(p->picto);
    if (r && (!p->relation[0] || !strcmp(p->relation, r->label))) return tr(cat, r->label);
    return p->relation;
}

static const char *const area_pictos[AREA_COUNT] = {
    "",
    "\xF0\x9F\x8E\x92",
    "\xF0\x9F\x8F\xA0",
    "\xF0\x9F\x92\xB6", /* 🎒 🏠 💶 */
    "\xF0\x9F\x8D\x8E",
    "\xF0\x9F\x92\xBC",
    "\xF0\x9F\x9B\xA1\xEF\xB8\x8F", /* 🍎 💼 🛡️ */
};
static const char *const area_labels[AREA_COUNT] = {
    "", N_("school"), N_("thuis"), N_("geld"), N_("gezondheid"), N_("werk"), N_("veiligheid"),
};

const char *area_picto(int area)
{
    return area >= 0 && area < AREA_COUNT ? area_pictos[area] : "";
}

const char *area_label(int area)
{
    return area >= 0 && area < AREA_COUNT ? area_labels[area] : "";
}
