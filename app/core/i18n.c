/* i18n: a strict, small .po reader and a sorted lookup table.
 *
 * Supported: comments, the fuzzy flag, msgctxt (kept apart from plain
 * msgids), msgid/msgstr with C escapes and continued strings, plural
 * entries (msgid_plural, msgstr[N]) chosen by the header's Plural-Forms
 * rule, a C expression in n evaluated here. */
#include "core/i18n.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/mem.h"
#include "core/utf8.h"

#include <stdint.h>

typedef struct Entry {
    char *id;
    char *str; /* a plural entry: its forms one after another, each ended by NUL */
    int forms; /* 1, or the plural forms in str */
} Entry;

struct Catalog {
    Entry *entries;
    int n, cap;
    char plural[200]; /* the header's rule: "n != 1", "n==1 ? 0 : ..." */
    int nplurals;
    char language[16]; /* the header's Language: "ar"; "" when it names none */
};

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static bool buf_put(Buf *b, char c)
{
    if (b->n + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        char *p = mem_realloc(b->p, cap);
        if (!p) return false;
        b->p = p;
        b->cap = cap;
    }
    b->p[b->n++] = c;
    b->p[b->n] = '\0';
    return true;
}

typedef enum Field { F_NONE, F_CTXT, F_ID, F_PLURAL, F_STR } Field;

enum { MAX_FORMS = 6 }; /* Arabic has the most */

typedef struct Parser {
    const char *s;
    size_t n, i;
    int line;
    char *err;
    size_t errlen;
    Catalog *cat;
    Buf ctxt, id, str;
    bool has_id, has_str, fuzzy, has_ctxt;
    int forms; /* msgstr[N] read so far */
} Parser;

static bool fail(Parser *p, const char *what)
{
    snprintf(p->err, p->errlen, "line %d: %s", p->line, what);
    return false;
}

static void reset_entry(Parser *p)
{
    p->ctxt.n = p->id.n = p->str.n = 0;
    if (p->ctxt.p) p->ctxt.p[0] = '\0';
    if (p->id.p) p->id.p[0] = '\0';
    if (p->str.p) p->str.p[0] = '\0';
    p->has_id = p->has_str = p->has_ctxt = false;
    p->fuzzy = false;
    p->forms = 0;
}

static char *dup_buf(const Buf *b)
{
    char *s = mem_alloc(b->n + 1);
    if (s) {
        if (b->n) memcpy(s, b->p, b->n);
        s[b->n] = '\0';
    }
    return s;
}

/* ---- plural rules ----
 *
 * Plural-Forms: nplurals=N; plural=EXPR; where EXPR is C with n, numbers,
 * ! * / % + - < > <= >= == != && || ?: and brackets (gettext's grammar).
 * A recursive descent evaluator; a rule it cannot read makes the
 * catalogue fail to load, so a broken rule is found by the tests. */

typedef struct Expr {
    const char *s;
    long n;
    bool bad;
    int depth; /* brackets and "!" deep: a crafted rule may not exhaust the stack */
} Expr;

static long ternary(Expr *e);

static void blank(Expr *e)
{
    while (*e->s == ' ' || *e->s == '\t')
        e->s++;
}

