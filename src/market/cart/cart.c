/*
 * cart.c: the rules of the cart domain (cart.h): quantities checked against the minimum order,
 * the case pack and the stock with messages that say what would be accepted; the unit price
 * charged worked out at every read from the catalog (list, sale, account type, price breaks);
 * lines grouped by vendor against the vendor's minimum order value. SQL lives in cart_db.c;
 * products come from the catalog's batch loader (a constant number of statements).
 */
#include "market/cart/cart.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "market/cart/cart_int.h"

const char *cart_price_rule_name(enum cart_price_rule rule)
{
    switch (rule) {
    case CART_PRICE_SALE:
        return "SALE";
    case CART_PRICE_ACCOUNT:
        return "ACCOUNT_TYPE";
    case CART_PRICE_TIER:
        return "QUANTITY_BREAK";
    case CART_PRICE_LIST:
        break;
    }
    return "LIST";
}

/* "GBP 12.50": an amount in minor units with its currency, for messages. */
static char *money_text(struct wm_ctx *ctx, int64_t minor, const char *currency)
{
    int64_t major = minor / 100;
    int64_t cents = minor % 100;
    return arena_printf(ctx->arena, "%s %" PRId64 ".%02" PRId64, currency ? currency : "", major,
                        cents < 0 ? -cents : cents);
}

int64_t cart_min_quantity(const struct cart_terms *t)
{
    int64_t step = t->case_pack > 0 ? t->case_pack : 1;
    int64_t moq = t->moq > 0 ? t->moq : 1;
    return (moq + step - 1) / step * step;
}

void cart_price_of(struct wm_ctx *ctx, const struct cart_terms *t, int64_t quantity,
                   struct cart_price *out)
{
    memset(out, 0, sizeof(*out));
    out->unit_price_minor = t->list_price_minor;
    out->rule = CART_PRICE_LIST;
    if (t->has_sale && t->sale_price_minor < out->unit_price_minor) {
        out->unit_price_minor = t->sale_price_minor;
        out->rule = CART_PRICE_SALE;
    }
    if (t->has_account_price && t->account_price_minor < out->unit_price_minor) {
        out->unit_price_minor = t->account_price_minor;
        out->rule = CART_PRICE_ACCOUNT;
    }
    /* The highest break the quantity reaches (tiers ascend). */
    const struct cart_tier *reached = NULL;
    for (size_t i = 0; i < t->ntiers; i++)
        if (t->tiers[i].min_qty <= quantity) reached = &t->tiers[i];
    if (reached && reached->unit_price_minor < out->unit_price_minor) {
        out->unit_price_minor = reached->unit_price_minor;
        out->rule = CART_PRICE_TIER;
        out->tier_min_qty = reached->min_qty;
    }
    switch (out->rule) {
    case CART_PRICE_TIER:
        out->reason = arena_printf(ctx->arena, "price break: %d or more units at %s each",
                                   (int)out->tier_min_qty,
                                   money_text(ctx, out->unit_price_minor, t->currency));
        break;
    case CART_PRICE_ACCOUNT:
        out->reason = arena_printf(ctx->arena, "%s price", t->account_type);
        break;
    case CART_PRICE_SALE:
        out->reason = arena_strdup(ctx->arena, "sale price");
        break;
    case CART_PRICE_LIST:
        out->reason = arena_strdup(ctx->arena, "list price");
        break;
    }
}

