/* planfile: JSON in and out, with jansson (assets/plans/README.md). */
#include "core/planfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/mem.h"
#include "core/utf8.h"

#define FORMAT_NAME "kring-plan"

enum {
    MAX_FILE_BYTES = 4 * PLAN_BYTES_MAX, /* its spaces and escapes may differ from Kring's */
    MAX_PEOPLE = PLAN_PEOPLE_MAX,        /* the same as the edits' (plan.h) */
    MAX_GOALS = PLAN_GOALS_MAX,
    MAX_AGREEMENTS = PLAN_AGREEMENTS_MAX,
    MAX_ITEMS = PLAN_ITEMS_MAX,
    MAX_VOICES = PLAN_VOICES_MAX,
    MAX_ID = 0x7FFFFFFF,
};

static void use_counted_memory(void);

typedef struct Reader {
    char *err;
    size_t errlen;
    char where[96];
} Reader;

__attribute__((format(printf, 2, 3))) static bool bad(Reader *r, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->where[0])
        snprintf(r->err, r->errlen, "%s: %s", r->where, msg);
    else
        snprintf(r->err, r->errlen, "%s", msg);
    return false;
}

static bool short_of_memory(Reader *r)
{
    snprintf(r->err, r->errlen, "not enough memory to read the plan");
    return false;
}

static void at(Reader *r, const char *what, size_t index)
{
    snprintf(r->where, sizeof r->where, "%s #%zu", what, index + 1);
}

/* Refuses keys the format does not know, so a misspelt field never goes
 * unnoticed. */
static bool only_keys(Reader *r, json_t *obj, const char *const *keys)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        bool known = false;
        for (int i = 0; keys[i] && !known; i++)
            known = strcmp(keys[i], key) == 0;
        if (!known) return bad(r, "unknown field \"%.60s\"", key);
    }
    return true;
}

static bool get_str(Reader *r, json_t *obj, const char *key, bool nonempty, const char **out)
{
    json_t *v = json_object_get(obj, key);
    if (!v) return bad(r, "field \"%s\" is missing", key);
    if (!json_is_string(v)) return bad(r, "field \"%s\" must be text", key);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n > TEXT_MAX) return bad(r, "field \"%s\" is longer than %d bytes", key, TEXT_MAX);
    if (strlen(s) != n || !utf8_valid(s, n))
        return bad(r, "field \"%s\" holds a NUL byte or broken text", key);
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') || s[i] == 0x7F)
            return bad(r, "field \"%s\" holds a control character", key);
    if (nonempty && n == 0) return bad(r, "field \"%s\" is empty", key);
    *out = s;
    return true;
}

static bool get_int(Reader *r, json_t *obj, const char *key, long long lo, long long hi,
                    long long *out)
{
    json_t *v = json_object_get(obj, key);
    if (!v) return bad(r, "field \"%s\" is missing", key);
    if (!json_is_integer(v)) return bad(r, "field \"%s\" must be a whole number", key);
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi) return bad(r, "field \"%s\" is out of range (%lld to %lld)", key, lo, hi);
    *out = (long long)x;
    return true;
}

static bool get_id(Reader *r, const Plan *plan, json_t *obj, uint32_t *out)
{
    long long id = 0;
    if (!get_int(r, obj, "id", 1, MAX_ID, &id)) return false;
    if (plan_id_used(plan, (uint32_t)id)) return bad(r, "id %lld is used twice", id);
    *out = (uint32_t)id;
    return true;
}

/* A reference to a person: 0 (nobody) or an existing person's id. */
static bool get_person_ref(Reader *r, const Plan *plan, json_t *obj, const char *key, uint32_t *out)
{
    long long id = 0;
    if (!get_int(r, obj, key, 0, MAX_ID, &id)) return false;
    if (id && !plan_person(plan, (uint32_t)id))
        return bad(r, "field \"%s\" names person %lld, who is not in the plan", key, id);
    *out = (uint32_t)id;
    return true;
}

