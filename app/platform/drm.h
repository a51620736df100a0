/* drm: which DRM card drives the screen on the console.
 *
 * SDL's kmsdrm driver opens /dev/dri/card0 unless SDL_KMSDRM_DEVICE_INDEX
 * says otherwise. On Raspberry Pi 4/5 boards card0 is often the 3D engine
 * (v3d), which has no display connectors, and the display controller
 * (vc4) is card1: SDL then finds "no displays". Kring looks for the first
 * card with a connected screen and tells SDL. */
#ifndef KRING_DRM_H
#define KRING_DRM_H

/* The index N of the first /dev/dri/cardN (under dir, normally "/dev/dri")
 * with a connected connector, or -1 when there is none. */
int drm_pick_card(const char *dir);

#endif
