/*
 * vendors.c: the rules of the vendors domain (vendors.h): profile reads through memcached
 * (namespace "vendors"), batch loads for lists. SQL lives in vendors_db.c.
 */
#include "market/vendors/vendors.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/pack.h"
#include "market/accounts/accounts.h"
#include "market/media/media.h"
#include "market/shared/shared.h"
#include "market/vendors/vendors_int.h"

/* Cache namespace of vendor profiles. */
#define VENDORS_NS "vendors"

void vendors_cache_bump(struct wm_ctx *ctx)
{
    cache_ns_bump(ctx->cache, VENDORS_NS);
}

void vendor_pack(struct buf *b, const struct vendor *v)
{
    pack_i64(b, v->id);
    pack_i64(b, v->user_id);
    const char *const texts[] = { v->shop_name,      v->slug,           v->description,
                                  v->logo_url,       v->banner_url,     v->contact_email,
                                  v->contact_phone,  v->street_address, v->city,
                                  v->state,          v->postal_code,    v->country,
                                  v->currency,       v->created_at,     v->owner_first_name,
                                  v->owner_last_name };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        pack_str(b, texts[i]);
    pack_i64(b, v->min_order_minor);
    pack_f64(b, v->rating);
    pack_i64(b, v->review_count);
    pack_i64(b, v->is_verified);
}

bool vendor_unpack(struct pack_reader *r, struct vendor *v)
{
    v->id = pack_get_i64(r);
    v->user_id = pack_get_i64(r);
    char **const texts[] = { &v->shop_name,      &v->slug,           &v->description,
                             &v->logo_url,       &v->banner_url,     &v->contact_email,
                             &v->contact_phone,  &v->street_address, &v->city,
                             &v->state,          &v->postal_code,    &v->country,
                             &v->currency,       &v->created_at,     &v->owner_first_name,
                             &v->owner_last_name };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        *texts[i] = pack_get_str(r);
    v->min_order_minor = pack_get_i64(r);
    v->rating = pack_get_f64(r);
    v->review_count = (int32_t)pack_get_i64(r);
    v->is_verified = pack_get_i64(r) != 0;
    return !r->bad;
}

/* The cache key of what under the vendors namespace and the users' public names (profiles
 * carry the owner's names): one round trip for both versions. STR_NULL when unreadable. */
static struct str vendor_key(struct wm_ctx *ctx, const char *what)
{
    static const char *const ns[] = { VENDORS_NS, ACCOUNT_PUBLIC_NS };
    uint64_t v[2];
    if (!cache_ns_versions(ctx->cache, ns, 2, v)) return STR_NULL;
    return str_from(arena_printf(ctx->arena, "%s:%llu.%llu:%s", VENDORS_NS,
                                 (unsigned long long)v[0], (unsigned long long)v[1], what));
}

int vendor_get(struct wm_ctx *ctx, int64_t id, struct vendor **out)
{
    *out = NULL;
    char key[40];
    (void)snprintf(key, sizeof(key), "v:%lld", (long long)id);
    struct str k = vendor_key(ctx, key);
    struct str val;
    struct vendor *v = ARENA_NEW(ctx->arena, struct vendor);
    if (cache_get(ctx->cache, ctx->arena, k, &val)) {
        struct pack_reader r;
        pack_reader_init(&r, ctx->arena, val);
        if (vendor_unpack(&r, v) && pack_ok(&r) && v->id == id) {
            *out = v;
            return WM_OK;
        }
    }
    int rc = id > 0 ? vendors_db_get(ctx, id, v) : WM_ENOTFOUND;
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "vendor '%lld' not found", (long long)id);
    if (rc != WM_OK) return rc;
    struct buf b = BUF_INIT(ctx->arena);
    vendor_pack(&b, v);
    cache_set(ctx->cache, k, b.ptr, b.len, VENDOR_CACHE_TTL);
    *out = v;
    return WM_OK;
}

