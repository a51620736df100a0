/* kring-bench: Kring's speed and memory, measured and shown beside the
 * product's budgets (README.md: Benchmark). Figures, never assertions: the machines are
 * shared and noisy.
 *
 *   kring-bench [--json FILE] [--kring PATH]
 *
 * Runs the real code paths headless (SDL's dummy driver, the software
 * renderer, 1920x1080) on a generated plan of 40 people, 15 goals and 30
 * agreements; start-up, idle and memory are measured on fresh kring
 * processes. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "core/edit.h"
#include "core/gesture.h"
#include "core/planfile.h"
#include "core/share.h"
#include "export/pdf.h"
#include "export/sharing.h"
#include "export/qr.h"
#include "platform/paths.h"
#include "platform/render.h"
#include "store/store.h"
#include "ui/flow.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int i = (int)ceil(p / 100.0 * n) - 1;
    return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

/* A plan of `people` people, goals and agreements in the sample's spirit. */
static Plan *generated(int people, int goals, int agreements)
{
    Plan *p = plan_create();
    static const char *const first[] = {"Esther", "Karim", "Jamila",   "Henk",   "Bram",  "Ineke",
                                        "Ans",    "Zoë",   "Mariëlle", "Dennis", "Maria", "Fatma",
                                        "Ruud",   "Noor",  "Sam",      "Wim"};
    static const char *const rel[] = {"mother",  "father", "grandmother",   "grandfather",
                                      "aunt",    "uncle",  "neighbour",     "friend",
                                      "teacher", "coach",  "social-worker", "volunteer"};
    unsigned seed = 42;
    uint32_t ids[512];
    for (int i = 0; i < people && i < 512; i++) {
        seed = seed * 1103515245u + 12345u;
        char name[64];
        snprintf(name, sizeof name, "%s %c. %d", first[i % 16], 'A' + i % 26, i + 1);
        plan_apply(p,
                   &(Edit){.kind = EDIT_PERSON_ADD,
                           .text = name,
                           .text2 = "familie",
                           .text3 = rel[i % 12],
                           .flag = i % 5 != 0,
                           .place = {(int)(seed >> 8) % 4, 1 + (int)(seed >> 12) % 3,
                                     (int)(seed >> 16) % 1001, (int)(seed >> 4) % 1001}},
                   &ids[i], NULL);
    }
    uint32_t g[64];
    for (int i = 0; i < goals && i < 64; i++) {
        char text[96];
        snprintf(text, sizeof text, "Doel %d: Sam gaat elke dag naar school en eet warm.", i + 1);
        plan_apply(p, &(Edit){.kind = EDIT_GOAL_ADD, .text = text, .number = 1 + i % 6}, &g[i],
                   NULL);
    }
    for (int i = 0; i < agreements && goals > 0 && people > 0; i++)
        plan_apply(p,
                   &(Edit){.kind = EDIT_AGREEMENT_ADD,
                           .goal = g[i % goals],
                           .people = {ids[i % people]},
                           .n_people = 1,
                           .text = "brengt Sam op maandag en woensdag naar school",
                           .text2 = "elke week",
                           .checker = ids[(i + 3) % people]},
                   NULL, NULL);
    plan_apply(p, &(Edit){.kind = EDIT_SET_FIELD, .field = FIELD_FAMILY, .text = "Jansen"}, NULL,
               NULL);
    plan_apply(p,
               &(Edit){.kind = EDIT_EVALUATION,
                       .text = "2027-02-20",
                       .text2 = "10:00",
                       .text3 = "12:00",
                       .text4 = "Wijkcentrum"},
               NULL, NULL);
    return p;
}

/* a private folder for the databases and scripts of one run */
static char bench_dir[300];

typedef struct Figure {
    const char *name, *unit;
    double median, p99, budget; /* budget < 0: none */
} Figure;

static Figure figures[32];
static int n_figures;

