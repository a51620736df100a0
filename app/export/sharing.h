/* sharing: the plan's pages for phones, served while the share step is
 * open by a separate process (kring-serve, app/serve) that holds only
 * these pages and can open no file.
 *
 * Each person (but those the family switched off) gets a page at a link
 * of their own with 130 random bits in it, new for each sharing, with
 * their calendar file beside it; the whole plan has a page too, with the
 * PDF when the family chose to share it. No SDL. */
#ifndef KRING_SHARING_H
#define KRING_SHARING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/i18n.h"
#include "core/plan.h"

enum { SHARING_TOKEN_LEN = 26 }; /* base32: 130 bits */
/* sharing_link's "person" of the evaluation's page (and calendar file),
 * which everyone may take while the evaluation has a date */
#define SHARING_EVALUATION UINT32_MAX

typedef struct SharingChoice {
    const uint32_t *hidden; /* people the family switched off: no page at all */
    int n_hidden;
    bool whole_plan; /* the whole plan's page and PDF */
    bool safety;     /* plan B on each person's page */
} SharingChoice;

typedef struct Sharing Sharing;

/* Starts serving on address:port (port 0: any free one). fonts_dir is
 * for the PDF, serve_bin the server program, now (seconds since 1970)
 * the calendar files' stamp. `before` (or NULL) is the sharing this one
 * follows in the same share step: each person keeps their link, so the
 * codes phones scanned still open (a person switched off loses theirs).
 * NULL with a reason in err (for the log, without the family's words)
 * when it cannot. */
Sharing *sharing_start(const Plan *plan, const Catalog *cat, const char *fonts_dir,
                       const SharingChoice *choice, const char *serve_bin, const char *address,
                       int port, const Sharing *before, int64_t now, char *err, size_t errlen);

/* The link of a person's page ("HTTP://10.42.0.1:8080/P/ABC…/"), of the
 * whole plan's with person 0, or of the evaluation's with
 * SHARING_EVALUATION; false when there is none. */
bool sharing_link(const Sharing *s, uint32_t person, char *out, size_t n);
int sharing_port(const Sharing *s);
/* The server's process (for the benchmark's memory figure); 0: none. */
int sharing_pid(const Sharing *s);
/* False when the server has ended by itself. */
bool sharing_alive(Sharing *s);
/* Ends the server: after this no link answers, and the port is closed;
 * the links are kept for a sharing that follows (sharing_start). */
void sharing_end(Sharing *s);
/* Ends the server and forgets the links. */
void sharing_stop(Sharing *s);

#endif
