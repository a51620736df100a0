/* image: PNG through cairo's image surfaces. */
#include "export/image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

int image_write_png(const char *path, const uint32_t *pixels, int w, int h, int pitch, char *err,
                    size_t errlen)
{
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    unsigned char *copy = NULL;
    const unsigned char *data = (const unsigned char *)pixels;
    if (stride != pitch) {
        copy = malloc((size_t)stride * (size_t)h);
        if (!copy) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        for (int y = 0; y < h; y++)
            memcpy(copy + (size_t)y * (size_t)stride, data + (size_t)y * (size_t)pitch,
                   (size_t)w * 4);
        data = copy;
    }
    cairo_surface_t *s = cairo_image_surface_create_for_data((unsigned char *)data,
                                                             CAIRO_FORMAT_RGB24, w, h, stride);
    cairo_status_t st = cairo_surface_write_to_png(s, path);
    cairo_surface_destroy(s);
    free(copy);
    if (st != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errlen, "%s: %s", path, cairo_status_to_string(st));
        return -1;
    }
    return 0;
}
