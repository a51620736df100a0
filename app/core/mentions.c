/* mentions: names and relation words found as whole words.
 *
 * Each person is known by a few words: the first word of their name, the
 * words in its brackets, and the first word of each way of saying their
 * relation ("juf van Sam": "juf"; "buurman of buurvrouw": both; a mother
 * also "mama"). A word of the text names a person when it is one of
 * these words of exactly one person: with two aunts, "tante" names
 * nobody. */
#include "core/mentions.h"

#include <stdbool.h>
#include <string.h>

#include "core/relations.h"

enum { WORDS_MAX = 12 };

typedef struct Word {
    const char *s;
    size_t n;
} Word;

/* A byte that is part of a word: an ASCII letter or digit, or any byte
 * of a letter beyond ASCII (UTF-8 lead and continuation bytes). */
static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static bool same(Word a, Word b)
{
    if (a.n != b.n) return false;
    for (size_t i = 0; i < a.n; i++)
        if (fold((unsigned char)a.s[i]) != fold((unsigned char)b.s[i])) return false;
    return true;
}

/* The word starting at or after s; n = 0 at the end. */
static Word next_word(const char *s, const char *end)
{
    while (s < end && !word_byte((unsigned char)*s))
        s++;
    const char *w = s;
    while (s < end && word_byte((unsigned char)*s))
        s++;
    return (Word){w, (size_t)(s - w)};
}

static void add(Word *words, int *n, Word w)
{
    if (w.n >= 2 && *n < WORDS_MAX) words[(*n)++] = w;
}

/* The first word of each way of saying a relation: "juf of meester". */
static void add_relation(Word *words, int *n, const char *rel)
{
    if (!rel) return;
    const char *end = rel + strlen(rel);
    for (const char *s = rel; s < end;) {
        add(words, n, next_word(s, end));
        const char * or = strstr(s, " of ");
        if (! or) break;
        s = or +4;
    }
}

static int person_words(const Person *p, const Catalog *cat, Word *words)
{
    int n = 0;
    const char *end = p->name + strlen(p->name);
    if (p->name[0] != '(') add(words, &n, next_word(p->name, end));
    const char *open = strchr(p->name, '(');
    if (open) {
        const char *close = strchr(open, ')');
        const char *stop = close ? close : end;
        for (Word w = next_word(open + 1, stop); w.n; w = next_word(w.s + w.n, stop))
            add(words, &n, w);
    }
    add_relation(words, &n, p->relation);
    const Relation *r = relation_find(p->picto);
    if (r) {
        add_relation(words, &n, r->label);
        if (cat) add_relation(words, &n, tr(cat, r->label));
        if (!strcmp(r->key, "mother")) add_relation(words, &n, "mama");
        if (!strcmp(r->key, "father")) add_relation(words, &n, "papa");
    }
    return n;
}

static bool knows(const Word *words, int n, Word w)
{
    for (int i = 0; i < n; i++)
        if (same(words[i], w)) return true;
    return false;
}

/* Where text holds w as a whole word first; NULL when it does not. */
static const char *in_text(const char *text, const char *end, Word w)
{
    for (Word t = next_word(text, end); t.n; t = next_word(t.s + t.n, end))
        if (same(t, w)) return t.s;
    return NULL;
}

/* Whether w is one of the words of anyone but person `but`. */
static bool shared(const Plan *plan, const Catalog *cat, int but, Word w)
{
    for (int j = 0; j < plan->n_people; j++) {
        if (j == but) continue;
        Word words[WORDS_MAX];
        if (knows(words, person_words(&plan->people[j], cat, words), w)) return true;
    }
    return false;
}

int plan_mentions(const Plan *plan, const Catalog *cat, const char *text, uint32_t *ids, int max)
{
    if (!text || !text[0]) return 0;
    const char *end = text + strlen(text);
    const char *at[MENTIONS_MAX];
    int found = 0;
    if (max > MENTIONS_MAX) max = MENTIONS_MAX;
    for (int i = 0; i < plan->n_people && found < max; i++) {
        Word words[WORDS_MAX];
        int n = person_words(&plan->people[i], cat, words);
        const char *first = NULL;
        for (int k = 0; k < n; k++) {
            const char *w = in_text(text, end, words[k]);
            if (w && (!first || w < first) && !shared(plan, cat, i, words[k])) first = w;
        }
        if (!first) continue;
        /* in the order the text names them */
        int j = found++;
        for (; j > 0 && at[j - 1] > first; j--) {
            at[j] = at[j - 1];
            ids[j] = ids[j - 1];
        }
        at[j] = first;
        ids[j] = plan->people[i].id;
    }
    return found;
}
