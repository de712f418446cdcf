/*
 * totp.c: two-factor primitives. TOTP codes come from liboath (RFC 6238 over RFC 4226 HOTP),
 * QR codes from libqrencode, hashes, base64 and constant-time comparison from OpenSSL, and
 * randomness from getrandom(2). Decoded secrets live only in heap buffers that are wiped before
 * they are freed; everything returned is in the request arena. Key invariant: a TOTP step is
 * accepted at most once, because only steps after the caller's last used step can match.
 */
#include "auth/totp.h"

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <liboath/oath.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <qrencode.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/rand.h"

#define QR_QUIET         4 /* modules of white border the QR specification asks for */
#define QR_PX_PER_MODULE 6 /* default rendered size; the viewBox lets it scale */
#define OTP_MAX_DIGITS   8 /* the most liboath generates */

static const char hex_lower[] = "0123456789abcdef";
static const char hex_upper[] = "0123456789ABCDEF";

/* Backup-code characters: lowercase letters and digits without 0, 1, i, l and o, which are
 * misread for one another. 31 characters; see random_char() for the uniform draw. */
static const char backup_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";
#define BACKUP_ALPHABET_LEN (sizeof(backup_alphabet) - 1)
/* The largest multiple of 31 not above 256: random bytes at or above it are dropped so that
 * byte % 31 is uniform (rejection sampling). */
#define BACKUP_BYTE_LIMIT (256 / BACKUP_ALPHABET_LEN * BACKUP_ALPHABET_LEN)

/*
 * liboath's global state. oath_init() must run before the library is used and is not
 * documented as thread-safe, so it runs exactly once under pthread_once; its result is kept
 * for every later caller, and pthread_once orders that write before their reads. This is an
 * exception to STYLE §2.3's "no mutable globals", like log.c's level: the state being guarded
 * is liboath's, which is process-wide whatever we do.
 */
static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static int oath_init_rc = OATH_OK;

static void oath_init_once(void)
{
    oath_init_rc = oath_init();
}

int totp_global_init(void)
{
    if (pthread_once(&oath_once, oath_init_once) != 0) return WM_EINTERNAL;
    return oath_init_rc == OATH_OK ? WM_OK : WM_EINTERNAL;
}

void totp_global_done(void)
{
    if (totp_global_init() == WM_OK) oath_done();
}

/* totp_global_init() for a caller with a context: records why it failed. */
static int need_oath(struct wm_ctx *ctx)
{
    if (totp_global_init() == WM_OK) return WM_OK;
    return wm_errorf(ctx, WM_EINTERNAL, "liboath failed to initialise: %s",
                     oath_strerror(oath_init_rc));
}

/* Fill n bytes at p from getrandom(2), which blocks only until the kernel's pool is first
 * seeded. Retries on EINTR and on short reads. WM_EINTERNAL when the kernel refuses. */
