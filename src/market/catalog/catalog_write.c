/*
 * catalog_write.c: the rules of the catalog's write side (catalog.h "writes"): a vendor's own
 * products (create, update, delete = archive, duplicate) and the figures of its shop. Every
 * write checks all of its input before it writes anything, finds the product only among the
 * caller's shop's (another shop's product is "not found", like an unknown id), runs in the
 * mutation's transaction, marks the image URLs it stores as referenced (media.h) and bumps
 * the catalog caches. Stock is written only through market/stock (stock_set_total()). SQL lives in
 * catalog_write_db.c.
 */
#include "market/catalog/catalog.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/rand.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog_int.h"
#include "market/media/media.h"
#include "market/shared/shared.h"
#include "market/stock/stock.h"
#include "market/vendors/vendors.h"

/* Longest comma-joined colours and tags (the columns' sizes). */
#define COLORS_MAX 255
#define TAGS_MAX   500
#define ITEM_MAX   40 /* characters of one colour or tag */
#define JSON_MAX   10000
#define CARE_MAX   2000
#define WEIGHT_MAX 100000.0 /* kg */

/* ---- checks ---------------------------------------------------------------------------- */

/* A list of words (colours, tags) joined with commas into *out; items are trimmed, blank ones
 * refused, and none may hold a comma. */
static int join_items(struct wm_ctx *ctx, const char *const *items, size_t n, const char *field,
                      size_t max, const char **out)
{
    if (n > CATALOG_LIST_ITEMS_MAX)
        return wm_errorf(ctx, WM_EINVAL, "%s may hold at most %d items", field,
                         CATALOG_LIST_ITEMS_MAX);
    struct buf b = BUF_INIT(ctx->arena);
    for (size_t i = 0; i < n; i++) {
        const char *item = items[i];
        int rc = shared_check_text(ctx, &item, field, ITEM_MAX, true, false);
        if (rc != WM_OK) return rc;
        if (strchr(item, ','))
            return wm_errorf(ctx, WM_EINVAL, "%s items must not hold commas", field);
        buf_appendf(&b, "%s%s", b.len ? "," : "", item);
    }
    if (b.len > max) return wm_errorf(ctx, WM_EINVAL, "%s are too long in all", field);
    *out = str_dup(ctx->arena, buf_str(&b));
    return WM_OK;
}

/* The images of in, checked (thumbnails optional), into copies. */
static int check_images(struct wm_ctx *ctx, const struct product_input *in, bool required,
                        struct product_image **out)
{
    if (required && in->nimages == 0)
        return wm_errorf(ctx, WM_EINVAL, "imagesUrl must hold at least one image");
    if (in->nimages > CATALOG_IMAGES_MAX)
        return wm_errorf(ctx, WM_EINVAL, "imagesUrl may hold at most %d images",
                         CATALOG_IMAGES_MAX);
    *out = ARENA_ARRAY(ctx->arena, struct product_image, in->nimages ? in->nimages : 1);
    for (size_t i = 0; i < in->nimages; i++) {
        const char *url = in->images[i].url;
        const char *thumb = in->images[i].thumbnail_url;
        int rc = shared_check_url(ctx, &url, "imagesUrl", CATALOG_URL_MAX, true);
        if (rc == WM_OK && thumb && *thumb)
            rc = shared_check_url(ctx, &thumb, "imagesUrl thumbnail", CATALOG_URL_MAX, true);
        if (rc != WM_OK) return rc;
        (*out)[i].url = (char *)url;
        (*out)[i].thumbnail_url = thumb && *thumb ? (char *)thumb : NULL;
    }
    return WM_OK;
}

static int check_price(struct wm_ctx *ctx, int64_t minor, const char *field)
{
    if (minor <= 0 || minor > CATALOG_PRICE_MAX_MINOR)
        return wm_errorf(ctx, WM_EINVAL, "%s must be more than 0 and at most 1000000000", field);
    return WM_OK;
}

/* A discount price below price (0: none); *text gets it as decimal text, NULL for none. */
static int check_discount(struct wm_ctx *ctx, int64_t discount, int64_t price, const char **text)
{
    *text = NULL;
    if (discount == 0) return WM_OK;
    if (discount < 0 || discount >= price)
        return wm_errorf(ctx, WM_EINVAL, "discountPrice must be below price (0 for none)");
    *text = arena_printf(ctx->arena, "%lld", (long long)discount);
    return WM_OK;
}

