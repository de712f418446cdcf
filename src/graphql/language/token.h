/*
 * token.h: the lexical tokens of GraphQL (spec section 2.1.6 "Lexical Tokens"). A token is a
 * kind, its byte range in the source, the line and column where it starts, and a value: a
 * slice of the source for names and numbers, or the decoded text of a string (a slice too
 * when the string needs no decoding, else arena memory).
 * Reference: graphql-js src/language/tokenKind.ts and the Token class of ast.ts.
 */
#ifndef WM_GRAPHQL_LANGUAGE_TOKEN_H
#define WM_GRAPHQL_LANGUAGE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* Kind and the description graphql-js gives it in messages (TokenKind's string values). */
/* clang-format off */
#define GQL_TOKEN_MAP(X)                                  \
    X(SOF,          "<SOF>")                              \
    X(EOF,          "<EOF>")                              \
    X(BANG,         "!")                                  \
    X(DOLLAR,       "$")                                  \
    X(AMP,          "&")                                  \
    X(PAREN_L,      "(")                                  \
    X(PAREN_R,      ")")                                  \
    X(SPREAD,       "...")                                \
    X(COLON,        ":")                                  \
    X(EQUALS,       "=")                                  \
    X(AT,           "@")                                  \
    X(BRACKET_L,    "[")                                  \
    X(BRACKET_R,    "]")                                  \
    X(BRACE_L,      "{")                                  \
    X(PIPE,         "|")                                  \
    X(BRACE_R,      "}")                                  \
    X(NAME,         "Name")                               \
    X(INT,          "Int")                                \
    X(FLOAT,        "Float")                              \
    X(STRING,       "String")                             \
    X(BLOCK_STRING, "BlockString")                        \
    X(COMMENT,      "Comment")
/* clang-format on */

enum gql_token_kind {
#define X(name, desc) GQL_TOKEN_##name,
    GQL_TOKEN_MAP(X)
#undef X
            GQL_TOKEN_KIND_COUNT
};

struct gql_token {
    enum gql_token_kind kind;
    uint32_t line;    /* 1-based line of the first character */
    uint32_t column;  /* 1-based, in UTF-16 code units as graphql-js counts */
    size_t start;     /* byte offset of the first character */
    size_t end;       /* byte offset just past the last character */
    struct str value; /* NAME, INT, FLOAT: the text; STRING, BLOCK_STRING: the decoded value;
                         COMMENT: the text after '#'; others: empty */
};

/* The kind as graphql-js names it in messages: "Name", "<EOF>", "{" ... */
const char *gql_token_kind_desc(enum gql_token_kind kind);

/* True for ! $ & ( ) ... : = @ [ ] { | } (graphql-js isPunctuatorTokenKind). */
static inline int gql_token_is_punctuator(enum gql_token_kind kind)
{
    return kind >= GQL_TOKEN_BANG && kind <= GQL_TOKEN_BRACE_R;
}

#endif
