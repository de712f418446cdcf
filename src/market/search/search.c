/*
 * search.c: the rules in front of every search engine (search.h): the window and the inputs
 * are checked once here, then the configured engine runs: the search server (src/searchd) when
 * search.socket is set, else MariaDB. A test may pick the engine of one request
 * (ctx->search_engine). Also the word splitter every engine shares.
 */
#include "market/search/search.h"

#include <string.h>

#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/search/search_int.h"

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

/* InnoDB's default full-text stop words (INNODB_FT_DEFAULT_STOPWORD): InnoDB does not index
 * them, so a required stop word would match nothing; every engine drops them. */
static const char *const STOP_WORDS[] = { "about", "are",  "com", "for",  "from", "how",   "that",
                                          "the",   "this", "was", "what", "when", "where", "who",
                                          "will",  "with", "und", "www",  NULL };

static bool is_stop_word(const char *w, size_t n)
{
    for (size_t i = 0; STOP_WORDS[i]; i++)
        if (strlen(STOP_WORDS[i]) == n && memcmp(STOP_WORDS[i], w, n) == 0) return true;
    return false;
}

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool search_next_word(const unsigned char **p, char *w)
{
    while (**p) {
        while (**p && !is_word_byte(**p))
            (*p)++;
        const unsigned char *start = *p;
        while (**p && is_word_byte(**p))
            (*p)++;
        size_t n = (size_t)(*p - start);
        if (n < 3 || n > SEARCH_TEXT_MAX) continue;
        for (size_t i = 0; i < n; i++)
            w[i] = (char)(start[i] >= 'A' && start[i] <= 'Z' ? start[i] + 32 : start[i]);
        w[n] = '\0';
        if (!is_stop_word(w, n)) return true;
    }
    return false;
}

bool search_has_words(const char *text)
{
    char w[SEARCH_TEXT_MAX + 1];
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    return search_next_word(&p, w);
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

/* The engine of this request. */
static const struct search_engine *engine(const struct wm_ctx *ctx)
{
    const char *forced = ctx->search_engine;
    if (forced)
        return strcmp(forced, "mariadb") == 0 ? &search_engine_mariadb : &search_engine_server;
    if (ctx->config && ctx->config->search_socket && ctx->config->search_socket[0])
        return &search_engine_server;
    return &search_engine_mariadb;
}

int search_find(struct wm_ctx *ctx, const struct search_query *q, struct search_page *out)
{
    memset(out, 0, sizeof(*out));
    int rc = check(ctx, q, true);
    return rc != WM_OK ? rc : engine(ctx)->find(ctx, q, out);
}

int search_count(struct wm_ctx *ctx, const struct search_query *q, int64_t *out)
{
    *out = 0;
    int rc = check(ctx, q, false);
    return rc != WM_OK ? rc : engine(ctx)->count(ctx, q, out);
}

int search_facets(struct wm_ctx *ctx, const struct search_query *q, struct search_facets *out)
{
    memset(out, 0, sizeof(*out));
    int rc = check(ctx, q, false);
    return rc != WM_OK ? rc : engine(ctx)->facets(ctx, q, out);
}