/* The material ids of in (by id or by name), each existing, into an arena array of *n. */
static int check_materials(struct wm_ctx *ctx, const struct product_input *in, int32_t **ids,
                           size_t *n)
{
    size_t count = in->has_material_ids ? in->nmaterial_ids : in->nmaterial_names;
    if (count > CATALOG_LIST_ITEMS_MAX)
        return wm_errorf(ctx, WM_EINVAL, "materials may hold at most %d items",
                         CATALOG_LIST_ITEMS_MAX);
    *ids = ARENA_ARRAY(ctx->arena, int32_t, count ? count : 1);
    *n = count;
    for (size_t i = 0; i < count; i++) {
        int rc = WM_OK;
        bool found = false;
        int64_t id = 0;
        if (in->has_material_ids) {
            id = in->material_ids[i];
        } else {
            struct str t = str_trim(str_from(in->material_names[i]));
            if (!str_to_int64(t, &id)) {
                int32_t mid = 0;
                rc = catalog_db_material_by_name(ctx, str_dup(ctx->arena, t), &mid);
                if (rc == WM_ENOTFOUND)
                    return wm_errorf(ctx, WM_EINVAL, "unknown material '%.40s'",
                                     in->material_names[i]);
                id = mid;
            }
        }
        if (rc == WM_OK && id > 0 && id <= INT32_MAX)
            rc = catalog_db_material_exists(ctx, (int32_t)id, &found);
        if (rc != WM_OK) return rc;
        if (!found) return wm_errorf(ctx, WM_EINVAL, "unknown material '%lld'", (long long)id);
        (*ids)[i] = (int32_t)id;
    }
    return WM_OK;
}

/* The brand's name into *name (WM_EINVAL for an unknown brand id). */
static int check_brand(struct wm_ctx *ctx, int32_t id, char **name)
{
    int rc = id > 0 ? catalog_db_brand_name(ctx, id, name) : WM_ENOTFOUND;
    if (rc == WM_ENOTFOUND) return wm_errorf(ctx, WM_EINVAL, "unknown brand '%d'", id);
    return rc;
}

static int check_size(struct wm_ctx *ctx, int32_t id)
{
    bool found = false;
    int rc = id > 0 ? catalog_db_size_exists(ctx, id, &found) : WM_OK;
    if (rc == WM_OK && !found) return wm_errorf(ctx, WM_EINVAL, "unknown size '%d'", id);
    return rc;
}

/* The department of c: the ancestor right below a root, or c itself when it is a root. */
static const struct category *department_of(const struct category_tree *tree,
                                            const struct category *c)
{
    if (!c->parent_id) return c;
    for (size_t i = 0; i < tree->n; i++) {
        const struct category *d = &tree->items[i];
        const struct category *parent =
                d->parent_id ? catalog_category_find(tree, d->parent_id) : NULL;
        if (parent && !parent->parent_id && d->lft <= c->lft && c->rgt <= d->rgt) return d;
    }
    return c;
}

/* A category given as text (its id, name or slug) within base's subtree (base NULL: any). */
static const struct category *category_by_text(const struct category_tree *tree,
                                               const struct category *base, const char *text)
{
    struct str t = str_trim(str_from(text));
    int64_t id = 0;
    for (size_t i = 0; i < tree->n; i++) {
        const struct category *c = &tree->items[i];
        if (base && (c->lft < base->lft || c->rgt > base->rgt)) continue;
        bool match =
                str_to_int64(t, &id)
                        ? c->id == id
                        : (strlen(c->name) == t.len && strncasecmp(c->name, t.ptr, t.len) == 0) ||
                                  (strlen(c->slug) == t.len && strncmp(c->slug, t.ptr, t.len) == 0);
        if (match) return c;
    }
    return NULL;
}

/* The product's category after an update: category (any), then subcategory within it (or
 * within the current department when category is not given). */
static int resolve_category(struct wm_ctx *ctx, const struct product_input *in, int32_t current,
                            int32_t *out)
{
    *out = current;
    if (!in->category && !in->subcategory) return WM_OK;
    struct category_tree tree;
    int rc = catalog_categories(ctx, &tree);
    if (rc != WM_OK) return rc;
    const struct category *c = catalog_category_find(&tree, current);
    if (in->category) {
        c = category_by_text(&tree, NULL, in->category);
        if (!c) return wm_errorf(ctx, WM_EINVAL, "unknown category '%.60s'", in->category);
    } else if (c) {
        c = department_of(&tree, c);
    }
    if (in->subcategory) {
        const struct category *s = category_by_text(&tree, c, in->subcategory);
        if (!s)
            return wm_errorf(ctx, WM_EINVAL, "unknown subcategory '%.60s' of '%s'", in->subcategory,
                             c ? c->name : "?");
        c = s;
    }
    if (!c || !c->is_active)
        return wm_errorf(ctx, WM_EINVAL, "category '%s' is closed for new products",
                         c ? c->name : "?");
    *out = c->id;
    return WM_OK;
}

/* ---- writes ---------------------------------------------------------------------------- */

/* The product just written, as reads show it. */
static int reload(struct wm_ctx *ctx, int64_t id, struct product **out)
{
    struct product **items = NULL;
    size_t n = 0;
    int rc = catalog_products_load(ctx, &id, 1, &items, &n);
    if (rc != WM_OK) return rc;
    if (n != 1) return wm_errorf(ctx, WM_EINTERNAL, "product %lld vanished", (long long)id);
    *out = items[0];
    return WM_OK;
}

