/* pin: the facilitator's PIN, kept in the store as a salted, slow hash
 * (libsodium's crypto_pwhash, Argon2id), never as the digits themselves.
 *
 * Wrong PINs cost time: the first three are free, each one after that
 * makes the next try wait twice as long (5 s, 10 s, 20 s ...) up to five
 * minutes, and it stays five minutes however many follow: guessing takes
 * years (PRIVACY.md), and nobody at the table can lock the facilitator
 * out. Failures and waits are stored, so a restart does not reset them;
 * kring --unlock-pin lifts the waiting at the device's console.
 *
 * A recovery code of 20 digits, shown once when a PIN is chosen and kept
 * on paper, lets the facilitator choose a new PIN on the device itself:
 * it opens the kept meetings' key (wrapped with a key from the code), so
 * nothing kept is lost. It costs the same waits as the PIN, counted apart. */
#ifndef KRING_PIN_H
#define KRING_PIN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/pinrule.h"
#include "store/store.h"

enum {
    PIN_FREE_TRIES = 3,
    PIN_RECOVERY_DIGITS = 20,
};
#define PIN_WAIT_MAX_MS 300000LL /* the longest wait: five minutes */

typedef enum PinResult {
    PIN_OK,      /* right; the count of failures starts again */
    PIN_WRONG,   /* wrong; *wait_ms says how long before the next try */
    PIN_WAIT,    /* too soon after a wrong one: not tried, *wait_ms left */
    PIN_NOT_SET, /* no PIN yet (first start) */
    PIN_FAILED,  /* could not read or store (store_message says why) */
} PinResult;

bool pin_is_set(Store *st);

/* Sets (or changes) the PIN, starting the failures afresh. PIN_OK, or
 * PIN_FAILED with *rule saying what is wrong with it (PIN_FINE when the
 * store failed). */
PinResult pin_set(Store *st, const char *pin, PinRule *rule);
/* The same, and every kept meeting's key wrapped again from old_kek to
 * new_kek (the new PIN's, pin_key), in one transaction with the new hash:
 * a crash leaves the old PIN and keys, or the new ones, never a mix. */
PinResult pin_change(Store *st, const char *pin, const unsigned char *old_kek,
                     const unsigned char *new_kek, PinRule *rule);

/* Tries pin at now_ms (milliseconds since 1970). *wait_ms (may be NULL)
 * gets how long the next try must wait. */
PinResult pin_check(Store *st, const char *pin, int64_t now_ms, int64_t *wait_ms);

/* How long before a try is taken, at now_ms; 0 when it may be now. */
int64_t pin_wait(Store *st, int64_t now_ms);

/* Failures in a row since the last right PIN. */
int pin_failures(Store *st);

/* Lifts the waiting; the PIN stays what it was. */
PinResult pin_unlock(Store *st);

/* The key that kept meetings are wrapped with, from a PIN already checked
 * (or just set): Argon2id over the PIN with this device's own salt (not
 * the hash's), 32 bytes into out (STORE_KEK_BYTES). PIN_OK or PIN_FAILED. */
PinResult pin_key(Store *st, const char *pin, unsigned char *out);

/* A new recovery code for the PIN just set, whose kept meetings' key is
 * kek: 20 random digits (or, for tests, the 20 digits of `chosen`) into
 * code, and kek wrapped with a key from them stored (the one before is
 * gone). PIN_OK or PIN_FAILED. */
PinResult pin_new_recovery(Store *st, const unsigned char *kek, const char *chosen,
                           char code[PIN_RECOVERY_DIGITS + 1]);

/* Tries a recovery code at now_ms, with waits as for the PIN (counted
 * apart). PIN_OK puts the kept meetings' key into kek_out. */
PinResult pin_recover(Store *st, const char *code, int64_t now_ms, int64_t *wait_ms,
                      unsigned char *kek_out);

#endif
