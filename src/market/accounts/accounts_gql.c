/*
 * accounts_gql.c: GraphQL adapter of the accounts domain (accounts_gql.h). Arguments become
 * the domain's structs, results become payload objects in the contract's shapes: register
 * reports problems in its payload (errors, a list of strings) with success false; login and
 * viewMe report failures as GraphQL errors with the wording the Flutter app matches.
 */
#include "market/accounts/accounts_gql.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"

int accounts_gql_authenticate(struct wm_ctx *ctx, const char *authorization_header)
{
    int rc = account_authenticate(ctx, authorization_header);
    wm_clear_error(ctx);
    return rc;
}

/*
 * The String argument name as a NUL-terminated string in *out ("" when null or absent).
 * WM_EINVAL when it holds a NUL character, which C strings cannot carry.
 */
static int arg_text(const struct gql_call *call, const char *name, const char **out)
{
    const struct gql_value *v = gql_arg(call, name);
    *out = "";
    if (!v || v->kind != GQL_V_STRING) return WM_OK;
    if (memchr(v->u.s.ptr, '\0', v->u.s.len))
        return wm_errorf(call->ctx, WM_EINVAL, "argument '%s' contains a NUL character", name);
    *out = str_dup(call->ctx->arena, v->u.s);
    return WM_OK;
}

static bool arg_bool(const struct gql_call *call, const char *name)
{
    const struct gql_value *v = gql_arg(call, name);
    return v && v->kind == GQL_V_BOOL && v->u.b;
}

int accounts_gql_register(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct account_signup in = { .terms_accepted = arg_bool(call, "termsAccepted") };
    int rc = arg_text(call, "email", &in.email);
    if (rc == WM_OK) rc = arg_text(call, "password1", &in.password1);
    if (rc == WM_OK) rc = arg_text(call, "password2", &in.password2);
    if (rc == WM_OK) rc = arg_text(call, "firstName", &in.first_name);
    if (rc == WM_OK) rc = arg_text(call, "lastName", &in.last_name);
    if (rc == WM_OK) rc = arg_text(call, "accountType", &in.account_type);
    if (rc != WM_OK) return rc;
    /* Emails are compared and stored without surrounding blanks (Django strips them too). */
    in.email = str_dup(ctx->arena, str_trim(str_from(in.email)));

    const char **problems = NULL;
    size_t n = 0;
    struct account_tokens t;
    rc = account_register(ctx, &in, &problems, &n, &t);
    if (rc != WM_OK && rc != WM_EINVAL) return rc;
    if (rc == WM_EINVAL && n == 0) return rc;
    *out = gql_object(ctx->arena, 4);
    gql_object_set(ctx->arena, out, "success", gql_bool(rc == WM_OK));
    gql_object_set(ctx->arena, out, "token",
                   rc == WM_OK ? gql_string(ctx->arena, t.token) : gql_null());
    gql_object_set(ctx->arena, out, "refreshToken",
                   rc == WM_OK ? gql_string(ctx->arena, t.refresh_token) : gql_null());
    struct gql_value errors = gql_null();
    if (n > 0) {
        errors = gql_list(ctx->arena, n);
        for (size_t i = 0; i < n; i++)
            errors.u.list.items[i] = gql_string_n(str_from(problems[i]));
    }
    gql_object_set(ctx->arena, out, "errors", errors);
    wm_clear_error(ctx);
    return WM_OK;
}

int accounts_gql_login(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const char *email = NULL;
    const char *password = NULL;
    int rc = arg_text(call, "email", &email);
    if (rc == WM_OK) rc = arg_text(call, "password", &password);
    if (rc != WM_OK) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_LOGIN);
    email = str_dup(ctx->arena, str_trim(str_from(email)));
    struct account_tokens t;
    rc = account_login(ctx, email, password, &t);
    if (rc != WM_OK) return rc;
    *out = gql_object(ctx->arena, 3);
    gql_object_set(ctx->arena, out, "token", gql_string(ctx->arena, t.token));
    gql_object_set(ctx->arena, out, "refreshToken", gql_string(ctx->arena, t.refresh_token));
    gql_object_set(ctx->arena, out, "user", gql_ptr(t.user, NULL));
    return WM_OK;
}

int accounts_gql_logout(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const char *refresh = NULL;
    int rc = arg_text(call, "refreshToken", &refresh);
    if (rc == WM_OK) rc = account_logout(ctx, refresh);
    if (rc != WM_OK && rc != WM_EINVAL) return rc;
    *out = gql_object(ctx->arena, 1);
    gql_object_set(ctx->arena, out, "message", gql_string(ctx->arena, "Successfully logged out"));
    wm_clear_error(ctx);
    return WM_OK;
}

int accounts_gql_view_me(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    struct user *u = NULL;
    rc = account_user_get(call->ctx, v->user_id, &u);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(call->ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    if (rc != WM_OK) return rc;
    *out = gql_ptr(u, NULL);
    return WM_OK;
}

static const struct user *user_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

/* The app's word for the account type: vendors are SUPPLIER, as the app registered them (it
 * lower-cases the value and shows the supplier screens for "supplier"). */
static int user_account_type(struct gql_call *call, struct gql_value *out)
{
    const char *t = user_of(call)->account_type;
    *out = gql_string_n(str_from(t && strcmp(t, "VENDOR") == 0 ? "SUPPLIER" : t));
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map accounts_gql_user_fields[] = {
    GQL_MAP_ID("id",              struct user, id),
    GQL_MAP_STR("email",          struct user, email),
    GQL_MAP_STR("firstName",      struct user, first_name),
    GQL_MAP_STR("lastName",       struct user, last_name),
    GQL_MAP_STR("phoneNumber",    struct user, phone_number),
    GQL_MAP_STR("dob",            struct user, dob),
    GQL_MAP_STR("gender",         struct user, gender),
    GQL_MAP_STR("streetAddress",  struct user, street_address),
    GQL_MAP_STR("city",           struct user, city),
    GQL_MAP_STR("country",        struct user, country),
    GQL_MAP_STR("postalCode",     struct user, postal_code),
    GQL_MAP_FN("accountType",     user_account_type),
    GQL_MAP_STR("businessName",   struct user, business_name),
    GQL_MAP_END,
};
/* clang-format on */
