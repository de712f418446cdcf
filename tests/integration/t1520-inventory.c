/*
 * t1520-inventory.c: the vendor's inventory through HTTP, as the demo vendor of the stack's
 * seed: the app's InventoryItems and UpdateInventoryItem documents, filters, sorts, search and
 * cursor paging; stock movements with their ledger rows (actor, reason, quantity after),
 * never below zero; locations and transfers; the catalog showing a change on the next read;
 * and who may do what (a buyer is FORBIDDEN with graphql_jwt's wording, another shop's item is
 * not found, nobody signed in is UNAUTHENTICATED).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>

#include "lib/it.h"

/* The app's documents (contract InventoryItems and UpdateInventoryItem), as sent. */
#define INVENTORY_ITEMS                                                                          \
    "query InventoryItems($first: Int, $after: String, $filter: String, $sortBy: String) { "     \
    "__typename inventoryItems(first: $first, after: $after, filter: $filter, sortBy: $sortBy) " \
    "{ __typename edges { __typename node { __typename id name category price stockQuantity "    \
    "lowStockThreshold imageUrl lastUpdated isActive sales views } } pageInfo { __typename "     \
    "hasNextPage hasPreviousPage startCursor endCursor } } }"
#define UPDATE_ITEM                                                                             \
    "mutation UpdateInventoryItem($itemId: ID!, $stockQuantity: Int, $lowStockThreshold: Int, " \
    "$price: Float, $isActive: Boolean) { __typename updateInventoryItem(itemId: $itemId, "     \
    "stockQuantity: $stockQuantity, lowStockThreshold: $lowStockThreshold, price: $price, "     \
    "isActive: $isActive) { __typename item { __typename id name stockQuantity "                \
    "lowStockThreshold price isActive lastUpdated } success message } }"
#define ITEM_DETAIL                                                                        \
    "query($s: String) { inventoryItems(first: 100, search: $s) { edges { node { id name " \
    "stockQuantity isLowStock status variants { id sku stockQuantity levels { locationId " \
    "locationName quantity } } } } } }"
#define ADJUST                                                                               \
    "mutation($v: ID!, $c: Int!, $r: String!, $l: ID, $n: String) { adjustStock(variantId: " \
    "$v, change: $c, reason: $r, locationId: $l, note: $n) { success message item { id "     \
    "stockQuantity variants { id stockQuantity levels { locationId quantity } } } } }"
#define LEDGER                                                                                  \
    "query($i: ID, $f: Int, $a: String) { inventoryLedger(itemId: $i, first: $f, after: $a) { " \
    "edges { cursor node { id itemId variantId sku locationName change quantityAfter reason "   \
    "note actorName createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } }"

/* An active item of the demo vendor with nvariants variants: exactly 1, or at least 2 (when 2
 * is asked) with 5 or more units in the first: its ids, SKU and stock. */
struct pick {
    char id[32];
    char variant[32];
    char sku[64];
    int stock;
    int variant_stock;
};

static bool pick_item(const char *token, int nvariants, struct pick *p)
{
    struct json_object *r = it_gql_as(ITEM_DETAIL, "{}", token);
    CU_ASSERT_FALSE(it_has_errors(r));
    struct json_object *edges = it_at(r, "inventoryItems.edges");
    bool found = false;
    for (size_t i = 0; !found && edges && i < json_object_array_length(edges); i++) {
        char path[96];
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.variants", i);
        size_t nv = json_object_array_length(it_at(r, path));
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.variants.0.stockQuantity", i);
        int vstock = json_object_get_int(it_at(r, path));
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.status", i);
        bool active = strcmp(it_text_at(r, path), "active") == 0;
        if (!active || (nvariants == 1 ? nv != 1 : nv < 2 || vstock < 5)) continue;
        found = true;
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.id", i);
        snprintf(p->id, sizeof(p->id), "%s", it_text_at(r, path));
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.variants.0.id", i);
        snprintf(p->variant, sizeof(p->variant), "%s", it_text_at(r, path));
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.variants.0.sku", i);
        snprintf(p->sku, sizeof(p->sku), "%s", it_text_at(r, path));
        snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.stockQuantity", i);
        p->stock = json_object_get_int(it_at(r, path));
        p->variant_stock = vstock;
    }
    json_object_put(r);
    return found;
}