static int fill_random(struct wm_ctx *ctx, void *p, size_t n)
{
    if (rand_bytes(p, n) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed: %s", strerror(errno));
    return WM_OK;
}

/* Wipe and free a secret that liboath allocated (NULL is a no-op). */
static void free_secret(char *secret, size_t len)
{
    if (!secret) return;
    OPENSSL_cleanse(secret, len);
    free(secret);
}

/*
 * The raw secret behind base32, in a heap buffer the caller releases with free_secret().
 * WM_EINTERNAL when it is not base32 or shorter than TOTP_SECRET_MIN bytes: secrets reach us
 * from our own database, never from a client, so a bad one is a fault on our side.
 */
static int decode_secret(struct wm_ctx *ctx, const char *base32, char **secret, size_t *len)
{
    *secret = NULL;
    *len = 0;
    int rc = need_oath(ctx);
    if (rc != WM_OK) return rc;
    int orc = oath_base32_decode(base32, strlen(base32), secret, len);
    if (orc != OATH_OK) {
        *secret = NULL;
        *len = 0;
        return wm_errorf(ctx, WM_EINTERNAL, "totp secret is not base32: %s", oath_strerror(orc));
    }
    if (*len < TOTP_SECRET_MIN) {
        size_t got = *len;
        free_secret(*secret, got);
        *secret = NULL;
        *len = 0;
        return wm_errorf(ctx, WM_EINTERNAL, "totp secret has %zu bytes, fewer than %d", got,
                         TOTP_SECRET_MIN);
    }
    return WM_OK;
}

int totp_base32_encode(struct wm_ctx *ctx, const void *bytes, size_t n, char **base32)
{
    if (n == 0) {
        *base32 = arena_strdup(ctx->arena, "");
        return WM_OK;
    }
    int rc = need_oath(ctx);
    if (rc != WM_OK) return rc;
    char *out = NULL;
    size_t outlen = 0;
    int orc = oath_base32_encode(bytes, n, &out, &outlen);
    if (orc != OATH_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "base32 encoding failed: %s", oath_strerror(orc));
    size_t len = outlen;
    while (len > 0 && out[len - 1] == '=')
        len--;
    *base32 = arena_strndup(ctx->arena, out, len);
    free_secret(out, outlen);
    return WM_OK;
}

int totp_base32_decode(struct wm_ctx *ctx, const char *base32, unsigned char **bytes, size_t *n)
{
    int rc = need_oath(ctx);
    if (rc != WM_OK) return rc;
    char *out = NULL;
    size_t len = 0;
    int orc = oath_base32_decode(base32, strlen(base32), &out, &len);
    if (orc != OATH_OK) return wm_errorf(ctx, WM_EINVAL, "the text is not base32");
    *bytes = (unsigned char *)arena_strndup(ctx->arena, out ? out : "", len);
    *n = len;
    free_secret(out, len);
    return WM_OK;
}

int totp_new_secret(struct wm_ctx *ctx, char **base32)
{
    unsigned char raw[TOTP_SECRET_BYTES];
    int rc = fill_random(ctx, raw, sizeof(raw));
    if (rc == WM_OK) rc = totp_base32_encode(ctx, raw, sizeof(raw), base32);
    OPENSSL_cleanse(raw, sizeof(raw));
    return rc;
}

/* RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" */
static bool is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

/* s with every byte outside the unreserved set written as %XX (uppercase, RFC 3986 §2.1). */
static void append_percent_encoded(struct buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (is_unreserved(*p)) {
            buf_appendc(b, (char)*p);
        } else {
            buf_appendc(b, '%');
            buf_appendc(b, hex_upper[*p >> 4]);
            buf_appendc(b, hex_upper[*p & 0x0f]);
        }
    }
}

int totp_uri(struct wm_ctx *ctx, const char *issuer, const char *account, const char *base32,
             char **uri)
{
    if (!*issuer) return wm_errorf(ctx, WM_EINVAL, "the totp issuer must not be empty");
    if (!*account) return wm_errorf(ctx, WM_EINVAL, "the totp account must not be empty");
    /* The label is issuer ":" account, so neither may hold a colon of its own. */
    if (strchr(issuer, ':'))
        return wm_errorf(ctx, WM_EINVAL, "totp issuer '%s' must not contain ':'", issuer);
    if (strchr(account, ':'))
        return wm_errorf(ctx, WM_EINVAL, "totp account '%s' must not contain ':'", account);

    char *secret;
    size_t len;
    int rc = decode_secret(ctx, base32, &secret, &len);
    if (rc != WM_OK) return rc;
    char *canonical = NULL;
    rc = totp_base32_encode(ctx, secret, len, &canonical);
    free_secret(secret, len);
    if (rc != WM_OK) return rc;

    struct buf b = BUF_INIT(ctx->arena);
    buf_appends(&b, "otpauth://totp/");
    append_percent_encoded(&b, issuer);
    buf_appendc(&b, ':');
    append_percent_encoded(&b, account);
    buf_appends(&b, "?secret=");
    buf_appends(&b, canonical);
    buf_appends(&b, "&issuer=");
    append_percent_encoded(&b, issuer);
    buf_appendf(&b, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS, TOTP_PERIOD);
    *uri = buf_detach(&b, NULL);
    return WM_OK;
}

