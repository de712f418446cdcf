/*
 * password.h: password hashing, verification and strength rules. New hashes are Argon2id
 * (libargon2) in the standard encoded form; hashes carried over from a Django backend
 * (pbkdf2_sha256, pbkdf2_sha1, argon2) still verify and ask to be upgraded. The strength
 * rules are Django's four default validators, with Django's wording. Nothing here touches
 * the database: callers store and pass the encoded strings. Strings returned live in
 * ctx->arena or are static.
 */
#ifndef WM_AUTH_PASSWORD_H
#define WM_AUTH_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

/* Argon2id cost of new hashes. m = 46 MiB, t = 2, p = 1 is above OWASP's first choice
 * (46 MiB, t = 1); pw_hash() and pw_verify() each take 83-88 ms on the 2-core EPYC build host
 * (-O2). One lane, because each FastCGI worker serves one request at a time and more lanes
 * would only compete with the other workers for the same cores. */
#define PW_ARGON2_T_COST   2     /* passes over the memory */
#define PW_ARGON2_M_COST   47104 /* KiB */
#define PW_ARGON2_LANES    1     /* parallelism */
#define PW_ARGON2_SALT_LEN 16    /* bytes of getrandom(2) per hash */
#define PW_ARGON2_HASH_LEN 32    /* bytes of tag */

/* Stored hashes that would cost more than this to check are refused (not computed), so a
 * hostile or corrupt row cannot pin a worker: the costliest accepted argon2 value takes about
 * 1.2 s here, Django's own defaults (m = 100 MiB, t = 2, p = 8; 870000 iterations) 0.13 and
 * 0.2 s. */
#define PW_VERIFY_MAX_M_COST     262144   /* KiB: 256 MiB */
#define PW_VERIFY_MAX_T_COST     16       /* passes */
#define PW_VERIFY_MAX_MT_COST    1048576  /* KiB x passes: 1 GiB of memory traffic */
#define PW_VERIFY_MAX_LANES      16       /* libargon2 runs one thread per lane */
#define PW_VERIFY_MAX_ITERATIONS 10000000 /* PBKDF2: about 2.3 s of SHA-256 here */

/* Strength rules (Django's MinimumLengthValidator and UserAttributeSimilarityValidator). */
#define PW_MIN_LENGTH     8   /* code points */
#define PW_MAX_SIMILARITY 0.7 /* SequenceMatcher.quick_ratio() at or above this is too similar */
#define PW_MAX_PROBLEMS   4   /* one per rule: similarity, length, common, numeric */

/* An Argon2id cost: the one new hashes get, and the floor below which a stored hash asks to be
 * rehashed. */
struct pw_params {
    uint32_t t_cost; /* passes, >= 1 */
    uint32_t m_cost; /* KiB, >= 8 * lanes */
    uint32_t lanes;  /* parallelism, >= 1 */
};

/* The production cost: { PW_ARGON2_T_COST, PW_ARGON2_M_COST, PW_ARGON2_LANES }. */
extern const struct pw_params pw_default_params;

/*
 * Hash password (a NUL-terminated UTF-8 string; callers reject passwords containing NUL before
 * they get here) with Argon2id at pw_default_params and a fresh 16-byte salt from getrandom(2).
 * *out is the encoded string, in the arena:
 *     $argon2id$v=19$m=47104,t=2,p=1$<salt, base64 without padding>$<hash, same>
 * WM_OK, or WM_EINTERNAL (getrandom or libargon2 failed; detail in ctx->err and the log).
 */
int pw_hash(struct wm_ctx *ctx, const char *password, char **out);

/* pw_hash() at another cost, for tests and benchmarks (a cost below the default makes every
 * later pw_verify() ask for a rehash). WM_EINTERNAL also for params libargon2 refuses. */
int pw_hash_with(struct wm_ctx *ctx, const struct pw_params *params, const char *password,
                 char **out);

/*
 * Check password against stored, a value from the password column. Understood forms:
 *   $argon2id$v=19$m=..,t=..,p=..$salt$hash     ours (also $argon2i$, and v=16 or no v=)
 *   argon2$argon2id$v=19$m=..,t=..,p=..$s$h      Django's Argon2PasswordHasher (also argon2i)
 *   pbkdf2_sha256$<iterations>$<salt>$<base64>   Django's default hasher (32-byte key)
 *   pbkdf2_sha1$<iterations>$<salt>$<base64>     Django's PBKDF2SHA1PasswordHasher (20 bytes)
 * *ok is true only when the password matches; the final comparison is constant time.
 * *needs_rehash is true only when *ok is and the stored form should be replaced by a fresh
 * pw_hash() now that the password is known: every Django form, and our own form when weaker
 * than pw_default_params (t or m lower, argon2i, v=16, salt or hash shorter than ours).
 * NULL, empty and Django's unusable ("!...") values give *ok = false quietly. Malformed values,
 * unknown algorithms and costs over the PW_VERIFY_MAX_* limits give *ok = false and one warn
 * line naming the reason (never the value). Checking costs about what hashing does: to keep
 * "no such user" as slow as "wrong password", call pw_hash() on the unknown-user path.
 * WM_OK, or WM_EINTERNAL when the computation itself fails (libargon2 out of memory).
 */
int pw_verify(struct wm_ctx *ctx, const char *password, const char *stored, bool *ok,
              bool *needs_rehash);

/* pw_verify() with params as the rehash floor instead of pw_default_params (tests). */
int pw_verify_with(struct wm_ctx *ctx, const struct pw_params *params, const char *password,
                   const char *stored, bool *ok, bool *needs_rehash);

/*
 * Django's default AUTH_PASSWORD_VALIDATORS, in Django's order, as messages in Django's words:
 *   "The password is too similar to the first name." (or "last name", "email address"):
 *       SequenceMatcher(password, part).quick_ratio() >= 0.7, both lowercased, for each
 *       attribute and each of its parts split on non-word characters (so the email's local
 *       part and domain words); attributes in the order first name, last name, email; at most
 *       one message; NULL or "" attributes are skipped;
 *   "This password is too short. It must contain at least 8 characters." (code points);
 *   "This password is too common." (lowercased and stripped, in pw_common_passwords);
 *   "This password is entirely numeric." (every code point a digit, as str.isdigit()).
 * password is UTF-8; each invalid byte counts as one character. Lowercasing is Python's
 * str.lower() but for two special casings (U+0130 and the final sigma); non-word characters
 * are exact for ASCII, Latin-1, punctuation, symbols and CJK/fullwidth punctuation, and every
 * other code point counts as a word character (an attribute may split into fewer parts).
 * Fills problems[0..n-1] with static strings and returns n (0 = acceptable); scratch space
 * comes from ctx->arena. Comparing the two entered passwords is the caller's job.
 */
size_t pw_check_strength(struct wm_ctx *ctx, const char *password, const char *email,
                         const char *first_name, const char *last_name,
                         const char *problems[PW_MAX_PROBLEMS]);

/* The shipped list of common passwords (common_passwords.c, made from common_passwords.txt):
 * lowercase, sorted by strcmp() for bsearch(), no duplicates. */
extern const char *const pw_common_passwords[];
extern const size_t pw_common_passwords_count;

#endif
