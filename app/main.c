/* main: Kring's command line. Exit status: 0 success, 1 failure (with a
 * one-line message on stderr), 2 usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/script.h"
#include "core/lang.h"
#include "core/mem.h"
#include "core/redact.h"
#include "player.h"
#include "store/store.h"

#ifndef KRING_VERSION
#define KRING_VERSION "0"
#endif

static const char usage[] =
    "Usage: kring [OPTION]...\n"
    "Kring: the family group plan, built together on a touchscreen.\n"
    "\n"
    "  --db FILE          database (default: $KRING_DB, else\n"
    "                     $XDG_DATA_HOME/kring/kring.db)\n"
    "  --lang CODE        language of the screens (default nl): %s\n"
    "  --size WxH         window size in pixels (default 1280x800)\n"
    "  --dpi N            screen density to lay out for (default: ask the display)\n"
    "  --fullscreen       fill the screen (always so on the console, kmsdrm)\n"
    "  --headless         run without a display (SDL's offscreen driver)\n"
    "  --kiosk            the device's kiosk: full screen, no pointer, and only\n"
    "                     the facilitator's PIN (or the service manager) ends it\n"
    "  --script FILE      play a script of touches, then exit (tests/README.md)\n"
    "  --screenshot FILE  write the last frame as PNG, then exit\n"
    "  --demo             start a new meeting with the sample plan\n"
    "  --import FILE      start a new meeting from a plan file (JSON)\n"
    "  --export-json FILE write the open meeting's plan as a plan file, then exit\n"
    "  --export-pdf FILE  write the open meeting's plan as a PDF, then exit\n"
    "  --print [PRINTER]  print the open meeting's plan (on the default printer\n"
    "                     unless one is named) and wait until it is done\n"
    "  --copies N         how many copies to print (default 1)\n"
    "  --without-concerns leave the concerns out of --export-pdf and --print\n"
    "  --initials         initials instead of names in --export-pdf and --print\n"
    "  --export-qr DIR    write the meeting's share codes as PNG, each with its\n"
    "                     text in a .txt file of the same name, then exit\n"
    "  --verbose          say on stderr when each action is stored\n"
    "  --share-on ADDRESS:PORT  while the share step is open, serve each person's\n"
    "                     page to phones there (IPv4; port 0: any free one)\n"
    "  --unlock-pin       lift the lockout after too many wrong PINs (the PIN\n"
    "                     stays as it was), then exit\n"
    "  --version          print the version and exit\n"
    "  --help             print this help and exit\n";

/* Runs Kring on real events, or on the script of --script. */
static int run(const AppOptions *opt)
{
    if (!opt->script) return app_run(opt, NULL);
    char err[600];
    Script *s = script_load(opt->script, err, sizeof err);
    if (!s) {
        fprintf(stderr, "kring: script %s\n", err);
        return 1;
    }
    Player *player = player_create(s, opt->script);
    if (!player) {
        fprintf(stderr, "kring: not enough memory for the script\n");
        return 1;
    }
    AppInput in = player_input(player);
    int rc = app_run(opt, &in);
    player_destroy(player);
    return rc;
}

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("kring: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'kring --help'.\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    AppOptions opt = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = !strcmp(a, "--db") || !strcmp(a, "--lang") || !strcmp(a, "--size") ||
                     !strcmp(a, "--script") || !strcmp(a, "--screenshot") || !strcmp(a, "--dpi") ||
                     !strcmp(a, "--import") || !strcmp(a, "--export-json") ||
                     !strcmp(a, "--export-qr") || !strcmp(a, "--export-pdf") ||
                     !strcmp(a, "--copies") || !strcmp(a, "--share-on");
        if (takes && !val) return bad_usage("option %s needs a value", a);
        if (!strcmp(a, "--help")) {
            char codes[64];
            lang_codes(codes, sizeof codes);
            printf(usage, codes);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("kring %s\n", KRING_VERSION);
            return 0;
        } else if (!strcmp(a, "--db")) {
            opt.db = val;
        } else if (!strcmp(a, "--lang")) {
            if (strlen(val) < 2 || strlen(val) > 8 ||
                strspn(val, "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(val))
                return bad_usage("--lang takes a language code such as nl or en, not '%s'", val);
            opt.lang = val;
        } else if (!strcmp(a, "--size")) {
            int w, h;
            char extra;
            if (sscanf(val, "%dx%d%c", &w, &h, &extra) != 2 || w < 320 || h < 240 || w > 8192 ||
                h > 8192)
                return bad_usage("--size takes WIDTHxHEIGHT from 320x240 to 8192x8192, not '%s'",
                                 val);
            opt.width = w;
            opt.height = h;
        } else if (!strcmp(a, "--dpi")) {
            char *end;
            double d = strtod(val, &end);
            if (*end || d < 50 || d > 600)
                return bad_usage("--dpi takes a number from 50 to 600, not '%s'", val);
            opt.dpi = (float)d;
        } else if (!strcmp(a, "--fullscreen")) {
            opt.fullscreen = true;
        } else if (!strcmp(a, "--kiosk")) {
            opt.kiosk = opt.fullscreen = true;
        } else if (!strcmp(a, "--headless")) {
            opt.headless = true;
        } else if (!strcmp(a, "--script")) {
            opt.script = val;
        } else if (!strcmp(a, "--screenshot")) {
            opt.screenshot = val;
        } else if (!strcmp(a, "--demo")) {
            opt.demo = true;
        } else if (!strcmp(a, "--unlock-pin")) {
            opt.unlock_pin = true;
        } else if (!strcmp(a, "--import")) {
            opt.import = val;
        } else if (!strcmp(a, "--export-json")) {
            opt.export_json = val;
        } else if (!strcmp(a, "--export-qr")) {
            opt.export_qr = val;
        } else if (!strcmp(a, "--export-pdf")) {
            opt.export_pdf = val;
        } else if (!strcmp(a, "--print")) {
            opt.print = true;
            if (val && val[0] != '-') { /* the printer's name is optional */
                opt.printer = val;
                i++;
            }
        } else if (!strcmp(a, "--copies")) {
            char *end;
            long c = strtol(val, &end, 10);
            if (*end || c < 1 || c > 99)
                return bad_usage("--copies takes a number from 1 to 99, not '%s'", val);
            opt.copies = (int)c;
        } else if (!strcmp(a, "--without-concerns")) {
            opt.redact |= REDACT_CONCERNS;
        } else if (!strcmp(a, "--initials")) {
            opt.redact |= REDACT_NAMES;
        } else if (!strcmp(a, "--verbose")) {
            opt.verbose = true;
        } else if (!strcmp(a, "--share-on")) {
            char addr[64];
            int port = -1;
            char extra;
            if (sscanf(val, "%63[0-9.]:%d%c", addr, &port, &extra) != 2 || port < 0 || port > 65535)
                return bad_usage("--share-on takes ADDRESS:PORT (as 127.0.0.1:8080), not '%s'",
                                 val);
            snprintf(opt.share_address, sizeof opt.share_address, "%s", addr);
            opt.share_port = port;
        } else {
            return bad_usage("unknown option '%s'", a);
        }
        if (takes) i++;
    }
    if (opt.demo && opt.import)
        return bad_usage("%s", "--demo and --import both start a new meeting: choose one");
#ifdef KRING_FAULT_HOOKS
    /* Tests only (tests/README.md): KRING_FAIL_ALLOC=N fails the N-th of
     * Kring's, SQLite's and jansson's allocations, N+ every one from the
     * N-th on; 0 only counts. The count is said on stderr at the end. */
    const char *fail = getenv("KRING_FAIL_ALLOC");
    if (fail && fail[0]) {
        if (!store_count_memory()) {
            fputs("kring: SQLite's allocator could not be set\n", stderr);
            return 1;
        }
        mem_fail_at(atol(fail), strchr(fail, '+') != NULL);
        int rc = run(&opt);
        fprintf(stderr, "kring: %ld allocations counted, %ld failed\n", mem_count(), mem_failed());
        return rc;
    }
#endif
    return run(&opt);
}
