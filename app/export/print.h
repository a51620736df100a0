/* print: sending the plan to a printer through CUPS (the only module that
 * includes cups/cups.h). The PDF goes from memory to the print server, so
 * no copy of the plan is left in a file. Every failure comes back as a
 * reason in plain words (a Dutch msgid) plus a technical detail. */
#ifndef KRING_PRINT_H
#define KRING_PRINT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum PrintState {
    PRINT_WAITING, /* queued or being printed */
    PRINT_DONE,
    PRINT_FAILED,
} PrintState;

typedef struct PrintJob {
    char printer[256];
    int id;
} PrintJob;

/* Sends pdf to printer (NULL or "": the default one), `copies` times.
 * 0 and *job on success; else -1 with *why and detail. */
int print_send(const char *printer, const unsigned char *pdf, size_t size, int copies,
               const char *title, PrintJob *job, const char **why, char *detail, size_t dlen);

/* Where the job is now; *why is set when it failed. Does not block. */
PrintState print_poll(const PrintJob *job, const char **why);

/* Cancels the job and has CUPS delete its document (the plan) from its
 * spool: a job Kring gives up on never prints after the family has left.
 * 0 when it is gone (or was already). */
int print_cancel(const PrintJob *job);

/* The printers CUPS knows (at most max names); *default_index is the
 * default one's index, or -1. Returns how many (0 without a print server). */
int print_printers(char names[][128], int max, int *default_index);

#endif
