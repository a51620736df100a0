/* qr: encoding with libqrencode, pixels for PNG. */
#include "export/qr.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "core/mem.h"
#include "export/image.h"

int qr_make(const char *payload, QrImage *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    /* Byte mode with an ECI designator 26 (UTF-8) in front when the text
     * is more than ASCII, so readers do not have to guess the encoding (a
     * guess can turn a middle dot into a Japanese character). */
    errno = 0;
    QRcode *code = NULL;
    QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
    /* A link of upper-case letters, digits and ":/." (the page links)
     * fits the alphanumeric mode: 5.5 bits a character instead of 8, so
     * the code is a size smaller and its squares larger on the screen. */
    bool alnum = payload[0] != '\0', ascii = true;
    for (const char *p = payload; *p && alnum; p++)
        alnum = strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", *p) != NULL;
    for (const char *p = payload; *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    if (in && alnum) {
        if (QRinput_append(in, QR_MODE_AN, (int)strlen(payload), (const unsigned char *)payload) ==
            0)
            code = QRcode_encodeInput(in);
    } else if (in && (ascii || QRinput_appendECIheader(in, 26) == 0) &&
               QRinput_append(in, QR_MODE_8, (int)strlen(payload),
                              (const unsigned char *)payload) == 0) {
        /* (plain ASCII, a Wi-Fi code: read the same in any encoding, and
         * without the mark the code is a size smaller) */
        code = QRcode_encodeInput(in);
    }
    int saved = errno;
    QRinput_free(in);
    errno = saved;
    if (!code) {
        snprintf(err, errlen,
                 errno == ERANGE ? "too long for a QR code (%zu bytes)"
                                 : "the QR code could not be made (%zu bytes)",
                 strlen(payload));
        return -1;
    }
    out->width = code->width;
    out->dark = mem_alloc((size_t)code->width * (size_t)code->width);
    if (!out->dark) {
        QRcode_free(code);
        snprintf(err, errlen, "not enough memory for the QR code");
        return -1;
    }
    for (int i = 0; i < code->width * code->width; i++)
        out->dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return 0;
}

void qr_free(QrImage *q)
{
    free(q->dark);
    memset(q, 0, sizeof *q);
}

int qr_write_png(const QrImage *q, const char *path, int module_px, char *err, size_t errlen)
{
    int side = (q->width + 2 * QR_QUIET) * module_px;
    uint32_t *px = mem_alloc((size_t)side * (size_t)side * 4);
    if (!px) {
        snprintf(err, errlen, "%s: not enough memory for the picture", path);
        return -1;
    }
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++) {
            int mx = x / module_px - QR_QUIET, my = y / module_px - QR_QUIET;
            bool dark =
                mx >= 0 && my >= 0 && mx < q->width && my < q->width && q->dark[my * q->width + mx];
            px[(size_t)y * (size_t)side + (size_t)x] = dark ? 0x000000 : 0xFFFFFF;
        }
    int rc = image_write_png(path, px, side, side, side * 4, err, errlen);
    free(px);
    return rc;
}
