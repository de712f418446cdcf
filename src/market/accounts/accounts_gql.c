/*
 * accounts_gql.c: GraphQL adapter of the accounts domain (accounts_gql.h). Arguments become
 * the domain's structs, results become payload objects in the contract's shapes: register
 * reports problems in its payload (errors, a list of strings) with success false; login and
 * viewMe report failures as GraphQL errors with the wording the Flutter app matches.
 */
#include "market/accounts/accounts_gql.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/jwt.h"
#include "auth/totp.h"
#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/media/media.h"
#include "market/shared/shared_gql.h"

int accounts_gql_authenticate(struct wm_ctx *ctx, const char *authorization_header)
{
    int rc = account_authenticate(ctx, authorization_header);
    wm_clear_error(ctx);
    return rc;
}

int accounts_gql_register(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct account_signup in = { 0 };
    bool has_terms = false;
    shared_gql_arg_bool(call, "termsAccepted", &has_terms, &in.terms_accepted);
    int rc = shared_gql_arg_text(call, "email", "", &in.email);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "password1", "", &in.password1);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "password2", "", &in.password2);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "firstName", "", &in.first_name);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "lastName", "", &in.last_name);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "accountType", "", &in.account_type);
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
    int rc = shared_gql_arg_text(call, "email", "", &email);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "password", "", &password);
    if (rc != WM_OK) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_LOGIN);
    struct account_credentials in = {
        .email = str_dup(ctx->arena, str_trim(str_from(email))),
        .password = password,
        .remember_me = true,
    };
    const struct gql_value *remember = gql_arg(call, "rememberMe");
    if (remember && remember->kind == GQL_V_BOOL) in.remember_me = remember->u.b;
    rc = shared_gql_arg_text(call, "otpCode", "", &in.otp_code);
    if (rc != WM_OK) return rc;
    struct account_tokens t;
    rc = account_login(ctx, &in, &t);
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
    int rc = shared_gql_arg_text(call, "refreshToken", "", &refresh);
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

/* The claims of an access token as a JSON object (graphql_jwt's payload). */
static struct gql_value claims_value(struct wm_ctx *ctx, const struct jwt_claims *c)
{
    struct gql_value o = gql_object(ctx->arena, 8);
    char id[24];
    (void)snprintf(id, sizeof(id), "%lld", (long long)c->user_id);
    gql_object_set(ctx->arena, &o, "sub", gql_string(ctx->arena, id));
    (void)snprintf(id, sizeof(id), "%lld", (long long)c->session_id);
    gql_object_set(ctx->arena, &o, "sid", gql_string(ctx->arena, id));
    gql_object_set(ctx->arena, &o, "jti", gql_string(ctx->arena, c->jti));
    gql_object_set(ctx->arena, &o, "iat", gql_int(c->iat));
    gql_object_set(ctx->arena, &o, "nbf", gql_int(c->nbf));
    gql_object_set(ctx->arena, &o, "exp", gql_int(c->exp));
    gql_object_set(ctx->arena, &o, "origIat", gql_int(c->orig_iat));
    gql_object_set(ctx->arena, &o, "email", gql_string(ctx->arena, c->email));
    return o;
}

int accounts_gql_refresh_token(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const char *refresh = NULL;
    int rc = shared_gql_arg_text(call, "refreshToken", "", &refresh);
    if (rc != WM_OK) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
    struct account_tokens t;
    int64_t expires = 0;
    rc = account_refresh(ctx, refresh, &t, &expires);
    if (rc != WM_OK) return rc;
    struct jwt_claims c;
    rc = jwt_verify(ctx, ctx->jwt, t.token, (int64_t)time(NULL), &c);
    if (rc != WM_OK) return rc;
    *out = gql_object(ctx->arena, 4);
    gql_object_set(ctx->arena, out, "token", gql_string(ctx->arena, t.token));
    gql_object_set(ctx->arena, out, "refreshToken", gql_string(ctx->arena, t.refresh_token));
    gql_object_set(ctx->arena, out, "payload", claims_value(ctx, &c));
    gql_object_set(ctx->arena, out, "refreshExpiresIn", gql_int(expires));
    return WM_OK;
}

