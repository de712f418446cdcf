/*
 * catalog_write_gql.c: GraphQL adapter of the catalog's write side (catalog_gql.h): the
 * app's createProduct, updateProduct, deleteProduct, duplicateProduct and getShopData (and the
 * pages' vendorProduct) with
 * their arguments exactly as the app declares them (contract README 3b: createProduct's
 * imagesUrl is [ImagesInputType!]! and its discount a percentage, updateProduct's imagesUrl
 * [String!], category a String and materials names, duplicateProduct's productId an Int).
 * Null and absent arguments mean "unchanged". Arguments become a struct product_input; the
 * rules are in catalog_write.c.
 */
#include "market/catalog/catalog_gql.h"

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/shared/shared_gql.h"

/* ---- arguments ------------------------------------------------------------------------- */

/* An Int argument that must fit int32 (ids). */
static int int32_arg(struct gql_call *call, const char *name, bool *has, int32_t *out)
{
    int64_t v = 0;
    shared_gql_arg_int(call, name, has, &v);
    *out = 0;
    if (*has && (v < 0 || v > INT32_MAX))
        return wm_errorf(call->ctx, WM_EINVAL, "unknown %s '%lld'", name, (long long)v);
    *out = (int32_t)v;
    return WM_OK;
}

/* The list argument name (a [String] or [String!]): *has false when null or absent; null
 * items are left out. */
static int strings_arg(struct gql_call *call, const char *name, bool *has, const char *const **out,
                       size_t *n)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && v->kind == GQL_V_LIST;
    *out = NULL;
    *n = 0;
    if (!*has) return WM_OK;
    size_t count = v->u.list.count;
    const char **items = ARENA_ARRAY(call->ctx->arena, const char *, count ? count : 1);
    for (size_t i = 0; i < count; i++) {
        const struct gql_value *it = &v->u.list.items[i];
        if (it->kind != GQL_V_STRING) continue;
        if (memchr(it->u.s.ptr, '\0', it->u.s.len))
            return wm_errorf(call->ctx, WM_EINVAL, "%s contains a NUL character", name);
        items[(*n)++] = str_dup(call->ctx->arena, it->u.s);
    }
    *out = items;
    return WM_OK;
}

/* The [Int] argument name (null items left out). */
static int ints_arg(struct gql_call *call, const char *name, bool *has, const int32_t **out,
                    size_t *n)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && v->kind == GQL_V_LIST;
    *out = NULL;
    *n = 0;
    if (!*has) return WM_OK;
    int32_t *items = ARENA_ARRAY(call->ctx->arena, int32_t, v->u.list.count ? v->u.list.count : 1);
    for (size_t i = 0; i < v->u.list.count; i++) {
        const struct gql_value *it = &v->u.list.items[i];
        if (it->kind != GQL_V_INT) continue;
        if (it->u.i <= 0 || it->u.i > INT32_MAX)
            return wm_errorf(call->ctx, WM_EINVAL, "unknown material '%lld'", (long long)it->u.i);
        items[(*n)++] = (int32_t)it->u.i;
    }
    *out = items;
    return WM_OK;
}

/* imagesUrl as [ImagesInputType!] ({url, thumbnail}) or as [String!] (urls). */
static int images_arg(struct gql_call *call, struct product_input *in)
{
    const struct gql_value *v = gql_arg(call, "imagesUrl");
    in->has_images = v && v->kind == GQL_V_LIST;
    if (!in->has_images) return WM_OK;
    struct product_image *images = ARENA_ARRAY(call->ctx->arena, struct product_image,
                                               v->u.list.count ? v->u.list.count : 1);
    size_t n = 0;
    for (size_t i = 0; i < v->u.list.count; i++) {
        const struct gql_value *it = &v->u.list.items[i];
        const struct gql_value *url = it->kind == GQL_V_OBJECT ? gql_object_get(it, "url") : it;
        const struct gql_value *thumb =
                it->kind == GQL_V_OBJECT ? gql_object_get(it, "thumbnail") : NULL;
        if (!url || url->kind != GQL_V_STRING) continue;
        bool has_thumb = thumb && thumb->kind == GQL_V_STRING;
        if (memchr(url->u.s.ptr, '\0', url->u.s.len) ||
            (has_thumb && memchr(thumb->u.s.ptr, '\0', thumb->u.s.len)))
            return wm_errorf(call->ctx, WM_EINVAL, "imagesUrl contains a NUL character");
        images[n].url = str_dup(call->ctx->arena, url->u.s);
        images[n].thumbnail_url = has_thumb ? str_dup(call->ctx->arena, thumb->u.s) : NULL;
        n++;
    }
    in->images = images;
    in->nimages = n;
    return WM_OK;
}