/* Store images (replacing the old ones) and mark them referenced. */
static int write_images(struct wm_ctx *ctx, int64_t id, const struct product_image *images,
                        size_t n)
{
    int rc = catalog_db_delete_images(ctx, id);
    for (size_t i = 0; rc == WM_OK && images && i < n; i++) {
        rc = catalog_db_insert_image(ctx, id, images[i].url, images[i].thumbnail_url, (int)i);
        if (rc == WM_OK) rc = media_mark_referenced(ctx, images[i].url, NULL);
        if (rc == WM_OK && images[i].thumbnail_url)
            rc = media_mark_referenced(ctx, images[i].thumbnail_url, NULL);
    }
    return rc;
}

static int write_materials(struct wm_ctx *ctx, int64_t id, const int32_t *ids, size_t n)
{
    int rc = catalog_db_delete_materials(ctx, id);
    for (size_t i = 0; rc == WM_OK && i < n; i++)
        rc = catalog_db_insert_material(ctx, id, ids[i]);
    return rc;
}

/* "P000042-OS": the SKU of a new product's first variant (the seed's scheme). */
static char *first_sku(struct wm_ctx *ctx, int64_t id)
{
    return arena_printf(ctx->arena, "P%06lld-OS", (long long)id);
}

/* The text before the first comma of colors (NULL when empty). */
static char *first_item(struct wm_ctx *ctx, const char *colors)
{
    if (!colors || !*colors) return NULL;
    const char *comma = strchr(colors, ',');
    return arena_strndup(ctx->arena, colors, comma ? (size_t)(comma - colors) : strlen(colors));
}

/* What create and duplicate check alike: texts, enums, brand, size, materials, colours. */
struct checked {
    const char *colors;
    char *brand_name;
    int32_t *materials;
    size_t nmaterials;
};

static int check_common(struct wm_ctx *ctx, struct product_input *in, struct checked *c)
{
    memset(c, 0, sizeof(*c));
    int rc = shared_check_text(ctx, &in->name, "name", CATALOG_NAME_MAX, true, false);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->description, "description", CATALOG_DESCRIPTION_MAX, false,
                               true);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->custom_brand, "customBrand", 100, false, false);
    if (rc == WM_OK && in->custom_brand && !*in->custom_brand) in->custom_brand = NULL;
    if (rc == WM_OK && in->has_colors)
        rc = join_items(ctx, in->colors, in->ncolors, "color", COLORS_MAX, &c->colors);
    if (rc == WM_OK && in->has_brand) rc = check_brand(ctx, in->brand_id, &c->brand_name);
    if (rc == WM_OK && in->has_size) rc = check_size(ctx, in->size_id);
    if (rc == WM_OK && (in->has_material_ids || in->has_material_names))
        rc = check_materials(ctx, in, &c->materials, &c->nmaterials);
    if (rc == WM_OK && in->has_is_featured && in->is_featured)
        rc = wm_errorf(ctx, WM_EINVAL, "isFeatured: only the marketplace features products");
    return rc;
}

static const char *opt_int(struct wm_ctx *ctx, bool has, int64_t v)
{
    return has ? arena_printf(ctx->arena, "%lld", (long long)v) : NULL;
}

/* createProduct's checks: the common ones, then price, discount, category and images. */
static int check_create(struct wm_ctx *ctx, struct product_input *in, struct checked *c,
                        struct product_image **images, const char **discount)
{
    int rc = check_common(ctx, in, c);
    if (rc == WM_OK && !in->name) rc = wm_errorf(ctx, WM_EINVAL, "name must not be blank");
    if (rc == WM_OK && !in->description) in->description = "";
    if (rc == WM_OK && !in->has_price) rc = wm_errorf(ctx, WM_EINVAL, "price is required");
    if (rc == WM_OK) rc = check_price(ctx, in->price_minor, "price");
    if (rc == WM_OK && in->has_discount_percent && in->discount_percent != 0) {
        double pct = in->discount_percent;
        int64_t d = isfinite(pct) && pct > 0 && pct < 100
                            ? (int64_t)llround((double)in->price_minor * (100.0 - pct) / 100.0)
                            : -1;
        if (d <= 0 || d >= in->price_minor)
            rc = wm_errorf(ctx, WM_EINVAL,
                           "discount must be a percentage above 0 and below 100 that lowers the "
                           "price (0 for none)");
        else
            rc = check_discount(ctx, d, in->price_minor, discount);
    }
    struct category_tree tree;
    if (rc == WM_OK) rc = catalog_categories(ctx, &tree);
    if (rc == WM_OK) {
        const struct category *cat = in->has_category_id && in->category_id > 0
                                             ? catalog_category_find(&tree, in->category_id)
                                             : NULL;
        if (!cat || !cat->is_active)
            rc = wm_errorf(ctx, WM_EINVAL, "unknown category '%d'", in->category_id);
    }
    if (rc == WM_OK) rc = check_images(ctx, in, true, images);
    return rc;
}

/* Store the uploaded files of in for user_id and put them after base (nbase images) in
 * in->images (has_images set). */
