/* sections: the plan's lists as the family sees them: each one's title,
 * pictogram, and the question that asks for it. One table, for the pages
 * that fill them and the review that reads them back. */
#ifndef KRING_SECTIONS_H
#define KRING_SECTIONS_H

typedef struct SectionInfo {
    int section;
    const char *title, *picto, *prompt;
} SectionInfo;

/* The lists in the order the plan reads them. */
extern const SectionInfo section_table[];
extern const int section_table_n;

/* A section's row of the table (the first for an unknown one). */
const SectionInfo *section_info(int section);

#endif
