/* planfile: JSON in and out, with jansson. */
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
#include "core/netmap.h"
#include "core/utf8.h"

#define FORMAT_NAME "kring-plan"

enum {
    MAX_FILE_BYTES = 8 << 20,
    MAX_PEOPLE = 500,
    MAX_GOALS = 200,
    MAX_AGREEMENTS = 2000,
    MAX_SHORT = 400,   /* names, relations */
    MAX_LONG = 10000,  /* texts */
};

typedef struct Reader {
    char *err;
    size_t errlen;
} Reader;

__attribute__((format(printf, 2, 3)))
static bool bad(Reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, r->errlen, fmt, ap);
    va_end(ap);
    return false;
}

/* A string field: present, a string, within max bytes, no control chars. */
static bool get_str(Reader *r, json_t *obj, const char *where, long index,
                    const char *key, size_t max, const char **out)
{
    json_t *v = json_object_get(obj, key);
    char what[160];
    snprintf(what, sizeof what, "%s%s%.0ld: field \"%s\"", where,
             index >= 0 ? " #" : "", index >= 0 ? index + 1 : 0, key);
    if (!v)
        return bad(r, "%s is missing", what);
    if (!json_is_string(v))
        return bad(r, "%s must be text", what);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n > max)
        return bad(r, "%s is longer than %zu bytes", what, max);
    if (strlen(s) != n || !utf8_valid(s, n))
        return bad(r, "%s holds a NUL byte or broken text", what);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t')
            return bad(r, "%s holds a control character", what);
    *out = s;
    return true;
}

static bool get_int(Reader *r, json_t *obj, const char *where, long index,
                    const char *key, long lo, long hi, long *out)
{
    json_t *v = json_object_get(obj, key);
    char what[160];
    snprintf(what, sizeof what, "%s #%ld: field \"%s\"", where, index + 1, key);
    if (!v)
        return bad(r, "%s is missing", what);
    if (!json_is_integer(v))
        return bad(r, "%s must be a whole number", what);
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return bad(r, "%s is out of range (%ld to %ld)", what, lo, hi);
    *out = (long)x;
    return true;
}

static bool get_array(Reader *r, json_t *root, const char *key, size_t max, json_t **out)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return bad(r, "field \"%s\" is missing", key);
    if (!json_is_array(v))
        return bad(r, "field \"%s\" must be a list", key);
    if (json_array_size(v) > max)
        return bad(r, "field \"%s\" has more than %zu entries", key, max);
    *out = v;
    return true;
}

static int sector_from_key(const char *key)
{
    for (int i = 0; i < SECTOR_COUNT; i++)
        if (strcmp(netmap_sector_key(i), key) == 0)
            return i;
    return -1;
}

static bool check_object(Reader *r, json_t *v, const char *where, long index)
{
    if (json_is_object(v))
        return true;
    return bad(r, "%s #%ld must be an object", where, index + 1);
}

static bool read_people(Reader *r, Plan *plan, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        long idx = (long)i, id, ring, u, vv;
        const char *name, *relation, *sector;
        if (!check_object(r, v, "person", idx) ||
            !get_int(r, v, "person", idx, "id", 1, 0x7FFFFFFF, &id) ||
            !get_str(r, v, "person", idx, "name", MAX_SHORT, &name) ||
            !get_str(r, v, "person", idx, "relation", MAX_SHORT, &relation) ||
            !get_str(r, v, "person", idx, "sector", 32, &sector) ||
            !get_int(r, v, "person", idx, "ring", 0, RING_COUNT, &ring) ||
            !get_int(r, v, "person", idx, "u", 0, 1000, &u) ||
            !get_int(r, v, "person", idx, "v", 0, 1000, &vv))
            return false;
        json_t *present = json_object_get(v, "present");
        if (!json_is_boolean(present))
            return bad(r, "person #%ld: field \"present\" must be true or false", idx + 1);
        int s = sector_from_key(sector);
        if (s < 0)
            return bad(r, "person #%ld: unknown sector \"%s\"", idx + 1, sector);
        if (name[0] == '\0')
            return bad(r, "person #%ld: the name is empty", idx + 1);
        if (plan_id_used(plan, (uint32_t)id))
            return bad(r, "person #%ld: id %ld is used twice", idx + 1, id);
        plan_add_person(plan, &(Person){
            .id = (uint32_t)id, .name = (char *)name, .relation = (char *)relation,
            .place = { .sector = s, .ring = (int)ring, .u = (int)u, .v = (int)vv },
            .present = json_is_true(present) });
    }
    return true;
}