static int add_uploads(struct wm_ctx *ctx, int64_t user_id, struct product_input *in,
                       const struct product_image *base, size_t nbase)
{
    if (nbase + in->nuploads > CATALOG_IMAGES_MAX)
        return wm_errorf(ctx, WM_EINVAL, "images: a product may have at most %d images",
                         CATALOG_IMAGES_MAX);
    struct product_image *all =
            ARENA_ARRAY(ctx->arena, struct product_image, nbase + in->nuploads + 1);
    for (size_t i = 0; i < nbase; i++)
        all[i] = base[i];
    for (size_t i = 0; i < in->nuploads; i++) {
        struct media_image *m = NULL;
        int rc = media_upload(ctx, user_id, in->uploads[i].data, in->uploads[i].len, &m);
        /* Not an image, or too big: the vendor's own mistake, said with the field. */
        if (rc == WM_EMEDIA || rc == WM_ETOOBIG || rc == WM_EINVAL)
            return wm_errorf(ctx, WM_EINVAL, "images: %s", wm_client_message(ctx, rc));
        if (rc != WM_OK) return rc;
        all[nbase + i] = (struct product_image){ m->url, m->thumbnail_url };
    }
    in->images = all;
    in->nimages = nbase + in->nuploads;
    in->has_images = true;
    return WM_OK;
}

/* The product's own images without those in->remove names (by URL), then in's uploads, as
 * in's images; a product keeps at least one. */
static int keep_images(struct wm_ctx *ctx, int64_t user_id, struct product_input *in,
                       const struct product *now)
{
    struct product_image *kept =
            ARENA_ARRAY(ctx->arena, struct product_image, now->nimages ? now->nimages : 1);
    size_t n = 0;
    for (size_t i = 0; i < now->nimages; i++) {
        bool drop = false;
        for (size_t k = 0; k < in->nremove && !drop; k++)
            drop = strcmp(in->remove[k], now->images[i].url) == 0;
        if (!drop) kept[n++] = now->images[i];
    }
    if (n + in->nuploads == 0)
        return wm_errorf(ctx, WM_EINVAL, "removeImages: a product keeps at least one image");
    if (in->nuploads) return add_uploads(ctx, user_id, in, kept, n);
    in->images = kept;
    in->nimages = n;
    in->has_images = true;
    return WM_OK;
}

int catalog_product_create(struct wm_ctx *ctx, int64_t user_id, const struct product_input *given,
                           struct product **out)
{
    *out = NULL;
    struct product_input in = *given;
    struct checked c = { 0 };
    struct product_image *images = NULL;
    const char *discount = NULL;
    int rc = WM_OK;
    if (in.nuploads) rc = add_uploads(ctx, user_id, &in, in.images, in.nimages);
    if (rc == WM_OK) rc = check_create(ctx, &in, &c, &images, &discount);
    struct vendor *shop = NULL;
    if (rc == WM_OK) rc = vendor_open_shop(ctx, user_id, &shop);
    if (rc != WM_OK) return rc;

    const char *brand_name = c.brand_name ? c.brand_name : in.custom_brand ? in.custom_brand : "";
    struct catalog_new_row row = {
        .vendor_id = shop->id,
        .category_id = in.category_id,
        .brand_id = opt_int(ctx, in.has_brand, in.brand_id),
        .custom_brand = in.custom_brand,
        .brand_name = brand_name,
        .name = in.name,
        .description = in.description,
        .condition = in.condition,
        .style = in.style,
        .size_id = opt_int(ctx, in.has_size, in.size_id),
        .colors = c.colors ? c.colors : "",
        .currency = shop->currency,
        .price_minor = in.price_minor,
        .discount_price_minor = discount,
        .status = in.has_is_active && !in.is_active ? "draft" : NULL,
    };
    int64_t id = 0;
    int64_t variant = 0;
    rc = catalog_db_insert_product(ctx, &row, &id);
    if (rc == WM_OK) rc = write_images(ctx, id, images, in.nimages);
    if (rc == WM_OK) rc = write_materials(ctx, id, c.materials, c.nmaterials);
    if (rc == WM_OK)
        rc = catalog_db_insert_variant(ctx, id, first_sku(ctx, id), in.has_size ? in.size_id : 0,
                                       first_item(ctx, c.colors), &variant);
    if (rc != WM_OK) return rc;
    catalog_products_changed(ctx);
    return reload(ctx, id, out);
}

/* The caller's product id, locked: "product '<id>' not found" for anything else. */
static int find_owned(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct catalog_owned *p)
{
    struct vendor *shop = NULL;
    int rc = vendor_of_user(ctx, user_id, &shop);
    if (rc == WM_OK) rc = catalog_db_owned(ctx, shop->id, id, p);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "product '%lld' not found", (long long)id);
    return rc;
}

/* updateProduct's stockQuantity: the units of the product's one variant (made when it has
 * none); a product with several variants has its stock set per variant. */
