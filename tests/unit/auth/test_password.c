/*
 * test_password.c: unit tests for src/auth/password.c. Hashing round trips at a low Argon2
 * cost; Django's stored forms from known vectors (pbkdf2 strings computed on the build host
 * with Python's hashlib.pbkdf2_hmac, argon2 strings from Django's own test suite and from
 * libargon2's encoder); when a rehash is asked for; stored values that are truncated,
 * malformed or too costly, each refused with one warning that does not echo it; and Django's
 * four password validators, their wording and their edge cases (expected results checked
 * against Django's validator code run with Python 3.11).
 */
#include "auth/password.h"

#include <argon2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "test.h"

/* A cheap cost for tests: 1 pass over 256 KiB. */
static const struct pw_params low_cost = { 1, 256, 1 };

struct fixture {
    struct arena *arena;
    struct wm_ctx ctx;
};

static void begin(struct fixture *f)
{
    f->arena = arena_new(0);
    memset(&f->ctx, 0, sizeof(f->ctx));
    f->ctx.arena = f->arena;
    f->ctx.req_id = "t";
}

static void end(struct fixture *f)
{
    arena_free(f->arena);
}

/* ---- stderr capture, to count and read the warnings -------------------------------- */

struct capture {
    int saved_fd;            /* the real stderr while captured */
    int read_fd;             /* the pipe's read end */
    enum log_level saved_lv; /* the log level before */
};

static void capture_begin(struct capture *c)
{
    int p[2];
    CU_ASSERT_FATAL(pipe(p) == 0);
    (void)fflush(stderr);
    c->saved_fd = dup(STDERR_FILENO);
    CU_ASSERT_FATAL(c->saved_fd >= 0);
    CU_ASSERT_FATAL(dup2(p[1], STDERR_FILENO) == STDERR_FILENO);
    close(p[1]);
    c->read_fd = p[0];
    c->saved_lv = log_current_level;
    log_set_level(LOG_LEVEL_WARN);
}

