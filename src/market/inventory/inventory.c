/*
 * inventory.c: the rules of the inventory domain (inventory.h): who may see and move stock,
 * the words of the list arguments, and the never-negative movement with its ledger row.
 */
#include "market/inventory/inventory.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/inventory/inventory_int.h"
#include "market/stock/stock.h"
#include "market/vendors/vendors.h"

/* Largest price a product may have, in minor units (10 million in major units). */
#define INVENTORY_PRICE_MAX 1000000000LL
/* Longest note and location name. */
#define INVENTORY_NOTE_MAX     255
#define INVENTORY_LOCATION_MAX 100
/* Longest search text of the list. */
#define INVENTORY_SEARCH_MAX 100

/* Reasons a person may give to adjustStock. */
static bool reason_manual(const char *reason)
{
    return stock_reason_valid(reason) && strcmp(reason, "opening") != 0 &&
           strncmp(reason, "transfer_", 9) != 0;
}

/*
 * The viewer's shop id in *vendor_id (0 for a VENDOR account without an active shop) and the
 * viewer's user id in *user_id. WM_EPERM with graphql_jwt's wording for any other account.
 */
static int own_shop(struct wm_ctx *ctx, int64_t *vendor_id, int64_t *user_id)
{
    *vendor_id = 0;
    const struct viewer *v = NULL;
    int rc = account_require_vendor(ctx, &v);
    if (rc != WM_OK) return rc;
    *user_id = v->user_id;
    struct vendor *shop = NULL;
    rc = vendor_of_user(ctx, v->user_id, &shop);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx); /* a vendor without a shop yet */
        return WM_OK;
    }
    if (rc == WM_OK) *vendor_id = shop->id;
    return rc;
}

/* word lower-cased without '_', '-' and spaces, into out (cap bytes); false when too long. */
static bool fold_word(const char *word, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = word; *p; p++) {
        if (*p == '_' || *p == '-' || *p == ' ') continue;
        if (n + 1 >= cap) return false;
        out[n++] = (char)tolower((unsigned char)*p);
    }
    out[n] = '\0';
    return true;
}

static const char FILTER_WORDS[] =
        "all, active, inactive, archived, low_stock, out_of_stock or in_stock";

static int parse_filter(struct wm_ctx *ctx, const char *word, enum inventory_filter *out)
{
    static const struct {
        const char *word;
        enum inventory_filter f;
    } words[] = {
        { "all", INV_FILTER_ALL },           { "active", INV_FILTER_ACTIVE },
        { "inactive", INV_FILTER_INACTIVE }, { "draft", INV_FILTER_INACTIVE },
        { "archived", INV_FILTER_ARCHIVED }, { "lowstock", INV_FILTER_LOW_STOCK },
        { "low", INV_FILTER_LOW_STOCK },     { "outofstock", INV_FILTER_OUT_OF_STOCK },
        { "instock", INV_FILTER_IN_STOCK },
    };
    *out = INV_FILTER_ALL;
    if (!word || !*word) return WM_OK;
    char folded[32];
    if (fold_word(word, folded, sizeof(folded)))
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
            if (strcmp(folded, words[i].word) == 0) {
                *out = words[i].f;
                return WM_OK;
            }
    return wm_errorf(ctx, WM_EINVAL, "unknown filter '%.40s': use %s", word, FILTER_WORDS);
}

static const char SORT_WORDS[] =
        "name, stock, price, updated, sales or views, each optionally prefixed with '-' or "
        "suffixed with _asc or _desc";

static int parse_sort(struct wm_ctx *ctx, const char *word, enum inventory_sort *sort,
                      bool *descending)
{
    static const struct {
        const char *word;
        enum inventory_sort s;
        bool descending; /* the natural direction */
    } words[] = {
        { "name", INV_SORT_NAME, false },           { "stock", INV_SORT_STOCK, false },
        { "stockquantity", INV_SORT_STOCK, false }, { "quantity", INV_SORT_STOCK, false },
        { "price", INV_SORT_PRICE, false },         { "updated", INV_SORT_UPDATED, true },
        { "lastupdated", INV_SORT_UPDATED, true },  { "updatedat", INV_SORT_UPDATED, true },
        { "sales", INV_SORT_SALES, true },          { "views", INV_SORT_VIEWS, true },
    };
    *sort = INV_SORT_NAME;
    *descending = false;
    if (!word || !*word) return WM_OK;
    const char *w = word;
    int direction = 0; /* -1 descending, 1 ascending, 0 natural */
    if (*w == '-') {
        direction = -1;
        w++;
    }
    char folded[32];
    if (fold_word(w, folded, sizeof(folded))) {
        size_t len = strlen(folded);
        if (!direction && len > 4 && strcmp(folded + len - 4, "desc") == 0) {
            folded[len - 4] = '\0';
            direction = -1;
        } else if (!direction && len > 3 && strcmp(folded + len - 3, "asc") == 0) {
            folded[len - 3] = '\0';
            direction = 1;
        }
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
            if (strcmp(folded, words[i].word) == 0) {
                *sort = words[i].s;
                *descending = direction ? direction < 0 : words[i].descending;
                return WM_OK;
            }
    }
    return wm_errorf(ctx, WM_EINVAL, "unknown sort '%.40s': use %s", word, SORT_WORDS);
}