static bool get_array(Reader *r, json_t *root, const char *key, size_t max, json_t **out)
{
    json_t *v = json_object_get(root, key);
    if (!v) return bad(r, "field \"%s\" is missing", key);
    if (!json_is_array(v)) return bad(r, "field \"%s\" must be a list", key);
    if (json_array_size(v) > max) return bad(r, "field \"%s\" has more than %zu entries", key, max);
    *out = v;
    return true;
}

static bool is_object(Reader *r, json_t *v)
{
    return json_is_object(v) || bad(r, "must be an object");
}

static bool read_items(Reader *r, Plan *plan, json_t *root)
{
    static const char *const keys[] = {"id", "text", NULL};
    for (int s = 0; s < SECTION_COUNT; s++) {
        json_t *arr;
        if (!get_array(r, root, section_key(s), MAX_ITEMS, &arr)) return false;
        size_t i;
        json_t *v;
        json_array_foreach(arr, i, v)
        {
            at(r, section_key(s), i);
            uint32_t id = 0;
            const char *text;
            if (!is_object(r, v) || !only_keys(r, v, keys) || !get_id(r, plan, v, &id) ||
                !get_str(r, v, "text", true, &text))
                return false;
            if (!plan_add_item(plan, s, id, text)) return short_of_memory(r);
        }
        r->where[0] = '\0';
    }
    return true;
}

static bool read_people(Reader *r, Plan *plan, json_t *arr)
{
    static const char *const keys[] = {"id",        "name",  "relation", "picto",   "sector",
                                       "ring",      "u",     "v",        "present", "scale",
                                       "agreed_at", "renew", "child",    NULL};
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        at(r, "person", i);
        uint32_t id = 0;
        long long ring = 0, u = 0, vv = 0, agreed = 0;
        const char *name, *relation, *picto, *sector;
        if (!is_object(r, v) || !only_keys(r, v, keys) || !get_id(r, plan, v, &id) ||
            !get_str(r, v, "name", true, &name) || !get_str(r, v, "relation", false, &relation) ||
            !get_str(r, v, "picto", false, &picto) || !get_str(r, v, "sector", true, &sector) ||
            !get_int(r, v, "ring", 0, RING_COUNT, &ring) || !get_int(r, v, "u", 0, 1000, &u) ||
            !get_int(r, v, "v", 0, 1000, &vv) ||
            !get_int(r, v, "agreed_at", 0, 253402300799LL, &agreed))
            return false;
        json_t *present = json_object_get(v, "present");
        if (!json_is_boolean(present)) return bad(r, "field \"present\" must be true or false");
        json_t *scale = json_object_get(v, "scale");
        long long sc = SCALE_NONE;
        if (!scale) return bad(r, "field \"scale\" is missing");
        if (!json_is_null(scale) && !get_int(r, v, "scale", 0, 10, &sc)) return false;
        json_t *renew = json_object_get(v, "renew"); /* optional: false */
        if (renew && !json_is_boolean(renew))
            return bad(r, "field \"renew\" must be true or false");
        json_t *child = json_object_get(v, "child"); /* optional: false */
        if (child && !json_is_boolean(child))
            return bad(r, "field \"child\" must be true or false");
        /* as the screen takes names: something to see, shown as itself */
        if (!utf8_has_visible(name)) return bad(r, "field \"name\" shows nothing");
        for (size_t k = 0, nl = strlen(name); k < nl;) {
            uint32_t cp;
            k += (size_t)utf8_decode(name + k, nl - k, &cp);
            if (utf8_is_bidi_control(cp))
                return bad(r, "field \"name\" holds a character that turns its direction");
        }
        int s = sector_from_key(sector);
        if (s < 0) return bad(r, "unknown sector");
        if (!plan_add_person(
                plan,
                &(Person){.id = id,
                          .name = (char *)name,
                          .relation = (char *)relation,
                          .picto = (char *)picto,
                          .place = {.sector = s, .ring = (int)ring, .u = (int)u, .v = (int)vv},
                          .present = json_is_true(present),
                          .scale = (int)sc,
                          .agreed_at = agreed,
                          .renew = json_is_true(renew),
                          .child = json_is_true(child)}))
            return short_of_memory(r);
    }
    r->where[0] = '\0';
    return true;
}

