/*
 * inventory_gql.c: GraphQL adapter of the inventory domain (inventory_gql.h).
 */
#include "market/inventory/inventory_gql.h"

#include <limits.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/catalog/catalog.h"
#include "market/inventory/inventory.h"
#include "market/shared/shared_gql.h"

/* An Int argument that must fit an int32 (GraphQL Ints do): *has false when null or absent. */
static void arg_int32(const struct gql_call *call, const char *name, bool *has, int32_t *out)
{
    int64_t v = 0;
    shared_gql_arg_int(call, name, has, &v);
    *out = v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v;
}

int inventory_gql_items(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct inventory_list in = { 0 };
    bool has_first = false;
    arg_int32(call, "first", &has_first, &in.first);
    if (has_first && in.first == 0) in.first = -1; /* first: 0 is out of range, not "default" */
    int rc = shared_gql_arg_text(call, "after", NULL, &in.after);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "filter", NULL, &in.filter);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "sortBy", NULL, &in.sort);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "search", NULL, &in.search);
    struct inventory_page page;
    if (rc == WM_OK) rc = inventory_items(ctx, &in, &page);
    if (rc != WM_OK) return rc;
    struct gql_value edges = gql_list(ctx->arena, page.n);
    for (size_t i = 0; i < page.n; i++)
        edges.u.list.items[i] =
                shared_gql_edge(ctx, catalog_cursor(ctx, page.offset + (int64_t)i), &page.items[i]);
    const char *start = page.n ? catalog_cursor(ctx, page.offset) : NULL;
    const char *end = page.n ? catalog_cursor(ctx, page.offset + (int64_t)page.n - 1) : NULL;
    *out = gql_object(ctx->arena, 2);
    gql_object_set(ctx->arena, out, "edges", edges);
    gql_object_set(ctx->arena, out, "pageInfo",
                   shared_gql_page_info(ctx, page.has_next, page.has_previous, start, end));
    return WM_OK;
}

int inventory_gql_item(struct gql_call *call, struct gql_value *out)
{
    int64_t id = 0;
    struct inventory_item *item = NULL;
    int rc = shared_gql_arg_id(call, "id", "inventory item", &id);
    if (rc == WM_OK) rc = inventory_item_get(call->ctx, id, &item);
    if (rc != WM_OK) return rc;
    *out = gql_ptr(item, NULL);
    return WM_OK;
}

int inventory_gql_locations(struct gql_call *call, struct gql_value *out)
{
    struct inventory_location *ls = NULL;
    size_t n = 0;
    int rc = inventory_locations(call->ctx, &ls, &n);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_ptr(&ls[i], NULL);
    return WM_OK;
}

int inventory_gql_ledger(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    int64_t item = 0;
    int32_t first = 0;
    bool has = false;
    const char *after = NULL;
    int rc = WM_OK;
    if (gql_arg(call, "itemId") && gql_arg(call, "itemId")->kind != GQL_V_NULL)
        rc = shared_gql_arg_id(call, "itemId", "inventory item", &item);
    arg_int32(call, "first", &has, &first);
    if (has && first == 0) first = -1;
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "after", NULL, &after);
    struct inventory_ledger_page page;
    if (rc == WM_OK) rc = inventory_ledger(ctx, item, first, after, &page);
    if (rc != WM_OK) return rc;
    struct gql_value edges = gql_list(ctx->arena, page.n);
    for (size_t i = 0; i < page.n; i++)
        edges.u.list.items[i] = shared_gql_edge(ctx, inventory_ledger_cursor(ctx, page.items[i].id),
                                                &page.items[i]);
    const char *start = page.n ? inventory_ledger_cursor(ctx, page.items[0].id) : NULL;
    const char *end = page.n ? inventory_ledger_cursor(ctx, page.items[page.n - 1].id) : NULL;
    *out = gql_object(ctx->arena, 2);
    gql_object_set(ctx->arena, out, "edges", edges);
    gql_object_set(ctx->arena, out, "pageInfo",
                   shared_gql_page_info(ctx, page.has_next, page.has_previous, start, end));
    return WM_OK;
}

