/*
 * search_mariadb.c: the MariaDB search engine (search.h). A query becomes one statement built
 * from the static fragments below, in a fixed order, so the number of distinct texts is bounded
 * (filters x sorts x kinds) and each is prepared once per worker (db_intern). Values are always
 * bound. Full text uses ft_products(name, description, brand_name, tags) in boolean mode.
 */
#include "market/search/search_int.h"

#include <assert.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"

/* clang-format off */

/* The statement heads. PAGE and COUNT and the facets read the same filtered set. */
static const char SQL_PAGE_HEAD[]   = "SELECT p.id FROM products p";
static const char SQL_COUNT_HEAD[]  = "SELECT COUNT(*) FROM products p";
static const char SQL_FACET_CATEGORY_HEAD[] = "SELECT p.category_id, COUNT(*) FROM products p";
static const char SQL_FACET_VENDOR_HEAD[]   = "SELECT p.vendor_id, COUNT(*) FROM products p";
/* The band index follows search_price_bands() (search.c): keep the two in step. */
static const char SQL_FACET_PRICE_HEAD[] =
    "SELECT CASE WHEN p.sale_price_minor < 1000 THEN 0 WHEN p.sale_price_minor < 2500 THEN 1"
    " WHEN p.sale_price_minor < 5000 THEN 2 WHEN p.sale_price_minor < 10000 THEN 3 ELSE 4 END"
    " AS band, COUNT(*) FROM products p";

/* A category subtree: the nested-set range of its root (ix_categories_lft, eq_ref on the PK). */
static const char SQL_JOIN_CATEGORY[] =
    " JOIN categories c ON c.id = p.category_id AND c.lft BETWEEN ? AND ?";

/* Filters, ANDed in this order. Status leads the list indexes (ix_products_new, _price, ...). */
static const char SQL_F_STATUS[]    = "p.status = ?";
static const char SQL_F_TEXT[]      =
    "MATCH (p.name, p.description, p.brand_name, p.tags) AGAINST (? IN BOOLEAN MODE)";
static const char SQL_F_VENDOR[]    = "p.vendor_id = ?";
static const char SQL_F_MIN_PRICE[] = "p.sale_price_minor >= ?";
static const char SQL_F_MAX_PRICE[] = "p.sale_price_minor <= ?";
static const char SQL_F_CONDITION[] = "p.`condition` = ?";
static const char SQL_F_FEATURED[]  = "p.is_featured = 1";
/* Uses ix_product_variants_product(product_id, stock). */
static const char SQL_F_IN_STOCK[]  =
    "EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0)";

/* Orders: the whitelist of search_sort (the id breaks ties so pages never overlap). */
static const char SQL_ORDER_NEWEST[]     = " ORDER BY p.created_at DESC, p.id DESC";
static const char SQL_ORDER_OLDEST[]     = " ORDER BY p.created_at, p.id";
static const char SQL_ORDER_PRICE_ASC[]  = " ORDER BY p.sale_price_minor, p.id";
static const char SQL_ORDER_PRICE_DESC[] = " ORDER BY p.sale_price_minor DESC, p.id DESC";
static const char SQL_ORDER_POPULAR[]    = " ORDER BY p.likes DESC, p.views DESC, p.id DESC";
static const char SQL_ORDER_RELEVANCE[]  =
    " ORDER BY MATCH (p.name, p.description, p.brand_name, p.tags)"
    " AGAINST (? IN BOOLEAN MODE) DESC, p.id DESC";
static const char *const SQL_ORDER[] = {
    [SEARCH_SORT_NEWEST]     = SQL_ORDER_NEWEST,
    [SEARCH_SORT_OLDEST]     = SQL_ORDER_OLDEST,
    [SEARCH_SORT_PRICE_ASC]  = SQL_ORDER_PRICE_ASC,
    [SEARCH_SORT_PRICE_DESC] = SQL_ORDER_PRICE_DESC,
    [SEARCH_SORT_POPULAR]    = SQL_ORDER_POPULAR,
    [SEARCH_SORT_RELEVANCE]  = SQL_ORDER_RELEVANCE,
};

