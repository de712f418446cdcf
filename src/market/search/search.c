/*
 * search.c: the rules in front of every search engine (search.h): the window and the inputs
 * are checked once here, then the configured engine runs. Only the MariaDB engine exists.
 */
#include "market/search/search.h"

#include <string.h>

#include "core/ctx.h"
#include "core/err.h"

/* clang-format off */
static const struct search_price_band price_bands[] = {
    { "under 10", 0,     1000  },
    { "10-25",    1000,  2500  },
    { "25-50",    2500,  5000  },
    { "50-100",   5000,  10000 },
    { "100+",     10000, 0     },
};
/* clang-format on */

const struct search_price_band *search_price_bands(size_t *n)
{
    *n = sizeof(price_bands) / sizeof(price_bands[0]);
    return price_bands;
}

static bool is_one_of(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0) return true;
    return false;
}

/* The checks every engine relies on; window checks only when with_window. */
static int check(struct wm_ctx *ctx, const struct search_query *q, bool with_window)
{
    static const char *const conditions[] = { "BRAND_NEW_WITH_TAGS", "BRAND_NEW_WITHOUT_TAGS",
                                              "EXCELLENT_CONDITION", "GOOD_CONDITION",
                                              "HEAVILY_USED",        NULL };
    static const char *const statuses[] = { "active", "draft", "archived", NULL };
    if (with_window && (q->limit < 1 || q->limit > SEARCH_MAX_LIMIT))
        return wm_errorf(ctx, WM_EINVAL, "page size must be between 1 and %d", SEARCH_MAX_LIMIT);
    if (with_window && (q->offset < 0 || q->offset > SEARCH_MAX_OFFSET))
        return wm_errorf(ctx, WM_EINVAL, "cannot page beyond %d products", SEARCH_MAX_OFFSET);
    if (q->text && strlen(q->text) > SEARCH_TEXT_MAX)
        return wm_errorf(ctx, WM_EINVAL, "search text is longer than %d characters",
                         SEARCH_TEXT_MAX);
    if (q->condition && !is_one_of(q->condition, conditions))
        return wm_errorf(ctx, WM_EINVAL, "unknown condition '%.40s'", q->condition);
    if (q->status && !is_one_of(q->status, statuses))
        return wm_errorf(ctx, WM_EINVAL, "unknown status '%.20s'", q->status);
    if (q->has_min_price && q->has_max_price && q->min_price_minor > q->max_price_minor)
        return wm_errorf(ctx, WM_EINVAL, "minimum price is above the maximum price");
    return WM_OK;
}

int search_find(struct wm_ctx *ctx, const struct search_query *q, struct search_page *out)
{
    memset(out, 0, sizeof(*out));
    int rc = check(ctx, q, true);
    return rc != WM_OK ? rc : search_engine_mariadb.find(ctx, q, out);
}

int search_count(struct wm_ctx *ctx, const struct search_query *q, int64_t *out)
{
    *out = 0;
    int rc = check(ctx, q, false);
    return rc != WM_OK ? rc : search_engine_mariadb.count(ctx, q, out);
}

int search_facets(struct wm_ctx *ctx, const struct search_query *q, struct search_facets *out)
{
    memset(out, 0, sizeof(*out));
    int rc = check(ctx, q, false);
    return rc != WM_OK ? rc : search_engine_mariadb.facets(ctx, q, out);
}