int cart_check_quantity(struct wm_ctx *ctx, const struct cart_terms *t, int64_t quantity)
{
    if (quantity < 1 || quantity > CART_MAX_QUANTITY)
        return wm_errorf(ctx, WM_EINVAL, "quantity must be between 1 and %d", CART_MAX_QUANTITY);
    int64_t step = t->case_pack > 0 ? t->case_pack : 1;
    int64_t least = cart_min_quantity(t);
    int64_t stock = t->stock > 0 ? t->stock : 0;
    int64_t most = stock / step * step; /* the largest whole number of cases in stock */
    if (most > CART_MAX_QUANTITY) most = CART_MAX_QUANTITY / step * step;
    if (most < least) {
        if (stock == 0) return wm_errorf(ctx, WM_EINVAL, "'%s' is out of stock", t->name);
        return wm_errorf(ctx, WM_EINVAL,
                         "only %" PRId64 " units of '%s' are in stock, fewer than its minimum"
                         " order of %" PRId64,
                         stock, t->name, least);
    }
    if (quantity < t->moq) {
        if (step > 1)
            return wm_errorf(ctx, WM_EINVAL,
                             "the minimum order of '%s' is %d units in multiples of %" PRId64
                             ": order at least %" PRId64,
                             t->name, (int)t->moq, step, least);
        return wm_errorf(ctx, WM_EINVAL,
                         "the minimum order of '%s' is %d units: order at least %" PRId64, t->name,
                         (int)t->moq, least);
    }
    if (quantity % step != 0) {
        int64_t lower = quantity / step * step;
        int64_t upper = lower + step;
        bool lower_ok = lower >= least && lower <= most;
        bool upper_ok = upper <= most;
        if (lower_ok && upper_ok)
            return wm_errorf(ctx, WM_EINVAL,
                             "'%s' is sold in multiples of %" PRId64 ": order %" PRId64
                             " or %" PRId64,
                             t->name, step, lower, upper);
        return wm_errorf(ctx, WM_EINVAL, "'%s' is sold in multiples of %" PRId64 ": order %" PRId64,
                         t->name, step, upper_ok ? upper : (lower_ok ? lower : most));
    }
    if (quantity > stock)
        return wm_errorf(ctx, WM_EINVAL,
                         "only %" PRId64 " units of '%s' are in stock: order at most %" PRId64,
                         stock, t->name, most);
    return WM_OK;
}

/* ---- loading and pricing -------------------------------------------------------------- */

/* The pricing facts of a page of products for one buyer. */
struct terms_set {
    const char *account_type;
    struct cart_tier_row *tiers;
    size_t ntiers;
    struct cart_account_price_row *prices;
    size_t nprices;
};

/* "[1,2,3]" for JSON_TABLE. */
static char *ids_json(struct wm_ctx *ctx, const int64_t *ids, size_t n)
{
    struct buf b = BUF_INIT(ctx->arena);
    buf_appendc(&b, '[');
    for (size_t i = 0; i < n; i++)
        buf_appendf(&b, i ? ",%" PRId64 : "%" PRId64, ids[i]);
    buf_appendc(&b, ']');
    return buf_str(&b).ptr ? (char *)buf_str(&b).ptr : arena_strdup(ctx->arena, "[]");
}

/* Load the buyer's account type (an anonymous buyer is a CUSTOMER), the breaks and the
 * account prices of ids (3 statements). */
static int load_terms(struct wm_ctx *ctx, int64_t user_id, const int64_t *ids, size_t n,
                      struct terms_set *ts)
{
    memset(ts, 0, sizeof(*ts));
    char *type = arena_strdup(ctx->arena, "CUSTOMER");
    int rc = user_id > 0 ? cart_db_account_type(ctx, user_id, &type) : WM_OK;
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    if (rc != WM_OK) return rc;
    ts->account_type = type;
    if (n == 0) return WM_OK;
    const char *json = ids_json(ctx, ids, n);
    rc = cart_db_tiers(ctx, json, &ts->tiers, &ts->ntiers);
    if (rc == WM_OK) rc = cart_db_account_prices(ctx, json, type, &ts->prices, &ts->nprices);
    return rc;
}

/* The terms of product p for the buyer of ts. */
static void terms_of(struct wm_ctx *ctx, const struct terms_set *ts, const struct product *p,
                     struct cart_terms *t)
{
    memset(t, 0, sizeof(*t));
    t->name = p->name;
    t->currency = p->currency;
    t->list_price_minor = p->price_minor;
    t->has_sale = p->has_discount;
    t->sale_price_minor = p->discount_price_minor;
    t->account_type = ts->account_type;
    for (size_t i = 0; i < ts->nprices; i++)
        if (ts->prices[i].product_id == p->id) {
            t->has_account_price = true;
            t->account_price_minor = ts->prices[i].unit_price_minor;
        }
    size_t first = 0;
    size_t count = 0;
    for (size_t i = 0; i < ts->ntiers; i++)
        if (ts->tiers[i].product_id == p->id) {
            if (!count) first = i;
            count++;
        }
    struct cart_tier *tiers = ARENA_ARRAY(ctx->arena, struct cart_tier, count ? count : 1);
    for (size_t i = 0; i < count; i++)
        tiers[i] = ts->tiers[first + i].tier; /* rows come grouped by product, by min_qty */
    t->tiers = tiers;
    t->ntiers = count;
    t->moq = p->moq;
    t->case_pack = p->case_pack;
    t->stock = p->stock;
}

