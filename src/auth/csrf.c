/*
 * csrf.c: keyed hashes for browser cookies (csrf.h), HMAC-SHA256 and the constant-time
 * comparison from OpenSSL.
 */
#include "auth/csrf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/config.h"

/* Shortest key accepted: 32 bytes of randomness as hex. */
#define KEY_MIN_HEX 64

int csrf_key_load(const struct config *cfg, char **out, char *err, size_t errlen)
{
    *out = NULL;
    char path[4096];
    if (snprintf(path, sizeof(path), "%s/cookie.key", cfg->secrets_dir) >= (int)sizeof(path)) {
        (void)snprintf(err, errlen, "the secrets directory path is too long");
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        (void)snprintf(err, errlen, "cannot read the cookie key %s; run `market secrets`", path);
        return -1;
    }
    char buf[512];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    (void)fclose(f);
    buf[n] = '\0';
    char *p = buf;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    size_t len = strlen(p);
    while (len > 0 &&
           (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\n' || p[len - 1] == '\r'))
        len--;
    if (len < KEY_MIN_HEX) {
        OPENSSL_cleanse(buf, sizeof(buf));
        (void)snprintf(err, errlen, "the cookie key %s is shorter than %d characters", path,
                       KEY_MIN_HEX);
        return -1;
    }
    char *key = malloc(len + 1);
    if (!key) abort();
    memcpy(key, p, len);
    key[len] = '\0';
    OPENSSL_cleanse(buf, sizeof(buf));
    *out = key;
    return 0;
}

void csrf_key_free(char *key)
{
    if (!key) return;
    OPENSSL_cleanse(key, strlen(key));
    free(key);
}

void csrf_hmac_hex(const char *key, const char *const *parts, size_t n,
                   char out[CSRF_HMAC_HEX_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    size_t total = n;
    for (size_t i = 0; i < n; i++)
        total += parts[i] ? strlen(parts[i]) : 0;
    unsigned char *msg = malloc(total + 1);
    if (!msg) abort();
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = parts[i] ? parts[i] : "";
        size_t sl = strlen(s);
        if (i > 0) msg[len++] = '|';
        for (size_t k = 0; k < sl; k++)
            msg[len + k] = (unsigned char)s[k];
        len += sl;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int maclen = 0;
    if (!HMAC(EVP_sha256(), key, (int)strlen(key), msg, len, mac, &maclen)) abort();
    OPENSSL_cleanse(msg, total + 1);
    free(msg);
    for (size_t i = 0; i < 32; i++) {
        out[2 * i] = hex[mac[i] >> 4];
        out[2 * i + 1] = hex[mac[i] & 15];
    }
    out[CSRF_HMAC_HEX_LEN] = '\0';
}

bool csrf_equal(const char *a, const char *b)
{
    if (!a || !b) return false;
    size_t n = strlen(a);
    if (strlen(b) != n) return false;
    return CRYPTO_memcmp(a, b, n) == 0;
}
