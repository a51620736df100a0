/* pinrule: which PINs may become the facilitator's PIN, and the words
 * that say why one may not. Pure: the PIN pad refuses a weak PIN the
 * first time it is typed, the store refuses it again before keeping it. */
#ifndef KRING_PINRULE_H
#define KRING_PINRULE_H

enum {
    PIN_MIN_DIGITS = 6,
    PIN_MAX_DIGITS = 16,
};

typedef enum PinRule {
    PIN_FINE,
    PIN_TOO_SHORT,  /* fewer than PIN_MIN_DIGITS */
    PIN_TOO_LONG,   /* more than PIN_MAX_DIGITS */
    PIN_NOT_DIGITS, /* anything but 0-9 */
    PIN_TOO_SIMPLE, /* guessed first: a digit repeated, a run (123456, 987654), a short
                       pattern again and again (121212, 123123, 112233) */
} PinRule;

/* Whether pin may become the PIN. */
PinRule pin_rule(const char *pin);

/* What a refused new PIN is told, in Dutch (to translate); for PIN_FINE,
 * that it could not be kept. */
const char *pin_rule_words(PinRule r);

#endif