static bool read_goals(Reader *r, Plan *plan, json_t *arr)
{
    static const char *const keys[] = {"id", "text", "area", NULL};
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        at(r, "goal", i);
        uint32_t id = 0;
        const char *text, *area;
        if (!is_object(r, v) || !only_keys(r, v, keys) || !get_id(r, plan, v, &id) ||
            !get_str(r, v, "text", true, &text) || !get_str(r, v, "area", false, &area))
            return false;
        int a = area_from_key(area);
        if (a < 0) return bad(r, "unknown area");
        if (!plan_add_goal(plan, &(Goal){.id = id, .text = (char *)text, .area = a}))
            return short_of_memory(r);
    }
    r->where[0] = '\0';
    return true;
}

/* An agreement's schedule: {"repeat": "weekly", "days": ["mon", "wed"],
 * "date": "", "time": "07:45"}, as plan_apply() would take it. */
static bool read_schedule(Reader *r, json_t *v, Schedule *out)
{
    static const char *const keys[] = {"repeat", "days", "date", "time", NULL};
    const char *repeat, *date, *time;
    json_t *days;
    if (!is_object(r, v) || !only_keys(r, v, keys) || !get_str(r, v, "repeat", true, &repeat) ||
        !get_array(r, v, "days", WEEK_DAYS, &days) || !get_str(r, v, "date", false, &date) ||
        !get_str(r, v, "time", false, &time))
        return false;
    Schedule s = {.repeat = repeat_from_key(repeat)};
    if (s.repeat <= REPEAT_NONE) return bad(r, "\"repeat\" is not a known repeat");
    if (strlen(date) >= sizeof s.date || strlen(time) >= sizeof s.time)
        return bad(r, "the schedule's date or time is not one");
    strcpy(s.date, date);
    strcpy(s.time, time);
    size_t k;
    json_t *d;
    json_array_foreach(days, k, d)
    {
        int day = weekday_from_key(json_is_string(d) ? json_string_value(d) : NULL);
        if (day < 0) return bad(r, "\"days\" holds something that is not a day of the week");
        if (s.days & (1u << day)) return bad(r, "\"days\" names a day twice");
        s.days |= 1u << day;
    }
    if (schedule_problem(&s))
        return bad(r,
                   "the schedule lacks its day or days of the week, or has no real date or time");
    *out = s;
    return true;
}

static bool read_agreements(Reader *r, Plan *plan, json_t *arr)
{
    static const char *const keys[] = {"id",   "goal",    "people",   "what",
                                       "when", "checker", "schedule", NULL};
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        at(r, "agreement", i);
        uint32_t id = 0, checker = 0;
        long long goal = 0;
        const char *what, *when;
        json_t *people;
        if (!is_object(r, v) || !only_keys(r, v, keys) || !get_id(r, plan, v, &id) ||
            !get_int(r, v, "goal", 1, MAX_ID, &goal) ||
            !get_array(r, v, "people", AGREEMENT_PEOPLE_MAX, &people) ||
            !get_str(r, v, "what", false, &what) || !get_str(r, v, "when", false, &when) ||
            !get_person_ref(r, plan, v, "checker", &checker))
            return false;
        if (!plan_goal(plan, (uint32_t)goal))
            return bad(r, "its goal %lld is not in the plan", goal);
        Agreement a = {.id = id,
                       .goal = (uint32_t)goal,
                       .what = (char *)what,
                       .when = (char *)when,
                       .checker = checker};
        json_t *sched = json_object_get(v, "schedule"); /* version 3; before: words only */
        if (sched && !read_schedule(r, sched, &a.schedule)) return false;
        size_t k;
        json_t *p;
        json_array_foreach(people, k, p)
        {
            json_int_t pid = json_is_integer(p) ? json_integer_value(p) : 0;
            if (pid < 1 || pid > MAX_ID || !plan_person(plan, (uint32_t)pid))
                return bad(r, "\"people\" names someone who is not in the plan");
            for (int j = 0; j < a.n_people; j++)
                if (a.people[j] == (uint32_t)pid)
                    return bad(r, "\"people\" names person %lld twice", (long long)pid);
            a.people[a.n_people++] = (uint32_t)pid;
        }
        if (a.n_people == 0) return bad(r, "\"people\" is empty: somebody must do it");
        if (!plan_add_agreement(plan, &a)) return short_of_memory(r);
    }
    r->where[0] = '\0';
    return true;
}

