/* sharing: building a sharing's files and running kring-serve. */
#define _GNU_SOURCE
#include "export/sharing.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/mem.h"
#include "core/pages.h"
#include "export/pdf.h"

typedef struct Link {
    uint32_t person; /* 0: the whole plan */
    char token[SHARING_TOKEN_LEN + 1];
} Link;

struct Sharing {
    pid_t pid;
    int to_server; /* its stdin: closing it ends the server */
    int port;
    char address[64];
    Link *links;
    int n_links;
};

/* 130 random bits as base32 (upper case: a QR code's alphanumeric mode). */
static bool new_token(char out[SHARING_TOKEN_LEN + 1])
{
    static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    unsigned char r[SHARING_TOKEN_LEN];
    if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) return false;
    for (int i = 0; i < SHARING_TOKEN_LEN; i++)
        out[i] = b32[r[i] & 31];
    out[SHARING_TOKEN_LEN] = '\0';
    return true;
}

static bool write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* One file for the server; false when it could not take it. */
static bool send_file(int fd, const char *path, const char *type, const void *data, size_t n)
{
    char head[400];
    snprintf(head, sizeof head, "FILE %s %s %zu\n", path, type, n);
    return write_all(fd, head, strlen(head)) && write_all(fd, data, n);
}

static bool hidden(const SharingChoice *c, uint32_t person)
{
    for (int i = 0; c && i < c->n_hidden; i++)
        if (c->hidden[i] == person) return true;
    return false;
}

static const char *const html = "text/html;charset=utf-8";

/* Every page and file of the sharing, to the server's stdin. */
static bool send_all(Sharing *s, const Plan *plan, const Catalog *cat, const char *fonts_dir,
                     const SharingChoice *choice, int64_t now)
{
    int fd = s->to_server;
    bool ok = true, whole = choice && choice->whole_plan;
    char path[128], pdf_href[160] = "", plan_href[160] = "";
    const Link *plan_link = NULL;
    for (int i = 0; i < s->n_links; i++)
        if (s->links[i].person == 0) plan_link = &s->links[i];
    if (plan_link) {
        snprintf(plan_href, sizeof plan_href, "/P/%s/", plan_link->token);
        snprintf(pdf_href, sizeof pdf_href, "/P/%s/plan.pdf", plan_link->token);
        unsigned char *pdf = NULL;
        size_t pdf_n = 0;
        char err[200];
        if (pdf_render(plan, cat, fonts_dir, &pdf, &pdf_n, err, sizeof err) == 0) {
            ok = ok && send_file(fd, pdf_href, "application/pdf", pdf, pdf_n);
        } else {
            pdf_href[0] = '\0'; /* no PDF: the page says nothing of one */
        }
        free(pdf);
        PageLinks l = {.pdf = pdf_href[0] ? pdf_href : NULL};
        char *page = page_plan(plan, cat, &l);
        ok = ok && page && send_file(fd, plan_href, html, page, strlen(page));
        free(page);
    }
    for (int i = 0; ok && i < s->n_links; i++) {
        const Link *k = &s->links[i];
        if (!k->person || k->person == SHARING_EVALUATION) continue;
        char cal_href[160];
        snprintf(cal_href, sizeof cal_href, "/P/%s/agenda.ics", k->token);
        char *cal = calendar_person(plan, k->person, cat, now);
        ok = ok && cal;
        if (cal && cal[0])
            ok = ok && send_file(fd, cal_href, "text/calendar;charset=utf-8", cal, strlen(cal));
        PageLinks l = {.calendar = cal && cal[0] ? cal_href : NULL,
                       .plan = whole && plan_href[0] ? plan_href : NULL,
                       .pdf = whole && pdf_href[0] ? pdf_href : NULL,
                       .safety = choice && choice->safety};
        free(cal);
        char *page = page_person(plan, k->person, cat, &l);
        snprintf(path, sizeof path, "/P/%s/", k->token);
        ok = ok && page && send_file(fd, path, html, page, strlen(page));
        free(page);
    }
    for (int i = 0; ok && i < s->n_links; i++) {
        const Link *k = &s->links[i];
        if (k->person != SHARING_EVALUATION) continue;
        char cal_href[160];
        snprintf(cal_href, sizeof cal_href, "/P/%s/evaluatie.ics", k->token);
        char *cal = calendar_evaluation(plan, cat, now, NULL);
        ok = ok && cal && send_file(fd, cal_href, "text/calendar;charset=utf-8", cal, strlen(cal));
        free(cal);
        PageLinks l = {.calendar = cal_href};
        char *page = page_evaluation(plan, cat, &l);
        snprintf(path, sizeof path, "/P/%s/", k->token);
        ok = ok && page && send_file(fd, path, html, page, strlen(page));
        free(page);
    }
    char *missing = page_missing(cat);
    ok = ok && missing && send_file(fd, "/404", html, missing, strlen(missing));
    free(missing);
    return ok && write_all(fd, "END\n", 4);
}