static bool eat(Expr *e, const char *op)
{
    blank(e);
    size_t k = strlen(op);
    if (strncmp(e->s, op, k) != 0) return false;
    /* "<" is not "<=", "!" is not "!=" */
    if (k == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!' || op[0] == '=') && e->s[1] == '=')
        return false;
    e->s += k;
    return true;
}

static long primary(Expr *e)
{
    blank(e);
    if (e->depth > 64) {
        e->bad = true;
        return 0;
    }
    if (eat(e, "!")) {
        e->depth++;
        long v = !primary(e);
        e->depth--;
        return v;
    }
    if (eat(e, "(")) {
        e->depth++;
        long v = ternary(e);
        e->depth--;
        if (!eat(e, ")")) e->bad = true;
        return v;
    }
    if (*e->s == 'n') {
        e->s++;
        return e->n;
    }
    if (*e->s >= '0' && *e->s <= '9') {
        long v = 0;
        while (*e->s >= '0' && *e->s <= '9' && v < 100000000)
            v = v * 10 + (*e->s++ - '0');
        return v;
    }
    e->bad = true;
    return 0;
}

static long product(Expr *e)
{
    long v = primary(e);
    for (;;) {
        if (eat(e, "*")) {
            /* as found: a crafted rule overflowed (undefined in C) */
            if (__builtin_mul_overflow(v, primary(e), &v)) {
                e->bad = true;
                return 0;
            }
        } else if (eat(e, "/") || eat(e, "%")) {
            bool mod = e->s[-1] == '%';
            long d = primary(e);
            if (d == 0 || (d == -1 && v == LONG_MIN)) { /* LONG_MIN / -1: SIGFPE */
                e->bad = true;
                return 0;
            }
            v = mod ? v % d : v / d;
        } else {
            return v;
        }
    }
}

static long sum(Expr *e)
{
    long v = product(e);
    for (;;) {
        bool over;
        if (eat(e, "+"))
            over = __builtin_add_overflow(v, product(e), &v);
        else if (eat(e, "-"))
            over = __builtin_sub_overflow(v, product(e), &v);
        else
            return v;
        if (over) {
            e->bad = true;
            return 0;
        }
    }
}

static long compare(Expr *e)
{
    long v = sum(e);
    for (;;) {
        if (eat(e, "<="))
            v = v <= sum(e);
        else if (eat(e, ">="))
            v = v >= sum(e);
        else if (eat(e, "<"))
            v = v < sum(e);
        else if (eat(e, ">"))
            v = v > sum(e);
        else
            return v;
    }
}

static long equal(Expr *e)
{
    long v = compare(e);
    for (;;) {
        if (eat(e, "=="))
            v = v == compare(e);
        else if (eat(e, "!="))
            v = v != compare(e);
        else
            return v;
    }
}

static long both(Expr *e)
{
    long v = equal(e);
    while (eat(e, "&&")) {
        long w = equal(e); /* always read: the text must be consumed */
        v = v && w;
    }
    return v;
}

static long either(Expr *e)
{
    long v = both(e);
    while (eat(e, "||")) {
        long w = both(e);
        v = v || w;
    }
    return v;
}

static long ternary(Expr *e)
{
    long c = either(e);
    if (!eat(e, "?")) return c;
    long a = ternary(e);
    if (!eat(e, ":")) {
        e->bad = true;
        return 0;
    }
    long b = ternary(e);
    return c ? a : b;
}

/* The form for n under rule; -1 when the rule cannot be read. */
static long plural_index(const char *rule, long n)
{
    Expr e = {rule, n, false};
    long v = ternary(&e);
    blank(&e);
    if (*e.s == ';') e.s++;
    blank(&e);
    return e.bad || *e.s ? -1 : v;
}

/* Reads Plural-Forms from the header entry (msgid ""). */
static bool header(Parser *p)
{
    const char *lang = strstr(p->str.p, "Language:");
    if (lang) {
        lang += 9;
        lang += strspn(lang, " ");
        size_t len = strcspn(lang, " \n");
        if (len < sizeof p->cat->language)
            snprintf(p->cat->language, sizeof p->cat->language, "%.*s", (int)len, lang);
    }
    const char *h = strstr(p->str.p, "Plural-Forms:");
    if (!h) return true;
    const char *np = strstr(h, "nplurals=");
    const char *rule = strstr(h, "plural=");
    if (np && rule == np + 2) /* "plural=" found inside "nplurals=" */
        rule = strstr(np + 9, "plural=");
    if (!np || !rule) return fail(p, "Plural-Forms needs nplurals= and plural=");
    int count = atoi(np + 9);
    rule += 7;
    size_t len = strcspn(rule, ";\n");
    if (count < 1 || count > MAX_FORMS || len == 0 || len >= sizeof p->cat->plural)
        return fail(p, "Plural-Forms has a bad count or rule");
    memcpy(p->cat->plural, rule, len);
    p->cat->plural[len] = '\0';
    p->cat->nplurals = count;
    for (long n = 0; n < 200; n++) { /* the rule reads, and picks a form there is */
        long k = plural_index(p->cat->plural, n);
        if (k < 0 || k >= count) return fail(p, "the Plural-Forms rule cannot be read");
    }
    return true;
}

/* Ends the current entry and stores it if it is complete and translated. */
static bool finish_entry(Parser *p)
{
    if (!p->has_id && !p->has_str) return true;
    if (!p->has_id || !p->has_str) return fail(p, "an entry needs both msgid and msgstr");
    if (p->id.n == 0 && p->str.p && !p->has_ctxt && !header(p)) return false;
    if (p->id.n > 0 && p->str.n > 0 && !p->fuzzy) {
        Catalog *c = p->cat;
        if (c->n == c->cap) {
            int cap = c->cap ? c->cap * 2 : 64;
            Entry *e = mem_realloc(c->entries, sizeof(Entry) * (size_t)cap);
            if (!e) return fail(p, "out of memory");
            c->entries = e;
            c->cap = cap;
        }
        Buf key = {0};
        bool whole = true;
        if (p->has_ctxt) { /* gettext's convention: context EOT msgid */
            for (size_t k = 0; whole && k < p->ctxt.n; k++)
                whole = buf_put(&key, p->ctxt.p[k]);
            whole = whole && buf_put(&key, '\x04');
        }
        for (size_t k = 0; whole && k < p->id.n; k++)
            whole = buf_put(&key, p->id.p[k]);
        char *str = dup_buf(&p->str);
        if (!whole || !key.p || !str) {
            free(key.p);
            free(str);
            return fail(p, "out of memory");
        }
        c->entries[c->n++] = (Entry){key.p, str, p->forms > 1 ? p->forms : 1};
    }
    reset_entry(p);
    return true;
}

/* Reads one "..." string at p->i into b (appending). */
static bool read_string(Parser *p, Buf *b)
{
    if (p->i >= p->n || p->s[p->i] != '"') return fail(p, "expected a quoted string");
    p->i++;
    while (p->i < p->n && p->s[p->i] != '"') {
        char c = p->s[p->i++];
        if (c == '\n') return fail(p, "string not closed on its line");
        if (c == '\\') {
            if (p->i >= p->n) return fail(p, "escape at end of file");
            char e = p->s[p->i++];
            switch (e) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case '"':
                c = '"';
                break;
            case '\\':
                c = '\\';
                break;
            default:
                return fail(p, "unknown escape in string");
            }
        }
        if (!buf_put(b, c)) return fail(p, "out of memory");
    }
    if (p->i >= p->n) return fail(p, "string not closed");
    p->i++;
    return true;
}