/* images: the [Upload!] files sent with the product (stored by the catalog, images_arg's
 * images first). */
static int uploads_arg(struct gql_call *call, struct product_input *in)
{
    const struct gql_value *v = gql_arg(call, "images");
    if (!v || v->kind != GQL_V_LIST) return WM_OK;
    struct product_upload *up = ARENA_ARRAY(call->ctx->arena, struct product_upload,
                                            v->u.list.count ? v->u.list.count : 1);
    size_t n = 0;
    for (size_t i = 0; i < v->u.list.count; i++) {
        const struct gql_value *it = &v->u.list.items[i];
        if (it->kind != GQL_V_PTR || !it->u.ptr) continue;
        const struct gql_upload *f = it->u.ptr;
        up[n++] = (struct product_upload){ f->data.ptr, f->data.len };
    }
    in->uploads = up;
    in->nuploads = n;
    return WM_OK;
}

/* A String member of an input object, NULL when null, absent or blank. */
static int member_text(struct gql_call *call, const struct gql_value *obj, const char *name,
                       const char **out)
{
    const struct gql_value *m = gql_object_get(obj, name);
    *out = NULL;
    if (!m || (m->kind != GQL_V_STRING && m->kind != GQL_V_INT)) return WM_OK;
    if (m->kind == GQL_V_INT) {
        *out = arena_printf(call->ctx->arena, "%lld", (long long)m->u.i);
        return WM_OK;
    }
    if (memchr(m->u.s.ptr, '\0', m->u.s.len))
        return wm_errorf(call->ctx, WM_EINVAL, "variants: %s contains a NUL character", name);
    struct str t = str_trim(m->u.s);
    if (t.len) *out = str_dup(call->ctx->arena, t);
    return WM_OK;
}

/* updateProduct's variants: [{id, sku, size, color, price, stockQuantity}]. */
static int variants_arg(struct gql_call *call, struct product_input *in)
{
    const struct gql_value *v = gql_arg(call, "variants");
    in->has_variants = v && v->kind == GQL_V_LIST;
    if (!in->has_variants) return WM_OK;
    struct product_variant_input *rows = ARENA_ARRAY(call->ctx->arena, struct product_variant_input,
                                                     v->u.list.count ? v->u.list.count : 1);
    for (size_t i = 0; i < v->u.list.count; i++) {
        const struct gql_value *it = &v->u.list.items[i];
        struct product_variant_input *r = &rows[i];
        const char *id = NULL;
        int rc = member_text(call, it, "id", &id);
        if (rc == WM_OK && id) {
            r->has_id = true;
            if (!str_to_int64(str_from(id), &r->id) || r->id < 1) r->id = INT64_MAX;
        }
        if (rc == WM_OK) rc = member_text(call, it, "sku", &r->sku);
        if (rc == WM_OK) rc = member_text(call, it, "size", &r->size);
        if (rc == WM_OK) rc = member_text(call, it, "color", &r->color);
        if (rc == WM_OK)
            rc = shared_gql_arg_money(call, it, "price", &r->has_price, &r->price_minor);
        if (rc != WM_OK) return rc;
        const struct gql_value *q = gql_object_get(it, "stockQuantity");
        r->has_stock = q && q->kind == GQL_V_INT;
        r->stock = r->has_stock ? q->u.i : 0;
    }
    in->variants = rows;
    in->nvariants = v->u.list.count;
    return WM_OK;
}

