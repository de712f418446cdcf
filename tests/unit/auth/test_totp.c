/*
 * test_totp.c: unit tests for src/auth/totp.c: base32 against the RFC 4648 vectors, TOTP
 * against the RFC 6238 appendix B SHA-1 vectors, the ±1 step window, single use of a step,
 * malformed codes and secrets, percent-encoding in the key URI, an SVG QR code that redraws
 * exactly the modules libqrencode produced, and the format, uniqueness, normalization and hash
 * matching of backup codes.
 */
#include "auth/totp.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <qrencode.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

/* RFC 6238 appendix B: the SHA-1 seed is the 20 ASCII bytes "12345678901234567890". */
#define RFC_SECRET_ASCII  "12345678901234567890"
#define RFC_SECRET_BASE32 "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
#define ALPHABET          "23456789abcdefghjkmnpqrstuvwxyz"

static struct arena *arena;
static struct wm_ctx ctx;

static int suite_init(void)
{
    arena = arena_new(0);
    return totp_global_init() == WM_OK ? 0 : -1;
}

static int suite_clean(void)
{
    arena_free(arena);
    return 0;
}

static void fresh(void)
{
    arena_reset(arena);
    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = arena;
    ctx.req_id = "t1";
}

/* The 6-digit code of the step containing t for the RFC secret. */
static char *rfc_code(int64_t t)
{
    char *code = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_code_at(&ctx, RFC_SECRET_BASE32, t, 6, &code), WM_OK);
    return code;
}

static void test_global_init_is_idempotent(void)
{
    CU_ASSERT_EQUAL(totp_global_init(), WM_OK);
    CU_ASSERT_EQUAL(totp_global_init(), WM_OK);
}

static void test_base32_follows_rfc4648_without_padding(void)
{
    static const struct {
        const char *raw, *b32, *padded;
    } v[] = {
        { "", "", "" },
        { "f", "MY", "MY======" },
        { "fo", "MZXQ", "MZXQ====" },
        { "foo", "MZXW6", "MZXW6===" },
        { "foob", "MZXW6YQ", "MZXW6YQ=" },
        { "fooba", "MZXW6YTB", "MZXW6YTB" },
        { "foobar", "MZXW6YTBOI", "MZXW6YTBOI======" },
        { RFC_SECRET_ASCII, RFC_SECRET_BASE32, RFC_SECRET_BASE32 },
    };
    fresh();
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        char *b32 = NULL;
        CU_ASSERT_EQUAL(totp_base32_encode(&ctx, v[i].raw, strlen(v[i].raw), &b32), WM_OK);
        CU_ASSERT_STRING_EQUAL(b32, v[i].b32);
        const char *forms[] = { v[i].b32, v[i].padded };
        for (size_t f = 0; f < 2; f++) {
            unsigned char *raw = NULL;
            size_t n = 99;
            CU_ASSERT_EQUAL(totp_base32_decode(&ctx, forms[f], &raw, &n), WM_OK);
            CU_ASSERT_EQUAL(n, strlen(v[i].raw));
            CU_ASSERT(raw && memcmp(raw, v[i].raw, n) == 0);
        }
    }
}

static void test_base32_round_trips_every_byte(void)
{
    unsigned char all[256];
    for (size_t i = 0; i < sizeof(all); i++)
        all[i] = (unsigned char)(255 - i);
    fresh();
    for (size_t n = 0; n <= sizeof(all); n += 7) {
        char *b32 = NULL;
        CU_ASSERT_EQUAL_FATAL(totp_base32_encode(&ctx, all, n, &b32), WM_OK);
        CU_ASSERT_EQUAL(strlen(b32), (n * 8 + 4) / 5); /* no padding */
        CU_ASSERT_EQUAL(strspn(b32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), strlen(b32));
        unsigned char *back = NULL;
        size_t m = 0;
        CU_ASSERT_EQUAL_FATAL(totp_base32_decode(&ctx, b32, &back, &m), WM_OK);
        CU_ASSERT_EQUAL(m, n);
        CU_ASSERT(memcmp(back, all, n) == 0);
    }
}

