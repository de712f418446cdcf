/*
 * catalog.c: the rules of the catalog domain (catalog.h): paging, what public readers may
 * see, batch loading, and read-through caching of the tree, pages and products. SQL lives in
 * catalog_db.c; finding is search.h's job.
 */
#include "market/catalog/catalog.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/pack.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog_int.h"

/* Cache namespaces: pages and products; the category tree (with its product counts). */
#define PRODUCTS_NS   "catalog.products.3" /* .3: the encoding with price breaks */
#define CATEGORIES_NS "catalog.categories"

const char *const catalog_response_namespaces[CATALOG_CACHE_NAMESPACES] = {
    PRODUCTS_NS, CATEGORIES_NS, "vendors", ACCOUNT_PUBLIC_NS
};

/* The per-request memo of the category tree (catalog_categories()), and its value once this
 * request has changed what the tree shows: later reads in it load afresh. */
#define TREE_MEMO "catalog.tree"

/* Where each namespace is in catalog_response_namespaces. */
enum { NS_PRODUCTS, NS_CATEGORIES, NS_VENDORS, NS_PUBLIC };

/* The versions of catalog_response_namespaces, read once per request (catalog_versions(), or
 * the whole-answer lookup: catalog_versions_seen()) unless this process bumps one meanwhile. */
#define VERSIONS_MEMO "catalog.versions"
struct versions_memo {
    uint64_t bumps; /* cache_bump_count() when read */
    uint64_t v[CATALOG_CACHE_NAMESPACES];
};

void catalog_versions_seen(struct wm_ctx *ctx, const uint64_t *v)
{
    for (size_t i = 0; i < CATALOG_CACHE_NAMESPACES; i++)
        if (v[i] == 0) return;
    struct versions_memo *m = wm_memo_get(ctx, VERSIONS_MEMO);
    if (!m) {
        m = ARENA_NEW(ctx->arena, struct versions_memo);
        wm_memo_set(ctx, VERSIONS_MEMO, m);
    }
    m->bumps = cache_bump_count(ctx->cache);
    memcpy(m->v, v, sizeof(m->v));
}

/* The versions of catalog_response_namespaces into v (one round trip, once per request);
 * false when the cache is disabled or down. */
static bool catalog_versions(struct wm_ctx *ctx, uint64_t v[CATALOG_CACHE_NAMESPACES])
{
    const struct versions_memo *m = wm_memo_get(ctx, VERSIONS_MEMO);
    if (m && m->bumps == cache_bump_count(ctx->cache)) {
        memcpy(v, m->v, sizeof(m->v));
        return true;
    }
    if (!cache_ns_versions(ctx->cache, catalog_response_namespaces, CATALOG_CACHE_NAMESPACES, v))
        return false;
    catalog_versions_seen(ctx, v);
    return true;
}
static const struct category_tree tree_changed;

void catalog_categories_changed(struct wm_ctx *ctx)
{
    cache_ns_bump(ctx->cache, CATEGORIES_NS);
    wm_memo_set(ctx, TREE_MEMO, (void *)&tree_changed);
}

void catalog_products_changed(struct wm_ctx *ctx)
{
    cache_ns_bump(ctx->cache, PRODUCTS_NS);
    catalog_categories_changed(ctx);
    vendors_cache_bump(ctx);
}

/* Who answers Product.userLiked (catalog_set_liked_fn): set once at start-up. */
static catalog_liked_fn *liked_fn;

void catalog_set_liked_fn(catalog_liked_fn *fn)
{
    liked_fn = fn;
}

int catalog_user_liked(struct wm_ctx *ctx, int64_t user_id, int64_t product_id, bool *liked)
{
    *liked = false;
    return liked_fn ? liked_fn(ctx, user_id, product_id, liked) : WM_OK;
}

/* ---- categories ------------------------------------------------------------------------ */

const struct category *catalog_category_find(const struct category_tree *tree, int32_t id)
{
    for (size_t i = 0; i < tree->n; i++)
        if (tree->items[i].id == id) return &tree->items[i];
    return NULL;
}

