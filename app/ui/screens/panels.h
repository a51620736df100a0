/* panels: the facilitator's panels, one at a time over everything: a new
 * meeting (an empty plan or a prepared plan file), the meetings kept on
 * the device, the settings (screens/settings.h), the facilitator's menu,
 * "finished with family time?", "close and erase the meeting?", and the
 * language to talk in now (anyone may choose it, no PIN). The router keeps
 * which one is open; the lists come from the app's FlowView. */
#ifndef KRING_PANELS_H
#define KRING_PANELS_H

#include "core/gesture.h"
#include "ui/form.h"
#include "ui/action.h"
#include "ui/ui.h"
#include "ui/view.h"

typedef enum FlowPanel {
    PANEL_NONE,
    PANEL_NEW,      /* an empty plan, or one of the prepared plan files */
    PANEL_CONTINUE, /* the meetings kept on this device */
    PANEL_SETTINGS,
    PANEL_MENU,     /* the facilitator's menu */
    PANEL_CALLED,   /* the family called the facilitator back */
    PANEL_CLOSE,    /* closing the meeting erases it: sure? */
    PANEL_LANGUAGE, /* the language to talk in now: anyone may choose, no PIN */
} FlowPanel;

/* How far a panel taller than the screen is scrolled (the settings on
 * the 7-inch panel); it starts at the top whenever another panel opens. */
typedef struct PanelScroll {
    FlowPanel panel;
    FormScroll sc;
} PanelScroll;

void panels_draw(Ui *ui, FlowPanel panel, const FlowView *view, PanelScroll *scroll);

/* A gesture while *panel is open; *panel changes as the panel closes or
 * leads to another. */
FlowOut panels_gesture(FlowPanel *panel, const Gesture *ev, const FlowView *view,
                       PanelScroll *scroll);

#endif
