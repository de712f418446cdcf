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
#include "market/shared/shared_gql.h"
#include "market/payments/payments.h"

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
    shared_gql_arg_bool(call, "isDefault", &has_default, &in.is_default);
    bool has = false;
    int64_t month = 0;
    int64_t year = 0;
    shared_gql_arg_int(call, "expiryMonth", &has, &month);
    shared_gql_arg_int(call, "expiryYear", &has, &year);
    in.exp_month = (int)month;
    in.exp_year = (int)year;
    const char *type = NULL;
    const char *number = NULL;
    const char *cvv = NULL;
    const char *holder = NULL;
    rc = shared_gql_arg_text(call, "paymentType", NULL, &type);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "cardNumber", NULL, &number);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "cvv", NULL, &cvv);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "cardHolderName", NULL, &holder);
    in.payment_type = type;
    in.card_number = number;
    in.cvv = cvv;
    in.holder_name = holder;
    struct payment_method *m = NULL;
    if (rc == WM_OK) rc = payment_method_add(call->ctx, v->user_id, &in, &m);
    /* The arena copies of the number and the CVV are wiped now, not at the arena's reset. */
    if (number) explicit_bzero((char *)number, strlen(number));
    if (cvv) explicit_bzero((char *)cvv, strlen(cvv));
    return shared_gql_payload(call, rc, "Payment method added", "paymentMethod", gql_ptr(m, NULL),
                              out);
}

int payments_gql_update_payment_method(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    struct payment_method_change in = { 0 };
    shared_gql_arg_bool(call, "isDefault", &in.set_default, &in.is_default);
    shared_gql_arg_bool(call, "isActive", &in.set_active, &in.is_active);
    bool has = false;
    int64_t n = 0;
    shared_gql_arg_int(call, "expiryMonth", &has, &n);
    if (has) in.exp_month = n < 1 || n > 12 ? -1 : (int)n;
    shared_gql_arg_int(call, "expiryYear", &has, &n);
    if (has) in.exp_year = n < 1 || n > 9999 ? -1 : (int)n;
    struct payment_method *m = NULL;
    rc = shared_gql_arg_id(call, "paymentMethodId", "payment method", &id);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "cardHolderName", NULL, &in.holder_name);
    if (rc == WM_OK) rc = payment_method_update(call->ctx, v->user_id, id, &in, &m);
    return shared_gql_payload(call, rc, "Payment method updated", "paymentMethod", gql_ptr(m, NULL),
                              out);
}

int payments_gql_delete_payment_method(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    rc = shared_gql_arg_id(call, "paymentMethodId", "payment method", &id);
    if (rc == WM_OK) rc = payment_method_delete(call->ctx, v->user_id, id);
    return shared_gql_payload(call, rc, "Payment method deleted", NULL, gql_null(), out);
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