static int update_stock(struct wm_ctx *ctx, int64_t user_id, int64_t id, int64_t units)
{
    int64_t *variants = NULL;
    size_t n = 0;
    int rc = catalog_db_variant_ids(ctx, id, &variants, &n);
    if (rc == WM_OK && n > 1)
        return wm_errorf(ctx, WM_EINVAL,
                         "stockQuantity: this product has %zu variants; set the stock of each "
                         "variant instead",
                         n);
    int64_t variant = n ? variants[0] : 0;
    if (rc == WM_OK && n == 0)
        rc = catalog_db_insert_variant(ctx, id, first_sku(ctx, id), 0, NULL, &variant);
    if (rc == WM_OK)
        rc = stock_set_total(ctx, variant, units, "updateProduct stockQuantity", user_id, 0);
    return rc;
}

/* Most variants one update may list. */
#define VARIANTS_MAX 50

/* A SKU: 1..64 of A-Z a-z 0-9 . _ - */
static bool sku_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64) return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            return false;
    return true;
}

/* updateProduct's variants, checked before anything is written, into rows. */
static int check_variants(struct wm_ctx *ctx, int64_t id, const struct product_input *in,
                          struct catalog_variant_row **rows)
{
    if (in->nvariants > VARIANTS_MAX)
        return wm_errorf(ctx, WM_EINVAL, "variants may hold at most %d rows", VARIANTS_MAX);
    struct catalog_variant_row *r =
            ARENA_ARRAY(ctx->arena, struct catalog_variant_row, in->nvariants + 1);
    for (size_t i = 0; i < in->nvariants; i++) {
        const struct product_variant_input *v = &in->variants[i];
        int rc = WM_OK;
        bool ok = true;
        if (v->has_id) rc = catalog_db_variant_of(ctx, id, v->id, &ok);
        if (rc == WM_ENOTFOUND) wm_clear_error(ctx), rc = WM_OK, ok = false;
        if (rc != WM_OK) return rc;
        if (!ok)
            return wm_errorf(ctx, WM_EINVAL, "variants: variant '%lld' not found",
                             (long long)v->id);
        r[i].id = v->has_id ? v->id : 0;
        r[i].sku = v->sku;
        if (!r[i].sku && !v->has_id) {
            char hex[9];
            if (rand_hex(hex, 4) != 0)
                return wm_errorf(ctx, WM_EINTERNAL, "no random bytes for a SKU");
            r[i].sku = arena_printf(ctx->arena, "P%06lld-%s", (long long)id, hex);
        }
        if (r[i].sku && !sku_ok(r[i].sku))
            return wm_errorf(ctx, WM_EINVAL,
                             "variants: SKU '%.64s' must be 1 to 64 letters, digits, dots, dashes "
                             "or underscores",
                             r[i].sku);
        bool taken = false;
        if (r[i].sku) rc = catalog_db_sku_taken(ctx, r[i].sku, r[i].id, &taken);
        for (size_t k = 0; rc == WM_OK && r[i].sku && k < i; k++)
            taken = taken || (r[k].sku && strcmp(r[k].sku, r[i].sku) == 0);
        if (rc != WM_OK) return rc;
        if (taken) return wm_errorf(ctx, WM_EINVAL, "variants: SKU '%s' is taken", r[i].sku);
        if (v->size) {
            rc = catalog_db_size_by_name(ctx, v->size, &r[i].size_id);
            if (rc == WM_ENOTFOUND)
                return wm_errorf(ctx, WM_EINVAL, "variants: unknown size '%.32s'", v->size);
            if (rc != WM_OK) return rc;
        }
        if (v->color && strlen(v->color) > 40)
            return wm_errorf(ctx, WM_EINVAL, "variants: a colour may have at most 40 characters");
        r[i].color = v->color;
        if (v->has_price) {
            rc = check_price(ctx, v->price_minor, "variants: price");
            if (rc != WM_OK) return rc;
            r[i].price_minor = v->price_minor;
        }
        if (v->has_stock && (v->stock < 0 || v->stock > CATALOG_STOCK_MAX))
            return wm_errorf(ctx, WM_EINVAL, "variants: stock must be between 0 and %d",
                             CATALOG_STOCK_MAX);
    }
    *rows = r;
    return WM_OK;
}

/* Write the checked variants rows of in and their stock. */
static int write_variants(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                          const struct product_input *in, const struct catalog_variant_row *rows)
{
    for (size_t i = 0; i < in->nvariants; i++) {
        int64_t vid = 0;
        int rc = catalog_db_save_variant(ctx, id, &rows[i], &vid);
        if (rc == WM_OK && in->variants[i].has_stock)
            rc = stock_set_total(ctx, vid, in->variants[i].stock, "updateProduct variants", user_id,
                                 0);
        if (rc != WM_OK) return rc;
    }
    return WM_OK;
}

/* Checks of update's own fields, into row. */
/* Largest minimum order, case pack and number of price breaks. */
#define TERMS_QTY_MAX   1000000
#define TERMS_TIERS_MAX 20

/*
 * The wholesale terms of an update: minimum order and case pack in range; price breaks from 2
 * units, by rising quantity with falling unit prices, each below the price paid (paid_minor);
 * one price per account type, each below the list price (list_minor). Account types are
 * normalized (SUPPLIER is VENDOR) into *prices (arena).
 */
