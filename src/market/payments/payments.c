/*
 * payments.c: the rules of the payments domain (payments.h): card-number checks (digits,
 * IIN brand, length, Luhn, CVV shape, expiry) and the saved payment methods (one default per
 * user, switched under the owner's row lock, a cap per user). The card number and the CVV live
 * only in the request arena for the length of the check: nothing here writes them anywhere,
 * and no message quotes them. SQL lives in payments_db.c.
 */
#include "market/payments/payments.h"

#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/payments/payments_int.h"

/* ---- card numbers -------------------------------------------------------------------------- */

#define LEN(n)       (UINT32_C(1) << (n))
#define LENS(lo, hi) (((UINT32_C(1) << ((hi) + 1)) - 1) & ~((UINT32_C(1) << (lo)) - 1))

enum { VISA, MASTERCARD, AMEX, DISCOVER, JCB, DINERS, UNIONPAY };

static const struct card_brand brands[] = {
    [VISA] = { "Visa", LEN(13) | LEN(16) | LEN(19), 3 },
    [MASTERCARD] = { "Mastercard", LEN(16), 3 },
    [AMEX] = { "American Express", LEN(15), 4 },
    [DISCOVER] = { "Discover", LENS(16, 19), 3 },
    [JCB] = { "JCB", LENS(16, 19), 3 },
    [DINERS] = { "Diners Club", LENS(14, 19), 3 },
    [UNIONPAY] = { "UnionPay", LENS(16, 19), 3 },
};

/* IIN ranges: the first `digits` digits of the number between lo and hi. The first row that
 * matches wins, so the narrow Discover co-brand range comes before UnionPay's 62. */
static const struct {
    int brand;
    unsigned digits;
    unsigned lo;
    unsigned hi;
} iin_ranges[] = {
    { VISA, 1, 4, 4 },
    { MASTERCARD, 2, 51, 55 },
    { MASTERCARD, 4, 2221, 2720 },
    { AMEX, 2, 34, 34 },
    { AMEX, 2, 37, 37 },
    { DISCOVER, 4, 6011, 6011 },
    { DISCOVER, 6, 622126, 622925 },
    { DISCOVER, 3, 644, 649 },
    { DISCOVER, 2, 65, 65 },
    { JCB, 4, 3528, 3589 },
    { DINERS, 3, 300, 305 },
    { DINERS, 2, 36, 36 },
    { DINERS, 2, 38, 39 },
    { UNIONPAY, 2, 62, 62 },
};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool payment_card_digits(const char *number, char digits[PAYMENT_CARD_DIGITS_MAX + 1])
{
    size_t n = 0;
    digits[0] = '\0';
    for (const char *p = number; *p; p++) {
        if (*p == ' ' || *p == '-') continue;
        if (!is_digit(*p) || n == PAYMENT_CARD_DIGITS_MAX) {
            explicit_bzero(digits, PAYMENT_CARD_DIGITS_MAX + 1);
            return false;
        }
        digits[n++] = *p;
    }
    digits[n] = '\0';
    return n > 0;
}