/* A LIKE pattern that finds text anywhere ('%', '_' and '\' taken literally). */
static char *like_pattern(struct wm_ctx *ctx, const char *text)
{
    struct buf b = BUF_INIT(ctx->arena);
    buf_appendc(&b, '%');
    for (const char *p = text; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\') buf_appendc(&b, '\\');
        buf_appendc(&b, *p);
    }
    buf_appendc(&b, '%');
    return b.ptr;
}

static int page_size(struct wm_ctx *ctx, int32_t first, int32_t *out)
{
    *out = first ? first : INVENTORY_PAGE_DEFAULT;
    if (*out < 1 || *out > INVENTORY_PAGE_MAX)
        return wm_errorf(ctx, WM_EINVAL, "first must be between 1 and %d", INVENTORY_PAGE_MAX);
    return WM_OK;
}

int inventory_items(struct wm_ctx *ctx, const struct inventory_list *in, struct inventory_page *out)
{
    memset(out, 0, sizeof(*out));
    enum inventory_filter filter;
    enum inventory_sort sort;
    bool descending = false;
    int32_t size = 0;
    int64_t offset = 0;
    int rc = parse_filter(ctx, in->filter, &filter);
    if (rc == WM_OK) rc = parse_sort(ctx, in->sort, &sort, &descending);
    if (rc == WM_OK) rc = page_size(ctx, in->first, &size);
    if (rc != WM_OK) return rc;
    if (in->after && *in->after) {
        if (!catalog_cursor_offset(in->after, &offset))
            return wm_errorf(ctx, WM_EINVAL, "malformed cursor '%.40s'", in->after);
        offset++;
    }
    const char *pattern = NULL;
    if (in->search) {
        struct str s = str_trim(str_from(in->search));
        if (s.len > INVENTORY_SEARCH_MAX)
            return wm_errorf(ctx, WM_EINVAL, "search must be at most %d characters",
                             INVENTORY_SEARCH_MAX);
        if (s.len) pattern = like_pattern(ctx, str_dup(ctx->arena, s));
    }
    int64_t vendor_id = 0, user_id = 0;
    rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    out->offset = offset;
    out->has_previous = offset > 0;
    if (!vendor_id) return WM_OK;
    rc = inventory_db_items(ctx, vendor_id, filter, sort, descending, pattern, offset, size + 1,
                            &out->items, &out->n);
    if (rc != WM_OK) return rc;
    if (out->n > (size_t)size) {
        out->has_next = true;
        out->n = (size_t)size;
    }
    return WM_OK;
}

/* vendor_id's item product_id into *out (arena), or "inventory item '<id>' not found". */
static int item_of(struct wm_ctx *ctx, int64_t vendor_id, int64_t product_id,
                   struct inventory_item **out)
{
    struct inventory_item *it = ARENA_NEW(ctx->arena, struct inventory_item);
    int rc = vendor_id ? inventory_db_item(ctx, vendor_id, product_id, it) : WM_ENOTFOUND;
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "inventory item '%" PRId64 "' not found", product_id);
    if (rc != WM_OK) return rc;
    *out = it;
    return WM_OK;
}

int inventory_item_get(struct wm_ctx *ctx, int64_t product_id, struct inventory_item **out)
{
    int64_t vendor_id = 0, user_id = 0;
    int rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    return item_of(ctx, vendor_id, product_id, out);
}

int inventory_item_variants(struct wm_ctx *ctx, int64_t product_id, struct inventory_variant **out,
                            size_t *n)
{
    struct inventory_item *it = NULL;
    int rc = inventory_item_get(ctx, product_id, &it);
    if (rc != WM_OK) return rc;
    return inventory_db_variants(ctx, product_id, out, n);
}

