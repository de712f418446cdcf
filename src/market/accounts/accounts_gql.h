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

/* Mutation.refreshToken, verifyToken, revokeToken (django-graphql-jwt's shapes). */
gql_resolve_fn accounts_gql_refresh_token;
gql_resolve_fn accounts_gql_verify_token;
gql_resolve_fn accounts_gql_revoke_token;
/* Mutation.resetPassword (a change of password): MutationResponse. */
gql_resolve_fn accounts_gql_reset_password;
/* Query.is2FAEnabled, Mutation.enable2FA, verify2FA, disable2FA. */
gql_resolve_fn accounts_gql_is_2fa_enabled;
gql_resolve_fn accounts_gql_enable_2fa;
gql_resolve_fn accounts_gql_verify_2fa;
gql_resolve_fn accounts_gql_disable_2fa;
/* Query.getActiveSessions, Mutation.terminateSession, terminateAllOtherSessions. */
gql_resolve_fn accounts_gql_active_sessions;
gql_resolve_fn accounts_gql_terminate_session;
gql_resolve_fn accounts_gql_terminate_others;
/* Mutation.updateUser: UpdateUserPayload {success, message, user}. */
gql_resolve_fn accounts_gql_update_user;
/* Mutation.setProfilePicture(file: Upload!): UpdateUserPayload; the image is checked and
 * re-encoded like any upload (media.h), then becomes the profile picture. */
gql_resolve_fn accounts_gql_set_profile_picture;

/* Mutation.verifyEmail, resendVerificationEmail, requestPasswordReset,
 * resetPasswordWithToken: MutationResponse. */
gql_resolve_fn accounts_gql_verify_email;
gql_resolve_fn accounts_gql_resend_verification;
gql_resolve_fn accounts_gql_request_password_reset;
gql_resolve_fn accounts_gql_reset_password_with_token;

/* Field map of the Session type (source: struct account_session). */
extern const struct gql_field_map accounts_gql_session_fields[];

/* Field map of the User type (source: struct user). */
extern const struct gql_field_map accounts_gql_user_fields[];

#endif