static void test_base32_decoding_is_lenient_about_case_and_spaces(void)
{
    fresh();
    unsigned char *raw = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(totp_base32_decode(&ctx, "mzxw 6ytb oi", &raw, &n), WM_OK);
    CU_ASSERT_EQUAL(n, 6);
    CU_ASSERT(raw && memcmp(raw, "foobar", 6) == 0);
}

static void test_base32_decoding_refuses_what_is_not_base32(void)
{
    static const char *const bad[] = { "MZXW6YT1", "MZXW6YT8", "MZXW6YTBO", "A", "MZ!W6YTB" };
    fresh();
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        unsigned char *raw = NULL;
        size_t n = 0;
        CU_ASSERT_EQUAL(totp_base32_decode(&ctx, bad[i], &raw, &n), WM_EINVAL);
        CU_ASSERT_STRING_EQUAL(ctx.err.message, "the text is not base32");
    }
}

static void test_a_new_secret_is_20_random_bytes(void)
{
    fresh();
    char *a = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_new_secret(&ctx, &a), WM_OK);
    CU_ASSERT_EQUAL_FATAL(totp_new_secret(&ctx, &b), WM_OK);
    CU_ASSERT_EQUAL(strlen(a), 32);
    CU_ASSERT_EQUAL(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 32);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    unsigned char *raw = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(totp_base32_decode(&ctx, a, &raw, &n), WM_OK);
    CU_ASSERT_EQUAL(n, TOTP_SECRET_BYTES);
    /* A new secret works end to end: its current code verifies. */
    char *code = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_code_at(&ctx, a, 1700000000, 6, &code), WM_OK);
    bool ok = false;
    int64_t step = 0;
    CU_ASSERT_EQUAL(totp_verify(&ctx, a, code, 1700000000, -1, &step, &ok), WM_OK);
    CU_ASSERT(ok);
}

static void test_rfc6238_sha1_vectors(void)
{
    /* RFC 6238 appendix B, mode SHA1, 8 digits. */
    static const struct {
        int64_t t;
        const char *totp;
    } v[] = {
        { 59, "94287082" },         { 1111111109, "07081804" }, { 1111111111, "14050471" },
        { 1234567890, "89005924" }, { 2000000000, "69279037" }, { 20000000000, "65353130" },
    };
    fresh();
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        char *code = NULL;
        CU_ASSERT_EQUAL_FATAL(totp_code_at(&ctx, RFC_SECRET_BASE32, v[i].t, 8, &code), WM_OK);
        CU_ASSERT_STRING_EQUAL(code, v[i].totp);
        /* Fewer digits are the same number modulo a smaller power of ten. */
        CU_ASSERT_EQUAL_FATAL(totp_code_at(&ctx, RFC_SECRET_BASE32, v[i].t, 6, &code), WM_OK);
        CU_ASSERT_STRING_EQUAL(code, v[i].totp + 2);
        CU_ASSERT_EQUAL_FATAL(totp_code_at(&ctx, RFC_SECRET_BASE32, v[i].t, 7, &code), WM_OK);
        CU_ASSERT_STRING_EQUAL(code, v[i].totp + 1);
    }
}

static void test_the_rfc_vectors_verify(void)
{
    static const struct {
        int64_t t;
        const char *code;
    } v[] = {
        { 59, "287082" },         { 1111111109, "081804" }, { 1111111111, "050471" },
        { 1234567890, "005924" }, { 2000000000, "279037" }, { 20000000000, "353130" },
    };
    fresh();
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        bool ok = false;
        int64_t step = -7;
        CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, v[i].code, v[i].t, -1, &step, &ok),
                        WM_OK);
        CU_ASSERT(ok);
        CU_ASSERT_EQUAL(step, v[i].t / 30);
    }
}

