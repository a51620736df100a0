/* view: what the app shows the screens besides the plan — whether undo can
 * go back, a problem or notice in words, how printing goes, today's date
 * and Kring's clock, and the lists the facilitator's panels offer (plan
 * files, kept meetings, printers, languages). The app fills one FlowView
 * before each frame; screens only read it. */
#ifndef KRING_VIEW_H
#define KRING_VIEW_H

#include <stdbool.h>
#include <stdint.h>

enum { FLOW_LIST_MAX = 24 };

/* How printing goes, as the app tells the share screen. */
typedef enum PrintProgress { PRINT_IDLE, PRINT_BUSY, PRINT_OK, PRINT_PROBLEM } PrintProgress;

/* A list of choices on a panel, filled by the app. */
typedef struct FlowList {
    int n;
    char text[FLOW_LIST_MAX][160];
    char note[FLOW_LIST_MAX][80];
    int chosen; /* -1: none */
} FlowList;

/* The phones' pages while they are served: each person's link, the
 * whole plan's (person 0) and the evaluation's (SHARE_LINK_EVALUATION). */
enum { SHARE_LINKS_MAX = 502 };
#define SHARE_LINK_EVALUATION UINT32_MAX
typedef struct ShareLinks {
    bool serving;
    int n;
    uint32_t person[SHARE_LINKS_MAX];
    char url[SHARE_LINKS_MAX][64];
} ShareLinks;

/* How phones get their pages, as the facilitator chose in the settings. */
typedef enum ShareNetwork {
    SHARE_NET_NONE, /* no network: the codes hold the texts */
    SHARE_NET_ROOM, /* the network the device is on */
    SHARE_NET_OWN,  /* Kring's own Wi-Fi, for the sharing only (NetworkManager) */
} ShareNetwork;

typedef struct FlowView {
    bool can_undo, can_redo;
    const char *problem; /* a failure in plain words, or NULL */
    const char *notice;  /* a message that waits for OK, or NULL */
    const char *said;    /* a short line for the family (what undo did), or NULL */
    bool said_undo;      /* ... with an undo button beside it */
    PrintProgress printing;
    const char *print_words;
    char today[11]; /* "YYYY-MM-DD" */
    int64_t now;    /* seconds since 1970: when someone agrees */
    bool pin_set;
    FlowList plans;            /* the new-meeting panel: prepared plan files (after "empty") */
    FlowList meetings;         /* the continue panel */
    FlowList printers;         /* settings: 0 is "the default printer", then
                                  by name ("printer:NAME" on screen) */
    FlowList languages;        /* settings (chosen: the start language) and the language panel */
    int language_now;          /* index into languages of the one on screen */
    const char *settings_said; /* a line on the settings panel, or NULL */
    int rotation;              /* the screen's turn in degrees */
    int retention_days;        /* kept meetings are erased after this */
    int keep_margin_days;      /* ... but never before its evaluation and this */
    int cover_minutes;         /* the plan is covered after this long untouched; 0 never */
    int screen_tenths;       /* the screen's diagonal as set, in tenths of an inch; 0: as it says */
    const char *kept_words;  /* the start screen: what is kept, until when (no names) */
    const ShareLinks *links; /* the phones' pages, or NULL when none are served */
    int share_network;       /* ShareNetwork */
    const char *share_said;  /* why phones get no pages now (a translated line), or NULL */
    const char *wifi_join;   /* the code that joins Kring's own Wi-Fi, or NULL */
    const char *wifi_name;   /* ... and its name, to say beside it */
    const char *wifi_password; /* ... and its password, for a phone that cannot scan */
} FlowView;

#endif
