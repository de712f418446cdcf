/*
 * cart_gql.c: GraphQL adapter of the cart domain (cart_gql.h). Arguments become ids and a
 * quantity; results are struct cart / cart_line / cart_group pointers read through the maps
 * below, the product through the catalog's Product map. Failures the user can fix come back in
 * the payload (shared_gql_payload).
 */
#include "market/cart/cart_gql.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/cart/cart.h"
#include "market/shared/shared_gql.h"

/* Money in minor units as the app's Float. */
static struct gql_value money(int64_t minor)
{
    return gql_float((double)minor / 100.0);
}

/*
 * Whose cart a call acts on: the signed-in viewer's; else, when the web pages put a signed-out
 * browser's anonymous cart token in the context (never on the API), that cart; else the
 * viewer's error (UNAUTHENTICATED, as before the anonymous cart).
 */
static int owner_of(struct gql_call *call, struct cart_owner *o)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    *o = (struct cart_owner){ rc == WM_OK ? v->user_id : 0, NULL };
    if (rc == WM_OK) return WM_OK;
    if ((rc == WM_EUNAUTH || rc == WM_EEXPIRED) && cart_token_valid(call->ctx->cart_token)) {
        wm_clear_error(call->ctx);
        o->token = call->ctx->cart_token;
        return WM_OK;
    }
    return rc;
}

int cart_gql_my_cart(struct gql_call *call, struct gql_value *out)
{
    struct cart_owner o;
    int rc = owner_of(call, &o);
    if (rc != WM_OK) return rc;
    struct cart *c = NULL;
    rc = cart_get(call->ctx, &o, &c);
    if (rc != WM_OK) return rc;
    *out = gql_ptr(c, NULL);
    return WM_OK;
}

int cart_gql_add(struct gql_call *call, struct gql_value *out)
{
    struct cart_owner o;
    int rc = owner_of(call, &o);
    if (rc != WM_OK) return rc;
    int64_t product_id = 0;
    bool has_quantity = false;
    int64_t quantity = 0;
    struct cart_line *line = NULL;
    rc = shared_gql_arg_id(call, "productId", "product", &product_id);
    shared_gql_arg_int(call, "quantity", &has_quantity, &quantity);
    if (rc == WM_OK) rc = cart_add(call->ctx, &o, product_id, has_quantity, quantity, NULL, &line);
    return shared_gql_payload(call, rc, "Added to cart", "cartItem", gql_ptr(line, NULL), out);
}

int cart_gql_update(struct gql_call *call, struct gql_value *out)
{
    struct cart_owner o;
    int rc = owner_of(call, &o);
    if (rc != WM_OK) return rc;
    int64_t item = 0;
    bool has_quantity = false;
    int64_t quantity = 0;
    struct cart_line *line = NULL;
    rc = shared_gql_arg_id(call, "cartItemId", "cart item", &item);
    shared_gql_arg_int(call, "quantity", &has_quantity, &quantity);
    if (rc == WM_OK) rc = cart_update(call->ctx, &o, item, quantity, NULL, &line);
    const char *message = line ? "Cart updated" : "Removed from cart";
    return shared_gql_payload(call, rc, message, "cartItem",
                              line ? gql_ptr(line, NULL) : gql_null(), out);
}

int cart_gql_remove(struct gql_call *call, struct gql_value *out)
{
    struct cart_owner o;
    int rc = owner_of(call, &o);
    if (rc != WM_OK) return rc;
    int64_t item = 0;
    rc = shared_gql_arg_id(call, "cartItemId", "cart item", &item);
    if (rc == WM_OK) rc = cart_remove(call->ctx, &o, item);
    return shared_gql_payload(call, rc, "Removed from cart", NULL, gql_null(), out);
}

/* The app never sends clearCart (CartService loops removeFromCart), and the contract posts it
 * without a token: an anonymous caller has no cart to clear, which is answered in the payload
 * (success false, the viewer's reason) rather than as an UNAUTHENTICATED error. */
int cart_gql_clear(struct gql_call *call, struct gql_value *out)
{
    struct cart_owner o;
    int rc = owner_of(call, &o);
    if (rc == WM_EUNAUTH || rc == WM_EEXPIRED)
        rc = wm_errorf(call->ctx, WM_EINVAL, "%s: sign in to use a cart",
                       wm_client_message(call->ctx, rc));
    struct cart *c = NULL;
    if (rc == WM_OK) rc = cart_clear(call->ctx, &o, &c);
    return shared_gql_payload(call, rc, "Cart cleared", "cart", gql_ptr(c, NULL), out);
}

/* ---- Cart ------------------------------------------------------------------------------ */

static const struct cart *cart_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int cart_total_amount(struct gql_call *call, struct gql_value *out)
{
    *out = money(cart_of(call)->total_minor);
    return WM_OK;
}

static int cart_items(struct gql_call *call, struct gql_value *out)
{
    const struct cart *c = cart_of(call);
    *out = gql_list(call->ctx->arena, c->n);
    for (size_t i = 0; i < c->n; i++)
        out->u.list.items[i] = gql_ptr(&c->lines[i], NULL);
    return WM_OK;
}

static int cart_vendors(struct gql_call *call, struct gql_value *out)
{
    const struct cart *c = cart_of(call);
    *out = gql_list(call->ctx->arena, c->ngroups);
    for (size_t i = 0; i < c->ngroups; i++)
        out->u.list.items[i] = gql_ptr(&c->groups[i], NULL);
    return WM_OK;
}