static const char SQL_GROUP_CATEGORY[] = " GROUP BY p.category_id ORDER BY 2 DESC, 1";
static const char SQL_GROUP_VENDOR[]   = " GROUP BY p.vendor_id ORDER BY 2 DESC, 1 LIMIT 20";
static const char SQL_GROUP_PRICE[]    = " GROUP BY band ORDER BY band";
static const char SQL_WINDOW[]         = " LIMIT ? OFFSET ?";

/* clang-format on */

char *search_fulltext_expr(struct arena *a, const char *text)
{
    if (!text) return NULL;
    struct buf b = BUF_INIT(a);
    size_t words = 0;
    char w[SEARCH_TEXT_MAX + 1];
    const unsigned char *p = (const unsigned char *)text;
    while (words < SEARCH_WORDS_MAX && search_next_word(&p, w)) {
        buf_appendf(&b, "%s+%s*", words ? " " : "", w);
        words++;
    }
    return words ? b.ptr : NULL;
}

struct builder {
    struct buf text;
    struct search_sql *out;
    bool has_where;
};

static void param_l(struct builder *b, int64_t v)
{
    assert(b->out->nparams < SEARCH_SQL_MAX_PARAMS);
    b->out->params[b->out->nparams++] = (struct db_param){ .type = 'l', .l = v };
}

static void param_s(struct builder *b, const char *v)
{
    assert(b->out->nparams < SEARCH_SQL_MAX_PARAMS);
    b->out->params[b->out->nparams++] = (struct db_param){ .type = 's', .s = v };
}

static void where(struct builder *b, const char *fragment)
{
    buf_appends(&b->text, b->has_where ? " AND " : " WHERE ");
    buf_appends(&b->text, fragment);
    b->has_where = true;
}

void search_mariadb_build(struct arena *a, const struct search_query *q, enum search_sql_kind kind,
                          struct search_sql *out)
{
    memset(out, 0, sizeof(*out));
    struct builder b = { BUF_INIT(a), out, false };
    static const char *const heads[] = {
        [SEARCH_SQL_PAGE] = SQL_PAGE_HEAD,
        [SEARCH_SQL_COUNT] = SQL_COUNT_HEAD,
        [SEARCH_SQL_FACET_CATEGORY] = SQL_FACET_CATEGORY_HEAD,
        [SEARCH_SQL_FACET_VENDOR] = SQL_FACET_VENDOR_HEAD,
        [SEARCH_SQL_FACET_PRICE] = SQL_FACET_PRICE_HEAD,
    };
    buf_appends(&b.text, heads[kind]);
    if (q->has_category) {
        buf_appends(&b.text, SQL_JOIN_CATEGORY);
        param_l(&b, q->category_lft);
        param_l(&b, q->category_rgt);
    }
    if (q->status) {
        where(&b, SQL_F_STATUS);
        param_s(&b, q->status);
    }
    char *expr = search_fulltext_expr(a, q->text);
    if (expr) {
        where(&b, SQL_F_TEXT);
        param_s(&b, expr);
    }
    if (q->vendor_id > 0) {
        where(&b, SQL_F_VENDOR);
        param_l(&b, q->vendor_id);
    }
    if (q->has_min_price) {
        where(&b, SQL_F_MIN_PRICE);
        param_l(&b, q->min_price_minor);
    }
    if (q->has_max_price) {
        where(&b, SQL_F_MAX_PRICE);
        param_l(&b, q->max_price_minor);
    }
    if (q->condition) {
        where(&b, SQL_F_CONDITION);
        param_s(&b, q->condition);
    }
    if (q->featured) where(&b, SQL_F_FEATURED);
    if (q->in_stock) where(&b, SQL_F_IN_STOCK);
    switch (kind) {
    case SEARCH_SQL_PAGE: {
        enum search_sort sort = q->sort;
        if (sort > SEARCH_SORT_RELEVANCE || (sort == SEARCH_SORT_RELEVANCE && !expr))
            sort = SEARCH_SORT_NEWEST;
        buf_appends(&b.text, SQL_ORDER[sort]);
        if (sort == SEARCH_SORT_RELEVANCE) param_s(&b, expr);
        buf_appends(&b.text, SQL_WINDOW);
        param_l(&b, (int64_t)q->limit + 1);
        param_l(&b, q->offset);
        break;
    }
    case SEARCH_SQL_COUNT:
        break;
    case SEARCH_SQL_FACET_CATEGORY:
        buf_appends(&b.text, SQL_GROUP_CATEGORY);
        break;
    case SEARCH_SQL_FACET_VENDOR:
        buf_appends(&b.text, SQL_GROUP_VENDOR);
        break;
    case SEARCH_SQL_FACET_PRICE:
        buf_appends(&b.text, SQL_GROUP_PRICE);
        break;
    }
    out->text = b.text.ptr;
}

