/*
 * catalog_gql.c: GraphQL adapter of the catalog domain (catalog_gql.h). Arguments become a
 * struct catalog_list; results are struct product pointers read through the Product and
 * CatalogProduct maps. Nothing here runs SQL per item: the loaders fill every product of a
 * page (vendor, category, images, materials, stock) before the fields are read.
 */
#include "market/catalog/catalog_gql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/search/search.h"
#include "market/shared/shared_gql.h"
#include "market/vendors/vendors.h"

/* An id and a name: the source of Brand, Size and Material. */
struct ref {
    int64_t id;
    const char *name;
};

/* The source of CatalogProductConnection: the query (for totalCount and facets) and a page. */
struct catalog_search {
    struct search_query q;
    struct catalog_page page;
};

/* ---- arguments ------------------------------------------------------------------------- */

/* The Int argument name into *out (def when null or absent). */
static int64_t arg_int(const struct gql_call *call, const char *name, int64_t def)
{
    const struct gql_value *v = gql_arg(call, name);
    return v && v->kind == GQL_V_INT ? v->u.i : def;
}

/* A String or enum argument as an arena string, NULL when null or absent. WM_EINVAL for a
 * NUL character. */
static int arg_text(struct gql_call *call, const char *name, const char **out)
{
    const struct gql_value *v = gql_arg(call, name);
    *out = NULL;
    if (!v || (v->kind != GQL_V_STRING && v->kind != GQL_V_ENUM)) return WM_OK;
    if (memchr(v->u.s.ptr, '\0', v->u.s.len))
        return wm_errorf(call->ctx, WM_EINVAL, "%s contains a NUL character", name);
    *out = str_dup(call->ctx->arena, v->u.s);
    return WM_OK;
}

/* The sorts, by the contract's SortEnum names and sortBy strings (any letter case). */
static int sort_from(struct wm_ctx *ctx, const char *word, enum search_sort *out)
{
    static const struct {
        const char *word;
        enum search_sort sort;
    } sorts[] = {
        { "NEWEST", SEARCH_SORT_NEWEST },
        { "OLDEST", SEARCH_SORT_OLDEST },
        { "PRICE_LOW_TO_HIGH", SEARCH_SORT_PRICE_ASC },
        { "PRICE_HIGH_TO_LOW", SEARCH_SORT_PRICE_DESC },
        { "MOST_POPULAR", SEARCH_SORT_POPULAR },
        { "RELEVANCE", SEARCH_SORT_RELEVANCE },
    };
    for (size_t i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++) {
        if (strcasecmp(word, sorts[i].word) == 0) {
            *out = sorts[i].sort;
            return WM_OK;
        }
    }
    return wm_errorf(ctx, WM_EINVAL,
                     "unknown sort '%.40s' (NEWEST, OLDEST, PRICE_LOW_TO_HIGH, PRICE_HIGH_TO_LOW, "
                     "MOST_POPULAR or RELEVANCE)",
                     word);
}

/* Restrict q to the subtree of category c. */
static void in_category(struct search_query *q, const struct category *c)
{
    q->has_category = true;
    q->category_lft = c->lft;
    q->category_rgt = c->rgt;
}

/* A category given by id (Int filter). */
static int category_by_id(struct gql_call *call, int64_t id, struct search_query *q)
{
    struct category_tree tree;
    int rc = catalog_categories(call->ctx, &tree);
    if (rc != WM_OK) return rc;
    const struct category *c =
            id > 0 && id <= INT32_MAX ? catalog_category_find(&tree, (int32_t)id) : NULL;
    if (!c) return wm_errorf(call->ctx, WM_EINVAL, "unknown category '%lld'", (long long)id);
    in_category(q, c);
    return WM_OK;
}

/* A category given as text: its id, its name or its slug. */
static int category_by_text(struct gql_call *call, const char *text, struct search_query *q)
{
    int64_t id = 0;
    if (str_to_int64(str_from(text), &id)) return category_by_id(call, id, q);
    struct category_tree tree;
    int rc = catalog_categories(call->ctx, &tree);
    if (rc != WM_OK) return rc;
    const struct category *c = catalog_category_by_name(&tree, text);
    if (!c) return wm_errorf(call->ctx, WM_EINVAL, "unknown category '%.60s'", text);
    in_category(q, c);
    return WM_OK;
}