/* updateProduct's wholesale terms: minOrderQuantity, casePack, priceTiers [{minQuantity,
 * unitPrice}] and accountPrices [{accountType, unitPrice}] (a list replaces them all). */
static int terms_arg(struct gql_call *call, struct product_input *in)
{
    struct arena *a = call->ctx->arena;
    shared_gql_arg_int(call, "minOrderQuantity", &in->has_moq, &in->moq);
    shared_gql_arg_int(call, "casePack", &in->has_case_pack, &in->case_pack);
    const struct gql_value *v = gql_arg(call, "priceTiers");
    in->has_tiers = v && v->kind == GQL_V_LIST;
    if (in->has_tiers) {
        struct price_tier *t =
                ARENA_ARRAY(a, struct price_tier, v->u.list.count ? v->u.list.count : 1);
        for (size_t i = 0; i < v->u.list.count; i++) {
            const struct gql_value *it = &v->u.list.items[i];
            const struct gql_value *q = gql_object_get(it, "minQuantity");
            bool has = false;
            int64_t price = 0;
            int rc = shared_gql_arg_money(call, it, "unitPrice", &has, &price);
            if (rc != WM_OK) return rc;
            int64_t qty = q && q->kind == GQL_V_INT ? q->u.i : 0;
            t[i] = (struct price_tier){ qty < 0 || qty > INT32_MAX ? 0 : (int32_t)qty, price };
        }
        in->tiers = t;
        in->ntiers = v->u.list.count;
    }
    v = gql_arg(call, "accountPrices");
    in->has_account_prices = v && v->kind == GQL_V_LIST;
    if (in->has_account_prices) {
        struct account_price *p =
                ARENA_ARRAY(a, struct account_price, v->u.list.count ? v->u.list.count : 1);
        for (size_t i = 0; i < v->u.list.count; i++) {
            const struct gql_value *it = &v->u.list.items[i];
            const struct gql_value *type = gql_object_get(it, "accountType");
            bool has = false;
            int64_t price = 0;
            int rc = shared_gql_arg_money(call, it, "unitPrice", &has, &price);
            if (rc != WM_OK) return rc;
            p[i] = (struct account_price){
                type && type->kind == GQL_V_STRING ? str_dup(a, type->u.s) : NULL, price
            };
        }
        in->account_prices = p;
        in->naccount_prices = v->u.list.count;
    }
    return WM_OK;
}

/* A JSONString argument as JSON text (the scalar already checked it), NULL when not given. */
static const char *json_arg(struct gql_call *call, const char *name)
{
    const struct gql_value *v = gql_arg(call, name);
    if (!v || (v->kind != GQL_V_JSON && v->kind != GQL_V_STRING)) return NULL;
    return str_dup(call->ctx->arena, v->u.s);
}

/* The arguments createProduct and duplicateProduct share. */
static int read_common(struct gql_call *call, struct product_input *in)
{
    int rc = shared_gql_arg_text(call, "name", NULL, &in->name);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "description", NULL, &in->description);
    if (rc == WM_OK)
        rc = shared_gql_arg_money(call, NULL, "price", &in->has_price, &in->price_minor);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "condition", NULL, &in->condition);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "style", NULL, &in->style);
    if (rc == WM_OK) rc = strings_arg(call, "color", &in->has_colors, &in->colors, &in->ncolors);
    if (rc == WM_OK) rc = int32_arg(call, "brand", &in->has_brand, &in->brand_id);
    if (rc == WM_OK)
        rc = ints_arg(call, "materials", &in->has_material_ids, &in->material_ids,
                      &in->nmaterial_ids);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "customBrand", NULL, &in->custom_brand);
    return rc;
}