static void figure(const char *name, const char *unit, double median, double p99, double budget)
{
    figures[n_figures++] = (Figure){name, unit, median, p99, budget};
}

/* ---- frames while five fingers drag ---- */

typedef struct Screen {
    SDL_Window *win;
    SDL_Renderer *sdl;
    Render *render;
    Ui ui;
    FlowState st; /* the meeting's screens: step bar and board */
} Screen;

static int screen_open(Screen *s, int w, int h)
{
    memset(s, 0, sizeof *s);
    s->win = SDL_CreateWindow("bench", 0, 0, w, h, 0);
    s->sdl = s->win ? SDL_CreateRenderer(s->win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    char fonts[1200], err[600];
    paths_fonts_dir(fonts, sizeof fonts);
    s->render = s->sdl ? render_create(s->sdl, fonts, err, sizeof err) : NULL;
    if (!s->render) {
        fprintf(stderr, "kring-bench: no screen: %s\n", SDL_GetError());
        return -1;
    }
    ui_init(&s->ui, &theme_default, render_measure(s->render));
    flow_init(&s->st);
    flow_to_meeting(&s->st);
    return 0;
}

static void screen_close(Screen *s)
{
    flow_fini(&s->st);
    ui_fini(&s->ui);
    render_destroy(s->render);
    SDL_DestroyRenderer(s->sdl);
    SDL_DestroyWindow(s->win);
}

/* One frame's own work: build the draw list and draw it (no present). */
static double frame_ms(Screen *s, const Plan *plan, const Gestures *g, int w, int h)
{
    double t0 = now_ms();
    float mm = ui_scale_for(w, h, 96);
    char err[300];
    render_set_scale(s->render, &theme_default, mm, err, sizeof err);
    ui_begin(&s->ui, w, h, mm);
    FlowView view = {.can_undo = true};
    flow_draw(&s->ui, &s->st, plan, g, &view);
    render_draw(s->render, &s->ui.dl);
    SDL_RenderFlush(s->sdl);
    return now_ms() - t0;
}

/* Five fingers lift five cards and drag them across the map for `frames`
 * frames; returns median and p99 of the frame work. */
static void drag_frames(Screen *s, Plan *plan, int frames, double *median, double *p99)
{
    const int w = 1920, h = 1080;
    Gestures g;
    gestures_init(&g, 8, 600);
    frame_ms(s, plan, &g, w, h); /* the first frame: textures, layout */
    const Widget *cards[5];
    int found = 0;
    for (int i = 0; i < s->ui.n_widgets && found < 5; i++)
        if (!strncmp(s->ui.widgets[i].id, "person:", 7)) cards[found++] = &s->ui.widgets[i];
    Point start[5];
    for (int f = 0; f < found; f++) {
        start[f] = cards[f]->anchor;
        gestures_down(&g, f + 1, start[f], 0, cards[f]->id, cards[f]->grab);
    }
    double *t = malloc(sizeof *t * (size_t)frames);
    Gesture ev;
    for (int k = 0; k < frames; k++) {
        for (int f = 0; f < found; f++) {
            Point p = {start[f].x + (int)(300 * sin(k * 0.05 + f)),
                       start[f].y + (int)(200 * cos(k * 0.04 + f))};
            if (gestures_move(&g, f + 1, p, (uint32_t)k * 16, &ev))
                board_gesture(&s->ui, &s->st.board, plan, &g, &ev);
        }
        t[k] = frame_ms(s, plan, &g, w, h);
    }
    *median = pct(t, frames, 50);
    *p99 = pct(t, frames, 99);
    free(t);
}

/* ---- storing, PDF, QR ---- */

static void store_figures(Plan *plan)
{
    char path[400], err[300];
    snprintf(path, sizeof path, "%s/actions.db", bench_dir);
    Store *st = store_open(path, NULL, err, sizeof err);
    if (!st) {
        fprintf(stderr, "kring-bench: %s\n", err);
        return;
    }
    int64_t m;
    store_meeting_create(st, plan, time(NULL), &m);
    enum { N = 300 };
    double t[N];
    for (int i = 0; i < N; i++) {
        plan->people[i % plan->n_people].place.u = (i * 37) % 1000;
        double t0 = now_ms();
        store_commit(st, m, plan, time(NULL));
        t[i] = now_ms() - t0;
    }
    store_close(st);
    double med = pct(t, N, 50), p99 = pct(t, N, 99);
    figure("a completed action stored durably", "ms", med, p99, 2);
}

static void pdf_figure(Plan *plan, const char *label, double budget)
{
    char fonts[1200], err[300];
    paths_fonts_dir(fonts, sizeof fonts);
    enum { N = 7 };
    double t[N];
    for (int i = 0; i < N; i++) {
        unsigned char *data = NULL;
        size_t size = 0;
        double t0 = now_ms();
        pdf_render(plan, NULL, fonts, &data, &size, err, sizeof err);
        t[i] = now_ms() - t0;
        free(data);
    }
    figure(label, "ms", pct(t, N, 50), pct(t, N, 99), budget);
}

static void qr_figure(Plan *plan)
{
    enum { N = 7 };
    double t[N];
    for (int i = 0; i < N; i++) {
        double t0 = now_ms();
        ShareSet *set = share_build(plan, NULL, time(NULL), SHARE_PART_BYTES);
        for (int k = 0; k < set->n; k++) {
            QrImage q;
            char err[200];
            if (qr_make(set->codes[k].payload, &q, err, sizeof err) == 0) qr_free(&q);
        }
        share_destroy(set);
        t[i] = now_ms() - t0;
    }
    figure("all share codes generated", "ms", pct(t, N, 50), pct(t, N, 99), -1);
}

/* The kB of memory a process holds now (VmRSS), or -1. */
static long rss_kb(int pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kb) == 1) break;
    if (f) fclose(f);
    return kb;
}