/* The items of a page as a list of PTR values. */
static struct gql_value page_list(struct wm_ctx *ctx, const struct catalog_page *page)
{
    struct gql_value list = gql_list(ctx->arena, page->n);
    for (size_t i = 0; i < page->n; i++)
        list.u.list.items[i] = gql_ptr(page->items[i], NULL);
    return list;
}

/* ---- root fields ----------------------------------------------------------------------- */

int catalog_gql_all_products(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct catalog_list in = { .q = { .status = "active" } };
    in.page_size = (int32_t)arg_int(call, "pageCount", CATALOG_PAGE_DEFAULT);
    in.page_number = (int32_t)arg_int(call, "pageNumber", 1);
    if (arg_int(call, "pageCount", CATALOG_PAGE_DEFAULT) > CATALOG_PAGE_MAX ||
        arg_int(call, "pageCount", CATALOG_PAGE_DEFAULT) < 1)
        return wm_errorf(ctx, WM_EINVAL, "pageCount must be between 1 and %d", CATALOG_PAGE_MAX);
    const char *sort = NULL;
    int rc = arg_text(call, "search", &in.q.text);
    if (rc == WM_OK) rc = arg_text(call, "sort", &sort);
    if (rc != WM_OK) return rc;
    bool has_text = in.q.text && search_has_words(in.q.text);
    in.q.sort = has_text ? SEARCH_SORT_RELEVANCE : SEARCH_SORT_NEWEST;
    if (sort) rc = sort_from(ctx, sort, &in.q.sort);
    const struct gql_value *filters = gql_arg(call, "filters");
    if (rc == WM_OK && filters && filters->kind == GQL_V_OBJECT) {
        const struct gql_value *cat = gql_object_get(filters, "category");
        if (cat && cat->kind == GQL_V_INT) rc = category_by_id(call, cat->u.i, &in.q);
        if (rc == WM_OK)
            rc = shared_gql_arg_money(call, filters, "min_price", &in.q.has_min_price,
                                      &in.q.min_price_minor);
        if (rc == WM_OK)
            rc = shared_gql_arg_money(call, filters, "minPrice", &in.q.has_min_price,
                                      &in.q.min_price_minor);
        if (rc == WM_OK)
            rc = shared_gql_arg_money(call, filters, "max_price", &in.q.has_max_price,
                                      &in.q.max_price_minor);
        if (rc == WM_OK)
            rc = shared_gql_arg_money(call, filters, "maxPrice", &in.q.has_max_price,
                                      &in.q.max_price_minor);
    }
    struct catalog_page page;
    if (rc == WM_OK) rc = catalog_list_products(ctx, &in, &page);
    if (rc != WM_OK) return rc;
    *out = page_list(ctx, &page);
    return WM_OK;
}

int catalog_gql_product(struct gql_call *call, struct gql_value *out)
{
    struct product *p = NULL;
    int rc = catalog_product_get(call->ctx, arg_int(call, "id", 0), &p);
    if (rc != WM_OK) return rc;
    catalog_view(call->ctx, p);
    *out = gql_ptr(p, NULL);
    return WM_OK;
}

int catalog_gql_featured_products(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    int64_t limit = arg_int(call, "limit", 10);
    if (limit < 1 || limit > CATALOG_PAGE_MAX)
        return wm_errorf(ctx, WM_EINVAL, "limit must be between 1 and %d", CATALOG_PAGE_MAX);
    struct catalog_list in = { .q = { .status = "active", .featured = true },
                               .page_size = (int32_t)limit,
                               .page_number = 1 };
    struct catalog_page page;
    int rc = catalog_list_products(ctx, &in, &page);
    if (rc != WM_OK) return rc;
    *out = page_list(ctx, &page);
    return WM_OK;
}