int accounts_gql_verify_token(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const char *token = NULL;
    int rc = shared_gql_arg_text(call, "token", "", &token);
    if (rc != WM_OK) return wm_errorf(ctx, WM_EUNAUTH, JWT_MSG_DECODE);
    struct jwt_claims c;
    rc = account_verify_token(ctx, token, &c);
    if (rc != WM_OK) return rc;
    *out = gql_object(ctx->arena, 1);
    gql_object_set(ctx->arena, out, "payload", claims_value(ctx, &c));
    return WM_OK;
}

int accounts_gql_revoke_token(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const char *refresh = NULL;
    int rc = shared_gql_arg_text(call, "refreshToken", "", &refresh);
    if (rc != WM_OK) return wm_errorf(ctx, WM_EUNAUTH, ACCOUNT_MSG_BAD_REFRESH);
    int64_t at = 0;
    rc = account_revoke_refresh(ctx, refresh, &at);
    if (rc != WM_OK) return rc;
    *out = gql_object(ctx->arena, 1);
    gql_object_set(ctx->arena, out, "revoked", gql_int(at));
    return WM_OK;
}

int accounts_gql_reset_password(struct gql_call *call, struct gql_value *out)
{
    const char *current = NULL;
    const char *fresh = NULL;
    int rc = shared_gql_arg_text(call, "currentPassword", "", &current);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "newPassword", "", &fresh);
    if (rc == WM_OK) rc = account_password_change(call->ctx, current, fresh);
    return shared_gql_payload(call, rc,
                              "Your password was changed; your other sessions were signed out.",
                              NULL, gql_null(), out);
}

int accounts_gql_is_2fa_enabled(struct gql_call *call, struct gql_value *out)
{
    bool on = false;
    int rc = account_twofa_enabled(call->ctx, &on);
    if (rc != WM_OK) return rc;
    *out = gql_object(call->ctx->arena, 1);
    gql_object_set(call->ctx->arena, out, "enabled", gql_bool(on));
    return WM_OK;
}

int accounts_gql_enable_2fa(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct account_twofa_setup setup;
    int rc = account_twofa_begin(ctx, &setup);
    if (rc != WM_OK) return shared_gql_payload(call, rc, NULL, NULL, gql_null(), out);
    struct gql_value codes = gql_list(ctx->arena, TOTP_BACKUP_COUNT);
    for (size_t i = 0; i < TOTP_BACKUP_COUNT; i++)
        codes.u.list.items[i] = gql_string_n(str_from(setup.backup_codes[i]));
    *out = gql_object(ctx->arena, 7);
    gql_object_set(ctx->arena, out, "success", gql_bool(true));
    gql_object_set(ctx->arena, out, "message",
                   gql_string(ctx->arena, "Scan the QR code, then confirm with a first code."));
    gql_object_set(ctx->arena, out, "qrCodeUrl", gql_string(ctx->arena, setup.qr_data_url));
    gql_object_set(ctx->arena, out, "backupCode", gql_string(ctx->arena, setup.backup_codes[0]));
    gql_object_set(ctx->arena, out, "backupCodes", codes);
    gql_object_set(ctx->arena, out, "secret", gql_string(ctx->arena, setup.secret));
    gql_object_set(ctx->arena, out, "otpauthUri", gql_string(ctx->arena, setup.uri));
    return WM_OK;
}

int accounts_gql_verify_2fa(struct gql_call *call, struct gql_value *out)
{
    const char *code = NULL;
    bool enabled_now = false;
    int rc = shared_gql_arg_text(call, "code", "", &code);
    if (rc == WM_OK) rc = account_twofa_verify(call->ctx, code, &enabled_now);
    return shared_gql_payload(
            call, rc, enabled_now ? "Two-factor authentication is on." : "The code is correct.",
            NULL, gql_null(), out);
}