/* The payload of a change to item product_id: the item as it is now. */
static int item_payload(struct gql_call *call, int rc, int64_t product_id, const char *ok,
                        struct gql_value *out)
{
    struct inventory_item *item = NULL;
    if (rc == WM_OK) rc = inventory_item_get(call->ctx, product_id, &item);
    return shared_gql_payload(call, rc, ok, "item", gql_ptr(item, NULL), out);
}

int inventory_gql_update_item(struct gql_call *call, struct gql_value *out)
{
    int64_t id = 0;
    struct inventory_item_update in = { 0 };
    struct inventory_item *item = NULL;
    int rc = shared_gql_arg_id(call, "itemId", "inventory item", &id);
    shared_gql_arg_int(call, "stockQuantity", &in.has_stock, &in.stock);
    shared_gql_arg_int(call, "lowStockThreshold", &in.has_threshold, &in.threshold);
    shared_gql_arg_bool(call, "isActive", &in.has_active, &in.active);
    if (rc == WM_OK) rc = shared_gql_arg_money(call, NULL, "price", &in.has_price, &in.price_minor);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "note", NULL, &in.note);
    if (rc == WM_OK) rc = inventory_item_update(call->ctx, id, &in, &item);
    return shared_gql_payload(call, rc, "Inventory item updated", "item", gql_ptr(item, NULL), out);
}

int inventory_gql_adjust_stock(struct gql_call *call, struct gql_value *out)
{
    struct stock_move m = { 0 };
    bool has = false;
    int64_t product_id = 0;
    int rc = shared_gql_arg_id(call, "variantId", "variant", &m.variant_id);
    arg_int32(call, "change", &has, &m.delta);
    if (rc == WM_OK && gql_arg(call, "locationId") &&
        gql_arg(call, "locationId")->kind != GQL_V_NULL)
        rc = shared_gql_arg_id(call, "locationId", "location", &m.location_id);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "reason", "", &m.reason);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "note", NULL, &m.note);
    if (rc == WM_OK) rc = inventory_adjust(call->ctx, &m, NULL, &product_id);
    return item_payload(call, rc, product_id, "Stock updated", out);
}

int inventory_gql_transfer_stock(struct gql_call *call, struct gql_value *out)
{
    int64_t variant = 0, from = 0, to = 0, product_id = 0;
    int32_t qty = 0;
    bool has = false;
    const char *note = NULL;
    int rc = shared_gql_arg_id(call, "variantId", "variant", &variant);
    if (rc == WM_OK) rc = shared_gql_arg_id(call, "fromLocationId", "location", &from);
    if (rc == WM_OK) rc = shared_gql_arg_id(call, "toLocationId", "location", &to);
    arg_int32(call, "quantity", &has, &qty);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "note", NULL, &note);
    if (rc == WM_OK) rc = inventory_transfer(call->ctx, variant, from, to, qty, note, &product_id);
    return item_payload(call, rc, product_id, "Stock moved", out);
}

int inventory_gql_create_location(struct gql_call *call, struct gql_value *out)
{
    const char *name = NULL;
    struct inventory_location *loc = NULL;
    int rc = shared_gql_arg_text(call, "name", "", &name);
    if (rc == WM_OK) rc = inventory_location_create(call->ctx, name, &loc);
    return shared_gql_payload(call, rc, "Location added", "location", gql_ptr(loc, NULL), out);
}

/* ---- types -------------------------------------------------------------------------------- */

static const struct inventory_item *item_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int item_price(struct gql_call *call, struct gql_value *out)
{
    *out = gql_float((double)item_of(call)->price_minor / 100.0);
    return WM_OK;
}

static int item_is_low(struct gql_call *call, struct gql_value *out)
{
    const struct inventory_item *it = item_of(call);
    *out = gql_bool(it->stock > 0 && it->stock <= it->low_stock_threshold);
    return WM_OK;
}

static int item_is_active(struct gql_call *call, struct gql_value *out)
{
    *out = gql_bool(strcmp(item_of(call)->status, "active") == 0);
    return WM_OK;
}

static int item_variants(struct gql_call *call, struct gql_value *out)
{
    struct inventory_variant *vs = NULL;
    size_t n = 0;
    int rc = inventory_item_variants(call->ctx, item_of(call)->id, &vs, &n);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_ptr(&vs[i], NULL);
    return WM_OK;
}

static int variant_price(struct gql_call *call, struct gql_value *out)
{
    const struct inventory_variant *v = call->source->u.ptr;
    *out = v->has_price ? gql_float((double)v->price_minor / 100.0) : gql_null();
    return WM_OK;
}

