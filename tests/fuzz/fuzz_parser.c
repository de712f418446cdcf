/*
 * fuzz_parser.c: a libFuzzer target for the GraphQL lexer and parser. Each input is parsed
 * as a document with small limits in an arena reset after every input; a successful parse
 * is walked through the printer for every value, and a failed one must leave exactly one
 * error and no document. ASan/UBSan report any memory error on the way.
 *   clang -std=c11 -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *     tests/fuzz/fuzz_parser.c src/graphql/language/[a-z]*.c src/graphql/error.c \
 *     src/core/arena.c src/core/buf.c src/core/err.c src/core/ctx.c -o /tmp/fuzz_parser
 * Reference: graphql-js src/language/parser.ts (the code under test mirrors it).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "graphql/graphql.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void print_values(struct buf *b, const struct gql_ast_value *v)
{
    buf_reset(b);
    gql_append_value(b, v);
}

/* Print every argument value and variable type of the executable definitions. */
static void walk_selections(struct buf *b, const struct gql_selection_set *ss)
{
    if (ss == NULL) return;
    for (size_t i = 0; i < ss->selections.count; i++) {
        const struct gql_selection *s = ss->selections.items[i];
        for (size_t j = 0; j < s->args.count; j++)
            print_values(b, s->args.items[j]->value);
        walk_selections(b, s->selection_set);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One arena for the whole run, reset per input, as the FastCGI loop does. */
    static struct arena *arena;
    if (arena == NULL) arena = arena_new(0);
    /* The exact bytes in their own allocation, so that a read past the end is caught. */
    char *text = malloc(size ? size : 1);
    memcpy(text, data, size);
    struct gql_limits lim = { .max_tokens = 2000, .max_depth = 16, .max_errors = 10 };
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    int rc = gql_parse(arena, text, size, &lim, &doc, &errs);
    if (rc == WM_OK) {
        if (doc == NULL || errs.count != 0) abort();
        struct buf b = BUF_INIT(arena);
        for (size_t i = 0; i < doc->definitions.count; i++) {
            const struct gql_node *n = doc->definitions.items[i];
            if (n->kind == GQL_OPERATION_DEFINITION) {
                const struct gql_operation *op = (const struct gql_operation *)n;
                for (size_t j = 0; j < op->variables.count; j++) {
                    buf_reset(&b);
                    gql_append_type_ref(&b, op->variables.items[j]->type);
                    if (op->variables.items[j]->default_value)
                        print_values(&b, op->variables.items[j]->default_value);
                }
                walk_selections(&b, op->selection_set);
            } else if (n->kind == GQL_FRAGMENT_DEFINITION) {
                walk_selections(&b, ((const struct gql_fragment *)n)->selection_set);
            }
        }
    } else {
        if (doc != NULL || errs.count != 1 || (rc != WM_EINVAL && rc != WM_ELIMIT)) abort();
        if (strncmp(errs.items[0].message, "Syntax Error: ", 14) != 0) abort();
    }
    free(text);
    arena_reset(arena);
    return 0;
}
