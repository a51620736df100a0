/* pin: the facilitator's PIN as an Argon2id hash, with growing waits, and
 * its recovery code. */
#include "store/pin.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

/* Argon2id with 32 MiB and three passes: the same cost as the key made
 * from the PIN (KEK_*), so the hash is no cheaper way to guess the PIN
 * from a copy of the card than the kept meetings' key itself (PRIVACY.md
 * gives the time measured). A hash stored with the smaller cost of an
 * earlier Kring is made again at the next right PIN. On the device the
 * waits and the lockout apply. */
#define PIN_OPS 3
#define PIN_MEM (32u * 1024u * 1024u)

static const char KEY_HASH[] = "pin.hash";
static const char KEY_FAILURES[] = "pin.failures";
static const char KEY_NEXT[] = "pin.next-try";     /* ms since 1970 */
static const char KEY_RECOVERY[] = "recovery.kek"; /* salt, nonce, sealed kek (hex) */
static const char KEY_R_FAILURES[] = "recovery.failures";
static const char KEY_R_NEXT[] = "recovery.next-try";

static int64_t setting_int(Store *st, const char *key)
{
    char v[32];
    if (!store_setting(st, key, v, sizeof v)) return 0;
    return strtoll(v, NULL, 10);
}

static bool ready(void)
{
    static int state; /* 0 unknown, 1 ready, -1 failed */
    if (state == 0) state = sodium_init() >= 0 ? 1 : -1;
    return state == 1;
}

bool pin_is_set(Store *st)
{
    char hash[crypto_pwhash_STRBYTES];
    return store_setting(st, KEY_HASH, hash, sizeof hash) && hash[0];
}

/* Stores the count of failures and when the next try may come. */
static bool record_as(Store *st, const char *key_failures, const char *key_next, int failures,
                      int64_t next)
{
    char f[24], t[24];
    snprintf(f, sizeof f, "%d", failures);
    snprintf(t, sizeof t, "%" PRId64, next);
    const char *pairs[] = {key_failures, f, key_next, t};
    return store_set_settings(st, pairs, 2) == STORE_OK;
}

static bool record(Store *st, int failures, int64_t next)
{
    return record_as(st, KEY_FAILURES, KEY_NEXT, failures, next);
}

PinResult pin_set(Store *st, const char *pin, PinRule *rule)
{
    return pin_change(st, pin, NULL, NULL, rule);
}

PinResult pin_change(Store *st, const char *pin, const unsigned char *old_kek,
                     const unsigned char *new_kek, PinRule *rule)
{
    PinRule why = pin_rule(pin);
    if (rule) *rule = why;
    if (why != PIN_FINE || !ready()) return PIN_FAILED;
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin, strlen(pin), PIN_OPS, PIN_MEM) != 0)
        return PIN_FAILED; /* out of memory */
    const char *pairs[] = {KEY_HASH, hash, KEY_FAILURES, "0", KEY_NEXT, "0"};
    /* the kept meetings' keys and the new hash: one transaction */
    StoreStatus done = old_kek && new_kek ? store_rekey_kept(st, old_kek, new_kek, pairs, 3)
                                          : store_set_settings(st, pairs, 3);
    sodium_memzero(hash, sizeof hash);
    return done == STORE_OK ? PIN_OK : PIN_FAILED;
}

int pin_failures(Store *st)
{
    return (int)setting_int(st, KEY_FAILURES);
}

int64_t pin_wait(Store *st, int64_t now_ms)
{
    int64_t next = setting_int(st, KEY_NEXT);
    return next > now_ms ? next - now_ms : 0;
}

/* The wait after the given number of failures in a row: none for the
 * first ones, then 5 s doubling, never more than five minutes. */
static int64_t wait_after(int failures)
{
    if (failures < PIN_FREE_TRIES) return 0;
    int doublings = failures - PIN_FREE_TRIES;
    int64_t w = 5000LL << (doublings > 10 ? 10 : doublings);
    return w < PIN_WAIT_MAX_MS ? w : PIN_WAIT_MAX_MS;
}

PinResult pin_check(Store *st, const char *pin, int64_t now_ms, int64_t *wait_ms)
{
    if (wait_ms) *wait_ms = 0;
    char hash[crypto_pwhash_STRBYTES];
    if (!store_setting(st, KEY_HASH, hash, sizeof hash) || !hash[0]) return PIN_NOT_SET;
    int failures = pin_failures(st);
    int64_t left = pin_wait(st, now_ms);
    if (left > 0) {
        if (wait_ms) *wait_ms = left;
        return PIN_WAIT;
    }
    if (!ready()) return PIN_FAILED;
    if (crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0) {
        if (failures > 0 && !record(st, 0, 0)) return PIN_FAILED;
        if (crypto_pwhash_str_needs_rehash(hash, PIN_OPS, PIN_MEM) !=
            0) { /* an older, cheaper hash */
            char fresh[crypto_pwhash_STRBYTES];
            if (crypto_pwhash_str(fresh, pin, strlen(pin), PIN_OPS, PIN_MEM) == 0) {
                const char *pairs[] = {KEY_HASH, fresh};
                if (store_set_settings(st, pairs, 1) != STORE_OK)
                    fprintf(stderr, "kring: the PIN's hash could not be renewed\n");
            }
            sodium_memzero(fresh, sizeof fresh);
        }
        return PIN_OK;
    }
    failures++;
    int64_t wait = wait_after(failures);
    /* the failure is stored before it is told, so pulling the plug does
     * not buy a free try */
    if (!record(st, failures, now_ms + wait)) return PIN_FAILED;
    if (wait_ms) *wait_ms = wait;
    return PIN_WRONG;
}

