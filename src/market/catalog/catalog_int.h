/*
 * catalog_int.h: what the files of the catalog domain share: the store (catalog_db.c), one
 * function per SQL statement. The batch loaders take the product ids as a JSON array text
 * ("[1,2,3]"), which one static statement turns into a derived table (JSON_TABLE), so a page
 * of any size is one statement per kind of row.
 */
#ifndef WM_MARKET_CATALOG_INT_H
#define WM_MARKET_CATALOG_INT_H

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

#endif