static int check_terms(struct wm_ctx *ctx, const struct product_input *in, int64_t paid_minor,
                       int64_t list_minor, struct account_price **prices)
{
    if (in->has_moq && (in->moq < 1 || in->moq > TERMS_QTY_MAX))
        return wm_errorf(ctx, WM_EINVAL, "minOrderQuantity must be between 1 and %d",
                         TERMS_QTY_MAX);
    if (in->has_case_pack && (in->case_pack < 1 || in->case_pack > TERMS_QTY_MAX))
        return wm_errorf(ctx, WM_EINVAL, "casePack must be between 1 and %d", TERMS_QTY_MAX);
    if (in->has_tiers && in->ntiers > TERMS_TIERS_MAX)
        return wm_errorf(ctx, WM_EINVAL, "priceTiers may hold at most %d breaks", TERMS_TIERS_MAX);
    for (size_t i = 0; in->has_tiers && i < in->ntiers; i++) {
        const struct price_tier *t = &in->tiers[i];
        if (t->min_qty < 2 || t->min_qty > TERMS_QTY_MAX)
            return wm_errorf(ctx, WM_EINVAL, "priceTiers: minQuantity must be between 2 and %d",
                             TERMS_QTY_MAX);
        if (t->unit_price_minor < 0 || t->unit_price_minor >= paid_minor)
            return wm_errorf(ctx, WM_EINVAL,
                             "priceTiers: the unit price for %d or more must be below the price "
                             "paid for one (%" PRId64 ".%02d)",
                             (int)t->min_qty, paid_minor / 100, (int)(paid_minor % 100));
        if (i && (t->min_qty <= in->tiers[i - 1].min_qty ||
                  t->unit_price_minor >= in->tiers[i - 1].unit_price_minor))
            return wm_errorf(ctx, WM_EINVAL,
                             "priceTiers must rise in quantity and fall in price, one break "
                             "per quantity");
    }
    *prices = NULL;
    if (!in->has_account_prices) return WM_OK;
    if (in->naccount_prices > 3)
        return wm_errorf(ctx, WM_EINVAL, "accountPrices may hold one price per account type");
    *prices = ARENA_ARRAY(ctx->arena, struct account_price,
                          in->naccount_prices ? in->naccount_prices : 1);
    for (size_t i = 0; i < in->naccount_prices; i++) {
        const struct account_price *a = &in->account_prices[i];
        const char *type = account_type_parse(a->account_type ? a->account_type : "");
        if (!type)
            return wm_errorf(ctx, WM_EINVAL,
                             "accountPrices: accountType must be CUSTOMER, VENDOR or RESELLER");
        for (size_t k = 0; k < i; k++)
            if (strcmp((*prices)[k].account_type, type) == 0)
                return wm_errorf(ctx, WM_EINVAL, "accountPrices: %s is given twice", type);
        if (a->unit_price_minor < 0 || a->unit_price_minor >= list_minor)
            return wm_errorf(ctx, WM_EINVAL,
                             "accountPrices: the %s price must be below the list price", type);
        (*prices)[i] = (struct account_price){ (char *)type, a->unit_price_minor };
    }
    return WM_OK;
}

static int check_update(struct wm_ctx *ctx, struct product_input *in,
                        const struct catalog_owned *cur, struct catalog_update_row *row)
{
    int rc = shared_check_text(ctx, &in->name, "name", CATALOG_NAME_MAX, true, false);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->description, "description", CATALOG_DESCRIPTION_MAX, false,
                               true);
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->care_instructions, "careInstructions", CARE_MAX, false,
                               true);
    const char *json[] = { in->specifications, in->dimensions };
    for (size_t i = 0; rc == WM_OK && i < 2; i++)
        if (json[i] && strlen(json[i]) > JSON_MAX)
            rc = wm_errorf(ctx, WM_EINVAL, "%s must be at most %d characters of JSON",
                           i ? "dimensions" : "specifications", JSON_MAX);
    if (rc == WM_OK && in->has_weight &&
        !(isfinite(in->weight_kg) && in->weight_kg >= 0 && in->weight_kg <= WEIGHT_MAX))
        rc = wm_errorf(ctx, WM_EINVAL, "weight must be between 0 and %.0f (kg)", WEIGHT_MAX);
    if (rc == WM_OK && in->has_stock && (in->stock < 0 || in->stock > CATALOG_STOCK_MAX))
        rc = wm_errorf(ctx, WM_EINVAL, "stockQuantity must be between 0 and %d", CATALOG_STOCK_MAX);
    if (rc == WM_OK && in->has_tags)
        rc = join_items(ctx, in->tags, in->ntags, "tags", TAGS_MAX, &row->tags);
    row->price_minor = in->has_price ? in->price_minor : cur->price_minor;
    if (rc == WM_OK && in->has_price) rc = check_price(ctx, in->price_minor, "price");
    int64_t discount = in->has_discount_price ? in->discount_price_minor
                       : cur->has_discount    ? cur->discount_price_minor
                                              : 0;
    if (rc == WM_OK)
        rc = check_discount(ctx, discount, row->price_minor, &row->discount_price_minor);
    if (rc == WM_OK) rc = resolve_category(ctx, in, cur->category_id, &row->category_id);
    row->name = in->name;
    row->description = in->description;
    row->care_instructions = in->care_instructions;
    row->specifications = in->specifications;
    row->dimensions = in->dimensions;
    row->weight_kg = in->has_weight ? arena_printf(ctx->arena, "%.3f", in->weight_kg) : NULL;
    row->status = !in->has_is_active ? NULL : in->is_active ? "active" : "draft";
    row->moq = in->has_moq ? arena_printf(ctx->arena, "%" PRId64, in->moq) : NULL;
    row->case_pack = in->has_case_pack ? arena_printf(ctx->arena, "%" PRId64, in->case_pack) : NULL;
    row->condition = in->condition;
    row->style = in->style;
    /* The brand: a listed one (brand) or the vendor's own words (customBrand; "" clears it). */
    if (rc == WM_OK)
        rc = shared_check_text(ctx, &in->custom_brand, "customBrand", 100, false, false);
    if (rc == WM_OK && in->has_brand && in->custom_brand && *in->custom_brand)
        rc = wm_errorf(ctx, WM_EINVAL, "customBrand: give a listed brand or your own, not both");
    char *brand_name = NULL;
    if (rc == WM_OK && in->has_brand) {
        rc = check_brand(ctx, in->brand_id, &brand_name);
        row->set_brand = true;
        row->brand_id = arena_printf(ctx->arena, "%d", (int)in->brand_id);
        row->brand_name = brand_name;
    } else if (rc == WM_OK && in->custom_brand && (*in->custom_brand || cur->custom_brand)) {
        /* "" clears the vendor's own brand; a listed brand is only replaced by words. */
        row->set_brand = true;
        row->custom_brand = *in->custom_brand ? in->custom_brand : NULL;
        row->brand_name = in->custom_brand;
    }
    return rc;
}