/* Cart.mergeNotices: the lines of the notice. */
static int cart_merge_notices(struct gql_call *call, struct gql_value *out)
{
    const char *n = cart_of(call)->notice;
    size_t count = 0;
    for (const char *p = n; p && *p; count++) {
        const char *end = strchr(p, '\n');
        p = end ? end + 1 : p + strlen(p);
    }
    *out = gql_list(call->ctx->arena, count);
    size_t i = 0;
    for (const char *p = n; p && *p && i < count; i++) {
        size_t len = strcspn(p, "\n");
        out->u.list.items[i] = gql_string_n((struct str){ p, len });
        p += len + (p[len] == '\n');
    }
    return WM_OK;
}

/* ---- CartItem -------------------------------------------------------------------------- */

static const struct cart_line *line_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int item_product(struct gql_call *call, struct gql_value *out)
{
    const struct cart_line *l = line_of(call);
    *out = l->product ? gql_ptr(l->product, NULL) : gql_null();
    return WM_OK;
}

static int item_total_price(struct gql_call *call, struct gql_value *out)
{
    *out = money(line_of(call)->total_minor);
    return WM_OK;
}

static int item_unit_price(struct gql_call *call, struct gql_value *out)
{
    const struct cart_line *l = line_of(call);
    *out = l->available ? money(l->price.unit_price_minor) : gql_null();
    return WM_OK;
}

static int item_base_price(struct gql_call *call, struct gql_value *out)
{
    const struct cart_line *l = line_of(call);
    *out = l->available ? money(l->base_price_minor) : gql_null();
    return WM_OK;
}

static int item_price_rule(struct gql_call *call, struct gql_value *out)
{
    const struct cart_line *l = line_of(call);
    *out = l->available ? gql_string_n(str_from(cart_price_rule_name(l->price.rule))) : gql_null();
    return WM_OK;
}

static int item_price_reason(struct gql_call *call, struct gql_value *out)
{
    const struct cart_line *l = line_of(call);
    *out = l->available && l->price.reason ? gql_string_n(str_from(l->price.reason)) : gql_null();
    return WM_OK;
}

static int item_vendor(struct gql_call *call, struct gql_value *out)
{
    const struct cart_line *l = line_of(call);
    *out = l->product && l->product->vendor ? gql_ptr(l->product->vendor, NULL) : gql_null();
    return WM_OK;
}

/* ---- CartVendorGroup ------------------------------------------------------------------- */

static const struct cart_group *group_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int group_vendor(struct gql_call *call, struct gql_value *out)
{
    const struct cart_group *g = group_of(call);
    *out = g->vendor ? gql_ptr(g->vendor, NULL) : gql_null();
    return WM_OK;
}

static int group_items(struct gql_call *call, struct gql_value *out)
{
    const struct cart_group *g = group_of(call);
    *out = gql_list(call->ctx->arena, g->n);
    for (size_t i = 0; i < g->n; i++)
        out->u.list.items[i] = gql_ptr(g->lines[i], NULL);
    return WM_OK;
}

static int group_subtotal(struct gql_call *call, struct gql_value *out)
{
    *out = money(group_of(call)->subtotal_minor);
    return WM_OK;
}

static int group_minimum(struct gql_call *call, struct gql_value *out)
{
    *out = money(group_of(call)->min_order_minor);
    return WM_OK;
}

static int group_shortfall(struct gql_call *call, struct gql_value *out)
{
    *out = money(group_of(call)->shortfall_minor);
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map cart_gql_cart_fields[] = {
    GQL_MAP_ID("id",                  struct cart, id),
    GQL_MAP_INT64("totalItems",       struct cart, total_items),
    GQL_MAP_FN("totalAmount",         cart_total_amount),
    GQL_MAP_FN("items",               cart_items),
    GQL_MAP_STR("currency",           struct cart, currency),
    GQL_MAP_FN("vendors",             cart_vendors),
    GQL_MAP_BOOL("canCheckout",       struct cart, can_checkout),
    GQL_MAP_FN("mergeNotices",        cart_merge_notices),
    GQL_MAP_END,
};

const struct gql_field_map cart_gql_item_fields[] = {
    GQL_MAP_ID("id",                  struct cart_line, id),
    GQL_MAP_FN("product",             item_product),
    GQL_MAP_INT("quantity",           struct cart_line, quantity),
    GQL_MAP_FN("totalPrice",          item_total_price),
    GQL_MAP_FN("unitPrice",           item_unit_price),
    GQL_MAP_FN("basePrice",           item_base_price),
    GQL_MAP_STR("currency",           struct cart_line, currency),
    GQL_MAP_FN("priceRule",           item_price_rule),
    GQL_MAP_FN("priceReason",         item_price_reason),
    GQL_MAP_BOOL("available",         struct cart_line, available),
    GQL_MAP_STR("problem",            struct cart_line, problem),
    GQL_MAP_FN("vendor",              item_vendor),
    GQL_MAP_STR("createdAt",          struct cart_line, created_at),
    GQL_MAP_END,
};

const struct gql_field_map cart_gql_group_fields[] = {
    GQL_MAP_FN("vendor",              group_vendor),
    GQL_MAP_FN("items",               group_items),
    GQL_MAP_STR("currency",           struct cart_group, currency),
    GQL_MAP_FN("subtotal",            group_subtotal),
    GQL_MAP_FN("minimumOrderValue",   group_minimum),
    GQL_MAP_BOOL("meetsMinimumOrder", struct cart_group, meets_minimum),
    GQL_MAP_FN("shortfall",           group_shortfall),
    GQL_MAP_STR("message",            struct cart_group, message),
    GQL_MAP_END,
};
/* clang-format on */
