/*
 * accounts_profile.c: the viewer's own account (accounts.h): profile changes, validated field
 * by field and written all at once, and password changes that end every other session.
 */
#include "market/accounts/accounts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/password.h"
#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts_int.h"
#include "market/media/media.h"

/* Column sizes of users (0001_accounts.sql, 0004_sessions_2fa.sql). */
#define LEN_STREET       255
#define LEN_CITY         128
#define LEN_COUNTRY      128
#define LEN_POSTAL       32
#define LEN_BUSINESS     255
#define LEN_PICTURE      1024
#define PHONE_DIGITS_MIN 7
#define PHONE_DIGITS_MAX 15 /* E.164 */

static const char *const genders[] = { "MALE", "FEMALE", "OTHER", "PREFER_NOT_TO_SAY" };

/* Text a person typed: at most max bytes, no control characters. NULL when fine, else why. */
static const char *text_problem(const char *s, size_t max)
{
    if (strlen(s) > max) return "is too long";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) return "contains a control character";
    return NULL;
}

/* Normalize a phone number to "+" and digits (or digits alone); NULL when it is not one. */
static char *phone_normalize(struct wm_ctx *ctx, const char *in)
{
    char *out = arena_alloc(ctx->arena, strlen(in) + 1);
    size_t n = 0;
    size_t digits = 0;
    for (const char *p = in; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            out[n++] = *p;
            digits++;
        } else if (*p == '+' && n == 0) {
            out[n++] = '+';
        } else if (!strchr(" -().", *p)) {
            return NULL;
        }
    }
    out[n] = '\0';
    return digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX ? out : NULL;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The date part "YYYY-MM-DD" of a date or date-time, checked to be a real past date after
 * 1900-01-01; NULL otherwise. */
static char *dob_normalize(struct wm_ctx *ctx, const char *in)
{
    if (strlen(in) < 10 || in[4] != '-' || in[7] != '-' || (in[10] != '\0' && in[10] != 'T'))
        return NULL;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (in[i] < '0' || in[i] > '9')) return NULL;
    int y = (in[0] - '0') * 1000 + (in[1] - '0') * 100 + (in[2] - '0') * 10 + (in[3] - '0');
    int m = (in[5] - '0') * 10 + (in[6] - '0');
    int d = (in[8] - '0') * 10 + (in[9] - '0');
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1900 || m < 1 || m > 12 || d < 1) return NULL;
    if (d > mdays[m - 1] + (m == 2 && is_leap(y))) return NULL;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    int today = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    if (y * 10000 + m * 100 + d > today) return NULL;
    return arena_printf(ctx->arena, "%04d-%02d-%02d", y, m, d);
}

/* A picture is one of ours (/media/..., or an upload's absolute URL) or a web address. */
static bool picture_ok(const char *url)
{
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0 &&
        strncmp(url, "/media/", 7) != 0)
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return false;
    return true;
}

/* Trimmed copy of s, or NULL for NULL. */
static char *trimmed(struct wm_ctx *ctx, const char *s)
{
    return s ? str_dup(ctx->arena, str_trim(str_from(s))) : NULL;
}

/* Apply a text field: NULL leaves *field, "" clears it to NULL (or "" when keep_empty). */
static int set_text(struct wm_ctx *ctx, const char *label, const char *in, size_t max,
                    bool keep_empty, char **field)
{
    if (!in) return WM_OK;
    char *v = trimmed(ctx, in);
    const char *why = text_problem(v, max);
    if (why) return wm_errorf(ctx, WM_EINVAL, "%s %s (at most %zu characters).", label, why, max);
    *field = *v || keep_empty ? v : NULL;
    return WM_OK;
}

/* The free-text fields of a change, applied to u. */
static int apply_texts(struct wm_ctx *ctx, const struct account_profile *in, struct user *u)
{
    if (in->first_name) {
        int rc =
                set_text(ctx, "First name", in->first_name, ACCOUNT_NAME_MAX, true, &u->first_name);
        if (rc == WM_OK && !*u->first_name)
            rc = wm_errorf(ctx, WM_EINVAL, "First name cannot be blank.");
        if (rc != WM_OK) return rc;
    }
    int rc = set_text(ctx, "Last name", in->last_name, ACCOUNT_NAME_MAX, true, &u->last_name);
    if (rc == WM_OK)
        rc = set_text(ctx, "Street address", in->street_address, LEN_STREET, false,
                      &u->street_address);
    if (rc == WM_OK) rc = set_text(ctx, "City", in->city, LEN_CITY, false, &u->city);
    if (rc == WM_OK) rc = set_text(ctx, "Country", in->country, LEN_COUNTRY, false, &u->country);
    if (rc == WM_OK)
        rc = set_text(ctx, "Postal code", in->postal_code, LEN_POSTAL, false, &u->postal_code);
    if (rc == WM_OK)
        rc = set_text(ctx, "Business name", in->business_name, LEN_BUSINESS, false,
                      &u->business_name);
    return rc;
}