static void skip_spaces(Parser *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\r'))
        p->i++;
}

/* True (and past it) when kw stands at the parser's place, followed by a
 * space or a string; a keyword ending in '[' is followed by its index. */
static bool keyword(Parser *p, const char *kw)
{
    size_t k = strlen(kw);
    if (p->n - p->i >= k && memcmp(p->s + p->i, kw, k) == 0 &&
        (kw[k - 1] == '[' || p->i + k == p->n || p->s[p->i + k] == ' ' || p->s[p->i + k] == '\t' ||
         p->s[p->i + k] == '"')) {
        p->i += k;
        return true;
    }
    return false;
}

static bool has_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, w, k) == 0) return true;
    return false;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const Entry *)a)->id, ((const Entry *)b)->id);
}

static bool parse_lines(Parser *p)
{
    Field field = F_NONE;
    Buf scratch = {0};
    bool ok = true;
    while (ok && p->i < p->n) {
        skip_spaces(p);
        char c = p->i < p->n ? p->s[p->i] : '\n';
        if (c == '\n') {
            p->i++;
            p->line++;
            continue;
        }
        if (c == '#') {
            size_t start = p->i;
            while (p->i < p->n && p->s[p->i] != '\n')
                p->i++;
            if (p->i - start >= 2 && p->s[start + 1] == ',' &&
                has_word(p->s + start, p->i - start, "fuzzy")) {
                ok = finish_entry(p); /* the flag belongs to the next entry */
                p->fuzzy = true;
            }
            continue;
        }
        Buf *target = NULL;
        if (c == '"') {
            if (field == F_NONE) ok = fail(p, "string outside an entry");
            target = field == F_CTXT  ? &p->ctxt
                     : field == F_ID  ? &p->id
                     : field == F_STR ? &p->str
                                      : &scratch;
        } else if (keyword(p, "msgctxt")) {
            if (p->has_id || p->has_str) ok = finish_entry(p);
            field = F_CTXT;
            p->has_ctxt = true;
            target = &p->ctxt;
        } else if (keyword(p, "msgid_plural")) {
            if (!p->has_id) ok = fail(p, "msgid_plural before msgid");
            field = F_PLURAL;
            target = &scratch;
        } else if (keyword(p, "msgid")) {
            if (p->has_id || p->has_str) ok = finish_entry(p);
            field = F_ID;
            p->has_id = true;
            target = &p->id;
        } else if (keyword(p, "msgstr[")) {
            int index = 0, digits = 0;
            while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9' && digits < 3) {
                index = index * 10 + (p->s[p->i++] - '0');
                digits++;
            }
            if (!digits || p->i >= p->n || p->s[p->i] != ']')
                ok = fail(p, "bad plural index");
            else if (!p->has_id || index != p->forms || index >= MAX_FORMS)
                ok = fail(p, "plural forms out of order");
            else
                p->i++;
            if (ok && index > 0 && !buf_put(&p->str, '\0')) ok = fail(p, "out of memory");
            p->forms = index + 1;
            field = F_STR;
            p->has_str = true;
            target = &p->str;
        } else if (keyword(p, "msgstr")) {
            if (!p->has_id) ok = fail(p, "msgstr without msgid");
            field = F_STR;
            p->has_str = true;
            target = &p->str;
        } else {
            ok = fail(p, "unknown keyword");
        }
        if (!ok) break;
        skip_spaces(p);
        scratch.n = 0;
        ok = read_string(p, target);
        skip_spaces(p);
        if (ok && p->i < p->n && p->s[p->i] != '\n') ok = fail(p, "text after the string");
    }
    free(scratch.p);
    return ok && finish_entry(p);
}