static void test_one_step_either_side_is_accepted(void)
{
    const int64_t now = 1111111111; /* step 37037037, 1 s into it */
    fresh();
    for (int64_t k = -1; k <= 1; k++) {
        char *code = rfc_code(now + 30 * k);
        bool ok = false;
        int64_t step = 0;
        CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, code, now, -1, &step, &ok), WM_OK);
        CU_ASSERT(ok);
        CU_ASSERT_EQUAL(step, now / 30 + k);
    }
}

static void test_two_steps_away_is_refused(void)
{
    const int64_t now = 1111111111;
    fresh();
    char *window[3];
    for (int64_t k = -1; k <= 1; k++)
        window[k + 1] = rfc_code(now + 30 * k);
    for (int64_t k = -3; k <= 3; k++) {
        if (k >= -1 && k <= 1) continue;
        char *code = rfc_code(now + 30 * k);
        /* The test means nothing if these digits happen to match a step in the window. */
        for (int w = 0; w < 3; w++)
            CU_ASSERT_STRING_NOT_EQUAL_FATAL(code, window[w]);
        bool ok = true;
        int64_t step = 42;
        CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, code, now, -1, &step, &ok), WM_OK);
        CU_ASSERT(!ok);
        CU_ASSERT_EQUAL(step, 42); /* untouched on failure */
        CU_ASSERT_EQUAL(ctx.err.code, WM_OK);
    }
}

static void test_a_used_step_is_refused(void)
{
    const int64_t now = 1234567890;
    const int64_t s = now / 30;
    fresh();
    char *code = rfc_code(now);
    bool ok = false;
    int64_t step = 0;
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, code, now, -1, &step, &ok), WM_OK);
    CU_ASSERT_FATAL(ok);
    CU_ASSERT_EQUAL(step, s);

    /* The same code again, even a second later in the same step: refused. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, code, now + 1, step, &step, &ok), WM_OK);
    CU_ASSERT(!ok);
    /* Still refused a step later, when it is inside the window as the previous step. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, code, now + 30, s, &step, &ok), WM_OK);
    CU_ASSERT(!ok);
    /* The code of the step before the used one is refused too. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, rfc_code(now - 30), now, s, &step, &ok),
                    WM_OK);
    CU_ASSERT(!ok);
    /* The next step's code is fresh: accepted, and it becomes the last used step. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, rfc_code(now + 30), now, s, &step, &ok),
                    WM_OK);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(step, s + 1);
}

static void test_digits_shared_by_two_steps_pass_once(void)
{
    /* For the RFC secret, steps 910737 and 910738 both give 911617 (found by search). */
    const int64_t s = 910738;
    fresh();
    CU_ASSERT_STRING_EQUAL(rfc_code((s - 1) * 30), "911617");
    CU_ASSERT_STRING_EQUAL(rfc_code(s * 30), "911617");
    bool ok = false;
    int64_t step = 0;
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, "911617", s * 30, -1, &step, &ok), WM_OK);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(step, s); /* the later step is reported... */
    /* ...so a step later, when both are in the window, the same digits are spent. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, "911617", s * 30 + 30, step, &step, &ok),
                    WM_OK);
    CU_ASSERT(!ok);
}

static void test_the_window_at_the_start_of_time(void)
{
    fresh();
    bool ok = false;
    int64_t step = -1;
    /* At now = 0 there is no step -1; steps 0 and 1 are accepted. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, rfc_code(0), 0, -1, &step, &ok), WM_OK);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(step, 0);
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, rfc_code(30), 0, -1, &step, &ok), WM_OK);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(step, 1);
    /* Step 1's code ("287082", the RFC vector at t = 59) is the previous step at t = 60 and
     * two steps back at t = 90. */
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, "287082", 60, -1, &step, &ok), WM_OK);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(step, 1);
    CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, "287082", 90, -1, &step, &ok), WM_OK);
    CU_ASSERT(!ok);
}

