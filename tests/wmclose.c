/* wmclose: does to Kring's window what a window manager's close button
 * does: waits (up to SECONDS) for a window named NAME to show on the X
 * display in $DISPLAY, and sends it WM_DELETE_WINDOW.
 *
 *   wmclose NAME [SECONDS [TIMES]]
 *
 * As someone who clicks again when nothing happens, it sends it TIMES
 * times (default 1), half a second apart, until the window is gone.
 * Exit 0 when it was sent, 1 when no such window came. */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The first window under w (w itself too) whose name is name and which
 * shows (a window manager's close button is on a window one sees), or None. */
static Window named(Display *d, Window w, const char *name)
{
    char *have = NULL;
    if (XFetchName(d, w, &have) && have) {
        int same = !strcmp(have, name);
        XFree(have);
        XWindowAttributes a;
        if (same && XGetWindowAttributes(d, w, &a) && a.map_state == IsViewable) return w;
    }
    Window root, parent, *kids = NULL;
    unsigned n = 0;
    Window found = None;
    if (XQueryTree(d, w, &root, &parent, &kids, &n))
        for (unsigned i = 0; i < n && found == None; i++)
            found = named(d, kids[i], name);
    if (kids) XFree(kids);
    return found;
}

static int ignore(Display *d, XErrorEvent *e)
{
    (void)d, (void)e; /* the window went while we looked at it */
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: wmclose NAME [SECONDS]\n");
        return 2;
    }
    int seconds = argc > 2 ? atoi(argv[2]) : 10, times = argc > 3 ? atoi(argv[3]) : 1;
    XSetErrorHandler(ignore);
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "wmclose: no X display\n");
        return 1;
    }
    Window w = None;
    for (int tries = 0; tries < seconds * 20 && w == None; tries++) {
        w = named(d, DefaultRootWindow(d), argv[1]);
        if (w == None) nanosleep(&(struct timespec){0, 50000000}, NULL);
    }
    if (w == None) {
        fprintf(stderr, "wmclose: no window named %s\n", argv[1]);
        XCloseDisplay(d);
        return 1;
    }
    for (int k = 0; k < times && w != None; k++) {
        if (k) {
            nanosleep(&(struct timespec){0, 500000000}, NULL);
            if ((w = named(d, DefaultRootWindow(d), argv[1])) == None) break;
        }
        if (getenv("WMCLOSE_VERBOSE")) fprintf(stderr, "wmclose: 0x%lx\n", (unsigned long)w);
        XEvent e = {0};
        e.xclient.type = ClientMessage;
        e.xclient.window = w;
        e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
        e.xclient.format = 32;
        e.xclient.data.l[0] = (long)XInternAtom(d, "WM_DELETE_WINDOW", False);
        e.xclient.data.l[1] = CurrentTime;
        XSendEvent(d, w, False, NoEventMask, &e);
        XSync(d, False);
    }
    XCloseDisplay(d);
    return 0;
}
