/*
 * catalog_response_gql.c: whole answers of public catalog queries asked by nobody in particular,
 * kept in memcached. A query qualifies when the caller is not signed in and every root field
 * of the operation is __typename or carries CATALOG_GQL_PUBLIC (its answer depends only on its
 * arguments and on the catalog's cache namespaces). The key is the query text, the operation
 * name and the variables; the value is the result object as it was written, after a header
 * with the versions of the catalog namespaces it was built under, its cost and the products
 * whose views it counted (served again, it counts them again: a view is a view). One memcached
 * multi-get reads the value and the current versions together; a value built under older
 * versions is stale and ignored, so a write is visible to the next read exactly as with the
 * domains' own caches. A hit skips execution: no resolver, no SQL, no JSON building.
 */
#include "market/catalog/catalog_gql.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cache/cache.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/json_out.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/catalog/catalog_int.h"

/* Seconds an answer is kept (a write retires it sooner through the namespaces). */
#define RESPONSE_TTL CATALOG_LIST_TTL

/* Most product views one cached answer replays (an operation with more aliases of product(id)
 * is not kept, so a hit never counts fewer views than the execution did). */
#define RESPONSE_VIEWS_MAX 32

/* Is every root field of op public (or __typename), with no fragments or directives there? */
static bool public_operation(const struct gql_schema *schema, const struct gql_operation *op)
{
    if (op->operation != GQL_QUERY || op->directives.count) return false;
    const struct gql_selection_set *set = op->selection_set;
    if (!set || set->selections.count == 0) return false;
    bool any = false;
    for (size_t i = 0; i < set->selections.count; i++) {
        const struct gql_selection *s = set->selections.items[i];
        if (s->node.kind != GQL_FIELD || s->directives.count) return false;
        if (str_eq_cstr(s->name, "__typename")) continue;
        const struct gql_field *f = gql_type_field(schema->query, s->name.ptr, s->name.len);
        if (!f || !(f->flags & CATALOG_GQL_PUBLIC)) return false;
        any = true;
    }
    return any;
}

bool catalog_gql_response_lookup(struct wm_ctx *ctx, const struct gql_schema *schema,
                                 const struct gql_operation *op, const char *query,
                                 size_t query_len, const char *op_name,
                                 const struct gql_value *vars, struct catalog_response_key *k,
                                 struct str *body, int64_t *cost)
{
    memset(k, 0, sizeof(*k));
    (void)catalog_views_counted(ctx, &k->views_before);
    if (!cache_enabled(ctx->cache) || !op || ctx->search_engine ||
        (ctx->viewer && ctx->viewer->status == WM_OK) || !public_operation(schema, op))
        return false;
    struct buf b = BUF_INIT(ctx->arena);
    buf_appends(&b, "gr2:");
    buf_appends(&b, op_name ? op_name : "");
    buf_appendc(&b, '\n');
    if (vars) {
        struct json_out j;
        json_out_init(&j, &b);
        gql_value_write(vars, &j);
    }
    buf_appendc(&b, '\n');
    buf_append(&b, query, query_len);
    k->key = (struct str){ b.ptr, b.len };
    struct str val;
    bool hit = cache_get_versioned(ctx->cache, ctx->arena, k->key, catalog_response_namespaces,
                                   CATALOG_CACHE_NAMESPACES, k->versions, &val);
    k->usable = true;
    for (size_t i = 0; i < CATALOG_CACHE_NAMESPACES; i++)
        if (k->versions[i] == 0) k->usable = false;
    /* On a miss the execution's own reads use these versions: no second round trip. */
    if (k->usable) catalog_versions_seen(ctx, k->versions);
    if (!hit || !k->usable) return false;
    /* "<version> ... <cost>[ <viewed id> ...]\n<body>": stale unless every version is the
     * current one. */
    const char *p = val.ptr;
    const char *end = val.ptr + val.len;
    uint64_t nums[CATALOG_CACHE_NAMESPACES + 1 + RESPONSE_VIEWS_MAX];
    size_t n = 0;
    while (p < end && *p != '\n') {
        if (n == sizeof nums / sizeof nums[0] || *p < '0' || *p > '9') return false;
        uint64_t v = 0;
        while (p < end && *p >= '0' && *p <= '9')
            v = v * 10 + (uint64_t)(*p++ - '0');
        if (p < end && *p == ' ') p++;
        nums[n++] = v;
    }
    if (p >= end || n <= CATALOG_CACHE_NAMESPACES) return false;
    for (size_t i = 0; i < CATALOG_CACHE_NAMESPACES; i++)
        if (nums[i] != k->versions[i]) return false;
    *cost = (int64_t)nums[CATALOG_CACHE_NAMESPACES];
    for (size_t i = CATALOG_CACHE_NAMESPACES + 1; i < n; i++)
        catalog_view_id(ctx, (int64_t)nums[i]);
    p++;
    *body = (struct str){ p, (size_t)(end - p) };
    return true;
}

void catalog_gql_response_store(struct wm_ctx *ctx, const struct catalog_response_key *k,
                                int64_t cost, const char *body, size_t len)
{
    if (!k->usable || cost < 0) return;
    struct buf b = BUF_INIT(ctx->arena);
    for (size_t i = 0; i < CATALOG_CACHE_NAMESPACES; i++)
        buf_appendf(&b, "%" PRIu64 " ", k->versions[i]);
    buf_appendf(&b, "%" PRId64, cost);
    size_t nviews = 0;
    const int64_t *viewed = catalog_views_counted(ctx, &nviews);
    if (nviews - k->views_before > RESPONSE_VIEWS_MAX) return; /* not worth keeping */
    for (size_t i = k->views_before; i < nviews; i++)
        buf_appendf(&b, " %" PRId64, viewed[i]);
    buf_appendc(&b, '\n');
    buf_append(&b, body, len);
    cache_set(ctx->cache, k->key, b.ptr, b.len, RESPONSE_TTL);
}
