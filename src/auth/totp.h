/*
 * totp.h: the two-factor primitives. TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps, a window
 * of one step either side) over liboath, the otpauth:// key URI and its QR code as SVG over
 * libqrencode, and single-use backup codes stored as SHA-256 hashes. Nothing here touches the
 * database: callers store the secret, the last used step and the backup-code hashes, and pass
 * them back in. Strings returned live in ctx->arena. Every function is thread-safe: liboath is
 * initialised once (totp_global_init), and OpenSSL 3 and libqrencode 4 keep no shared state.
 */
#ifndef WM_AUTH_TOTP_H
#define WM_AUTH_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

#define TOTP_DIGITS          6              /* digits of a code the user types */
#define TOTP_PERIOD          30             /* seconds per time step */
#define TOTP_WINDOW          1              /* steps accepted before and after the current one */
#define TOTP_SECRET_BYTES    20             /* new secrets: 160 bits, as RFC 4226 recommends */
#define TOTP_SECRET_MIN      16             /* shortest secret accepted: 128 bits (RFC 4226 R6) */
#define TOTP_MAX_NOW         253402300799LL /* 9999-12-31T23:59:59Z: bounds the step arithmetic */
#define TOTP_BACKUP_COUNT    10             /* backup codes handed out at once */
#define TOTP_BACKUP_MAX      100            /* most codes totp_backup_codes() makes per call */
#define TOTP_BACKUP_CHARS    8              /* characters in a code, dash not counted */
#define TOTP_BACKUP_HASH_LEN 64             /* lowercase hex SHA-256 */

/*
 * Initialise liboath (oath_init). Call once at process start, before any thread exists, as
 * bin/ mains do for every library; it is also run lazily (under pthread_once) by the functions
 * below that need liboath, so forgetting it is harmless. Idempotent and thread-safe.
 * WM_OK, or WM_EINTERNAL when liboath fails to initialise (the result is remembered).
 */
int totp_global_init(void);

/* Release liboath (oath_done). Call at most once, at process exit, after every thread has
 * stopped using totp_*: the lazy initialisation does not run again afterwards. */
void totp_global_done(void);

/*
 * RFC 4648 base32 (uppercase alphabet, no '=' padding) of the n bytes at bytes, in the arena.
 * n == 0 gives "". WM_OK, or WM_EINTERNAL if liboath fails.
 */
int totp_base32_encode(struct wm_ctx *ctx, const void *bytes, size_t n, char **base32);

/*
 * Decode base32 text: either case, optional '=' padding and spaces, as authenticator apps
 * accept. The bytes (*n of them, plus a NUL not counted) go in the arena.
 * WM_OK, or WM_EINVAL when the text is not base32 (bad character or impossible length).
 */
int totp_base32_decode(struct wm_ctx *ctx, const char *base32, unsigned char **bytes, size_t *n);

/*
 * A new shared secret: TOTP_SECRET_BYTES bytes from getrandom(2) as base32 without padding
 * (32 characters). This is what the caller stores and what goes into the key URI.
 * WM_OK, or WM_EINTERNAL when getrandom fails.
 */
int totp_new_secret(struct wm_ctx *ctx, char **base32);

/*
 * The Key Uri Format URI an authenticator app scans:
 *   otpauth://totp/<issuer>:<account>?secret=<B32>&issuer=<issuer>&algorithm=SHA1&digits=6
 *   &period=30
 * issuer and account are percent-encoded (everything outside the RFC 3986 unreserved set, so a
 * space is %20 and '+' is %2B); the secret is re-encoded canonically (uppercase, no padding).
 * WM_EINVAL when issuer or account is empty or contains ':' (the format forbids it);
 * WM_EINTERNAL when the secret is not base32 or shorter than TOTP_SECRET_MIN bytes (secrets
 * come from totp_new_secret() through our database, so a bad one is our fault).
 */
int totp_uri(struct wm_ctx *ctx, const char *issuer, const char *account, const char *base32,
             char **uri);

