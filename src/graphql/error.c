/*
 * error.c: building the GraphQL errors of a response ("errors": message, locations, code) in
 * the request arena. Lists grow by doubling inside the arena and honour their cap: once
 * errs->max errors are held, further ones are dropped and errs->truncated is set, which lets
 * validation say "Too many validation errors" as graphql-js does.
 * Reference: graphql-js src/error/GraphQLError.ts, syntaxError.ts.
 */
#include "graphql/graphql.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"

void gql_error_add(struct arena *a, struct gql_errors *errs, const char *code,
                   const struct gql_loc *loc1, const struct gql_loc *loc2, const char *fmt, ...)
{
    if (errs->max != 0 && errs->count >= errs->max) {
        errs->truncated = true;
        return;
    }
    if (errs->count == errs->cap) {
        size_t cap = errs->cap ? errs->cap * 2 : 4;
        struct gql_error *items = ARENA_ARRAY(a, struct gql_error, cap);
        if (errs->count != 0) memcpy(items, errs->items, errs->count * sizeof *items);
        errs->items = items;
        errs->cap = cap;
    }
    struct gql_error *e = &errs->items[errs->count++];
    memset(e, 0, sizeof *e);

    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
    if (n >= 0)
        (void)vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    else
        msg[0] = '\0';
    va_end(ap2);
    e->message = msg;

    size_t nloc = (loc1 != NULL) + (loc2 != NULL);
    if (nloc != 0) {
        e->locations = ARENA_ARRAY(a, struct gql_loc, nloc);
        if (loc1 != NULL) e->locations[e->nlocations++] = *loc1;
        if (loc2 != NULL) e->locations[e->nlocations++] = *loc2;
    }
    e->code = code;
}
