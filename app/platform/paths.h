/* paths: where Kring keeps its database and finds its fonts and assets. */
#ifndef KRING_PATHS_H
#define KRING_PATHS_H

#include <stddef.h>

/* The default database: $KRING_DB, else $XDG_DATA_HOME/kring/kring.db,
 * else ~/.local/share/kring/kring.db. */
void paths_default_db(char *out, size_t n);

/* Folder holding fonts/ and assets/: $KRING_DATA_DIR or the built-in one. */
const char *paths_data_dir(void);

/* The fonts Kring ships: fonts/ in the data folder. */
void paths_fonts_dir(char *out, size_t n);

/* A program installed beside Kring's own (kring-serve), as a path. */
void paths_beside_program(const char *name, char *out, size_t n);

/* Creates the folder that will hold `file` (and its parents), private to
 * the user. 0 on success, else -1 with errno set. */
int paths_make_parent(const char *file);

#endif