int catalog_gql_categories(struct gql_call *call, struct gql_value *out)
{
    struct category_tree tree;
    int64_t max_depth = arg_int(call, "maxDepth", INT32_MAX);
    if (max_depth < 0)
        return wm_errorf(call->ctx, WM_EINVAL, "maxDepth must be 0 (the roots) or more");
    int rc = catalog_categories(call->ctx, &tree);
    if (rc != WM_OK) return rc;
    /* The tree is in nested-set order: the open ancestors of an item are those whose rgt is
     * beyond its lft, so a stack of them gives every depth in one pass. */
    int32_t *open = ARENA_ARRAY(call->ctx->arena, int32_t, tree.n ? tree.n : 1);
    size_t depth = 0, kept = 0;
    *out = gql_list(call->ctx->arena, tree.n);
    for (size_t i = 0; i < tree.n; i++) {
        const struct category *c = &tree.items[i];
        while (depth && open[depth - 1] < c->lft)
            depth--;
        if ((int64_t)depth <= max_depth) out->u.list.items[kept++] = gql_ptr(c, NULL);
        open[depth++] = c->rgt;
    }
    out->u.list.count = kept;
    return WM_OK;
}

/* The Relay window arguments: first (page size) and after (cursor). */
static int window_args(struct gql_call *call, struct catalog_list *in)
{
    int64_t first = arg_int(call, "first", CATALOG_PAGE_DEFAULT);
    if (first < 1 || first > CATALOG_PAGE_MAX)
        return wm_errorf(call->ctx, WM_EINVAL, "first must be between 1 and %d", CATALOG_PAGE_MAX);
    in->page_size = (int32_t)first;
    in->page_number = 1;
    return arg_text(call, "after", &in->after);
}

int catalog_gql_search_products(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct catalog_list in = { .q = { .status = "active" } };
    const char *category = NULL;
    const char *sort = NULL;
    int rc = arg_text(call, "query", &in.q.text);
    if (rc == WM_OK) rc = arg_text(call, "category", &category);
    if (rc == WM_OK) rc = arg_text(call, "sortBy", &sort);
    if (rc == WM_OK) rc = window_args(call, &in);
    if (rc == WM_OK && category && *category) rc = category_by_text(call, category, &in.q);
    if (rc == WM_OK)
        rc = shared_gql_arg_money(call, NULL, "minPrice", &in.q.has_min_price,
                                  &in.q.min_price_minor);
    if (rc == WM_OK)
        rc = shared_gql_arg_money(call, NULL, "maxPrice", &in.q.has_max_price,
                                  &in.q.max_price_minor);
    in.q.sort =
            in.q.text && search_has_words(in.q.text) ? SEARCH_SORT_RELEVANCE : SEARCH_SORT_NEWEST;
    if (rc == WM_OK && sort && *sort) rc = sort_from(ctx, sort, &in.q.sort);
    const struct gql_value *vendor = gql_arg(call, "vendorId");
    if (rc == WM_OK && vendor && vendor->kind == GQL_V_STRING) {
        if (!str_to_int64(str_trim(vendor->u.s), &in.q.vendor_id) || in.q.vendor_id < 1)
            in.q.vendor_id = INT64_MAX; /* matches nothing, like an unknown vendor */
    }
    if (rc == WM_OK) rc = arg_text(call, "condition", &in.q.condition);
    const struct gql_value *flag = gql_arg(call, "inStock");
    in.q.in_stock = flag && flag->kind == GQL_V_BOOL && flag->u.b;
    flag = gql_arg(call, "featured");
    in.q.featured = flag && flag->kind == GQL_V_BOOL && flag->u.b;
    struct catalog_search *s = ARENA_NEW(ctx->arena, struct catalog_search);
    if (rc == WM_OK) rc = catalog_list_products(ctx, &in, &s->page);
    if (rc != WM_OK) return rc;
    s->q = in.q;
    *out = gql_ptr(s, NULL);
    return WM_OK;
}

/* {hasNextPage, hasPreviousPage, startCursor, endCursor} of page. */
static struct gql_value page_info(struct wm_ctx *ctx, const struct catalog_page *page)
{
    const char *start = page->n ? catalog_cursor(ctx, page->offset) : NULL;
    const char *end = page->n ? catalog_cursor(ctx, page->offset + (int64_t)page->n - 1) : NULL;
    return shared_gql_page_info(ctx, page->has_next, page->has_previous, start, end);
}

/* [{cursor, node}] of page. */
static struct gql_value page_edges(struct wm_ctx *ctx, const struct catalog_page *page)
{
    struct gql_value edges = gql_list(ctx->arena, page->n);
    for (size_t i = 0; i < page->n; i++)
        edges.u.list.items[i] = shared_gql_edge(ctx, catalog_cursor(ctx, page->offset + (int64_t)i),
                                                page->items[i]);
    return edges;
}