int vendor_get_many(struct wm_ctx *ctx, const int64_t *ids, size_t n, struct vendor ***out)
{
    *out = ARENA_ARRAY(ctx->arena, struct vendor *, n ? n : 1);
    if (n == 0) return WM_OK;
    struct buf json = BUF_INIT(ctx->arena);
    buf_appendc(&json, '[');
    for (size_t i = 0; i < n; i++)
        buf_appendf(&json, "%s%lld", i ? "," : "", (long long)ids[i]);
    buf_appendc(&json, ']');
    struct vendor *rows = NULL;
    size_t nrows = 0;
    int rc = vendors_db_get_many(ctx, json.ptr, &rows, &nrows);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < nrows && !(*out)[i]; j++)
            if (rows[j].id == ids[i]) (*out)[i] = &rows[j];
    return WM_OK;
}

int vendor_of_user(struct wm_ctx *ctx, int64_t user_id, struct vendor **out)
{
    *out = ARENA_NEW(ctx->arena, struct vendor);
    int rc = vendors_db_of_user(ctx, user_id, *out);
    if (rc == WM_ENOTFOUND) {
        *out = NULL;
        return wm_errorf(ctx, WM_ENOTFOUND, "no shop for user '%lld'", (long long)user_id);
    }
    return rc;
}

int vendor_categories(struct wm_ctx *ctx, int64_t vendor_id, char ***out, size_t *n)
{
    char key[40];
    (void)snprintf(key, sizeof(key), "deps:%lld", (long long)vendor_id);
    struct str k = vendor_key(ctx, key);
    struct str val;
    if (cache_get(ctx->cache, ctx->arena, k, &val)) {
        struct pack_reader r;
        pack_reader_init(&r, ctx->arena, val);
        int64_t count = pack_get_i64(&r);
        if (count >= 0 && count <= 1000 && !r.bad) {
            char **names = ARENA_ARRAY(ctx->arena, char *, count ? (size_t)count : 1);
            for (int64_t i = 0; i < count; i++)
                names[i] = pack_get_str(&r);
            if (pack_ok(&r)) {
                *out = names;
                *n = (size_t)count;
                return WM_OK;
            }
        }
    }
    int rc = vendors_db_departments(ctx, vendor_id, out, n);
    if (rc != WM_OK) return rc;
    struct buf b = BUF_INIT(ctx->arena);
    pack_i64(&b, (int64_t)*n);
    for (size_t i = 0; i < *n; i++)
        pack_str(&b, (*out)[i]);
    cache_set(ctx->cache, k, b.ptr, b.len, VENDOR_CACHE_TTL);
    return WM_OK;
}

/* ---- writes ---------------------------------------------------------------------------- */

/* "<words of name, lower-case, dash-separated>-<user id>": unique because the id is. */
static char *make_slug(struct wm_ctx *ctx, const char *name, int64_t user_id)
{
    struct buf b = BUF_INIT(ctx->arena);
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)name; *p && b.len < 100; p++) {
        if (isalnum(*p) && *p < 0x80) {
            if (dash && b.len) buf_appendc(&b, '-');
            buf_appendc(&b, (char)tolower(*p));
            dash = false;
        } else {
            dash = true;
        }
    }
    buf_appendf(&b, "%s%lld", b.len ? "-" : "shop-", (long long)user_id);
    return str_dup(ctx->arena, buf_str(&b));
}

/* The name a new shop gets: the account's business name, else the owner's names. */
static const char *default_shop_name(struct wm_ctx *ctx, const struct user *u)
{
    if (u->business_name && *u->business_name) return u->business_name;
    const char *name = arena_printf(ctx->arena, "%s %s", u->first_name ? u->first_name : "",
                                    u->last_name ? u->last_name : "");
    struct str t = str_trim(str_from(name));
    if (t.len) return str_dup(ctx->arena, t);
    return arena_printf(ctx->arena, "Shop %lld", (long long)u->id);
}

