/* drm: finding the card with a connected screen (libdrm). */
#include "platform/drm.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include <xf86drm.h>
#include <xf86drmMode.h>

static bool has_screen(int fd)
{
    drmModeRes *res = drmModeGetResources(fd);
    if (!res) return false; /* a render-only card (v3d) has no mode resources */
    bool found = false;
    for (int i = 0; i < res->count_connectors && !found; i++) {
        drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
        if (c) {
            found = c->connection == DRM_MODE_CONNECTED && c->count_modes > 0;
            drmModeFreeConnector(c);
        }
    }
    drmModeFreeResources(res);
    return found;
}

int drm_pick_card(const char *dir)
{
    for (int n = 0; n < 16; n++) {
        char path[512];
        snprintf(path, sizeof path, "%s/card%d", dir, n);
        int fd = open(path, O_RDWR | O_CLOEXEC);
        if (fd < 0) continue;
        bool ok = has_screen(fd);
        close(fd);
        if (ok) return n;
    }
    return -1;
}