/* The newest ledger row of item id: its fields into a JSON object the caller puts. */
static struct json_object *newest_entry(const char *token, const char *id)
{
    char vars[96];
    snprintf(vars, sizeof(vars), "{\"i\":\"%s\",\"f\":1}", id);
    return it_gql_as(LEDGER, vars, token);
}

/* The stock of item id as the public product page shows it. */
static int public_stock(const char *id)
{
    char vars[64];
    snprintf(vars, sizeof(vars), "{\"id\":%s}", id);
    struct json_object *r =
            it_gql("query($id: Int!) { product(id: $id) { stockQuantity } }", vars, NULL);
    int n = it_at(r, "product.stockQuantity")
                    ? json_object_get_int(it_at(r, "product.stockQuantity"))
                    : -1;
    json_object_put(r);
    return n;
}

static void the_app_documents_list_and_page_the_vendors_items(void)
{
    const char *token = it_demo_token("vendor");
    struct json_object *all =
            it_gql_as(INVENTORY_ITEMS,
                      "{\"filter\":null,\"sortBy\":null,\"first\":100,\"after\":null}", token);
    CU_ASSERT_FALSE(it_has_errors(all));
    size_t n = json_object_array_length(it_at(all, "inventoryItems.edges"));
    CU_ASSERT_TRUE(n > 3);
    CU_ASSERT_STRING_EQUAL(it_text_at(all, "inventoryItems.__typename"), "InventoryItemConnection");
    CU_ASSERT_TRUE(strlen(it_text_at(all, "inventoryItems.edges.0.node.name")) > 0);
    CU_ASSERT_TRUE(strlen(it_text_at(all, "inventoryItems.edges.0.node.category")) > 0);
    CU_ASSERT_TRUE(strlen(it_text_at(all, "inventoryItems.edges.0.node.lastUpdated")) > 0);
    CU_ASSERT_TRUE(
            json_object_is_type(it_at(all, "inventoryItems.edges.0.node.price"),
                                json_type_double) ||
            json_object_is_type(it_at(all, "inventoryItems.edges.0.node.price"), json_type_int));
    /* Sorted by name (the default), and the same count as the vendor's non-archived products. */
    for (size_t i = 1; i < n; i++) {
        char a[64];
        char b[64];
        snprintf(a, sizeof(a), "inventoryItems.edges.%zu.node.name", i - 1);
        snprintf(b, sizeof(b), "inventoryItems.edges.%zu.node.name", i);
        CU_ASSERT_TRUE(strcasecmp(it_text_at(all, a), it_text_at(all, b)) <= 0);
    }
    struct json_object *vp =
            it_gql_as("{ vendorProducts(first: 100) { edges { node { status } } } }", NULL, token);
    size_t live = 0;
    struct json_object *vedges = it_at(vp, "vendorProducts.edges");
    for (size_t i = 0; i < json_object_array_length(vedges); i++) {
        char path[64];
        snprintf(path, sizeof(path), "vendorProducts.edges.%zu.node.status", i);
        live += strcmp(it_text_at(vp, path), "ARCHIVED") != 0;
    }
    CU_ASSERT_EQUAL(n, live);
    json_object_put(vp);
    /* Cursor paging: two pages of 2 are the first four of the whole list. */
    struct json_object *p1 = it_gql_as(INVENTORY_ITEMS, "{\"first\":2}", token);
    CU_ASSERT_TRUE(it_bool_at(p1, "inventoryItems.pageInfo.hasNextPage"));
    CU_ASSERT_FALSE(it_bool_at(p1, "inventoryItems.pageInfo.hasPreviousPage"));
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"first\":2,\"after\":\"%s\"}",
             it_text_at(p1, "inventoryItems.pageInfo.endCursor"));
    struct json_object *p2 = it_gql_as(INVENTORY_ITEMS, vars, token);
    CU_ASSERT_TRUE(it_bool_at(p2, "inventoryItems.pageInfo.hasPreviousPage"));
    CU_ASSERT_STRING_EQUAL(it_text_at(p1, "inventoryItems.edges.1.node.id"),
                           it_text_at(all, "inventoryItems.edges.1.node.id"));
    CU_ASSERT_STRING_EQUAL(it_text_at(p2, "inventoryItems.edges.0.node.id"),
                           it_text_at(all, "inventoryItems.edges.2.node.id"));
    CU_ASSERT_STRING_EQUAL(it_text_at(p2, "inventoryItems.edges.1.node.id"),
                           it_text_at(all, "inventoryItems.edges.3.node.id"));
    json_object_put(p2);
    json_object_put(p1);
    json_object_put(all);
}

