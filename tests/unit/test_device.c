/* Unit tests for what the device needs: the touch calibration matrix and
 * finding the DRM card with a screen. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/calib.h"
#include "platform/drm.h"

static bool near(float a, float b)
{
    return fabsf(a - b) < 1e-4f;
}

static void test_calib(void)
{
    Calib c = calib_identity(), d;
    float x, y;
    calib_apply(&c, 0.25f, 0.75f, &x, &y);
    CHECK(near(x, 0.25f) && near(y, 0.75f));
    /* a panel mounted mirrored, and one whose touch layer is a little off */
    CHECK(calib_parse("-1 0 1 0 1 0", &c));
    calib_apply(&c, 0.2f, 0.3f, &x, &y);
    CHECK(near(x, 0.8f) && near(y, 0.3f));
    CHECK(calib_parse("1.02, 0.01, -0.01,  0, 0.98, 0.015", &c));
    d = calib_inverse(&c);
    for (int i = 0; i < 5; i++) {
        float px = 0.1f + 0.2f * (float)i, py = 0.9f - 0.2f * (float)i, qx, qy;
        calib_apply(&c, px, py, &x, &y);
        calib_apply(&d, x, y, &qx, &qy);
        CHECK(near(qx, px) && near(qy, py));
    }
    /* refused: too few numbers, words, a flat matrix, too large, trailing text */
    const char *bad[] = {"1 0 0 0 1",     "a b c d e f",   "1 1 0 1 1 0",
                         "1e9 0 0 0 1 0", "1 0 0 0 1 0 7", "",
                         "nan 0 0 0 1 0"};
    Calib keep = calib_identity();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(!calib_parse(bad[i], &keep));
        CHECK(keep.m[0] == 1.0f && keep.m[4] == 1.0f);
    }
}

static void test_drm(void)
{
    /* a folder without cards, and one with files that are not cards */
    char dir[] = "/tmp/kring-drm-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    CHECK_INT(drm_pick_card(dir), -1);
    char path[64];
    snprintf(path, sizeof path, "%s/card0", dir);
    FILE *f = fopen(path, "w");
    if (f) fclose(f);
    CHECK_INT(drm_pick_card(dir), -1);
    unlink(path);
    rmdir(dir);
    CHECK_INT(drm_pick_card("/nonexistent"), -1);
}

int main(void)
{
    test_calib();
    test_drm();
    return check_done("device");
}