/* The viewer as a vendor, verified for selling when verified is set. */
static int seller(struct gql_call *call, bool verified, int64_t *user_id)
{
    const struct viewer *v = NULL;
    int rc = account_require_vendor(call->ctx, &v);
    if (rc == WM_OK && verified) rc = account_require_verified(call->ctx, "sell");
    *user_id = rc == WM_OK ? v->user_id : 0;
    return rc;
}

/* ---- root fields ----------------------------------------------------------------------- */

int catalog_gql_create_product(struct gql_call *call, struct gql_value *out)
{
    int64_t user_id = 0;
    int rc = seller(call, true, &user_id);
    if (rc != WM_OK) return rc;
    struct product_input in = { 0 };
    struct product *p = NULL;
    rc = read_common(call, &in);
    if (rc == WM_OK) rc = int32_arg(call, "category", &in.has_category_id, &in.category_id);
    if (rc == WM_OK) rc = int32_arg(call, "size", &in.has_size, &in.size_id);
    if (rc == WM_OK) rc = images_arg(call, &in);
    if (rc == WM_OK) rc = uploads_arg(call, &in);
    shared_gql_arg_float(call, "discount", &in.has_discount_percent, &in.discount_percent);
    shared_gql_arg_bool(call, "isFeatured", &in.has_is_featured, &in.is_featured);
    shared_gql_arg_bool(call, "isActive", &in.has_is_active, &in.is_active);
    if (rc == WM_OK) rc = catalog_product_create(call->ctx, user_id, &in, &p);
    return shared_gql_payload(call, rc, "Product created", "product", gql_ptr(p, NULL), out);
}

int catalog_gql_update_product(struct gql_call *call, struct gql_value *out)
{
    int64_t user_id = 0;
    int rc = seller(call, false, &user_id);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    struct product_input in = { 0 };
    struct product *p = NULL;
    rc = shared_gql_arg_id(call, "productId", "product", &id);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "name", NULL, &in.name);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "description", NULL, &in.description);
    if (rc == WM_OK) rc = shared_gql_arg_money(call, NULL, "price", &in.has_price, &in.price_minor);
    if (rc == WM_OK)
        rc = shared_gql_arg_money(call, NULL, "discountPrice", &in.has_discount_price,
                                  &in.discount_price_minor);
    if (rc == WM_OK) rc = images_arg(call, &in);
    if (rc == WM_OK) rc = uploads_arg(call, &in);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "category", NULL, &in.category);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "subcategory", NULL, &in.subcategory);
    shared_gql_arg_int(call, "stockQuantity", &in.has_stock, &in.stock);
    if (rc == WM_OK) rc = strings_arg(call, "tags", &in.has_tags, &in.tags, &in.ntags);
    in.specifications = json_arg(call, "specifications");
    in.dimensions = json_arg(call, "dimensions");
    shared_gql_arg_float(call, "weight", &in.has_weight, &in.weight_kg);
    if (rc == WM_OK)
        rc = strings_arg(call, "materials", &in.has_material_names, &in.material_names,
                         &in.nmaterial_names);
    if (rc == WM_OK)
        rc = shared_gql_arg_text(call, "careInstructions", NULL, &in.care_instructions);
    shared_gql_arg_bool(call, "isActive", &in.has_is_active, &in.is_active);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "condition", NULL, &in.condition);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "style", NULL, &in.style);
    if (rc == WM_OK) rc = int32_arg(call, "brand", &in.has_brand, &in.brand_id);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "customBrand", NULL, &in.custom_brand);
    if (rc == WM_OK) rc = terms_arg(call, &in);
    if (rc == WM_OK) rc = variants_arg(call, &in);
    bool has_remove = false;
    if (rc == WM_OK) rc = strings_arg(call, "removeImages", &has_remove, &in.remove, &in.nremove);
    if (rc == WM_OK) rc = catalog_product_update(call->ctx, user_id, id, &in, &p);
    return shared_gql_payload(call, rc, "Product updated", "product", gql_ptr(p, NULL), out);
}