static void test_spaces_in_a_code_are_ignored(void)
{
    static const char *const forms[] = { "287082", " 287082", "287082 ", "287 082", "\t287 082 " };
    fresh();
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        bool ok = false;
        int64_t step = 0;
        CU_ASSERT_EQUAL(totp_verify(&ctx, RFC_SECRET_BASE32, forms[i], 59, -1, &step, &ok), WM_OK);
        CU_ASSERT(ok);
    }
}

static void test_malformed_codes_are_invalid_input(void)
{
    static const char *const bad[] = {
        "",        "   ",      "28708",   "2870822",      "28708a", "-287082",
        "+287082", "287082\n", "287-082", "２８７０８２", "0x1234", "9999999999",
    };
    fresh();
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bool ok = true;
        int64_t step = 5;
        wm_clear_error(&ctx);
        int rc = totp_verify(&ctx, RFC_SECRET_BASE32, bad[i], 59, -1, &step, &ok);
        CU_ASSERT_EQUAL(rc, WM_EINVAL);
        CU_ASSERT(!ok);
        CU_ASSERT_EQUAL(step, 5);
        CU_ASSERT_STRING_EQUAL(ctx.err.message, "the code must be 6 digits");
    }
}

static void test_a_bad_secret_is_an_internal_error(void)
{
    fresh();
    char *short_secret = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_base32_encode(&ctx, "0123456789abcde", 15, &short_secret), WM_OK);
    static const char *const bad[] = { "not base32!", "GEZDGNBVGY3TQOJ1", "" };
    for (size_t i = 0; i < 4; i++) {
        const char *secret = i < 3 ? bad[i] : short_secret;
        bool ok = true;
        int64_t step = 0;
        CU_ASSERT_EQUAL(totp_verify(&ctx, secret, "123456", 59, -1, &step, &ok), WM_EINTERNAL);
        CU_ASSERT(!ok);
        char *code = NULL;
        CU_ASSERT_EQUAL(totp_code_at(&ctx, secret, 59, 6, &code), WM_EINTERNAL);
        char *uri = NULL;
        CU_ASSERT_EQUAL(totp_uri(&ctx, "Shop", "a@x.com", secret, &uri), WM_EINTERNAL);
    }
    /* 16 bytes is the shortest secret accepted. */
    char *min_secret = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_base32_encode(&ctx, "0123456789abcdef", 16, &min_secret), WM_OK);
    char *code = NULL;
    CU_ASSERT_EQUAL(totp_code_at(&ctx, min_secret, 59, 6, &code), WM_OK);
}

