/* Unit tests for the facilitator's PIN: what may be a PIN, the hash in
 * the store (never the digits), waits that grow, the lockout and lifting
 * it, and all of it surviving a restart. Time is passed in, so nothing
 * here sleeps. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "check.h"
#include "store/pin.h"

static char dir[] = "/tmp/kring-pin-XXXXXX";
static char path[256];

static Store *open_store(void)
{
    char err[300];
    Store *st = store_open(path, NULL, err, sizeof err);
    if (!st) fprintf(stderr, "store: %s\n", err);
    return st;
}

static void test_rules(void)
{
    CHECK_INT(pin_rule("482913"), PIN_FINE);
    CHECK_INT(pin_rule("4829131234567890"), PIN_FINE);
    CHECK_INT(pin_rule("48291"), PIN_TOO_SHORT);
    CHECK_INT(pin_rule(""), PIN_TOO_SHORT);
    CHECK_INT(pin_rule("48291312345678901"), PIN_TOO_LONG);
    CHECK_INT(pin_rule("4829 13"), PIN_NOT_DIGITS);
    CHECK_INT(pin_rule("48291a"), PIN_NOT_DIGITS);
    CHECK_INT(pin_rule("٤٨٢٩١٣٥"),
              PIN_NOT_DIGITS); /* Arabic-Indic digits are refused, not misread */
    CHECK_INT(pin_rule("000000"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("123456"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("987654"), PIN_TOO_SIMPLE);
    /* the patterns guessed first: a short one again and again, doubled runs */
    CHECK_INT(pin_rule("121212"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("123123"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("12121212"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("112233"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("998877"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("111222"), PIN_TOO_SIMPLE);
    CHECK_INT(pin_rule("121213"), PIN_FINE);
    CHECK_INT(pin_rule("112234"), PIN_FINE);
    CHECK_INT(pin_rule("275318"), PIN_FINE);
}

static void test_set_and_check(void)
{
    Store *st = open_store();
    CHECK(st != NULL);
    if (!st) return;
    CHECK(!pin_is_set(st));
    CHECK_INT(pin_check(st, "482913", 1000, NULL), PIN_NOT_SET);
    PinRule rule;
    CHECK_INT(pin_set(st, "12345", &rule), PIN_FAILED);
    CHECK_INT(rule, PIN_TOO_SHORT);
    CHECK(!pin_is_set(st));
    CHECK_INT(pin_set(st, "482913", &rule), PIN_OK);
    CHECK_INT(rule, PIN_FINE);
    CHECK(pin_is_set(st));
    char hash[256];
    CHECK(store_setting(st, "pin.hash", hash, sizeof hash));
    CHECK(strncmp(hash, "$argon2id$", 10) == 0);
    CHECK(strstr(hash, "482913") == NULL);
    int64_t wait = -1;
    CHECK_INT(pin_check(st, "482913", 1000, &wait), PIN_OK);
    CHECK_INT(wait, 0);
    /* as found: the hash cost 8 MiB and four passes, cheaper to guess from a
     * copy of the card than the kept meetings' key (32 MiB, three); now
     * the same, and an older hash is made again at the next right PIN */
    CHECK(strstr(hash, "$m=32768,t=3,") != NULL);
    char old[crypto_pwhash_STRBYTES];
    CHECK(crypto_pwhash_str(old, "482913", 6, 4, 8u << 20) == 0);
    const char *pairs[] = {"pin.hash", old};
    CHECK_INT(store_set_settings(st, pairs, 1), STORE_OK);
    CHECK_INT(pin_check(st, "482913", 2000, &wait), PIN_OK);
    CHECK(store_setting(st, "pin.hash", hash, sizeof hash));
    CHECK(strstr(hash, "$m=32768,t=3,") != NULL);
    store_close(st);
}

/* Wrong PINs: three free, then waits that double, then the lockout; a
 * right PIN in between starts the count afresh. */
static void test_waits_and_lockout(void)
{
    Store *st = open_store();
    if (!st) return;
    int64_t t = 1000000, wait = -1;
    for (int i = 1; i < PIN_FREE_TRIES; i++) {
        CHECK_INT(pin_check(st, "111111", t, &wait), PIN_WRONG);
        CHECK_INT(wait, 0);
    }
    CHECK_INT(pin_check(st, "111111", t, &wait), PIN_WRONG);
    CHECK_INT(wait, 5000);
    CHECK_INT(pin_failures(st), PIN_FREE_TRIES);
    /* too soon: not even tried, the right PIN included */
    CHECK_INT(pin_check(st, "482913", t + 4000, &wait), PIN_WAIT);
    CHECK_INT(wait, 1000);
    CHECK_INT(pin_failures(st), PIN_FREE_TRIES);
    /* after the wait, the right one works and the count starts afresh */
    CHECK_INT(pin_check(st, "482913", t + 5000, &wait), PIN_OK);
    CHECK_INT(pin_failures(st), 0);
    CHECK_INT(pin_wait(st, t + 5000), 0);

    /* forty wrong in a row, each after its wait: the waits double up to
     * five minutes and stay there; nothing ever locks (as found, ten
     * wrong PINs locked Kring until someone came with a keyboard) */
    int64_t expect = 0;
    for (int i = 1; i <= 40; i++) {
        t += expect;
        CHECK_INT(pin_check(st, "222222", t, &wait), PIN_WRONG);
        expect =
            i < PIN_FREE_TRIES ? 0 : 5000LL << (i - PIN_FREE_TRIES > 10 ? 10 : i - PIN_FREE_TRIES);
        if (expect > PIN_WAIT_MAX_MS) expect = PIN_WAIT_MAX_MS;
        CHECK_INT(wait, expect);
        CHECK(wait <= PIN_WAIT_MAX_MS);
    }
    CHECK_INT(wait, PIN_WAIT_MAX_MS);
    t += wait;
    /* the right PIN after the wait still opens, also after a restart */
    store_close(st);
    st = open_store();
    if (!st) return;
    CHECK_INT(pin_check(st, "482913", t - 1000, &wait), PIN_WAIT);
    CHECK_INT(pin_check(st, "222222", t, &wait), PIN_WRONG);
    t += wait;
    store_close(st);
    st = open_store();
    if (!st) return;
    /* a year of tries at the screen: at least 100,000 guesses' worth of
     * waiting is more than a year, and the waits never shrink */
    CHECK(PIN_WAIT_MAX_MS * 105120 >= 365LL * 86400000LL);
    store_close(st);

    /* the facilitator lifts it at the console, as the README says */
    char cmd[600];
    /* KRING_RUN: how to start a program of the build (a cross build's
     * tests run it under qemu) */
    const char *runner = getenv("KRING_RUN");
    snprintf(cmd, sizeof cmd, "%s '%s' --db '%s' --unlock-pin >/dev/null", runner ? runner : "",
             KRING_BIN, path);
    CHECK_INT(system(cmd), 0);
    st = open_store();
    if (!st) return;
    CHECK_INT(pin_failures(st), 0);
    CHECK_INT(pin_check(st, "482913", t, &wait), PIN_OK);
    store_close(st);
}

/* The PIN forgotten: the recovery code from paper opens the kept
 * meetings' key on the device itself, with the same waits. */
static void test_recovery(void)
{
    Store *st = open_store();
    if (!st) return;
    unsigned char kek[STORE_KEK_BYTES], back[STORE_KEK_BYTES];
    CHECK_INT(pin_set(st, "572038", NULL), PIN_OK);
    CHECK_INT(pin_key(st, "572038", kek), PIN_OK);
    char code[PIN_RECOVERY_DIGITS + 1];
    CHECK_INT(pin_new_recovery(st, kek, NULL, code), PIN_OK);
    CHECK_INT((int)strlen(code), PIN_RECOVERY_DIGITS);
    CHECK(strspn(code, "0123456789") == PIN_RECOVERY_DIGITS);
    int64_t t = 90000000, wait = 0;
    char wrong[PIN_RECOVERY_DIGITS + 1];
    snprintf(wrong, sizeof wrong, "%s", code);
    wrong[0] = wrong[0] == '9' ? '0' : (char)(wrong[0] + 1);
    for (int i = 0; i < PIN_FREE_TRIES; i++)
        CHECK_INT(pin_recover(st, wrong, t, &wait, back), PIN_WRONG);
    CHECK_INT(wait, 5000);
    CHECK_INT(pin_recover(st, code, t + 1000, &wait, back), PIN_WAIT); /* the waits hold */
    CHECK_INT(pin_failures(st), 0); /* counted apart from the PIN's */
    store_close(st);
    st = open_store(); /* and survive a restart */
    if (!st) return;
    CHECK_INT(pin_recover(st, code, t + 5000, &wait, back), PIN_OK);
    CHECK(memcmp(kek, back, sizeof kek) == 0);
    /* a new PIN gets a new code; the old code opens nothing any more */
    CHECK_INT(pin_set(st, "849302", NULL), PIN_OK);
    unsigned char kek2[STORE_KEK_BYTES];
    CHECK_INT(pin_key(st, "849302", kek2), PIN_OK);
    char code2[PIN_RECOVERY_DIGITS + 1];
    CHECK_INT(pin_new_recovery(st, kek2, NULL, code2), PIN_OK);
    CHECK(strcmp(code, code2) != 0);
    CHECK_INT(pin_recover(st, code, t + 10000, &wait, back), PIN_WRONG);
    CHECK_INT(pin_recover(st, code2, t + 10000, &wait, back), PIN_OK);
    CHECK(memcmp(kek2, back, sizeof kek2) == 0);
    store_close(st);
}

/* The wait after a wrong PIN is stored: a restart does not skip it. */
static void test_wait_survives_restart(void)
{
    Store *st = open_store();
    if (!st) return;
    int64_t t = 50000000, wait = 0;
    for (int i = 0; i < PIN_FREE_TRIES; i++)
        pin_check(st, "333333", t, &wait);
    CHECK_INT(wait, 5000);
    store_close(st);
    st = open_store();
    if (!st) return;
    CHECK_INT(pin_check(st, "482913", t + 1000, &wait), PIN_WAIT);
    CHECK_INT(wait, 4000);
    /* changing the PIN starts afresh */
    CHECK_INT(pin_set(st, "572038", NULL), PIN_OK);
    CHECK_INT(pin_failures(st), 0);
    CHECK_INT(pin_check(st, "482913", t + 1000, &wait), PIN_WRONG);
    CHECK_INT(pin_check(st, "572038", t + 1000, &wait), PIN_OK);
    store_close(st);
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/kring.db", dir);
    test_rules();
    test_set_and_check();
    test_waits_and_lockout();
    test_recovery();
    test_wait_survives_restart();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) return 1;
    return check_done("pin");
}