int accounts_gql_disable_2fa(struct gql_call *call, struct gql_value *out)
{
    const char *password = NULL;
    int rc = shared_gql_arg_text(call, "password", "", &password);
    if (rc == WM_OK) rc = account_twofa_disable(call->ctx, password);
    return shared_gql_payload(call, rc, "Two-factor authentication is off.", NULL, gql_null(), out);
}

int accounts_gql_active_sessions(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct account_session *list = NULL;
    size_t n = 0;
    int rc = account_sessions(ctx, &list, &n);
    if (rc != WM_OK) return rc;
    struct gql_value items = gql_list(ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        items.u.list.items[i] = gql_ptr(&list[i], NULL);
    *out = gql_object(ctx->arena, 2);
    gql_object_set(ctx->arena, out, "sessions", items);
    char id[24];
    (void)snprintf(id, sizeof(id), "%lld", (long long)ctx->viewer->session_id);
    gql_object_set(ctx->arena, out, "currentSessionId", gql_string(ctx->arena, id));
    return WM_OK;
}

int accounts_gql_terminate_session(struct gql_call *call, struct gql_value *out)
{
    const char *id = NULL;
    int rc = shared_gql_arg_text(call, "sessionId", "", &id);
    if (rc == WM_OK) rc = account_session_terminate(call->ctx, id);
    return shared_gql_payload(call, rc, "The session was signed out.", NULL, gql_null(), out);
}

int accounts_gql_terminate_others(struct gql_call *call, struct gql_value *out)
{
    int64_t n = 0;
    int rc = account_sessions_terminate_others(call->ctx, &n);
    const char *msg = rc == WM_OK
                              ? arena_printf(call->ctx->arena, "%lld other session%s signed out.",
                                             (long long)n, n == 1 ? " was" : "s were")
                              : NULL;
    return shared_gql_payload(call, rc, msg, NULL, gql_null(), out);
}

int accounts_gql_update_user(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    struct account_profile in = { 0 };
    static const struct {
        const char *arg;
        size_t offset;
    } args[] = {
        { "firstName", offsetof(struct account_profile, first_name) },
        { "lastName", offsetof(struct account_profile, last_name) },
        { "phoneNumber", offsetof(struct account_profile, phone_number) },
        { "dob", offsetof(struct account_profile, dob) },
        { "gender", offsetof(struct account_profile, gender) },
        { "streetAddress", offsetof(struct account_profile, street_address) },
        { "city", offsetof(struct account_profile, city) },
        { "country", offsetof(struct account_profile, country) },
        { "postalCode", offsetof(struct account_profile, postal_code) },
        { "businessName", offsetof(struct account_profile, business_name) },
    };
    int rc = WM_OK;
    for (size_t i = 0; rc == WM_OK && i < sizeof(args) / sizeof(args[0]); i++)
        rc = shared_gql_arg_text(call, args[i].arg, NULL,
                                 (const char **)((char *)&in + args[i].offset));
    const struct gql_value *pic = gql_arg(call, "profilePicture");
    if (rc == WM_OK && pic && pic->kind == GQL_V_OBJECT) {
        for (size_t i = 0; i < pic->u.obj.count; i++) {
            const struct gql_member *m = &pic->u.obj.items[i];
            if (strcmp(m->key, "url") == 0 && m->value->kind == GQL_V_STRING)
                in.profile_picture_url = str_dup(ctx->arena, m->value->u.s);
        }
    }
    struct user *u = NULL;
    if (rc == WM_OK) rc = account_profile_update(ctx, &in, &u);
    return shared_gql_payload(call, rc, "Your profile was updated.", "user", gql_ptr(u, NULL), out);
}

int accounts_gql_set_profile_picture(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    const struct gql_value *f = gql_arg(call, "file");
    struct user *u = NULL;
    struct media_image *m = NULL;
    if (!f || f->kind != GQL_V_PTR || !f->u.ptr) {
        rc = wm_errorf(ctx, WM_EINVAL, "Choose an image file to upload.");
    } else {
        const struct gql_upload *up = f->u.ptr;
        rc = media_upload(ctx, v->user_id, up->data.ptr, up->data.len, &m);
        /* Not an image, or too big: the user's own mistake, said in the payload. */
        if (rc == WM_EMEDIA || rc == WM_ETOOBIG)
            rc = wm_errorf(ctx, WM_EINVAL, "%s", wm_client_message(ctx, rc));
    }
    if (rc == WM_OK && m) {
        struct account_profile in = { .profile_picture_url = m->url };
        rc = account_profile_update(ctx, &in, &u);
    }
    return shared_gql_payload(call, rc, "Your profile picture was changed.", "user",
                              gql_ptr(u, NULL), out);
}

int accounts_gql_verify_email(struct gql_call *call, struct gql_value *out)
{
    const char *token = NULL;
    int rc = shared_gql_arg_text(call, "token", "", &token);
    if (rc == WM_OK) rc = account_email_verify(call->ctx, token);
    return shared_gql_payload(call, rc, "Thank you: your email address is verified.", NULL,
                              gql_null(), out);
}

int accounts_gql_resend_verification(struct gql_call *call, struct gql_value *out)
{
    int rc = account_email_resend(call->ctx);
    return shared_gql_payload(call, rc, "We have sent you a new link to verify your email address.",
                              NULL, gql_null(), out);
}

int accounts_gql_request_password_reset(struct gql_call *call, struct gql_value *out)
{
    const char *email = NULL;
    int rc = shared_gql_arg_text(call, "email", "", &email);
    if (rc == WM_OK) {
        email = str_dup(call->ctx->arena, str_trim(str_from(email)));
        rc = account_password_reset_request(call->ctx, email);
    }
    return shared_gql_payload(call, rc, ACCOUNT_MSG_RESET_SENT, NULL, gql_null(), out);
}

int accounts_gql_reset_password_with_token(struct gql_call *call, struct gql_value *out)
{
    const char *token = NULL;
    const char *fresh = NULL;
    int rc = shared_gql_arg_text(call, "token", "", &token);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "newPassword", "", &fresh);
    if (rc == WM_OK) rc = account_password_reset(call->ctx, token, fresh);
    return shared_gql_payload(call, rc, "Your password was changed. Please sign in with it.", NULL,
                              gql_null(), out);
}

