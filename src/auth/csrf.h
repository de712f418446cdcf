/*
 * csrf.h: keyed hashes for browser cookies. The key is the secret `market secrets` writes to
 * <secrets.dir>/cookie.key (64 hex characters); it signs CSRF tokens (OWASP's signed
 * double-submit cookie, bound to the session) and names cached cookie sessions without putting
 * the session token into a cache key. Nothing here keeps state between calls.
 */
#ifndef WM_AUTH_CSRF_H
#define WM_AUTH_CSRF_H

#include <stdbool.h>
#include <stddef.h>

struct config;

/* Hex characters of csrf_hmac_hex()'s output (HMAC-SHA256). */
#define CSRF_HMAC_HEX_LEN 64

/*
 * Read the cookie key named by the config (<secrets.dir>/cookie.key) into *out (heap,
 * NUL-terminated, surrounding white space removed; free it with csrf_key_free()). Returns 0, or
 * -1 with a one-line reason in err (errlen bytes) when it is missing or shorter than 32 bytes.
 */
int csrf_key_load(const struct config *cfg, char **out, char *err, size_t errlen);

/* Wipe and free a key from csrf_key_load(). NULL is a no-op. */
void csrf_key_free(char *key);

/*
 * HMAC-SHA256 of the parts joined by '|' (n parts, each NUL-terminated; NULL counts as ""),
 * keyed by key, as CSRF_HMAC_HEX_LEN lowercase hex characters and a NUL into out.
 */
void csrf_hmac_hex(const char *key, const char *const *parts, size_t n,
                   char out[CSRF_HMAC_HEX_LEN + 1]);

/* True when a and b (NUL-terminated; NULL is never equal) are equal, in time that does not
 * depend on where they differ. */
bool csrf_equal(const char *a, const char *b);

#endif