static void filters_and_sorts_hold_and_unknown_words_are_refused(void)
{
    const char *token = it_demo_token("vendor");
    struct json_object *r =
            it_gql_as(INVENTORY_ITEMS, "{\"first\":100,\"sortBy\":\"-stock\"}", token);
    size_t n = json_object_array_length(it_at(r, "inventoryItems.edges"));
    for (size_t i = 1; i < n; i++) {
        char a[80];
        char b[80];
        snprintf(a, sizeof(a), "inventoryItems.edges.%zu.node.stockQuantity", i - 1);
        snprintf(b, sizeof(b), "inventoryItems.edges.%zu.node.stockQuantity", i);
        CU_ASSERT_TRUE(json_object_get_int(it_at(r, a)) >= json_object_get_int(it_at(r, b)));
    }
    json_object_put(r);
    static const char *const filters[] = { "low_stock", "OUT_OF_STOCK", "inStock", "inactive" };
    for (size_t f = 0; f < 4; f++) {
        char vars[96];
        snprintf(vars, sizeof(vars), "{\"first\":100,\"filter\":\"%s\"}", filters[f]);
        r = it_gql_as(INVENTORY_ITEMS, vars, token);
        CU_ASSERT_FALSE(it_has_errors(r));
        n = json_object_array_length(it_at(r, "inventoryItems.edges"));
        for (size_t i = 0; i < n; i++) {
            char path[80];
            snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.stockQuantity", i);
            int stock = json_object_get_int(it_at(r, path));
            snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.lowStockThreshold", i);
            int low = json_object_get_int(it_at(r, path));
            snprintf(path, sizeof(path), "inventoryItems.edges.%zu.node.isActive", i);
            bool active = it_bool_at(r, path);
            if (f == 0) CU_ASSERT_TRUE(stock > 0 && stock <= low);
            if (f == 1) CU_ASSERT_EQUAL(stock, 0);
            if (f == 2) CU_ASSERT_TRUE(stock > 0);
            if (f == 3) CU_ASSERT_FALSE(active);
        }
        json_object_put(r);
    }
    r = it_gql_as(INVENTORY_ITEMS, "{\"filter\":\"cheap\"}", token);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "BAD_USER_INPUT");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(r), "low_stock"));
    json_object_put(r);
    r = it_gql_as(INVENTORY_ITEMS, "{\"sortBy\":\"colour\"}", token);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "BAD_USER_INPUT");
    json_object_put(r);
    /* A SKU fragment finds its item. */
    struct pick p;
    CU_ASSERT_TRUE_FATAL(pick_item(token, 2, &p));
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"s\":\"%s\"}", p.sku);
    r = it_gql_as(ITEM_DETAIL, vars, token);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "inventoryItems.edges")), 1);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "inventoryItems.edges.0.node.id"), p.id);
    json_object_put(r);
}