/* Restore stderr and the level; return what was written (static buffer, NUL-terminated). */
static const char *capture_end(struct capture *c)
{
    static char out[16384];
    log_set_level(c->saved_lv);
    dup2(c->saved_fd, STDERR_FILENO);
    close(c->saved_fd);
    size_t len = 0;
    for (;;) {
        ssize_t n = read(c->read_fd, out + len, sizeof(out) - 1 - len);
        if (n <= 0) break;
        len += (size_t)n;
    }
    close(c->read_fd);
    out[len] = '\0';
    return out;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* pw_verify_with(low_cost) where the result must be WM_OK. */
static void check(struct fixture *f, const char *password, const char *stored, bool *ok,
                  bool *rehash)
{
    int rc = pw_verify_with(&f->ctx, &low_cost, password, stored, ok, rehash);
    CU_ASSERT_EQUAL(rc, WM_OK);
}

/* ---- hashing --------------------------------------------------------------------------- */

static void test_hash_default_cost_gives_the_standard_encoding(void)
{
    struct fixture f;
    begin(&f);
    char *enc = NULL;
    CU_ASSERT_EQUAL_FATAL(pw_hash(&f.ctx, "correct horse battery staple", &enc), WM_OK);
    const char *prefix = "$argon2id$v=19$m=47104,t=2,p=1$";
    CU_ASSERT_EQUAL(strncmp(enc, prefix, strlen(prefix)), 0);
    /* 16-byte salt and 32-byte hash, base64 without padding: 22 and 43 characters. */
    const char *salt = enc + strlen(prefix);
    const char *dollar = strchr(salt, '$');
    CU_ASSERT_PTR_NOT_NULL(dollar);
    if (dollar) {
        CU_ASSERT_EQUAL(dollar - salt, 22);
        CU_ASSERT_EQUAL(strlen(dollar + 1), 43);
    }
    CU_ASSERT_PTR_NULL(strchr(salt, '='));

    bool ok = false;
    bool rehash = true;
    CU_ASSERT_EQUAL(pw_verify(&f.ctx, "correct horse battery staple", enc, &ok, &rehash), WM_OK);
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_FALSE(rehash);
    CU_ASSERT_EQUAL(pw_verify(&f.ctx, "correct horse battery stapler", enc, &ok, &rehash), WM_OK);
    CU_ASSERT_FALSE(ok);
    CU_ASSERT_FALSE(rehash);
    end(&f);
}

static void test_hash_round_trips_at_a_low_cost(void)
{
    struct fixture f;
    begin(&f);
    static const char *const passwords[] = { "hunter2", "", "pässwörd ☃ 密码",
                                             ("a very long passphrase with spaces and more words "
                                              "than anybody would ever type in a login form") };
    for (size_t i = 0; i < sizeof(passwords) / sizeof(passwords[0]); i++) {
        char *enc;
        CU_ASSERT_EQUAL_FATAL(pw_hash_with(&f.ctx, &low_cost, passwords[i], &enc), WM_OK);
        CU_ASSERT_EQUAL(strncmp(enc, "$argon2id$v=19$m=256,t=1,p=1$", 29), 0);
        /* libargon2's own verifier agrees. */
        CU_ASSERT_EQUAL(argon2id_verify(enc, passwords[i], strlen(passwords[i])), ARGON2_OK);
        bool ok;
        bool rehash;
        check(&f, passwords[i], enc, &ok, &rehash);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_FALSE(rehash);
        check(&f, "wrong", enc, &ok, &rehash);
        CU_ASSERT_FALSE(ok);
        CU_ASSERT_FALSE(rehash);
        /* Weaker than the production cost: a real login upgrades it. */
        CU_ASSERT_EQUAL(pw_verify(&f.ctx, passwords[i], enc, &ok, &rehash), WM_OK);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_TRUE(rehash);
    }
    end(&f);
}

static void test_hash_uses_a_fresh_salt_each_time(void)
{
    struct fixture f;
    begin(&f);
    char *a;
    char *b;
    CU_ASSERT_EQUAL_FATAL(pw_hash_with(&f.ctx, &low_cost, "same", &a), WM_OK);
    CU_ASSERT_EQUAL_FATAL(pw_hash_with(&f.ctx, &low_cost, "same", &b), WM_OK);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    end(&f);
}

static void test_hash_reports_costs_libargon2_refuses(void)
{
    struct fixture f;
    begin(&f);
    static const struct pw_params bad = { 1, 4, 1 }; /* under 8 KiB per lane */
    char *enc = NULL;
    CU_ASSERT_EQUAL(pw_hash_with(&f.ctx, &bad, "x", &enc), WM_EINTERNAL);
    CU_ASSERT_PTR_NULL(enc);
    CU_ASSERT_PTR_NOT_NULL(f.ctx.err.message);
    end(&f);
}

/* ---- argon2 forms ------------------------------------------------------------------------ */

/* libargon2's encoding of password at the given cost, with a fixed salt; Django's form when
 * django is set ("argon2" + the encoding, as Django's Argon2PasswordHasher stores it). */
static char *encode(struct fixture *f, argon2_type type, uint32_t t, uint32_t m, const char *salt,
                    size_t hash_len, const char *password, bool django)
{
    size_t salt_len = strlen(salt);
    size_t len = argon2_encodedlen(t, m, 1, (uint32_t)salt_len, (uint32_t)hash_len, type);
    char *enc = arena_alloc(f->arena, len);
    int rc = argon2_hash(t, m, 1, password, strlen(password), salt, salt_len, NULL, hash_len, enc,
                         len, type, ARGON2_VERSION_13);
    CU_ASSERT_EQUAL_FATAL(rc, ARGON2_OK);
    return django ? arena_printf(f->arena, "argon2%s", enc) : enc;
}

static void test_weaker_argon2_encodings_verify_and_ask_for_a_rehash(void)
{
    struct fixture f;
    begin(&f);
    bool ok;
    bool rehash;
    const char *salt16 = "0123456789abcdef";
    /* At or above the floor: no rehash (a stronger stored cost is never downgraded). */
    check(&f, "pw", encode(&f, Argon2_id, 1, 256, salt16, 32, "pw", false), &ok, &rehash);
    CU_ASSERT_TRUE(ok && !rehash);
    check(&f, "pw", encode(&f, Argon2_id, 2, 512, salt16, 64, "pw", false), &ok, &rehash);
    CU_ASSERT_TRUE(ok && !rehash);
    /* Less memory, argon2i, a short salt, a short hash: each one asks for a rehash. */
    check(&f, "pw", encode(&f, Argon2_id, 1, 128, salt16, 32, "pw", false), &ok, &rehash);
    CU_ASSERT_TRUE(ok && rehash);
    check(&f, "pw", encode(&f, Argon2_i, 1, 256, salt16, 32, "pw", false), &ok, &rehash);
    CU_ASSERT_TRUE(ok && rehash);
    check(&f, "pw", encode(&f, Argon2_id, 1, 256, "8bytes!!", 32, "pw", false), &ok, &rehash);
    CU_ASSERT_TRUE(ok && rehash);
    check(&f, "pw", encode(&f, Argon2_id, 1, 256, salt16, 16, "pw", false), &ok, &rehash);
    CU_ASSERT_TRUE(ok && rehash);
    /* Fewer passes than the floor. */
    static const struct pw_params two_passes = { 2, 256, 1 };
    const char *one_pass = encode(&f, Argon2_id, 1, 256, salt16, 32, "pw", false);
    CU_ASSERT_EQUAL(pw_verify_with(&f.ctx, &two_passes, "pw", one_pass, &ok, &rehash), WM_OK);
    CU_ASSERT_TRUE(ok && rehash);
    /* A wrong password never asks for anything. */
    check(&f, "PW", encode(&f, Argon2_i, 1, 256, salt16, 32, "pw", false), &ok, &rehash);
    CU_ASSERT_FALSE(ok || rehash);
    end(&f);
}

static void test_django_argon2_vectors_verify(void)
{
    struct fixture f;
    begin(&f);
    /* From Django's tests/auth_tests/test_hashers.py: argon2i without a version (Django
     * 1.10), argon2i with v=19, and argon2id at Django's default cost (m=100 MiB, p=8). */
    static const char *const vectors[] = {
        ("argon2$argon2i$m=8,t=1,p=1$c29tZXNhbHQ$gwQOXSNhxiOxPOA0+PY10P9QFO4NAYysnqRt1GSQLE55m+"
         "2GYDt9FEjPMHhP2Cuf0nOEXXMocVrsJAtNSsKyfg"),
        "argon2$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$YC9+jJCrQhs5R6db7LlN8Q",
        "argon2$argon2id$v=19$m=102400,t=2,p=8$Y041dExhNkljRUUy$TMa6A8fPJhCAUXRhJXCXdw",
    };
    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
        bool ok = false;
        bool rehash = false;
        CU_ASSERT_EQUAL(pw_verify(&f.ctx, "secret", vectors[i], &ok, &rehash), WM_OK);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_TRUE(rehash);
        CU_ASSERT_EQUAL(pw_verify(&f.ctx, "wrong", vectors[i], &ok, &rehash), WM_OK);
        CU_ASSERT_FALSE(ok);
        CU_ASSERT_FALSE(rehash);
    }
    end(&f);
}

