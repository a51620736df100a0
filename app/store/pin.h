/* pin: the facilitator's PIN, kept in the store as a salted, slow hash
 * (libsodium's crypto_pwhash, Argon2id), never as the digits themselves.
 *
 * Wrong PINs cost time: the first three are free, each one after that
 * makes the next try wait twice as long (5 s, 10 s, 20 s ...), and after
 * ten in a row the PIN is locked until the facilitator lifts the lockout
 * from the device's console (kring --unlock-pin; README). Failures and
 * waits are stored, so a restart does not reset them. */
#ifndef KRING_PIN_H
#define KRING_PIN_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum { PIN_MIN_DIGITS = 6, PIN_MAX_DIGITS = 16, PIN_FREE_TRIES = 3, PIN_LOCK_AFTER = 10 };

typedef enum PinResult {
    PIN_OK,      /* right; the count of failures starts again */
    PIN_WRONG,   /* wrong; *wait_ms says how long before the next try */
    PIN_WAIT,    /* too soon after a wrong one: not tried, *wait_ms left */
    PIN_LOCKED,  /* too many wrong ones: only kring --unlock-pin helps */
    PIN_NOT_SET, /* no PIN yet (first start) */
    PIN_FAILED,  /* could not read or store (store_message says why) */
} PinResult;

typedef enum PinRule {
    PIN_FINE,
    PIN_TOO_SHORT,  /* fewer than PIN_MIN_DIGITS */
    PIN_TOO_LONG,   /* more than PIN_MAX_DIGITS */
    PIN_NOT_DIGITS, /* anything but 0-9 */
    PIN_TOO_SIMPLE, /* one digit repeated, or a run such as 123456 */
} PinRule;

/* Whether pin may become the PIN. */
PinRule pin_rule(const char *pin);

bool pin_is_set(Store *st);

/* Sets (or changes) the PIN, starting the failures afresh. PIN_OK, or
 * PIN_FAILED with *rule saying what is wrong with it (PIN_FINE when the
 * store failed). */
PinResult pin_set(Store *st, const char *pin, PinRule *rule);

/* Tries pin at now_ms (milliseconds since 1970). *wait_ms (may be NULL)
 * gets how long the next try must wait. */
PinResult pin_check(Store *st, const char *pin, int64_t now_ms, int64_t *wait_ms);

/* How long before a try is taken, at now_ms; 0 when it may be now. */
int64_t pin_wait(Store *st, int64_t now_ms);

/* Failures in a row since the last right PIN. */
int pin_failures(Store *st);

/* Lifts a lockout and the waiting; the PIN stays what it was. */
PinResult pin_unlock(Store *st);

/* The key that kept meetings are wrapped with, from a PIN already checked
 * (or just set): Argon2id over the PIN with this device's own salt (not
 * the hash's), 32 bytes into out (STORE_KEK_BYTES). PIN_OK or PIN_FAILED. */
PinResult pin_key(Store *st, const char *pin, unsigned char *out);

#endif
