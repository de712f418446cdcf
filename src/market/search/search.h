/*
 * search.h: finding products. One interface, so that another engine (a dedicated search
 * server) can replace the MariaDB one without touching its callers: a query (full-text words
 * plus filters, a sort and a window) goes in, product ids come out, in order; counts and facets
 * are separate calls, made only when a client asks for them. The engine only finds: loading the
 * products is the catalog's job. Strings live in ctx->arena.
 *
 * Two engines answer the same way: MariaDB's FULLTEXT index over name, description, brand and
 * tags (boolean mode, every word required, prefix matching) combined with the filters
 * (search_mariadb.c), and the search server's in-memory index (search_index.c, asked over
 * search.socket by search_server.c, which falls back to MariaDB). search.socket chooses.
 */
#ifndef WM_MARKET_SEARCH_H
#define WM_MARKET_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

/* Most products one call returns, and the deepest window (offset + limit) served. */
#define SEARCH_MAX_LIMIT  100
#define SEARCH_MAX_OFFSET 100000

/* Longest full-text input kept (bytes), and most words used from it. */
#define SEARCH_TEXT_MAX  200
#define SEARCH_WORDS_MAX 8

/* The orders the contract's sorts map to. RELEVANCE needs words (else it is NEWEST). */
enum search_sort {
    SEARCH_SORT_NEWEST = 0,
    SEARCH_SORT_OLDEST,
    SEARCH_SORT_PRICE_ASC,
    SEARCH_SORT_PRICE_DESC,
    SEARCH_SORT_POPULAR,
    SEARCH_SORT_RELEVANCE,
};

/* What to find. Zeroed means: every product of any status, newest first, nothing skipped. */
struct search_query {
    const char *text;     /* words to find (NULL or blank: no full-text condition) */
    bool has_category;    /* restrict to a category subtree, given as its nested-set range */
    int32_t category_lft; /* categories.lft of the subtree's root */
    int32_t category_rgt; /* categories.rgt of the subtree's root */
    bool has_min_price;   /* sale price (discount price, else price) at least min_price_minor */
    int64_t min_price_minor;
    bool has_max_price; /* ... and at most max_price_minor */
    int64_t max_price_minor;
    int64_t vendor_id;     /* 0: any vendor */
    const char *condition; /* a ConditionEnum name, NULL: any */
    bool in_stock;         /* only products with a variant in stock */
    bool featured;         /* only featured products */
    const char *status;    /* "active", "draft", "archived"; NULL: any (a vendor's own list) */
    enum search_sort sort;
    int64_t offset; /* products skipped, 0..SEARCH_MAX_OFFSET */
    int32_t limit;  /* products returned, 1..SEARCH_MAX_LIMIT */
};

/* One page of results: ids in order, and whether more follow. Arena memory. */
struct search_page {
    int64_t *ids;
    size_t n;
    bool has_more;
};

/* One facet value: a category id, a vendor id, or a price band's index (search_price_bands). */
struct search_facet {
    int64_t key;
    int64_t count;
};

/* Counts of the matching products by category, by vendor (the 20 largest) and by price band. */
struct search_facets {
    struct search_facet *categories;
    size_t ncategories;
    struct search_facet *vendors;
    size_t nvendors;
    struct search_facet *price_bands;
    size_t nprice_bands;
};

/* A price band of the facets: sale prices from min_minor (inclusive) to max_minor (exclusive;
 * 0 = no upper end), in the currency's minor units. */
struct search_price_band {
    const char *label; /* "under 10", "10-25", ... (major units) */
    int64_t min_minor;
    int64_t max_minor;
};

/* The price bands, in order; *n gets their count. */
const struct search_price_band *search_price_bands(size_t *n);

/* An engine: the operations every implementation provides (contracts as below). */
struct search_engine {
    const char *name;
    int (*find)(struct wm_ctx *ctx, const struct search_query *q, struct search_page *out);
    int (*count)(struct wm_ctx *ctx, const struct search_query *q, int64_t *out);
    int (*facets)(struct wm_ctx *ctx, const struct search_query *q, struct search_facets *out);
};

/* True when text holds a word the full-text search uses (3 or more letters or digits, not a
 * stop word): relevance order only means something then. */
bool search_has_words(const char *text);

/* The MariaDB engine. */
extern const struct search_engine search_engine_mariadb;

/*
 * The products matching q, in q->sort order, from q->offset, at most q->limit of them.
 * WM_EINVAL for a limit or offset out of range, a text that is too long, or an unknown
 * condition or status (the message names it); else WM_OK or a database error.
 */
int search_find(struct wm_ctx *ctx, const struct search_query *q, struct search_page *out);

/* How many products match q (offset and limit ignored). Errors as search_find(). */
int search_count(struct wm_ctx *ctx, const struct search_query *q, int64_t *out);

/* The facets of the products matching q (offset and limit ignored). Errors as search_find(). */
int search_facets(struct wm_ctx *ctx, const struct search_query *q, struct search_facets *out);

#endif