/* A buyer may order p: active, and its shop readable. */
static bool is_orderable(const struct product *p)
{
    return p && p->vendor && strcmp(p->status, "active") == 0;
}

/* Price line l (its product set) for the buyer of ts. */
static void price_line(struct wm_ctx *ctx, const struct terms_set *ts, struct cart_line *l)
{
    l->available = is_orderable(l->product);
    if (!l->available) {
        l->problem = arena_printf(ctx->arena,
                                  "product '%" PRId64 "' is no longer available:"
                                  " remove it from your cart",
                                  l->product_id);
        l->currency = l->product ? l->product->currency : NULL;
        return;
    }
    struct cart_terms t;
    terms_of(ctx, ts, l->product, &t);
    l->currency = l->product->currency;
    l->base_price_minor = t.has_sale && t.sale_price_minor < t.list_price_minor
                                  ? t.sale_price_minor
                                  : t.list_price_minor;
    cart_price_of(ctx, &t, l->quantity, &l->price);
    l->total_minor = l->price.unit_price_minor * l->quantity;
    /* Re-check the rules as they are now (stock or terms may have changed since the write). */
    struct wm_error saved = ctx->err;
    if (cart_check_quantity(ctx, &t, l->quantity) != WM_OK) l->problem = ctx->err.message;
    ctx->err = saved;
}

/* Group the lines of c by vendor and check each vendor's minimum order value. */
static void group_lines(struct wm_ctx *ctx, struct cart *c)
{
    c->groups = ARENA_ARRAY(ctx->arena, struct cart_group, c->n ? c->n : 1);
    c->ngroups = 0;
    for (size_t i = 0; i < c->n; i++) {
        struct cart_line *l = &c->lines[i];
        int64_t vendor_id = l->product ? l->product->vendor_id : 0;
        struct cart_group *g = NULL;
        for (size_t k = 0; k < c->ngroups && !g; k++)
            if (c->groups[k].vendor_id == vendor_id) g = &c->groups[k];
        if (!g) {
            g = &c->groups[c->ngroups++];
            memset(g, 0, sizeof(*g));
            g->vendor_id = vendor_id;
            g->vendor = l->product ? l->product->vendor : NULL;
            g->lines = ARENA_ARRAY(ctx->arena, struct cart_line *, c->n);
            g->currency = l->currency;
        }
        g->lines[g->n++] = l;
        if (l->available) g->subtotal_minor += l->total_minor;
    }
    for (size_t k = 0; k < c->ngroups; k++) {
        struct cart_group *g = &c->groups[k];
        g->min_order_minor = g->vendor ? g->vendor->min_order_minor : 0;
        g->meets_minimum = g->subtotal_minor >= g->min_order_minor;
        if (g->meets_minimum) continue;
        g->shortfall_minor = g->min_order_minor - g->subtotal_minor;
        g->message = arena_printf(ctx->arena,
                                  "'%s' has a minimum order of %s: add %s more from this shop",
                                  g->vendor ? g->vendor->shop_name : "this shop",
                                  money_text(ctx, g->min_order_minor, g->currency),
                                  money_text(ctx, g->shortfall_minor, g->currency));
    }
}