static bool read_goals(Reader *r, Plan *plan, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        long idx = (long)i, id;
        const char *text;
        if (!check_object(r, v, "goal", idx) ||
            !get_int(r, v, "goal", idx, "id", 1, 0x7FFFFFFF, &id) ||
            !get_str(r, v, "goal", idx, "text", MAX_LONG, &text))
            return false;
        if (plan_id_used(plan, (uint32_t)id))
            return bad(r, "goal #%ld: id %ld is used twice", idx + 1, id);
        plan_add_goal(plan, &(Goal){ .id = (uint32_t)id, .text = (char *)text });
    }
    return true;
}

static bool read_agreements(Reader *r, Plan *plan, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        long idx = (long)i, id, goal, person, checker;
        const char *what, *when;
        if (!check_object(r, v, "agreement", idx) ||
            !get_int(r, v, "agreement", idx, "id", 1, 0x7FFFFFFF, &id) ||
            !get_int(r, v, "agreement", idx, "goal", 1, 0x7FFFFFFF, &goal) ||
            !get_int(r, v, "agreement", idx, "person", 1, 0x7FFFFFFF, &person) ||
            !get_int(r, v, "agreement", idx, "checker", 0, 0x7FFFFFFF, &checker) ||
            !get_str(r, v, "agreement", idx, "what", MAX_LONG, &what) ||
            !get_str(r, v, "agreement", idx, "when", MAX_SHORT, &when))
            return false;
        if (plan_id_used(plan, (uint32_t)id))
            return bad(r, "agreement #%ld: id %ld is used twice", idx + 1, id);
        if (!plan_goal(plan, (uint32_t)goal))
            return bad(r, "agreement #%ld: its goal %ld does not exist", idx + 1, goal);
        if (!plan_person(plan, (uint32_t)person))
            return bad(r, "agreement #%ld: its person %ld does not exist", idx + 1, person);
        if (checker && !plan_person(plan, (uint32_t)checker))
            return bad(r, "agreement #%ld: the person who checks (%ld) does not exist", idx + 1, checker);
        plan_add_agreement(plan, &(Agreement){
            .id = (uint32_t)id, .goal = (uint32_t)goal, .person = (uint32_t)person,
            .what = (char *)what, .when = (char *)when, .checker = (uint32_t)checker });
    }
    return true;
}

static bool read_root(Reader *r, Plan *plan, json_t *root)
{
    if (!json_is_object(root))
        return bad(r, "the file is JSON but not a Kring plan");
    json_t *fmt = json_object_get(root, "format");
    if (!json_is_string(fmt) || strcmp(json_string_value(fmt), FORMAT_NAME) != 0)
        return bad(r, "the file is not a Kring plan (no \"format\": \"%s\")", FORMAT_NAME);
    json_t *ver = json_object_get(root, "version");
    if (!json_is_integer(ver))
        return bad(r, "the plan file has no version number");
    if (json_integer_value(ver) != PLANFILE_VERSION)
        return bad(r, "the plan file has version %lld, which this Kring cannot read",
                   (long long)json_integer_value(ver));
    const char *family, *children, *question;
    json_t *people, *goals, *agreements;
    if (!get_str(r, root, "plan", -1, "family", MAX_SHORT, &family) ||
        !get_str(r, root, "plan", -1, "children", MAX_SHORT, &children) ||
        !get_str(r, root, "plan", -1, "question", MAX_LONG, &question) ||
        !get_array(r, root, "people", MAX_PEOPLE, &people) ||
        !get_array(r, root, "goals", MAX_GOALS, &goals) ||
        !get_array(r, root, "agreements", MAX_AGREEMENTS, &agreements))
        return false;
    plan_set_family(plan, family);
    plan_set_children(plan, children);
    plan_set_question(plan, question);
    return read_people(r, plan, people) && read_goals(r, plan, goals) &&
           read_agreements(r, plan, agreements);
}