static void test_the_uri_percent_encodes_issuer_and_account(void)
{
    fresh();
    char *uri = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_uri(&ctx, "Wholesale Market", "a+b@x.com", RFC_SECRET_BASE32, &uri),
                          WM_OK);
    CU_ASSERT_STRING_EQUAL(uri, "otpauth://totp/Wholesale%20Market:a%2Bb%40x.com"
                                "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                                "&issuer=Wholesale%20Market&algorithm=SHA1&digits=6&period=30");

    /* Unreserved characters stay; every other byte, UTF-8 included, is escaped. */
    CU_ASSERT_EQUAL_FATAL(
            totp_uri(&ctx, "Caf\xc3\xa9 & Co/", "x-y.z_~?#=%", RFC_SECRET_BASE32, &uri), WM_OK);
    CU_ASSERT_STRING_EQUAL(uri,
                           "otpauth://totp/Caf%C3%A9%20%26%20Co%2F:x-y.z_~%3F%23%3D%25"
                           "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                           "&issuer=Caf%C3%A9%20%26%20Co%2F&algorithm=SHA1&digits=6&period=30");
}

static void test_the_uri_gives_the_secret_canonically(void)
{
    fresh();
    char *uri = NULL;
    CU_ASSERT_EQUAL_FATAL(
            totp_uri(&ctx, "Shop", "a", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq", &uri), WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(uri, "?secret=" RFC_SECRET_BASE32 "&"));
}

static void test_the_uri_refuses_colons_and_empty_names(void)
{
    static const char *const cases[][2] = {
        { "", "a@x.com" }, { "Shop", "" }, { "Sh:op", "a@x.com" }, { "Shop", "a:b@x.com" }
    };
    fresh();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *uri = NULL;
        CU_ASSERT_EQUAL(totp_uri(&ctx, cases[i][0], cases[i][1], RFC_SECRET_BASE32, &uri),
                        WM_EINVAL);
        CU_ASSERT_PTR_NULL(uri);
    }
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "totp account 'a:b@x.com' must not contain ':'");
}

/*
 * A small well-formedness check for the SVG we emit: text only inside tags, tags balanced and
 * properly nested, attribute quotes paired, one root element. The number of elements, or -1.
 */
static int check_xml(const char *s)
{
    const char *stack[16];
    int depth = 0;
    int elements = 0;
    int roots = 0;
    while (*s) {
        if (*s != '<') {
            if (*s != ' ' && *s != '\n') return -1; /* text outside a tag */
            s++;
            continue;
        }
        const char *end = strchr(s, '>');
        if (!end) return -1;
        int quotes = 0;
        for (const char *p = s + 1; p < end; p++) {
            if (*p == '<') return -1;
            quotes += *p == '"';
        }
        if (quotes % 2 != 0) return -1;
        if (s[1] == '/') {
            if (depth == 0) return -1;
            const char *open = stack[--depth];
            size_t n = strcspn(open + 1, " />");
            if (strncmp(open + 1, s + 2, n) != 0 || s[2 + n] != '>') return -1;
        } else {
            elements++;
            if (depth == 0) roots++;
            if (end[-1] != '/') {
                if (depth == 16) return -1;
                stack[depth++] = s;
            }
        }
        s = end + 1;
    }
    return depth == 0 && roots == 1 ? elements : -1;
}

/* A non-negative decimal at *p, which is moved past it; -1 when there is none. */
static long read_number(const char **p)
{
    if (**p < '0' || **p > '9') return -1;
    char *end = NULL;
    long v = strtol(*p, &end, 10);
    *p = end;
    return v;
}

/* Expect the literal lit at *p and move past it. */
static bool skip(const char **p, const char *lit)
{
    size_t n = strlen(lit);
    if (strncmp(*p, lit, n) != 0) return false;
    *p += n;
    return true;
}

/*
 * Redraw the dark modules of the path data "M<x> <y>h<n>v1h-<n>z..." into grid (size * size,
 * zeroed). The number of modules drawn, or -1 when the data is malformed, leaves the grid or
 * draws a module twice.
 */
static long redraw_path(const char *svg, unsigned char *grid, long size)
{
    const char *d = strstr(svg, " d=\"");
    if (!d) return -1;
    d += 4;
    long dark = 0;
    while (*d == 'M') {
        d++;
        long x = read_number(&d);
        if (!skip(&d, " ")) return -1;
        long y = read_number(&d);
        if (!skip(&d, "h")) return -1;
        long n = read_number(&d);
        if (!skip(&d, "v1h-")) return -1;
        long back = read_number(&d);
        if (!skip(&d, "z")) return -1;
        if (x < 0 || y < 0 || n < 1 || back != n || x + n > size || y >= size) return -1;
        for (long i = 0; i < n; i++) {
            if (grid[y * size + x + i]) return -1;
            grid[y * size + x + i] = 1;
        }
        dark += n;
    }
    return *d == '"' ? dark : -1;
}

static void test_the_svg_draws_exactly_the_qr_modules(void)
{
    static const char text[] =
            "otpauth://totp/"
            "Wholesale%20Market:a%2Bb%40x.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=Wholesale%20Market&algorithm=SHA1&digits=6&period=30";
    fresh();
    char *svg = NULL;
    CU_ASSERT_EQUAL(totp_qr_svg(&ctx, text, &svg), WM_OK);
    QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!svg || !qr) {
        CU_FAIL("no svg or no qr code");
        QRcode_free(qr);
        return;
    }
    CU_ASSERT(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 40) == 0);
    CU_ASSERT(strlen(svg) > 6 && strcmp(svg + strlen(svg) - 6, "</svg>") == 0);
    CU_ASSERT_EQUAL(check_xml(svg), 3); /* svg, background rect, path */
    CU_ASSERT_PTR_NOT_NULL(strstr(svg, "shape-rendering=\"crispEdges\""));

    long size = qr->width + 8; /* a quiet zone of 4 modules on each side */
    char *viewbox = arena_printf(arena, "viewBox=\"0 0 %ld %ld\"", size, size);
    CU_ASSERT_PTR_NOT_NULL(strstr(svg, viewbox));

    unsigned char *grid = arena_zalloc(arena, (size_t)(size * size));
    long dark = redraw_path(svg, grid, size);
    long expected = 0;
    bool same = true;
    for (long y = 0; y < size; y++) {
        for (long x = 0; x < size; x++) {
            bool in_code = x >= 4 && y >= 4 && x < size - 4 && y < size - 4;
            bool is_dark = in_code && (qr->data[(y - 4) * qr->width + (x - 4)] & 1);
            expected += is_dark;
            same = same && grid[y * size + x] == is_dark;
        }
    }
    CU_ASSERT(expected > 0);
    CU_ASSERT_EQUAL(dark, expected);
    CU_ASSERT(same);
    QRcode_free(qr);
}

