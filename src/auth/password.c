/*
 * password.c: Argon2id hashing (libargon2), verification of our hashes and of the forms a
 * Django backend stored (PBKDF2 over OpenSSL, argon2), and Django's four default password
 * validators. Every stored value is parsed strictly and its cost bounded before anything is
 * computed, so a corrupt or hostile row gives "no match" and a warning, never a crash or a
 * pinned worker. Comparisons of derived keys are constant time (CRYPTO_memcmp).
 */
#include "auth/password.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"

const struct pw_params pw_default_params = { PW_ARGON2_T_COST, PW_ARGON2_M_COST, PW_ARGON2_LANES };

/* Longest salt and tag read from a stored argon2 value (Django's are 16 and 32 bytes). */
#define ARGON2_MAX_FIELD 64

/* ---- hashing ------------------------------------------------------------------------- */

/* Fill n bytes at p from getrandom(2), retrying on EINTR and short reads. */
static int fill_random(struct wm_ctx *ctx, void *p, size_t n)
{
    if (rand_bytes(p, n) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed: %s", strerror(errno));
    return WM_OK;
}

int pw_hash_with(struct wm_ctx *ctx, const struct pw_params *params, const char *password,
                 char **out)
{
    assert(params && password && out);
    unsigned char salt[PW_ARGON2_SALT_LEN];
    int rc = fill_random(ctx, salt, sizeof(salt));
    if (rc != WM_OK) return rc;
    size_t len = argon2_encodedlen(params->t_cost, params->m_cost, params->lanes, sizeof(salt),
                                   PW_ARGON2_HASH_LEN, Argon2_id);
    char *encoded = arena_alloc(ctx->arena, len);
    int arc = argon2id_hash_encoded(params->t_cost, params->m_cost, params->lanes, password,
                                    strlen(password), salt, sizeof(salt), PW_ARGON2_HASH_LEN,
                                    encoded, len);
    if (arc != ARGON2_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "argon2id hashing failed: %s",
                         argon2_error_message(arc));
    *out = encoded;
    return WM_OK;
}

int pw_hash(struct wm_ctx *ctx, const char *password, char **out)
{
    return pw_hash_with(ctx, &pw_default_params, password, out);
}

/* ---- parsing stored values ----------------------------------------------------------- */

/* The value of a standard base64 character (RFC 4648 section 4), or -1. */
static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/*
 * Decode the n characters at s as standard base64 into at most cap bytes at out. With padded,
 * the text must be padded with '=' to a multiple of 4 (Django's PBKDF2 keys); without, it must
 * have no '=' (argon2's fields). The unused low bits of the last character must be zero, so
 * every byte string has exactly one accepted spelling, as Django's string comparison requires.
 * False when s is not such base64 or decodes to more than cap bytes.
 */
static bool b64_decode(const char *s, size_t n, bool padded, unsigned char *out, size_t cap,
                       size_t *outlen)
{
    if (padded) {
        if (n % 4 != 0) return false;
        for (int k = 0; k < 2 && n > 0 && s[n - 1] == '='; k++)
            n--;
    }
    if (n % 4 == 1) return false;
    size_t len = n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0);
    if (len > cap) return false;
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64_value((unsigned char)s[i]);
        if (v < 0) return false;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    if (acc != 0) return false;
    *outlen = o;
    return true;
}

/* Consume lit at *p. */
static bool eat(const char **p, const char *lit)
{
    size_t n = strlen(lit);
    if (strncmp(*p, lit, n) != 0) return false;
    *p += n;
    return true;
}

/* Consume a decimal number of 1 to 10 digits at *p (no sign, no spaces) into *out. */
static bool eat_number(const char **p, uint64_t *out)
{
    const char *s = *p;
    uint64_t v = 0;
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9') {
        if (n == 10) return false;
        v = v * 10 + (uint64_t)(s[n] - '0');
        n++;
    }
    if (n == 0) return false;
    *p = s + n;
    *out = v;
    return true;
}

/* The length of the field at p: up to the next '$', or to the end. */
static size_t field_len(const char *p)
{
    const char *end = strchr(p, '$');
    return end ? (size_t)(end - p) : strlen(p);
}

struct argon2_stored {
    argon2_type type;                     /* Argon2_i or Argon2_id */
    uint32_t version;                     /* ARGON2_VERSION_10 or _13 */
    uint64_t m_cost, t_cost, lanes;       /* as written, checked against limits later */
    unsigned char salt[ARGON2_MAX_FIELD]; /* decoded */
    size_t salt_len;                      /* ARGON2_MIN_SALT_LENGTH.. */
    unsigned char tag[ARGON2_MAX_FIELD];  /* decoded */
    size_t tag_len;                       /* ARGON2_MIN_OUTLEN.. */
};