const struct category *catalog_category_by_name(const struct category_tree *tree, const char *name)
{
    for (size_t i = 0; i < tree->n; i++)
        if (strcasecmp(tree->items[i].name, name) == 0 || strcmp(tree->items[i].slug, name) == 0)
            return &tree->items[i];
    return NULL;
}

static void pack_tree(struct buf *b, const struct category_tree *t)
{
    pack_i64(b, (int64_t)t->n);
    for (size_t i = 0; i < t->n; i++) {
        const struct category *c = &t->items[i];
        pack_i64(b, c->id);
        pack_i64(b, c->parent_id);
        pack_str(b, c->name);
        pack_str(b, c->slug);
        pack_str(b, c->description);
        pack_str(b, c->image_url);
        pack_i64(b, c->position);
        pack_i64(b, c->is_active);
        pack_i64(b, c->lft);
        pack_i64(b, c->rgt);
        pack_i64(b, c->product_count);
    }
}

static bool unpack_tree(struct pack_reader *r, struct category_tree *t)
{
    int64_t n = pack_get_i64(r);
    if (r->bad || n < 0 || n > 100000) return false;
    t->n = (size_t)n;
    t->items = ARENA_ARRAY(r->arena, struct category, t->n ? t->n : 1);
    for (size_t i = 0; i < t->n; i++) {
        struct category *c = &t->items[i];
        c->id = (int32_t)pack_get_i64(r);
        c->parent_id = (int32_t)pack_get_i64(r);
        c->name = pack_get_str(r);
        c->slug = pack_get_str(r);
        c->description = pack_get_str(r);
        c->image_url = pack_get_str(r);
        c->position = (int32_t)pack_get_i64(r);
        c->is_active = pack_get_i64(r) != 0;
        c->lft = (int32_t)pack_get_i64(r);
        c->rgt = (int32_t)pack_get_i64(r);
        c->product_count = pack_get_i64(r);
    }
    return pack_ok(r) && (t->n == 0 || t->items[0].name);
}

/*
 * The tree as this process last read it, with the namespace version it was read under: a
 * request whose version matches uses it as is (one round trip instead of fetching and
 * unpacking the whole tree, about 90 KB for the seeded taxonomy). A request keeps the tree it
 * first used (memo), so a newer one never frees what its products point into: the tree it
 * replaces is retired and freed when a later request first asks. A request that changed the
 * tree reads it afresh into its own arena from then on.
 */
static struct {
    uint64_t version;
    struct arena *arena; /* holds tree (heap, process lifetime) */
    struct category_tree tree;
    struct arena *retired;
} held;

/* Read the tree from memcached (key k) or build it from the database (and store it), into
 * the ctx arena. */
static int load_tree(struct wm_ctx *ctx, struct str k, struct category_tree *out)
{
    struct str val;
    if (cache_get(ctx->cache, ctx->arena, k, &val)) {
        struct pack_reader r;
        pack_reader_init(&r, ctx->arena, val);
        if (unpack_tree(&r, out)) return WM_OK;
    }
    int rc = catalog_db_categories(ctx, &out->items, &out->n);
    int64_t *ids = NULL;
    int64_t *counts = NULL;
    size_t n = 0;
    if (rc == WM_OK) rc = catalog_db_category_counts(ctx, &ids, &counts, &n);
    if (rc != WM_OK) return rc;
    /* A subtree's count: each category's direct count added to it and its ancestors. */
    for (size_t i = 0; i < n; i++) {
        const struct category *c = catalog_category_find(out, (int32_t)ids[i]);
        for (int depth = 0; c && depth < 64; depth++) {
            ((struct category *)c)->product_count += counts[i];
            c = c->parent_id ? catalog_category_find(out, c->parent_id) : NULL;
        }
    }
    struct buf b = BUF_INIT(ctx->arena);
    pack_tree(&b, out);
    cache_set(ctx->cache, k, b.ptr, b.len, CATALOG_CATEGORY_TTL);
    return WM_OK;
}