/* Price every line of cart_id for user_id into a new cart (constant number of statements). */
static int build(struct wm_ctx *ctx, int64_t user_id, int64_t cart_id, struct cart **out)
{
    *out = NULL;
    struct cart *c = ARENA_NEW(ctx->arena, struct cart);
    c->id = cart_id;
    c->user_id = user_id;
    int rc = cart_db_lines(ctx, cart_id, &c->lines, &c->n);
    if (rc != WM_OK) return rc;
    int64_t *ids = ARENA_ARRAY(ctx->arena, int64_t, c->n ? c->n : 1);
    for (size_t i = 0; i < c->n; i++)
        ids[i] = c->lines[i].product_id;
    struct product **products = NULL;
    size_t nproducts = 0;
    if (c->n) rc = catalog_products_load(ctx, ids, c->n, &products, &nproducts);
    if (rc != WM_OK) return rc;
    struct terms_set ts;
    rc = load_terms(ctx, user_id, ids, c->n, &ts);
    if (rc != WM_OK) return rc;
    c->can_checkout = c->n > 0;
    for (size_t i = 0; i < c->n; i++) {
        struct cart_line *l = &c->lines[i];
        for (size_t k = 0; k < nproducts && !l->product; k++)
            if (products[k]->id == l->product_id) l->product = products[k];
        price_line(ctx, &ts, l);
        if (!c->currency && l->currency) c->currency = l->currency;
        if (l->available) {
            c->total_minor += l->total_minor;
            c->total_items += l->quantity;
        }
        if (l->problem) c->can_checkout = false;
    }
    group_lines(ctx, c);
    for (size_t k = 0; k < c->ngroups; k++)
        if (!c->groups[k].meets_minimum) c->can_checkout = false;
    *out = c;
    return WM_OK;
}

/* The line of c with id line_id, or NULL. */
static struct cart_line *line_in(struct cart *c, int64_t line_id)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->lines[i].id == line_id) return &c->lines[i];
    return NULL;
}

int cart_get(struct wm_ctx *ctx, const struct cart_owner *owner, struct cart **out)
{
    *out = NULL;
    int64_t cart_id = 0;
    char *notice = NULL;
    int rc = cart_db_find(ctx, owner, &cart_id, &notice);
    if (rc == WM_ENOTFOUND && owner->user_id <= 0) {
        wm_clear_error(ctx);
        *out = ARENA_NEW(ctx->arena, struct cart); /* nothing written yet: empty */
        return WM_OK;
    }
    if (rc == WM_ENOTFOUND) rc = cart_db_lock(ctx, owner, &cart_id);
    if (rc == WM_OK && owner->user_id <= 0) rc = cart_db_touch(ctx, cart_id);
    if (rc != WM_OK) return rc;
    rc = build(ctx, owner->user_id, cart_id, out);
    if (rc == WM_OK) (*out)->notice = notice;
    return rc;
}

/* The cart after a write, and the line line_id in it (NULL when 0). */
static int rebuild(struct wm_ctx *ctx, int64_t user_id, int64_t cart_id, int64_t line_id,
                   struct cart **cart_out, struct cart_line **line_out)
{
    struct cart *c = NULL;
    int rc = build(ctx, user_id, cart_id, &c);
    if (rc != WM_OK) return rc;
    if (cart_out) *cart_out = c;
    if (line_out) {
        *line_out = line_id ? line_in(c, line_id) : NULL;
        if (line_id && !*line_out)
            return wm_errorf(ctx, WM_EINTERNAL, "cart item '%" PRId64 "' vanished", line_id);
    }
    return WM_OK;
}

/* Product product_id with its terms for user_id; WM_ENOTFOUND unless a buyer may order it. */
static int orderable_product(struct wm_ctx *ctx, int64_t user_id, int64_t product_id,
                             struct product **p, struct cart_terms *t)
{
    struct product **list = NULL;
    size_t n = 0;
    int rc = catalog_products_load(ctx, &product_id, 1, &list, &n);
    if (rc != WM_OK) return rc;
    if (n != 1 || !is_orderable(list[0])) {
        wm_errorf(ctx, WM_ENOTFOUND, "product '%" PRId64 "' not found", product_id);
        return WM_ENOTFOUND;
    }
    *p = list[0];
    struct terms_set ts;
    rc = load_terms(ctx, user_id, &product_id, 1, &ts);
    if (rc != WM_OK) return rc;
    terms_of(ctx, &ts, *p, t);
    return WM_OK;
}

