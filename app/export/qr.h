/* qr: QR codes (libqrencode; the only module that includes it). Byte mode
 * marked as UTF-8 (ECI 26) when it is more than ASCII, alphanumeric mode
 * for links in capitals, error correction M, the smallest version that
 * holds the payload. */
#ifndef KRING_QR_H
#define KRING_QR_H

#include <stddef.h>

typedef struct QrImage {
    int width;           /* modules on a side */
    unsigned char *dark; /* width*width, 1 for a dark module */
} QrImage;

enum { QR_QUIET = 4 }; /* the standard quiet zone, in modules */

/* 0 on success; -1 with a reason when the payload does not fit a code. */
int qr_make(const char *payload, QrImage *out, char *err, size_t errlen);
void qr_free(QrImage *q);

/* Writes the code as a PNG: whole modules of module_px pixels, black on
 * white, with the quiet zone. */
int qr_write_png(const QrImage *q, const char *path, int module_px, char *err, size_t errlen);

#endif
