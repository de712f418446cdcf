/*
 * search_index.h: the in-memory product index the search server (src/searchd) keeps, so that a
 * search over a million products costs milliseconds: an inverted index (every word of 3 or more
 * letters or digits of a product's name, description, brand and tags, lower-cased, with its
 * frequency) plus the fields the filters, sorts and facets read, one fixed-size record per
 * product. A query answers the same question as the MariaDB engine (search.h): the same words
 * (search_next_word: each word of the query is a required prefix), the same filters, the same
 * sorts with the same tie-breaks, exact counts and facets. Only RELEVANCE differs in detail: it
 * is BM25 over the matched words, where InnoDB has its own ranking.
 *
 * Products are replaced by appending: the old record is marked dead and its postings stay until
 * search_index_compact() drops them (the server calls it when dead records pile up). Not
 * thread-safe: one thread owns an index. Heap memory, released by search_index_free().
 */
#ifndef WM_MARKET_SEARCH_INDEX_H
#define WM_MARKET_SEARCH_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/search/search.h"

struct arena;
struct search_index;
struct search_scratch;

/* What one product brings to the index (strings are copied as words; nothing is kept). */
struct search_doc {
    int64_t id;
    const char *status;    /* "active", "draft", "archived" */
    int64_t category_id;   /* 0: none */
    int32_t category_lft;  /* categories.lft (-1: no category: never in a category filter) */
    int64_t vendor_id;     /* 0: none */
    const char *condition; /* a ConditionEnum name or NULL */
    bool in_stock;         /* a variant has stock */
    bool featured;
    int64_t sale_price_minor;
    int64_t created_us; /* created_at in microseconds since 1970 */
    int64_t likes;
    int64_t views;
    const char *text[4]; /* name, description, brand name, tags; NULL fields are skipped */
};

/* What a query asks for: any of these bits. */
enum search_want {
    SEARCH_WANT_PAGE = 1 << 0,
    SEARCH_WANT_COUNT = 1 << 1,
    SEARCH_WANT_FACETS = 1 << 2,
};

/* A query's answers (those asked for). Arrays live in the arena given to the query. */
struct search_result {
    struct search_page page;
    int64_t count;
    struct search_facets facets;
};

/* A new empty index. */
struct search_index *search_index_new(void);

/* Free the index and everything in it. NULL is a no-op. */
void search_index_free(struct search_index *ix);

/* Add d, or replace the product with d's id. */
void search_index_put(struct search_index *ix, const struct search_doc *d);

/* Forget the product with this id (no-op when absent). */
void search_index_remove(struct search_index *ix, int64_t id);

/* Products in the index, and dead records still holding postings. */
size_t search_index_live(const struct search_index *ix);
size_t search_index_dead(const struct search_index *ix);

/* Drop the dead records and their postings (renumbers records; ids are unchanged). */
void search_index_compact(struct search_index *ix);

/*
 * Answer q (already checked by search.c's rules: window, text, enum names) for the parts in
 * want (enum search_want) into out, arrays in a. Deterministic: the same index and query give
 * the same answer. Facets as the MariaDB engine: every category with its count, the 20 vendors
 * with most products, the non-empty price bands in band order; counts descending, then keys
 * ascending. sc: the calling thread's scratch.
 */
void search_index_query(const struct search_index *ix, struct search_scratch *sc, struct arena *a,
                        const struct search_query *q, unsigned want, struct search_result *out);

/* The memory a query needs per record (about 5 bytes each), reused from query to query: one
 * per thread, since queries only read the index and may run side by side (while nothing
 * changes it). */
struct search_scratch *search_scratch_new(void);
void search_scratch_free(struct search_scratch *sc);

/* ---- feeding an index from MariaDB (search_db.c) ------------------------------------------ */

struct wm_ctx;

/* One row of search_changes: a product to read again (0: every product). */
struct search_change {
    int64_t seq;
    int64_t product_id;
};

/* Up to max products with an id above after, in id order, into *docs (ctx->arena). */
int search_db_load(struct wm_ctx *ctx, int64_t after, size_t max, struct search_doc **docs,
                   size_t *n);

/* The product with this id into *d (ctx->arena); *found false when it is gone. */
int search_db_load_one(struct wm_ctx *ctx, int64_t id, struct search_doc *d, bool *found);

/* The newest change's sequence number (0: none). */
int search_db_last_change(struct wm_ctx *ctx, int64_t *seq);

/* Up to max changes with a sequence number above after, in order (ctx->arena). */
int search_db_changes(struct wm_ctx *ctx, int64_t after, size_t max, struct search_change **out,
                      size_t *n);

/* Forget changes older than an hour (every reader has long applied them). */
int search_db_prune(struct wm_ctx *ctx);

#endif
