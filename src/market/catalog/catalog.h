/*
 * catalog.h: the catalog domain (reads): the category tree, sizes, and products with their
 * images, brand, materials, stock, vendor and category, listed and searched. Public reads see
 * only active products of readable vendors (vendors.h); a vendor's own list also shows its
 * drafts and archived products. A product that a reader may not see is "not found", exactly
 * like an unknown id.
 *
 * Loading a page of products costs a constant number of SQL statements whatever its size: the
 * search finds the ids (search.h), then one statement each loads the products (with brand and
 * size), their images, their materials, their stock and their vendors, and the category tree
 * comes from memcached. Whole pages, single products and the tree are cached under versioned
 * namespaces; the write side calls catalog_products_changed() / catalog_categories_changed().
 * Strings and arrays live in ctx->arena.
 */
#ifndef WM_MARKET_CATALOG_H
#define WM_MARKET_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/search/search.h"
#include "market/vendors/vendors.h"

struct wm_ctx;

/* Seconds cached pages, products and the category tree are kept (writes bump sooner). */
#define CATALOG_LIST_TTL     120
#define CATALOG_PRODUCT_TTL  600
#define CATALOG_CATEGORY_TTL 600

/* How many cache namespaces every public catalog answer depends on: products, categories,
 * vendors and the users' public names (whole cached answers check all of them: catalog_gql.h). */
#define CATALOG_CACHE_NAMESPACES 4

/* Default and largest page sizes of the lists. */
#define CATALOG_PAGE_DEFAULT 20
#define CATALOG_PAGE_MAX     100

/* A category. The tree is a nested set: a subtree is lft..rgt. */
struct category {
    int32_t id;
    int32_t parent_id; /* 0 for a root */
    char *name;
    char *slug;
    char *description;
    char *image_url;
    int32_t position;
    bool is_active;
    int32_t lft;
    int32_t rgt;
    int64_t product_count; /* active products in its subtree */
};

/* The whole tree, ordered by lft (depth first, siblings by position). */
struct category_tree {
    struct category *items;
    size_t n;
};

struct product_image {
    char *url;
    char *thumbnail_url; /* NULL when there is none */
};

struct material {
    int32_t id;
    char *name;
};

/* A product as the lists and the detail page show it. */
struct product {
    int64_t id;
    int64_t vendor_id;
    int32_t category_id;
    int32_t brand_id; /* 0: none (custom_brand may be set) */
    char *brand_name; /* the brand's name when brand_id is set */
    char *custom_brand;
    char *name;
    char *description;
    char *condition;   /* a ConditionEnum name, NULL when not given */
    char *style;       /* a StyleEnum name, NULL when not given */
    char *parcel_size; /* SMALL, MEDIUM, LARGE or NULL */
    int32_t size_id;   /* 0: none */
    char *size_name;
    char *colors; /* comma-separated, "" for none */
    char *tags;   /* comma-separated, "" for none */
    char *status; /* draft, active or archived */
    bool is_featured;
    int64_t views;
    int64_t likes;
    int64_t sales;
    double rating;
    int32_t review_count;
    char *currency;
    int64_t price_minor;
    bool has_discount;
    int64_t discount_price_minor;
    int32_t moq;
    int32_t case_pack;
    char *created_at; /* "YYYY-MM-DD HH:MM:SS.ffffff", UTC */
    char *updated_at;
    int64_t stock; /* units in stock over all variants */
    struct product_image *images;
    size_t nimages;
    struct material *materials;
    size_t nmaterials;
    /* Filled by the loaders: NULL when the vendor is not readable (such products are dropped
     * from public reads) or the category is unknown. */
    const struct vendor *vendor;
    const struct category *category;
    const struct category *department; /* the child of a root holding it (or the root) */
};

/* A list request in the shape of the app's arguments (page-number or cursor paging). */
struct catalog_list {
    struct search_query q; /* filters and sort; its window is set from the fields below */
    int32_t page_size;     /* 1..CATALOG_PAGE_MAX (0: CATALOG_PAGE_DEFAULT) */
    int32_t page_number;   /* 1-based, page-number paging; ignored when after is set */
    const char *after;     /* an opaque cursor from a previous page's end (cursor paging) */
};

/* A page of products, plus what cursor paging needs. */
struct catalog_page {
    struct product **items;
    size_t n;
    bool has_next;
    bool has_previous;
    int64_t offset; /* of the first item */
};

/*
 * The category tree (cached). Returns WM_OK or a database error.
 */
int catalog_categories(struct wm_ctx *ctx, struct category_tree *out);

/* The category id in tree, or NULL. */
const struct category *catalog_category_find(const struct category_tree *tree, int32_t id);

/* The first category named name (ASCII case-insensitive) or whose slug is name, or NULL. */
const struct category *catalog_category_by_name(const struct category_tree *tree, const char *name);

/*
 * A page of products. Public lists (q.status "active") hide products whose vendor is not
 * readable. Pages are cached. WM_EINVAL for a bad page size or number, a malformed cursor or
 * search.h's reasons; else WM_OK or a database error.
 */
int catalog_list_products(struct wm_ctx *ctx, const struct catalog_list *in,
                          struct catalog_page *out);

/*
 * An active product of a readable vendor (cached). WM_ENOTFOUND "product '<id>' not found"
 * for any other id.
 */
int catalog_product_get(struct wm_ctx *ctx, int64_t id, struct product **out);

/*
 * The products of ids (in that order, any status; each with vendor and category), loaded in a
 * constant number of statements; ids not found are left out. *out is an arena array of *n.
 */
int catalog_products_load(struct wm_ctx *ctx, const int64_t *ids, size_t n, struct product ***out,
                          size_t *nout);

/* The cursor of the item at offset (opaque text), and its inverse (false when malformed). */
char *catalog_cursor(struct wm_ctx *ctx, int64_t offset);
bool catalog_cursor_offset(const char *cursor, int64_t *offset);

/* Invalidate cached pages and products (after any product, image, variant or price write),
 * and the vendor profiles that list departments. */
void catalog_products_changed(struct wm_ctx *ctx);

/* Invalidate the cached category tree (after a category write; product counts change with
 * products too, so catalog_products_changed() also calls it). */
void catalog_categories_changed(struct wm_ctx *ctx);

#endif
