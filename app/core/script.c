/* script: a line-based tokenizer and a table of commands. */
#include "core/script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

enum { MAX_TOKENS = 8, MAX_TOKEN = 4096 };

typedef struct Line {
    char *tok[MAX_TOKENS];
    bool quoted[MAX_TOKENS];
    int n;
} Line;

static void line_free(Line *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->tok[i]);
    l->n = 0;
}

/* Splits s[0..n) into tokens; "..." strings may hold spaces and escapes. */
static const char *tokenize(const char *s, size_t n, Line *l)
{
    size_t i = 0;
    l->n = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
            i++;
        if (i >= n || s[i] == '#') break;
        if (l->n == MAX_TOKENS) return "too many words on the line";
        char *t = malloc(MAX_TOKEN + 1);
        if (!t) return "out of memory";
        size_t k = 0;
        bool quoted = s[i] == '"';
        if (quoted) {
            i++;
            while (i < n && s[i] != '"') {
                char c = s[i++];
                if (c == '\\' && i < n) {
                    char e = s[i++];
                    c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
                }
                if (k == MAX_TOKEN) {
                    free(t);
                    return "string too long";
                }
                t[k++] = c;
            }
            if (i >= n) {
                free(t);
                return "string not closed";
            }
            i++;
        } else {
            while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
                if (k == MAX_TOKEN) {
                    free(t);
                    return "word too long";
                }
                t[k++] = s[i++];
            }
        }
        t[k] = '\0';
        l->quoted[l->n] = quoted;
        l->tok[l->n++] = t;
    }
    return NULL;
}

static bool to_int(const char *t, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(t, &end, 10);
    if (errno || end == t || *end || v < lo || v > hi) return false;
    *out = (int)v;
    return true;
}

/* Reads a target at tokens [*i..]: "@id" or "X Y". */
static const char *target(const Line *l, int *i, ScriptTarget *t)
{
    if (*i >= l->n) return "a place is missing (@id or x y)";
    const char *w = l->tok[*i];
    if (w[0] == '@') {
        size_t len = strlen(w + 1);
        if (len == 0 || len >= SCRIPT_ID_LEN) return "a widget id must have 1 to 63 characters";
        t->is_id = true;
        memcpy(t->id, w + 1, len + 1);
        (*i)++;
        return NULL;
    }
    if (*i + 1 >= l->n || !to_int(l->tok[*i], -100000, 100000, &t->x) ||
        !to_int(l->tok[*i + 1], -100000, 100000, &t->y))
        return "expected @id or two whole numbers x y";
    t->is_id = false;
    *i += 2;
    return NULL;
}

static const char *opt_ms(const Line *l, int *i, int def, int *ms)
{
    *ms = def;
    if (*i < l->n) {
        if (!to_int(l->tok[*i], 0, 600000, ms))
            return "expected a duration in milliseconds (0 to 600000)";
        (*i)++;
    }
    return NULL;
}

static const char *finger(const Line *l, int *i, int *f)
{
    if (*i >= l->n || !to_int(l->tok[*i], 0, 9, f)) return "expected a finger number 0 to 9";
    (*i)++;
    return NULL;
}

static const char *text_arg(const Line *l, int *i, char **out)
{
    if (*i >= l->n) return "a text or file name is missing";
    const char *t = l->tok[*i];
    if (!utf8_valid(t, strlen(t))) return "text is not valid UTF-8";
    *out = strdup(t);
    if (!*out) return "out of memory";
    (*i)++;
    return NULL;
}

