/*
 * catalog_gql.h: the GraphQL adapter of the catalog domain: Query.allProducts, product,
 * featuredProducts, categories, searchProducts and vendorProducts, and the types Product
 * (category object, seller User), CatalogProduct (category strings, vendor Vendor), Category,
 * Brand, Size, Material and the search connection. Reads are public except vendorProducts
 * (the signed-in vendor's own list). Money fields are Float: minor units / 100.
 */
#ifndef WM_MARKET_CATALOG_GQL_H
#define WM_MARKET_CATALOG_GQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "graphql/graphql.h"
#include "market/catalog/catalog.h"

struct wm_ctx;

/*
 * Root-field flag (the flags column of src/api/resolvers.c): the field's answer depends only
 * on its arguments and on the catalog's cache namespaces (products, categories, vendors), so
 * the whole answer to a caller who is not signed in may be cached (see below).
 */
#define CATALOG_GQL_PUBLIC 1u

/* What catalog_gql_response_lookup() found out, for catalog_gql_response_store(). */
struct catalog_response_key {
    struct str key;                              /* the logical cache key (arena) */
    uint64_t versions[CATALOG_CACHE_NAMESPACES]; /* the namespaces' versions before executing */
    bool usable;                                 /* cacheable, and the versions were read */
    size_t views_before;                         /* views counted before executing */
};

/*
 * The cached answer of operation op of a validated document (query text and length, op_name
 * or NULL, vars or NULL) when the caller is not signed in and every root field of op is
 * __typename or CATALOG_GQL_PUBLIC: true with *body the result object ({"data":...}) and *cost
 * the cost it was stored with, when one is cached under the current namespace versions. False
 * otherwise, with *k telling catalog_gql_response_store() whether and how to keep the answer
 * about to be computed. One memcached round trip; never fails (a down cache is a miss).
 * Serving a cached answer counts the product views its execution counted (catalog_view()).
 */
bool catalog_gql_response_lookup(struct wm_ctx *ctx, const struct gql_schema *schema,
                                 const struct gql_operation *op, const char *query,
                                 size_t query_len, const char *op_name,
                                 const struct gql_value *vars, struct catalog_response_key *k,
                                 struct str *body, int64_t *cost);

/* Keep the result object body (len bytes, without extensions) of an operation that ran with
 * no error, under the versions read before it ran (a write meanwhile makes it stale at once),
 * with the product views it counted. */
void catalog_gql_response_store(struct wm_ctx *ctx, const struct catalog_response_key *k,
                                int64_t cost, const char *body, size_t len);

/* Query.allProducts: [Product], page-number paging (pageCount, pageNumber), filters, search,
 * sort. */
gql_resolve_fn catalog_gql_all_products;
/* Query.product(id: Int!): Product; null and a NOT_FOUND error for an id nobody may read. */
gql_resolve_fn catalog_gql_product;
/* Query.featuredProducts(limit): [CatalogProduct], newest first. */
gql_resolve_fn catalog_gql_featured_products;
/* Query.categories: [Category], the whole tree depth first. */
gql_resolve_fn catalog_gql_categories;
/* Query.searchProducts: CatalogProductConnection (cursor paging, totalCount, facets). */
gql_resolve_fn catalog_gql_search_products;
/* Query.vendorProducts(first, after, status): ProductConnection of the signed-in vendor's
 * products, drafts included. */
gql_resolve_fn catalog_gql_vendor_products;
/* Query.vendorProduct(id: ID!): Product: one of the signed-in vendor's products, drafts
 * included; null with a NOT_FOUND error for any other id (catalog_product_owned; in
 * catalog_write_gql.c). */
gql_resolve_fn catalog_gql_vendor_product;

/* The write side (catalog_write_gql.c). Each needs a signed-in VENDOR (another account type:
 * a FORBIDDEN error, "You do not have permission to perform this action"); create and
 * duplicate also need a verified email (auth.require_verified "sell"). Refusals the vendor can
 * act on (bad input, another shop's or an unknown product) are {success: false, message}. */
/* Mutation.createProduct: ProductPayload {success, message, product: Product}. */
gql_resolve_fn catalog_gql_create_product;
/* Mutation.updateProduct: UpdateProductPayload {success, message, product: CatalogProduct}. */
gql_resolve_fn catalog_gql_update_product;
/* Mutation.deleteProduct: MutationResponse (the product is archived). */
gql_resolve_fn catalog_gql_delete_product;
/* Mutation.duplicateProduct: ProductPayload with the copy. */
gql_resolve_fn catalog_gql_duplicate_product;
/* Mutation.getShopData(sellerId): ShopDataPayload {success, message, shopStats, products}, the
 * signed-in vendor's own shop (another seller's id: success false, not found). */
gql_resolve_fn catalog_gql_shop_data;

/* Field maps (sources: struct product, struct category, struct catalog_search for the
 * connection; Brand, Size and Material are small structs built by the adapter). */
extern const struct gql_field_map catalog_gql_product_fields[];
extern const struct gql_field_map catalog_gql_catalog_product_fields[];
extern const struct gql_field_map catalog_gql_category_fields[];
extern const struct gql_field_map catalog_gql_brand_fields[];
extern const struct gql_field_map catalog_gql_size_fields[];
extern const struct gql_field_map catalog_gql_material_fields[];
extern const struct gql_field_map catalog_gql_search_connection_fields[];

#endif