static void a_movement_writes_the_ledger_and_never_goes_below_zero(void)
{
    const char *token = it_demo_token("vendor");
    struct pick p;
    CU_ASSERT_TRUE_FATAL(pick_item(token, 2, &p));
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"c\":7,\"r\":\"received\",\"n\":\"delivery 118\"}",
             p.variant);
    struct json_object *r = it_gql_as(ADJUST, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "adjustStock.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "adjustStock.item.stockQuantity")), p.stock + 7);
    json_object_put(r);
    CU_ASSERT_EQUAL(public_stock(p.id), p.stock + 7);
    struct json_object *e = newest_entry(token, p.id);
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.reason"), "received");
    CU_ASSERT_EQUAL(json_object_get_int(it_at(e, "inventoryLedger.edges.0.node.change")), 7);
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.note"), "delivery 118");
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.variantId"), p.variant);
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.locationName"),
                           "Main warehouse");
    CU_ASSERT_PTR_NOT_NULL(
            strstr(it_text_at(e, "inventoryLedger.edges.0.node.actorName"), "Victor"));
    char newest[32];
    snprintf(newest, sizeof(newest), "%s", it_text_at(e, "inventoryLedger.edges.0.node.id"));
    json_object_put(e);
    /* Taking one more than the location holds is refused and changes nothing. */
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"c\":%d,\"r\":\"damaged\"}", p.variant,
             -(p.variant_stock + 7 + 1));
    r = it_gql_as(ADJUST, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "adjustStock.success"));
    CU_ASSERT_PTR_NOT_NULL(
            strstr(it_text_at(r, "adjustStock.message"), "in stock at Main warehouse"));
    CU_ASSERT_TRUE(it_null_at(r, "adjustStock.item"));
    json_object_put(r);
    e = newest_entry(token, p.id);
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.id"), newest);
    json_object_put(e);
    CU_ASSERT_EQUAL(public_stock(p.id), p.stock + 7);
    /* Taking exactly what is there empties the level; the movement back restores it. */
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"c\":-7,\"r\":\"correction\"}", p.variant);
    r = it_gql_as(ADJUST, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "adjustStock.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "adjustStock.item.stockQuantity")), p.stock);
    json_object_put(r);
    /* Reasons a person may not give, and a zero change. */
    static const char *const bad[] = { "\"opening\"", "\"transfer_in\"", "\"gift\"" };
    for (size_t i = 0; i < 3; i++) {
        snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"c\":1,\"r\":%s}", p.variant, bad[i]);
        r = it_gql_as(ADJUST, vars, token);
        CU_ASSERT_FALSE(it_bool_at(r, "adjustStock.success"));
        json_object_put(r);
    }
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"c\":0,\"r\":\"count\"}", p.variant);
    r = it_gql_as(ADJUST, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "adjustStock.success"));
    json_object_put(r);
    /* The ledger pages by cursor, newest first: the correction, then the delivery. */
    snprintf(vars, sizeof(vars), "{\"i\":\"%s\",\"f\":1}", p.id);
    r = it_gql_as(LEDGER, vars, token);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "inventoryLedger.edges")), 1);
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "inventoryLedger.edges.0.node.reason"), "correction");
    CU_ASSERT_TRUE(it_bool_at(r, "inventoryLedger.pageInfo.hasNextPage"));
    snprintf(vars, sizeof(vars), "{\"i\":\"%s\",\"f\":1,\"a\":\"%s\"}", p.id,
             it_text_at(r, "inventoryLedger.pageInfo.endCursor"));
    struct json_object *r2 = it_gql_as(LEDGER, vars, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(r2, "inventoryLedger.edges.0.node.id"), newest);
    json_object_put(r2);
    json_object_put(r);
}