Plan *planfile_parse(const char *text, size_t n, char *err, size_t errlen)
{
    Reader r = { err, errlen };
    if (n > MAX_FILE_BYTES) {
        bad(&r, "the plan file is larger than %d bytes", MAX_FILE_BYTES);
        return NULL;
    }
    json_error_t je;
    json_t *root = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        snprintf(err, errlen, "not valid JSON (line %d: %s)", je.line, je.text);
        return NULL;
    }
    Plan *plan = plan_create();
    bool ok = read_root(&r, plan, root);
    json_decref(root);
    if (!ok) {
        plan_destroy(plan);
        return NULL;
    }
    return plan;
}

Plan *planfile_read(const char *path, char *err, size_t errlen)
{
    size_t n;
    char *buf = file_read_all(path, MAX_FILE_BYTES, &n, err, errlen);
    if (!buf)
        return NULL;
    char inner[300];
    Plan *plan = planfile_parse(buf, n, inner, sizeof inner);
    if (!plan)
        snprintf(err, errlen, "%s: %s", path, inner);
    free(buf);
    return plan;
}

static json_t *jstr(const char *s)
{
    return json_string(s ? s : "");
}

char *planfile_format(const Plan *plan)
{
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string(FORMAT_NAME));
    json_object_set_new(root, "version", json_integer(PLANFILE_VERSION));
    json_object_set_new(root, "family", jstr(plan->family));
    json_object_set_new(root, "children", jstr(plan->children));
    json_object_set_new(root, "question", jstr(plan->question));
    json_t *people = json_array();
    for (int i = 0; i < plan->n_people; i++) {
        const Person *p = &plan->people[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(p->id));
        json_object_set_new(o, "name", jstr(p->name));
        json_object_set_new(o, "relation", jstr(p->relation));
        json_object_set_new(o, "sector", json_string(netmap_sector_key(p->place.sector)));
        json_object_set_new(o, "ring", json_integer(p->place.ring));
        json_object_set_new(o, "u", json_integer(p->place.u));
        json_object_set_new(o, "v", json_integer(p->place.v));
        json_object_set_new(o, "present", json_boolean(p->present));
        json_array_append_new(people, o);
    }
    json_object_set_new(root, "people", people);
    json_t *goals = json_array();
    for (int i = 0; i < plan->n_goals; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(plan->goals[i].id));
        json_object_set_new(o, "text", jstr(plan->goals[i].text));
        json_array_append_new(goals, o);
    }
    json_object_set_new(root, "goals", goals);
    json_t *agreements = json_array();
    for (int i = 0; i < plan->n_agreements; i++) {
        const Agreement *a = &plan->agreements[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(a->id));
        json_object_set_new(o, "goal", json_integer(a->goal));
        json_object_set_new(o, "person", json_integer(a->person));
        json_object_set_new(o, "what", jstr(a->what));
        json_object_set_new(o, "when", jstr(a->when));
        json_object_set_new(o, "checker", json_integer(a->checker));
        json_array_append_new(agreements, o);
    }
    json_object_set_new(root, "agreements", agreements);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    return text;
}

int planfile_write(const Plan *plan, const char *path, char *err, size_t errlen)
{
    char *text = planfile_format(plan);
    if (!text) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 8);
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
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: could not be written (%s)", path,
                 strerror(ok ? errno : saved));
        remove(tmp);
        goto done;
    }
    rc = 0;
done:
    free(tmp);
    free(text);
    return rc;
}
