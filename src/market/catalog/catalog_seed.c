/*
 * catalog_seed.c: demo vendors and products (catalog_seed.h). The statements are multi-row
 * INSERTs assembled from the static row shapes below (db_intern keeps one text per batch size);
 * every value is bound. Ids are given explicitly (after the current maximum), so the rows are
 * the same on every run and no auto-increment behaviour is relied on.
 */
#include "market/catalog/catalog_seed.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "market/catalog/catalog.h"
#include "market/catalog/catalog_int.h"
#include "market/stock/stock.h"

/* clang-format off */

/* Primary keys: the next free ids. */
static const char SQL_MAX_USER[]    = "SELECT IFNULL(MAX(id), 0) FROM users";
static const char SQL_MAX_VENDOR[]  = "SELECT IFNULL(MAX(id), 0) FROM vendors";
static const char SQL_MAX_PRODUCT[] = "SELECT IFNULL(MAX(id), 0) FROM products";
static const char SQL_MAX_BRAND[]   = "SELECT IFNULL(MAX(id), 0) FROM brands";
/* The search change log (migration 0015): quiet during the bulk load, then one "read every
 * product again" row for the search server. */
static const char SQL_SEARCH_QUIET[]  = "SET @search_changes_off = 1";
static const char SQL_SEARCH_LOUD[]   = "SET @search_changes_off = NULL";
static const char SQL_SEARCH_RELOAD[] = "INSERT INTO search_changes (product_id) VALUES (0)";
/* Uses uq_users_email_norm. */
static const char SQL_DEMO_VENDOR[] =
    "SELECT id FROM users WHERE email_norm = LOWER(?) AND account_type = 'VENDOR'";
/* Uses uq_vendors_user. */
static const char SQL_HAS_SHOP[] = "SELECT COUNT(*) FROM vendors WHERE user_id = ?";

/* Row shapes of the batch inserts (head, one row's placeholders). The users rows have '!' as
 * password hash: Django's unusable password, which pw_verify() never accepts. */
static const char SQL_USERS_HEAD[] =
    "INSERT INTO users (id, email, email_norm, password_hash, first_name, last_name,"
    " account_type, business_name, email_verified_at, terms_accepted_at) VALUES ";
static const char SQL_USERS_ROW[] = "(?, ?, LOWER(?), '!', ?, ?, 'VENDOR', ?, ?, ?)";
static const char SQL_VENDORS_HEAD[] =
    "INSERT INTO vendors (id, user_id, shop_name, slug, description, logo_url, banner_url,"
    " contact_email, contact_phone, street_address, city, postal_code, country,"
    " min_order_minor, currency, rating, review_count, is_verified, created_at) VALUES ";
static const char SQL_VENDORS_ROW[] =
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GBP', ?, ?, ?, ?)";
static const char SQL_BRANDS_HEAD[] = "INSERT INTO brands (id, name) VALUES ";
static const char SQL_BRANDS_ROW[]  = "(?, ?)";
static const char SQL_PRODUCTS_HEAD[] =
    "INSERT INTO products (id, vendor_id, category_id, brand_id, brand_name, name, description,"
    " `condition`, style, parcel_size, size_id, colors, tags, status, is_featured, views, likes,"
    " sales, rating, review_count, currency, price_minor, discount_price_minor, moq, case_pack,"
    " created_at, updated_at) VALUES ";
static const char SQL_PRODUCTS_ROW[] =
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GBP', ?, ?, ?, ?, ?, ?)";
static const char SQL_IMAGES_HEAD[] =
    "INSERT INTO product_images (product_id, url, thumbnail_url, position) VALUES ";
static const char SQL_IMAGES_ROW[] = "(?, ?, ?, ?)";
static const char SQL_VARIANTS_HEAD[] =
    "INSERT INTO product_variants (product_id, sku, size_id, color, price_minor, stock) VALUES ";
static const char SQL_VARIANTS_ROW[] = "(?, ?, ?, ?, ?, ?)";
static const char SQL_TIERS_HEAD[] =
    "INSERT INTO product_price_tiers (product_id, min_qty, unit_price_minor) VALUES ";