int catalog_gql_vendor_product(struct gql_call *call, struct gql_value *out)
{
    int64_t user_id = 0;
    int rc = seller(call, false, &user_id);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    struct product *p = NULL;
    rc = shared_gql_arg_id(call, "id", "product", &id);
    if (rc == WM_OK) rc = catalog_product_owned(call->ctx, user_id, id, &p);
    if (rc != WM_OK) return rc;
    *out = gql_ptr(p, NULL);
    return WM_OK;
}

int catalog_gql_delete_product(struct gql_call *call, struct gql_value *out)
{
    int64_t user_id = 0;
    int rc = seller(call, false, &user_id);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    rc = shared_gql_arg_id(call, "productId", "product", &id);
    if (rc == WM_OK) rc = catalog_product_delete(call->ctx, user_id, id);
    return shared_gql_payload(call, rc, "Product deleted", NULL, gql_null(), out);
}

int catalog_gql_duplicate_product(struct gql_call *call, struct gql_value *out)
{
    int64_t user_id = 0;
    int rc = seller(call, true, &user_id);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    struct product_input in = { 0 };
    struct product *p = NULL;
    rc = shared_gql_arg_id(call, "productId", "product", &id);
    if (rc == WM_OK) rc = read_common(call, &in);
    if (rc == WM_OK)
        rc = shared_gql_arg_money(call, NULL, "discountPrice", &in.has_discount_price,
                                  &in.discount_price_minor);
    if (rc == WM_OK) rc = catalog_product_duplicate(call->ctx, user_id, id, &in, &p);
    return shared_gql_payload(call, rc, "Product duplicated", "product", gql_ptr(p, NULL), out);
}

/* Minor units as the contract's Float. */
static struct gql_value money(int64_t minor)
{
    return gql_float((double)minor / 100.0);
}

int catalog_gql_shop_data(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    int64_t user_id = 0;
    int rc = seller(call, false, &user_id);
    if (rc != WM_OK) return rc;
    const struct gql_value *seller_arg = gql_arg(call, "sellerId");
    if (seller_arg && seller_arg->kind != GQL_V_NULL) {
        int64_t seller_id = 0;
        rc = shared_gql_arg_id(call, "sellerId", "shop", &seller_id);
        /* Another seller's figures are private: the same answer as an unknown id. */
        if (rc == WM_OK && seller_id != user_id)
            rc = wm_errorf(ctx, WM_ENOTFOUND, "shop '%lld' not found", (long long)seller_id);
        if (rc != WM_OK) {
            rc = shared_gql_payload(call, rc, NULL, "shopStats", gql_null(), out);
            if (rc == WM_OK) gql_object_set(ctx->arena, out, "products", gql_null());
            return rc;
        }
    }
    struct shop_stats st;
    struct product **items = NULL;
    size_t n = 0;
    rc = catalog_shop_data(ctx, user_id, &st, &items, &n);
    if (rc != WM_OK) return rc;
    struct gql_value stats = gql_object(ctx->arena, 6);
    gql_object_set(ctx->arena, &stats, "totalProducts", gql_int(st.total_products));
    gql_object_set(ctx->arena, &stats, "totalOrders", gql_null()); /* no orders domain yet */
    gql_object_set(ctx->arena, &stats, "totalRevenue", money(st.revenue_minor));
    gql_object_set(ctx->arena, &stats, "averageRating", gql_float(st.average_rating));
    gql_object_set(ctx->arena, &stats, "totalReviews", gql_int(st.total_reviews));
    gql_object_set(ctx->arena, &stats, "productsSold", gql_int(st.products_sold));
    struct gql_value list = gql_list(ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        list.u.list.items[i] = gql_ptr(items[i], NULL);
    *out = gql_object(ctx->arena, 4);
    gql_object_set(ctx->arena, out, "success", gql_bool(true));
    gql_object_set(ctx->arena, out, "message", gql_string(ctx->arena, "Shop data"));
    gql_object_set(ctx->arena, out, "shopStats", stats);
    gql_object_set(ctx->arena, out, "products", list);
    return WM_OK;
}