PinResult pin_unlock(Store *st)
{
    return record(st, 0, 0) && record_as(st, KEY_R_FAILURES, KEY_R_NEXT, 0, 0) ? PIN_OK
                                                                               : PIN_FAILED;
}

/* The kept meetings' key: Argon2id with 32 MiB and three passes (a guess
 * costs an attacker with the card that much memory and time), over the
 * PIN with a salt of its own. */
#define KEK_OPS 3
#define KEK_MEM (32u * 1024u * 1024u)
static const char KEY_SALT[] = "kek.salt";

PinResult pin_key(Store *st, const char *pin, unsigned char *out)
{
    if (!ready()) return PIN_FAILED;
    unsigned char salt[crypto_pwhash_SALTBYTES];
    char hex[2 * crypto_pwhash_SALTBYTES + 1];
    size_t got = 0;
    if (!store_setting(st, KEY_SALT, hex, sizeof hex) ||
        sodium_hex2bin(salt, sizeof salt, hex, strlen(hex), NULL, &got, NULL) != 0 ||
        got != sizeof salt) {
        randombytes_buf(salt, sizeof salt);
        sodium_bin2hex(hex, sizeof hex, salt, sizeof salt);
        const char *pairs[2] = {KEY_SALT, hex};
        if (store_set_settings(st, pairs, 1) != STORE_OK) return PIN_FAILED;
    }
    if (crypto_pwhash(out, STORE_KEK_BYTES, pin, strlen(pin), salt, KEK_OPS, KEK_MEM,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return PIN_FAILED;
    return PIN_OK;
}

/* ---- the recovery code ---- */

/* The key from a recovery code and its salt (Argon2id, as the PIN's). */
static bool recovery_key(const char *code, const unsigned char *salt, unsigned char *key)
{
    return crypto_pwhash(key, crypto_secretbox_KEYBYTES, code, strlen(code), salt, KEK_OPS, KEK_MEM,
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

enum {
    R_SALT = crypto_pwhash_SALTBYTES,
    R_NONCE = crypto_secretbox_NONCEBYTES,
    R_SEALED = STORE_KEK_BYTES + crypto_secretbox_MACBYTES,
    R_ALL = R_SALT + R_NONCE + R_SEALED,
};

PinResult pin_new_recovery(Store *st, const unsigned char *kek, const char *chosen,
                           char code[PIN_RECOVERY_DIGITS + 1])
{
    if (!ready()) return PIN_FAILED;
    bool given = chosen && strlen(chosen) == PIN_RECOVERY_DIGITS &&
                 strspn(chosen, "0123456789") == PIN_RECOVERY_DIGITS;
    for (int i = 0; i < PIN_RECOVERY_DIGITS; i++) /* uniform digits */
        code[i] = given ? chosen[i] : (char)('0' + randombytes_uniform(10));
    code[PIN_RECOVERY_DIGITS] = '\0';
    unsigned char blob[R_ALL], key[crypto_secretbox_KEYBYTES];
    randombytes_buf(blob, R_SALT + R_NONCE);
    bool ok = recovery_key(code, blob, key) &&
              crypto_secretbox_easy(blob + R_SALT + R_NONCE, kek, STORE_KEK_BYTES, blob + R_SALT,
                                    key) == 0;
    sodium_memzero(key, sizeof key);
    char hex[2 * R_ALL + 1];
    sodium_bin2hex(hex, sizeof hex, blob, sizeof blob);
    const char *pairs[] = {KEY_RECOVERY, hex, KEY_R_FAILURES, "0", KEY_R_NEXT, "0"};
    ok = ok && store_set_settings(st, pairs, 3) == STORE_OK;
    if (!ok) sodium_memzero(code, PIN_RECOVERY_DIGITS + 1);
    return ok ? PIN_OK : PIN_FAILED;
}

PinResult pin_recover(Store *st, const char *code, int64_t now_ms, int64_t *wait_ms,
                      unsigned char *kek_out)
{
    if (wait_ms) *wait_ms = 0;
    char hex[2 * R_ALL + 1];
    unsigned char blob[R_ALL];
    size_t got = 0;
    if (!store_setting(st, KEY_RECOVERY, hex, sizeof hex) ||
        sodium_hex2bin(blob, sizeof blob, hex, strlen(hex), NULL, &got, NULL) != 0 ||
        got != sizeof blob)
        return PIN_NOT_SET;
    int failures = (int)setting_int(st, KEY_R_FAILURES);
    int64_t next = setting_int(st, KEY_R_NEXT);
    if (next > now_ms) {
        if (wait_ms) *wait_ms = next - now_ms;
        return PIN_WAIT;
    }
    if (!ready()) return PIN_FAILED;
    unsigned char key[crypto_secretbox_KEYBYTES];
    bool right = strlen(code) == PIN_RECOVERY_DIGITS && recovery_key(code, blob, key) &&
                 crypto_secretbox_open_easy(kek_out, blob + R_SALT + R_NONCE, R_SEALED,
                                            blob + R_SALT, key) == 0;
    sodium_memzero(key, sizeof key);
    if (right)
        return failures > 0 && !record_as(st, KEY_R_FAILURES, KEY_R_NEXT, 0, 0) ? PIN_FAILED
                                                                                : PIN_OK;
    failures++;
    int64_t wait = wait_after(failures);
    if (!record_as(st, KEY_R_FAILURES, KEY_R_NEXT, failures, now_ms + wait)) return PIN_FAILED;
    if (wait_ms) *wait_ms = wait;
    return PIN_WRONG;
}
