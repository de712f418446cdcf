/*
 * payments_gql.c: GraphQL adapter of the payments domain (payments_gql.h). The card number and
 * the CVV arguments are handed to payment_method_add() and never copied anywhere else; failures
 * the user can fix (WM_EINVAL, WM_ENOTFOUND, WM_ELIMIT) are answered in the payload, as the
 * app reads them (success must be true, else it shows message).
 */
#include "market/payments/payments_gql.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/payments/payments.h"

/* The String argument name in *out (an arena copy): NULL when null or absent. WM_EINVAL when
 * it holds a NUL character (the message names the argument, never its value). */
static int arg_text(struct gql_call *call, const char *name, char **out)
{
    const struct gql_value *v = gql_arg(call, name);
    *out = NULL;
    if (!v || v->kind != GQL_V_STRING) return WM_OK;
    if (memchr(v->u.s.ptr, '\0', v->u.s.len))
        return wm_errorf(call->ctx, WM_EINVAL, "%s contains a NUL character", name);
    *out = str_dup(call->ctx->arena, v->u.s);
    return WM_OK;
}

/* A Boolean argument: *has false when null or absent. */
static void arg_bool(const struct gql_call *call, const char *name, bool *has, bool *out)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && v->kind == GQL_V_BOOL;
    *out = *has && v->u.b;
}

/* An Int argument (0 when null or absent, which no check accepts). */
static int arg_int(const struct gql_call *call, const char *name)
{
    const struct gql_value *v = gql_arg(call, name);
    return v && v->kind == GQL_V_INT ? (int)v->u.i : 0;
}

/* The ID argument paymentMethodId as a positive id; a malformed one is recorded as not found
 * (the same answer as an unknown id). */
static int arg_id(struct gql_call *call, int64_t *id)
{
    const struct gql_value *v = gql_arg(call, "paymentMethodId");
    *id = 0;
    if (v && v->kind == GQL_V_INT) *id = v->u.i;
    if (v && v->kind == GQL_V_STRING && !str_to_int64(str_trim(v->u.s), id)) *id = 0;
    if (*id > 0) return WM_OK;
    struct str shown = v && v->kind == GQL_V_STRING ? v->u.s : STR("");
    if (shown.len > 40) shown.len = 40;
    return wm_errorf(call->ctx, WM_ENOTFOUND, "payment method '%.*s' not found", STR_FMT(shown));
}

/* True for the failures a payload reports (the user can fix them; nothing was written). */
static bool is_payload_failure(int rc)
{
    return rc == WM_EINVAL || rc == WM_ENOTFOUND || rc == WM_ELIMIT;
}

/*
 * The payload of a mutation that ended with rc: {success, message[, key: value]}. Failures of
 * is_payload_failure() become success false with ctx->err's message (key null); other errors
 * are returned for the executor to report.
 */
static int payload(struct gql_call *call, int rc, const char *ok, const char *key,
                   struct gql_value value, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    if (rc != WM_OK && !is_payload_failure(rc)) return rc;
    *out = gql_object(ctx->arena, 3);
    gql_object_set(ctx->arena, out, "success", gql_bool(rc == WM_OK));
    const char *msg = rc == WM_OK ? ok : wm_client_message(ctx, rc);
    gql_object_set(ctx->arena, out, "message", gql_string(ctx->arena, msg));
    if (key) gql_object_set(ctx->arena, out, key, rc == WM_OK ? value : gql_null());
    wm_clear_error(ctx);
    return WM_OK;
}

int payments_gql_my_payment_methods(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    struct payment_method *list = NULL;
    size_t n = 0;
    rc = payment_method_list(call->ctx, v->user_id, &list, &n);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_ptr(&list[i], NULL);
    return WM_OK;
}

int payments_gql_add_payment_method(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    struct payment_card_input in;
    memset(&in, 0, sizeof(in));
    bool has_default = false;
    arg_bool(call, "isDefault", &has_default, &in.is_default);
    in.exp_month = arg_int(call, "expiryMonth");
    in.exp_year = arg_int(call, "expiryYear");
    char *type = NULL;
    char *number = NULL;
    char *cvv = NULL;
    char *holder = NULL;
    rc = arg_text(call, "paymentType", &type);
    if (rc == WM_OK) rc = arg_text(call, "cardNumber", &number);
    if (rc == WM_OK) rc = arg_text(call, "cvv", &cvv);
    if (rc == WM_OK) rc = arg_text(call, "cardHolderName", &holder);
    in.payment_type = type;
    in.card_number = number;
    in.cvv = cvv;
    in.holder_name = holder;
    struct payment_method *m = NULL;
    if (rc == WM_OK) rc = payment_method_add(call->ctx, v->user_id, &in, &m);
    /* The arena copies of the number and the CVV are wiped now, not at the arena's reset. */
    if (number) explicit_bzero(number, strlen(number));
    if (cvv) explicit_bzero(cvv, strlen(cvv));
    return payload(call, rc, "Payment method added", "paymentMethod", gql_ptr(m, NULL), out);
}

int payments_gql_update_payment_method(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    bool set_default = false;
    bool is_default = false;
    bool set_active = false;
    bool is_active = false;
    arg_bool(call, "isDefault", &set_default, &is_default);
    arg_bool(call, "isActive", &set_active, &is_active);
    struct payment_method *m = NULL;
    rc = arg_id(call, &id);
    if (rc == WM_OK)
        rc = payment_method_update(call->ctx, v->user_id, id, set_default, is_default, set_active,
                                   is_active, &m);
    return payload(call, rc, "Payment method updated", "paymentMethod", gql_ptr(m, NULL), out);
}

int payments_gql_delete_payment_method(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    rc = arg_id(call, &id);
    if (rc == WM_OK) rc = payment_method_delete(call->ctx, v->user_id, id);
    return payload(call, rc, "Payment method deleted", NULL, gql_null(), out);
}

/* clang-format off */
const struct gql_field_map payments_gql_payment_method_fields[] = {
    GQL_MAP_ID("id",            struct payment_method, id),
    GQL_MAP_STR("paymentType",  struct payment_method, payment_type),
    GQL_MAP_BOOL("isDefault",   struct payment_method, is_default),
    GQL_MAP_STR("cardLastFour", struct payment_method, card_last_four),
    GQL_MAP_STR("cardBrand",    struct payment_method, card_brand),
    GQL_MAP_INT("cardExpMonth", struct payment_method, card_exp_month),
    GQL_MAP_INT("cardExpYear",  struct payment_method, card_exp_year),
    GQL_MAP_STR("cardHolderName", struct payment_method, card_holder_name),
    GQL_MAP_BOOL("isActive",    struct payment_method, is_active),
    GQL_MAP_STR("createdAt",    struct payment_method, created_at),
    GQL_MAP_STR("updatedAt",    struct payment_method, updated_at),
    GQL_MAP_END,
};
/* clang-format on */