/* Encode text with libqrencode; the caller frees *qr with QRcode_free(). */
static int qr_encode(struct wm_ctx *ctx, const char *text, QRcode **qr)
{
    *qr = NULL;
    if (!*text) return wm_errorf(ctx, WM_EINVAL, "nothing to encode in a qr code");
    errno = 0;
    *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (*qr) return WM_OK;
    if (errno == ERANGE)
        return wm_errorf(ctx, WM_EINVAL, "text of %zu bytes is too long for a qr code",
                         strlen(text));
    return wm_errorf(ctx, WM_EINTERNAL, "qr encoding failed: %s", strerror(errno));
}

/*
 * The SVG document for qr. Each row's runs of dark modules become one subpath each, which
 * keeps the document (and so the data URL) several times smaller than one <rect> per module.
 * Coordinates are in modules, shifted by the quiet zone.
 */
static void draw_qr(struct buf *b, const QRcode *qr)
{
    int w = qr->width;
    int size = w + 2 * QR_QUIET;
    buf_appendf(b,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                "height=\"%d\" shape-rendering=\"crispEdges\">",
                size, size, size * QR_PX_PER_MODULE, size * QR_PX_PER_MODULE);
    buf_appendf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", size,
                size);
    for (int y = 0; y < w; y++) {
        const unsigned char *row = qr->data + (size_t)y * (size_t)w;
        int x = 0;
        while (x < w) {
            if (!(row[x] & 1)) { /* bit 0 is the colour: 1 = dark (qrencode.h) */
                x++;
                continue;
            }
            int start = x;
            while (x < w && (row[x] & 1))
                x++;
            buf_appendf(b, "M%d %dh%dv1h-%dz", start + QR_QUIET, y + QR_QUIET, x - start,
                        x - start);
        }
    }
    buf_appends(b, "\"/></svg>");
}

/* totp_qr_svg() with the length of the document. */
static int qr_svg(struct wm_ctx *ctx, const char *text, char **svg, size_t *len)
{
    QRcode *qr = NULL;
    int rc = qr_encode(ctx, text, &qr);
    if (rc != WM_OK) return rc;
    assert(qr);
    struct buf b = BUF_INIT(ctx->arena);
    draw_qr(&b, qr);
    QRcode_free(qr);
    *svg = buf_detach(&b, len);
    return WM_OK;
}

int totp_qr_svg(struct wm_ctx *ctx, const char *text, char **svg)
{
    size_t len;
    return qr_svg(ctx, text, svg, &len);
}

int totp_qr_data_url(struct wm_ctx *ctx, const char *text, char **data_url)
{
    static const char prefix[] = "data:image/svg+xml;base64,";
    char *svg;
    size_t len;
    int rc = qr_svg(ctx, text, &svg, &len);
    if (rc != WM_OK) return rc;
    /* The largest QR code (version 40) draws to well under 1 MB, far below EVP's int limit. */
    assert(len < (size_t)1 << 28);
    size_t encoded = 4 * ((len + 2) / 3);
    char *out = arena_alloc(ctx->arena, sizeof(prefix) - 1 + encoded + 1);
    memcpy(out, prefix, sizeof(prefix) - 1);
    /* EVP_EncodeBlock writes no newlines and terminates the output with a NUL. */
    int n = EVP_EncodeBlock((unsigned char *)out + sizeof(prefix) - 1, (const unsigned char *)svg,
                            (int)len);
    assert(n >= 0 && (size_t)n == encoded);
    *data_url = out;
    return WM_OK;
}

/*
 * The digits-digit code of TOTP step `step` into out (room for OTP_MAX_DIGITS + 1 bytes).
 * oath_totp_generate() is given the first second of the step, so totp_code_at() and
 * totp_verify() share this one computation and the RFC vectors test both.
 */
static int code_for_step(struct wm_ctx *ctx, const char *secret, size_t len, int64_t step,
                         unsigned digits, char *out)
{
    int orc = oath_totp_generate(secret, len, (time_t)(step * TOTP_PERIOD), TOTP_PERIOD, 0, digits,
                                 out);
    if (orc != OATH_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "totp generation failed: %s", oath_strerror(orc));
    return WM_OK;
}