static bool read_voices(Reader *r, Plan *plan, json_t *arr)
{
    static const char *const keys[] = {"id", "child", "text", "support", NULL};
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        at(r, "voice", i);
        uint32_t id = 0, support = 0;
        const char *child, *text;
        if (!is_object(r, v) || !only_keys(r, v, keys) || !get_id(r, plan, v, &id) ||
            !get_str(r, v, "child", false, &child) || !get_str(r, v, "text", true, &text) ||
            !get_person_ref(r, plan, v, "support", &support))
            return false;
        if (!plan_add_voice(plan, &(Voice){.id = id,
                                           .child = (char *)child,
                                           .text = (char *)text,
                                           .support = support}))
            return short_of_memory(r);
    }
    r->where[0] = '\0';
    return true;
}

static bool read_evaluation(Reader *r, Plan *plan, json_t *root)
{
    static const char *const keys[] = {"date", "start", "end", "place", "convener", NULL};
    json_t *v = json_object_get(root, "evaluation");
    snprintf(r->where, sizeof r->where, "evaluation");
    if (!v) return bad(r, "is missing");
    Evaluation e;
    const char *date, *start, *end, *place;
    if (!is_object(r, v) || !only_keys(r, v, keys) || !get_str(r, v, "date", false, &date) ||
        !get_str(r, v, "start", false, &start) || !get_str(r, v, "end", false, &end) ||
        !get_str(r, v, "place", false, &place) ||
        !get_person_ref(r, plan, v, "convener", &e.convener))
        return false;
    if (date[0] && !plan_valid_date(date)) return bad(r, "\"date\" is not a date (YYYY-MM-DD)");
    if ((start[0] && !plan_valid_time(start)) || (end[0] && !plan_valid_time(end)))
        return bad(r, "\"start\" and \"end\" must be times (HH:MM)");
    /* as the screen has it (an end before the start made a calendar event
     * that phones refuse) */
    if (start[0] && end[0] && strcmp(end, start) <= 0)
        return bad(r, "\"end\" must come after \"start\"");
    e.date = (char *)date;
    e.start = (char *)start;
    e.end = (char *)end;
    e.place = (char *)place;
    if (!plan_set_evaluation(plan, &e)) return short_of_memory(r);
    r->where[0] = '\0';
    return true;
}

static bool read_root(Reader *r, Plan *plan, json_t *root)
{
    if (!json_is_object(root)) return bad(r, "the file is JSON but not a Kring plan");
    json_t *fmt = json_object_get(root, "format");
    if (!json_is_string(fmt) || strcmp(json_string_value(fmt), FORMAT_NAME) != 0)
        return bad(r, "the file is not a Kring plan (no \"format\": \"%s\")", FORMAT_NAME);
    json_t *ver = json_object_get(root, "version");
    if (!json_is_integer(ver)) return bad(r, "the plan file has no version number");
    long long version = json_integer_value(ver);
    if (version < 1 || version > PLANFILE_VERSION)
        return bad(r, "the plan file has version %lld, which this Kring cannot read",
                   (long long)json_integer_value(ver));
    static const char *const keys[] = {
        "format",     "version",     "family",         "children",   "date",       "place",
        "question",   "concerns",    "conditions",     "going_well", "strengths",  "dream",
        "help",       "safety",      "people",         "goals",      "agreements", "voices",
        "evaluation", "approved_at", "approval_renew", NULL};
    if (!only_keys(r, root, keys)) return false;
    for (int f = 0; f < FIELD_COUNT; f++) {
        const char *s;
        if (!get_str(r, root, field_key(f), false, &s)) return false;
        if (f == FIELD_DATE && s[0] && !plan_valid_date(s))
            return bad(r, "\"date\" is not a date (YYYY-MM-DD)");
        if (!plan_set_field(plan, f, s)) return short_of_memory(r);
    }
    json_t *people, *goals, *agreements, *voices;
    long long approved = 0;
    if (!get_array(r, root, "people", MAX_PEOPLE, &people) ||
        !get_array(r, root, "goals", MAX_GOALS, &goals) ||
        !get_array(r, root, "agreements", MAX_AGREEMENTS, &agreements) ||
        !get_array(r, root, "voices", MAX_VOICES, &voices) ||
        !get_int(r, root, "approved_at", 0, 253402300799LL, &approved))
        return false;
    plan->approved_at = approved;
    json_t *renew = json_object_get(root, "approval_renew"); /* optional: false */
    if (renew && !json_is_boolean(renew))
        return bad(r, "field \"approval_renew\" must be true or false");
    plan->approval_renew = json_is_true(renew);
    if (!(read_items(r, plan, root) && read_people(r, plan, people) && read_goals(r, plan, goals) &&
          read_agreements(r, plan, agreements) && read_voices(r, plan, voices) &&
          read_evaluation(r, plan, root)))
        return false;
    /* version 1 knew the children only by name: they become people */
    if (version == 1 && !plan_children_as_people(plan)) return short_of_memory(r);
    return true;
}

