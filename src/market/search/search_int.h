/*
 * search_int.h: what the files of the search domain share: the word splitter every engine
 * uses, the MariaDB engine's statement builder (exposed so unit tests can check the SQL and
 * parameters it makes without a server), and the wire format between the FastCGI workers and
 * the search server (src/searchd).
 */
#ifndef WM_MARKET_SEARCH_INT_H
#define WM_MARKET_SEARCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "db/db.h"
#include "market/search/search.h"

struct arena;
struct search_result;
struct wm_ctx;

/*
 * The next searchable word of the text at *p: a run of letters and digits (other bytes
 * separate words; bytes >= 0x80 count as letters) of 3 to SEARCH_TEXT_MAX bytes that is not an
 * InnoDB stop word, ASCII lower-cased into w (room for SEARCH_TEXT_MAX + 1 bytes). False at the
 * end of the text. Advances *p.
 */
bool search_next_word(const unsigned char **p, char *w);

/* The search server engine (search_server.c): asks the server at search.socket and falls back
 * to the MariaDB engine, with a warning in the log, when it cannot be reached. */
extern const struct search_engine search_engine_server;

/*
 * The wire format (one request, one answer, each a 4-byte little-endian length then the body
 * in core/pack form). A request: SEARCH_WIRE_VERSION, the wanted parts (enum search_want) and
 * the query's fields; an answer: a code (WM_OK, or an error: the client then falls back) and
 * the parts asked for. Bodies longer than SEARCH_WIRE_MAX are refused.
 */
#define SEARCH_WIRE_VERSION 1
#define SEARCH_WIRE_MAX     (4u << 20)

/* A frame: search_wire_frame_start() reserves the length, the body is appended, then
 * search_wire_frame_end() writes the body's length in front of it. */
void search_wire_frame_start(struct buf *b);
void search_wire_frame_end(struct buf *b);
/* The body length a frame's first 4 bytes announce. */
uint32_t search_wire_frame_len(const unsigned char p[4]);

void search_wire_put_query(struct buf *b, const struct search_query *q, unsigned want);
/* False for a malformed body or another version (*q untouched). Strings are copied into a. */
bool search_wire_get_query(struct arena *a, struct str body, struct search_query *q,
                           unsigned *want);
void search_wire_put_result(struct buf *b, int code, const struct search_result *r, unsigned want);
/* False for a malformed body; *code gets the server's code (the parts only when WM_OK). */
bool search_wire_get_result(struct arena *a, struct str body, unsigned want, int *code,
                            struct search_result *r);

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