bool payment_card_luhn_ok(const char *digits)
{
    size_t len = strlen(digits);
    if (len == 0) return false;
    unsigned sum = 0;
    bool twice = false;
    for (size_t i = len; i-- > 0;) {
        if (!is_digit(digits[i])) return false;
        unsigned d = (unsigned)(digits[i] - '0');
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

const struct card_brand *payment_card_brand(const char *digits)
{
    size_t len = strlen(digits);
    for (size_t i = 0; i < sizeof(iin_ranges) / sizeof(iin_ranges[0]); i++) {
        if (len < iin_ranges[i].digits) continue;
        unsigned prefix = 0;
        bool ok = true;
        for (unsigned k = 0; k < iin_ranges[i].digits; k++) {
            ok = ok && is_digit(digits[k]);
            prefix = prefix * 10 + (unsigned)(digits[k] - '0');
        }
        if (ok && prefix >= iin_ranges[i].lo && prefix <= iin_ranges[i].hi)
            return &brands[iin_ranges[i].brand];
    }
    return NULL;
}

bool payment_card_length_ok(const struct card_brand *brand, const char *digits)
{
    size_t len = strlen(digits);
    return len <= PAYMENT_CARD_DIGITS_MAX && (brand->lengths & LEN(len)) != 0;
}

bool payment_card_cvv_ok(const struct card_brand *brand, const char *cvv)
{
    size_t len = strlen(cvv);
    if (len != brand->cvv_len) return false;
    for (size_t i = 0; i < len; i++)
        if (!is_digit(cvv[i])) return false;
    return true;
}

int payment_card_expiry_check(struct wm_ctx *ctx, int month, int year, int now_year, int now_month)
{
    if (month < 1 || month > 12)
        return wm_errorf(ctx, WM_EINVAL, "expiryMonth must be between 1 and 12");
    if (year < 1000 || year > 9999)
        return wm_errorf(ctx, WM_EINVAL, "expiryYear must have four digits");
    if (year < now_year || (year == now_year && month < now_month))
        return wm_errorf(ctx, WM_EINVAL, "the card has expired");
    if (year > now_year + PAYMENT_EXPIRY_YEARS_MAX)
        return wm_errorf(ctx, WM_EINVAL, "expiryYear is too far in the future (at most %d)",
                         now_year + PAYMENT_EXPIRY_YEARS_MAX);
    return WM_OK;
}

/* ---- saved payment methods ----------------------------------------------------------------- */

/* No ASCII control character in s. */
static bool is_single_line(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) return false;
    return true;
}

/* Check the card of in and fill what may be kept of it into m (arena strings). The messages
 * say what is wrong, never what was sent. */
static int check_card(struct wm_ctx *ctx, const struct payment_card_input *in,
                      struct payment_method *m)
{
    char digits[PAYMENT_CARD_DIGITS_MAX + 1] = { 0 };
    const struct card_brand *brand = NULL;
    const char *why = NULL;
    bool ok = false;
    if (!in->card_number || !payment_card_digits(in->card_number, digits))
        why = "the card number may hold only digits (at most 19), spaces and dashes";
    else if (!(brand = payment_card_brand(digits)))
        why = "the card number is not from a supported card network (Visa, Mastercard, American "
              "Express, Discover, JCB, Diners Club, UnionPay)";
    else if (!payment_card_length_ok(brand, digits))
        why = arena_printf(ctx->arena, "the card number has the wrong length for %s", brand->name);
    else if (!payment_card_luhn_ok(digits))
        why = "the card number is not valid (check digit)";
    else if (!in->cvv || !payment_card_cvv_ok(brand, in->cvv))
        why = arena_printf(ctx->arena, "the CVV must be %u digits for %s", brand->cvv_len,
                           brand->name);
    else {
        ok = true;
        size_t len = strlen(digits);
        m->card_brand = arena_strdup(ctx->arena, brand->name);
        m->card_last_four = arena_strndup(ctx->arena, digits + len - 4, 4);
    }
    /* The full number goes no further than this stack frame. */
    explicit_bzero(digits, sizeof(digits));
    if (!ok) {
        (void)wm_errorf(ctx, WM_EINVAL, "%s", why ? why : "the card number is not valid");
        return WM_EINVAL;
    }
    return WM_OK;
}

/* The current UTC year and month. */
static void utc_year_month(int *year, int *month)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    *year = tm.tm_year + 1900;
    *month = tm.tm_mon + 1;
}

/* Lock the owner's row; a vanished owner is an unauthenticated caller. */
static int lock_owner(struct wm_ctx *ctx, int64_t user_id)
{
    int rc = payments_db_lock_owner(ctx, user_id);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    return rc;
}

/* Load method id of user_id into *out after a write. */
static int reload(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct payment_method **out)
{
    struct payment_method *m = ARENA_NEW(ctx->arena, struct payment_method);
    int rc = payments_db_method_get(ctx, user_id, id, m);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EINTERNAL, "payment method '%lld' vanished", (long long)id);
    *out = rc == WM_OK ? m : NULL;
    return rc;
}

int payment_method_list(struct wm_ctx *ctx, int64_t user_id, struct payment_method **out, size_t *n)
{
    return payments_db_method_list(ctx, user_id, out, n);
}

/* The holder's name as kept: trimmed, not blank, not too long, one line. */
static int check_holder(struct wm_ctx *ctx, const char *text, char **out)
{
    struct str holder = str_trim(str_from(text ? text : ""));
    *out = str_dup(ctx->arena, holder);
    if (holder.len == 0) return wm_errorf(ctx, WM_EINVAL, "cardHolderName must not be blank");
    if (str_utf8_chars(*out) > PAYMENT_HOLDER_MAX)
        return wm_errorf(ctx, WM_EINVAL, "cardHolderName is too long (at most %d characters)",
                         PAYMENT_HOLDER_MAX);
    if (!is_single_line(*out))
        return wm_errorf(ctx, WM_EINVAL, "cardHolderName contains a control character");
    return WM_OK;
}