/* Keep a copy of tree (read under version) for the process's next requests. */
static void hold_tree(struct wm_ctx *ctx, uint64_t version, const struct category_tree *tree)
{
    struct buf b = BUF_INIT(ctx->arena);
    pack_tree(&b, tree);
    struct arena *a = arena_new(0);
    struct pack_reader r;
    pack_reader_init(&r, a, (struct str){ b.ptr, b.len });
    struct category_tree copy;
    if (!unpack_tree(&r, &copy)) {
        arena_free(a);
        return;
    }
    if (held.retired) arena_free(held.retired);
    held.retired = held.arena;
    held.arena = a;
    held.tree = copy;
    held.version = version;
}

int catalog_categories(struct wm_ctx *ctx, struct category_tree *out)
{
    const struct category_tree *memo = wm_memo_get(ctx, TREE_MEMO);
    if (memo == &tree_changed) /* into this request's arena, leaving the held tree alone */
        return load_tree(ctx, str_from(cache_ns_key(ctx->cache, ctx->arena, CATEGORIES_NS, "tree")),
                         out);
    if (memo) {
        *out = *memo;
        return WM_OK;
    }
    /* The first use in this request: no product of it points into a retired tree yet. */
    if (held.retired) {
        arena_free(held.retired);
        held.retired = NULL;
    }
    uint64_t v[CATALOG_CACHE_NAMESPACES] = { 0 };
    uint64_t version = catalog_versions(ctx, v) ? v[NS_CATEGORIES] : 0;
    if (version != 0 && version == held.version) {
        *out = held.tree;
    } else {
        int rc = load_tree(
                ctx, str_from(cache_ns_key_at(ctx->arena, CATEGORIES_NS, version, "tree")), out);
        if (rc != WM_OK) return rc;
        if (version != 0) {
            hold_tree(ctx, version, out);
            *out = held.tree;
        }
    }
    struct category_tree *keep = ARENA_NEW(ctx->arena, struct category_tree);
    *keep = *out;
    wm_memo_set(ctx, TREE_MEMO, keep);
    return WM_OK;
}

/* ---- products -------------------------------------------------------------------------- */

/* "[1,2,3]" for ids. */
static char *ids_json(struct wm_ctx *ctx, const int64_t *ids, size_t n)
{
    struct buf b = BUF_INIT(ctx->arena);
    buf_appendc(&b, '[');
    for (size_t i = 0; i < n; i++)
        buf_appendf(&b, "%s%" PRId64, i ? "," : "", ids[i]);
    buf_appendc(&b, ']');
    return b.ptr;
}

/* Attach the category and the department (its ancestor right below a root, or the root
 * itself) of every product from tree. */
static void attach_categories(const struct category_tree *tree, struct product **items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct product *p = items[i];
        p->category = catalog_category_find(tree, p->category_id);
        const struct category *d = p->category;
        for (int depth = 0; d && d->parent_id && depth < 64; depth++) {
            const struct category *up = catalog_category_find(tree, d->parent_id);
            if (!up || !up->parent_id) break;
            d = up;
        }
        p->department = d;
    }
}

/* The product of id among list[0..n-1], or NULL. */
static struct product *find_product(struct product *list, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (list[i].id == id) return &list[i];
    return NULL;
}

/* Images come sorted by product: hand each product its run. */
static void give_images(struct wm_ctx *ctx, struct product *rows, size_t nrows,
                        const struct catalog_image_row *images, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && images[j].product_id == images[i].product_id)
            j++;
        struct product *p = find_product(rows, nrows, images[i].product_id);
        if (p) {
            p->images = ARENA_ARRAY(ctx->arena, struct product_image, j - i);
            for (size_t k = i; k < j; k++)
                p->images[p->nimages++] = images[k].image;
        }
        i = j;
    }
}

/* Materials likewise. */
static void give_materials(struct wm_ctx *ctx, struct product *rows, size_t nrows,
                           const struct catalog_material_row *materials, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && materials[j].product_id == materials[i].product_id)
            j++;
        struct product *p = find_product(rows, nrows, materials[i].product_id);
        if (p) {
            p->materials = ARENA_ARRAY(ctx->arena, struct material, j - i);
            for (size_t k = i; k < j; k++)
                p->materials[p->nmaterials++] = materials[k].material;
        }
        i = j;
    }
}

