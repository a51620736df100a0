/* image: writing screen pixels to PNG files (with cairo).
 * Used for screenshots; knows nothing of SDL. */
#ifndef KRING_IMAGE_H
#define KRING_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* Writes w×h pixels, each a native-endian 32-bit 0x??RRGGBB word, rows
 * `pitch` bytes apart, as an opaque PNG. 0 on success, else -1 and a
 * reason in err. */
int image_write_png(const char *path, const uint32_t *pixels, int w, int h, int pitch, char *err,
                    size_t errlen);

#endif