/* WM_EINVAL when another line of cart_id is in another currency than currency. */
static int check_currency(struct wm_ctx *ctx, int64_t cart_id, int64_t product_id,
                          const char *currency)
{
    char *other = NULL;
    char *name = NULL;
    int rc = cart_db_other_currency(ctx, cart_id, product_id, currency, &other, &name);
    if (rc != WM_OK || !other) return rc;
    return wm_errorf(ctx, WM_EINVAL,
                     "your cart is in %s ('%s') and this product is priced in %s: order it"
                     " separately",
                     other, name, currency);
}

int cart_add(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t product_id,
             bool has_quantity, int64_t quantity, struct cart **cart_out,
             struct cart_line **line_out)
{
    int64_t user_id = owner->user_id;
    if (cart_out) *cart_out = NULL;
    if (line_out) *line_out = NULL;
    if (has_quantity && (quantity < 1 || quantity > CART_MAX_QUANTITY))
        return wm_errorf(ctx, WM_EINVAL, "quantity must be between 1 and %d", CART_MAX_QUANTITY);
    int64_t cart_id = 0;
    int rc = cart_db_lock(ctx, owner, &cart_id);
    if (rc != WM_OK) return rc;
    struct product *p = NULL;
    struct cart_terms t;
    rc = orderable_product(ctx, user_id, product_id, &p, &t);
    if (rc != WM_OK) return rc;
    if (user_id > 0 && p->vendor->user_id == user_id)
        return wm_errorf(ctx, WM_EINVAL, "'%s' is your own product: you cannot order it", p->name);

    struct cart_line existing;
    memset(&existing, 0, sizeof(existing));
    rc = cart_db_line_of_product(ctx, cart_id, product_id, &existing);
    bool have = rc == WM_OK;
    if (rc != WM_OK && rc != WM_ENOTFOUND) return rc;
    if (!has_quantity)
        quantity = have ? (t.case_pack > 0 ? t.case_pack : 1) : cart_min_quantity(&t);
    int64_t total = (have ? existing.quantity : 0) + quantity;
    rc = cart_check_quantity(ctx, &t, total);
    if (rc != WM_OK) return rc;
    rc = check_currency(ctx, cart_id, product_id, p->currency);
    if (rc != WM_OK) return rc;

    int64_t line_id = existing.id;
    if (have) {
        rc = cart_db_set_quantity(ctx, cart_id, line_id, (int32_t)total);
    } else {
        int64_t lines = 0;
        rc = cart_db_count(ctx, cart_id, &lines);
        if (rc != WM_OK) return rc;
        if (lines >= CART_MAX_LINES)
            return wm_errorf(ctx, WM_EINVAL,
                             "a cart holds at most %d products: order or remove some first",
                             CART_MAX_LINES);
        rc = cart_db_insert(ctx, cart_id, product_id, (int32_t)total, &line_id);
    }
    if (rc != WM_OK) return rc;
    return rebuild(ctx, user_id, cart_id, line_id, cart_out, line_out);
}

/* The line item of cart_id: by line id first, then by product id (the app's quirk). */
static int resolve_line(struct wm_ctx *ctx, int64_t cart_id, int64_t item, struct cart_line *out)
{
    memset(out, 0, sizeof(*out));
    int rc = cart_db_line_get(ctx, cart_id, item, out);
    if (rc == WM_ENOTFOUND) rc = cart_db_line_of_product(ctx, cart_id, item, out);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "cart item '%" PRId64 "' not found", item);
    return rc;
}

int cart_update(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t item, int64_t quantity,
                struct cart **cart_out, struct cart_line **line_out)
{
    int64_t user_id = owner->user_id;
    if (cart_out) *cart_out = NULL;
    if (line_out) *line_out = NULL;
    if (quantity < 0 || quantity > CART_MAX_QUANTITY)
        return wm_errorf(ctx, WM_EINVAL, "quantity must be between 0 (remove) and %d",
                         CART_MAX_QUANTITY);
    int64_t cart_id = 0;
    int rc = cart_db_lock(ctx, owner, &cart_id);
    if (rc != WM_OK) return rc;
    struct cart_line line;
    rc = resolve_line(ctx, cart_id, item, &line);
    if (rc != WM_OK) return rc;
    if (quantity == 0) {
        bool deleted = false;
        rc = cart_db_delete(ctx, cart_id, line.id, &deleted);
        if (rc != WM_OK) return rc;
        return rebuild(ctx, user_id, cart_id, 0, cart_out, line_out);
    }
    struct product *p = NULL;
    struct cart_terms t;
    rc = orderable_product(ctx, user_id, line.product_id, &p, &t);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EINVAL,
                         "product '%" PRId64 "' is no longer available: remove it from your cart",
                         line.product_id);
    if (rc != WM_OK) return rc;
    rc = cart_check_quantity(ctx, &t, quantity);
    if (rc != WM_OK) return rc;
    rc = cart_db_set_quantity(ctx, cart_id, line.id, (int32_t)quantity);
    if (rc != WM_OK) return rc;
    return rebuild(ctx, user_id, cart_id, line.id, cart_out, line_out);
}

