/* mem: allocation that may fail, counted; whole-file reads. */
#include "core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The counter is the one global state here: allocation has no context to
 * pass it through (SQLite and jansson call in without one). */
static long counted, n_failed, fail_at;
static bool fail_persist;

bool mem_fail_now(void)
{
    counted++;
    if (fail_at > 0 && (counted == fail_at || (fail_persist && counted > fail_at))) {
        n_failed++;
        return true;
    }
    return false;
}

void mem_fail_at(long n, bool persist)
{
    counted = 0;
    fail_at = n > 0 ? n : 0;
    fail_persist = persist;
}

long mem_count(void)
{
    return counted;
}
long mem_failed(void)
{
    return n_failed;
}

void *mem_realloc(void *p, size_t size)
{
    if (mem_fail_now()) return NULL;
    void *q = realloc(p, size ? size : 1);
    if (!q) n_failed++;
    return q;
}

void *mem_alloc(size_t size)
{
    return mem_realloc(NULL, size);
}

void *mem_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = mem_realloc(NULL, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

bool mem_reserve(char **buf, size_t *cap, size_t need, size_t first)
{
    if (need <= *cap) return true;
    size_t c = *cap ? *cap : first;
    while (c < need)
        c *= 2;
    char *grown = mem_realloc(*buf, c);
    if (!grown) return false;
    *buf = grown;
    *cap = c;
    return true;
}

char *mem_strndup(const char *s, size_t n)
{
    char *d = mem_realloc(NULL, n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *mem_strdup(const char *s)
{
    return s ? mem_strndup(s, strlen(s)) : mem_strndup("", 0);
}

char *file_read_all(const char *path, size_t max, size_t *n, char *err, size_t errlen)
{
    /* never blocked by what is not a file (a FIFO would wait for ever) */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        if (fd >= 0) close(fd);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "%s: not a plain file", path);
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    size_t len = 0, cap = 0;
    char *buf = NULL;
    for (;;) {
        if (len + 1 >= cap) {
            cap = cap ? cap * 2 : 8192;
            if (cap > max + 2) cap = max + 2;
            char *grown = mem_realloc(buf, cap);
            if (!grown) {
                snprintf(err, errlen, "%s: not enough memory to read it", path);
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, cap - 1 - len, f);
        len += got;
        if (len > max) {
            snprintf(err, errlen, "%s: larger than %zu bytes", path, max);
            free(buf);
            fclose(f);
            return NULL;
        }
        if (got == 0) break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        snprintf(err, errlen, "%s: could not be read", path);
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    *n = len;
    return buf;
}