static void update_inventory_item_sets_threshold_price_and_activity(void)
{
    const char *token = it_demo_token("vendor");
    struct pick one;
    CU_ASSERT_TRUE_FATAL(pick_item(token, 2, &one));
    char vars[256];
    snprintf(vars, sizeof(vars),
             "{\"itemId\":\"%s\",\"stockQuantity\":null,\"lowStockThreshold\":10,"
             "\"price\":null,\"isActive\":null}",
             one.id);
    struct json_object *r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateInventoryItem.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updateInventoryItem.item.stockQuantity")),
                    one.stock);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updateInventoryItem.item.lowStockThreshold")),
                    10);
    json_object_put(r);
    /* A total for an item of several variants is refused: each variant has its own stock. */
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"stockQuantity\":5}", one.id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "updateInventoryItem.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "updateInventoryItem.message"), "variants"));
    json_object_put(r);
    CU_ASSERT_EQUAL(public_stock(one.id), one.stock);
    /* Bad values: nothing changes (not even the valid threshold sent with them). */
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"stockQuantity\":-1,\"lowStockThreshold\":3}",
             one.id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "updateInventoryItem.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"price\":-2.5,\"lowStockThreshold\":3}",
             one.id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "updateInventoryItem.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"s\":\"%s\"}", one.sku);
    r = it_gql_as("query($s: String) { inventoryItems(search: $s) { edges { node { "
                  "lowStockThreshold isLowStock } } } }",
                  vars, token);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "inventoryItems.edges.0.node.lowStockThreshold")),
                    10);
    json_object_put(r);
    /* Pausing hides the product from buyers; activating shows it again. The price changes. */
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"isActive\":false}", one.id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateInventoryItem.success"));
    CU_ASSERT_FALSE(it_bool_at(r, "updateInventoryItem.item.isActive"));
    json_object_put(r);
    CU_ASSERT_EQUAL(public_stock(one.id), -1);
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"isActive\":true,\"price\":1234.5}", one.id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateInventoryItem.success"));
    CU_ASSERT_TRUE(it_bool_at(r, "updateInventoryItem.item.isActive"));
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(r, "updateInventoryItem.item.price")),
                           1234.5, 0.001);
    json_object_put(r);
    CU_ASSERT_EQUAL(public_stock(one.id), one.stock);
}

static void the_total_of_a_one_variant_item_is_set_by_a_count(void)
{
    /* A vendor of its own, with one product of one variant made through the app's
     * CreateProduct (the demo shop's products all have sizes). */
    char id[32];
    const char *token = it_vendor_with_product("inventory-one", "Crate of jars", id, sizeof(id));
    struct json_object *r = NULL;
    char vars[256];
    snprintf(vars, sizeof(vars),
             "{\"itemId\":\"%s\",\"stockQuantity\":120,\"lowStockThreshold\":null,"
             "\"price\":null,\"isActive\":true}",
             id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateInventoryItem.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "updateInventoryItem.item.stockQuantity")), 120);
    json_object_put(r);
    CU_ASSERT_EQUAL(public_stock(id), 120);
    struct json_object *e = newest_entry(token, id);
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.reason"), "count");
    CU_ASSERT_EQUAL(json_object_get_int(it_at(e, "inventoryLedger.edges.0.node.change")), 120);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(e, "inventoryLedger.edges.0.node.quantityAfter")),
                    120);
    json_object_put(e);
    /* The catalog's own updateProduct(stockQuantity) goes through the same ledger. */
    snprintf(vars, sizeof(vars), "{\"p\":\"%s\"}", id);
    r = it_gql_as("mutation($p: ID!) { updateProduct(productId: $p, stockQuantity: 90) { "
                  "success message } }",
                  vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
    e = newest_entry(token, id);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(e, "inventoryLedger.edges.0.node.change")), -30);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(e, "inventoryLedger.edges.0.node.quantityAfter")),
                    90);
    json_object_put(e);
    CU_ASSERT_EQUAL(public_stock(id), 90);
    /* Back down to zero is fine; below is refused. */
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"stockQuantity\":0}", id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "updateInventoryItem.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"stockQuantity\":-5}", id);
    r = it_gql_as(UPDATE_ITEM, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "updateInventoryItem.success"));
    json_object_put(r);
}