int cart_remove(struct wm_ctx *ctx, const struct cart_owner *owner, int64_t item)
{
    int64_t cart_id = 0;
    int rc = cart_db_lock(ctx, owner, &cart_id);
    if (rc != WM_OK) return rc;
    struct cart_line line;
    rc = resolve_line(ctx, cart_id, item, &line);
    if (rc != WM_OK) return rc;
    bool deleted = false;
    return cart_db_delete(ctx, cart_id, line.id, &deleted);
}

int cart_clear(struct wm_ctx *ctx, const struct cart_owner *owner, struct cart **out)
{
    *out = NULL;
    int64_t cart_id = 0;
    int rc = cart_db_lock(ctx, owner, &cart_id);
    if (rc == WM_OK) rc = cart_db_clear(ctx, cart_id);
    if (rc != WM_OK) return rc;
    return build(ctx, owner->user_id, cart_id, out);
}

bool cart_token_valid(const char *s)
{
    if (!s) return false;
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) return false;
    return n == CART_TOKEN_HEX;
}

int64_t cart_nearest_quantity(const struct cart_terms *t, int64_t quantity)
{
    int64_t step = t->case_pack > 0 ? t->case_pack : 1;
    int64_t least = cart_min_quantity(t);
    int64_t most = t->stock < CART_MAX_QUANTITY ? t->stock : CART_MAX_QUANTITY;
    most = most / step * step;
    if (most < least) return 0;
    int64_t q = (quantity + step / 2) / step * step; /* the nearest multiple (halves go up) */
    if (q < least) q = least;
    if (q > most) q = most;
    return q;
}

