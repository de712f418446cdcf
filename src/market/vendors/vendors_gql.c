/*
 * vendors_gql.c: GraphQL adapter of the vendors domain (vendors_gql.h).
 */
#include "market/vendors/vendors_gql.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/shared/shared_gql.h"
#include "market/vendors/vendors.h"

/* How many products Vendor.products lists (the newest active ones). */
#define VENDOR_PRODUCTS_SHOWN 20

/* The shop in the User shape the app's shop settings screen reads. */
static struct gql_value shop_as_user(struct wm_ctx *ctx, const struct vendor *v)
{
    if (!v) return gql_null();
    struct user *u = ARENA_NEW(ctx->arena, struct user);
    u->id = v->user_id;
    u->email = v->contact_email;
    u->username = v->slug;
    u->first_name = v->owner_first_name;
    u->last_name = v->owner_last_name;
    u->account_type = arena_strndup(ctx->arena, "VENDOR", 6);
    u->phone_number = v->contact_phone;
    u->street_address = v->street_address;
    u->city = v->city;
    u->country = v->country;
    u->postal_code = v->postal_code;
    u->business_name = v->shop_name;
    u->profile_picture_url = v->logo_url;
    return gql_ptr(u, NULL);
}

int vendors_gql_my_shop(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *viewer = NULL;
    int rc = account_require_vendor(call->ctx, &viewer);
    if (rc != WM_OK) return rc;
    struct vendor *shop = NULL;
    rc = vendor_of_user(call->ctx, viewer->user_id, &shop);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(call->ctx); /* no shop yet: null */
        *out = gql_null();
        return WM_OK;
    }
    if (rc != WM_OK) return rc;
    *out = gql_ptr(shop, NULL);
    return WM_OK;
}

int vendors_gql_update_shop_settings(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *viewer = NULL;
    int rc = account_require_vendor(call->ctx, &viewer);
    if (rc != WM_OK) return rc;
    struct shop_settings in = { 0 };
    rc = shared_gql_arg_text(call, "shopName", NULL, &in.shop_name);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopDescription", NULL, &in.description);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopLogoUrl", NULL, &in.logo_url);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopBannerUrl", NULL, &in.banner_url);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopContactEmail", NULL, &in.contact_email);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopContactPhone", NULL, &in.contact_phone);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopAddress", NULL, &in.street_address);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopCity", NULL, &in.city);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopCountry", NULL, &in.country);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "shopPostalCode", NULL, &in.postal_code);
    struct vendor *shop = NULL;
    if (rc == WM_OK) rc = vendor_update_settings(call->ctx, viewer->user_id, &in, &shop);
    return shared_gql_payload(call, rc, "Shop settings updated", "shopData",
                              shop_as_user(call->ctx, shop), out);
}

static int vendor_by_id(struct gql_call *call, struct gql_value *out)
{
    const struct gql_value *v = gql_arg(call, "id");
    int64_t id = 0;
    if (v && v->kind == GQL_V_STRING && !str_to_int64(str_trim(v->u.s), &id)) id = 0;
    struct vendor *vendor = NULL;
    int rc = vendor_get(call->ctx, id, &vendor);
    if (rc != WM_OK) return rc;
    *out = gql_ptr(vendor, NULL);
    return WM_OK;
}

int vendors_gql_vendor_by_id(struct gql_call *call, struct gql_value *out)
{
    return vendor_by_id(call, out);
}

int vendors_gql_vendor_profile_by_id(struct gql_call *call, struct gql_value *out)
{
    return vendor_by_id(call, out);
}

static const struct vendor *vendor_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static struct gql_value text_or_null(const char *s)
{
    return s ? gql_string_n(str_from(s)) : gql_null();
}

/* The app's AddressModel: {street, city, state, zip_code, country, latitude, longitude}. */
static int vendor_address(struct gql_call *call, struct gql_value *out)
{
    const struct vendor *v = vendor_of(call);
    struct arena *a = call->ctx->arena;
    *out = gql_object(a, 7);
    gql_object_set(a, out, "street", text_or_null(v->street_address));
    gql_object_set(a, out, "city", text_or_null(v->city));
    gql_object_set(a, out, "state", text_or_null(v->state));
    gql_object_set(a, out, "zip_code", text_or_null(v->postal_code));
    gql_object_set(a, out, "country", text_or_null(v->country));
    gql_object_set(a, out, "latitude", gql_null());
    gql_object_set(a, out, "longitude", gql_null());
    return WM_OK;
}

static int vendor_categories_field(struct gql_call *call, struct gql_value *out)
{
    char **names = NULL;
    size_t n = 0;
    int rc = vendor_categories(call->ctx, vendor_of(call)->id, &names, &n);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_string_n(str_from(names[i]));
    return WM_OK;
}

static int vendor_min_order(struct gql_call *call, struct gql_value *out)
{
    *out = gql_float((double)vendor_of(call)->min_order_minor / 100.0);
    return WM_OK;
}

static int vendor_products(struct gql_call *call, struct gql_value *out)
{
    struct catalog_list in = { .q = { .status = "active", .vendor_id = vendor_of(call)->id },
                               .page_size = VENDOR_PRODUCTS_SHOWN,
                               .page_number = 1 };
    struct catalog_page page;
    int rc = catalog_list_products(call->ctx, &in, &page);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, page.n);
    for (size_t i = 0; i < page.n; i++)
        out->u.list.items[i] = gql_ptr(page.items[i], NULL);
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map vendors_gql_vendor_fields[] = {
    GQL_MAP_ID("id",                struct vendor, id),
    GQL_MAP_ID("userId",            struct vendor, user_id),
    GQL_MAP_STR("businessName",     struct vendor, shop_name),
    GQL_MAP_STR("slug",             struct vendor, slug),
    GQL_MAP_STR("description",      struct vendor, description),
    GQL_MAP_STR("email",            struct vendor, contact_email),
    GQL_MAP_STR("phone",            struct vendor, contact_phone),
    GQL_MAP_FN("address",           vendor_address),
    GQL_MAP_DOUBLE("rating",        struct vendor, rating),
    GQL_MAP_INT("reviewCount",      struct vendor, review_count),
    GQL_MAP_BOOL("isVerified",      struct vendor, is_verified),
    GQL_MAP_FN("categories",        vendor_categories_field),
    GQL_MAP_STR("createdAt",        struct vendor, created_at),
    GQL_MAP_STR("logo",             struct vendor, logo_url),
    GQL_MAP_STR("banner",           struct vendor, banner_url),
    GQL_MAP_FN("minOrderValue",     vendor_min_order),
    GQL_MAP_STR("currency",         struct vendor, currency),
    GQL_MAP_FN("products",          vendor_products),
    GQL_MAP_END,
};
/* clang-format on */