static const char SQL_TIERS_ROW[] = "(?, ?, ?)";
static const char SQL_ACCOUNT_PRICES_HEAD[] =
    "INSERT INTO product_account_prices (product_id, account_type, unit_price_minor) VALUES ";
static const char SQL_ACCOUNT_PRICES_ROW[] = "(?, 'RESELLER', ?)";
static const char SQL_MATERIALS_HEAD[] =
    "INSERT INTO product_materials (product_id, material_id) VALUES ";
static const char SQL_MATERIALS_ROW[] = "(?, ?)";

/* clang-format on */

/* Rows per INSERT (parameters stay well under the protocol's 65535). */
#define BATCH_ROWS 400

/* ---- deterministic choices --------------------------------------------------------------- */

static uint64_t mix(uint64_t x)
{
    x += UINT64_C(0x9E3779B97F4A7C15);
    x = (x ^ (x >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    x = (x ^ (x >> 27)) * UINT64_C(0x94D049BB133111EB);
    return x ^ (x >> 31);
}

/* A number in 0..n-1 for (item, salt). */
static uint64_t pick(int64_t item, uint64_t salt, uint64_t n)
{
    return n ? mix((uint64_t)item * UINT64_C(1000003) + salt) % n : 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const BRANDS[] = {
    "Northwind Apparel", "Harbour & Pine", "Cobalt Works", "Meridian Basics", "Oakridge",
    "Juniper Lane",      "Stonebridge",    "Amberline",    "Bluefield",       "Copperleaf",
    "Driftwood Co",      "Ember & Ash",    "Fernhill",     "Greystone",       "Hollowbrook",
    "Ironside",          "Kestrel",        "Larkspur",     "Marlow Textiles", "Nettlefield",
    "Orchard Row",       "Pembroke",       "Quayside",     "Redwater",        "Saltmarsh",
    "Thornbury",         "Upland Goods",   "Vale & Vine",  "Westerly",        "Yarrow",
    "Brightwell Tech",   "Circuitry",      "Voltline",     "Pixelhaus",       "Soundforge",
    "Homestead",         "Kitchenly",      "Paper & Co",   "Playwright Toys", "Greenhouse",
};

static const char *const ADJECTIVES[] = {
    "Classic",      "Essential", "Everyday",  "Premium",     "Relaxed",
    "Heritage",     "Urban",     "Organic",   "Lightweight", "Heavyweight",
    "Vintage-wash", "Eco",       "Signature", "Studio",      "Weekend",
};

static const char *const COLOURS[] = { "Black", "White", "Navy", "Grey",  "Olive", "Beige",
                                       "Red",   "Blue",  "Pink", "Green", "Brown", "Yellow" };

static const char *const CONDITIONS[] = { "BRAND_NEW_WITH_TAGS", "BRAND_NEW_WITH_TAGS",
                                          "BRAND_NEW_WITH_TAGS", "BRAND_NEW_WITHOUT_TAGS",
                                          "EXCELLENT_CONDITION" };

static const char *const STYLES[] = { "CASUAL",       "WORKWEAR",    "ACTIVEWEAR", "STREETWEAR",
                                      "MINIMALIST",   "FORMAL_WEAR", "LOUNGEWEAR", "VINTAGE",
                                      "ECO_FRIENDLY", "OVERSIZED",   "SLIM_FIT",   "CHIC" };

static const char *const CITIES[][2] = {
    { "London", "E1 6AN" },    { "Manchester", "M1 1AE" }, { "Birmingham", "B1 1AA" },
    { "Leeds", "LS1 4AP" },    { "Glasgow", "G1 1XQ" },    { "Bristol", "BS1 4DJ" },
    { "Liverpool", "L1 8JQ" }, { "Leicester", "LE1 5WW" }, { "Nottingham", "NG1 5FS" },
    { "Cardiff", "CF10 1EP" },
};

static const char *const SHOP_WORDS[][2] = {
    { "Trading", "wholesale clothing for independent shops" },
    { "Wholesale", "bulk basics at trade prices" },
    { "Supply Co", "stock for boutiques and market traders" },
    { "Distribution", "fast-moving lines shipped next day" },
    { "Goods", "seasonal collections by the case" },
};

/* ---- batches ------------------------------------------------------------------------------ */

struct batch {
    struct wm_ctx *ctx;
    const char *head;
    const char *row;
    size_t ncols;
    size_t rows;
    struct db_param *params;
    int rc;
};

static void batch_init(struct batch *b, struct wm_ctx *ctx, const char *head, const char *row,
                       size_t ncols)
{
    memset(b, 0, sizeof(*b));
    b->ctx = ctx;
    b->head = head;
    b->row = row;
    b->ncols = ncols;
    b->params = ARENA_ARRAY(ctx->arena, struct db_param, BATCH_ROWS * ncols);
}

static int batch_flush(struct batch *b)
{
    if (b->rc != WM_OK || b->rows == 0) return b->rc;
    struct buf text = BUF_INIT(b->ctx->arena);
    buf_appends(&text, b->head);
    for (size_t i = 0; i < b->rows; i++) {
        if (i) buf_appendc(&text, ',');
        buf_appends(&text, b->row);
    }
    const char *sql = db_intern(b->ctx, text.ptr);
    b->rc = sql ? db_exec_params(b->ctx, sql, b->params, b->rows * b->ncols)
                : wm_errorf(b->ctx, WM_EINTERNAL, "too many batch shapes");
    b->rows = 0;
    return b->rc;
}

/* The next row's parameter slots (ncols of them), flushing a full batch first. */
static struct db_param *batch_row(struct batch *b)
{
    if (b->rows == BATCH_ROWS) batch_flush(b);
    return &b->params[b->rows++ * b->ncols];
}

static struct db_param L(int64_t v) {
    return (struct db_param){ .type = 'l', .l = v };
}

static struct db_param
F(double v) {
    return (struct db_param){ .type = 'f', .f = v };
}

static struct db_param
S(const char *v) {
    return (struct db_param){ .type = 's', .s = v };
}

static void
set_row(struct db_param *slots, const struct db_param *values, size_t n)
{
    memcpy(slots, values, n * sizeof(*slots));
}

/* "2025-MM-DD HH:MM:SS" for second s of 2025 (clamped to the year). */
static char *date_2025(struct arena *a, int64_t s)
{
    time_t t = (time_t)1735689600 + (time_t)(s % 31536000); /* 2025-01-01T00:00:00Z */
    struct tm tm;
    gmtime_r(&t, &tm);
    return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                        tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* ---- vendors -------------------------------------------------------------------------------- */

static int seed_vendor_row(struct batch *vb, int64_t vendor_id, int64_t user_id, int64_t n,
                           const char *owner_email)
{
    struct arena *a = vb->ctx->arena;
    const char *const *w = SHOP_WORDS[pick(n, 1, COUNT(SHOP_WORDS))];
    const char *const *city = CITIES[pick(n, 2, COUNT(CITIES))];
    const char *stem = BRANDS[pick(n, 3, 30)];
    char *name = arena_printf(a, "%s %s %03" PRId64, stem, w[0], n);
    char *slug = arena_printf(a, "shop-%" PRId64, vendor_id);
    for (char *p = slug; *p; p++)
        if (*p == ' ') *p = '-';
    const struct db_param values[] = {
        L(vendor_id),
        L(user_id),
        S(name),
        S(slug),
        S(arena_printf(a, "%s: %s, from %s.", name, w[1], city[0])),
        S("/static/demo/general.svg"),
        S(NULL),
        S(owner_email),
        S(arena_printf(a, "+44 20 7946 %04" PRIu64, 1000 + pick(n, 4, 8999))),
        S(arena_printf(a, "%" PRIu64 " Commerce Street", 1 + pick(n, 5, 200))),
        S(city[0]),
        S(city[1]),
        S("United Kingdom"),
        L((int64_t)(pick(n, 6, 4) * 5000)), /* 0, 50, 100 or 150 GBP */
        F(3.5 + (double)pick(n, 7, 16) / 10.0),
        L((int64_t)pick(n, 8, 400)),
        L(pick(n, 9, 4) != 0),
        S(date_2025(a, (int64_t)pick(n, 10, UINT64_C(86400) * 60))),
    };
    set_row(batch_row(vb), values, COUNT(values));
    return vb->rc;
}

/* Create the vendor accounts and shops; *vendor_ids gets the shop ids (arena array of *n). */
static int seed_vendors(struct wm_ctx *ctx, const struct catalog_seed_opts *o, int64_t **vendor_ids,
                        size_t *n)
{
    int64_t max_user = 0;
    int64_t max_vendor = 0;
    int rc = db_query_one(ctx, SQL_MAX_USER, "", "l", &max_user);
    if (rc == WM_OK) rc = db_query_one(ctx, SQL_MAX_VENDOR, "", "l", &max_vendor);
    if (rc != WM_OK) return rc;
    *vendor_ids = ARENA_ARRAY(ctx->arena, int64_t, (size_t)o->vendors + 1);
    *n = 0;
    struct batch ub;
    struct batch vb;
    batch_init(&ub, ctx, SQL_USERS_HEAD, SQL_USERS_ROW, 8);
    batch_init(&vb, ctx, SQL_VENDORS_HEAD, SQL_VENDORS_ROW, 18);
    rc = db_begin(ctx);
    int64_t demo_user = 0;
    if (rc == WM_OK && o->demo_vendor_email) {
        rc = db_query_one(ctx, SQL_DEMO_VENDOR, "s", "l", o->demo_vendor_email, &demo_user);
        int64_t shops = 0;
        if (rc == WM_OK) rc = db_query_one(ctx, SQL_HAS_SHOP, "l", "l", demo_user, &shops);
        if (rc == WM_ENOTFOUND || (rc == WM_OK && shops > 0)) {
            rc = WM_OK; /* no such account, or it already has its shop */
            demo_user = 0;
        }
    }
    if (rc == WM_OK && demo_user) {
        (*vendor_ids)[(*n)++] = ++max_vendor;
        rc = seed_vendor_row(&vb, max_vendor, demo_user, 0, o->demo_vendor_email);
    }
    for (int64_t i = 1; rc == WM_OK && i <= o->vendors; i++) {
        int64_t uid = max_user + i;
        int64_t vid = ++max_vendor; /* also numbers the account: unique across runs */
        char *email =
                arena_printf(ctx->arena, "vendor%03" PRId64 "@demo.wholesale-market.test", vid);
        const char *const *city = CITIES[pick(vid, 2, COUNT(CITIES))];
        const struct db_param user[] = {
            L(uid),
            S(email),
            S(email),
            S(ADJECTIVES[pick(vid, 11, COUNT(ADJECTIVES))]),
            S(city[0]),
            S(arena_printf(ctx->arena, "Vendor %03" PRId64, vid)),
            S("2025-01-01 00:00:00"),
            S("2025-01-01 00:00:00"),
        };
        set_row(batch_row(&ub), user, COUNT(user));
        (*vendor_ids)[(*n)++] = vid;
        rc = ub.rc;
        if (rc == WM_OK) rc = seed_vendor_row(&vb, vid, uid, vid, email);
        /* Users must exist before their shops: flush both together. */
        if (rc == WM_OK && vb.rows == BATCH_ROWS) {
            rc = batch_flush(&ub);
            if (rc == WM_OK) rc = batch_flush(&vb);
        }
    }
    if (rc == WM_OK) rc = batch_flush(&ub);
    if (rc == WM_OK) rc = batch_flush(&vb);
    return rc == WM_OK ? db_commit(ctx) : (db_rollback(ctx), rc);
}

/* ---- products -------------------------------------------------------------------------------- */

/* A leaf category with what a product name needs. */
struct leaf {
    int32_t id;
    const char *name;       /* "Skinny" or "T-shirts" */
    const char *type_name;  /* the parent type for a style leaf ("Jeans"), else NULL */
    const char *department; /* "Men", "Electronics" ... */
    const char *image;      /* /static/demo/<department>.svg */
    bool sized;             /* clothing and shoes: S..XL variants */
};

static int load_leaves(struct wm_ctx *ctx, struct leaf **out, size_t *n)
{
    struct category *c = NULL;
    size_t nc = 0;
    int rc = catalog_db_categories(ctx, &c, &nc);
    if (rc != WM_OK) return rc;
    struct category_tree tree = { c, nc };
    *out = ARENA_ARRAY(ctx->arena, struct leaf, nc ? nc : 1);
    *n = 0;
    for (size_t i = 0; i < nc; i++) {
        if (c[i].rgt != c[i].lft + 1) continue; /* has children */
        const struct category *chain[8] = { &c[i] };
        size_t depth = 0;
        for (const struct category *p = &c[i]; p && depth < 8;
             p = p->parent_id ? catalog_category_find(&tree, p->parent_id) : NULL)
            chain[depth++] = p;
        /* chain[depth-1] is the root; chain[depth-2] the department. */
        const struct category *dep = depth >= 2 ? chain[depth - 2] : chain[0];
        struct leaf *l = &(*out)[(*n)++];
        l->id = c[i].id;
        l->name = c[i].name;
        l->type_name = depth >= 5 ? chain[1]->name : NULL;
        l->department = dep->name;
        bool fashion = strcmp(chain[depth - 1]->slug, "fashion") == 0;
        l->sized = fashion && dep->id != 672 && strstr(dep->slug, "beauty") == NULL;
        const char *img = fashion ? dep->slug : chain[depth - 1]->slug;
        l->image = arena_printf(ctx->arena, "/static/demo/%s.svg", img);
    }
    return *n ? WM_OK : wm_errorf(ctx, WM_EINTERNAL, "the category tree is empty (migrate first)");
}

struct product_batches {
    struct batch products;
    struct batch images;
    struct batch variants;
    struct batch tiers;
    struct batch prices;
    struct batch materials;
};

static int flush_all(struct product_batches *pb)
{
    /* Products first: the other rows refer to them. */
    int rc = batch_flush(&pb->products);
    if (rc == WM_OK) rc = batch_flush(&pb->images);
    if (rc == WM_OK) rc = batch_flush(&pb->variants);
    if (rc == WM_OK) rc = batch_flush(&pb->tiers);
    if (rc == WM_OK) rc = batch_flush(&pb->prices);
    if (rc == WM_OK) rc = batch_flush(&pb->materials);
    return rc;
}

static void seed_product(struct wm_ctx *ctx, struct product_batches *pb, int64_t id, int64_t i,
                         int64_t n, const int64_t *vendors, size_t nvendors, int64_t brand0,
                         const struct leaf *leaves, size_t nleaves)
{
    struct arena *a = ctx->arena;
    const struct leaf *l = &leaves[pick(i, 20, nleaves)];
    int64_t brand = brand0 + (int64_t)pick(i, 21, COUNT(BRANDS));
    const char *brand_name = BRANDS[brand - brand0];
    const char *adj = ADJECTIVES[pick(i, 22, COUNT(ADJECTIVES))];
    const char *colour = COLOURS[pick(i, 23, COUNT(COLOURS))];
    const char *colour2 = COLOURS[pick(i, 24, COUNT(COLOURS))];
    char *name = l->type_name ? arena_printf(a, "%s %s %s", adj, l->name, l->type_name)
                              : arena_printf(a, "%s %s", adj, l->name);
    int32_t case_pack = (int32_t[]){ 1, 6, 12, 24 }[pick(i, 25, 4)];
    int32_t moq = case_pack * (int32_t)(1 + pick(i, 26, 4));
    int64_t price = 199 + (int64_t)pick(i, 27, 60) * 50 + (int64_t)pick(i, 28, 100);
    if (!l->sized) price *= 3;
    bool discounted = pick(i, 29, 5) == 0;
    int64_t discount = price * (70 + (int64_t)pick(i, 30, 20)) / 100;
    const char *status = i % 25 == 7 ? "draft" : i % 97 == 13 ? "archived" : "active";
    char *colors = strcmp(colour, colour2) ? arena_printf(a, "%s,%s", colour, colour2)
                                           : arena_printf(a, "%s", colour);
    char *tags = arena_printf(a, "%s,%s,%s,wholesale", l->department, l->name,
                              l->type_name ? l->type_name : adj);
    char *desc = arena_printf(a,
                              "%s from %s in %s. Sold by the case of %d; minimum order %d units. "
                              "Trade prices fall from 12, 48 and 144 units; resellers get their "
                              "own price. Ships from the vendor's UK warehouse.",
                              name, brand_name, colors, case_pack, moq);
    int64_t created = (int64_t)((double)i / (double)n * 31535000.0);
    char *created_at = date_2025(a, created);
    const struct db_param row[] = {
        L(id),
        L(vendors[pick(i, 31, nvendors)]),
        L(l->id),
        L(brand),
        S(brand_name),
        S(name),
        S(desc),
        S(CONDITIONS[pick(i, 32, COUNT(CONDITIONS))]),
        S(l->sized ? STYLES[pick(i, 33, COUNT(STYLES))] : NULL),
        S((const char *[]){ "SMALL", "MEDIUM", "LARGE" }[pick(i, 34, 3)]),
        L(l->sized ? 4 : 9), /* M, or One size */
        S(colors),
        S(tags),
        S(status),
        L(strcmp(status, "active") == 0 && i % 9 == 0),
        L((int64_t)pick(i, 35, 5000)),
        L(0), /* likes: the wishlists that hold it (none are seeded; triggers keep it) */
        L((int64_t)pick(i, 37, 2000)),
        F(3.0 + (double)pick(i, 38, 21) / 10.0),
        L((int64_t)pick(i, 39, 120)),
        L(price),
        discounted ? L(discount) : S(NULL),
        L(moq),
        L(case_pack),
        S(created_at),
        S(created_at),
    };
    set_row(batch_row(&pb->products), row, COUNT(row));
    size_t nimages = 1 + pick(i, 40, 3);
    for (size_t k = 0; k < nimages; k++) {
        const struct db_param im[] = { L(id), S(l->image), S(l->image), L((int64_t)k) };
        set_row(batch_row(&pb->images), im, COUNT(im));
    }
    static const struct {
        int64_t size_id;
        const char *code;
    } sizes[] = { { 3, "S" }, { 4, "M" }, { 5, "L" }, { 6, "XL" } };
    size_t nvariants = l->sized ? COUNT(sizes) : 1;
    for (size_t k = 0; k < nvariants; k++) {
        uint64_t s = pick(i, 41 + k, 10);
        int64_t stock = s < 2 ? 0 : (int64_t)(s * 37 + pick(i, 50 + k, 30)) * case_pack;
        const struct db_param v[] = {
            L(id),
            S(arena_printf(a, "P%06" PRId64 "-%s", id, l->sized ? sizes[k].code : "OS")),
            L(l->sized ? sizes[k].size_id : 9),
            S(colour),
            k == 3 ? L(price + price / 10) : S(NULL), /* XL costs a little more */
            L(stock),
        };
        set_row(batch_row(&pb->variants), v, COUNT(v));
    }
    int64_t base = discounted ? discount : price;
    static const int64_t tier_qty[] = { 12, 48, 144 };
    static const int64_t tier_pct[] = { 95, 90, 85 };
    for (size_t k = 0; k < COUNT(tier_qty); k++) {
        const struct db_param t[] = { L(id), L(tier_qty[k]), L(base * tier_pct[k] / 100) };
        set_row(batch_row(&pb->tiers), t, COUNT(t));
    }
    const struct db_param rp[] = { L(id), L(base * 88 / 100) };
    set_row(batch_row(&pb->prices), rp, COUNT(rp));
    int64_t m1 = 1 + (int64_t)pick(i, 60, 20);
    int64_t m2 = 1 + (int64_t)pick(i, 61, 20);
    const struct db_param mp[] = { L(id), L(m1) };
    set_row(batch_row(&pb->materials), mp, COUNT(mp));
    if (m2 != m1) {
        const struct db_param mp2[] = { L(id), L(m2) };
        set_row(batch_row(&pb->materials), mp2, COUNT(mp2));
    }
}

static int seed_brands(struct wm_ctx *ctx, int64_t *brand0)
{
    int64_t max_brand = 0;
    int rc = db_query_one(ctx, SQL_MAX_BRAND, "", "l", &max_brand);
    if (rc != WM_OK) return rc;
    *brand0 = max_brand + 1;
    struct batch bb;
    batch_init(&bb, ctx, SQL_BRANDS_HEAD, SQL_BRANDS_ROW, 2);
    for (size_t i = 0; i < COUNT(BRANDS); i++) {
        /* A second seed run reuses the names: suffix them with the first id. */
        const char *name =
                max_brand ? arena_printf(ctx->arena, "%s %" PRId64, BRANDS[i], *brand0) : BRANDS[i];
        const struct db_param r[] = { L(*brand0 + (int64_t)i), S(name) };
        set_row(batch_row(&bb), r, COUNT(r));
    }
    return batch_flush(&bb);
}

int catalog_seed(struct wm_ctx *ctx, const struct catalog_seed_opts *o)
{
    if (o->vendors < 1 || o->products < 1)
        return wm_errorf(ctx, WM_EINVAL, "need at least one vendor and one product");
    int64_t *vendors = NULL;
    size_t nvendors = 0;
    struct leaf *leaves = NULL;
    size_t nleaves = 0;
    int64_t brand0 = 0;
    int64_t max_product = 0;
    int rc = seed_vendors(ctx, o, &vendors, &nvendors);
    if (rc == WM_OK) rc = seed_brands(ctx, &brand0);
    if (rc == WM_OK) rc = load_leaves(ctx, &leaves, &nleaves);
    if (rc == WM_OK) rc = db_query_one(ctx, SQL_MAX_PRODUCT, "", "l", &max_product);
    if (rc != WM_OK) return rc;
    struct product_batches pb;
    batch_init(&pb.products, ctx, SQL_PRODUCTS_HEAD, SQL_PRODUCTS_ROW, 26);
    batch_init(&pb.images, ctx, SQL_IMAGES_HEAD, SQL_IMAGES_ROW, 4);
    batch_init(&pb.variants, ctx, SQL_VARIANTS_HEAD, SQL_VARIANTS_ROW, 6);
    batch_init(&pb.tiers, ctx, SQL_TIERS_HEAD, SQL_TIERS_ROW, 3);
    batch_init(&pb.prices, ctx, SQL_ACCOUNT_PRICES_HEAD, SQL_ACCOUNT_PRICES_ROW, 2);
    batch_init(&pb.materials, ctx, SQL_MATERIALS_HEAD, SQL_MATERIALS_ROW, 2);
    /* One transaction per chunk of products: small enough for the undo log, and the child rows
     * of a product go in with it (every batch is flushed at the chunk's end). */
    const int64_t chunk = BATCH_ROWS / 4; /* child rows of a chunk fit one batch each */
    struct arena *keep = ctx->arena;
    struct arena *tmp = arena_new(0); /* a chunk's strings and binds, reset after each */
    rc = db_exec(ctx, SQL_SEARCH_QUIET, "");
    for (int64_t start = 1; rc == WM_OK && start <= o->products; start += chunk) {
        ctx->arena = tmp;
        rc = db_begin(ctx);
        for (int64_t i = start; rc == WM_OK && i < start + chunk && i <= o->products; i++)
            seed_product(ctx, &pb, max_product + i, i, o->products, vendors, nvendors, brand0,
                         leaves, nleaves);
        if (rc == WM_OK) rc = flush_all(&pb);
        int64_t last = start + chunk - 1 < o->products ? start + chunk - 1 : o->products;
        if (rc == WM_OK) /* the stock just written, as opening balances in the ledger */
            rc = stock_open_balances(ctx, max_product + start, max_product + last);
        rc = rc == WM_OK ? db_commit(ctx) : (db_rollback(ctx), rc);
        ctx->arena = keep;
        if (rc != WM_OK) {
            /* Keep the message: it lives in the chunk's arena. */
            ctx->err.message = ctx->err.message ? arena_printf(keep, "%s", ctx->err.message) : NULL;
            break;
        }
        arena_reset(tmp);
        if (start % 50000 == 1 && start > 1)
            (void)fprintf(stderr, "seed: %" PRId64 " products\n", start - 1);
    }
    arena_free(tmp);
    int quiet = db_exec(ctx, SQL_SEARCH_LOUD, "");
    if (rc == WM_OK) rc = quiet;
    if (rc == WM_OK) rc = db_exec(ctx, SQL_SEARCH_RELOAD, "");
    if (rc == WM_OK) catalog_products_changed(ctx);
    return rc;
}