int vendor_open_shop(struct wm_ctx *ctx, int64_t user_id, struct vendor **out)
{
    *out = NULL;
    bool active = false;
    int rc = vendors_db_shop_active(ctx, user_id, &active);
    if (rc == WM_OK && !active) return wm_errorf(ctx, WM_EPERM, ACCOUNT_MSG_FORBIDDEN);
    if (rc == WM_ENOTFOUND) {
        struct user *u = NULL;
        rc = account_user_get(ctx, user_id, &u);
        const char *name = rc == WM_OK ? default_shop_name(ctx, u) : NULL;
        if (rc == WM_OK) rc = vendors_db_insert(ctx, user_id, name, make_slug(ctx, name, user_id));
        if (rc == WM_OK) vendors_cache_bump(ctx);
    }
    if (rc != WM_OK) return rc;
    return vendor_of_user(ctx, user_id, out);
}

static int check_settings(struct wm_ctx *ctx, struct shop_settings *in)
{
    int rc = shared_check_text(ctx, &in->shop_name, "shopName", VENDOR_NAME_MAX, true, false);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->description, "shopDescription", VENDOR_DESCRIPTION_MAX,
                               false, true);
    if (rc == WM_OK)
        rc = shared_check_url(ctx, &in->logo_url, "shopLogoUrl", VENDOR_URL_MAX, false);
    if (rc == WM_OK)
        rc = shared_check_url(ctx, &in->banner_url, "shopBannerUrl", VENDOR_URL_MAX, false);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->contact_email, "shopContactEmail", 254, false, false);
    if (rc == WM_OK && in->contact_email && *in->contact_email) {
        const char *at = strchr(in->contact_email, '@');
        if (!at || at == in->contact_email || !strchr(at, '.') || strchr(at + 1, '@') ||
            strpbrk(in->contact_email, " ,;<>") || at[strlen(at) - 1] == '.')
            rc = wm_errorf(ctx, WM_EINVAL, "shopContactEmail must be an email address");
    }
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->contact_phone, "shopContactPhone", 32, false, false);
    if (rc == WM_OK && in->contact_phone && *in->contact_phone) {
        size_t digits = 0;
        bool bad = false;
        for (const char *p = in->contact_phone; *p; p++) {
            if (isdigit((unsigned char)*p))
                digits++;
            else if (!strchr(" +-()", *p))
                bad = true;
        }
        if (bad || digits < 5)
            rc = wm_errorf(ctx, WM_EINVAL,
                           "shopContactPhone must be a phone number (digits, spaces, + - and ( ))");
    }
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->street_address, "shopAddress", 255, false, false);
    if (rc == WM_OK) rc = shared_check_text(ctx, &in->city, "shopCity", 128, false, false);
    if (rc == WM_OK) rc = shared_check_text(ctx, &in->country, "shopCountry", 128, false, false);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->postal_code, "shopPostalCode", 32, false, false);
    return rc;
}

int vendor_update_settings(struct wm_ctx *ctx, int64_t user_id, const struct shop_settings *given,
                           struct vendor **out)
{
    *out = NULL;
    struct shop_settings in = *given;
    int rc = check_settings(ctx, &in);
    struct vendor *shop = NULL;
    if (rc == WM_OK) rc = vendor_open_shop(ctx, user_id, &shop);
    const char *urls[] = { in.logo_url, in.banner_url };
    for (size_t i = 0; rc == WM_OK && i < 2; i++)
        if (urls[i] && *urls[i]) rc = media_mark_referenced(ctx, urls[i], NULL);
    if (rc == WM_OK) rc = vendors_db_update_settings(ctx, user_id, &in);
    if (rc != WM_OK) return rc;
    vendors_cache_bump(ctx);
    return vendor_of_user(ctx, user_id, out);
}