Catalog *catalog_parse(const char *text, size_t n, char *err, size_t errlen)
{
    Catalog *cat = mem_calloc(1, sizeof *cat);
    if (!cat) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    Parser p = {.s = text, .n = n, .line = 1, .err = err, .errlen = errlen, .cat = cat};
    bool ok = true;
    if (!utf8_valid(text, n))
        ok = fail(&p, "not valid UTF-8 text");
    else
        ok = parse_lines(&p);
    free(p.ctxt.p);
    free(p.id.p);
    free(p.str.p);
    if (!ok) {
        catalog_destroy(cat);
        return NULL;
    }
    if (cat->n) qsort(cat->entries, (size_t)cat->n, sizeof(Entry), cmp_entry);
    for (int i = 1; i < cat->n; i++)
        if (strcmp(cat->entries[i - 1].id, cat->entries[i].id) == 0) {
            snprintf(err, errlen, "msgid \"%.60s\" appears twice", cat->entries[i].id);
            catalog_destroy(cat);
            return NULL;
        }
    return cat;
}

Catalog *catalog_load(const char *path, char *err, size_t errlen)
{
    size_t n;
    char *text = file_read_all(path, 16u << 20, &n, err, errlen);
    if (!text) return NULL;
    char inner[200];
    Catalog *cat = catalog_parse(text, n, inner, sizeof inner);
    if (!cat) snprintf(err, errlen, "%s: %s", path, inner);
    free(text);
    return cat;
}