/* The fields with a format (phone, date of birth, gender, picture), applied to u. */
static int apply_formatted(struct wm_ctx *ctx, const struct account_profile *in, struct user *u)
{
    if (in->phone_number) {
        char *t = trimmed(ctx, in->phone_number);
        char *p = *t ? phone_normalize(ctx, t) : NULL;
        if (*t && !p)
            return wm_errorf(ctx, WM_EINVAL,
                             "Enter a valid phone number: 7 to 15 digits, optionally starting "
                             "with + and the country code.");
        u->phone_number = p;
    }
    if (in->dob) {
        char *t = trimmed(ctx, in->dob);
        char *d = *t ? dob_normalize(ctx, t) : NULL;
        if (*t && !d)
            return wm_errorf(ctx, WM_EINVAL,
                             "Enter a valid date of birth (YYYY-MM-DD, not in the future).");
        u->dob = d;
    }
    if (in->gender) {
        const char *g = NULL;
        for (size_t i = 0; i < sizeof(genders) / sizeof(genders[0]); i++)
            if (strcmp(in->gender, genders[i]) == 0) g = genders[i];
        if (*in->gender && !g)
            return wm_errorf(ctx, WM_EINVAL,
                             "Select a valid gender: MALE, FEMALE, OTHER or PREFER_NOT_TO_SAY.");
        u->gender = (char *)g;
    }
    if (in->profile_picture_url) {
        char *t = trimmed(ctx, in->profile_picture_url);
        if (*t && (strlen(t) > LEN_PICTURE || !picture_ok(t)))
            return wm_errorf(ctx, WM_EINVAL,
                             "The profile picture must be an http(s) address or a /media/ path "
                             "of at most 1024 characters.");
        u->profile_picture_url = *t ? t : NULL;
    }
    return WM_OK;
}

int account_profile_update(struct wm_ctx *ctx, const struct account_profile *in, struct user **out)
{
    const struct viewer *v = NULL;
    *out = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    rc = accounts_db_user_get_locked(ctx, v->user_id, u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    if (rc == WM_OK) rc = apply_texts(ctx, in, u);
    if (rc == WM_OK) rc = apply_formatted(ctx, in, u);
    if (rc == WM_OK) rc = accounts_db_user_write_profile(ctx, u);
    /* A picture uploaded to us is now in use: media_gc must keep it (other URLs: no-op). */
    if (rc == WM_OK && in->profile_picture_url && u->profile_picture_url)
        rc = media_mark_referenced(ctx, u->profile_picture_url, NULL);
    if (rc != WM_OK) return rc;
    /* A vendor's names are public (Product.seller, the shop's owner): whatever caches them
     * keys on this namespace too. */
    if ((in->first_name || in->last_name) && strcmp(u->account_type, "VENDOR") == 0)
        cache_ns_bump(ctx->cache, ACCOUNT_PUBLIC_NS);
    return account_user_get(ctx, v->user_id, out);
}

int account_password_change(struct wm_ctx *ctx, const char *current, const char *fresh)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    bool ok = false;
    rc = accounts_check_password(ctx, v->user_id, current, "Password change", &ok);
    if (rc != WM_OK) return rc;
    if (!ok) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_CURRENT);
    struct user *u = NULL;
    rc = account_user_get(ctx, v->user_id, &u);
    if (rc != WM_OK) return rc;
    if (strcmp(current, fresh) == 0)
        return wm_errorf(ctx, WM_EINVAL, "The new password must differ from the current one.");
    const char *problems[PW_MAX_PROBLEMS];
    size_t n = pw_check_strength(ctx, fresh, u->email, u->first_name, u->last_name, problems);
    if (n > 0) {
        struct buf b;
        buf_init(&b, ctx->arena, 128);
        for (size_t i = 0; i < n; i++) {
            if (i) buf_appends(&b, " ");
            buf_appends(&b, problems[i]);
        }
        return wm_errorf(ctx, WM_EINVAL, "%s", b.ptr);
    }
    char *hash = NULL;
    rc = pw_hash(ctx, fresh, &hash);
    if (rc == WM_OK) rc = accounts_db_user_set_password(ctx, v->user_id, hash);
    int64_t ended = 0;
    if (rc == WM_OK)
        rc = accounts_db_sessions_revoke_others(ctx, v->user_id, v->session_id, "password_change",
                                                &ended);
    if (rc == WM_OK && ended > 0) accounts_forget_viewers(ctx);
    return rc;
}

int account_set_type(struct wm_ctx *ctx, const char *word, const char **before, const char **after)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    const char *type = account_type_parse(word ? word : "");
    if (!type)
        return wm_errorf(ctx, WM_EINVAL,
                         "accountType must be CUSTOMER, VENDOR (SUPPLIER) or "
                         "RESELLER");
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    rc = accounts_db_user_get_locked(ctx, v->user_id, u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    if (rc != WM_OK) return rc;
    *before = u->account_type;
    *after = type;
    if (strcmp(type, u->account_type) == 0) return WM_OK;
    rc = accounts_db_user_set_type(ctx, v->user_id, type);
    /* Who sells is public (a shop is readable only while its owner is a VENDOR). */
    if (rc == WM_OK) cache_ns_bump(ctx->cache, ACCOUNT_PUBLIC_NS);
    return rc;
}
