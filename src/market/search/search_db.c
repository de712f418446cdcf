/*
 * search_db.c: what the search server reads from MariaDB: products as index records
 * (search_index.h), and the change log search_changes that triggers fill in the writing
 * transaction (migration 0015), so every committed change of a product, its stock or its
 * category reaches the index.
 */
#include "market/search/search_index.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

/* clang-format off */

/* A product as the index needs it. In stock as the MariaDB engine's filter says it. */
#define SEARCH_DOC_COLUMNS \
    "SELECT p.id, p.status, p.category_id, IFNULL(c.lft, -1), p.vendor_id, p.`condition`," \
    " EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0)," \
    " p.is_featured, p.sale_price_minor," \
    " TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', p.created_at), p.likes, p.views," \
    " p.name, p.description, p.brand_name, p.tags" \
    " FROM products p LEFT JOIN categories c ON c.id = p.category_id"
#define SEARCH_DOC_TYPES "lslllsbbllllssss"

/* The primary key, in order (keyset paging). */
static const char SQL_LOAD[] = SEARCH_DOC_COLUMNS " WHERE p.id > ? ORDER BY p.id LIMIT ?";
static const char SQL_LOAD_ONE[] = SEARCH_DOC_COLUMNS " WHERE p.id = ?";
static const char SQL_LAST_CHANGE[] = "SELECT IFNULL(MAX(seq), 0) FROM search_changes";
static const char SQL_CHANGES[] =
    "SELECT seq, product_id FROM search_changes WHERE seq > ? ORDER BY seq LIMIT ?";
/* ix_search_changes_at; bounded so one call never holds locks for long. */
static const char SQL_PRUNE[] =
    "DELETE FROM search_changes WHERE changed_at < NOW(6) - INTERVAL 1 HOUR LIMIT 10000";

/* clang-format on */

static int next_doc(struct db_res *res, struct search_doc *d)
{
    *d = (struct search_doc){ 0 };
    int64_t lft = -1;
    char *status = NULL, *condition = NULL;
    char *name = NULL, *description = NULL, *brand = NULL, *tags = NULL;
    int rc = db_next(res, SEARCH_DOC_TYPES, &d->id, &status, &d->category_id, &lft, &d->vendor_id,
                     &condition, &d->in_stock, &d->featured, &d->sale_price_minor, &d->created_us,
                     &d->likes, &d->views, &name, &description, &brand, &tags);
    if (rc != 1) return rc;
    d->status = status;
    d->condition = condition;
    d->category_lft = (int32_t)lft;
    d->text[0] = name;
    d->text[1] = description;
    d->text[2] = brand;
    d->text[3] = tags;
    return 1;
}

int search_db_load(struct wm_ctx *ctx, int64_t after, size_t max, struct search_doc **docs,
                   size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LOAD, "ll", after, (int64_t)max);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *docs = ARENA_ARRAY(ctx->arena, struct search_doc, rows ? rows : 1);
    while (*n < rows && (rc = next_doc(res, &(*docs)[*n])) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

int search_db_load_one(struct wm_ctx *ctx, int64_t id, struct search_doc *d, bool *found)
{
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_LOAD_ONE, "l", id);
    if (rc != WM_OK) return rc;
    rc = next_doc(res, d);
    if (rc < 0) return rc;
    *found = rc == 1;
    return WM_OK;
}

int search_db_last_change(struct wm_ctx *ctx, int64_t *seq)
{
    *seq = 0;
    return db_query_one(ctx, SQL_LAST_CHANGE, "", "l", seq);
}

int search_db_changes(struct wm_ctx *ctx, int64_t after, size_t max, struct search_change **out,
                      size_t *n)
{
    *n = 0;
    struct db_res *res = NULL;
    int rc = db_query(ctx, &res, SQL_CHANGES, "ll", after, (int64_t)max);
    if (rc != WM_OK) return rc;
    size_t rows = db_res_rows(res);
    *out = ARENA_ARRAY(ctx->arena, struct search_change, rows ? rows : 1);
    while (*n < rows && (rc = db_next(res, "ll", &(*out)[*n].seq, &(*out)[*n].product_id)) == 1)
        (*n)++;
    return rc < 0 ? rc : WM_OK;
}

int search_db_prune(struct wm_ctx *ctx)
{
    return db_exec(ctx, SQL_PRUNE, "");
}