static void locations_hold_stock_and_transfers_keep_the_total(void)
{
    const char *token = it_demo_token("vendor");
    static const char create[] = "mutation($n: String!) { createInventoryLocation(name: $n) { "
                                 "success message location { "
                                 "id name isDefault } } }";
    struct json_object *r = it_gql_as(create, "{\"n\":\"  Back room \"}", token);
    CU_ASSERT_TRUE(it_bool_at(r, "createInventoryLocation.success"));
    CU_ASSERT_STRING_EQUAL(it_text_at(r, "createInventoryLocation.location.name"), "Back room");
    CU_ASSERT_FALSE(it_bool_at(r, "createInventoryLocation.location.isDefault"));
    char back[32];
    snprintf(back, sizeof(back), "%s", it_text_at(r, "createInventoryLocation.location.id"));
    json_object_put(r);
    r = it_gql_as(create, "{\"n\":\"back ROOM\"}", token);
    CU_ASSERT_FALSE(it_bool_at(r, "createInventoryLocation.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "createInventoryLocation.message"), "exists"));
    json_object_put(r);
    r = it_gql_as("{ inventoryLocations { id name isDefault } }", NULL, token);
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "inventoryLocations")), 2);
    CU_ASSERT_TRUE(it_bool_at(r, "inventoryLocations.0.isDefault"));
    char main_id[32];
    snprintf(main_id, sizeof(main_id), "%s", it_text_at(r, "inventoryLocations.0.id"));
    json_object_put(r);
    struct pick p;
    CU_ASSERT_TRUE_FATAL(pick_item(token, 2, &p));
    static const char transfer[] =
            "mutation($v: ID!, $f: ID!, $t: ID!, $q: Int!) { transferStock(variantId: $v, "
            "fromLocationId: $f, toLocationId: $t, quantity: $q) { success message item { "
            "stockQuantity variants { id stockQuantity levels { locationName quantity } } } } }";
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"f\":\"%s\",\"t\":\"%s\",\"q\":3}", p.variant,
             main_id, back);
    r = it_gql_as(transfer, vars, token);
    CU_ASSERT_TRUE(it_bool_at(r, "transferStock.success"));
    CU_ASSERT_EQUAL(json_object_get_int(it_at(r, "transferStock.item.stockQuantity")), p.stock);
    json_object_put(r);
    /* The variant's levels: Main warehouse first, then Back room with 3. */
    snprintf(vars, sizeof(vars), "{\"s\":\"%s\"}", p.sku);
    r = it_gql_as(ITEM_DETAIL, vars, token);
    struct json_object *variants = it_at(r, "inventoryItems.edges.0.node.variants");
    bool seen = false;
    for (size_t i = 0; variants && i < json_object_array_length(variants); i++) {
        char path[96];
        snprintf(path, sizeof(path), "inventoryItems.edges.0.node.variants.%zu.id", i);
        if (strcmp(it_text_at(r, path), p.variant) != 0) continue;
        snprintf(path, sizeof(path), "inventoryItems.edges.0.node.variants.%zu.levels.1.quantity",
                 i);
        CU_ASSERT_EQUAL(json_object_get_int(it_at(r, path)), 3);
        snprintf(path, sizeof(path), "inventoryItems.edges.0.node.variants.%zu.levels.0.quantity",
                 i);
        CU_ASSERT_EQUAL(json_object_get_int(it_at(r, path)), p.variant_stock - 3);
        seen = true;
    }
    CU_ASSERT_TRUE(seen);
    json_object_put(r);
    struct json_object *e = newest_entry(token, p.id);
    CU_ASSERT_STRING_EQUAL(it_text_at(e, "inventoryLedger.edges.0.node.reason"), "transfer_in");
    json_object_put(e);
    /* More than the source holds, and the same location twice, are refused. */
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"f\":\"%s\",\"t\":\"%s\",\"q\":4}", p.variant,
             back, main_id);
    r = it_gql_as(transfer, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "transferStock.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "transferStock.message"), "only 3"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"f\":\"%s\",\"t\":\"%s\",\"q\":1}", p.variant,
             back, back);
    r = it_gql_as(transfer, vars, token);
    CU_ASSERT_FALSE(it_bool_at(r, "transferStock.success"));
    json_object_put(r);
}