Plan *planfile_parse(const char *text, size_t n, char *err, size_t errlen)
{
    Reader r = {err, errlen, ""};
    if (n > MAX_FILE_BYTES) {
        bad(&r, "the plan file is larger than %d bytes", MAX_FILE_BYTES);
        return NULL;
    }
    use_counted_memory();
    long failed = mem_failed();
    json_error_t je;
    json_t *root = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
    if (mem_failed() != failed) { /* whatever came out, a piece may be missing */
        json_decref(root);
        snprintf(err, errlen, "not enough memory to read the plan");
        return NULL;
    }
    if (!root) {
        /* what and where, but never the file's words: jansson's text ends
         * in " near '...'", a piece of the file, which holds the family's */
        if (json_error_code(&je) == json_error_out_of_memory) {
            snprintf(err, errlen, "not enough memory to read the plan");
        } else {
            char what[JSON_ERROR_TEXT_LENGTH];
            snprintf(what, sizeof what, "%s", je.text);
            char *near = strstr(what, " near ");
            if (near) *near = '\0';
            snprintf(err, errlen, "not valid JSON (line %d, column %d: %s)", je.line, je.column,
                     what);
        }
        return NULL;
    }
    Plan *plan = plan_create();
    if (!plan) {
        json_decref(root);
        snprintf(err, errlen, "not enough memory to read the plan");
        return NULL;
    }
    bool ok = read_root(&r, plan, root);
    json_decref(root);
    /* what Kring reads, it can keep: never more than the store takes */
    size_t size = ok ? planfile_size(plan) : 0;
    if (ok && size == 0) {
        snprintf(err, errlen, "not enough memory to read the plan");
        ok = false;
    } else if (ok && size > PLAN_BYTES_MAX) {
        snprintf(err, errlen,
                 "the plan is larger than a plan may be (%zu KiB as stored, at most %d KiB)",
                 (size + 1023) / 1024, PLAN_BYTES_MAX / 1024);
        ok = false;
    }
    if (!ok) {
        plan_destroy(plan);
        return NULL;
    }
    return plan;
}

Plan *planfile_read(const char *path, char *err, size_t errlen)
{
    size_t n;
    char inner[600];
    char *buf = file_read_all(path, MAX_FILE_BYTES, &n, inner, sizeof inner);
    /* why, without the file's name: the name of a prepared plan is often
     * the family's, and the message may reach the journal */
    size_t plen = strlen(path);
    if (!buf) {
        const char *why =
            strncmp(inner, path, plen) == 0 && inner[plen] == ':' ? inner + plen + 2 : inner;
        snprintf(err, errlen, "%s", why);
        return NULL;
    }
    Plan *plan = planfile_parse(buf, n, inner, sizeof inner);
    if (!plan) snprintf(err, errlen, "%s", inner);
    free(buf);
    return plan;
}

