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

/* A row of updateProduct's variants: a change of an existing variant (has_id) or a new one.
 * Arena strings; NULL when not given. */
struct product_variant_input {
    bool has_id;
    int64_t id;
    const char *sku;   /* NULL: kept (an existing variant) or made up (a new one) */
    const char *size;  /* a size name (XS, M, One size ...); NULL: none */
    const char *color; /* NULL: none */
    bool has_price;    /* false: the product's price applies */
    int64_t price_minor;
    bool has_stock; /* the variant's units in all (a count movement); false: unchanged */
    int64_t stock;
};

/* An image file sent with a product (createProduct's and updateProduct's images). */
struct product_upload {
    const void *data; /* the bytes (the request's), not NUL-terminated */
    size_t len;
};

struct material {
    int32_t id;
    char *name;
};

/* A quantity price break: from min_qty units on, each unit costs unit_price_minor. */
struct price_tier {
    int32_t min_qty;
    int64_t unit_price_minor;
};

/* The unit price for buyers of one account type (e.g. RESELLER). */
struct account_price {
    char *account_type; /* CUSTOMER, VENDOR or RESELLER */
    int64_t unit_price_minor;
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
    char *specifications;    /* JSON text, NULL when none was given */
    char *dimensions;        /* JSON text, NULL when none was given */
    char *weight_kg;         /* decimal text, NULL when unknown */
    char *care_instructions; /* NULL when none */
    int64_t stock;           /* units in stock over all variants */
    struct product_image *images;
    size_t nimages;
    struct material *materials;
    size_t nmaterials;
    struct price_tier *tiers; /* by min_qty */
    size_t ntiers;
    struct account_price *account_prices; /* by account type */
    size_t naccount_prices;
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

/*
 * Whether user_id's wishlist holds product_id (Product.userLiked): *liked. The wishlist domain
 * answers (the catalog may not include it: no module cycle) through the function it registers
 * with catalog_set_liked_fn() once at start-up (wishlist_gql_register(), called by api_open());
 * without one nothing is liked. The answer is per viewer: never part of a cached product or
 * page. Returns WM_OK or a database error.
 */
typedef int catalog_liked_fn(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *liked);
void catalog_set_liked_fn(catalog_liked_fn *fn);
int catalog_user_liked(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *liked);

/* Invalidate cached pages and products (after any product, image, variant or price write),
 * and the vendor profiles that list departments. */
void catalog_products_changed(struct wm_ctx *ctx);

/* Invalidate the cached category tree (after a category write; product counts change with
 * products too, so catalog_products_changed() also calls it). */
void catalog_categories_changed(struct wm_ctx *ctx);

/* ---- views (catalog_views.c) ------------------------------------------------------------ */

/*
 * Count a view of product p (the product page, ProductById): unless the viewer is its vendor
 * or the caller says it is a crawler (User-Agent). The count goes to a memcached counter, not
 * to MariaDB: catalog_views_flush() adds counters to products.views in batches. Best effort
 * and cheap (one memcached round trip; two on a product's first view since the last flush);
 * without a cache nothing is counted. A whole answer cached by catalog_gql_response_store()
 * counts the views its execution counted again each time it is served.
 */
void catalog_view(struct wm_ctx *ctx, const struct product *p);

/*
 * Add the views counted since the last flush to products.views: at most max products (the
 * others are left for the next call, *more set), one statement in one transaction, which
 * logs one search change per product (the search server's MOST_POPULAR order follows) and
 * leaves updated_at and the caches alone (cached answers show the new figure when they
 * expire: CATALOG_PRODUCT_TTL). *products and *views: what was added. On a database error
 * the counts go back to memcached for the next try; when memcached fails (WM_EUNAVAIL, as
 * on the first call over a connection its restart broke) what could not be read stays there
 * for the next try, so the caller retries rather than waits for the next period.
 */
int catalog_views_flush(struct wm_ctx *ctx, size_t max, int64_t *products, int64_t *views,
                        bool *more);

/* ---- writes (catalog_write.c): a vendor's own products ----------------------------------- */

/* Bounds of the write side's inputs. */
#define CATALOG_NAME_MAX        200 /* characters of a product name */
#define CATALOG_DESCRIPTION_MAX 10000
#define CATALOG_IMAGES_MAX      10 /* images per product */
#define CATALOG_URL_MAX         500
#define CATALOG_LIST_ITEMS_MAX  20             /* colours, tags, materials */
#define CATALOG_PRICE_MAX_MINOR 100000000000LL /* 1,000,000,000.00 */
#define CATALOG_STOCK_MAX       1000000000
#define CATALOG_SHOP_PRODUCTS   100 /* products getShopData lists (newest first) */

/*
 * What a product write sets. Every member is optional: a NULL pointer or a false has_* means
 * "not given" (on update and duplicate: unchanged). Strings are NUL-terminated; the lists are
 * arrays of n items. Prices are minor units of the shop's currency.
 */
struct product_input {
    const char *name;
    const char *description;
    const char *condition; /* a ConditionEnum name */
    const char *style;     /* a StyleEnum name */
    const char *custom_brand;
    const char *care_instructions;
    const char *specifications; /* JSON text */
    const char *dimensions;     /* JSON text */
    bool has_price;
    int64_t price_minor;
    bool has_discount_percent; /* createProduct's discount: percent off the price, 0 for none */
    double discount_percent;
    bool has_discount_price; /* updateProduct's and duplicateProduct's discountPrice; 0: none */
    int64_t discount_price_minor;
    bool has_category_id; /* createProduct: a category id */
    int32_t category_id;
    const char *category;    /* updateProduct: a category id, name or slug */
    const char *subcategory; /* updateProduct: a category below category (id, name or slug) */
    bool has_size;
    int32_t size_id;
    bool has_brand;
    int32_t brand_id;
    bool has_images;
    const struct product_image *images;
    size_t nimages;
    const struct product_upload *uploads; /* image files to store and add after the images */
    size_t nuploads;
    const char *const *remove; /* update without images: URLs of its images to drop */
    size_t nremove;
    bool has_colors;
    const char *const *colors;
    size_t ncolors;
    bool has_tags;
    const char *const *tags;
    size_t ntags;
    bool has_material_ids; /* materials by id (create, duplicate) */
    const int32_t *material_ids;
    size_t nmaterial_ids;
    bool has_material_names; /* materials by name or id text (update) */
    const char *const *material_names;
    size_t nmaterial_names;
    bool has_weight;
    double weight_kg;
    bool has_moq; /* the wholesale terms (update): minimum order quantity, case pack */
    int64_t moq;
    bool has_case_pack;
    int64_t case_pack;
    bool has_tiers; /* the quantity price breaks (update: replace them all; none: no breaks) */
    const struct price_tier *tiers;
    size_t ntiers;
    bool has_account_prices; /* the prices per account type (update: replace them all) */
    const struct account_price *account_prices;
    size_t naccount_prices;
    bool has_variants; /* variants to change or add (update; the others are kept) */
    const struct product_variant_input *variants;
    size_t nvariants;
    bool has_stock; /* units in stock (update; a product with one variant) */
    int64_t stock;
    bool has_is_active; /* true: active (listed); false: draft */
    bool is_active;
    bool has_is_featured; /* only false is accepted: the marketplace features products */
    bool is_featured;
};

/*
 * Create a product of the shop of vendor user user_id (the shop is opened, named after the
 * account, when the vendor has none yet): name, description, price, category and images are
 * required (images: the given URLs and the uploaded files together, at most
 * CATALOG_IMAGES_MAX). Each uploaded file is checked and stored with media_upload() for
 * user_id and added after the given images; a file that is not an image or is too big is
 * WM_EINVAL with media's reason. It is active at once (a draft when in->has_is_active and
 * !in->is_active), with one variant (its size and first colour) holding 0 units. The caller checked
 * that user_id is a verified vendor. Everything else is validated before anything is written;
 * images are marked referenced (media.h). Runs in the caller's transaction and bumps the catalog
 * caches. WM_OK with *out (the product as reads show it); WM_EINVAL with a message naming the
 * field; a database error.
 */
int catalog_product_create(struct wm_ctx *ctx, int64_t user_id, const struct product_input *given,
                           struct product **out);

/*
 * Change product id of user_id's shop: only the given fields. imagesUrl, tags and materials
 * replace the whole list; uploaded files (checked and stored as for create, once the product
 * is known to be the caller's) are added after the given images, or after the product's own
 * when none are given, less those whose URL in->remove names (at least one image stays:
 * WM_EINVAL "removeImages: ..." otherwise). variants: each row changes the product's variant id
 * (sku, size, colour and own price as given; a blank sku keeps it) or adds one (a blank sku is made
 * up: P<id>-<8 hex>); stock sets its units by a count movement (stock_set_total()); variants not
 * listed are kept. SKUs are 1..64 of A-Z a-z 0-9 . _ - and unique; a size is a name of the
 * sizes table; colour at most 40 characters; a price as price's rule. A product of another
 * shop, an archived (deleted) one and an unknown
 * id are all WM_ENOTFOUND "product '<id>' not found". WM_EINVAL as for create, and for a stock
 * change on a product with several variants. Transaction and caches as for create.
 */
int catalog_product_update(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                           const struct product_input *given, struct product **out);

/*
 * Product id of user_id's shop as reads show it, drafts included (the vendor's own view).
 * WM_ENOTFOUND as for update.
 */
int catalog_product_owned(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct product **out);

/*
 * Delete product id of user_id's shop: it is archived (status archived), so it leaves every
 * list and read, while what refers to it (orders, carts) keeps a row to point at.
 * WM_ENOTFOUND as for update.
 */
int catalog_product_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id);

