/*
 * catalog_int.h: what the files of the catalog domain share: the store (catalog_db.c), one
 * function per SQL statement. The batch loaders take the product ids as a JSON array text
 * ("[1,2,3]"), which one static statement turns into a derived table (JSON_TABLE), so a page
 * of any size is one statement per kind of row.
 */
#ifndef WM_MARKET_CATALOG_INT_H
#define WM_MARKET_CATALOG_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/catalog/catalog.h"

struct wm_ctx;

/* Every category, ordered by lft (arena array of *n; product_count 0). */
int catalog_db_categories(struct wm_ctx *ctx, struct category **out, size_t *n);

/* Active products per category (direct, not subtree): arena arrays ids/counts of *n. */
int catalog_db_category_counts(struct wm_ctx *ctx, int64_t **ids, int64_t **counts, size_t *n);

/* The products of ids_json, any status, in no particular order (arena array of *n). */
int catalog_db_products(struct wm_ctx *ctx, const char *ids_json, struct product **out, size_t *n);

/* Rows of the per-product loaders: the product id and its value. */
struct catalog_image_row {
    int64_t product_id;
    struct product_image image;
};
struct catalog_material_row {
    int64_t product_id;
    struct material material;
};
struct catalog_stock_row {
    int64_t product_id;
    int64_t stock;
};

/* A price break or an account-type price of a product (account_type NULL for a break). */
struct catalog_price_row {
    int64_t product_id;
    char *account_type;
    int32_t min_qty;
    int64_t unit_price_minor;
};

/* The price breaks and account-type prices of ids_json, by product (one statement). */
int catalog_db_prices(struct wm_ctx *ctx, const char *ids_json, struct catalog_price_row **out,
                      size_t *n);

/* Images of ids_json by product, then position. */
int catalog_db_images(struct wm_ctx *ctx, const char *ids_json, struct catalog_image_row **out,
                      size_t *n);
/* Materials of ids_json by product, then name. */
int catalog_db_materials(struct wm_ctx *ctx, const char *ids_json,
                         struct catalog_material_row **out, size_t *n);
/* Units in stock per product of ids_json (products without variants are absent). */
int catalog_db_stock(struct wm_ctx *ctx, const char *ids_json, struct catalog_stock_row **out,
                     size_t *n);

/* The cache namespaces of every public catalog answer (catalog_response_gql.c): products,
 * categories and vendors. */
extern const char *const catalog_response_namespaces[CATALOG_CACHE_NAMESPACES];

/* The versions of those namespaces as this request read them (v[i] in their order): the
 * catalog's reads later in the request use them instead of reading them again (catalog.c).
 * Ignored when one is 0 (not read). */
void catalog_versions_seen(struct wm_ctx *ctx, const uint64_t *v);

/* Add n views to product id for each [id, n] of the JSON array counts_json ("[[7,3],[9,1]]"),
 * keeping updated_at; *rows gets the number of products changed. */
int catalog_db_add_views(struct wm_ctx *ctx, const char *counts_json, int64_t *rows);

/* The views counted so far in this request (catalog_views.c), for catalog_gql_response_store():
 * an arena array of *n product ids, one per view. */
const int64_t *catalog_views_counted(struct wm_ctx *ctx, size_t *n);

/* Count a view of product id again (a cached whole answer replays the views it counted). */
void catalog_view_id(struct wm_ctx *ctx, int64_t id);

/* ---- the write side (catalog_write.c, catalog_write_db.c) -------------------------------- */

/* A product of a shop as a write sees it (locked FOR UPDATE). */
struct catalog_owned {
    int64_t id;
    int32_t category_id;
    int32_t brand_id; /* 0: none */
    char *custom_brand;
    char *name;
    char *description;
    char *colors;
    int32_t size_id; /* 0: none */
    int64_t price_minor;
    bool has_discount;
    int64_t discount_price_minor;
    char *status;
};

/* Product id of vendor_id unless archived, locked: WM_ENOTFOUND otherwise. */
int catalog_db_owned(struct wm_ctx *ctx, int64_t vendor_id, int64_t id, struct catalog_owned *out);

/* Does size id / material id exist? The name of brand id (WM_ENOTFOUND when unknown). */
int catalog_db_size_exists(struct wm_ctx *ctx, int32_t id, bool *out);
int catalog_db_material_exists(struct wm_ctx *ctx, int32_t id, bool *out);
int catalog_db_brand_name(struct wm_ctx *ctx, int32_t id, char **name);
/* The id of the material called name (any letter case): WM_ENOTFOUND when there is none. */
int catalog_db_material_by_name(struct wm_ctx *ctx, const char *name, int32_t *id);

/* The columns of a new product (NULL strings bind NULL; nullable numbers are decimal text). */
struct catalog_new_row {
    int64_t vendor_id;
    int32_t category_id;
    const char *brand_id; /* decimal text or NULL */
    const char *custom_brand;
    const char *brand_name; /* "" when there is no brand */
    const char *name;
    const char *description;
    const char *condition;
    const char *style;
    const char *size_id; /* decimal text or NULL */
    const char *colors;  /* comma-separated */
    const char *currency;
    int64_t price_minor;
    const char *discount_price_minor; /* decimal text or NULL */
    const char *status;               /* "draft", or NULL: active (insert only) */
};

