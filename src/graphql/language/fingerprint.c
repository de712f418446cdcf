/*
 * fingerprint.c: a 64-bit fingerprint of a document's token stream (graphql.h): two texts
 * that differ only in white space, commas, comments or string escapes have the same one.
 * Used to recognize a known client document whatever its formatting.
 * Reference: the lexical grammar of spec section 2.1 (ignored tokens).
 */
#include "graphql/graphql.h"

#include "core/arena.h"
#include "core/hash.h"
#include "graphql/language/lexer.h"

bool gql_document_fingerprint(struct arena *a, const char *text, size_t len, uint64_t *out)
{
    struct gql_lexer lx;
    gql_lexer_init(&lx, a, text, len);
    uint64_t h = HASH_FNV1A_INIT;
    for (;;) {
        if (gql_lex_next(&lx) != 0) return false;
        unsigned char kind = (unsigned char)lx.token.kind;
        if (lx.token.kind == GQL_TOKEN_EOF) break;
        if (lx.token.kind == GQL_TOKEN_COMMENT) continue;
        h = hash_fnv1a_more(h, &kind, 1);
        h = hash_fnv1a_more(h, lx.token.value.ptr, lx.token.value.len);
        h = hash_fnv1a_more(h, "", 1); /* separator: "ab" "c" differs from "a" "bc" */
    }
    *out = h;
    return true;
}