static const char *kring_path;

/* Tapping "Delen" to the phones' pages served: every page, calendar file
 * and the PDF made and handed to kring-serve, which then listens; and the
 * memory the server holds. */
static void share_figures(Plan *plan)
{
    char fonts[1200], serve[1300], err[300];
    paths_fonts_dir(fonts, sizeof fonts);
    snprintf(serve, sizeof serve, "%s", kring_path);
    char *slash = strrchr(serve, '/');
    snprintf(slash ? slash + 1 : serve, sizeof serve - (size_t)(slash ? slash + 1 - serve : 0),
             "kring-serve");
    enum { N = 7 };
    double t[N], rss[N];
    int ok = 0;
    SharingChoice choice = {.whole_plan = true};
    for (int i = 0; i < N; i++) {
        double t0 = now_ms();
        Sharing *sh = sharing_start(plan, NULL, fonts, &choice, serve, "127.0.0.1", 0, NULL,
                                    time(NULL), err, sizeof err);
        if (!sh) {
            fprintf(stderr, "kring-bench: the pages could not be served: %s\n", err);
            break;
        }
        t[ok] = now_ms() - t0;
        rss[ok++] = rss_kb(sharing_pid(sh)) / 1024.0;
        sharing_stop(sh);
    }
    if (!ok) return;
    figure("tap on Delen to the phones' pages served", "ms", pct(t, ok, 50), pct(t, ok, 99), -1);
    figure("page server's memory (RSS)", "MiB", pct(rss, ok, 50), pct(rss, ok, 99), -1);
}

/* ---- fresh kring processes ---- */

typedef struct Run {
    double first_frame_ms; /* from exec to the first frame on screen */
    double cpu_ms;         /* user + system time */
    long max_rss_kb;
    int frames; /* presented, as kring reported at exit */
} Run;

/* Runs kring with args; stops it `linger_ms` after its first frame (or
 * lets it end by itself when linger_ms < 0). */