static void test_the_data_url_is_the_svg_in_base64(void)
{
    static const char prefix[] = "data:image/svg+xml;base64,";
    fresh();
    char *svg = NULL;
    char *url = NULL;
    CU_ASSERT_EQUAL(totp_qr_svg(&ctx, "otpauth://totp/x:y?secret=AAAA", &svg), WM_OK);
    CU_ASSERT_EQUAL(totp_qr_data_url(&ctx, "otpauth://totp/x:y?secret=AAAA", &url), WM_OK);
    if (!svg || !url || strncmp(url, prefix, sizeof(prefix) - 1) != 0) {
        CU_FAIL("no svg, or no data url with the svg prefix");
        return;
    }
    const char *b64 = url + sizeof(prefix) - 1;
    size_t n = strlen(b64);
    CU_ASSERT_EQUAL(n % 4, 0);
    CU_ASSERT_EQUAL(
            strspn(b64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="), n);
    if (n < 4 || n % 4 != 0) return;
    unsigned char *raw = arena_alloc(arena, n);
    int got = EVP_DecodeBlock(raw, (const unsigned char *)b64, (int)n);
    size_t pad = (size_t)(b64[n - 1] == '=') + (size_t)(b64[n - 2] == '=');
    CU_ASSERT_FATAL(got > 0 && (size_t)got - pad == strlen(svg));
    CU_ASSERT(memcmp(raw, svg, strlen(svg)) == 0);
}

static void test_the_qr_refuses_empty_and_oversized_text(void)
{
    fresh();
    char *svg = NULL;
    CU_ASSERT_EQUAL(totp_qr_svg(&ctx, "", &svg), WM_EINVAL);
    /* Version 40 at level M holds 2331 bytes. */
    char *big = arena_alloc(arena, 4001);
    memset(big, 'a', 4000);
    big[4000] = '\0';
    CU_ASSERT_EQUAL(totp_qr_svg(&ctx, big, &svg), WM_EINVAL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "text of 4000 bytes is too long for a qr code");
    CU_ASSERT_EQUAL(totp_qr_data_url(&ctx, big, &svg), WM_EINVAL);
    CU_ASSERT_PTR_NULL(svg);
    /* The largest text that fits still draws. */
    big[2331] = '\0';
    CU_ASSERT_EQUAL(totp_qr_data_url(&ctx, big, &svg), WM_OK);
}

static bool is_backup_format(const char *c)
{
    return c && strlen(c) == 9 && c[4] == '-' && strspn(c, ALPHABET) == 4 &&
           strspn(c + 5, ALPHABET) == 4;
}

static void test_backup_codes_have_the_format_and_are_distinct(void)
{
    fresh();
    char **codes = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_backup_codes(&ctx, TOTP_BACKUP_COUNT, &codes), WM_OK);
    for (size_t i = 0; i < TOTP_BACKUP_COUNT; i++) {
        CU_ASSERT_FATAL(is_backup_format(codes[i]));
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_STRING_NOT_EQUAL(codes[i], codes[j]);
    }
    CU_ASSERT_PTR_NULL(codes[TOTP_BACKUP_COUNT]);
}

static void test_backup_codes_use_the_whole_alphabet(void)
{
    fresh();
    char **codes = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_backup_codes(&ctx, TOTP_BACKUP_MAX, &codes), WM_OK);
    int seen[256] = { 0 };
    for (size_t i = 0; i < TOTP_BACKUP_MAX; i++) {
        CU_ASSERT(is_backup_format(codes[i]));
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_STRING_NOT_EQUAL(codes[i], codes[j]);
        for (const char *p = codes[i]; *p; p++)
            seen[(unsigned char)*p]++;
    }
    /* 800 uniform draws from 31 characters: each is missed with probability 31 * e^-26. */
    for (const char *p = ALPHABET; *p; p++)
        CU_ASSERT(seen[(unsigned char)*p] > 0);
    CU_ASSERT_EQUAL(seen['0'] + seen['1'] + seen['i'] + seen['l'] + seen['o'], 0);
    CU_ASSERT_PTR_NULL(codes[TOTP_BACKUP_MAX]);
}