int catalog_gql_vendor_products(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const struct viewer *viewer = NULL;
    int rc = account_viewer(ctx, &viewer);
    if (rc != WM_OK) return rc;
    struct catalog_list in = { .q = { .sort = SEARCH_SORT_NEWEST } };
    const char *status = NULL;
    rc = window_args(call, &in);
    if (rc == WM_OK) rc = arg_text(call, "status", &status);
    if (rc != WM_OK) return rc;
    if (status && *status) {
        static const char *const statuses[] = { "active", "draft", "archived" };
        in.q.status = NULL;
        for (size_t i = 0; i < 3; i++)
            if (strcasecmp(status, statuses[i]) == 0) in.q.status = statuses[i];
        if (!in.q.status)
            return wm_errorf(ctx, WM_EINVAL, "unknown status '%.20s' (ACTIVE, DRAFT or ARCHIVED)",
                             status);
    }
    struct vendor *shop = NULL;
    struct catalog_page page = { 0 };
    rc = vendor_of_user(ctx, viewer->user_id, &shop);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx); /* no shop yet: no products */
    } else if (rc != WM_OK) {
        return rc;
    } else {
        in.q.vendor_id = shop->id;
        rc = catalog_list_products(ctx, &in, &page);
        if (rc != WM_OK) return rc;
    }
    *out = gql_object(ctx->arena, 2);
    gql_object_set(ctx->arena, out, "edges", page_edges(ctx, &page));
    gql_object_set(ctx->arena, out, "pageInfo", page_info(ctx, &page));
    return WM_OK;
}

/* ---- Product and CatalogProduct ---------------------------------------------------------- */

static const struct product *product_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

/* Minor units as the contract's Float (two decimal places). */
static struct gql_value money(int64_t minor)
{
    return gql_float((double)minor / 100.0);
}

static int product_price(struct gql_call *call, struct gql_value *out)
{
    *out = money(product_of(call)->price_minor);
    return WM_OK;
}

static int product_discount_price(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    *out = p->has_discount ? money(p->discount_price_minor) : gql_null();
    return WM_OK;
}

/* '[{"url":"...","thumbnail":"..."}]' (the app's JSONString). */
static int product_images_url(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    struct buf b = BUF_INIT(call->ctx->arena);
    buf_appendc(&b, '[');
    for (size_t i = 0; i < p->nimages; i++) {
        const struct product_image *im = &p->images[i];
        buf_appends(&b, i ? ",{\"url\":" : "{\"url\":");
        buf_append_json_str(&b, im->url, strlen(im->url));
        buf_appends(&b, ",\"thumbnail\":");
        if (im->thumbnail_url)
            buf_append_json_str(&b, im->thumbnail_url, strlen(im->thumbnail_url));
        else
            buf_appends(&b, "null");
        buf_appendc(&b, '}');
    }
    buf_appendc(&b, ']');
    *out = gql_string_n(buf_str(&b));
    return WM_OK;
}

static struct gql_value enum_or_null(const char *name)
{
    return name ? gql_enum(name) : gql_null();
}

static int product_condition(struct gql_call *call, struct gql_value *out)
{
    *out = enum_or_null(product_of(call)->condition);
    return WM_OK;
}

static int product_style(struct gql_call *call, struct gql_value *out)
{
    *out = enum_or_null(product_of(call)->style);
    return WM_OK;
}

static int product_parcel_size(struct gql_call *call, struct gql_value *out)
{
    *out = enum_or_null(product_of(call)->parcel_size);
    return WM_OK;
}

/* A comma-separated column as a list of strings. */
static struct gql_value split_list(struct arena *a, const char *text)
{
    size_t n = 0;
    for (const char *p = text; p && *p; p++)
        n += *p == ',';
    size_t cap = text && *text ? n + 1 : 0;
    struct gql_value list = gql_list(a, cap);
    list.u.list.count = 0;
    const char *p = text;
    while (p && *p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        struct str item = str_trim((struct str){ p, len });
        if (item.len)
            list.u.list.items[list.u.list.count++] =
                    gql_string_n((struct str){ str_dup(a, item), item.len });
        p = end ? end + 1 : NULL;
    }
    return list;
}