static void test_django_argon2_form_from_libargon2_verifies(void)
{
    struct fixture f;
    begin(&f);
    bool ok;
    bool rehash;
    /* Django 3.2+ salts are 22 random alphanumerics, used as their bytes. */
    const char *salt = "Q9xkPvU3nC0bTzLs8aWmYe";
    char *enc = encode(&f, Argon2_id, 2, 1024, salt, 32, "lètmein", true);
    CU_ASSERT_EQUAL(strncmp(enc, "argon2$argon2id$v=19$m=1024,t=2,p=1$", 36), 0);
    check(&f, "lètmein", enc, &ok, &rehash);
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_TRUE(rehash); /* even at a cost above the floor: Django's form is replaced */
    check(&f, "letmein", enc, &ok, &rehash);
    CU_ASSERT_FALSE(ok || rehash);
    enc = encode(&f, Argon2_i, 1, 256, salt, 16, "x", true);
    check(&f, "x", enc, &ok, &rehash);
    CU_ASSERT_TRUE(ok && rehash);
    end(&f);
}

/* ---- Django PBKDF2 ------------------------------------------------------------------------ */

struct pbkdf2_vector {
    const char *password;
    const char *stored;
};

/*
 * Computed on the build host with Python 3.11:
 *   base64.b64encode(hashlib.pbkdf2_hmac(digest, pw.encode(), salt.encode(), it)).decode()
 * laid out as Django's make_password() does. The pbkdf2_sha1 "password"/"salt" keys are
 * RFC 6070's test vectors 1 and 2 (0c60c80f..., 4b007901...).
 */
