/*
 * lexer.h: the GraphQL lexer (spec section 2.1). It turns UTF-8 source text into tokens on
 * demand, one token of lookahead, skipping the ignored tokens (white space, line terminators,
 * commas, comments, the byte order mark). It never allocates except to decode a string with
 * escapes or a multi-line block string, into the arena given at init. Errors carry graphql-js
 * wording ("Unterminated string.") without the "Syntax Error: " prefix the parser adds.
 * Reference: graphql-js src/language/lexer.ts, blockString.ts, characterClasses.ts.
 */
#ifndef WM_GRAPHQL_LANGUAGE_LEXER_H
#define WM_GRAPHQL_LANGUAGE_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "graphql/language/ast.h"
#include "graphql/language/token.h"

struct arena;

struct gql_lexer {
    const char *src;        /* the source text (not NUL-terminated) */
    size_t len;             /* its length in bytes */
    size_t pos;             /* where the next read starts */
    uint32_t line;          /* 1-based line at pos */
    size_t line_start;      /* byte offset of the start of that line */
    struct gql_token token; /* the current token (kind SOF before the first gql_lex_next) */
    struct gql_token last;  /* the token before it */
    struct arena *arena;    /* for decoded string values */
    /* private */
    struct gql_token ahead; /* the peeked token when has_ahead */
    bool has_ahead;
    size_t line_extra; /* bytes beyond UTF-16 units of the characters consumed on this line */
    /* set when a read fails */
    const char *error;        /* message (static or arena), e.g. "Unterminated string." */
    struct gql_loc error_loc; /* where, as graphql-js reports it */
};

/* Start lexing len bytes at src; strings are decoded into a. The source must outlive the
 * tokens (their values are slices of it). */
void gql_lexer_init(struct gql_lexer *lx, struct arena *a, const char *src, size_t len);

/*
 * Advance to the next significant token: lx->last gets the current one, lx->token the new
 * one. After the end every call gives EOF again. Returns WM_OK, or WM_EINVAL with
 * lx->error and lx->error_loc set (the token is then unchanged); once failed, stays failed.
 */
int gql_lex_next(struct gql_lexer *lx);

/*
 * The significant token after the current one, without advancing (graphql-js lookahead()).
 * Returns WM_OK with *out pointing into lx (valid until the next call), or WM_EINVAL as
 * gql_lex_next does.
 */
int gql_lex_peek(struct gql_lexer *lx, const struct gql_token **out);

/* The line and column of byte offset pos in src, as graphql-js getLocation() counts them:
 * lines end at \n, \r\n or \r; columns are 1-based UTF-16 code units. */
struct gql_loc gql_source_loc(const char *src, size_t len, size_t pos);

/*
 * The value of a block string from its raw text (between the triple quotes, \""" escapes
 * still in it): common indentation removed, blank first and last lines dropped, line ends
 * normalized to \n (spec BlockStringValue(), graphql-js dedentBlockStringLines). A slice of
 * raw when nothing changes, else arena memory.
 */
struct str gql_block_string_value(struct arena *a, struct str raw);

#endif