static int product_colors(struct gql_call *call, struct gql_value *out)
{
    *out = split_list(call->ctx->arena, product_of(call)->colors);
    return WM_OK;
}

static int product_tags(struct gql_call *call, struct gql_value *out)
{
    *out = split_list(call->ctx->arena, product_of(call)->tags);
    return WM_OK;
}

/* The app compares with 'ACTIVE': the status in capitals. */
static int product_status(struct gql_call *call, struct gql_value *out)
{
    const char *s = product_of(call)->status;
    char *up = arena_strndup(call->ctx->arena, s, strlen(s));
    for (char *c = up; *c; c++)
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 32);
    *out = gql_string_n(str_from(up));
    return WM_OK;
}

static int product_is_active(struct gql_call *call, struct gql_value *out)
{
    *out = gql_bool(strcmp(product_of(call)->status, "active") == 0);
    return WM_OK;
}

static int product_category(struct gql_call *call, struct gql_value *out)
{
    const struct category *c = product_of(call)->category;
    *out = c ? gql_ptr(c, NULL) : gql_null();
    return WM_OK;
}

static struct gql_value ref_value(struct arena *a, int64_t id, const char *name)
{
    struct ref *r = ARENA_NEW(a, struct ref);
    r->id = id;
    r->name = name;
    return gql_ptr(r, NULL);
}

static int product_brand(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    *out = p->brand_id ? ref_value(call->ctx->arena, p->brand_id, p->brand_name) : gql_null();
    return WM_OK;
}

static int product_size(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    *out = p->size_id ? ref_value(call->ctx->arena, p->size_id, p->size_name) : gql_null();
    return WM_OK;
}

static int product_materials(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    *out = gql_list(call->ctx->arena, p->nmaterials);
    for (size_t i = 0; i < p->nmaterials; i++)
        out->u.list.items[i] =
                ref_value(call->ctx->arena, p->materials[i].id, p->materials[i].name);
    return WM_OK;
}

/* The owner as a User with only its public fields: names, the shop's contact email, the shop
 * name as businessName and the shop's slug as username. */
static int product_seller(struct gql_call *call, struct gql_value *out)
{
    const struct vendor *v = product_of(call)->vendor;
    if (!v) {
        *out = gql_null();
        return WM_OK;
    }
    struct user *u = ARENA_NEW(call->ctx->arena, struct user);
    u->id = v->user_id;
    u->email = v->contact_email;
    u->username = v->slug;
    u->first_name = v->owner_first_name;
    u->last_name = v->owner_last_name;
    u->account_type = arena_strndup(call->ctx->arena, "VENDOR", 6);
    u->business_name = v->shop_name;
    u->email_verified = v->is_verified;
    *out = gql_ptr(u, NULL);
    return WM_OK;
}

static int product_vendor(struct gql_call *call, struct gql_value *out)
{
    const struct vendor *v = product_of(call)->vendor;
    *out = v ? gql_ptr(v, NULL) : gql_null();
    return WM_OK;
}

/* Whether the signed-in viewer's wishlist holds the product (false when signed out): asked of
 * the wishlist through catalog_user_liked(), which reads the viewer's list once per request. */
static int product_user_liked(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    bool liked = false;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) {
        wm_clear_error(call->ctx);
        *out = gql_bool(false);
        return WM_OK;
    }
    rc = catalog_user_liked(call->ctx, v->user_id, product_of(call)->id, &liked);
    if (rc != WM_OK) return rc;
    *out = gql_bool(liked);
    return WM_OK;
}

/* Product.totalRevenue: units sold x the current unit price (the sale price when there is
 * one): an estimate from the product's counters until orders record what was paid. */
static int product_total_revenue(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    int64_t unit = p->has_discount ? p->discount_price_minor : p->price_minor;
    *out = money(p->sales * unit);
    return WM_OK;
}

/* The weight in kg as a Float, null when unknown. */
static int product_weight(struct gql_call *call, struct gql_value *out)
{
    const char *w = product_of(call)->weight_kg;
    *out = w ? gql_float(strtod(w, NULL)) : gql_null();
    return WM_OK;
}