static const struct pbkdf2_vector pbkdf2_vectors[] = {
    { "lètmein", "pbkdf2_sha256$870000$seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=" },
    { "Password123!", "pbkdf2_sha256$1$a1b2c3$KjNcfvqUqxMgG7c4ZI7QiNzR+kAtIxKUL4bMvuyJK7A=" },
    { "pässwörd☃", "pbkdf2_sha256$1000$NaCl$CjYoG/ZEvdiTxys7hctFmwntlhNX7/U8pUPhmLT+66w=" },
    { "", "pbkdf2_sha256$1000$emptypw$4qhqMGfmXZYepOnirR8a1u7UCDX74/2aS2lfyd9Ar9g=" },
    { "secret", "pbkdf2_sha1$100000$seasalt$vetF1tvPl7+8+YnmOuDqtMy3Z/o=" },
    { "password", "pbkdf2_sha1$1$salt$DGDID5YfDnHzqbUkr2ASBi/gN6Y=" },
    { "password", "pbkdf2_sha1$4096$salt$SwB5AbdlSJq+rUnZJvch0GWkKcE=" },
};

static void test_django_pbkdf2_vectors_verify_and_ask_for_a_rehash(void)
{
    struct fixture f;
    begin(&f);
    for (size_t i = 0; i < sizeof(pbkdf2_vectors) / sizeof(pbkdf2_vectors[0]); i++) {
        const struct pbkdf2_vector *v = &pbkdf2_vectors[i];
        bool ok = false;
        bool rehash = false;
        CU_ASSERT_EQUAL(pw_verify(&f.ctx, v->password, v->stored, &ok, &rehash), WM_OK);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_TRUE(rehash);
    }
    end(&f);
}

static void test_django_pbkdf2_rejects_wrong_passwords(void)
{
    struct fixture f;
    begin(&f);
    static const char *const wrong[] = { "Password123",   "password123!", "Password123! ", "",
                                         "Password123!x", "Pässword123!" };
    for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
        bool ok = true;
        bool rehash = true;
        check(&f, wrong[i], pbkdf2_vectors[1].stored, &ok, &rehash);
        CU_ASSERT_FALSE(ok);
        CU_ASSERT_FALSE(rehash);
    }
    end(&f);
}

/* ---- stored values that are not usable ---------------------------------------------------- */

static void test_unusable_and_empty_values_fail_quietly(void)
{
    struct fixture f;
    begin(&f);
    static const char *const quiet[] = { NULL, "", "!", "!x7Tq0sKe3LwVbQ2zRcN9mUa4yPfJ1hGdSo8" };
    struct capture c;
    capture_begin(&c);
    for (size_t i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++) {
        bool ok = true;
        bool rehash = true;
        CU_ASSERT_EQUAL(pw_verify_with(&f.ctx, &low_cost, "", quiet[i], &ok, &rehash), WM_OK);
        CU_ASSERT_FALSE(ok);
        CU_ASSERT_FALSE(rehash);
    }
    CU_ASSERT_STRING_EQUAL(capture_end(&c), "");
    end(&f);
}

/* Verify a value that must not match: *ok false, WM_OK, at most one warn line, and secret (when
 * not NULL) nowhere in it. Returns the log, for refused(). */
static const char *no_match(struct fixture *f, const char *stored, const char *secret)
{
    struct capture c;
    capture_begin(&c);
    bool ok = true;
    bool rehash = true;
    int rc = pw_verify_with(&f->ctx, &low_cost, "secret", stored, &ok, &rehash);
    const char *log = capture_end(&c);
    CU_ASSERT_EQUAL(rc, WM_OK);
    CU_ASSERT_FALSE(ok);
    CU_ASSERT_FALSE(rehash);
    CU_ASSERT(count_lines(log) <= 1);
    if (secret) CU_ASSERT_PTR_NULL(strstr(log, secret));
    return log;
}