static void buyers_strangers_and_other_shops_get_nothing(void)
{
    const char *vendor = it_demo_token("vendor");
    struct pick p;
    CU_ASSERT_TRUE_FATAL(pick_item(vendor, 2, &p));
    /* A buyer: FORBIDDEN with graphql_jwt's wording, for reads and writes. */
    const char *buyer = it_sign_up("inventory", NULL, 0);
    struct json_object *r = it_gql_as(INVENTORY_ITEMS, "{}", buyer);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
    CU_ASSERT_STRING_EQUAL(it_error_message(r),
                           "You do not have permission to perform this action");
    json_object_put(r);
    char vars[256];
    snprintf(vars, sizeof(vars), "{\"itemId\":\"%s\",\"stockQuantity\":0}", p.id);
    r = it_gql_as(UPDATE_ITEM, vars, buyer);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "FORBIDDEN");
    json_object_put(r);
    /* Another vendor (no shop yet): an empty inventory, and the demo shop's item is not found. */
    const char *other = it_sign_up_as("inventory", "SUPPLIER", NULL, 0);
    r = it_gql_as(INVENTORY_ITEMS, "{}", other);
    CU_ASSERT_FALSE(it_has_errors(r));
    CU_ASSERT_EQUAL(json_object_array_length(it_at(r, "inventoryItems.edges")), 0);
    json_object_put(r);
    r = it_gql_as(UPDATE_ITEM, vars, other);
    CU_ASSERT_FALSE(it_bool_at(r, "updateInventoryItem.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "updateInventoryItem.message"), "not found"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"v\":\"%s\",\"c\":-1,\"r\":\"lost\"}", p.variant);
    r = it_gql_as(ADJUST, vars, other);
    CU_ASSERT_FALSE(it_bool_at(r, "adjustStock.success"));
    json_object_put(r);
    snprintf(vars, sizeof(vars), "{\"i\":\"%s\"}", p.id);
    r = it_gql_as(LEDGER, vars, other);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "NOT_FOUND");
    json_object_put(r);
    /* Nobody signed in. */
    r = it_gql(INVENTORY_ITEMS, "{}", NULL);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "UNAUTHENTICATED");
    json_object_put(r);
    /* The demo shop's stock is what it was. */
    struct pick again;
    CU_ASSERT_TRUE_FATAL(pick_item(vendor, 2, &again));
    CU_ASSERT_EQUAL(again.variant_stock, p.variant_stock);
}

static CU_TestInfo tests[] = {
    { "the app's documents list and page the vendor's items",
      the_app_documents_list_and_page_the_vendors_items },
    { "filters and sorts hold; unknown words are refused",
      filters_and_sorts_hold_and_unknown_words_are_refused },
    { "a movement writes the ledger and never goes below zero",
      a_movement_writes_the_ledger_and_never_goes_below_zero },
    { "updateInventoryItem sets threshold, price and activity",
      update_inventory_item_sets_threshold_price_and_activity },
    { "the total of a one-variant item is set by a count",
      the_total_of_a_one_variant_item_is_set_by_a_count },
    { "locations hold stock and transfers keep the total",
      locations_hold_stock_and_transfers_keep_the_total },
    { "buyers, strangers and other shops get nothing",
      buyers_strangers_and_other_shops_get_nothing },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t1520_inventory, "t1520/inventory", NULL, NULL, tests);
