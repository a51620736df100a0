/* pages: HTML for phones. */
#include "core/pages.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/lang.h"
#include "core/textbuf.h"
#include "core/textexport.h"

/* Appends n bytes of s escaped for HTML text and attribute values. */
static void esc_n(TextBuf *o, const char *s, size_t n)
{
    for (const char *p = s; p < s + n && *p; p++) {
        switch (*p) {
        case '&':
            tb_puts(o, "&amp;");
            break;
        case '<':
            tb_puts(o, "&lt;");
            break;
        case '>':
            tb_puts(o, "&gt;");
            break;
        case '"':
            tb_puts(o, "&quot;");
            break;
        case '\'':
            tb_puts(o, "&#39;");
            break;
        case '\n':
            tb_puts(o, "<br>");
            break;
        default:
            tb_put(o, p, 1);
        }
    }
}

static void esc(TextBuf *o, const char *s)
{
    esc_n(o, s, strlen(s));
}

/* The family's own words: escaped, in their own direction. */
static void words(TextBuf *o, const char *s)
{
    tb_puts(o, "<bdi>");
    esc(o, s);
    tb_puts(o, "</bdi>");
}

/* Kring's words: translated and escaped. */
static void kring(TextBuf *o, const Catalog *cat, const char *msgid)
{
    esc(o, tr(cat, msgid));
}

/* A template of Kring's with the family's words in it ("Voor %s"). */
static void kring_fill(TextBuf *o, const Catalog *cat, const char *msgid, const char *arg)
{
    const char *t = tr(cat, msgid), *at = strstr(t, "%s");
    if (!at) {
        esc(o, t);
        return;
    }
    esc_n(o, t, (size_t)(at - t));
    words(o, arg);
    esc(o, at + 2);
}

static const char *const style =
    "body{font:17px/1.45 system-ui,sans-serif;margin:0 auto;max-width:40em;padding:12px 16px 40px;"
    "color:#1d2a33;background:#fffdf8;overflow-wrap:anywhere}"
    "h1{font-size:1.5em;margin:.3em 0 0}h2{font-size:1.15em;margin:1.4em 0 .4em;"
    "border-bottom:2px solid #e3dccd}.sub{color:#5b6770;margin:.2em 0 1em}"
    "ul{padding:0;list-style:none}li{background:#fff;border:1px solid #e3dccd;border-radius:10px;"
    "padding:10px 12px;margin:0 0 10px}.what{font-weight:600}.when{color:#235d80}"
    ".note{color:#5b6770;font-size:.95em}.open{background:#eef5f9;border-radius:10px;"
    "padding:8px 12px;font-size:.95em}a.button{display:block;text-align:center;background:#235d80;"
    "color:#fff;text-decoration:none;border-radius:24px;padding:12px;margin:12px "
    "0;font-weight:600}";

