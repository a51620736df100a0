/* mem: Kring's allocator, and reading a whole file.
 *
 * Allocation may fail. Every function that allocates returns NULL (or a
 * status) when memory is short and leaves what it was given as it was;
 * its caller gives up that one thing — an edit, a frame's text, a code —
 * and says so in plain words. Kring never aborts for memory: a kiosk
 * that restarts in front of a family loses their trust even when it
 * loses no data.
 *
 * Every allocation of Kring's own, of SQLite and of jansson passes one
 * counter, so the reliability tests can fail the N-th of them (the way
 * SQLite and curl test themselves). */
#ifndef KRING_MEM_H
#define KRING_MEM_H

#include <stdbool.h>
#include <stddef.h>

/* realloc that may fail: NULL when memory is short, p then untouched.
 * A size of 0 gives a 1-byte block, never NULL for success. */
void *mem_realloc(void *p, size_t size);
void *mem_alloc(size_t size);
void *mem_calloc(size_t n, size_t size); /* zeroed; NULL on overflow */
char *mem_strdup(const char *s);         /* NULL s gives "" */
char *mem_strndup(const char *s, size_t n);

/* Makes room for at least need bytes in the growing buffer *buf of *cap
 * bytes (doubling, from first): false when memory is short, the buffer
 * then as it was. */
bool mem_reserve(char **buf, size_t *cap, size_t need, size_t first);

/* Counts one allocation for the counter; true when it is to fail. For
 * allocators of other libraries (SQLite, jansson) that pass the counter. */
bool mem_fail_now(void);

/* Fault injection, for tests: the n-th counted allocation from now fails
 * (and, when persist, every one after it); 0 turns failing off. */
void mem_fail_at(long n, bool persist);
long mem_count(void);  /* allocations counted so far */
long mem_failed(void); /* allocations that failed so far, made to or not */

/* Reads the whole file at path into a new NUL-terminated buffer (caller
 * frees) and its length into *n. Files larger than max bytes are refused.
 * NULL with "PATH: reason" in err on failure. */
char *file_read_all(const char *path, size_t max, size_t *n, char *err, size_t errlen);

#endif
