/* paths: environment lookups and mkdir -p. */
#include "platform/paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#ifndef KRING_DATA_DIR
#define KRING_DATA_DIR "."
#endif

void paths_default_db(char *out, size_t n)
{
    const char *env = getenv("KRING_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (env && env[0])
        snprintf(out, n, "%s", env);
    else if (xdg && xdg[0])
        snprintf(out, n, "%s/kring/kring.db", xdg);
    else
        snprintf(out, n, "%s/.local/share/kring/kring.db", home && home[0] ? home : ".");
}

const char *paths_data_dir(void)
{
    const char *env = getenv("KRING_DATA_DIR");
    return env && env[0] ? env : KRING_DATA_DIR;
}

void paths_fonts_dir(char *out, size_t n)
{
    snprintf(out, n, "%s/fonts", paths_data_dir());
}

void paths_beside_program(const char *name, char *out, size_t n)
{
    char self[4096];
    ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
    if (k <= 0) {
        snprintf(out, n, "%s", name); /* then found by nobody: it says so */
        return;
    }
    self[k] = '\0';
    char *slash = strrchr(self, '/');
    if (slash) *slash = '\0';
    snprintf(out, n, "%s/%s", self, name);
}

int paths_make_parent(const char *file)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) return 0;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) return -1;
    return 0;
}