int totp_code_at(struct wm_ctx *ctx, const char *base32, int64_t now, unsigned digits, char **code)
{
    assert(now >= 0 && now <= TOTP_MAX_NOW);
    assert(digits >= 6 && digits <= OTP_MAX_DIGITS);
    char *secret;
    size_t len;
    int rc = decode_secret(ctx, base32, &secret, &len);
    if (rc != WM_OK) return rc;
    char out[OTP_MAX_DIGITS + 1];
    rc = code_for_step(ctx, secret, len, now / TOTP_PERIOD, digits, out);
    free_secret(secret, len);
    if (rc != WM_OK) return rc;
    *code = arena_strdup(ctx->arena, out);
    return WM_OK;
}

/* The TOTP_DIGITS digits of code into out (TOTP_DIGITS + 1 bytes), spaces and tabs dropped.
 * False when anything else is there, or too few or too many digits. */
static bool normalize_code(const char *code, char *out)
{
    size_t n = 0;
    for (const char *p = code; *p; p++) {
        if (*p == ' ' || *p == '\t') continue;
        if (*p < '0' || *p > '9' || n == TOTP_DIGITS) return false;
        out[n++] = *p;
    }
    out[n] = '\0';
    return n == TOTP_DIGITS;
}

/*
 * Why not oath_totp_validate2/3: they stop at the first step that matches and compare with
 * strcmp. Here every step of the window is computed and compared in constant time, steps up to
 * last_used_step never count, and of several matching steps the latest wins, so digits that
 * collide across two steps cannot be replayed in the second one.
 */
int totp_verify(struct wm_ctx *ctx, const char *base32, const char *code, int64_t now,
                int64_t last_used_step, int64_t *matched_step, bool *ok)
{
    assert(now >= 0 && now <= TOTP_MAX_NOW);
    *ok = false;
    char want[TOTP_DIGITS + 1];
    if (!normalize_code(code, want))
        return wm_errorf(ctx, WM_EINVAL, "the code must be %d digits", TOTP_DIGITS);
    char *secret;
    size_t len;
    int rc = decode_secret(ctx, base32, &secret, &len);
    if (rc != WM_OK) return rc;

    int64_t now_step = now / TOTP_PERIOD;
    int64_t found = -1;
    for (int64_t step = now_step - TOTP_WINDOW; step <= now_step + TOTP_WINDOW; step++) {
        if (step < 0) continue;
        char got[OTP_MAX_DIGITS + 1];
        rc = code_for_step(ctx, secret, len, step, TOTP_DIGITS, got);
        if (rc != WM_OK) break;
        if (CRYPTO_memcmp(got, want, TOTP_DIGITS) == 0 && step > last_used_step) found = step;
    }
    free_secret(secret, len);
    if (rc != WM_OK) return rc;
    if (found >= 0) {
        *matched_step = found;
        *ok = true;
    }
    return WM_OK;
}

/* A pool of random bytes, refilled from getrandom(2) 64 at a time. */
struct rand_pool {
    unsigned char bytes[64];
    size_t pos; /* next unused byte; sizeof(bytes) = empty */
};

/* One character of backup_alphabet, every one equally likely. */
static int random_char(struct wm_ctx *ctx, struct rand_pool *pool, char *out)
{
    for (;;) {
        if (pool->pos == sizeof(pool->bytes)) {
            int rc = fill_random(ctx, pool->bytes, sizeof(pool->bytes));
            if (rc != WM_OK) return rc;
            pool->pos = 0;
        }
        unsigned char c = pool->bytes[pool->pos++];
        if (c < BACKUP_BYTE_LIMIT) {
            *out = backup_alphabet[c % BACKUP_ALPHABET_LEN];
            return WM_OK;
        }
    }
}

/* One code "xxxx-xxxx" into out (TOTP_BACKUP_CHARS + 2 bytes). */
static int random_backup_code(struct wm_ctx *ctx, struct rand_pool *pool, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < TOTP_BACKUP_CHARS; i++) {
        if (i == TOTP_BACKUP_CHARS / 2) out[o++] = '-';
        int rc = random_char(ctx, pool, &out[o++]);
        if (rc != WM_OK) return rc;
    }
    out[o] = '\0';
    return WM_OK;
}

