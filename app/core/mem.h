/* mem: allocation that fails fast, and reading a whole file.
 *
 * Out of memory is not an expected failure on the kiosk: x-functions
 * print one line and abort, and systemd restarts Kring. */
#ifndef KRING_MEM_H
#define KRING_MEM_H

#include <stddef.h>

void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);                 /* NULL gives "" */
char *xstrndup(const char *s, size_t n);

/* Reads the whole file at path into a new NUL-terminated buffer (caller
 * frees) and its length into *n. Files larger than max bytes are refused.
 * NULL with "PATH: reason" in err on failure. */
char *file_read_all(const char *path, size_t max, size_t *n, char *err, size_t errlen);

#endif