int payment_method_add(struct wm_ctx *ctx, int64_t user_id, const struct payment_card_input *in,
                       struct payment_method **out)
{
    *out = NULL;
    struct payment_method m;
    memset(&m, 0, sizeof(m));
    int rc = check_card(ctx, in, &m);
    if (rc != WM_OK) return rc;
    int now_year = 0;
    int now_month = 0;
    utc_year_month(&now_year, &now_month);
    rc = payment_card_expiry_check(ctx, in->exp_month, in->exp_year, now_year, now_month);
    if (rc != WM_OK) return rc;
    rc = check_holder(ctx, in->holder_name, &m.card_holder_name);
    if (rc != WM_OK) return rc;
    /* The app's own guess of the brand, kept as sent; ours when it sent none. */
    m.payment_type = str_dup(ctx->arena, str_trim(str_from(in->payment_type)));
    if (!*m.payment_type) m.payment_type = m.card_brand;
    if (str_utf8_chars(m.payment_type) > PAYMENT_TYPE_MAX || !is_single_line(m.payment_type))
        return wm_errorf(ctx, WM_EINVAL, "paymentType must be a word of at most %d characters",
                         PAYMENT_TYPE_MAX);
    m.card_exp_month = in->exp_month;
    m.card_exp_year = in->exp_year;

    rc = lock_owner(ctx, user_id);
    if (rc != WM_OK) return rc;
    int64_t count = 0;
    rc = payments_db_method_count(ctx, user_id, &count);
    if (rc != WM_OK) return rc;
    if (count >= PAYMENT_METHOD_MAX_PER_USER)
        return wm_errorf(ctx, WM_ELIMIT,
                         "you can keep at most %d payment methods: delete one first",
                         PAYMENT_METHOD_MAX_PER_USER);
    bool has_default = false;
    rc = payments_db_method_has_default(ctx, user_id, 0, &has_default);
    if (rc != WM_OK) return rc;
    m.is_default = in->is_default || !has_default;
    if (m.is_default && has_default) {
        rc = payments_db_method_clear_default(ctx, user_id, 0);
        if (rc != WM_OK) return rc;
    }
    int64_t id = 0;
    rc = payments_db_method_insert(ctx, user_id, &m, &id);
    if (rc != WM_OK) return rc;
    return reload(ctx, user_id, id, out);
}

int payment_method_update(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                          const struct payment_method_change *in, struct payment_method **out)
{
    *out = NULL;
    int rc = lock_owner(ctx, user_id);
    if (rc != WM_OK) return rc;
    struct payment_method m;
    memset(&m, 0, sizeof(m));
    rc = payments_db_method_get(ctx, user_id, id, &m);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "payment method '%lld' not found", (long long)id);
    if (rc != WM_OK) return rc;
    bool card_changes = in->exp_month || in->exp_year || in->holder_name;
    if (in->exp_month) m.card_exp_month = in->exp_month;
    if (in->exp_year) m.card_exp_year = in->exp_year;
    if (in->exp_month || in->exp_year) {
        int now_year = 0;
        int now_month = 0;
        utc_year_month(&now_year, &now_month);
        rc = payment_card_expiry_check(ctx, m.card_exp_month, m.card_exp_year, now_year, now_month);
        if (rc != WM_OK) return rc;
    }
    if (in->holder_name) rc = check_holder(ctx, in->holder_name, &m.card_holder_name);
    if (rc != WM_OK) return rc;
    bool want_default = in->set_default ? in->is_default : m.is_default;
    bool want_active = in->set_active ? in->is_active : m.is_active;
    if (want_default && !m.is_default) {
        rc = payments_db_method_clear_default(ctx, user_id, id);
        if (rc != WM_OK) return rc;
    }
    rc = payments_db_method_set_flags(ctx, user_id, id, want_default, want_active);
    if (rc == WM_OK && card_changes)
        rc = payments_db_method_set_card(ctx, user_id, id, m.card_exp_month, m.card_exp_year,
                                         m.card_holder_name);
    if (rc != WM_OK) return rc;
    return reload(ctx, user_id, id, out);
}

int payment_method_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id)
{
    bool deleted = false;
    int rc = payments_db_method_delete(ctx, user_id, id, &deleted);
    if (rc != WM_OK) return rc;
    if (!deleted)
        return wm_errorf(ctx, WM_ENOTFOUND, "payment method '%lld' not found", (long long)id);
    return WM_OK;
}