int totp_backup_codes(struct wm_ctx *ctx, size_t n, char ***codes)
{
    assert(n >= 1 && n <= TOTP_BACKUP_MAX);
    char **out = ARENA_ARRAY(ctx->arena, char *, n + 1);
    struct rand_pool pool = { .pos = sizeof(pool.bytes) };
    int rc = WM_OK;
    size_t made = 0;
    while (made < n) {
        char code[TOTP_BACKUP_CHARS + 2];
        rc = random_backup_code(ctx, &pool, code);
        if (rc != WM_OK) break;
        bool dup = false;
        for (size_t i = 0; i < made && !dup; i++)
            dup = strcmp(out[i], code) == 0;
        if (!dup) out[made++] = arena_strdup(ctx->arena, code);
    }
    OPENSSL_cleanse(&pool, sizeof(pool));
    if (rc != WM_OK) return rc;
    out[n] = NULL;
    *codes = out;
    return WM_OK;
}

/* code lowercased without dashes, spaces and tabs into out (TOTP_BACKUP_CHARS + 1 bytes).
 * False unless that leaves exactly TOTP_BACKUP_CHARS characters of backup_alphabet. */
static bool normalize_backup(const char *code, char *out)
{
    size_t n = 0;
    for (const char *p = code; *p; p++) {
        char c = *p;
        if (c == '-' || c == ' ' || c == '\t') continue;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (n == TOTP_BACKUP_CHARS || !strchr(backup_alphabet, c)) return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n == TOTP_BACKUP_CHARS;
}

/*
 * Lowercase hex SHA-256 of a normalized backup code into hex (TOTP_BACKUP_HASH_LEN + 1 bytes).
 *
 * Why a fast unsalted hash rather than Argon2id as for passwords: a backup code is about 40 bits
 * drawn uniformly by us, not a word a person chose, so there is no likely guess to try first,
 * and online every guess is one 2FA attempt against the rate limit. Offline, after a leak of the
 * table, 40 bits do fall to a GPU; but the same leak holds the TOTP secret (stored so that codes
 * can be computed), which defeats the second factor forever, so a slow hash here would buy
 * nothing while costing every login with a backup code. The hash keeps the codes out of
 * backups, logs and admin screens. If TOTP secrets are ever encrypted with a key kept outside
 * the database, switch this to HMAC-SHA-256 under that key.
 */
static bool backup_digest(const char *normalized, char *hex)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (EVP_Digest(normalized, strlen(normalized), md, &mdlen, EVP_sha256(), NULL) != 1 ||
        mdlen * 2 != TOTP_BACKUP_HASH_LEN)
        return false;
    for (size_t i = 0; i < mdlen; i++) {
        hex[2 * i] = hex_lower[md[i] >> 4];
        hex[2 * i + 1] = hex_lower[md[i] & 0x0f];
    }
    hex[TOTP_BACKUP_HASH_LEN] = '\0';
    return true;
}

int totp_backup_hash(struct wm_ctx *ctx, const char *code, char **hash)
{
    char normalized[TOTP_BACKUP_CHARS + 1];
    if (!normalize_backup(code, normalized))
        return wm_errorf(ctx, WM_EINVAL, "a backup code is %d letters and digits",
                         TOTP_BACKUP_CHARS);
    char hex[TOTP_BACKUP_HASH_LEN + 1];
    bool done = backup_digest(normalized, hex);
    OPENSSL_cleanse(normalized, sizeof(normalized));
    if (!done) return wm_errorf(ctx, WM_EINTERNAL, "sha-256 failed");
    *hash = arena_strdup(ctx->arena, hex);
    return WM_OK;
}

bool totp_backup_matches(const char *code, const char *hash)
{
    if (strnlen(hash, TOTP_BACKUP_HASH_LEN + 1) != TOTP_BACKUP_HASH_LEN) return false;
    char normalized[TOTP_BACKUP_CHARS + 1];
    if (!normalize_backup(code, normalized)) return false;
    char hex[TOTP_BACKUP_HASH_LEN + 1];
    bool done = backup_digest(normalized, hex);
    OPENSSL_cleanse(normalized, sizeof(normalized));
    return done && CRYPTO_memcmp(hex, hash, TOTP_BACKUP_HASH_LEN) == 0;
}