/*
 * Parse libargon2's encoded form (what argon2id_hash_encoded writes and argon2-cffi, so
 * Django, stores after its "argon2" prefix):
 *     $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<tag>
 * with "$argon2i$" for the older variant and "v=..$" absent in hashes made before version 1.3
 * (then v=16). On failure *why says what was wrong, for the log.
 */
static bool parse_argon2(const char *s, struct argon2_stored *st, const char **why)
{
    *why = "malformed argon2 value";
    if (eat(&s, "$argon2id$"))
        st->type = Argon2_id;
    else if (eat(&s, "$argon2i$"))
        st->type = Argon2_i;
    else {
        *why = "unsupported argon2 variant";
        return false;
    }
    st->version = ARGON2_VERSION_10;
    uint64_t v;
    if (eat(&s, "v=")) {
        if (!eat_number(&s, &v) || (v != ARGON2_VERSION_10 && v != ARGON2_VERSION_13) ||
            !eat(&s, "$"))
            return false;
        st->version = (uint32_t)v;
    }
    if (!eat(&s, "m=") || !eat_number(&s, &st->m_cost) || !eat(&s, ",t=") ||
        !eat_number(&s, &st->t_cost) || !eat(&s, ",p=") || !eat_number(&s, &st->lanes) ||
        !eat(&s, "$"))
        return false;
    size_t n = field_len(s);
    if (!b64_decode(s, n, false, st->salt, sizeof(st->salt), &st->salt_len) ||
        st->salt_len < ARGON2_MIN_SALT_LENGTH)
        return false;
    s += n;
    if (!eat(&s, "$")) return false;
    n = strlen(s);
    if (field_len(s) != n || !b64_decode(s, n, false, st->tag, sizeof(st->tag), &st->tag_len) ||
        st->tag_len < ARGON2_MIN_OUTLEN)
        return false;
    if (st->t_cost < 1 || st->lanes < 1 || st->m_cost < 8 * st->lanes) return false;
    *why = "argon2 cost over the verification limit";
    return st->m_cost <= PW_VERIFY_MAX_M_COST && st->t_cost <= PW_VERIFY_MAX_T_COST &&
           st->m_cost * st->t_cost <= PW_VERIFY_MAX_MT_COST && st->lanes <= PW_VERIFY_MAX_LANES;
}

/* Log, in one line, why a stored value was refused: its form and the reason, never the value. */
static void refuse(const char *form, const char *why)
{
    log_warn("stored password hash refused: %s (%s)", why, form);
}

/* ---- verifying ----------------------------------------------------------------------- */

/* Check password against an argon2 value (ours, or Django's with its prefix removed). */
static int verify_argon2(struct wm_ctx *ctx, const char *form, const char *password,
                         const char *encoded, bool *ok, struct argon2_stored *st)
{
    const char *why;
    if (!parse_argon2(encoded, st, &why)) {
        refuse(form, why);
        return WM_OK;
    }
    unsigned char tag[ARGON2_MAX_FIELD];
    int arc = argon2_hash((uint32_t)st->t_cost, (uint32_t)st->m_cost, (uint32_t)st->lanes, password,
                          strlen(password), st->salt, st->salt_len, tag, st->tag_len, NULL, 0,
                          st->type, st->version);
    if (arc == ARGON2_MEMORY_ALLOCATION_ERROR || arc == ARGON2_THREAD_FAIL)
        return wm_errorf(ctx, WM_EINTERNAL, "argon2 verification failed: %s",
                         argon2_error_message(arc));
    if (arc != ARGON2_OK) {
        refuse(form, argon2_error_message(arc));
        return WM_OK;
    }
    *ok = CRYPTO_memcmp(tag, st->tag, st->tag_len) == 0;
    OPENSSL_cleanse(tag, sizeof(tag));
    return WM_OK;
}

/*
 * Check password against Django's "pbkdf2_<digest>$<iterations>$<salt>$<base64 key>" after
 * the algorithm prefix (rest points at the iterations). The key is as long as the digest
 * (Django's dklen=None); the salt is used as its bytes, as Django encodes it.
 */
static int verify_pbkdf2(struct wm_ctx *ctx, const char *form, const EVP_MD *md,
                         const char *password, const char *rest, bool *ok)
{
    uint64_t iterations;
    if (!eat_number(&rest, &iterations) || iterations < 1 || !eat(&rest, "$")) {
        refuse(form, "malformed iteration count");
        return WM_OK;
    }
    if (iterations > PW_VERIFY_MAX_ITERATIONS) {
        refuse(form, "iteration count over the verification limit");
        return WM_OK;
    }
    const char *salt = rest;
    size_t salt_len = field_len(salt);
    rest += salt_len;
    size_t key_len = (size_t)EVP_MD_get_size(md);
    unsigned char stored[EVP_MAX_MD_SIZE];
    size_t stored_len = 0;
    size_t b64_len = rest[0] == '$' ? strlen(rest + 1) : 0;
    if (salt_len == 0 || rest[0] != '$' || field_len(rest + 1) != b64_len ||
        !b64_decode(rest + 1, b64_len, true, stored, sizeof(stored), &stored_len) ||
        stored_len != key_len) {
        refuse(form, "malformed salt or key");
        return WM_OK;
    }
    size_t password_len = strlen(password);
    if (password_len > INT_MAX || salt_len > INT_MAX) return WM_OK;
    unsigned char key[EVP_MAX_MD_SIZE];
    if (PKCS5_PBKDF2_HMAC(password, (int)password_len, (const unsigned char *)salt, (int)salt_len,
                          (int)iterations, md, (int)key_len, key) != 1)
        return wm_errorf(ctx, WM_EINTERNAL, "PBKDF2 failed");
    *ok = CRYPTO_memcmp(key, stored, key_len) == 0;
    OPENSSL_cleanse(key, sizeof(key));
    return WM_OK;
}

