/*
 * vendors.h: the vendors domain (reads): the shop of a user whose account type is VENDOR, its
 * public profile and the public face of its owner. Only active shops of VENDOR accounts exist
 * to readers: any other id (unknown, deactivated, or a user who is not a vendor) is "not
 * found", the same answer for all. Profiles are read through memcached under the "vendors"
 * namespace (vendors_cache_bump() after any write to a shop or its owner's names). Strings live
 * in ctx->arena.
 */
#ifndef WM_MARKET_VENDORS_H
#define WM_MARKET_VENDORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;
struct buf;
struct pack_reader;

/* Seconds a cached vendor profile is kept (writes bump the namespace sooner). */
#define VENDOR_CACHE_TTL 600

/* A shop as readers see it. Text fields are arena strings, NULL when not set. */
struct vendor {
    int64_t id;      /* the shop's id (VendorById) */
    int64_t user_id; /* its owner's user id (Product.seller, GetShopData) */
    char *shop_name;
    char *slug;
    char *description;
    char *logo_url;
    char *banner_url;
    char *contact_email; /* public business contact, not the owner's login */
    char *contact_phone;
    char *street_address;
    char *city;
    char *state;
    char *postal_code;
    char *country;
    int64_t min_order_minor; /* minimum order value, in currency's minor units */
    char *currency;          /* ISO 4217 */
    double rating;           /* 0 .. 5 */
    int32_t review_count;
    bool is_verified;
    char *created_at; /* "YYYY-MM-DD HH:MM:SS.ffffff", UTC */
    char *owner_first_name;
    char *owner_last_name;
};

/* Vendor id into *out (cached). WM_ENOTFOUND "vendor '<id>' not found", or a database error. */
int vendor_get(struct wm_ctx *ctx, int64_t id, struct vendor **out);

/*
 * The vendors of ids[0..n-1] (duplicates allowed) in one statement whatever n is: *out is an
 * arena array of n pointers, out[i] the vendor of ids[i] or NULL when it is not a readable
 * vendor. Not cached (callers cache the pages they build). Returns WM_OK or a database error.
 */
int vendor_get_many(struct wm_ctx *ctx, const int64_t *ids, size_t n, struct vendor ***out);

/* The shop of user user_id into *out. WM_ENOTFOUND when the user has none. */
int vendor_of_user(struct wm_ctx *ctx, int64_t user_id, struct vendor **out);

/*
 * The names of the departments (categories right below the roots, e.g. Men, Electronics) the
 * vendor has active products in, alphabetically: *out is an arena array of *n strings.
 * Cached with the profile. Returns WM_OK or a database error.
 */
int vendor_categories(struct wm_ctx *ctx, int64_t vendor_id, char ***out, size_t *n);

/* The cache encoding of a vendor (core/pack.h), for callers that cache pages holding vendors.
 * vendor_unpack() returns false when r ran short (strings go to r's arena). */
void vendor_pack(struct buf *b, const struct vendor *v);
bool vendor_unpack(struct pack_reader *r, struct vendor *v);

/* ---- writes (the shop's owner) ------------------------------------------------------------ */

/* Bounds of the shop settings. */
#define VENDOR_NAME_MAX        120
#define VENDOR_DESCRIPTION_MAX 5000
#define VENDOR_URL_MAX         500

/*
 * The shop of vendor user user_id (the caller checked the account type), opened when it has
 * none yet: named after the account's business name (else the owner's names), with a slug
 * made of that name and the user id. WM_OK with *out; WM_EPERM "You do not have permission to
 * perform this action" when the shop was closed by the marketplace; a database error. Runs in
 * the caller's transaction; bumps the vendor cache when it opens one.
 */
int vendor_open_shop(struct wm_ctx *ctx, int64_t user_id, struct vendor **out);

/* updateShopSettings: NULL means unchanged. Strings are NUL-terminated. */
struct shop_settings {
    const char *shop_name;
    const char *description;
    const char *logo_url;
    const char *banner_url;
    const char *contact_email;
    const char *contact_phone;
    const char *street_address;
    const char *city;
    const char *country;
    const char *postal_code;
};

/*
 * Change the given settings of user_id's shop (opened first when there is none, see
 * vendor_open_shop()). The name must not be blank; URLs are http(s) or /media/ paths and are
 * marked referenced (media.h); the email must look like one; the phone holds digits, spaces
 * and + - ( ) only. Everything is checked before anything is written: WM_EINVAL naming the
 * field. Bumps the vendor and catalog caches. WM_OK with *out (the shop as saved).
 */
int vendor_update_settings(struct wm_ctx *ctx, int64_t user_id, const struct shop_settings *given,
                           struct vendor **out);

/* Forget every cached vendor profile (call after a write to vendors or its owners' names). */
void vendors_cache_bump(struct wm_ctx *ctx);

#endif
