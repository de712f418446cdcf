/*
 * accounts_gql.h: the GraphQL adapter of the accounts domain: Mutation.register, login and
 * logout, Query.viewMe, the User type, and the per-request viewer set-up the surface calls.
 */
#ifndef WM_MARKET_ACCOUNTS_GQL_H
#define WM_MARKET_ACCOUNTS_GQL_H

#include "graphql/graphql.h"

struct wm_ctx;

/*
 * Set up ctx->viewer from the request's Authorization header value (NULL when absent). Call
 * once per request before executing; it never fails the request (fields that need a user
 * report why there is none). Returns WM_OK, or a database error already recorded in the
 * viewer (ctx->err is cleared either way).
 */
int accounts_gql_authenticate(struct wm_ctx *ctx, const char *authorization_header);

/* Mutation.register: RegisterPayload {success, token, refreshToken, errors: [String]}. */
gql_resolve_fn accounts_gql_register;
/* Mutation.login: LoginPayload {token, refreshToken, user}, or "Please enter valid
 * credentials" (UNAUTHENTICATED). */
gql_resolve_fn accounts_gql_login;
/* Mutation.logout: LogoutPayload {message}; always succeeds for a well-formed call. */
gql_resolve_fn accounts_gql_logout;
/* Query.viewMe: the signed-in User, or an UNAUTHENTICATED / TOKEN_EXPIRED error. */
gql_resolve_fn accounts_gql_view_me;

/* Field map of the User type (source: struct user). */
extern const struct gql_field_map accounts_gql_user_fields[];

#endif