/* True when our own argon2 value is weaker than params or than today's format. */
static bool argon2_is_weak(const struct argon2_stored *st, const struct pw_params *params)
{
    return st->type != Argon2_id || st->version != ARGON2_VERSION_13 ||
           st->t_cost < params->t_cost || st->m_cost < params->m_cost ||
           st->salt_len < PW_ARGON2_SALT_LEN || st->tag_len < PW_ARGON2_HASH_LEN;
}

/* Log an unknown algorithm by its name when it looks like one (Django's "md5", "bcrypt"...). */
static void refuse_unknown(const char *stored)
{
    size_t n = field_len(stored);
    bool is_name = n > 0 && n <= 32 && stored[n] == '$';
    for (size_t i = 0; is_name && i < n; i++) {
        unsigned char c = (unsigned char)stored[i];
        is_name = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (is_name)
        log_warn("stored password hash refused: unsupported algorithm '%.*s'", (int)n, stored);
    else
        refuse("unknown", "unrecognised format");
}

int pw_verify_with(struct wm_ctx *ctx, const struct pw_params *params, const char *password,
                   const char *stored, bool *ok, bool *needs_rehash)
{
    assert(params && password && ok && needs_rehash);
    *ok = false;
    *needs_rehash = false;
    /* Django marks accounts without a usable password with a leading '!'. */
    if (!stored || !stored[0] || stored[0] == '!') return WM_OK;

    int rc;
    bool upgrade = true; /* every Django form is replaced once the password is known */
    struct argon2_stored st;
    const char *rest = stored;
    if (stored[0] == '$') {
        rc = verify_argon2(ctx, "argon2", password, stored, ok, &st);
        upgrade = *ok && argon2_is_weak(&st, params);
    } else if (eat(&rest, "argon2$")) {
        rc = verify_argon2(ctx, "django argon2", password, rest - 1, ok, &st);
    } else if (eat(&rest, "pbkdf2_sha256$")) {
        rc = verify_pbkdf2(ctx, "django pbkdf2_sha256", EVP_sha256(), password, rest, ok);
    } else if (eat(&rest, "pbkdf2_sha1$")) {
        rc = verify_pbkdf2(ctx, "django pbkdf2_sha1", EVP_sha1(), password, rest, ok);
    } else {
        refuse_unknown(stored);
        return WM_OK;
    }
    if (rc != WM_OK) *ok = false;
    *needs_rehash = *ok && upgrade;
    return rc;
}

int pw_verify(struct wm_ctx *ctx, const char *password, const char *stored, bool *ok,
              bool *needs_rehash)
{
    return pw_verify_with(ctx, &pw_default_params, password, stored, ok, needs_rehash);
}

/* ---- strength: Django's validators --------------------------------------------------- */

struct cp_range {
    uint32_t first, last;
};

/* clang-format off */
/* Code points for which Python 3.11 (Unicode 14) str.isdigit() is true, generated with
 * unicodedata: NumericPasswordValidator's test. */
static const struct cp_range digit_ranges[] = {
    { 0x0030, 0x0039 }, { 0x00b2, 0x00b3 }, { 0x00b9, 0x00b9 }, { 0x0660, 0x0669 },
    { 0x06f0, 0x06f9 }, { 0x07c0, 0x07c9 }, { 0x0966, 0x096f }, { 0x09e6, 0x09ef },
    { 0x0a66, 0x0a6f }, { 0x0ae6, 0x0aef }, { 0x0b66, 0x0b6f }, { 0x0be6, 0x0bef },
    { 0x0c66, 0x0c6f }, { 0x0ce6, 0x0cef }, { 0x0d66, 0x0d6f }, { 0x0de6, 0x0def },
    { 0x0e50, 0x0e59 }, { 0x0ed0, 0x0ed9 }, { 0x0f20, 0x0f29 }, { 0x1040, 0x1049 },
    { 0x1090, 0x1099 }, { 0x1369, 0x1371 }, { 0x17e0, 0x17e9 }, { 0x1810, 0x1819 },
    { 0x1946, 0x194f }, { 0x19d0, 0x19da }, { 0x1a80, 0x1a89 }, { 0x1a90, 0x1a99 },
    { 0x1b50, 0x1b59 }, { 0x1bb0, 0x1bb9 }, { 0x1c40, 0x1c49 }, { 0x1c50, 0x1c59 },
    { 0x2070, 0x2070 }, { 0x2074, 0x2079 }, { 0x2080, 0x2089 }, { 0x2460, 0x2468 },
    { 0x2474, 0x247c }, { 0x2488, 0x2490 }, { 0x24ea, 0x24ea }, { 0x24f5, 0x24fd },
    { 0x24ff, 0x24ff }, { 0x2776, 0x277e }, { 0x2780, 0x2788 }, { 0x278a, 0x2792 },
    { 0xa620, 0xa629 }, { 0xa8d0, 0xa8d9 }, { 0xa900, 0xa909 }, { 0xa9d0, 0xa9d9 },
    { 0xa9f0, 0xa9f9 }, { 0xaa50, 0xaa59 }, { 0xabf0, 0xabf9 }, { 0xff10, 0xff19 },
    { 0x104a0, 0x104a9 }, { 0x10a40, 0x10a43 }, { 0x10d30, 0x10d39 }, { 0x10e60, 0x10e68 },
    { 0x11052, 0x1105a }, { 0x11066, 0x1106f }, { 0x110f0, 0x110f9 }, { 0x11136, 0x1113f },
    { 0x111d0, 0x111d9 }, { 0x112f0, 0x112f9 }, { 0x11450, 0x11459 }, { 0x114d0, 0x114d9 },
    { 0x11650, 0x11659 }, { 0x116c0, 0x116c9 }, { 0x11730, 0x11739 }, { 0x118e0, 0x118e9 },
    { 0x11950, 0x11959 }, { 0x11c50, 0x11c59 }, { 0x11d50, 0x11d59 }, { 0x11da0, 0x11da9 },
    { 0x16a60, 0x16a69 }, { 0x16ac0, 0x16ac9 }, { 0x16b50, 0x16b59 }, { 0x1d7ce, 0x1d7ff },
    { 0x1e140, 0x1e149 }, { 0x1e2f0, 0x1e2f9 }, { 0x1e950, 0x1e959 }, { 0x1f100, 0x1f10a },
    { 0x1fbf0, 0x1fbf9 },
};

/* Non-ASCII code points that Python's re \W matches, exact for Latin-1, General Punctuation,
 * the symbol blocks U+2070-U+2BFF, CJK punctuation and the half/fullwidth forms; generated
 * like digit_ranges. Elsewhere (letters of other scripts) everything counts as a word
 * character, which can only make an attribute split into fewer parts. */
static const struct cp_range nonword_ranges[] = {
    { 0x0080, 0x00a9 }, { 0x00ab, 0x00b1 }, { 0x00b4, 0x00b4 }, { 0x00b6, 0x00b8 },
    { 0x00bb, 0x00bb }, { 0x00bf, 0x00bf }, { 0x00d7, 0x00d7 }, { 0x00f7, 0x00f7 },
    { 0x2000, 0x206f }, { 0x2072, 0x2073 }, { 0x207a, 0x207e }, { 0x208a, 0x208f },
    { 0x209d, 0x2101 }, { 0x2103, 0x2106 }, { 0x2108, 0x2109 }, { 0x2114, 0x2114 },
    { 0x2116, 0x2118 }, { 0x211e, 0x2123 }, { 0x2125, 0x2125 }, { 0x2127, 0x2127 },
    { 0x2129, 0x2129 }, { 0x212e, 0x212e }, { 0x213a, 0x213b }, { 0x2140, 0x2144 },
    { 0x214a, 0x214d }, { 0x214f, 0x214f }, { 0x218a, 0x245f }, { 0x249c, 0x24e9 },
    { 0x2500, 0x2775 }, { 0x2794, 0x2bff }, { 0x3000, 0x3004 }, { 0x3008, 0x3020 },
    { 0x302a, 0x3030 }, { 0x3036, 0x3037 }, { 0x303d, 0x303f }, { 0xfe30, 0xfe6f },
    { 0xff00, 0xff0f }, { 0xff1a, 0xff20 }, { 0xff3b, 0xff40 }, { 0xff5b, 0xff65 },
    { 0xffbf, 0xffc1 }, { 0xffc8, 0xffc9 }, { 0xffd0, 0xffd1 }, { 0xffd8, 0xffd9 },
    { 0xffdd, 0xffef },
};

/* Code points for which str.isspace() is true: what str.strip() removes. */
static const struct cp_range space_ranges[] = {
    { 0x0009, 0x000d }, { 0x001c, 0x0020 }, { 0x0085, 0x0085 }, { 0x00a0, 0x00a0 },
    { 0x1680, 0x1680 }, { 0x2000, 0x200a }, { 0x2028, 0x2029 }, { 0x202f, 0x202f },
    { 0x205f, 0x205f }, { 0x3000, 0x3000 },
};

/* str.lower() of Python 3.11 (Unicode 14) as runs of uppercase code points and the distance
 * to their lowercase, generated with Python like the tables above; step 2 means every other
 * code point of the run (alternating upper/lower pairs). Only the two special casings that
 * change the length or depend on context are missing: U+0130 (to "i" + U+0307) and the final
 * sigma (U+03A3 always gives U+03C3 here). */
static const struct case_run {
    uint32_t first, last;
    uint32_t step;
    int32_t delta;
} lower_runs[] = {
    { 0x0041, 0x005a, 1, 32 }, { 0x00c0, 0x00d6, 1, 32 }, { 0x00d8, 0x00de, 1, 32 },
    { 0x0100, 0x012e, 2, 1 }, { 0x0132, 0x0136, 2, 1 }, { 0x0139, 0x0147, 2, 1 },
    { 0x014a, 0x0176, 2, 1 }, { 0x0178, 0x0178, 1, -121 }, { 0x0179, 0x017d, 2, 1 },
    { 0x0181, 0x0181, 1, 210 }, { 0x0182, 0x0184, 2, 1 }, { 0x0186, 0x0186, 1, 206 },
    { 0x0187, 0x0187, 1, 1 }, { 0x0189, 0x018a, 1, 205 }, { 0x018b, 0x018b, 1, 1 },
    { 0x018e, 0x018e, 1, 79 }, { 0x018f, 0x018f, 1, 202 }, { 0x0190, 0x0190, 1, 203 },
    { 0x0191, 0x0191, 1, 1 }, { 0x0193, 0x0193, 1, 205 }, { 0x0194, 0x0194, 1, 207 },
    { 0x0196, 0x0196, 1, 211 }, { 0x0197, 0x0197, 1, 209 }, { 0x0198, 0x0198, 1, 1 },
    { 0x019c, 0x019c, 1, 211 }, { 0x019d, 0x019d, 1, 213 }, { 0x019f, 0x019f, 1, 214 },
    { 0x01a0, 0x01a4, 2, 1 }, { 0x01a6, 0x01a6, 1, 218 }, { 0x01a7, 0x01a7, 1, 1 },
    { 0x01a9, 0x01a9, 1, 218 }, { 0x01ac, 0x01ac, 1, 1 }, { 0x01ae, 0x01ae, 1, 218 },
    { 0x01af, 0x01af, 1, 1 }, { 0x01b1, 0x01b2, 1, 217 }, { 0x01b3, 0x01b5, 2, 1 },
    { 0x01b7, 0x01b7, 1, 219 }, { 0x01b8, 0x01b8, 1, 1 }, { 0x01bc, 0x01bc, 1, 1 },
    { 0x01c4, 0x01c4, 1, 2 }, { 0x01c5, 0x01c5, 1, 1 }, { 0x01c7, 0x01c7, 1, 2 },
    { 0x01c8, 0x01c8, 1, 1 }, { 0x01ca, 0x01ca, 1, 2 }, { 0x01cb, 0x01db, 2, 1 },
    { 0x01de, 0x01ee, 2, 1 }, { 0x01f1, 0x01f1, 1, 2 }, { 0x01f2, 0x01f4, 2, 1 },
    { 0x01f6, 0x01f6, 1, -97 }, { 0x01f7, 0x01f7, 1, -56 }, { 0x01f8, 0x021e, 2, 1 },
    { 0x0220, 0x0220, 1, -130 }, { 0x0222, 0x0232, 2, 1 }, { 0x023a, 0x023a, 1, 10795 },
    { 0x023b, 0x023b, 1, 1 }, { 0x023d, 0x023d, 1, -163 }, { 0x023e, 0x023e, 1, 10792 },
    { 0x0241, 0x0241, 1, 1 }, { 0x0243, 0x0243, 1, -195 }, { 0x0244, 0x0244, 1, 69 },
    { 0x0245, 0x0245, 1, 71 }, { 0x0246, 0x024e, 2, 1 }, { 0x0370, 0x0372, 2, 1 },
    { 0x0376, 0x0376, 1, 1 }, { 0x037f, 0x037f, 1, 116 }, { 0x0386, 0x0386, 1, 38 },
    { 0x0388, 0x038a, 1, 37 }, { 0x038c, 0x038c, 1, 64 }, { 0x038e, 0x038f, 1, 63 },
    { 0x0391, 0x03a1, 1, 32 }, { 0x03a3, 0x03ab, 1, 32 }, { 0x03cf, 0x03cf, 1, 8 },
    { 0x03d8, 0x03ee, 2, 1 }, { 0x03f4, 0x03f4, 1, -60 }, { 0x03f7, 0x03f7, 1, 1 },
    { 0x03f9, 0x03f9, 1, -7 }, { 0x03fa, 0x03fa, 1, 1 }, { 0x03fd, 0x03ff, 1, -130 },
    { 0x0400, 0x040f, 1, 80 }, { 0x0410, 0x042f, 1, 32 }, { 0x0460, 0x0480, 2, 1 },
    { 0x048a, 0x04be, 2, 1 }, { 0x04c0, 0x04c0, 1, 15 }, { 0x04c1, 0x04cd, 2, 1 },
    { 0x04d0, 0x052e, 2, 1 }, { 0x0531, 0x0556, 1, 48 }, { 0x10a0, 0x10c5, 1, 7264 },
    { 0x10c7, 0x10c7, 1, 7264 }, { 0x10cd, 0x10cd, 1, 7264 }, { 0x13a0, 0x13ef, 1, 38864 },
    { 0x13f0, 0x13f5, 1, 8 }, { 0x1c90, 0x1cba, 1, -3008 }, { 0x1cbd, 0x1cbf, 1, -3008 },
    { 0x1e00, 0x1e94, 2, 1 }, { 0x1e9e, 0x1e9e, 1, -7615 }, { 0x1ea0, 0x1efe, 2, 1 },
    { 0x1f08, 0x1f0f, 1, -8 }, { 0x1f18, 0x1f1d, 1, -8 }, { 0x1f28, 0x1f2f, 1, -8 },
    { 0x1f38, 0x1f3f, 1, -8 }, { 0x1f48, 0x1f4d, 1, -8 }, { 0x1f59, 0x1f5f, 2, -8 },
    { 0x1f68, 0x1f6f, 1, -8 }, { 0x1f88, 0x1f8f, 1, -8 }, { 0x1f98, 0x1f9f, 1, -8 },
    { 0x1fa8, 0x1faf, 1, -8 }, { 0x1fb8, 0x1fb9, 1, -8 }, { 0x1fba, 0x1fbb, 1, -74 },
    { 0x1fbc, 0x1fbc, 1, -9 }, { 0x1fc8, 0x1fcb, 1, -86 }, { 0x1fcc, 0x1fcc, 1, -9 },
    { 0x1fd8, 0x1fd9, 1, -8 }, { 0x1fda, 0x1fdb, 1, -100 }, { 0x1fe8, 0x1fe9, 1, -8 },
    { 0x1fea, 0x1feb, 1, -112 }, { 0x1fec, 0x1fec, 1, -7 }, { 0x1ff8, 0x1ff9, 1, -128 },
    { 0x1ffa, 0x1ffb, 1, -126 }, { 0x1ffc, 0x1ffc, 1, -9 }, { 0x2126, 0x2126, 1, -7517 },
    { 0x212a, 0x212a, 1, -8383 }, { 0x212b, 0x212b, 1, -8262 }, { 0x2132, 0x2132, 1, 28 },
    { 0x2160, 0x216f, 1, 16 }, { 0x2183, 0x2183, 1, 1 }, { 0x24b6, 0x24cf, 1, 26 },
    { 0x2c00, 0x2c2f, 1, 48 }, { 0x2c60, 0x2c60, 1, 1 }, { 0x2c62, 0x2c62, 1, -10743 },
    { 0x2c63, 0x2c63, 1, -3814 }, { 0x2c64, 0x2c64, 1, -10727 }, { 0x2c67, 0x2c6b, 2, 1 },
    { 0x2c6d, 0x2c6d, 1, -10780 }, { 0x2c6e, 0x2c6e, 1, -10749 }, { 0x2c6f, 0x2c6f, 1, -10783 },
    { 0x2c70, 0x2c70, 1, -10782 }, { 0x2c72, 0x2c72, 1, 1 }, { 0x2c75, 0x2c75, 1, 1 },
    { 0x2c7e, 0x2c7f, 1, -10815 }, { 0x2c80, 0x2ce2, 2, 1 }, { 0x2ceb, 0x2ced, 2, 1 },
    { 0x2cf2, 0x2cf2, 1, 1 }, { 0xa640, 0xa66c, 2, 1 }, { 0xa680, 0xa69a, 2, 1 },
    { 0xa722, 0xa72e, 2, 1 }, { 0xa732, 0xa76e, 2, 1 }, { 0xa779, 0xa77b, 2, 1 },
    { 0xa77d, 0xa77d, 1, -35332 }, { 0xa77e, 0xa786, 2, 1 }, { 0xa78b, 0xa78b, 1, 1 },
    { 0xa78d, 0xa78d, 1, -42280 }, { 0xa790, 0xa792, 2, 1 }, { 0xa796, 0xa7a8, 2, 1 },
    { 0xa7aa, 0xa7aa, 1, -42308 }, { 0xa7ab, 0xa7ab, 1, -42319 }, { 0xa7ac, 0xa7ac, 1, -42315 },
    { 0xa7ad, 0xa7ad, 1, -42305 }, { 0xa7ae, 0xa7ae, 1, -42308 }, { 0xa7b0, 0xa7b0, 1, -42258 },
    { 0xa7b1, 0xa7b1, 1, -42282 }, { 0xa7b2, 0xa7b2, 1, -42261 }, { 0xa7b3, 0xa7b3, 1, 928 },
    { 0xa7b4, 0xa7c2, 2, 1 }, { 0xa7c4, 0xa7c4, 1, -48 }, { 0xa7c5, 0xa7c5, 1, -42307 },
    { 0xa7c6, 0xa7c6, 1, -35384 }, { 0xa7c7, 0xa7c9, 2, 1 }, { 0xa7d0, 0xa7d0, 1, 1 },
    { 0xa7d6, 0xa7d8, 2, 1 }, { 0xa7f5, 0xa7f5, 1, 1 }, { 0xff21, 0xff3a, 1, 32 },
    { 0x10400, 0x10427, 1, 40 }, { 0x104b0, 0x104d3, 1, 40 }, { 0x10570, 0x1057a, 1, 39 },
    { 0x1057c, 0x1058a, 1, 39 }, { 0x1058c, 0x10592, 1, 39 }, { 0x10594, 0x10595, 1, 39 },
    { 0x10c80, 0x10cb2, 1, 64 }, { 0x118a0, 0x118bf, 1, 32 }, { 0x16e40, 0x16e5f, 1, 32 },
    { 0x1e900, 0x1e921, 1, 34 },
};
/* clang-format on */

static bool in_ranges(uint32_t c, const struct cp_range *r, size_t n)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < r[mid].first)
            hi = mid;
        else if (c > r[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#define IN_RANGES(c, table) in_ranges((c), (table), sizeof(table) / sizeof((table)[0]))

static uint32_t cp_lower(uint32_t c)
{
    size_t lo = 0;
    size_t hi = sizeof(lower_runs) / sizeof(lower_runs[0]);
    while (lo < hi) { /* the first run starting after c */
        size_t mid = lo + (hi - lo) / 2;
        if (lower_runs[mid].first <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) return c;
    const struct case_run *r = &lower_runs[lo - 1];
    if (c > r->last || (c - r->first) % r->step != 0) return c;
    return (uint32_t)((int32_t)c + r->delta);
}

/* Python's \w: letters, digits, numerics and '_' (see nonword_ranges for the limits). */
static bool cp_is_word(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    return !IN_RANGES(c, nonword_ranges);
}

/* The length of the UTF-8 sequence that lead byte c starts, or 0 when c cannot start one. */
static size_t utf8_seq_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c >= 0xc2 && c <= 0xdf) return 2;
    if (c >= 0xe0 && c <= 0xef) return 3;
    if (c >= 0xf0 && c <= 0xf4) return 4;
    return 0;
}

/* Decode the len-byte sequence at p (n bytes available) into *c. False when it is cut short,
 * overlong, a surrogate or past U+10FFFF. */
static bool utf8_seq_value(const unsigned char *p, size_t len, size_t n, uint32_t *c)
{
    static const uint32_t min_cp[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (len == 0 || len > n) return false;
    uint32_t v = len == 1 ? p[0] : p[0] & (0xffu >> (len + 1));
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xc0) != 0x80) return false;
        v = (v << 6) | (p[k] & 0x3fu);
    }
    if (v < min_cp[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return false;
    *c = v;
    return true;
}

/*
 * Decode the UTF-8 string s into code points in the arena, lowercased when lower is set.
 * Each byte that does not start a valid sequence becomes one U+FFFD, so the count never
 * exceeds strlen(s).
 */
static size_t utf8_decode(struct arena *a, const char *s, bool lower, uint32_t **out)
{
    size_t n = strlen(s);
    uint32_t *cps = ARENA_ARRAY(a, uint32_t, n + 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0;
    size_t i = 0;
    while (i < n) {
        size_t len = utf8_seq_len(p[i]);
        uint32_t c;
        if (!utf8_seq_value(p + i, len, n - i, &c)) {
            c = 0xfffd;
            len = 1;
        }
        i += len;
        cps[count++] = lower ? cp_lower(c) : c;
    }
    *out = cps;
    return count;
}

static int cmp_cp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A sorted copy of n code points, in the arena. */
static uint32_t *sorted_copy(struct arena *a, const uint32_t *cps, size_t n)
{
    uint32_t *s = ARENA_ARRAY(a, uint32_t, n + 1);
    if (n > 0) {
        memcpy(s, cps, n * sizeof(*s));
        qsort(s, n, sizeof(*s), cmp_cp);
    }
    return s;
}

/*
 * difflib.SequenceMatcher(a=password, b=value).quick_ratio(): the size of the multiset
 * intersection of the two sequences, doubled, over their total length (1.0 when both are
 * empty). pw is sorted already; value is sorted here. Computed in double exactly as Python
 * does, so comparisons at the 0.7 boundary agree with Django.
 */
static double quick_ratio(struct arena *a, const uint32_t *pw, size_t pw_len, const uint32_t *value,
                          size_t value_len)
{
    if (pw_len + value_len == 0) return 1.0;
    uint32_t *v = sorted_copy(a, value, value_len);
    size_t matches = 0;
    size_t i = 0;
    size_t j = 0;
    while (i < pw_len && j < value_len) {
        if (pw[i] < v[j]) {
            i++;
        } else if (pw[i] > v[j]) {
            j++;
        } else {
            matches++;
            i++;
            j++;
        }
    }
    return 2.0 * (double)matches / (double)(pw_len + value_len);
}

/* Django's exceeds_maximum_length_ratio(): a value this much shorter than the password
 * cannot reach the ratio, so it is skipped without computing it. */
static bool exceeds_length_ratio(size_t pw_len, size_t value_len)
{
    double bound = PW_MAX_SIMILARITY / 2 * (double)pw_len;
    return pw_len >= 10 * value_len && (double)value_len < bound;
}

/* One candidate of the similarity rule: skipped when too short to matter, else compared. */
static bool part_is_similar(struct arena *a, const uint32_t *pw_sorted, size_t pw_len,
                            const uint32_t *part, size_t part_len)
{
    return !exceeds_length_ratio(pw_len, part_len) &&
           quick_ratio(a, pw_sorted, pw_len, part, part_len) >= PW_MAX_SIMILARITY;
}

/* True when value, lowercased, or one of its parts is too similar to the password. The parts
 * are re.split(r"\W+", value): the runs between non-word characters, with the empty part
 * before a leading or after a trailing separator, as Python gives them. */
static bool too_similar(struct arena *a, const uint32_t *pw_sorted, size_t pw_len,
                        const char *value)
{
    uint32_t *v;
    size_t n = utf8_decode(a, value, true, &v);
    size_t start = 0;
    size_t i = 0;
    for (;;) {
        while (i < n && cp_is_word(v[i]))
            i++;
        if (part_is_similar(a, pw_sorted, pw_len, v + start, i - start)) return true;
        if (i == n) break;
        while (i < n && !cp_is_word(v[i]))
            i++;
        start = i;
    }
    return part_is_similar(a, pw_sorted, pw_len, v, n);
}

static int cmp_common(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

/* Django's CommonPasswordValidator: password.lower().strip() in the shipped list. */
static bool is_common(struct arena *a, const uint32_t *lower, size_t n)
{
    size_t first = 0;
    while (first < n && IN_RANGES(lower[first], space_ranges))
        first++;
    while (n > first && IN_RANGES(lower[n - 1], space_ranges))
        n--;
    char *s = arena_alloc(a, (n - first) * 4 + 1);
    size_t len = 0;
    for (size_t i = first; i < n; i++) {
        uint32_t c = lower[i];
        if (c >= 0x80) return false; /* the list is ASCII */
        s[len++] = (char)c;
    }
    s[len] = '\0';
    return bsearch(s, pw_common_passwords, pw_common_passwords_count,
                   sizeof(pw_common_passwords[0]), cmp_common) != NULL;
}

size_t pw_check_strength(struct wm_ctx *ctx, const char *password, const char *email,
                         const char *first_name, const char *last_name,
                         const char *problems[PW_MAX_PROBLEMS])
{
    assert(password && problems);
    struct arena *a = ctx->arena;
    size_t count = 0;
    uint32_t *lower;
    size_t n = utf8_decode(a, password, true, &lower);

    /* UserAttributeSimilarityValidator: Django's attribute order (no username here), the
     * first similar attribute only. */
    const char *const values[] = { first_name, last_name, email };
    static const char *const similar[] = {
        "The password is too similar to the first name.",
        "The password is too similar to the last name.",
        "The password is too similar to the email address.",
    };
    uint32_t *sorted = sorted_copy(a, lower, n);
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        if (values[i] && values[i][0] && too_similar(a, sorted, n, values[i])) {
            problems[count++] = similar[i];
            break;
        }
    }

    _Static_assert(PW_MIN_LENGTH == 8, "the message below spells out PW_MIN_LENGTH");
    if (n < PW_MIN_LENGTH)
        problems[count++] = "This password is too short. It must contain at least 8 characters.";

    if (is_common(a, lower, n)) problems[count++] = "This password is too common.";

    uint32_t *raw;
    size_t raw_len = utf8_decode(a, password, false, &raw);
    bool numeric = raw_len > 0;
    for (size_t i = 0; numeric && i < raw_len; i++)
        numeric = IN_RANGES(raw[i], digit_ranges);
    if (numeric) problems[count++] = "This password is entirely numeric.";
    return count;
}
