/*
 * search_int.h: what the files of the search domain share: the MariaDB engine's statement
 * builder, exposed so unit tests can check the SQL and parameters it makes without a server.
 */
#ifndef WM_MARKET_SEARCH_INT_H
#define WM_MARKET_SEARCH_INT_H

#include <stddef.h>

#include "core/buf.h"
#include "db/db.h"
#include "market/search/search.h"

struct arena;

/* Most parameters one built statement binds. */
#define SEARCH_SQL_MAX_PARAMS 16

/* Which statement to build for a query. */
enum search_sql_kind {
    SEARCH_SQL_PAGE = 0,       /* p.id of one window, in order (limit + 1 rows: has_more) */
    SEARCH_SQL_COUNT,          /* COUNT(*) */
    SEARCH_SQL_FACET_CATEGORY, /* category_id, COUNT(*) */
    SEARCH_SQL_FACET_VENDOR,   /* vendor_id, COUNT(*), the 20 largest */
    SEARCH_SQL_FACET_PRICE,    /* price band index, COUNT(*) */
};

/* A built statement: its text (arena) and its parameters, in order. */
struct search_sql {
    char *text;
    struct db_param params[SEARCH_SQL_MAX_PARAMS];
    size_t nparams;
};

/*
 * The boolean-mode full-text expression for text: each word of letters and digits (other bytes
 * separate words; UTF-8 letters are kept) of 3 or more bytes that is not an InnoDB stop word,
 * as "+word*", at most SEARCH_WORDS_MAX, lower-cased ASCII. NULL when no word qualifies (the
 * query then has no full-text condition). Arena string.
 */
char *search_fulltext_expr(struct arena *a, const char *text);

/*
 * Build statement kind for q (already checked by search_find's rules) into out. Only static
 * fragments are pasted; every value is a parameter. The text is the same for queries that use
 * the same filters and sort, so db_intern() keeps a bounded number of them.
 */
void search_mariadb_build(struct arena *a, const struct search_query *q, enum search_sql_kind kind,
                          struct search_sql *out);

#endif