void catalog_destroy(Catalog *cat)
{
    if (!cat) return;
    for (int i = 0; i < cat->n; i++) {
        free(cat->entries[i].id);
        free(cat->entries[i].str);
    }
    free(cat->entries);
    free(cat);
}

const char *tr(const Catalog *cat, const char *msgid)
{
    if (!cat || cat->n == 0) return msgid;
    Entry key = {(char *)msgid, NULL, 0};
    const Entry *e = bsearch(&key, cat->entries, (size_t)cat->n, sizeof(Entry), cmp_entry);
    return e ? e->str : msgid;
}

const char *trn(const Catalog *cat, const char *msgid, const char *plural, long n)
{
    const char *dutch = n == 1 ? msgid : plural; /* Dutch: one, or more (and none) */
    if (!cat || cat->n == 0) return dutch;
    Entry key = {(char *)msgid, NULL, 0};
    const Entry *e = bsearch(&key, cat->entries, (size_t)cat->n, sizeof(Entry), cmp_entry);
    if (!e) return dutch;
    long k = cat->nplurals ? plural_index(cat->plural, n) : n != 1;
    if (k < 0 || k >= e->forms) k = e->forms - 1;
    const char *form = e->str;
    for (long i = 0; i < k; i++)
        form += strlen(form) + 1;
    return form;
}

int catalog_count(const Catalog *cat)
{
    return cat ? cat->n : 0;
}

const char *catalog_msgid(const Catalog *cat, int i)
{
    return cat && i >= 0 && i < cat->n ? cat->entries[i].id : NULL;
}

void tr_fill(char *out, size_t n, const char *tmpl, const char *arg)
{
    if (n == 0) return;
    char isolated[2048];
    if (bidi_has_rtl(arg) || bidi_has_rtl(tmpl)) { /* each part in its own direction */
        snprintf(isolated, sizeof isolated, BIDI_FSI "%s" BIDI_PDI, arg);
        arg = isolated;
    }
    size_t o = 0;
    bool used = false, truncated = false;
    for (const char *t = tmpl; *t; t++) {
        const char *piece = t;
        size_t len = 1;
        if (!used && t[0] == '%' && t[1] == 's') {
            piece = arg;
            len = strlen(arg);
            used = true;
            t++;
        }
        if (o + len >= n) {
            len = n - 1 - o;
            truncated = true;
        }
        memcpy(out + o, piece, len);
        o += len;
        if (truncated) break;
    }
    if (truncated) { /* drop a character cut in half */
        size_t start = o;
        while (start > 0 && ((unsigned char)out[start - 1] & 0xC0) == 0x80)
            start--;
        if (start > 0 && ((unsigned char)out[start - 1] & 0x80)) {
            uint32_t cp;
            int len = utf8_decode(out + start - 1, o - start + 1, &cp);
            if ((size_t)len != o - start + 1 || cp == 0xFFFD) o = start - 1;
        }
    }
    out[o] = '\0';
}

void tr_date(const Catalog *cat, int year, int month, int day, char *out, size_t n)
{
    if (n == 0) return;
    const char *p = tr(cat, "dd-mm-jjjj");
    size_t o = 0;
    while (*p && o + 5 < n) {
        if (!strncmp(p, "dd", 2)) {
            o += (size_t)snprintf(out + o, n - o, "%02d", day % 100);
            p += 2;
        } else if (!strncmp(p, "mm", 2)) {
            o += (size_t)snprintf(out + o, n - o, "%02d", month % 100);
            p += 2;
        } else if (!strncmp(p, "jjjj", 4) || !strncmp(p, "yyyy", 4)) {
            o += (size_t)snprintf(out + o, n - o, "%04d", year % 10000);
            p += 4;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
}

const char *catalog_language(const Catalog *cat)
{
    return cat ? cat->language : "nl";
}