/* A JSON column as JSONString (null when none was given). */
static struct gql_value json_or_null(const char *text)
{
    return text ? gql_string_n(str_from(text)) : gql_null();
}

static int product_specifications(struct gql_call *call, struct gql_value *out)
{
    *out = json_or_null(product_of(call)->specifications);
    return WM_OK;
}

static int product_dimensions(struct gql_call *call, struct gql_value *out)
{
    *out = json_or_null(product_of(call)->dimensions);
    return WM_OK;
}

/* CatalogProduct.category: the department (the child of a root holding it, or the root). */
static int catalog_product_category(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    const struct category *d = p->department ? p->department : p->category;
    *out = d ? gql_string_n(str_from(d->name)) : gql_null();
    return WM_OK;
}

/* CatalogProduct.subcategory: the product's own category, null when that is the department. */
static int catalog_product_subcategory(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    bool own = p->category && p->department && p->category != p->department;
    *out = own ? gql_string_n(str_from(p->category->name)) : gql_null();
    return WM_OK;
}

static int product_min_order(struct gql_call *call, struct gql_value *out)
{
    *out = gql_int(product_of(call)->moq);
    return WM_OK;
}

/* ---- Category, Brand, Size, Material ---------------------------------------------------- */

static const struct category *category_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int category_id(struct gql_call *call, struct gql_value *out)
{
    *out = gql_string(call->ctx->arena,
                      arena_printf(call->ctx->arena, "%d", category_of(call)->id));
    return WM_OK;
}

static int category_parent(struct gql_call *call, struct gql_value *out)
{
    int32_t parent = category_of(call)->parent_id;
    *out = parent ? gql_string(call->ctx->arena, arena_printf(call->ctx->arena, "%d", parent))
                  : gql_null();
    return WM_OK;
}

static int category_product_count(struct gql_call *call, struct gql_value *out)
{
    *out = gql_int(category_of(call)->product_count);
    return WM_OK;
}

/* ---- the search connection ---------------------------------------------------------------- */

static const struct catalog_search *search_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int search_edges(struct gql_call *call, struct gql_value *out)
{
    *out = page_edges(call->ctx, &search_of(call)->page);
    return WM_OK;
}

static int search_page_info(struct gql_call *call, struct gql_value *out)
{
    *out = page_info(call->ctx, &search_of(call)->page);
    return WM_OK;
}

/* Counted only when selected. */
static int search_total(struct gql_call *call, struct gql_value *out)
{
    int64_t n = 0;
    int rc = search_count(call->ctx, &search_of(call)->q, &n);
    if (rc != WM_OK) return rc;
    *out = gql_int(n);
    return WM_OK;
}

/* One FacetCount {value, label, count}. */
static struct gql_value facet_value(struct arena *a, const char *value, const char *label,
                                    int64_t count)
{
    struct gql_value f = gql_object(a, 3);
    gql_object_set(a, &f, "value", gql_string(a, value));
    gql_object_set(a, &f, "label", gql_string(a, label));
    gql_object_set(a, &f, "count", gql_int(count));
    return f;
}

/* Facets: computed only when selected (three grouped statements and one for vendor names). */
static int search_facets_field(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct search_facets f;
    struct category_tree tree;
    int rc = search_facets(ctx, &search_of(call)->q, &f);
    if (rc == WM_OK) rc = catalog_categories(ctx, &tree);
    int64_t *vids = ARENA_ARRAY(ctx->arena, int64_t, f.nvendors ? f.nvendors : 1);
    for (size_t i = 0; rc == WM_OK && i < f.nvendors; i++)
        vids[i] = f.vendors[i].key;
    struct vendor **vendors = NULL;
    if (rc == WM_OK) rc = vendor_get_many(ctx, vids, f.nvendors, &vendors);
    if (rc != WM_OK) return rc;
    struct arena *a = ctx->arena;
    struct gql_value cats = gql_list(a, f.ncategories);
    for (size_t i = 0; i < f.ncategories; i++) {
        const struct category *c = catalog_category_find(&tree, (int32_t)f.categories[i].key);
        cats.u.list.items[i] =
                facet_value(a, arena_printf(a, "%lld", (long long)f.categories[i].key),
                            c ? c->name : NULL, f.categories[i].count);
    }
    struct gql_value vens = gql_list(a, f.nvendors);
    for (size_t i = 0; i < f.nvendors; i++)
        vens.u.list.items[i] =
                facet_value(a, arena_printf(a, "%lld", (long long)vids[i]),
                            vendors[i] ? vendors[i]->shop_name : NULL, f.vendors[i].count);
    size_t nbands = 0;
    const struct search_price_band *bands = search_price_bands(&nbands);
    struct gql_value prices = gql_list(a, f.nprice_bands);
    for (size_t i = 0; i < f.nprice_bands; i++) {
        int64_t k = f.price_bands[i].key;
        const struct search_price_band *b = k >= 0 && (size_t)k < nbands ? &bands[k] : NULL;
        prices.u.list.items[i] = facet_value(a, arena_printf(a, "%lld", (long long)k),
                                             b ? b->label : NULL, f.price_bands[i].count);
    }
    *out = gql_object(a, 3);
    gql_object_set(a, out, "categories", cats);
    gql_object_set(a, out, "vendors", vens);
    gql_object_set(a, out, "priceBands", prices);
    return WM_OK;
}