/* Insert a new product (active unless row->status says draft); *id gets its id. */
int catalog_db_insert_product(struct wm_ctx *ctx, const struct catalog_new_row *row, int64_t *id);

/* Insert a copy of product src_id (everything but the columns of row that are set: brand,
 * names, colours, price, discount; condition and style when not NULL); *id gets its id.
 * Counters (views, likes, sales, ratings) start at zero and it is not featured. */
int catalog_db_copy_product(struct wm_ctx *ctx, int64_t src_id, const struct catalog_new_row *row,
                            int64_t *id);

/* The changes of an update: NULL members keep their column (price and discount are set). */
struct catalog_update_row {
    const char *name;
    const char *description;
    int64_t price_minor;
    const char *discount_price_minor; /* decimal text or NULL for none */
    int32_t category_id;
    const char *tags;   /* comma-separated */
    const char *status; /* active or draft */
    const char *specifications;
    const char *dimensions;
    const char *weight_kg; /* decimal text */
    const char *care_instructions;
    const char *moq;       /* decimal text, NULL: unchanged */
    const char *case_pack; /* decimal text, NULL: unchanged */
    const char *condition; /* a ConditionEnum name, NULL: unchanged */
    const char *style;     /* a StyleEnum name, NULL: unchanged */
    bool set_brand;        /* replace brand_id, custom_brand and brand_name with: */
    const char *brand_id;  /* decimal text or NULL */
    const char *custom_brand;
    const char *brand_name;
};

/* Replace the price breaks / account-type prices of product id with the n given. */
int catalog_db_set_tiers(struct wm_ctx *ctx, int64_t id, const struct price_tier *tiers, size_t n);
int catalog_db_set_account_prices(struct wm_ctx *ctx, int64_t id,
                                  const struct account_price *prices, size_t n);
int catalog_db_update_product(struct wm_ctx *ctx, int64_t id, const struct catalog_update_row *row);

/* status = archived. */
int catalog_db_archive_product(struct wm_ctx *ctx, int64_t id);

/* Images: remove all of product_id's; add one at position. */
int catalog_db_delete_images(struct wm_ctx *ctx, int64_t product_id);
int catalog_db_insert_image(struct wm_ctx *ctx, int64_t product_id, const char *url,
                            const char *thumbnail_url, int position);
/* Materials: remove all of product_id's; add one (a second add of the same is ignored). */
int catalog_db_delete_materials(struct wm_ctx *ctx, int64_t product_id);
int catalog_db_insert_material(struct wm_ctx *ctx, int64_t product_id, int32_t material_id);

/* A variant with 0 units (size_id 0: none; color NULL: none); *id gets its id. */
int catalog_db_insert_variant(struct wm_ctx *ctx, int64_t product_id, const char *sku,
                              int32_t size_id, const char *color, int64_t *id);
/* The variant ids of product_id in order, locked (arena array of *n). */
int catalog_db_variant_ids(struct wm_ctx *ctx, int64_t product_id, int64_t **ids, size_t *n);
/* Whether variant_id is one of product_id's (its row locked). */
int catalog_db_variant_of(struct wm_ctx *ctx, int64_t product_id, int64_t variant_id, bool *out);
/* Whether another variant than except_id (0: any) has sku. */
int catalog_db_sku_taken(struct wm_ctx *ctx, const char *sku, int64_t except_id, bool *out);
/* The id of the size called name; WM_ENOTFOUND when none is. */
int catalog_db_size_by_name(struct wm_ctx *ctx, const char *name, int32_t *id);

/* A variant as updateProduct's variants write it (0 / NULL: none; a NULL sku keeps an
 * existing variant's). */
struct catalog_variant_row {
    int64_t id; /* 0: a new variant */
    const char *sku;
    int32_t size_id;
    const char *color;
    int64_t price_minor; /* 0: the product's price */
};
/* Insert (r->id 0) or change a variant of product_id; *id gets its id. */
int catalog_db_save_variant(struct wm_ctx *ctx, int64_t product_id,
                            const struct catalog_variant_row *r, int64_t *id);
/* Copy src_id's images, materials (unless materials is false), variants (0 units, SKUs
 * "P<dst_id>-<source variant id>"), and the price tiers and account prices below
 * max_unit_minor, to dst_id. */
int catalog_db_copy_children(struct wm_ctx *ctx, int64_t src_id, int64_t dst_id, bool materials,
                             int64_t max_unit_minor);

/* A shop's figures (not deleted products) and its newest product ids (at most limit). */
int catalog_db_shop_stats(struct wm_ctx *ctx, int64_t vendor_id, struct shop_stats *out);
int catalog_db_shop_product_ids(struct wm_ctx *ctx, int64_t vendor_id, int limit, int64_t **ids,
                                size_t *n);

#endif
