/* sections: the plan's lists as the family sees them. */
#include "ui/screens/sections.h"

#include "core/i18n.h"
#include "core/plan.h"

const SectionInfo section_table[] = {
    {SECTION_GOING_WELL, "Wat gaat goed", "\xF0\x9F\x8C\xBB", N_("Wat gaat er goed?")}, /* 🌻 */
    {SECTION_CONCERNS, "Zorgen", "\xE2\x98\x81\xEF\xB8\x8F",
     N_("Waar maken jullie je zorgen over?")}, /* ☁️ */
    {SECTION_CONDITIONS, N_("Ondergrenzen van de verwijzer"), "\xF0\x9F\x9A\xA7",
     N_("Waar moet het plan in elk geval aan voldoen?")}, /* 🚧 */
    {SECTION_STRENGTHS, "Krachten", "\xF0\x9F\x92\xAA",
     N_("Waar is deze familie sterk in?")},                                             /* 💪 */
    {SECTION_DREAM, N_("Onze droom"), "\xF0\x9F\x8C\x88", N_("Waar hopen jullie op?")}, /* 🌈 */
    {SECTION_SAFETY, N_("Plan B: als het niet lukt"), "\xF0\x9F\x9B\x9F",
     N_("Wat doen we als een afspraak niet lukt? Wie bellen we?")}, /* 🛟 */
    {SECTION_HELP, "Hulp van professionals", "\xF0\x9F\x92\xBC",
     N_("Welke hulp vragen jullie aan professionals?")}, /* 💼 */
};

const int section_table_n = (int)(sizeof section_table / sizeof section_table[0]);

const SectionInfo *section_info(int section)
{
    for (int i = 0; i < section_table_n; i++)
        if (section_table[i].section == section) return &section_table[i];
    return &section_table[0];
}