static const struct account_session *session_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int session_is_current(struct gql_call *call, struct gql_value *out)
{
    *out = gql_bool(session_of(call)->current);
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map accounts_gql_session_fields[] = {
    GQL_MAP_ID("id",           struct account_session, id),
    GQL_MAP_STR("deviceName",  struct account_session, device_name),
    GQL_MAP_STR("deviceType",  struct account_session, device_type),
    GQL_MAP_STR("location",    struct account_session, location),
    GQL_MAP_STR("ipAddress",   struct account_session, ip),
    GQL_MAP_STR("lastActive",  struct account_session, last_active),
    GQL_MAP_STR("userAgent",   struct account_session, user_agent),
    GQL_MAP_STR("createdAt",   struct account_session, created_at),
    GQL_MAP_FN("isCurrent",    session_is_current),
    GQL_MAP_END,
};
/* clang-format on */

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

/* The picture as {url, thumbnail}: null when none was set. */
static int user_profile_picture(struct gql_call *call, struct gql_value *out)
{
    const char *url = user_of(call)->profile_picture_url;
    if (!url) {
        *out = gql_null();
        return WM_OK;
    }
    *out = gql_object(call->ctx->arena, 2);
    gql_object_set(call->ctx->arena, out, "url", gql_string_n(str_from(url)));
    gql_object_set(call->ctx->arena, out, "thumbnail", gql_null());
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map accounts_gql_user_fields[] = {
    GQL_MAP_ID("id",              struct user, id),
    GQL_MAP_STR("email",          struct user, email),
    GQL_MAP_STR("username",       struct user, username),
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
    GQL_MAP_FN("profilePicture",  user_profile_picture),
    GQL_MAP_BOOL("emailVerified", struct user, email_verified),
    GQL_MAP_END,
};
/* clang-format on */