/* ---- memory ----
 *
 * jansson's allocations pass Kring's counter (core/mem.h), and when one
 * fails in the middle of reading or writing, the result is thrown away:
 * jansson 2.14 does not always notice itself (its lexer drops a character
 * it could not save, json_dumps leaves out a key it could not write),
 * which would read or store a plan with a piece silently missing. */

static void *json_alloc(size_t n)
{
    return mem_alloc(n);
}

static void use_counted_memory(void)
{
    json_set_alloc_funcs(json_alloc, free);
}

/* ---- writing ---- */

/* Building the tree, any step may fail for memory (jansson then returns
 * -1, and takes NULL values and containers in its stride); one failure
 * anywhere makes the whole text fail, never a text with a part missing. */
typedef struct Writer {
    bool ok;
} Writer;

static void obj_set(Writer *w, json_t *o, const char *key, json_t *v)
{
    if (json_object_set_new(o, key, v) != 0) w->ok = false;
}

static void arr_add(Writer *w, json_t *arr, json_t *v)
{
    if (json_array_append_new(arr, v) != 0) w->ok = false;
}

static void set_str(Writer *w, json_t *o, const char *key, const char *s)
{
    obj_set(w, o, key, json_string(s ? s : ""));
}

static void set_int(Writer *w, json_t *o, const char *key, long long v)
{
    obj_set(w, o, key, json_integer(v));
}

/* The text as jansson writes it, into Kring's own buffer. */
typedef struct Dump {
    char *s;
    size_t n, cap;
    bool short_of_memory;
} Dump;

static int dump_put(const char *buf, size_t size, void *data)
{
    Dump *d = data;
    if (!mem_reserve(&d->s, &d->cap, d->n + size + 1, 4096)) {
        d->short_of_memory = true;
        return -1;
    }
    memcpy(d->s + d->n, buf, size);
    d->n += size;
    d->s[d->n] = '\0';
    return 0;
}

/* The plan as a JSON tree (w->ok false when a piece could not be made). */
static json_t *tree(const Plan *plan, Writer *wp)
{
    Writer w = {true};
    json_t *root = json_object();
    set_str(&w, root, "format", FORMAT_NAME);
    set_int(&w, root, "version", PLANFILE_VERSION);
    for (int f = 0; f < FIELD_COUNT; f++)
        set_str(&w, root, field_key(f), plan->field[f]);
    for (int s = 0; s < SECTION_COUNT; s++) {
        json_t *arr = json_array();
        for (int i = 0; i < plan->section[s].n; i++) {
            json_t *o = json_object();
            set_int(&w, o, "id", plan->section[s].items[i].id);
            set_str(&w, o, "text", plan->section[s].items[i].text);
            arr_add(&w, arr, o);
        }
        obj_set(&w, root, section_key(s), arr);
    }
    json_t *people = json_array();
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        json_t *o = json_object();
        set_int(&w, o, "id", p->id);
        set_str(&w, o, "name", p->name);
        set_str(&w, o, "relation", p->relation);
        set_str(&w, o, "picto", p->picto);
        set_str(&w, o, "sector", sector_key(p->place.sector));
        set_int(&w, o, "ring", p->place.ring);
        set_int(&w, o, "u", p->place.u);
        set_int(&w, o, "v", p->place.v);
        obj_set(&w, o, "present", json_boolean(p->present));
        obj_set(&w, o, "scale", p->scale == SCALE_NONE ? json_null() : json_integer(p->scale));
        set_int(&w, o, "agreed_at", p->agreed_at);
        if (p->renew) obj_set(&w, o, "renew", json_true());
        if (p->child) obj_set(&w, o, "child", json_true());
        arr_add(&w, people, o);
    }
    obj_set(&w, root, "people", people);
    json_t *goals = json_array();
    for (int i = 0; i < plan->n_goals; i++) {
        json_t *o = json_object();
        set_int(&w, o, "id", plan->goals[i].id);
        set_str(&w, o, "text", plan->goals[i].text);
        set_str(&w, o, "area", area_key(plan->goals[i].area));
        arr_add(&w, goals, o);
    }
    obj_set(&w, root, "goals", goals);
    json_t *agreements = json_array();
    for (int i = 0; i < plan->n_agreements; i++) {
        const Agreement *a = &plan->agreements[i];
        json_t *o = json_object(), *who = json_array();
        set_int(&w, o, "id", a->id);
        set_int(&w, o, "goal", a->goal);
        for (int k = 0; k < a->n_people; k++)
            arr_add(&w, who, json_integer(a->people[k]));
        obj_set(&w, o, "people", who);
        set_str(&w, o, "what", a->what);
        set_str(&w, o, "when", a->when);
        if (a->schedule.repeat != REPEAT_NONE) {
            const Schedule *sc = &a->schedule;
            json_t *so = json_object(), *days = json_array();
            set_str(&w, so, "repeat", repeat_key(sc->repeat));
            for (int d = 0; d < WEEK_DAYS; d++)
                if (sc->days & (1u << d)) arr_add(&w, days, json_string(weekday_key(d)));
            obj_set(&w, so, "days", days);
            set_str(&w, so, "date", sc->date);
            set_str(&w, so, "time", sc->time);
            obj_set(&w, o, "schedule", so);
        }
        set_int(&w, o, "checker", a->checker);
        arr_add(&w, agreements, o);
    }
    obj_set(&w, root, "agreements", agreements);
    json_t *voices = json_array();
    for (int i = 0; i < plan->n_voices; i++) {
        const Voice *v = &plan->voices[i];
        json_t *o = json_object();
        set_int(&w, o, "id", v->id);
        set_str(&w, o, "child", v->child);
        set_str(&w, o, "text", v->text);
        set_int(&w, o, "support", v->support);
        arr_add(&w, voices, o);
    }
    obj_set(&w, root, "voices", voices);
    json_t *ev = json_object();
    set_str(&w, ev, "date", plan->eval.date);
    set_str(&w, ev, "start", plan->eval.start);
    set_str(&w, ev, "end", plan->eval.end);
    set_str(&w, ev, "place", plan->eval.place);
    set_int(&w, ev, "convener", plan->eval.convener);
    obj_set(&w, root, "evaluation", ev);
    set_int(&w, root, "approved_at", plan->approved_at);
    if (plan->approval_renew) obj_set(&w, root, "approval_renew", json_true());
    *wp = w;
    return root;
}