/* Reads the server's one line ("ready PORT") within a few seconds. */
static bool server_ready(int fd, int *port, char *err, size_t errlen)
{
    char line[300];
    size_t n = 0;
    while (n + 1 < sizeof line) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0) {
            snprintf(err, errlen, "the page server did not answer");
            return false;
        }
        ssize_t k = read(fd, line + n, 1);
        if (k <= 0) {
            snprintf(err, errlen, "the page server ended");
            return false;
        }
        if (line[n] == '\n') break;
        n++;
    }
    line[n] = '\0';
    if (sscanf(line, "ready %d", port) == 1) return true;
    snprintf(err, errlen, "the page server: %s", line);
    return false;
}

/* The person's link from the sharing before, else a new one. */
static bool token_for(const Sharing *before, uint32_t person, char out[SHARING_TOKEN_LEN + 1])
{
    for (int i = 0; before && i < before->n_links; i++)
        if (before->links[i].person == person) {
            memcpy(out, before->links[i].token, SHARING_TOKEN_LEN + 1);
            return true;
        }
    return new_token(out);
}

Sharing *sharing_start(const Plan *plan, const Catalog *cat, const char *fonts_dir,
                       const SharingChoice *choice, const char *serve_bin, const char *address,
                       int port, const Sharing *before, int64_t now, char *err, size_t errlen)
{
    Sharing *s = mem_calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "short of memory");
        return NULL;
    }
    s->pid = -1;
    s->to_server = -1;
    snprintf(s->address, sizeof s->address, "%s", address);
    s->links = mem_calloc((size_t)plan->n_people + 2, sizeof *s->links);
    if (!s->links) {
        snprintf(err, errlen, "short of memory");
        free(s);
        return NULL;
    }
    bool tokens = true;
    if (choice && choice->whole_plan) {
        s->links[s->n_links].person = 0;
        tokens = token_for(before, 0, s->links[s->n_links++].token);
    }
    for (int i = 0; tokens && i < plan->n_people; i++) {
        if (hidden(choice, plan->people[i].id)) continue; /* switched off: no page at all */
        s->links[s->n_links].person = plan->people[i].id;
        tokens = token_for(before, plan->people[i].id, s->links[s->n_links++].token);
    }
    if (tokens && plan_valid_date(plan->eval.date)) {
        s->links[s->n_links].person = SHARING_EVALUATION;
        tokens = token_for(before, SHARING_EVALUATION, s->links[s->n_links++].token);
    }
    int in[2] = {-1, -1}, out[2] = {-1, -1};
    if (!tokens || pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
        snprintf(err, errlen, "%s", tokens ? "no pipe for the page server" : "no random numbers");
        goto fail;
    }
    s->pid = fork();
    if (s->pid == 0) { /* the server: only its stdin and stdout, nothing of Kring's */
        dup2(in[0], 0);
        dup2(out[1], 1);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) dup2(null, 2);
        closefrom(3);
        execl(serve_bin, "kring-serve", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    in[0] = out[1] = -1;
    if (s->pid < 0) {
        snprintf(err, errlen, "cannot start the page server");
        goto fail;
    }
    s->to_server = in[1];
    in[1] = -1;
    char head[200];
    snprintf(head, sizeof head, "KRING-SHARE 1\nLISTEN %s %d\n", address, port);
    signal(SIGPIPE, SIG_IGN); /* a server that ended says so by its status, not by a signal */
    if (!write_all(s->to_server, head, strlen(head)) ||
        !send_all(s, plan, cat, fonts_dir, choice, now)) {
        snprintf(err, errlen, "the page server did not take the pages");
        goto fail;
    }
    if (!server_ready(out[0], &s->port, err, errlen)) goto fail;
    close(out[0]);
    return s;
fail:
    for (int i = 0; i < 2; i++) {
        if (in[i] >= 0) close(in[i]);
        if (out[i] >= 0) close(out[i]);
    }
    sharing_stop(s);
    return NULL;
}

bool sharing_link(const Sharing *s, uint32_t person, char *out, size_t n)
{
    for (int i = 0; s && i < s->n_links; i++)
        if (s->links[i].person == person) {
            snprintf(out, n, "HTTP://%s:%d/P/%s/", s->address, s->port, s->links[i].token);
            return true;
        }
    return false;
}

int sharing_port(const Sharing *s)
{
    return s ? s->port : 0;
}

int sharing_pid(const Sharing *s)
{
    return s && s->pid > 0 ? (int)s->pid : 0;
}

bool sharing_alive(Sharing *s)
{
    if (!s || s->pid <= 0) return false;
    int status;
    if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
        s->pid = -1;
        return false;
    }
    return true;
}

void sharing_end(Sharing *s)
{
    if (!s) return;
    if (s->to_server >= 0) close(s->to_server); /* the server ends on its own */
    s->to_server = -1;
    if (s->pid > 0) {
        int status;
        for (int i = 0; i < 100 && waitpid(s->pid, &status, WNOHANG) == 0; i++)
            usleep(10000);
        if (waitpid(s->pid, &status, WNOHANG) == 0) { /* still there after a second */
            kill(s->pid, SIGKILL);
            waitpid(s->pid, &status, 0);
        }
    }
    s->pid = -1;
}

void sharing_stop(Sharing *s)
{
    if (!s) return;
    sharing_end(s);
    free(s->links);
    free(s);
}