static void give_prices(struct wm_ctx *ctx, struct product *rows, size_t nrows,
                        const struct catalog_price_row *prices, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && prices[j].product_id == prices[i].product_id)
            j++;
        struct product *p = find_product(rows, nrows, prices[i].product_id);
        if (p) {
            p->tiers = ARENA_ARRAY(ctx->arena, struct price_tier, j - i);
            p->account_prices = ARENA_ARRAY(ctx->arena, struct account_price, j - i);
            for (size_t k = i; k < j; k++) {
                if (prices[k].account_type)
                    p->account_prices[p->naccount_prices++] =
                            (struct account_price){ prices[k].account_type,
                                                    prices[k].unit_price_minor };
                else
                    p->tiers[p->ntiers++] =
                            (struct price_tier){ prices[k].min_qty, prices[k].unit_price_minor };
            }
        }
        i = j;
    }
}

int catalog_products_load(struct wm_ctx *ctx, const int64_t *ids, size_t n, struct product ***out,
                          size_t *nout)
{
    *out = ARENA_ARRAY(ctx->arena, struct product *, n ? n : 1);
    *nout = 0;
    if (n == 0) return WM_OK;
    const char *json = ids_json(ctx, ids, n);
    struct product *rows = NULL;
    size_t nrows = 0;
    struct catalog_image_row *images = NULL;
    size_t nimages = 0;
    struct catalog_material_row *materials = NULL;
    size_t nmaterials = 0;
    struct catalog_stock_row *stock = NULL;
    size_t nstock = 0;
    struct catalog_price_row *prices = NULL;
    size_t nprices = 0;
    struct category_tree tree = { 0 };
    int rc = catalog_db_products(ctx, json, &rows, &nrows);
    if (rc == WM_OK) rc = catalog_db_images(ctx, json, &images, &nimages);
    if (rc == WM_OK) rc = catalog_db_materials(ctx, json, &materials, &nmaterials);
    if (rc == WM_OK) rc = catalog_db_stock(ctx, json, &stock, &nstock);
    if (rc == WM_OK) rc = catalog_db_prices(ctx, json, &prices, &nprices);
    if (rc == WM_OK) rc = catalog_categories(ctx, &tree);
    if (rc != WM_OK) return rc;
    give_images(ctx, rows, nrows, images, nimages);
    give_materials(ctx, rows, nrows, materials, nmaterials);
    give_prices(ctx, rows, nrows, prices, nprices);
    for (size_t i = 0; i < nstock; i++) {
        struct product *p = find_product(rows, nrows, stock[i].product_id);
        if (p) p->stock = stock[i].stock;
    }
    /* The vendors of the page, in one statement. */
    int64_t *vendor_ids = ARENA_ARRAY(ctx->arena, int64_t, nrows ? nrows : 1);
    for (size_t i = 0; i < nrows; i++)
        vendor_ids[i] = rows[i].vendor_id;
    struct vendor **vendors = NULL;
    rc = vendor_get_many(ctx, vendor_ids, nrows, &vendors);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < nrows; i++)
        rows[i].vendor = vendors[i];
    for (size_t i = 0; i < n; i++) {
        struct product *p = find_product(rows, nrows, ids[i]);
        if (p) (*out)[(*nout)++] = p;
    }
    attach_categories(&tree, *out, *nout);
    return WM_OK;
}

/* ---- the cache encoding of products ---------------------------------------------------- */

