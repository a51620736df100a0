/* carve: reads a raw image of Kring's card the way someone holding the
 * card would, and says which meetings' keys it could open.
 *
 *   carve IMAGE MAX_ID [WORD ...]
 *
 * It gathers every device key the image holds ("KRNGKEY1" and the 32
 * bytes after it, every copy, old ones in freed blocks too), then tries
 * each as the key of every wrapped meeting key it can find: after every
 * SQLite record header that announces a 72-byte blob (in the database,
 * its WAL and their freed blocks), and at every place a slot of the key
 * slots file can lie. For each meeting id 1..MAX_ID (default 16) whose
 * key opens it prints "dev ID OFFSET". Each WORD (ASCII) found as UTF-8,
 * UTF-16LE or UTF-16BE prints "word WORD ENCODING OFFSET", and every PDF
 * the image holds, whole or in part ("%PDF-" at its start; a printed plan
 * is one), prints "pdf OFFSET". Exit 0 when it read the image. */
#define _GNU_SOURCE /* memmem */
#include <fcntl.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    KEY = 32,
    NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
    TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES,
    WRAPPED = NONCE + KEY + TAG,
    KEYS_MAX = 256,
};

static unsigned char keys[KEYS_MAX][KEY];
static int n_keys;
static bool found[1024];

static void try_at(const unsigned char *img, size_t size, size_t at, int max_id)
{
    if (at + WRAPPED > size) return;
    unsigned char out[KEY];
    for (int m = 1; m <= max_id; m++) {
        if (found[m]) continue;
        char ad[80];
        snprintf(ad, sizeof ad, "kring key_dev key of meeting %d", m);
        for (int k = 0; k < n_keys; k++)
            if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                    out, NULL, NULL, img + at + NONCE, WRAPPED - NONCE, (const unsigned char *)ad,
                    strlen(ad), img + at, keys[k]) == 0) {
                printf("dev %d %zu\n", m, at);
                found[m] = true;
                break;
            }
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || sodium_init() < 0) return 2;
    int max_id = argc > 2 ? atoi(argv[2]) : 16;
    if (max_id < 1 || max_id > 1000) max_id = 16;
    int fd = open(argv[1], O_RDONLY);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) return 2;
    size_t size = (size_t)sb.st_size;
    const unsigned char *img = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (img == MAP_FAILED) return 2;
    for (size_t i = 0; i + 8 + KEY <= size && n_keys < KEYS_MAX; i++)
        if (img[i] == 'K' && !memcmp(img + i, "KRNGKEY1", 8)) {
            bool again = false;
            for (int k = 0; k < n_keys && !again; k++)
                again = !memcmp(keys[k], img + i + 8, KEY);
            if (!again) memcpy(keys[n_keys++], img + i + 8, KEY);
        }
    fprintf(stderr, "carve: %d device key(s) on the card\n", n_keys);
    /* a record header's serial type for a 72-byte blob: 72 * 2 + 12 = 156,
     * the varint 0x81 0x1C; the blob lies a little after it */
    long headers = 0;
    for (size_t i = 0; i + 2 <= size; i++)
        if (img[i] == 0x81 && img[i + 1] == 0x1C) {
            headers++;
            for (size_t at = i + 2; at < i + 2 + 256; at++)
                try_at(img, size, at, max_id);
        }
    /* a slot: 16 bytes of head, then 128-byte slots, the wrapped key 8
     * bytes in; files start on 4096-byte blocks */
    for (size_t at = 24; at + WRAPPED <= size; at += 128)
        try_at(img, size, at, max_id);
    fprintf(stderr, "carve: %ld record header(s) looked behind\n", headers);
    for (int a = 3; a < argc; a++) {
        size_t n = strlen(argv[a]);
        unsigned char pat[3][512];
        size_t len[3] = {n, 2 * n, 2 * n};
        static const char *const enc[3] = {"UTF-8", "UTF-16LE", "UTF-16BE"};
        if (n == 0 || n > 200) continue;
        for (size_t i = 0; i < n; i++) {
            pat[0][i] = (unsigned char)argv[a][i];
            pat[1][2 * i] = pat[2][2 * i + 1] = (unsigned char)argv[a][i];
            pat[1][2 * i + 1] = pat[2][2 * i] = 0;
        }
        for (int e = 0; e < 3; e++) {
            const unsigned char *hit = memmem(img, size, pat[e], len[e]);
            if (hit) printf("word %s %s %zu\n", argv[a], enc[e], (size_t)(hit - img));
        }
    }
    for (const unsigned char *at = img; (at = memmem(at, size - (size_t)(at - img), "%PDF-", 5));
         at += 5)
        printf("pdf %zu\n", (size_t)(at - img));
    return 0;
}