int catalog_product_update(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                           const struct product_input *given, struct product **out)
{
    *out = NULL;
    struct product_input in = *given;
    struct catalog_owned cur = { 0 };
    struct catalog_update_row row = { 0 };
    struct product_image *images = NULL;
    int32_t *materials = NULL;
    size_t nmaterials = 0;
    struct account_price *prices = NULL;
    int rc = find_owned(ctx, user_id, id, &cur);
    if (rc == WM_OK && in.nuploads && in.has_images) {
        rc = add_uploads(ctx, user_id, &in, in.images, in.nimages);
    } else if (rc == WM_OK && (in.nuploads || in.nremove)) {
        struct product *now = NULL;
        rc = reload(ctx, id, &now);
        if (rc == WM_OK && now) rc = keep_images(ctx, user_id, &in, now);
    }
    if (rc == WM_OK) rc = check_update(ctx, &in, &cur, &row);
    if (rc == WM_OK) {
        int64_t paid = row.discount_price_minor ? strtoll(row.discount_price_minor, NULL, 10)
                                                : row.price_minor;
        rc = check_terms(ctx, &in, paid, row.price_minor, &prices);
    }
    if (rc == WM_OK && in.has_images) rc = check_images(ctx, &in, false, &images);
    if (rc == WM_OK && in.has_material_names)
        rc = check_materials(ctx, &in, &materials, &nmaterials);
    struct catalog_variant_row *variants = NULL;
    if (rc == WM_OK && in.has_variants) rc = check_variants(ctx, id, &in, &variants);
    if (rc == WM_OK) rc = catalog_db_update_product(ctx, id, &row);
    if (rc == WM_OK && in.has_images) rc = write_images(ctx, id, images, in.nimages);
    if (rc == WM_OK && in.has_material_names) rc = write_materials(ctx, id, materials, nmaterials);
    if (rc == WM_OK && in.has_stock) rc = update_stock(ctx, user_id, id, in.stock);
    if (rc == WM_OK && in.has_variants) rc = write_variants(ctx, user_id, id, &in, variants);
    if (rc == WM_OK && in.has_tiers) rc = catalog_db_set_tiers(ctx, id, in.tiers, in.ntiers);
    if (rc == WM_OK && in.has_account_prices)
        rc = catalog_db_set_account_prices(ctx, id, prices, in.naccount_prices);
    if (rc != WM_OK) return rc;
    catalog_products_changed(ctx);
    return reload(ctx, id, out);
}

int catalog_product_owned(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct product **out)
{
    *out = NULL;
    struct catalog_owned cur = { 0 };
    int rc = find_owned(ctx, user_id, id, &cur);
    if (rc == WM_OK) rc = reload(ctx, id, out);
    return rc;
}

int catalog_product_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id)
{
    struct catalog_owned cur = { 0 };
    int rc = find_owned(ctx, user_id, id, &cur);
    if (rc == WM_OK) rc = catalog_db_archive_product(ctx, id);
    if (rc == WM_OK) catalog_products_changed(ctx);
    return rc;
}

