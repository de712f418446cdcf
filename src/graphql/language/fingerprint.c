/*
 * fingerprint.c: a 64-bit fingerprint of a document's token stream (graphql.h): two texts
 * that differ only in white space, commas, comments or string escapes have the same one.
 * Used to recognize a known client document whatever its formatting.
 * Reference: the lexical grammar of spec section 2.1 (ignored tokens).
 */
#include "graphql/graphql.h"

#include "core/arena.h"
#include "graphql/language/lexer.h"

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

bool gql_document_fingerprint(struct arena *a, const char *text, size_t len, uint64_t *out)
{
    struct gql_lexer lx;
    gql_lexer_init(&lx, a, text, len);
    uint64_t h = 1469598103934665603ULL;
    for (;;) {
        if (gql_lex_next(&lx) != 0) return false;
        unsigned char kind = (unsigned char)lx.token.kind;
        if (lx.token.kind == GQL_TOKEN_EOF) break;
        if (lx.token.kind == GQL_TOKEN_COMMENT) continue;
        h = mix(h, &kind, 1);
        h = mix(h, lx.token.value.ptr, lx.token.value.len);
        h = mix(h, "", 1); /* separator: "ab" "c" differs from "a" "bc" */
    }
    *out = h;
    return true;
}