static int variant_levels(struct gql_call *call, struct gql_value *out)
{
    const struct inventory_variant *v = call->source->u.ptr;
    *out = gql_list(call->ctx->arena, v->nlevels);
    for (size_t i = 0; i < v->nlevels; i++)
        out->u.list.items[i] = gql_ptr(&v->levels[i], NULL);
    return WM_OK;
}

static int entry_order(struct gql_call *call, struct gql_value *out)
{
    const struct inventory_entry *e = call->source->u.ptr;
    *out = e->order_id ? gql_string(call->ctx->arena,
                                    arena_printf(call->ctx->arena, "%lld", (long long)e->order_id))
                       : gql_null();
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map inventory_gql_item_fields[] = {
    GQL_MAP_ID("id",                 struct inventory_item, id),
    GQL_MAP_STR("name",              struct inventory_item, name),
    GQL_MAP_STR("category",          struct inventory_item, category),
    GQL_MAP_FN("price",              item_price),
    GQL_MAP_STR("currency",          struct inventory_item, currency),
    GQL_MAP_INT("stockQuantity",     struct inventory_item, stock),
    GQL_MAP_INT("lowStockThreshold", struct inventory_item, low_stock_threshold),
    GQL_MAP_FN("isLowStock",         item_is_low),
    GQL_MAP_STR("imageUrl",          struct inventory_item, image_url),
    GQL_MAP_STR("lastUpdated",       struct inventory_item, last_updated),
    GQL_MAP_FN("isActive",           item_is_active),
    GQL_MAP_STR("status",            struct inventory_item, status),
    GQL_MAP_INT64("sales",           struct inventory_item, sales),
    GQL_MAP_INT64("views",           struct inventory_item, views),
    GQL_MAP_FN("variants",           item_variants),
    GQL_MAP_END,
};

const struct gql_field_map inventory_gql_variant_fields[] = {
    GQL_MAP_ID("id",                 struct inventory_variant, id),
    GQL_MAP_STR("sku",               struct inventory_variant, sku),
    GQL_MAP_STR("size",              struct inventory_variant, size_name),
    GQL_MAP_STR("color",             struct inventory_variant, color),
    GQL_MAP_FN("price",              variant_price),
    GQL_MAP_INT("stockQuantity",     struct inventory_variant, stock),
    GQL_MAP_FN("levels",             variant_levels),
    GQL_MAP_END,
};

const struct gql_field_map inventory_gql_level_fields[] = {
    GQL_MAP_ID("locationId",         struct inventory_level, location_id),
    GQL_MAP_STR("locationName",      struct inventory_level, location_name),
    GQL_MAP_INT("quantity",          struct inventory_level, quantity),
    GQL_MAP_END,
};

const struct gql_field_map inventory_gql_location_fields[] = {
    GQL_MAP_ID("id",                 struct inventory_location, id),
    GQL_MAP_STR("name",              struct inventory_location, name),
    GQL_MAP_BOOL("isDefault",        struct inventory_location, is_default),
    GQL_MAP_STR("createdAt",         struct inventory_location, created_at),
    GQL_MAP_END,
};

const struct gql_field_map inventory_gql_entry_fields[] = {
    GQL_MAP_ID("id",                 struct inventory_entry, id),
    GQL_MAP_ID("itemId",             struct inventory_entry, product_id),
    GQL_MAP_ID("variantId",          struct inventory_entry, variant_id),
    GQL_MAP_STR("sku",               struct inventory_entry, sku),
    GQL_MAP_ID("locationId",         struct inventory_entry, location_id),
    GQL_MAP_STR("locationName",      struct inventory_entry, location_name),
    GQL_MAP_INT("change",            struct inventory_entry, delta),
    GQL_MAP_INT("quantityAfter",     struct inventory_entry, quantity_after),
    GQL_MAP_STR("reason",            struct inventory_entry, reason),
    GQL_MAP_STR("note",              struct inventory_entry, note),
    GQL_MAP_STR("actorName",         struct inventory_entry, actor_name),
    GQL_MAP_FN("orderId",            entry_order),
    GQL_MAP_STR("createdAt",         struct inventory_entry, created_at),
    GQL_MAP_END,
};
/* clang-format on */