/*
 * text (usually the key URI) as a QR code (byte mode, error correction level M, the smallest
 * version that fits), drawn as a standalone SVG document: one <path> whose subpaths are the
 * horizontal runs of dark modules, "M<x> <y>h<n>v1h-<n>z", on a white background with a quiet
 * zone of 4 modules; the viewBox counts modules, shape-rendering is crispEdges.
 * WM_EINVAL when text is empty or too long for a QR code; WM_EINTERNAL if libqrencode fails.
 */
int totp_qr_svg(struct wm_ctx *ctx, const char *text, char **svg);

/* totp_qr_svg() as "data:image/svg+xml;base64,..." for an <img src> or the app's
 * qrCodeUrl. Same errors. */
int totp_qr_data_url(struct wm_ctx *ctx, const char *text, char **data_url);

/*
 * The code of the step containing now (seconds since the epoch, 0 <= now <= TOTP_MAX_NOW) with
 * digits digits (6, 7 or 8), zero-padded, in the arena. totp_verify() uses the same
 * computation; this is here for tests (the RFC 6238 vectors) and for tools.
 * WM_EINTERNAL when the secret is not base32 or shorter than TOTP_SECRET_MIN bytes.
 */
int totp_code_at(struct wm_ctx *ctx, const char *base32, int64_t now, unsigned digits, char **code);

/*
 * Check a code the user typed against the secret at time now (0 <= now <= TOTP_MAX_NOW). code
 * is TOTP_DIGITS ASCII digits; spaces and tabs anywhere are ignored ("123 456", as apps show
 * it). The steps now/30 - 1, now/30 and now/30 + 1 are tried, but only those after
 * last_used_step (pass -1 when no code was ever used): a code is good once. On a match *ok is
 * true and *matched_step is the step, which the caller must store as the new last_used_step
 * before accepting the login. If the code matches several steps (a 6-digit collision) the
 * latest is reported, so the same digits can never pass twice.
 * Returns WM_OK with *ok false for a wrong, expired or already used code; WM_EINVAL (*ok
 * false) when code is not TOTP_DIGITS digits; WM_EINTERNAL (*ok false) for a bad secret.
 * *matched_step is written only when *ok is true.
 */
int totp_verify(struct wm_ctx *ctx, const char *base32, const char *code, int64_t now,
                int64_t last_used_step, int64_t *matched_step, bool *ok);

/*
 * n (1..TOTP_BACKUP_MAX) distinct backup codes "xxxx-xxxx" from getrandom(2), each character
 * drawn uniformly from the 31 lowercase letters and digits that cannot be misread
 * ("23456789abcdefghjkmnpqrstuvwxyz": no 0/o, 1/l/i), about 39.6 bits per code. *codes is an
 * arena array of n arena strings followed by NULL. Show them once; store totp_backup_hash().
 * WM_OK, or WM_EINTERNAL when getrandom fails.
 */
int totp_backup_codes(struct wm_ctx *ctx, size_t n, char ***codes);

/*
 * The stored form of a backup code: lowercase hex SHA-256 (TOTP_BACKUP_HASH_LEN characters, in
 * the arena) of the normalized code, i.e. lowercased with dashes, spaces and tabs removed, so
 * "K7Q2-9XV4", "k7q29xv4" and "k7q2 9xv4" hash alike. WM_EINVAL when the normalized code is
 * not TOTP_BACKUP_CHARS characters of the alphabet above; WM_EINTERNAL if OpenSSL fails.
 */
int totp_backup_hash(struct wm_ctx *ctx, const char *code, char **hash);

/*
 * True when code, normalized as above, hashes to hash (a stored totp_backup_hash() result).
 * The comparison takes the same time wherever the hashes differ (CRYPTO_memcmp). False for a
 * malformed code or a hash of the wrong length. The caller deletes or marks the matched hash
 * used in the same transaction, which is what makes a backup code single-use.
 */
bool totp_backup_matches(const char *code, const char *hash);

#endif