int inventory_adjust(struct wm_ctx *ctx, const struct stock_move *m, int32_t *quantity_after,
                     int64_t *product_id)
{
    int64_t vendor_id = 0, user_id = 0;
    int rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    if (!reason_manual(m->reason))
        return wm_errorf(ctx, WM_EINVAL,
                         "reason must be received, count, sale, return, damaged, lost or "
                         "correction (transfers use transferStock)");
    if (!vendor_id)
        return wm_errorf(ctx, WM_ENOTFOUND, "variant '%" PRId64 "' not found", m->variant_id);
    struct stock_move mine = *m;
    mine.actor_id = user_id;
    struct stock_moved moved;
    rc = stock_move(ctx, &mine, vendor_id, &moved);
    if (rc != WM_OK) return rc;
    catalog_products_changed(ctx);
    if (quantity_after) *quantity_after = moved.quantity_after;
    if (product_id) *product_id = moved.product_id;
    return WM_OK;
}

int inventory_transfer(struct wm_ctx *ctx, int64_t variant_id, int64_t from_location,
                       int64_t to_location, int32_t qty, const char *note, int64_t *product_id)
{
    int64_t vendor_id = 0, user_id = 0;
    int rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    if (qty < 1 || qty > STOCK_QTY_MAX)
        return wm_errorf(ctx, WM_EINVAL, "quantity must be between 1 and %d", STOCK_QTY_MAX);
    if (from_location == to_location)
        return wm_errorf(ctx, WM_EINVAL, "the two locations must differ");
    if (!vendor_id)
        return wm_errorf(ctx, WM_ENOTFOUND, "variant '%" PRId64 "' not found", variant_id);
    struct stock_move out = { .variant_id = variant_id,
                              .location_id = from_location,
                              .delta = -qty,
                              .reason = "transfer_out",
                              .note = note,
                              .actor_id = user_id };
    struct stock_move in = out;
    in.location_id = to_location;
    in.delta = qty;
    in.reason = "transfer_in";
    struct stock_moved moved;
    rc = stock_move(ctx, &out, vendor_id, &moved);
    if (rc == WM_OK) rc = stock_move(ctx, &in, vendor_id, &moved);
    if (rc != WM_OK) return rc;
    catalog_products_changed(ctx);
    if (product_id) *product_id = moved.product_id;
    return WM_OK;
}

/* Validate the fields of in that need no database. */
static int check_update(struct wm_ctx *ctx, const struct inventory_item_update *in)
{
    if (in->has_stock && (in->stock < 0 || in->stock > STOCK_QTY_MAX))
        return wm_errorf(ctx, WM_EINVAL, "stockQuantity must be between 0 and %d", STOCK_QTY_MAX);
    if (in->has_threshold && (in->threshold < 0 || in->threshold > STOCK_QTY_MAX))
        return wm_errorf(ctx, WM_EINVAL, "lowStockThreshold must be between 0 and %d",
                         STOCK_QTY_MAX);
    if (in->has_price && (in->price_minor < 0 || in->price_minor > INVENTORY_PRICE_MAX))
        return wm_errorf(ctx, WM_EINVAL, "price must be between 0 and %lld",
                         INVENTORY_PRICE_MAX / 100);
    if (in->note && strlen(in->note) > INVENTORY_NOTE_MAX)
        return wm_errorf(ctx, WM_EINVAL, "note must be at most %d characters", INVENTORY_NOTE_MAX);
    return WM_OK;
}

/* Set the one variant of product_id to stock units in total, at the default location. */
static int set_item_stock(struct wm_ctx *ctx, int64_t vendor_id, int64_t user_id,
                          int64_t product_id, const struct inventory_item_update *in)
{
    int64_t ids[2];
    size_t n = 0;
    int rc = inventory_db_variant_ids(ctx, product_id, ids, 2, &n);
    if (rc != WM_OK) return rc;
    if (n == 0) return wm_errorf(ctx, WM_EINVAL, "this item has no variant to hold stock");
    if (n > 1)
        return wm_errorf(ctx, WM_EINVAL,
                         "this item has %zu variants: set each one's stock with adjustStock", n);
    return stock_set_total(ctx, ids[0], in->stock, in->note, user_id, vendor_id);
}