/* "<name> (copy)", cut to CATALOG_NAME_MAX characters at a character boundary. */
static const char *copy_name(struct wm_ctx *ctx, const char *name)
{
    static const char suffix[] = " (copy)";
    if (!name) name = "";
    size_t keep = 0;
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p & 0xC0) != 0x80) {
            if (n == CATALOG_NAME_MAX - (sizeof(suffix) - 1)) break;
            n++;
        }
        keep = (size_t)((const char *)p - name) + 1;
    }
    return arena_printf(ctx->arena, "%.*s%s", (int)keep, name, suffix);
}

/* The copy's images, materials, variants (inserted with 0 units: a copy has no stock yet),
 * price breaks and account prices below max_unit_minor. */
static int copy_children(struct wm_ctx *ctx, const struct catalog_owned *cur, int64_t copy,
                         const struct product_input *in, const struct checked *c,
                         int64_t max_unit_minor)
{
    int64_t *variants = NULL;
    size_t nvariants = 0;
    bool own_materials = in->has_material_ids;
    int rc = catalog_db_copy_children(ctx, cur->id, copy, !own_materials, max_unit_minor);
    if (rc == WM_OK && own_materials) rc = write_materials(ctx, copy, c->materials, c->nmaterials);
    if (rc == WM_OK) rc = catalog_db_variant_ids(ctx, copy, &variants, &nvariants);
    if (rc == WM_OK && nvariants == 0) {
        /* The original had none: the copy gets the one a new product has. */
        variants = ARENA_NEW(ctx->arena, int64_t);
        nvariants = 1;
        rc = catalog_db_insert_variant(ctx, copy, first_sku(ctx, copy), cur->size_id,
                                       first_item(ctx, c->colors ? c->colors : cur->colors),
                                       variants);
    }
    return rc;
}

int catalog_product_duplicate(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                              const struct product_input *given, struct product **out)
{
    *out = NULL;
    struct product_input in = *given;
    struct catalog_owned cur = { 0 };
    struct checked c = { 0 };
    int rc = find_owned(ctx, user_id, id, &cur);
    if (rc == WM_OK) rc = check_common(ctx, &in, &c);
    int64_t price = in.has_price ? in.price_minor : cur.price_minor;
    if (rc == WM_OK && in.has_price) rc = check_price(ctx, price, "price");
    int64_t discount = in.has_discount_price ? in.discount_price_minor
                       : cur.has_discount    ? cur.discount_price_minor
                                             : 0;
    /* A new price without a new discount: the original's discount only when still below. */
    if (!in.has_discount_price && discount >= price) discount = 0;
    const char *discount_text = NULL;
    if (rc == WM_OK) rc = check_discount(ctx, discount, price, &discount_text);
    if (rc == WM_OK && !in.has_brand && cur.brand_id) {
        in.brand_id = cur.brand_id; /* the original's brand, unless another was given */
        rc = check_brand(ctx, cur.brand_id, &c.brand_name);
        in.has_brand = rc == WM_OK;
    }
    if (rc != WM_OK) return rc;
    const char *custom = in.custom_brand ? in.custom_brand : cur.custom_brand;
    const char *colors = c.colors ? c.colors : cur.colors;
    struct vendor *shop = NULL;
    rc = vendor_of_user(ctx, user_id, &shop);
    if (rc != WM_OK) return rc;
    struct catalog_new_row row = {
        .vendor_id = shop->id,
        .brand_id = opt_int(ctx, in.has_brand, in.brand_id),
        .custom_brand = custom,
        .brand_name = c.brand_name ? c.brand_name
                      : custom     ? custom
                                   : "",
        .name = in.name ? in.name : copy_name(ctx, cur.name),
        .description = in.description ? in.description : cur.description,
        .condition = in.condition,
        .style = in.style,
        .colors = colors,
        .price_minor = price,
        .discount_price_minor = discount_text,
    };
    int64_t copy = 0;
    rc = catalog_db_copy_product(ctx, id, &row, &copy);
    if (rc == WM_OK) rc = copy_children(ctx, &cur, copy, &in, &c, discount ? discount : price);
    if (rc != WM_OK) return rc;
    catalog_products_changed(ctx);
    return reload(ctx, copy, out);
}

int catalog_shop_data(struct wm_ctx *ctx, int64_t user_id, struct shop_stats *stats,
                      struct product ***items, size_t *n)
{
    memset(stats, 0, sizeof(*stats));
    *items = NULL;
    *n = 0;
    struct vendor *shop = NULL;
    int rc = vendor_of_user(ctx, user_id, &shop);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx); /* no shop yet: nothing to show */
        *items = ARENA_NEW(ctx->arena, struct product *);
        return WM_OK;
    }
    int64_t *ids = NULL;
    size_t nids = 0;
    if (rc == WM_OK) rc = catalog_db_shop_stats(ctx, shop->id, stats);
    if (rc == WM_OK)
        rc = catalog_db_shop_product_ids(ctx, shop->id, CATALOG_SHOP_PRODUCTS, &ids, &nids);
    if (rc == WM_OK) rc = catalog_products_load(ctx, ids, nids, items, n);
    return rc;
}
