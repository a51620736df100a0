/* pinrule: which PINs may become the facilitator's PIN. */
#include "core/pinrule.h"

#include <stdbool.h>
#include <string.h>

#include "core/i18n.h"

/* True when pin is its first `period` digits over and over. */
static bool repeats(const char *pin, size_t n, size_t period)
{
    for (size_t i = period; i < n; i++)
        if (pin[i] != pin[i - period]) return false;
    return true;
}

/* True when each digit comes twice (or three times) in a row, and the
 * digits so doubled run up or down by one: 112233, 998877, 111222. */
static bool doubled_run(const char *pin, size_t n)
{
    for (size_t k = 2; k <= 3; k++) {
        if (n % k) continue;
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++)
            ok = pin[i] == pin[i - i % k];
        for (size_t i = k; i < n && ok; i += k)
            ok = pin[i] == pin[i - k] + 1 || pin[i] == pin[i - k] - 1;
        if (ok) return true;
    }
    return false;
}

PinRule pin_rule(const char *pin)
{
    size_t n = strlen(pin);
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') return PIN_NOT_DIGITS;
    if (n < PIN_MIN_DIGITS) return PIN_TOO_SHORT;
    if (n > PIN_MAX_DIGITS) return PIN_TOO_LONG;
    bool up = true, down = true;
    for (size_t i = 1; i < n; i++) {
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
    }
    if (up || down || doubled_run(pin, n)) return PIN_TOO_SIMPLE;
    for (size_t period = 1; period <= 3; period++) /* 111111, 121212, 123123 */
        if (repeats(pin, n, period)) return PIN_TOO_SIMPLE;
    return PIN_FINE;
}

const char *pin_rule_words(PinRule r)
{
    switch (r) {
    case PIN_TOO_SHORT:
        return N_("Die pincode is te kort: kies 6 cijfers of meer.");
    case PIN_TOO_LONG:
        return N_("Die pincode is te lang: kies hoogstens 16 cijfers.");
    case PIN_NOT_DIGITS:
        return N_("Een pincode heeft alleen cijfers.");
    case PIN_TOO_SIMPLE:
        return N_("Die pincode is te makkelijk te raden. Kies een andere.");
    case PIN_FINE:
        break;
    }
    return N_("De pincode kon niet worden bewaard. Probeer het nog eens.");
}
