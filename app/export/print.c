/* print: CUPS destinations, jobs and their states. */
#include "export/print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cups/cups.h>

#include "core/i18n.h"

static const char *const NO_SERVICE =
    N_("De printer is niet te bereiken: de printdienst draait niet.");
static const char *const NO_PRINTER =
    N_("Er is geen printer ingesteld. Vraag de beheerder om er een te kiezen.");
static const char *const UNKNOWN = N_("Die printer is er niet (meer). Kies een andere printer.");
static const char *const STOPPED =
    N_("De printer staat stil of is uit. Zet hem aan, of vraag de beheerder.");
static const char *const FAILED = "Het printen lukte niet. Probeer het nog eens.";

int print_send(const char *printer, const unsigned char *pdf, size_t size, int copies,
               const char *title, PrintJob *job, const char **why, char *detail, size_t dlen)
{
    memset(job, 0, sizeof *job);
    detail[0] = '\0';
    cups_dest_t *dests = NULL;
    int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests);
    ipp_status_t e = cupsLastError();
    /* no server to talk to, as opposed to a server without printers */
    if (n == 0 && (e == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || e == IPP_STATUS_ERROR_INTERNAL)) {
        snprintf(detail, dlen, "%s", cupsLastErrorString());
        *why = NO_SERVICE;
        return -1;
    }
    bool named = printer && printer[0];
    cups_dest_t *dest = cupsGetDest(named ? printer : NULL, NULL, n, dests);
    if (!dest) {
        snprintf(detail, dlen, named ? "no printer called %s" : "no default printer%s",
                 named ? printer : "");
        *why = named ? UNKNOWN : NO_PRINTER;
        cupsFreeDests(n, dests);
        return -1;
    }
    int rc = -1;
    const char *state = cupsGetOption("printer-state", dest->num_options, dest->options);
    const char *accepting =
        cupsGetOption("printer-is-accepting-jobs", dest->num_options, dest->options);
    if ((state && atoi(state) == IPP_PSTATE_STOPPED) ||
        (accepting && !strcmp(accepting, "false"))) {
        snprintf(detail, dlen, "%s is stopped", dest->name);
        *why = STOPPED;
        cupsFreeDests(n, dests);
        return -1;
    }
    cups_dinfo_t *info = cupsCopyDestInfo(CUPS_HTTP_DEFAULT, dest);
    int num_options = 0;
    cups_option_t *options = NULL;
    char copies_s[16];
    snprintf(copies_s, sizeof copies_s, "%d", copies < 1 ? 1 : copies > 99 ? 99 : copies);
    num_options = cupsAddOption(CUPS_COPIES, copies_s, num_options, &options);
    int id = 0;
    if (cupsCreateDestJob(CUPS_HTTP_DEFAULT, dest, info, &id, title, num_options, options) !=
        IPP_STATUS_OK) {
        snprintf(detail, dlen, "%s", cupsLastErrorString());
        *why = FAILED;
        goto out;
    }
    if (cupsStartDestDocument(CUPS_HTTP_DEFAULT, dest, info, id, title, CUPS_FORMAT_PDF, 0, NULL,
                              1) != HTTP_STATUS_CONTINUE) {
        snprintf(detail, dlen, "%s", cupsLastErrorString());
        *why = FAILED;
        cupsCancelDestJob(CUPS_HTTP_DEFAULT, dest, id);
        goto out;
    }
    for (size_t off = 0; off < size;) {
        size_t chunk = size - off < 65536 ? size - off : 65536;
        if (cupsWriteRequestData(CUPS_HTTP_DEFAULT, (const char *)pdf + off, chunk) !=
            HTTP_STATUS_CONTINUE) {
            snprintf(detail, dlen, "%s", cupsLastErrorString());
            *why = FAILED;
            cupsFinishDestDocument(CUPS_HTTP_DEFAULT, dest, info);
            cupsCancelDestJob(CUPS_HTTP_DEFAULT, dest, id);
            goto out;
        }
        off += chunk;
    }
    if (cupsFinishDestDocument(CUPS_HTTP_DEFAULT, dest, info) != IPP_STATUS_OK) {
        snprintf(detail, dlen, "%s", cupsLastErrorString());
        *why = FAILED;
        goto out;
    }
    snprintf(job->printer, sizeof job->printer, "%s", dest->name);
    job->id = id;
    rc = 0;
out:
    cupsFreeOptions(num_options, options);
    cupsFreeDestInfo(info);
    cupsFreeDests(n, dests);
    return rc;
}

int print_cancel(const PrintJob *job)
{
    if (job->id <= 0) return 0;
    if (cupsCancelJob2(CUPS_HTTP_DEFAULT, job->printer, job->id, 1) == IPP_STATUS_OK) return 0;
    /* gone already: finished, or cancelled by someone else */
    return cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND ||
                   cupsLastError() == IPP_STATUS_ERROR_NOT_POSSIBLE
               ? 0
               : -1;
}

PrintState print_poll(const PrintJob *job, const char **why)
{
    cups_job_t *jobs = NULL;
    int n = cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, job->printer, 0, CUPS_WHICHJOBS_ALL);
    PrintState st = PRINT_WAITING;
    bool found = false;
    for (int i = 0; i < n; i++) {
        if (jobs[i].id != job->id) continue;
        found = true;
        switch (jobs[i].state) {
        case IPP_JSTATE_COMPLETED:
            st = PRINT_DONE;
            break;
        case IPP_JSTATE_CANCELED:
        case IPP_JSTATE_ABORTED:
            st = PRINT_FAILED;
            *why = FAILED;
            break;
        case IPP_JSTATE_STOPPED:
            st = PRINT_FAILED;
            *why = STOPPED;
            break;
        default:
            st = PRINT_WAITING;
            break;
        }
    }
    cupsFreeJobs(n, jobs);
    if (!found && n >= 0 && cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        *why = NO_SERVICE;
        return PRINT_FAILED;
    }
    /* A job CUPS no longer knows has finished and been forgotten at once:
     * what a print server that keeps no job history (PreserveJobHistory
     * No, as on Kring's device) does with every job it completes. */
    if (!found) return PRINT_DONE;
    return st;
}

int print_printers(char names[][128], int max, int *default_index)
{
    cups_dest_t *dests = NULL;
    int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests), k = 0;
    *default_index = -1;
    for (int i = 0; i < n && k < max; i++) {
        if (dests[i].instance) continue;
        snprintf(names[k], 128, "%s", dests[i].name);
        if (dests[i].is_default) *default_index = k;
        k++;
    }
    cupsFreeDests(n, dests);
    return k;
}