static int run_kring(const char *const *args, int linger_ms, Run *out)
{
    int first[2], report[2];
    if (pipe(first) != 0 || pipe(report) != 0) return -1;
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        close(first[0]);
        close(report[0]);
        char a[16], b[16];
        snprintf(a, sizeof a, "%d", first[1]);
        snprintf(b, sizeof b, "%d", report[1]);
        setenv("KRING_FIRST_FRAME_FD", a, 1);
        setenv("KRING_REPORT_FD", b, 1);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        const char *argv[32];
        int n = 0;
        argv[n++] = kring_path;
        for (int i = 0; args[i] && n < 31; i++)
            argv[n++] = args[i];
        argv[n] = NULL;
        execv(kring_path, (char *const *)argv);
        _exit(127);
    }
    close(first[1]);
    close(report[1]);
    char c;
    memset(out, 0, sizeof *out);
    if (read(first[0], &c, 1) == 1) out->first_frame_ms = now_ms() - t0;
    if (linger_ms >= 0) {
        struct timespec ts = {linger_ms / 1000, (linger_ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGTERM);
    }
    char buf[128] = "";
    ssize_t got = read(report[0], buf, sizeof buf - 1);
    if (got > 0) {
        buf[got] = '\0';
        sscanf(buf, "frames %d", &out->frames);
    }
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    close(first[0]);
    close(report[0]);
    out->cpu_ms = ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 +
                  ru.ru_stime.tv_sec * 1000.0 + ru.ru_stime.tv_usec / 1000.0;
    out->max_rss_kb = ru.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void process_figures(const char *db)
{
    const char *args[] = {"--headless", "--db", db, "--size", "1920x1080", NULL};
    enum { N = 9 };
    double first[N], cpu[N];
    for (int i = 0; i < N; i++) {
        Run r;
        run_kring(args, 0, &r);
        first[i] = r.first_frame_ms;
        cpu[i] = r.cpu_ms;
    }
    figure("start to first frame", "ms", pct(first, N, 50), pct(first, N, 99), 30);
    double start_cpu = pct(cpu, N, 50);
    Run idle;
    run_kring(args, 10000, &idle);
    figure("frames drawn in 10 s idle", "frames", idle.frames > 0 ? idle.frames - 1 : 0,
           idle.frames > 0 ? idle.frames - 1 : 0, 0);
    double idle_cpu = idle.cpu_ms - start_cpu;
    figure("CPU used in 10 s idle", "ms", idle_cpu < 0 ? 0 : idle_cpu, idle_cpu < 0 ? 0 : idle_cpu,
           -1);
    /* a full session: drags, the share screen, its codes, back */
    char script[400];
    snprintf(script, sizeof script, "%s/session.ks", bench_dir);
    FILE *f = fopen(script, "w");
    if (f) {
        for (int i = 1; i <= 20; i++)
            fprintf(f, "drag @person:%d @ring:%d:%s 200\n", i, 1 + i % 3,
                    (const char *const[]){"family", "friends", "school", "professionals"}[i % 4]);
        fputs("tap @undo\ntap @redo\ntap @step:share\ntap @code:person-1\ntap @code:evaluation\n"
              "tap @code:print\ntap @step:network\n",
              f);
        fclose(f);
    }
    const char *sargs[] = {"--headless", "--db",     db,     "--size",
                           "1920x1080",  "--script", script, NULL};
    Run s;
    run_kring(sargs, -1, &s);
    figure("peak resident memory, a full session", "MB", s.max_rss_kb / 1024.0,
           s.max_rss_kb / 1024.0, 40);
}

static void print_table(void)
{
    printf("%-44s %10s %10s %10s  %s\n", "figure", "median", "p99", "budget", "");
    for (int i = 0; i < n_figures; i++) {
        const Figure *f = &figures[i];
        char budget[32] = "-";
        if (f->budget >= 0) snprintf(budget, sizeof budget, "%.0f %s", f->budget, f->unit);
        const char *verdict = f->budget < 0 ? "" : f->p99 <= f->budget ? "within" : "OVER";
        printf("%-44s %7.2f %-2s %7.2f %-2s %10s  %s\n", f->name, f->median, f->unit, f->p99,
               f->unit, budget, verdict);
    }
}

static void write_json(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "kring-bench: %s: %s\n", path, strerror(errno));
        return;
    }
    fputs("[\n", f);
    for (int i = 0; i < n_figures; i++) {
        const Figure *g = &figures[i];
        fprintf(f,
                "  {\"figure\": \"%s\", \"unit\": \"%s\", \"median\": %.3f, \"p99\": %.3f, "
                "\"budget\": %s%.3f%s}%s\n",
                g->name, g->unit, g->median, g->p99, g->budget < 0 ? "null" : "",
                g->budget < 0 ? 0.0 : g->budget, "", i + 1 < n_figures ? "," : "");
    }
    fputs("]\n", f);
    fclose(f);
}