static void pack_product(struct buf *b, const struct product *p)
{
    pack_i64(b, p->id);
    pack_i64(b, p->vendor_id);
    pack_i64(b, p->category_id);
    pack_i64(b, p->brand_id);
    pack_i64(b, p->size_id);
    const char *const texts[] = { p->brand_name,  p->custom_brand, p->name,
                                  p->description, p->condition,    p->style,
                                  p->parcel_size, p->size_name,    p->colors,
                                  p->tags,        p->status,       p->currency,
                                  p->created_at,  p->updated_at,   p->specifications,
                                  p->dimensions,  p->weight_kg,    p->care_instructions };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        pack_str(b, texts[i]);
    const int64_t nums[] = {
        p->is_featured,  p->views,       p->likes,        p->sales,
        p->review_count, p->price_minor, p->has_discount, p->discount_price_minor,
        p->moq,          p->case_pack,   p->stock
    };
    for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
        pack_i64(b, nums[i]);
    pack_f64(b, p->rating);
    pack_i64(b, (int64_t)p->nimages);
    for (size_t i = 0; i < p->nimages; i++) {
        pack_str(b, p->images[i].url);
        pack_str(b, p->images[i].thumbnail_url);
    }
    pack_i64(b, (int64_t)p->nmaterials);
    for (size_t i = 0; i < p->nmaterials; i++) {
        pack_i64(b, p->materials[i].id);
        pack_str(b, p->materials[i].name);
    }
    pack_i64(b, (int64_t)p->ntiers);
    for (size_t i = 0; i < p->ntiers; i++) {
        pack_i64(b, p->tiers[i].min_qty);
        pack_i64(b, p->tiers[i].unit_price_minor);
    }
    pack_i64(b, (int64_t)p->naccount_prices);
    for (size_t i = 0; i < p->naccount_prices; i++) {
        pack_str(b, p->account_prices[i].account_type);
        pack_i64(b, p->account_prices[i].unit_price_minor);
    }
    pack_i64(b, p->vendor != NULL);
    if (p->vendor) vendor_pack(b, p->vendor);
}