static void test_backup_hashes_normalize_the_code(void)
{
    static const char *const forms[] = { "k7q2-9xv4",   "K7Q2-9XV4",   "k7q29xv4",
                                         " k7q2 9xv4 ", "k7-q2-9x-v4", "K7q2\t9Xv4" };
    fresh();
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        char *hash = NULL;
        CU_ASSERT_EQUAL(totp_backup_hash(&ctx, forms[i], &hash), WM_OK);
        /* printf 'k7q29xv4' | sha256sum */
        CU_ASSERT_STRING_EQUAL(hash,
                               "c43df7304859549a808a44c386213c6c7ac908ff49b0cef6157ac26289e6af13");
    }
}

static void test_backup_hashes_refuse_malformed_codes(void)
{
    static const char *const bad[] = { "",          "k7q2-9xv",        "k7q2-9xv44", "k0q2-9xv4",
                                       "k1q2-9xv4", "kiq2-9xv4",       "klq2-9xv4",  "koq2-9xv4",
                                       "k7q2_9xv4", "k7q2-9xv\xc3\xa9" };
    fresh();
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *hash = NULL;
        CU_ASSERT_EQUAL(totp_backup_hash(&ctx, bad[i], &hash), WM_EINVAL);
        CU_ASSERT_PTR_NULL(hash);
    }
}