enum { DUMP_FLAGS = JSON_INDENT(2) | JSON_PRESERVE_ORDER };

char *planfile_format(const Plan *plan)
{
    use_counted_memory();
    long failed = mem_failed();
    Writer w;
    json_t *root = tree(plan, &w);
    Dump d = {0};
    bool ok = w.ok && json_dump_callback(root, dump_put, &d, DUMP_FLAGS) == 0;
    json_decref(root);
    if (!ok || d.short_of_memory || !d.s || mem_failed() != failed) {
        free(d.s);
        return NULL;
    }
    return d.s;
}

static int count_put(const char *buffer, size_t size, void *data)
{
    (void)buffer;
    *(size_t *)data += size;
    return 0;
}

size_t planfile_size(const Plan *plan)
{
    use_counted_memory();
    long failed = mem_failed();
    Writer w;
    json_t *root = tree(plan, &w);
    size_t n = 0;
    bool ok = w.ok && json_dump_callback(root, count_put, &n, DUMP_FLAGS) == 0;
    json_decref(root);
    return ok && mem_failed() == failed ? n : 0;
}

int planfile_write(const Plan *plan, const char *path, char *err, size_t errlen)
{
    char *text = planfile_format(plan);
    if (!text) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t plen = strlen(path);
    char *tmp = mem_alloc(plen + 8);
    if (!tmp) {
        free(text);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(tmp, plen + 8, "%s.tmp", path);
    int rc = -1;
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        goto done;
    }
    size_t n = strlen(text);
    bool ok = fwrite(text, 1, n, f) == n && fputc('\n', f) != EOF && fflush(f) == 0 &&
              fsync(fileno(f)) == 0;
    int saved = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        snprintf(err, errlen, "%s: could not be written (%s)", path, strerror(saved));
        remove(tmp);
        goto done;
    }
    rc = 0;
done:
    free(tmp);
    free(text);
    return rc;
}