/* Build kind for q and run it; *res gets the rows. */
static int run(struct wm_ctx *ctx, const struct search_query *q, enum search_sql_kind kind,
               struct db_res **res)
{
    struct search_sql s;
    search_mariadb_build(ctx->arena, q, kind, &s);
    const char *sql = db_intern(ctx, s.text);
    if (!sql) return wm_errorf(ctx, WM_EINTERNAL, "too many distinct search statements");
    return db_query_params(ctx, res, sql, s.params, s.nparams);
}

static int mariadb_find(struct wm_ctx *ctx, const struct search_query *q, struct search_page *out)
{
    ctx->search_used = search_engine_mariadb.name;
    struct db_res *res = NULL;
    int rc = run(ctx, q, SEARCH_SQL_PAGE, &res);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    out->ids = ARENA_ARRAY(ctx->arena, int64_t, rows ? rows : 1);
    int64_t id = 0;
    while (out->n < (size_t)q->limit && (rc = db_next(res, "l", &id)) == 1)
        out->ids[out->n++] = id;
    if (rc < 0) return rc;
    out->has_more = rows > (size_t)q->limit;
    return WM_OK;
}

static int mariadb_count(struct wm_ctx *ctx, const struct search_query *q, int64_t *out)
{
    ctx->search_used = search_engine_mariadb.name;
    struct db_res *res = NULL;
    int rc = run(ctx, q, SEARCH_SQL_COUNT, &res);
    if (rc != WM_OK) return rc;
    rc = db_next(res, "l", out);
    return rc < 0 ? rc : WM_OK;
}

/* The (key, count) rows of a facet statement. */
static int facet(struct wm_ctx *ctx, const struct search_query *q, enum search_sql_kind kind,
                 struct search_facet **out, size_t *n)
{
    struct db_res *res = NULL;
    int rc = run(ctx, q, kind, &res);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *out = ARENA_ARRAY(ctx->arena, struct search_facet, rows ? rows : 1);
    *n = 0;
    while (*n < rows && (rc = db_next(res, "ll", &(*out)[*n].key, &(*out)[*n].count)) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

static int mariadb_facets(struct wm_ctx *ctx, const struct search_query *q,
                          struct search_facets *out)
{
    ctx->search_used = search_engine_mariadb.name;
    int rc = facet(ctx, q, SEARCH_SQL_FACET_CATEGORY, &out->categories, &out->ncategories);
    if (rc == WM_OK) rc = facet(ctx, q, SEARCH_SQL_FACET_VENDOR, &out->vendors, &out->nvendors);
    if (rc == WM_OK)
        rc = facet(ctx, q, SEARCH_SQL_FACET_PRICE, &out->price_bands, &out->nprice_bands);
    return rc;
}

const struct search_engine search_engine_mariadb = {
    "mariadb",
    mariadb_find,
    mariadb_count,
    mariadb_facets,
};