/* A count read from r: 0..max, else r is marked bad. */
static size_t get_count(struct pack_reader *r, int64_t max)
{
    int64_t n = pack_get_i64(r);
    if (n < 0 || n > max) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

static struct product *unpack_product(struct pack_reader *r)
{
    struct product *p = ARENA_NEW(r->arena, struct product);
    p->id = pack_get_i64(r);
    p->vendor_id = pack_get_i64(r);
    p->category_id = (int32_t)pack_get_i64(r);
    p->brand_id = (int32_t)pack_get_i64(r);
    p->size_id = (int32_t)pack_get_i64(r);
    char **const texts[] = { &p->brand_name,  &p->custom_brand, &p->name,
                             &p->description, &p->condition,    &p->style,
                             &p->parcel_size, &p->size_name,    &p->colors,
                             &p->tags,        &p->status,       &p->currency,
                             &p->created_at,  &p->updated_at,   &p->specifications,
                             &p->dimensions,  &p->weight_kg,    &p->care_instructions };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        *texts[i] = pack_get_str(r);
    p->is_featured = pack_get_i64(r) != 0;
    p->views = pack_get_i64(r);
    p->likes = pack_get_i64(r);
    p->sales = pack_get_i64(r);
    p->review_count = (int32_t)pack_get_i64(r);
    p->price_minor = pack_get_i64(r);
    p->has_discount = pack_get_i64(r) != 0;
    p->discount_price_minor = pack_get_i64(r);
    p->moq = (int32_t)pack_get_i64(r);
    p->case_pack = (int32_t)pack_get_i64(r);
    p->stock = pack_get_i64(r);
    p->rating = pack_get_f64(r);
    p->nimages = get_count(r, 1000);
    p->images = ARENA_ARRAY(r->arena, struct product_image, p->nimages ? p->nimages : 1);
    for (size_t i = 0; i < p->nimages; i++) {
        p->images[i].url = pack_get_str(r);
        p->images[i].thumbnail_url = pack_get_str(r);
    }
    p->nmaterials = get_count(r, 1000);
    p->materials = ARENA_ARRAY(r->arena, struct material, p->nmaterials ? p->nmaterials : 1);
    for (size_t i = 0; i < p->nmaterials; i++) {
        p->materials[i].id = (int32_t)pack_get_i64(r);
        p->materials[i].name = pack_get_str(r);
    }
    p->ntiers = get_count(r, 1000);
    p->tiers = ARENA_ARRAY(r->arena, struct price_tier, p->ntiers ? p->ntiers : 1);
    for (size_t i = 0; i < p->ntiers; i++) {
        p->tiers[i].min_qty = (int32_t)pack_get_i64(r);
        p->tiers[i].unit_price_minor = pack_get_i64(r);
    }
    p->naccount_prices = get_count(r, 10);
    p->account_prices = ARENA_ARRAY(r->arena, struct account_price,
                                    p->naccount_prices ? p->naccount_prices : 1);
    for (size_t i = 0; i < p->naccount_prices; i++) {
        p->account_prices[i].account_type = pack_get_str(r);
        p->account_prices[i].unit_price_minor = pack_get_i64(r);
    }
    if (pack_get_i64(r)) {
        struct vendor *v = ARENA_NEW(r->arena, struct vendor);
        if (vendor_unpack(r, v)) p->vendor = v;
    }
    return r->bad || !p->name ? NULL : p;
}

/* The key of a cached page or product: under PRODUCTS_NS and the versions of the vendors and
 * users' public names namespaces too (read in one round trip), so a change to a vendor profile
 * or its owner's names also retires the pages that embed them. */
static struct str products_key(struct wm_ctx *ctx, const char *what)
{
    uint64_t v[CATALOG_CACHE_NAMESPACES];
    if (!catalog_versions(ctx, v)) return STR_NULL;
    return str_from(arena_printf(
            ctx->arena, "%s:%llu:%llu.%llu|%s", PRODUCTS_NS, (unsigned long long)v[NS_PRODUCTS],
            (unsigned long long)v[NS_VENDORS], (unsigned long long)v[NS_PUBLIC], what));
}

/* ---- product detail -------------------------------------------------------------------- */

/* Readable by the public: active, with a readable vendor. */
static bool is_public(const struct product *p)
{
    return p->vendor && strcmp(p->status, "active") == 0;
}

int catalog_product_get(struct wm_ctx *ctx, int64_t id, struct product **out)
{
    *out = NULL;
    struct str k = products_key(ctx, arena_printf(ctx->arena, "p:%" PRId64, id));
    struct str val;
    struct product *p = NULL;
    if (k.len && cache_get(ctx->cache, ctx->arena, k, &val)) {
        struct pack_reader r;
        pack_reader_init(&r, ctx->arena, val);
        p = unpack_product(&r);
        if (p && (!pack_ok(&r) || p->id != id)) p = NULL;
        if (p) {
            struct category_tree tree = { 0 };
            int rc = catalog_categories(ctx, &tree);
            if (rc != WM_OK) return rc;
            attach_categories(&tree, &p, 1);
        }
    }
    if (!p) {
        struct product **list = NULL;
        size_t n = 0;
        int rc = id > 0 ? catalog_products_load(ctx, &id, 1, &list, &n) : WM_OK;
        if (rc != WM_OK) return rc;
        if (n == 1) {
            p = list[0];
            struct buf b = BUF_INIT(ctx->arena);
            pack_product(&b, p);
            if (k.len) cache_set(ctx->cache, k, b.ptr, b.len, CATALOG_PRODUCT_TTL);
        }
    }
    if (!p || !is_public(p))
        return wm_errorf(ctx, WM_ENOTFOUND, "product '%" PRId64 "' not found", id);
    *out = p;
    return WM_OK;
}

/* ---- lists ----------------------------------------------------------------------------- */

char *catalog_cursor(struct wm_ctx *ctx, int64_t offset)
{
    return arena_printf(ctx->arena, "o%" PRIx64, (uint64_t)offset);
}

bool catalog_cursor_offset(const char *cursor, int64_t *offset)
{
    *offset = 0;
    uint64_t v = 0;
    if (!cursor || cursor[0] != 'o' || !str_hex_to_uint64(str_from(cursor + 1), &v)) return false;
    if (v > (uint64_t)SEARCH_MAX_OFFSET) return false;
    *offset = (int64_t)v;
    return true;
}

/* The canonical text of a window of q, for the page cache key. */
static char *list_key(struct wm_ctx *ctx, const struct search_query *q)
{
    return arena_printf(ctx->arena,
                        "l:t=%s|c=%d:%d:%d|min=%d:%" PRId64 "|max=%d:%" PRId64 "|v=%" PRId64
                        "|cond=%s|st=%d|f=%d|s=%s|o=%d|off=%" PRId64 "|lim=%d|e=%s",
                        q->text ? q->text : "", q->has_category, q->category_lft, q->category_rgt,
                        q->has_min_price, q->min_price_minor, q->has_max_price, q->max_price_minor,
                        q->vendor_id, q->condition ? q->condition : "", q->in_stock, q->featured,
                        q->status ? q->status : "*", (int)q->sort, q->offset, q->limit,
                        ctx->search_engine ? ctx->search_engine : "");
}

/* The page cached under k into out (categories attached); false on a miss or a bad value. */
static bool cached_page(struct wm_ctx *ctx, struct str k, const struct category_tree *tree,
                        struct catalog_page *out)
{
    struct str val;
    if (!cache_get(ctx->cache, ctx->arena, k, &val)) return false;
    struct pack_reader r;
    pack_reader_init(&r, ctx->arena, val);
    size_t n = get_count(&r, SEARCH_MAX_LIMIT);
    bool has_next = pack_get_i64(&r) != 0;
    struct product **items = ARENA_ARRAY(ctx->arena, struct product *, n ? n : 1);
    size_t got = 0;
    while (got < n && !r.bad && (items[got] = unpack_product(&r)))
        got++;
    if (got != n || !pack_ok(&r)) return false;
    attach_categories(tree, items, n);
    out->items = items;
    out->n = n;
    out->has_next = has_next;
    return true;
}

int catalog_list_products(struct wm_ctx *ctx, const struct catalog_list *in,
                          struct catalog_page *out)
{
    memset(out, 0, sizeof(*out));
    int32_t size = in->page_size ? in->page_size : CATALOG_PAGE_DEFAULT;
    if (size < 1 || size > CATALOG_PAGE_MAX)
        return wm_errorf(ctx, WM_EINVAL, "page size must be between 1 and %d", CATALOG_PAGE_MAX);
    int64_t offset = 0;
    if (in->after) {
        if (!catalog_cursor_offset(in->after, &offset))
            return wm_errorf(ctx, WM_EINVAL, "malformed cursor '%.40s'", in->after);
        offset++;
    } else if (in->page_number > 0) {
        offset = (int64_t)(in->page_number - 1) * size;
    } else if (in->page_number < 0) {
        return wm_errorf(ctx, WM_EINVAL, "page number must be 1 or more");
    }
    if (offset > SEARCH_MAX_OFFSET)
        return wm_errorf(ctx, WM_EINVAL, "cannot page beyond %d products", SEARCH_MAX_OFFSET);
    struct search_query q = in->q;
    q.offset = offset;
    q.limit = size;
    out->offset = offset;
    out->has_previous = offset > 0;
    bool public_only = q.status && strcmp(q.status, "active") == 0;
    struct category_tree tree = { 0 };
    int rc = catalog_categories(ctx, &tree);
    if (rc != WM_OK) return rc;

    struct str k = products_key(ctx, list_key(ctx, &q));
    if (k.len && cached_page(ctx, k, &tree, out)) return WM_OK;
    struct search_page page;
    rc = search_find(ctx, &q, &page);
    if (rc != WM_OK) return rc;
    struct product **items = NULL;
    size_t n = 0;
    rc = catalog_products_load(ctx, page.ids, page.n, &items, &n);
    if (rc != WM_OK) return rc;
    out->items = items;
    out->n = 0;
    for (size_t i = 0; i < n; i++)
        if (!public_only || is_public(items[i])) out->items[out->n++] = items[i];
    out->has_next = page.has_more;
    struct buf b = BUF_INIT(ctx->arena);
    pack_i64(&b, (int64_t)out->n);
    pack_i64(&b, out->has_next);
    for (size_t i = 0; i < out->n; i++)
        pack_product(&b, out->items[i]);
    if (k.len) cache_set(ctx->cache, k, b.ptr, b.len, CATALOG_LIST_TTL);
    return WM_OK;
}