/* [{minQuantity, unitPrice}] of the product's price breaks, by quantity. */
static int product_price_tiers(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    struct arena *a = call->ctx->arena;
    *out = gql_list(a, p->ntiers);
    for (size_t i = 0; i < p->ntiers; i++) {
        struct gql_value *t = &out->u.list.items[i];
        *t = gql_object(a, 2);
        gql_object_set(a, t, "minQuantity", gql_int(p->tiers[i].min_qty));
        gql_object_set(a, t, "unitPrice", gql_float((double)p->tiers[i].unit_price_minor / 100.0));
    }
    return WM_OK;
}

/* [{accountType, unitPrice}] of the product's prices per account type. */
static int product_account_prices(struct gql_call *call, struct gql_value *out)
{
    const struct product *p = product_of(call);
    struct arena *a = call->ctx->arena;
    *out = gql_list(a, p->naccount_prices);
    for (size_t i = 0; i < p->naccount_prices; i++) {
        struct gql_value *t = &out->u.list.items[i];
        *t = gql_object(a, 2);
        gql_object_set(a, t, "accountType", gql_string(a, p->account_prices[i].account_type));
        gql_object_set(a, t, "unitPrice",
                       gql_float((double)p->account_prices[i].unit_price_minor / 100.0));
    }
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map catalog_gql_product_fields[] = {
    GQL_MAP_ID("id",                  struct product, id),
    GQL_MAP_STR("name",               struct product, name),
    GQL_MAP_STR("description",        struct product, description),
    GQL_MAP_FN("price",               product_price),
    GQL_MAP_FN("discountPrice",       product_discount_price),
    GQL_MAP_STR("currency",           struct product, currency),
    GQL_MAP_FN("imagesUrl",           product_images_url),
    GQL_MAP_FN("condition",           product_condition),
    GQL_MAP_FN("style",               product_style),
    GQL_MAP_FN("parcelSize",          product_parcel_size),
    GQL_MAP_FN("color",               product_colors),
    GQL_MAP_FN("hashtags",            product_tags),
    GQL_MAP_INT64("views",            struct product, views),
    GQL_MAP_INT64("likes",            struct product, likes),
    GQL_MAP_FN("status",              product_status),
    GQL_MAP_BOOL("isFeatured",        struct product, is_featured),
    GQL_MAP_FN("isActive",            product_is_active),
    GQL_MAP_STR("createdAt",          struct product, created_at),
    GQL_MAP_STR("updatedAt",          struct product, updated_at),
    GQL_MAP_FN("category",            product_category),
    GQL_MAP_FN("brand",               product_brand),
    GQL_MAP_STR("customBrand",        struct product, custom_brand),
    GQL_MAP_FN("size",                product_size),
    GQL_MAP_FN("seller",              product_seller),
    GQL_MAP_FN("vendor",              product_vendor),
    GQL_MAP_FN("materials",           product_materials),
    GQL_MAP_FN("userLiked",           product_user_liked),
    GQL_MAP_INT64("stockQuantity",    struct product, stock),
    GQL_MAP_DOUBLE("rating",          struct product, rating),
    GQL_MAP_INT("reviewCount",        struct product, review_count),
    GQL_MAP_INT64("sales",            struct product, sales),
    GQL_MAP_INT64("totalSales",       struct product, sales),
    GQL_MAP_FN("totalRevenue",        product_total_revenue),
    GQL_MAP_DOUBLE("averageRating",   struct product, rating),
    GQL_MAP_FN("minOrderQuantity",    product_min_order),
    GQL_MAP_INT("casePack",           struct product, case_pack),
    GQL_MAP_FN("priceTiers",          product_price_tiers),
    GQL_MAP_FN("accountPrices",       product_account_prices),
    GQL_MAP_FN("specifications",      product_specifications),
    GQL_MAP_FN("dimensions",          product_dimensions),
    GQL_MAP_FN("weight",              product_weight),
    GQL_MAP_STR("careInstructions",   struct product, care_instructions),
    GQL_MAP_END,
};

const struct gql_field_map catalog_gql_catalog_product_fields[] = {
    GQL_MAP_ID("id",                  struct product, id),
    GQL_MAP_STR("name",               struct product, name),
    GQL_MAP_STR("description",        struct product, description),
    GQL_MAP_FN("price",               product_price),
    GQL_MAP_FN("discountPrice",       product_discount_price),
    GQL_MAP_STR("currency",           struct product, currency),
    GQL_MAP_FN("imagesUrl",           product_images_url),
    GQL_MAP_FN("category",            catalog_product_category),
    GQL_MAP_FN("subcategory",         catalog_product_subcategory),
    GQL_MAP_INT64("stockQuantity",    struct product, stock),
    GQL_MAP_DOUBLE("rating",          struct product, rating),
    GQL_MAP_INT("reviewCount",        struct product, review_count),
    GQL_MAP_FN("tags",                product_tags),
    GQL_MAP_BOOL("isFeatured",        struct product, is_featured),
    GQL_MAP_FN("isActive",            product_is_active),
    GQL_MAP_STR("createdAt",          struct product, created_at),
    GQL_MAP_STR("updatedAt",          struct product, updated_at),
    GQL_MAP_FN("vendor",              product_vendor),
    GQL_MAP_FN("minOrderQuantity",    product_min_order),
    GQL_MAP_INT("casePack",           struct product, case_pack),
    GQL_MAP_FN("priceTiers",          product_price_tiers),
    GQL_MAP_FN("accountPrices",       product_account_prices),
    GQL_MAP_FN("specifications",      product_specifications),
    GQL_MAP_FN("dimensions",          product_dimensions),
    GQL_MAP_FN("weight",              product_weight),
    GQL_MAP_STR("careInstructions",   struct product, care_instructions),
    GQL_MAP_END,
};

const struct gql_field_map catalog_gql_category_fields[] = {
    GQL_MAP_FN("id",                  category_id),
    GQL_MAP_STR("name",               struct category, name),
    GQL_MAP_STR("slug",               struct category, slug),
    GQL_MAP_STR("description",        struct category, description),
    GQL_MAP_STR("imageUrl",           struct category, image_url),
    GQL_MAP_FN("parentCategory",      category_parent),
    GQL_MAP_INT("position",           struct category, position),
    GQL_MAP_BOOL("isActive",          struct category, is_active),
    GQL_MAP_FN("productCount",        category_product_count),
    GQL_MAP_END,
};

const struct gql_field_map catalog_gql_brand_fields[] = {
    GQL_MAP_ID("id",                  struct ref, id),
    GQL_MAP_STR("name",               struct ref, name),
    GQL_MAP_END,
};

const struct gql_field_map catalog_gql_size_fields[] = {
    GQL_MAP_ID("id",                  struct ref, id),
    GQL_MAP_STR("name",               struct ref, name),
    GQL_MAP_END,
};

const struct gql_field_map catalog_gql_material_fields[] = {
    GQL_MAP_ID("id",                  struct ref, id),
    GQL_MAP_STR("name",               struct ref, name),
    GQL_MAP_END,
};

const struct gql_field_map catalog_gql_search_connection_fields[] = {
    GQL_MAP_FN("edges",               search_edges),
    GQL_MAP_FN("pageInfo",            search_page_info),
    GQL_MAP_FN("totalCount",          search_total),
    GQL_MAP_FN("facets",              search_facets_field),
    GQL_MAP_END,
};
/* clang-format on */