static void test_backup_codes_match_their_hash_only(void)
{
    fresh();
    char **codes = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_backup_codes(&ctx, 2, &codes), WM_OK);
    char *h0 = NULL, *h1 = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_backup_hash(&ctx, codes[0], &h0), WM_OK);
    CU_ASSERT_EQUAL_FATAL(totp_backup_hash(&ctx, codes[1], &h1), WM_OK);
    CU_ASSERT_EQUAL(strlen(h0), TOTP_BACKUP_HASH_LEN);
    CU_ASSERT_EQUAL(strspn(h0, "0123456789abcdef"), TOTP_BACKUP_HASH_LEN);
    CU_ASSERT_STRING_NOT_EQUAL(h0, h1);

    CU_ASSERT(totp_backup_matches(codes[0], h0));
    CU_ASSERT(totp_backup_matches(codes[1], h1));
    CU_ASSERT(!totp_backup_matches(codes[0], h1));
    CU_ASSERT(!totp_backup_matches(codes[1], h0));

    /* What a user types: upper case, no dash, spaces. */
    char *typed = arena_printf(arena, " %.4s %.4s ", codes[0], codes[0] + 5);
    for (char *p = typed; *p; p++)
        if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 'a' + 'A');
    CU_ASSERT(totp_backup_matches(typed, h0));

    /* A hash changed in its last character, cut short, or too long never matches. */
    char *changed = arena_strdup(arena, h0);
    changed[63] = changed[63] == '0' ? '1' : '0';
    CU_ASSERT(!totp_backup_matches(codes[0], changed));
    CU_ASSERT(!totp_backup_matches(codes[0], arena_strndup(arena, h0, 63)));
    CU_ASSERT(!totp_backup_matches(codes[0], arena_printf(arena, "%s0", h0)));
    CU_ASSERT(!totp_backup_matches(codes[0], ""));
    /* Malformed codes never match, even against the hash of their normalization. */
    char *hk = NULL;
    CU_ASSERT_EQUAL_FATAL(totp_backup_hash(&ctx, "k7q2-9xv4", &hk), WM_OK);
    CU_ASSERT(totp_backup_matches("k7q2-9xv4", hk));
    CU_ASSERT(totp_backup_matches("k7q2-9xv4-", hk)); /* a stray dash is dropped too */
    CU_ASSERT(!totp_backup_matches("k7q2-9xv", hk));
    CU_ASSERT(!totp_backup_matches("k7q2-9xv44", hk));
    CU_ASSERT(!totp_backup_matches("", hk));
}

static CU_TestInfo tests[] = {
    { "global init is idempotent", test_global_init_is_idempotent },
    { "base32 follows the RFC 4648 vectors without padding",
      test_base32_follows_rfc4648_without_padding },
    { "base32 round-trips every byte at many lengths", test_base32_round_trips_every_byte },
    { "base32 decoding accepts lower case and spaces",
      test_base32_decoding_is_lenient_about_case_and_spaces },
    { "base32 decoding refuses what is not base32",
      test_base32_decoding_refuses_what_is_not_base32 },
    { "a new secret is 20 random bytes in 32 characters", test_a_new_secret_is_20_random_bytes },
    { "codes match the RFC 6238 SHA-1 vectors", test_rfc6238_sha1_vectors },
    { "the RFC vectors verify at their own time", test_the_rfc_vectors_verify },
    { "a code one step either side is accepted", test_one_step_either_side_is_accepted },
    { "a code two or more steps away is refused", test_two_steps_away_is_refused },
    { "a used step is refused and the next one accepted", test_a_used_step_is_refused },
    { "digits shared by two steps pass only once", test_digits_shared_by_two_steps_pass_once },
    { "the window at the start of time and at step edges", test_the_window_at_the_start_of_time },
    { "spaces in a code are ignored", test_spaces_in_a_code_are_ignored },
    { "malformed codes are invalid input", test_malformed_codes_are_invalid_input },
    { "a bad or short secret is an internal error", test_a_bad_secret_is_an_internal_error },
    { "the uri percent-encodes issuer and account",
      test_the_uri_percent_encodes_issuer_and_account },
    { "the uri gives the secret canonically", test_the_uri_gives_the_secret_canonically },
    { "the uri refuses colons and empty names", test_the_uri_refuses_colons_and_empty_names },
    { "the svg draws exactly the qr modules", test_the_svg_draws_exactly_the_qr_modules },
    { "the data url is the svg in base64", test_the_data_url_is_the_svg_in_base64 },
    { "the qr code refuses empty and oversized text",
      test_the_qr_refuses_empty_and_oversized_text },
    { "backup codes have the format and are distinct",
      test_backup_codes_have_the_format_and_are_distinct },
    { "backup codes use the whole alphabet", test_backup_codes_use_the_whole_alphabet },
    { "backup hashes normalize the code", test_backup_hashes_normalize_the_code },
    { "backup hashes refuse malformed codes", test_backup_hashes_refuse_malformed_codes },
    { "backup codes match their own hash only", test_backup_codes_match_their_hash_only },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(auth_totp, "auth/totp", suite_init, suite_clean, tests);