static void head(TextBuf *o, const Catalog *cat, const char *title)
{
    const char *code = catalog_language(cat);
    const Language *l = lang_of(code);
    tb_puts(o, "<!DOCTYPE html>\n<html lang=\"");
    esc(o, l ? l->code : "nl");
    tb_puts(o, l && l->rtl ? "\" dir=\"rtl\">\n" : "\" dir=\"ltr\">\n");
    tb_puts(o, "<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    esc(o, title);
    tb_puts(o, "</title>\n<style>");
    tb_puts(o, style);
    tb_puts(o, "</style>\n</head>\n<body>\n");
    /* the pop-up browser a captive Wi-Fi opens closes by itself */
    tb_puts(o, "<p class=\"open\">");
    kring(o, cat, N_("Open deze pagina in je eigen browser (Safari of Chrome) om hem te bewaren."));
    tb_puts(o, "</p>\n");
}

static void tail(TextBuf *o)
{
    tb_puts(o, "</body>\n</html>\n");
}

/* Kring's words around names ("Samen met: %s"). */
static void kring_names(TextBuf *o, const Catalog *cat, const char *msgid, const Plan *plan,
                        const Agreement *a, uint32_t but)
{
    const char *t = tr(cat, msgid), *at = strstr(t, "%s");
    esc_n(o, t, at ? (size_t)(at - t) : strlen(t));
    if (!at) return;
    export_names(o, plan, a, but, cat, words);
    esc(o, at + 2);
}

enum { SHOW_DOERS = 1, SHOW_GOAL = 2, SHOW_WITH = 4, SHOW_CHECKER = 8 };

/* One agreement as a card: what, when, and what `show` asks for, seen by
 * `person` (0: anyone). */
static void agreement(TextBuf *o, const Plan *plan, const Agreement *a, uint32_t person, int show,
                      const Catalog *cat)
{
    tb_puts(o, "<li><div class=\"what\">");
    if (show & SHOW_DOERS) {
        export_names(o, plan, a, 0, cat, words);
        tb_puts(o, ": ");
    }
    words(o, a->what);
    tb_puts(o, "</div>");
    char *when = export_when(a, cat);
    if (!when) o->short_of_memory = true;
    if (when && when[0]) {
        tb_puts(o, "<div class=\"when\">");
        words(o, when);
        tb_puts(o, "</div>");
    }
    free(when);
    const Goal *g = plan_goal(plan, a->goal);
    if (g && (show & SHOW_GOAL)) {
        tb_puts(o, "<div>");
        kring_fill(o, cat, N_("Voor het doel: %s"), g->text);
        tb_puts(o, "</div>");
    }
    if ((show & SHOW_WITH) && a->n_people > 1) {
        tb_puts(o, "<div>");
        kring_names(o, cat, N_("Samen met: %s"), plan, a, person);
        tb_puts(o, "</div>");
    }
    if ((show & SHOW_CHECKER) && a->checker && a->checker != person) {
        tb_puts(o, "<div>");
        kring_fill(o, cat, N_("checkt: %s"), plan_person_name(plan, a->checker));
        tb_puts(o, "</div>");
    }
    tb_puts(o, "</li>\n");
}

static void section_list(TextBuf *o, const Plan *plan, int s, const Catalog *cat)
{
    const ItemList *l = &plan->section[s];
    if (!l->n) return;
    tb_puts(o, "<h2>");
    kring(o, cat, export_section_title(s));
    tb_puts(o, "</h2>\n<ul>\n");
    for (int i = 0; i < l->n; i++) {
        tb_puts(o, "<li>");
        words(o, l->items[i].text);
        tb_puts(o, "</li>\n");
    }
    tb_puts(o, "</ul>\n");
}

static void evaluation(TextBuf *o, const Plan *plan, const Catalog *cat)
{
    tb_puts(o, "<h2>");
    kring(o, cat, N_("Evaluatie"));
    tb_puts(o, "</h2>\n<p>");
    char *e = export_evaluation(plan, cat);
    if (!e) o->short_of_memory = true;
    if (e) esc(o, e);
    free(e);
    tb_puts(o, "</p>\n");
}

static void link(TextBuf *o, const char *href, const Catalog *cat, const char *msgid)
{
    if (!href) return;
    tb_puts(o, "<a class=\"button\" href=\"");
    esc(o, href);
    tb_puts(o, "\">");
    kring(o, cat, msgid);
    tb_puts(o, "</a>\n");
}

static void plan_title(TextBuf *o, const Plan *plan, const Catalog *cat)
{
    if (plan_family(plan)[0])
        kring_fill(o, cat, N_("Plan van de familie %s"), plan_family(plan));
    else
        kring(o, cat, N_("Ons plan"));
}

char *page_person(const Plan *plan, uint32_t person, const Catalog *cat, const PageLinks *links)
{
    const Person *p = plan_person(plan, person);
    if (!p) return NULL;
    TextBuf o = {0}, title = {0};
    tb_fill(&title, cat, "Voor %s", p->name);
    char *t = tb_finish(&title);
    head(&o, cat, t ? t : "");
    free(t);
    tb_puts(&o, "<h1>");
    kring_fill(&o, cat, N_("Voor %s"), p->name);
    tb_puts(&o, "</h1>\n<p class=\"sub\">");
    plan_title(&o, plan, cat);
    tb_puts(&o, "</p>\n");
    int mine = 0, checks = 0;
    for (int k = 0; k < plan->n_agreements; k++) {
        mine += agreement_does(&plan->agreements[k], person);
        checks +=
            plan->agreements[k].checker == person && !agreement_does(&plan->agreements[k], person);
    }
    if (mine) {
        tb_puts(&o, "<h2>");
        kring(&o, cat, N_("Jouw afspraken"));
        tb_puts(&o, "</h2>\n<ul>\n");
        for (int k = 0; k < plan->n_agreements; k++)
            if (agreement_does(&plan->agreements[k], person))
                agreement(&o, plan, &plan->agreements[k], person,
                          SHOW_GOAL | SHOW_WITH | SHOW_CHECKER, cat);
        tb_puts(&o, "</ul>\n");
    }
    if (checks) {
        tb_puts(&o, "<h2>");
        kring(&o, cat, N_("Jij kijkt of dit gebeurt"));
        tb_puts(&o, "</h2>\n<ul>\n");
        for (int k = 0; k < plan->n_agreements; k++) {
            const Agreement *a = &plan->agreements[k];
            if (a->checker == person && !agreement_does(a, person))
                agreement(&o, plan, a, person, SHOW_DOERS | SHOW_GOAL, cat);
        }
        tb_puts(&o, "</ul>\n");
    }
    if (!mine && !checks) {
        tb_puts(&o, "<p>");
        kring(&o, cat, N_("Je hebt geen eigen afspraken in dit plan."));
        tb_puts(&o, "</p>\n");
    }
    if (links && links->safety) section_list(&o, plan, SECTION_SAFETY, cat);
    evaluation(&o, plan, cat);
    if (links && links->calendar) {
        link(&o, links->calendar, cat, N_("Zet het in mijn agenda"));
        int loose = calendar_unscheduled(plan, person);
        if (loose) {
            tb_puts(&o, "<p class=\"note\">");
            kring(&o, cat,
                  loose == 1 ? N_("Eén afspraak heeft geen vaste dag: die staat niet in je agenda.")
                             : N_("Afspraken zonder vaste dag staan niet in je agenda."));
            tb_puts(&o, "</p>\n");
        }
    }
    link(&o, links ? links->plan : NULL, cat, N_("Het hele plan"));
    link(&o, links ? links->pdf : NULL, cat, N_("Het hele plan als PDF"));
    tail(&o);
    return tb_finish(&o);
}

char *page_plan(const Plan *plan, const Catalog *cat, const PageLinks *links)
{
    TextBuf o = {0}, title = {0};
    if (plan_family(plan)[0])
        tb_fill(&title, cat, "Plan van de familie %s", plan_family(plan));
    else
        tb_puts(&title, tr(cat, "Ons plan"));
    char *t = tb_finish(&title);
    head(&o, cat, t ? t : "");
    free(t);
    tb_puts(&o, "<h1>");
    plan_title(&o, plan, cat);
    tb_puts(&o, "</h1>\n");
    if (plan_question(plan)[0]) {
        tb_puts(&o, "<p class=\"sub\">");
        words(&o, plan_question(plan));
        tb_puts(&o, "</p>\n");
    }
    for (int s = SECTION_CONCERNS; s <= SECTION_DREAM; s++)
        section_list(&o, plan, s, cat);
    for (int g = 0; g < plan->n_goals; g++) {
        const Goal *goal = &plan->goals[g];
        tb_puts(&o, "<h2>");
        words(&o, goal->text);
        tb_puts(&o, "</h2>\n<ul>\n");
        for (int k = 0; k < plan->n_agreements; k++)
            if (plan->agreements[k].goal == goal->id)
                agreement(&o, plan, &plan->agreements[k], 0, SHOW_DOERS | SHOW_CHECKER, cat);
        tb_puts(&o, "</ul>\n");
    }
    section_list(&o, plan, SECTION_HELP, cat);
    section_list(&o, plan, SECTION_SAFETY, cat);
    evaluation(&o, plan, cat);
    link(&o, links ? links->pdf : NULL, cat, N_("Het hele plan als PDF"));
    tail(&o);
    return tb_finish(&o);
}

char *page_evaluation(const Plan *plan, const Catalog *cat, const PageLinks *links)
{
    TextBuf o = {0};
    head(&o, cat, tr(cat, "Evaluatie"));
    tb_puts(&o, "<p class=\"sub\">");
    plan_title(&o, plan, cat);
    tb_puts(&o, "</p>\n");
    evaluation(&o, plan, cat);
    link(&o, links ? links->calendar : NULL, cat, N_("Zet het in mijn agenda"));
    tail(&o);
    return tb_finish(&o);
}

char *page_missing(const Catalog *cat)
{
    TextBuf o = {0};
    head(&o, cat, "Kring");
    tb_puts(&o, "<h1>");
    kring(&o, cat, N_("Deze pagina is er niet (meer)."));
    tb_puts(&o, "</h1>\n<p>");
    kring(&o, cat, N_("Scan de code op het scherm opnieuw, zolang het delen openstaat."));
    tb_puts(&o, "</p>\n");
    tail(&o);
    return tb_finish(&o);
}
