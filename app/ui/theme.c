/* theme: the default, warm and calm look.
 *
 * Sector colours follow the Okabe-Ito palette (orange, sky blue, bluish
 * green, reddish purple), which stays distinguishable with the common
 * kinds of colour blindness; the strong shades keep text contrast at or
 * above 4.5:1 on the card white. */
#include "ui/theme.h"

const Theme theme_default = {
    .font_mm = {4.6f, 5.6f, 5.6f, 7.6f},
    .font_bold = {false, false, true, true},
    .pad_mm = 3.5f,
    .target_mm = 11.0f,
    .radius_mm = 2.2f,
    .bg = 0xF6F1E9FF, /* warm paper */
    .panel = 0xFFFCF7FF,
    .ink = 0x2A2630FF,
    .ink_soft = 0x5E5866FF,
    .line = 0xD9D0C3FF,
    .card = 0xFFFFFFFF,
    .accent = 0x2F6F8FFF,
    .disabled = 0xB9B2A8FF,
    .sector = {0xA85A00FF, 0x1F6F9EFF, 0x00765AFF, 0xA1487CFF},
    .sector_tint = {0xF6DDB8FF, 0xD3E8F4FF, 0xC9EADFFF, 0xF0D8E6FF},
    .section_tint = {[SECTION_GOING_WELL] = 0xFBF1D2FF, /* sun */
                     [SECTION_CONCERNS] = 0xE8EBF0FF,   /* cloud */
                     [SECTION_CONDITIONS] = 0xF9E6D3FF, /* the barrier's orange */
                     [SECTION_STRENGTHS] = 0xE5F1DEFF,  /* leaf */
                     [SECTION_DREAM] = 0xEFE6F5FF,      /* rainbow's lilac */
                     [SECTION_HELP] = 0xF0EAE1FF,       /* the briefcase */
                     [SECTION_SAFETY] = 0xF9E4E1FF},    /* the ring buoy */
    .about_tint = 0xE6EFF3FF,
    .voice_tint = 0xFCEEDAFF,
    .present = 0x27773AFF, /* 4.5:1 and more on every paper (tested) */
    .warn = 0xA1301EFF,
    .warn_tint = 0xFBEBD0FF,
    .mark = 0xD98A1CFF,
    .done_tint = 0xE6F3E8FF,
    .problem = 0x8A1F11FF,
    .dim = 0x2A263080,
};