/*
 * Copy product id of user_id's shop into a new product of the same shop, with the given
 * fields changed (name defaults to "<name> (copy)"; a new price without a new discount price
 * keeps the original's discount only when it is below): images, materials, variants (new SKUs,
 * 0 units), price tiers and account prices (those below the copy's unit price) come along;
 * views, likes, sales and ratings start at zero; is_featured is not copied; the status is the
 * original's. The caller checked that user_id is a verified vendor. WM_ENOTFOUND as for
 * update, WM_EINVAL as for create.
 */
int catalog_product_duplicate(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                              const struct product_input *given, struct product **out);

/* A shop's figures for its owner (getShopData). Money in minor units. */
struct shop_stats {
    int64_t total_products; /* not deleted (active and drafts) */
    int64_t products_sold;  /* units sold over those products */
    int64_t revenue_minor;  /* units sold x each product's current unit price */
    int64_t total_reviews;
    double average_rating; /* 0 .. 5, weighted by reviews; 0 without reviews */
};

/*
 * The shop of vendor user_id for its owner: its figures and its CATALOG_SHOP_PRODUCTS newest
 * products that are not deleted (drafts too). A vendor without a shop yet has zero figures
 * and no products. *items is an arena array of *n. Returns WM_OK or a database error.
 */
int catalog_shop_data(struct wm_ctx *ctx, int64_t user_id, struct shop_stats *stats,
                      struct product ***items, size_t *n);

#endif