int main(int argc, char **argv)
{
    const char *json = NULL;
    static char kring_default[1200];
    snprintf(kring_default, sizeof kring_default, "%.*s/kring",
             (int)(strrchr(argv[0], '/') ? strrchr(argv[0], '/') - argv[0] : 1),
             strrchr(argv[0], '/') ? argv[0] : ".");
    kring_path = kring_default;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json") && i + 1 < argc)
            json = argv[++i];
        else if (!strcmp(argv[i], "--kring") && i + 1 < argc)
            kring_path = argv[++i];
        else {
            fprintf(stderr, "usage: kring-bench [--json FILE] [--kring PATH]\n");
            return 2;
        }
    }
    snprintf(bench_dir, sizeof bench_dir, "/tmp/kring-bench-XXXXXX");
    if (!mkdtemp(bench_dir)) return 1;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "kring-bench: %s\n", SDL_GetError());
        return 1;
    }
    Plan *plan = generated(40, 15, 30);
    printf("Kring's benchmark: 1920x1080, software renderer, SDL dummy driver;\n"
           "a plan of %d people, %d goals and %d agreements.\n\n",
           plan->n_people, plan->n_goals, plan->n_agreements);
    Screen s;
    if (screen_open(&s, 1920, 1080) != 0) return 1;
    double med, p99;
    drag_frames(&s, plan, 300, &med, &p99);
    figure("frame work, five fingers dragging", "ms", med, p99, 4);
    store_figures(plan);
    pdf_figure(plan, "whole plan to PDF", 150);
    qr_figure(plan);
    share_figures(plan);

    /* the database the processes open */
    char db[400], err[300];
    snprintf(db, sizeof db, "%s/kring.db", bench_dir);
    Store *st = store_open(db, NULL, err, sizeof err);
    int64_t m;
    if (st) {
        store_meeting_create(st, plan, time(NULL), &m);
        store_close(st);
    }
    process_figures(db);
    print_table();

    printf("\nHow it grows with the plan (medians):\n%-10s %14s %14s\n", "people", "frame work",
           "to PDF");
    const int sizes[3] = {10, 40, 160};
    for (int i = 0; i < 3; i++) {
        Plan *q = generated(sizes[i], sizes[i] * 15 / 40 + 1, sizes[i] * 30 / 40);
        drag_frames(&s, q, 120, &med, &p99);
        int before = n_figures;
        pdf_figure(q, "pdf", -1);
        printf("%-10d %11.2f ms %11.2f ms\n", sizes[i], med, figures[before].median);
        n_figures = before;
        plan_destroy(q);
    }
    if (json) write_json(json);
    screen_close(&s);
    plan_destroy(plan);
    SDL_Quit();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", bench_dir);
    return system(cmd) == 0 ? 0 : 1;
}