static const char *parse_step(const Line *l, ScriptStep *st)
{
    const char *cmd = l->tok[0];
    const char *e = NULL;
    int i = 1;
    if (!strcmp(cmd, "tap") || !strcmp(cmd, "tap-if")) {
        st->op = cmd[3] ? OP_TAP_IF : OP_TAP;
        e = target(l, &i, &st->a);
    } else if (!strcmp(cmd, "longpress")) {
        st->op = OP_LONGPRESS;
        if (!(e = target(l, &i, &st->a))) e = opt_ms(l, &i, 900, &st->ms);
    } else if (!strcmp(cmd, "drag")) {
        st->op = OP_DRAG;
        if (!(e = target(l, &i, &st->a)) && !(e = target(l, &i, &st->b)))
            e = opt_ms(l, &i, 300, &st->ms);
    } else if (!strcmp(cmd, "down") || !strcmp(cmd, "move")) {
        st->op = cmd[0] == 'd' ? OP_DOWN : OP_MOVE;
        if (!(e = finger(l, &i, &st->finger))) e = target(l, &i, &st->a);
    } else if (!strcmp(cmd, "up")) {
        st->op = OP_UP;
        e = finger(l, &i, &st->finger);
    } else if (!strcmp(cmd, "type")) {
        st->op = OP_TYPE;
        if (l->n > 1 && !l->quoted[1]) return "type needs its text in double quotes";
        e = text_arg(l, &i, &st->text);
    } else if (!strcmp(cmd, "key")) {
        st->op = OP_KEY;
        e = text_arg(l, &i, &st->text);
    } else if (!strcmp(cmd, "pause")) {
        st->op = OP_PAUSE;
        if (i >= l->n) return "pause needs a duration in milliseconds";
        e = opt_ms(l, &i, 0, &st->ms);
    } else if (!strcmp(cmd, "wait")) {
        st->op = OP_WAIT;
        if (i >= l->n) return "wait needs a duration in milliseconds";
        e = opt_ms(l, &i, 0, &st->ms);
    } else if (!strcmp(cmd, "shot") || !strcmp(cmd, "dump")) {
        st->op = cmd[0] == 's' ? OP_SHOT : OP_DUMP;
        e = text_arg(l, &i, &st->text);
    } else if (!strcmp(cmd, "await")) {
        st->op = OP_AWAIT;
        e = text_arg(l, &i, &st->text);
    } else if (!strcmp(cmd, "expect") || !strcmp(cmd, "absent") || !strcmp(cmd, "reveal")) {
        st->op = cmd[0] == 'e' ? OP_EXPECT : cmd[0] == 'a' ? OP_ABSENT : OP_REVEAL;
        e = target(l, &i, &st->a);
        if (!e && !st->a.is_id) return "expect, absent and reveal take a widget id (@id)";
    } else if (!strcmp(cmd, "frames")) {
        st->op = OP_FRAMES;
        if (i >= l->n || !to_int(l->tok[i], 0, 1000000, &st->ms)) return "frames needs a count";
        i++;
    } else if (!strcmp(cmd, "resize")) {
        st->op = OP_RESIZE;
        if (i + 1 >= l->n || !to_int(l->tok[i], 200, 8192, &st->ms) ||
            !to_int(l->tok[i + 1], 200, 8192, &st->b.x))
            return "resize needs a width and a height (200 to 8192)";
        i += 2;
    } else {
        return "unknown command";
    }
    if (!e && i < l->n) e = "unexpected words at the end of the line";
    return e;
}

void script_destroy(Script *s)
{
    if (!s) return;
    for (int i = 0; i < s->n; i++)
        free(s->steps[i].text);
    free(s->steps);
    free(s);
}

Script *script_parse(const char *text, size_t n, char *err, size_t errlen)
{
    Script *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    size_t pos = 0;
    int lineno = 0;
    while (pos < n) {
        size_t end = pos;
        while (end < n && text[end] != '\n')
            end++;
        lineno++;
        Line l = {0};
        const char *e = tokenize(text + pos, end - pos, &l);
        if (!e && l.n > 0) {
            if (s->n == s->cap) {
                int cap = s->cap ? s->cap * 2 : 32;
                ScriptStep *st = realloc(s->steps, sizeof *st * (size_t)cap);
                if (!st)
                    e = "out of memory";
                else {
                    s->steps = st;
                    s->cap = cap;
                }
            }
            if (!e) {
                ScriptStep *st = &s->steps[s->n];
                memset(st, 0, sizeof *st);
                st->line = lineno;
                e = parse_step(&l, st);
                if (e) {
                    free(st->text);
                    st->text = NULL;
                } else {
                    s->n++;
                }
            }
        }
        line_free(&l);
        if (e) {
            snprintf(err, errlen, "line %d: %s", lineno, e);
            script_destroy(s);
            return NULL;
        }
        pos = end + 1;
    }
    return s;
}

Script *script_load(const char *path, char *err, size_t errlen)
{
    size_t n;
    char *buf = file_read_all(path, 16u << 20, &n, err, errlen);
    if (!buf) return NULL;
    char inner[256];
    Script *s = script_parse(buf, n, inner, sizeof inner);
    if (!s) snprintf(err, errlen, "%s: %s", path, inner);
    free(buf);
    return s;
}
