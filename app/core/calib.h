/* calib: touch calibration for a panel whose touches do not line up with
 * its picture, as a 2x3 matrix on normalised coordinates (0..1), the
 * same form libinput's LIBINPUT_CALIBRATION_MATRIX uses:
 *     x' = a*x + b*y + c      y' = d*x + e*y + f
 * Plain C. */
#ifndef KRING_CALIB_H
#define KRING_CALIB_H

#include <stdbool.h>

typedef struct Calib {
    float m[6];
} Calib;

/* The matrix that changes nothing. */
Calib calib_identity(void);

/* Parses "a b c d e f" (six numbers, spaces or commas between). False,
 * with *out untouched, when the text is not six finite numbers or the
 * matrix cannot be undone (it would fold the screen onto a line). */
bool calib_parse(const char *text, Calib *out);

void calib_apply(const Calib *c, float x, float y, float *ox, float *oy);

/* The matrix that undoes c (for the script player, which aims at the
 * picture and must touch where the panel reports it). */
Calib calib_inverse(const Calib *c);

#endif