/* Verify a value that must be refused: no_match() with exactly one warn line naming reason and
 * not quoting the value's hash part (the text after its last '$'). */
static void refused(struct fixture *f, const char *stored, const char *reason)
{
    const char *tail = strrchr(stored, '$');
    const char *log = no_match(f, stored, tail && strlen(tail + 1) >= 6 ? tail + 1 : NULL);
    CU_ASSERT_EQUAL(count_lines(log), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(log, "level=warn"));
    if (!strstr(log, reason)) {
        (void)fprintf(stderr, "\n  value '%.60s': log %s", stored, log);
        CU_FAIL("the warning does not name the reason");
    }
}

static void test_malformed_pbkdf2_values_are_refused(void)
{
    struct fixture f;
    begin(&f);
    const char *key = "wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=";
    char buf[256];
    static const char *const bad_iterations[] = { "0", "-5",  "+5",   " 5",         "5 ",
                                                  "",  "1e3", "0x10", "12345678901" };
    for (size_t i = 0; i < sizeof(bad_iterations) / sizeof(bad_iterations[0]); i++) {
        (void)snprintf(buf, sizeof(buf), "pbkdf2_sha256$%s$seasalt$%s", bad_iterations[i], key);
        refused(&f, buf, "malformed iteration count");
    }
    static const char *const bad_tails[] = {
        "seasalt$",                                               /* no key */
        "seasalt",                                                /* no key field */
        "$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=",          /* empty salt */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac",    /* no padding */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ad=",   /* non-zero spare bits */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32A==",   /* 31 bytes */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32AcA",   /* 33 bytes */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=$x", /* a fifth field */
        "seasalt$wJSpLMQRQz0Dhj-pFpbyjMj71B2gUYp6HJS5AU_32Ac=",   /* URL-safe alphabet */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj7 1B2gUYp6HJS5AU+32Ac=",  /* a space */
        "seasalt$%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%",   /* garbage */
        "seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac==",  /* over-padded */
        "seasalt$=wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac",   /* '=' first */
    };
    for (size_t i = 0; i < sizeof(bad_tails) / sizeof(bad_tails[0]); i++) {
        (void)snprintf(buf, sizeof(buf), "pbkdf2_sha256$870000$%s", bad_tails[i]);
        refused(&f, buf, "malformed salt or key");
    }
    /* Keys are as long as the digest: 20 bytes for sha1, 32 for sha256, never swapped. */
    (void)snprintf(buf, sizeof(buf), "pbkdf2_sha1$1$salt$%s", key);
    refused(&f, buf, "malformed salt or key");
    refused(&f, "pbkdf2_sha256$1$salt$DGDID5YfDnHzqbUkr2ASBi/gN6Y=", "malformed salt or key");
    end(&f);
}

static void test_huge_iteration_counts_are_refused_at_once(void)
{
    struct fixture f;
    begin(&f);
    double t0 = now();
    refused(&f, "pbkdf2_sha256$10000001$seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=",
            "iteration count over the verification limit");
    refused(&f, "pbkdf2_sha1$4294967295$salt$DGDID5YfDnHzqbUkr2ASBi/gN6Y=",
            "iteration count over the verification limit");
    refused(&f, "pbkdf2_sha256$9999999999$s$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=",
            "iteration count over the verification limit");
    CU_ASSERT(now() - t0 < 0.5);
    end(&f);
}