int inventory_item_update(struct wm_ctx *ctx, int64_t product_id,
                          const struct inventory_item_update *in, struct inventory_item **out)
{
    int rc = check_update(ctx, in);
    if (rc != WM_OK) return rc;
    int64_t vendor_id = 0, user_id = 0;
    rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    char *status = NULL;
    int64_t price = 0, discount = 0;
    bool has_discount = false;
    rc = vendor_id ? inventory_db_product_lock(ctx, vendor_id, product_id, &status, &price,
                                               &has_discount, &discount)
                   : WM_ENOTFOUND;
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "inventory item '%" PRId64 "' not found", product_id);
    if (rc != WM_OK) return rc;
    if (in->has_price && has_discount && discount >= in->price_minor)
        return wm_errorf(ctx, WM_EINVAL,
                         "price must be above the discount price %" PRId64 ".%02d: change or "
                         "remove the discount first",
                         discount / 100, (int)(discount % 100));
    if (in->has_active && in->active && strcmp(status, "active") != 0) {
        rc = account_require_verified(ctx, "sell");
        if (rc != WM_OK) return rc;
    }
    if (in->has_stock) rc = set_item_stock(ctx, vendor_id, user_id, product_id, in);
    if (rc == WM_OK && in->has_price && in->price_minor != price)
        rc = inventory_db_set_price(ctx, product_id, in->price_minor);
    if (rc == WM_OK && in->has_active) {
        const char *next = in->active ? "active" : strcmp(status, "active") == 0 ? "draft" : status;
        if (strcmp(next, status) != 0) rc = inventory_db_set_status(ctx, product_id, next);
    }
    if (rc == WM_OK && in->has_threshold)
        rc = inventory_db_set_threshold(ctx, product_id, in->threshold);
    if (rc != WM_OK) return rc;
    catalog_products_changed(ctx);
    return item_of(ctx, vendor_id, product_id, out);
}

int inventory_locations(struct wm_ctx *ctx, struct inventory_location **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int64_t vendor_id = 0, user_id = 0, default_id = 0;
    int rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK || !vendor_id) return rc;
    rc = stock_default_location(ctx, vendor_id, &default_id);
    if (rc != WM_OK) return rc;
    return inventory_db_locations(ctx, vendor_id, out, n);
}

int inventory_location_create(struct wm_ctx *ctx, const char *name, struct inventory_location **out)
{
    struct str s = str_trim(str_from(name ? name : ""));
    if (s.len == 0 || s.len > INVENTORY_LOCATION_MAX)
        return wm_errorf(ctx, WM_EINVAL, "name must be 1 to %d characters", INVENTORY_LOCATION_MAX);
    const char *clean = str_dup(ctx->arena, s);
    int64_t vendor_id = 0, user_id = 0;
    int rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    if (!vendor_id)
        return wm_errorf(ctx, WM_EINVAL,
                         "set up your shop (updateShopSettings) before adding "
                         "locations");
    struct inventory_location *all = NULL;
    size_t n = 0;
    rc = inventory_locations(ctx, &all, &n);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(all[i].name, clean) == 0)
            return wm_errorf(ctx, WM_ECONFLICT, "a location named '%s' already exists", clean);
    int64_t id = 0;
    rc = inventory_db_location_insert(ctx, vendor_id, clean, &id);
    if (rc != WM_OK) return rc;
    rc = inventory_db_locations(ctx, vendor_id, &all, &n);
    if (rc != WM_OK) return rc;
    for (size_t i = 0; i < n; i++)
        if (all[i].id == id) {
            *out = &all[i];
            return WM_OK;
        }
    return wm_errorf(ctx, WM_EINTERNAL, "the new location vanished");
}

char *inventory_ledger_cursor(struct wm_ctx *ctx, int64_t entry_id)
{
    return arena_printf(ctx->arena, "e%" PRIx64, (uint64_t)entry_id);
}

/* The entry id of a ledger cursor; false when malformed. */
static bool ledger_cursor_id(const char *cursor, int64_t *id)
{
    *id = 0;
    uint64_t v = 0;
    if (!cursor || cursor[0] != 'e' || !str_hex_to_uint64(str_from(cursor + 1), &v)) return false;
    if (v == 0 || v > (uint64_t)INT64_MAX) return false;
    *id = (int64_t)v;
    return true;
}

int inventory_ledger(struct wm_ctx *ctx, int64_t product_id, int32_t first, const char *after,
                     struct inventory_ledger_page *out)
{
    memset(out, 0, sizeof(*out));
    int32_t size = 0;
    int64_t before = INT64_MAX;
    int rc = page_size(ctx, first, &size);
    if (rc != WM_OK) return rc;
    if (after && *after) {
        if (!ledger_cursor_id(after, &before))
            return wm_errorf(ctx, WM_EINVAL, "malformed cursor '%.40s'", after);
        out->has_previous = true;
    }
    int64_t vendor_id = 0, user_id = 0;
    rc = own_shop(ctx, &vendor_id, &user_id);
    if (rc != WM_OK) return rc;
    if (product_id > 0) {
        struct inventory_item *it = NULL;
        rc = item_of(ctx, vendor_id, product_id, &it);
        if (rc != WM_OK) return rc;
    }
    if (!vendor_id) return WM_OK;
    rc = inventory_db_ledger(ctx, vendor_id, product_id, before, size + 1, &out->items, &out->n);
    if (rc != WM_OK) return rc;
    if (out->n > (size_t)size) {
        out->has_next = true;
        out->n = (size_t)size;
    }
    return WM_OK;
}