/* Record in r that a line was left out or adjusted, with why (a line of the notice). */
static void note(struct wm_ctx *ctx, struct cart_merge_report *r, int *count, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static void note(struct wm_ctx *ctx, struct cart_merge_report *r, int *count, const char *fmt, ...)
{
    (*count)++;
    va_list ap;
    va_start(ap, fmt);
    struct buf b = BUF_INIT(ctx->arena);
    if (r->notice) buf_appendf(&b, "%s\n", r->notice);
    char line[512];
    (void)vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    buf_appends(&b, line);
    r->notice = b.ptr;
}

/* The rules' message for quantity of t (why it is refused). */
static const char *refusal(struct wm_ctx *ctx, const struct cart_terms *t, int64_t quantity)
{
    struct wm_error saved = ctx->err;
    const char *why = cart_check_quantity(ctx, t, quantity) != WM_OK && ctx->err.message
                              ? ctx->err.message
                              : "";
    ctx->err = saved;
    return why;
}

/* Merge one anonymous line l (its product p, NULL when it cannot be ordered) into cart_id of
 * user_id; counts what happened in r and notes what changed. */
static int merge_line(struct wm_ctx *ctx, int64_t user_id, int64_t cart_id,
                      const struct terms_set *ts, const struct cart_line *l,
                      const struct product *p, struct cart_merge_report *r)
{
    if (!is_orderable(p)) {
        note(ctx, r, &r->dropped, "product '%" PRId64 "' is no longer available: left out",
             l->product_id);
        return WM_OK;
    }
    if (p->vendor->user_id == user_id) {
        note(ctx, r, &r->dropped, "'%s' is your own product: left out", p->name);
        return WM_OK;
    }
    char *other = NULL;
    char *name = NULL;
    int rc = cart_db_other_currency(ctx, cart_id, p->id, p->currency, &other, &name);
    if (rc != WM_OK) return rc;
    if (other) {
        note(ctx, r, &r->dropped, "'%s' is priced in %s and your cart in %s: left out", p->name,
             p->currency, other);
        return WM_OK;
    }
    struct cart_terms t;
    terms_of(ctx, ts, p, &t);
    struct cart_line existing;
    memset(&existing, 0, sizeof(existing));
    rc = cart_db_line_of_product(ctx, cart_id, p->id, &existing);
    bool have = rc == WM_OK;
    if (rc == WM_ENOTFOUND) wm_clear_error(ctx);
    if (rc != WM_OK && rc != WM_ENOTFOUND) return rc;
    int64_t wanted = (have ? existing.quantity : 0) + l->quantity;
    int64_t q = cart_nearest_quantity(&t, wanted);
    if (q == 0) {
        note(ctx, r, &r->dropped, "%s: left out", refusal(ctx, &t, wanted));
        return WM_OK;
    }
    if (!have) {
        int64_t lines = 0;
        rc = cart_db_count(ctx, cart_id, &lines);
        if (rc != WM_OK) return rc;
        if (lines >= CART_MAX_LINES) {
            note(ctx, r, &r->dropped, "a cart holds at most %d products: '%s' left out",
                 CART_MAX_LINES, p->name);
            return WM_OK;
        }
    }
    if (q != wanted)
        note(ctx, r, &r->adjusted, "%s: %" PRId64 " units of '%s' instead of %" PRId64,
             refusal(ctx, &t, wanted), q, p->name, wanted);
    else
        r->moved++;
    if (have) return cart_db_set_quantity(ctx, cart_id, existing.id, (int32_t)q);
    int64_t id = 0;
    return cart_db_insert(ctx, cart_id, p->id, (int32_t)q, &id);
}

/* cart_merge() inside the transaction. */
static int merge(struct wm_ctx *ctx, const char *token, int64_t user_id,
                 struct cart_merge_report *report)
{
    /* The anonymous cart first: without one, the user's cart is not touched. */
    int64_t anon_id = 0;
    int rc = cart_db_lock_anonymous(ctx, token, &anon_id);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx);
        return WM_OK;
    }
    if (rc != WM_OK) return rc;
    struct cart_owner user = { user_id, NULL };
    int64_t cart_id = 0;
    rc = cart_db_lock(ctx, &user, &cart_id);
    if (rc != WM_OK) return rc;
    struct cart_line *lines = NULL;
    size_t n = 0;
    rc = cart_db_lines(ctx, anon_id, &lines, &n);
    if (rc != WM_OK) return rc;
    int64_t *ids = ARENA_ARRAY(ctx->arena, int64_t, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        ids[i] = lines[i].product_id;
    struct product **products = NULL;
    size_t np = 0;
    if (n) rc = catalog_products_load(ctx, ids, n, &products, &np);
    if (rc != WM_OK) return rc;
    struct terms_set ts;
    rc = load_terms(ctx, user_id, ids, n, &ts);
    for (size_t i = 0; rc == WM_OK && i < n; i++) {
        const struct product *p = NULL;
        for (size_t k = 0; k < np && !p; k++)
            if (products[k]->id == lines[i].product_id) p = products[k];
        rc = merge_line(ctx, user_id, cart_id, &ts, &lines[i], p, report);
    }
    if (rc != WM_OK) return rc;
    rc = cart_db_set_notice(ctx, cart_id, report->notice);
    if (rc != WM_OK) return rc;
    return cart_db_delete_cart(ctx, anon_id);
}

int cart_merge(struct wm_ctx *ctx, const char *token, int64_t user_id,
               struct cart_merge_report *report)
{
    memset(report, 0, sizeof(*report));
    if (!cart_token_valid(token) || user_id <= 0) return WM_OK;
    int rc = db_begin(ctx);
    if (rc != WM_OK) return rc;
    rc = merge(ctx, token, user_id, report);
    if (rc != WM_OK) {
        db_rollback(ctx);
        memset(report, 0, sizeof(*report));
        return rc;
    }
    return db_commit(ctx);
}

int cart_gc(struct wm_ctx *ctx, int64_t limit, int64_t *removed)
{
    return cart_db_gc(ctx, limit, removed);
}