static void test_malformed_and_costly_argon2_values_are_refused(void)
{
    struct fixture f;
    begin(&f);
    double t0 = now();
    static const struct {
        const char *stored;
        const char *reason;
    } cases[] = {
        /* cost over the limits (none of these is computed) */
        { "$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "cost" },
        { "$argon2id$v=19$m=262145,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "cost" },
        { "$argon2id$v=19$m=65536,t=4294967295,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "cost" },
        { "$argon2id$v=19$m=65536,t=17,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "cost" },
        { "$argon2id$v=19$m=262144,t=5,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "cost" },
        { "$argon2id$v=19$m=65536,t=1,p=17$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "cost" },
        { "argon2$argon2id$v=19$m=99999999,t=2,p=8$Y041dExhNkljRUUy$TMa6A8fPJhCAUXRhJXCXdw",
          "cost" },
        /* malformed */
        { "$argon2id$v=19$m=8,t=1,p=0$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=0,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=2$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=18$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$t=1,m=8,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1,keyid=x$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q=", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q$", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCr*hs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ", "malformed" },
        { "$argon2id$v=19$m=,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2id$v=19$m=99999999999,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "malformed" },
        { "$argon2d$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "variant" },
        { "$argon2$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "variant" },
        { "argon2$$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "variant" },
        { "$", "variant" },
        /* algorithms we do not take */
        { "bcrypt_sha256$$2b$12$LC4jbFv2YmJ8qfRmqZ8TPeq2rRbxl3GUKcE3bZ5BhbQ0uI1bXv5Y6",
          "unsupported algorithm 'bcrypt_sha256'" },
        { "md5$seasalt$f5531bef9f3687d0ccf0f617f0e25573", "unsupported algorithm 'md5'" },
        { "sha1$seasalt$cff36ea83f5706ce9aa7454e63e431fc726b2dc8", "unsupported algorithm 'sha1'" },
        { "unsalted_md5$$5f4dcc3b5aa765d61d8327deb882cf99", "unsupported algorithm" },
        { "5f4dcc3b5aa765d61d8327deb882cf99", "unrecognised format" },
        { "PBKDF2_SHA256$1$a1b2c3$KjNcfvqUqxMgG7c4ZI7QiNzR+kAtIxKUL4bMvuyJK7A=",
          "unrecognised format" },
        { "\xff\xfe\n\"$x", "unrecognised format" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        refused(&f, cases[i].stored, cases[i].reason);
    CU_ASSERT(now() - t0 < 1.0);
    end(&f);
}

static void test_every_truncation_of_a_valid_value_is_refused(void)
{
    struct fixture f;
    begin(&f);
    char *ours;
    CU_ASSERT_EQUAL_FATAL(pw_hash_with(&f.ctx, &low_cost, "secret", &ours), WM_OK);
    const char *sources[] = {
        ours,
        "argon2$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$YC9+jJCrQhs5R6db7LlN8Q",
        "pbkdf2_sha256$1$a1b2c3$KjNcfvqUqxMgG7c4ZI7QiNzR+kAtIxKUL4bMvuyJK7A=",
        "pbkdf2_sha1$1$salt$DGDID5YfDnHzqbUkr2ASBi/gN6Y=",
    };
    char buf[256];
    for (size_t s = 0; s < sizeof(sources) / sizeof(sources[0]); s++) {
        size_t n = strlen(sources[s]);
        CU_ASSERT_FATAL(n < sizeof(buf));
        char secret[9]; /* the start of the hash part: no warning may quote it */
        (void)snprintf(secret, sizeof(secret), "%s", strrchr(sources[s], '$') + 1);
        for (size_t len = 1; len < n; len++) {
            memcpy(buf, sources[s], len);
            buf[len] = '\0';
            /* A few cuts still parse (a shorter tag): those must simply not match. */
            (void)no_match(&f, buf, secret);
        }
    }
    end(&f);
}

static void test_a_huge_stored_value_is_refused(void)
{
    struct fixture f;
    begin(&f);
    size_t n = 1 << 20;
    char *big = arena_alloc(f.arena, n + 1);
    memcpy(big, "pbkdf2_sha256$1$salt$", 21);
    memset(big + 21, 'A', n - 21);
    big[n] = '\0';
    refused(&f, big, "malformed salt or key");
    memcpy(big, "$argon2id$v=19$m=8,t=1,p=1$", 27);
    refused(&f, big, "malformed");
    end(&f);
}

/* ---- strength ------------------------------------------------------------------------------ */

#define SIMILAR_FIRST "The password is too similar to the first name."
#define SIMILAR_LAST  "The password is too similar to the last name."
#define SIMILAR_EMAIL "The password is too similar to the email address."
#define TOO_SHORT     "This password is too short. It must contain at least 8 characters."
#define TOO_COMMON    "This password is too common."
#define NUMERIC       "This password is entirely numeric."

struct strength_case {
    const char *password;
    const char *email;
    const char *first_name;
    const char *last_name;
    const char *expect[PW_MAX_PROBLEMS + 1]; /* NULL-terminated */
};

/* Each expected list is what Django 4.2's validate_password() gives for the same user. */
static const struct strength_case strength_cases[] = {
    /* the contract's Register example passes */
    { "Password123!", "jose@example.com", "Jose", "Mane", { NULL } },
    { "mane2024!", "jose@example.com", "Jose", "Mane", { NULL } },
    /* each rule alone, and Django's order when several apply */
    { "short", NULL, NULL, NULL, { TOO_SHORT } },
    { "98273645", NULL, NULL, NULL, { NUMERIC } },
    { "12345678", NULL, NULL, NULL, { TOO_COMMON, NUMERIC } },
    { "123456", NULL, NULL, NULL, { TOO_SHORT, TOO_COMMON, NUMERIC } },
    { "qwertyuiop", NULL, NULL, NULL, { TOO_COMMON } },
    { "", NULL, NULL, NULL, { TOO_SHORT } },
    /* common: case-insensitive, surrounding white space stripped (not inside) */
    { "PassWord", NULL, NULL, NULL, { TOO_COMMON } },
    { "  password\t", NULL, NULL, NULL, { TOO_COMMON } },
    { "pass word", NULL, NULL, NULL, { NULL } },
    /* lengths count code points, not bytes */
    { "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", NULL, NULL, NULL, { TOO_SHORT } },
    { "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
      NULL,
      NULL,
      NULL,
      { NULL } },
    { "密码密码密码密码", NULL, NULL, NULL, { NULL } },
    { "🔒🔒🔒🔒🔒🔒🔒", NULL, NULL, NULL, { TOO_SHORT } },
    /* invalid UTF-8: each bad byte is one character */
    { "\xff\xfe\xfd\xfc\xfb\xfa\xf9", NULL, NULL, NULL, { TOO_SHORT } },
    { "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", NULL, NULL, NULL, { NULL } },
    /* numeric is str.isdigit(): other scripts' digits, fullwidth and superscripts too */
    { "١٢٣٤٥٦٧٨", NULL, NULL, NULL, { NUMERIC } },
    { "１２３４５６７８", NULL, NULL, NULL, { NUMERIC } },
    { "²³²³²³²³", NULL, NULL, NULL, { NUMERIC } },
    { "1234567x", NULL, NULL, NULL, { NULL } },
    /* similarity: the email's local part and domain words, and the whole address */
    { "josesmith", "jose.smith@example.com", NULL, NULL, { SIMILAR_EMAIL } },
    { "example.com1", "jose.smith@example.com", NULL, NULL, { SIMILAR_EMAIL } },
    { "JOSE@EXAMPLE", "jose@example.com", "Jose", "Mane", { SIMILAR_EMAIL } },
    { "exampleorg", "ann@example.org", NULL, NULL, { SIMILAR_EMAIL } },
    /* names, case-insensitively, in any script; only the first similar attribute is named */
    { "Christopher1", NULL, "christopher", NULL, { SIMILAR_FIRST } },
    { "christophe", "chris@x.org", "Christopher", "Christopherson", { SIMILAR_FIRST } },
    { "ИВАНПЕТРОВ", NULL, "Иван", "Петров", { SIMILAR_LAST } },
    { "smith-jones", NULL, NULL, "Smith-Jones", { SIMILAR_LAST } },
    { "Straße1234", NULL, NULL, "STRASSE", { NULL } },
    /* the ratio boundary: 2 * 7 / 20 is exactly 0.7 (similar), 2 * 7 / 21 is not */
    { "abcdefgxyz", NULL, "abcdefgqrs", NULL, { SIMILAR_FIRST } },
    { "abcdefgxyz", NULL, "abcdefgqrst", NULL, { NULL } },
    /* empty attributes are skipped; an empty part (a name of separators) only matches an
     * empty password, as in Django */
    { "", "", "", "", { TOO_SHORT } },
    { "", NULL, "-", NULL, { SIMILAR_FIRST, TOO_SHORT } },
    { "x", NULL, "-", NULL, { TOO_SHORT } },
};

static void test_strength_rules_use_djangos_wording_and_order(void)
{
    struct fixture f;
    begin(&f);
    for (size_t i = 0; i < sizeof(strength_cases) / sizeof(strength_cases[0]); i++) {
        const struct strength_case *c = &strength_cases[i];
        const char *problems[PW_MAX_PROBLEMS];
        size_t n = pw_check_strength(&f.ctx, c->password, c->email, c->first_name, c->last_name,
                                     problems);
        size_t want = 0;
        while (c->expect[want])
            want++;
        bool same = n == want;
        for (size_t k = 0; same && k < n; k++)
            same = strcmp(problems[k], c->expect[k]) == 0;
        if (!same) {
            (void)fprintf(stderr, "\n  case %zu '%s': got %zu problem(s)", i, c->password, n);
            for (size_t k = 0; k < n; k++)
                (void)fprintf(stderr, "\n    %s", problems[k]);
            CU_FAIL("strength problems differ from Django's");
        }
    }
    end(&f);
}

static void test_strength_copes_with_a_long_password(void)
{
    struct fixture f;
    begin(&f);
    size_t n = 100000;
    char *big = arena_alloc(f.arena, n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    big[n] = '\0';
    const char *problems[PW_MAX_PROBLEMS];
    CU_ASSERT_EQUAL(
            pw_check_strength(&f.ctx, big, "a@b.c", "abcdefghijklmnopqrstuvwxyz", "z", problems),
            0);
    end(&f);
}

static void test_common_list_is_sorted_lowercase_and_large(void)
{
    CU_ASSERT(pw_common_passwords_count >= 1000);
    for (size_t i = 0; i < pw_common_passwords_count; i++) {
        const char *p = pw_common_passwords[i];
        CU_ASSERT_FATAL(p[0] != '\0');
        for (const char *q = p; *q; q++) {
            if ((*q >= 'A' && *q <= 'Z') || *q == ' ' || (unsigned char)*q >= 0x80) {
                (void)fprintf(stderr, "\n  entry '%s'", p);
                CU_FAIL("entries must be lowercase ASCII without spaces");
                break;
            }
        }
        if (i > 0 && strcmp(pw_common_passwords[i - 1], p) >= 0) {
            (void)fprintf(stderr, "\n  '%s' before '%s'", pw_common_passwords[i - 1], p);
            CU_FAIL("entries must be strictly increasing in strcmp() order");
        }
    }
}

static CU_TestInfo tests[] = {
    { "hash at the default cost gives the standard encoding",
      test_hash_default_cost_gives_the_standard_encoding },
    { "hash round trips at a low cost", test_hash_round_trips_at_a_low_cost },
    { "hash uses a fresh salt each time", test_hash_uses_a_fresh_salt_each_time },
    { "hash reports costs libargon2 refuses", test_hash_reports_costs_libargon2_refuses },
    { "weaker argon2 encodings verify and ask for a rehash",
      test_weaker_argon2_encodings_verify_and_ask_for_a_rehash },
    { "Django's argon2 test vectors verify", test_django_argon2_vectors_verify },
    { "Django's argon2 form from libargon2 verifies",
      test_django_argon2_form_from_libargon2_verifies },
    { "Django pbkdf2 vectors verify and ask for a rehash",
      test_django_pbkdf2_vectors_verify_and_ask_for_a_rehash },
    { "Django pbkdf2 rejects wrong passwords", test_django_pbkdf2_rejects_wrong_passwords },
    { "unusable and empty values fail quietly", test_unusable_and_empty_values_fail_quietly },
    { "malformed pbkdf2 values are refused", test_malformed_pbkdf2_values_are_refused },
    { "huge iteration counts are refused at once", test_huge_iteration_counts_are_refused_at_once },
    { "malformed and costly argon2 values are refused",
      test_malformed_and_costly_argon2_values_are_refused },
    { "every truncation of a valid value is refused",
      test_every_truncation_of_a_valid_value_is_refused },
    { "a huge stored value is refused", test_a_huge_stored_value_is_refused },
    { "strength rules use Django's wording and order",
      test_strength_rules_use_djangos_wording_and_order },
    { "strength copes with a long password", test_strength_copes_with_a_long_password },
    { "common list is sorted, lowercase and large",
      test_common_list_is_sorted_lowercase_and_large },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(auth_password, "auth/password", NULL, NULL, tests);
