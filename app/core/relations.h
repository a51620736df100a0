/* relations: the common relations a person can have to the family, as a
 * table: a stable key (stored in plans), the Dutch word (translated
 * through the catalogue), a pictogram and the sector it usually belongs
 * to. Also the pictograms of the life areas of goals. */
#ifndef KRING_RELATIONS_H
#define KRING_RELATIONS_H

typedef struct Relation {
    const char *key;   /* "grandmother" */
    const char *label; /* "oma": a Dutch msgid */
    const char *picto; /* an emoji, drawn with fonts/NotoColorEmoji.ttf */
    int sector;        /* Sector it usually lies in */
} Relation;

extern const Relation relations[];
extern const int relation_count;

/* NULL when the key is unknown or empty. */
const Relation *relation_find(const char *key);

struct Person;
struct Catalog;
/* A person's relation in words as `cat`'s language says it: one chosen
 * from the pictograms (stored as its key, with the Dutch word or none) in
 * that language; one the family typed, as they typed it. */
const char *relation_words(const struct Person *p, const struct Catalog *cat);

/* The pictogram of a life area (Area), "" for none. */
const char *area_picto(int area);
/* The Dutch name of a life area, a msgid. */
const char *area_label(int area);

#endif
